"""The shipped corpus validates, the facts the example page rests on are pinned, and each
kind of error in a corpus file is reported with file, row and column."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from checker.corpus import load_corpus, validate_corpus
from checker.resources import data_dir

SHIPPED = data_dir("corpus")


def test_shipped_corpus_validates():
    corpus, problems = validate_corpus([SHIPPED])
    assert problems == [] and corpus is not None
    for row in [*corpus.evidence.values(), *corpus.status.values(), *corpus.caveats.values()]:
        assert row.sources, row.id
        assert row.reviewed_on <= date.today()


def test_mdma_facts_the_example_rests_on():
    corpus = load_corpus()
    mdma = corpus.interventions["mdma"]
    assert "ecstasy" in [n.lower() for n in mdma.names]
    row = corpus.evidence_for("mdma", "ptsd")
    assert row.grade == "preliminary" and row.max_strength == "possibility" and "speed" not in row.supports
    assert "9 Aug 2024" in row.summary
    status = {s.jurisdiction: s for s in corpus.status_of("mdma")}
    assert status["US"].controlled and status["US"].schedule == "Schedule I" and status["US"].approval == "not-approved"
    assert status["UK"].schedule == "Class A"
    assert status["AU"].approval == "restricted" and "1 July 2023" in status["AU"].summary
    kinds = {c.kind for c in corpus.caveats_of("mdma")}
    assert {"adverse-effects", "contraindications", "supervision", "evidence-status", "legal-status"} <= kinds
    for source_id in row.sources:
        assert corpus.sources[source_id].url.startswith("http")


def test_every_unapproved_or_controlled_substance_has_a_legal_status_caveat():
    # HL301 suggests the corpus's legal-status wording; without a row it cannot fire at all
    # (IV vitamin C, not approved in the US, had none).
    corpus = load_corpus()
    missing = [i for i in corpus.interventions
               if any(s.approval in ("not-approved", "restricted") or s.controlled for s in corpus.status_of(i))
               and not corpus.caveats_of(i, "legal-status")]
    assert missing == []


def test_broad_condition_uses_the_best_graded_narrower_row():
    corpus = load_corpus()
    assert corpus.evidence_for("psilocybin", "depression").id == "psilocybin-treatment-resistant-depression"
    assert corpus.evidence_for("psilocybin", "major-depressive-disorder").grade == "preliminary"


@pytest.fixture()
def broken(tmp_path: Path):
    """A copy of the shipped corpus to break one way per test."""
    folder = tmp_path / "corpus"
    shutil.copytree(SHIPPED, folder)

    def edit(table: str, old: str, new: str) -> Path:
        path = folder / f"{table}.csv"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    return folder, edit


@pytest.mark.parametrize("table, old, new, column, message", [
    ("evidence", "id,intervention,condition", "id,intervention,condition_x", "condition_x", "unknown column"),
    ("evidence", ",preliminary,", ",tentative,", "grade", "is not one of"),
    ("evidence", "mdma-ptsd,mdma,ptsd", "mdma-ptsd,mdma,ptsdd", "condition", "is not an id in conditions.csv"),
    ("evidence", "mdma-ptsd,mdma,", "psilocybin-major-depressive-disorder,mdma,", "id", "duplicate id"),
    ("status", "mdma-us,mdma,US,", "mdma-us,mdma,USA,", "jurisdiction", "is not one of"),
    ("status", "mdma-us,mdma,US,not-approved,yes,Schedule I,,", "mdma-us,mdma,US,not-approved,yes,Schedule I,rx,",
     "prescription", "is not one of"),
    ("caveats", "2026-11-27", "27/11/2026", "reviewed_on", "is not a date"),
    ("interventions", "mdma,MDMA,", "mdma,,", "name", "is empty"),
])
def test_each_error_names_file_row_and_column(broken, table, old, new, column, message):
    folder, edit = broken
    path = edit(table, old, new)
    corpus, problems = validate_corpus([folder])
    assert corpus is None
    hit = [p for p in problems if p.file == str(path) and p.column == column and message in p.message]
    assert hit, [str(p) for p in problems]
    assert hit[0].row >= 1 and str(path) in str(hit[0])


def test_an_interventions_table_written_before_common_words_still_loads(broken):
    folder, _ = broken
    path = folder / "interventions.csv"
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0][-1] == "common_words"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(row[:-1] for row in rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    corpus, problems = validate_corpus([folder])
    assert not problems, [str(p) for p in problems]
    assert corpus.interventions["ozone-therapy"].common_words == ()


def test_missing_sources_is_an_error(broken):
    folder, _ = broken
    path = folder / "evidence.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[1][header.index("sources")] = ""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    _, problems = validate_corpus([folder])
    assert any(p.column == "sources" and p.row == 2 and "is empty" in p.message for p in problems)


def test_user_corpus_overrides_by_id(tmp_path: Path):
    extra = tmp_path / "ours"
    extra.mkdir()
    header = (SHIPPED / "evidence.csv").read_text(encoding="utf-8").splitlines()[0]
    (extra / "evidence.csv").write_text(
        header + "\nmdma-ptsd,mdma,ptsd,moderate,efficacy,,Our reviewers' reading.,mitchell-2021-mapp1,2026-11-01\n",
        encoding="utf-8")
    corpus = load_corpus([extra])
    row = corpus.evidence_for("mdma", "ptsd")
    assert row.grade == "moderate" and row.table == str(extra)


def test_corpus_show_finds_names_synonyms_and_misspellings():
    from checker.corpus_tools import find_names

    corpus = load_corpus()
    assert find_names(corpus, "ecstacy")[0][:2] == ("intervention", "mdma")
    assert find_names(corpus, "post traumatic stress")[0][:2] == ("condition", "ptsd")
    fuzzy = find_names(corpus, "extasyy")[0]
    assert (fuzzy.kind, fuzzy.id) == ("intervention", "mdma") and fuzzy.score < 100
    assert find_names(corpus, "zzzzqqq") == []


def test_corpus_show_command():
    import json

    from click.testing import CliRunner

    from checker.cli import main

    runner = CliRunner()
    text = runner.invoke(main, ["corpus", "show", "ecstacy"]).stdout
    assert text.startswith("MDMA [intervention mdma") and "evidence mdma-ptsd: preliminary" in text and "status US" in text
    data = json.loads(runner.invoke(main, ["corpus", "show", "post traumatic stress", "--format", "json"]).stdout)
    assert data[0]["id"] == "ptsd" and data[0]["evidence"][0]["id"] == "mdma-ptsd"
    # a common word finds its intervention, and the intervention lists its common words
    text = runner.invoke(main, ["corpus", "show", "ozone"]).stdout
    assert text.startswith("ozone therapy [intervention ozone-therapy") and "common words: ozone, Ozone" in text
    missing = runner.invoke(main, ["corpus", "show", "zzzzqqq"])
    assert missing.exit_code == 1 and "nothing in the corpus matches" in missing.stderr


def test_corpus_stale():
    from datetime import timedelta

    from click.testing import CliRunner

    from checker.cli import main
    from checker.corpus_tools import parse_age, stale_rows

    corpus = load_corpus()
    assert parse_age("12m") == timedelta(days=360) and parse_age("2y") == timedelta(days=730)
    newest = max(r.reviewed_on for r in corpus.evidence.values())
    assert stale_rows(corpus, timedelta(days=1), today=newest) == [] or all(
        r.reviewed_on < newest for r in stale_rows(corpus, timedelta(days=1), today=newest))
    later = newest + timedelta(days=400)
    rows = stale_rows(corpus, parse_age("12m"), today=later)
    assert {r.table for r in rows} == {"evidence", "status", "caveats"}
    runner = CliRunner()
    result = runner.invoke(main, ["corpus", "stale", "--older-than", "12m", "--as-of", later.isoformat()])
    assert result.exit_code == 1 and "last reviewed more than 12m ago" in result.stdout
    fresh = runner.invoke(main, ["corpus", "stale", "--older-than", "12m", "--as-of", newest.isoformat()])
    assert fresh.exit_code == 0
    bad = runner.invoke(main, ["corpus", "stale", "--older-than", "soon"])
    assert bad.exit_code == 2 and "not an age" in bad.stderr


def test_corpus_breadth():
    """Issue 3's floor: 60+ intervention x condition pairs, 500+ conditions, every source read
    (itself or through a named secondary copy)."""
    corpus = load_corpus()
    assert len({(e.intervention, e.condition) for e in corpus.evidence.values()}) >= 60
    assert len(corpus.conditions) >= 500
    assert {s.verified for s in corpus.sources.values()} <= {"yes", "secondary"}
    assert all(s.note for s in corpus.sources.values())


def test_names_belong_to_one_row(broken):
    folder, edit = broken
    path = edit("conditions", "ptsd,post-traumatic stress disorder,PTSD|", "ptsd,post-traumatic stress disorder,PTSD|MDMA|")
    _, problems = validate_corpus([folder])
    assert any(p.file == str(path) and "name 'MDMA' also belongs to 'intervention mdma'" in p.message for p in problems)


def test_every_condition_an_effect_implies_is_in_the_corpus():
    from checker.lexicon import load_lexicon

    corpus = load_corpus([str(data_dir("corpus"))])
    implied = {e.get("implies") for e in load_lexicon().of("effects")} - {None}
    assert implied and implied <= set(corpus.conditions)


def test_a_user_status_table_written_before_the_prescription_column_still_loads(tmp_path: Path):
    extra = tmp_path / "ours"
    extra.mkdir()
    (extra / "status.csv").write_text(
        "id,intervention,jurisdiction,approval,controlled,schedule,summary,effective,sources,reviewed_on\n"
        "mdma-us,mdma,US,not-approved,yes,Schedule I,Our reading.,,mitchell-2021-mapp1,2026-11-01\n", encoding="utf-8")
    corpus, problems = validate_corpus([SHIPPED, extra])
    assert corpus is not None, [str(p) for p in problems]
    row = next(s for s in corpus.status_of("mdma") if s.jurisdiction == "US")
    assert row.table == str(extra) and row.prescription is None


def test_prescription_only_status_is_recorded_with_its_sources():
    corpus = load_corpus()
    rows = {s.jurisdiction: s for s in corpus.status_of("semaglutide")}
    assert rows["US"].prescription is True and "semaglutide-wegovy-dailymed-rx" in rows["US"].sources
    assert all(s.prescription is None for s in corpus.status_of("mdma") if s.jurisdiction != "AU")
