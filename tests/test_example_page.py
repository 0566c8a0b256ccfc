"""The canonical example page: what DESIGN.md says a good report contains, at the right
place, in all three formats. Expected places are found by searching the source file for
the words, never hard-coded line numbers."""

from __future__ import annotations

import re

import pytest

from conftest import DATA

FORMATS = ("txt", "md", "html")

# (rule, words the finding points at, a phrase on the same source line)
EXPECTED_CLAIM_FINDINGS = [
    ("HL103", "Clinical trials demonstrate", "Clinical trials demonstrate promising results"),
    ("HL104", "Rapid", "Rapid Symptom Relief"),
    ("HL105", "lasting", "rapid and lasting improvements"),
    ("HL106", "contrasting with traditional treatment", "contrasting with traditional treatment modalities"),
    ("HL105", "Lasting", "Lasting Therapeutic Effects"),
    ("HL108", "revolutionary", "a revolutionary approach"),
    ("HL107", "safe", "in a safe and supportive environment"),
    ("HL107", "without overwhelming emotional distress", "without overwhelming emotional distress"),
]
EXPECTED_PAGE_FINDINGS = ["HL201", "HL202", "HL203", "HL204", "HL301", "HL302"]


def source_position(source: str, phrase: str, word: str) -> tuple[int, int]:
    """1-based line and column of ``word`` inside the first occurrence of ``phrase``
    (Markdown and HTML copies wrap lines, so any run of white space matches a space)."""
    pattern = r"\s+".join(re.escape(part) for part in phrase.split())
    found = re.search(pattern, source)
    assert found, f"{phrase!r} not in the source"
    inner = r"\s+".join(re.escape(part) for part in word.split())
    at = found.start() + re.search(inner, found.group(0)).start()
    line = source.count("\n", 0, at) + 1
    return line, at - (source.rfind("\n", 0, at) + 1) + 1


@pytest.fixture(scope="module", params=FORMATS)
def page(request, checker):
    path = DATA / f"mdma-ptsd-product-page.{request.param}"
    report = checker.check_paths([path]).documents[0]
    return path.read_text(encoding="utf-8"), report


@pytest.mark.parametrize("rule, word, phrase", EXPECTED_CLAIM_FINDINGS)
def test_claim_findings_at_the_right_place(page, rule, word, phrase):
    source, report = page
    line, column = source_position(source, phrase, word)
    hits = [f for f in report.findings if f.rule == rule and (f.location.line, f.location.column) == (line, column)]
    assert hits, f"{rule} not at {line}:{column} ({word!r}); got {[(f.rule, f.location.line, f.location.column) for f in report.findings]}"
    assert hits[0].text == word
    assert hits[0].intervention == "mdma" and hits[0].condition == "ptsd"


@pytest.mark.parametrize("rule", EXPECTED_PAGE_FINDINGS)
def test_page_findings(page, rule):
    _, report = page
    assert rule in {f.rule for f in report.findings}


def test_findings_carry_evidence_and_citations(page):
    _, report = page
    trials = next(f for f in report.findings if f.rule == "HL103" and f.text == "Clinical trials demonstrate")
    assert trials.evidence.id == "mdma-ptsd" and trials.evidence.grade == "preliminary"
    cited = " ".join(c.citation + " " + c.url for c in trials.evidence.citations)
    assert "MAPP1" in cited and "MAPP2" in cited and "complete response letter" in cited.lower()
    assert trials.evidence.reviewed_on


def test_legal_status_finding_names_the_status(page):
    _, report = page
    legal = next(f for f in report.findings if f.rule == "HL301")
    by_place = {s.jurisdiction: s for s in legal.status}
    assert "Schedule I" in by_place["US"].summary and by_place["US"].approval == "not-approved"
    assert "Class A" in by_place["UK"].summary
    assert by_place["AU"].approval == "restricted" and "1 July 2023" in by_place["AU"].summary
    assert legal.suggestions and all(c.url for c in legal.citations)


def test_missing_caveats_suggest_wording(page):
    _, report = page
    adverse = next(f for f in report.findings if f.rule == "HL201")
    text = " ".join(adverse.suggestions).lower()
    assert "heart rate" in text and "overheating" in text and "sodium" in text
    contra = next(f for f in report.findings if f.rule == "HL202")
    assert "maoi" in " ".join(contra.suggestions).lower()


def test_consult_a_professional_is_a_partial_caveat(page):
    source, report = page
    supervision = next(f for f in report.findings if f.rule == "HL203")
    notes = [note for note, _ in supervision.related]
    assert any("consult with qualified professionals" in note for note in notes)
    _, where = supervision.related[0]
    assert (where.line, where.column) == source_position(source, "consult with qualified professionals", "consult")
    assert any(c.kind == "supervision" and c.level == "partial" for c in report.caveats)


def test_offer_to_sell_points_at_the_reviews_section(page):
    source, report = page
    offer = next(f for f in report.findings if f.rule == "HL302")
    assert offer.text == "Reviews"
    assert offer.location.line == source_position(source, "Reviews", "Reviews")[0]


def test_promising_treatment_is_a_hedge_not_an_overstatement(page):
    source, report = page
    first = next(c for c in report.claims if "has emerged as a promising treatment" in c.text)
    assert "hedged" in first.context and first.strength == "possibility"
    line, _ = source_position(source, "has emerged as a promising treatment", "has")
    assert not [f for f in report.findings if f.location.line == line and f.text in ("promising", "treatment", "for")]


def test_same_findings_in_all_formats(checker):
    def key(path):
        report = checker.check_paths([path]).documents[0]
        return sorted((f.rule, f.text) for f in report.findings)

    keys = [key(DATA / f"mdma-ptsd-product-page.{fmt}") for fmt in FORMATS]
    assert keys[0] == keys[1] == keys[2]


def test_names_and_street_names_resolve_to_one_intervention(checker):
    doc = checker.nlp((DATA / "mdma-ptsd-product-page.txt").read_text(encoding="utf-8"))
    mentions = {(s.text, s.label_, s.id_) for s in doc.spans["hl_mentions"]}
    assert ("Ecstasy", "INTERVENTION", "mdma") in mentions
    assert ("3,4-methylenedioxymethamphetamine", "INTERVENTION", "mdma") in mentions
    assert ("Post-Traumatic Stress Disorder", "CONDITION", "ptsd") in mentions
    assert ("PTSD", "CONDITION", "ptsd") in mentions


def test_long_document_is_checked_in_chunks_with_right_locations(checker, monkeypatch):
    """A document longer than one chunk: page-level facts gather across chunks and a claim
    near the end is located on its own line."""
    from checker import api
    from checker.ingest import from_text

    monkeypatch.setattr(api, "CHUNK_CHARS", 2_000)
    filler = "Our clinic is open on weekdays and has free parking for visitors.\n" * 100
    text = "MDMA for PTSD\n" + filler + "MDMA gives instant relief from PTSD.\n"
    report = checker.check_document(from_text(text))
    speed = next(f for f in report.findings if f.rule == "HL104")
    assert (speed.location.line, speed.location.column) == (102, 12)
    assert speed.text == "instant"
    assert {"HL201", "HL301"} <= {f.rule for f in report.findings}
