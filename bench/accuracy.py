"""Accuracy on text the team did not tune to (a script, not a test).

From the files in eval/data (see eval/data/README.md) this prints:
* recall on FDA warning-letter claims: the share that draw an HL1xx finding (target >= 0.95);
* false positives on acceptable statements by authorities: the share that draw an
  error-level HL1xx finding (target <= 0.05), for the dev and held-out parts apart;
* on the annotated marketing documents (eval/data/documents): claim-detection precision and
  recall, and per-rule precision, recall and F1 (targets P >= 0.90, R >= 0.85 for the HL1xx
  and HL2xx families), dev and held-out apart, each family with a 95% interval from resampling
  whole pages (bench/compare.py reads two --json runs and says whether a change moved more
  than that);
* when ../shared/data/insciout/ exists, claim strength against InSciOut's expert labels
  (bench/insciout.py: confusion matrices, macro-F1, exaggeration);
* when Yu et al.'s corpus is cloned next to this repository, claim strength against its
  3,061 labelled PubMed conclusions (bench/causal_language.py);
* with --errors, every miss and false positive of the dev parts, so they can be read
  (--errors=all adds the held-out parts: look at them only once tuning is over);
* with --typographic, the same on every text printed as most published pages print it, with
  "’" for the apostrophe inside a word ("don’t", "John’s"), where the annotators typed "'".

--markdown prints the README's "Accuracy" section; tests/test_docs.py checks that the README
holds what it prints.

Run from the repository root, offline:
    python bench/accuracy.py [--errors[=all]] [--json] [--markdown] [--update-readme] [--no-insciout]
                             [--documents GLOBS] [--min-confidence X] [--typographic]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/insciout.py

from checker.nlp.claims import NOT_CLAIMED  # noqa: E402  (negated, hypothetical, distanced, caveat, status)

DATA = ROOT / "eval" / "data"
DOCUMENTS = DATA / "documents"
SPLITS = ("dev", "held-out")
SCORED_RULES = ("HL101", "HL102", "HL103", "HL104", "HL105", "HL106", "HL107", "HL108", "HL109", "HL110",
                "HL201", "HL202", "HL203", "HL204", "HL301", "HL302")
PAGE_RULES = ("HL201", "HL202", "HL203", "HL204", "HL301")  # one per (rule, intervention) and page; HL302 per page
CAVEAT_KINDS = {"adverse-effects", "contraindications", "supervision", "evidence-status", "legal-status"}

# The targets, in one place for the text report and the README tables.
LETTER_RECALL, ACCEPTABLE_FALSE_POSITIVES, FAMILY_P, FAMILY_R, STRENGTH_F1 = 0.95, 0.05, 0.90, 0.85, 0.75


def letters_met(rate: float) -> bool:
    return rate >= LETTER_RECALL


def acceptable_met(rate: float) -> bool:
    return rate <= ACCEPTABLE_FALSE_POSITIVES


def family_met(r: dict) -> bool:
    return (r["precision"] or 0) >= FAMILY_P and (r["recall"] or 0) >= FAMILY_R


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


IN_WORD_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def typographic(text: str) -> str:
    """The text as most published pages print it: "don’t", not "don't" (--typographic)."""
    return IN_WORD_APOSTROPHE.sub("\u2019", text)


def page_text(quote: str) -> str:
    """The words as the page printed them: FDA letters mark their edits to a quote —
    "[A]lleviates", "Testicules [sic]", "BPH[,]" — and the page had none of them."""
    quote = re.sub(r"\s*\[sic\]", "", quote, flags=re.IGNORECASE)
    return re.sub(r"\[([^\]\[]{1,3})\]", r"\1", quote)


# -- scoring (pure functions; tests/test_accuracy_harness.py) -------------------------


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0  # recall's numerator
    matched_predicted: int = 0  # precision's numerator

    def add(self, other: "Counts") -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched_gold += other.matched_gold
        self.matched_predicted += other.matched_predicted

    @property
    def precision(self) -> float | None:
        return self.matched_predicted / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched_gold / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> tuple[Counts, list[int], list[int]]:
    """Gold and predicted character spans of one kind: a gold span is found when some
    predicted span overlaps it; a predicted span is right when it overlaps some gold span
    (two findings inside one annotated sentence are one finding, not a false positive).
    Returns the counts, the unmatched gold indexes and the unmatched predicted indexes."""
    missed = [i for i, g in enumerate(gold) if not any(overlaps(g, p) for p in predicted)]
    wrong = [j for j, p in enumerate(predicted) if not any(overlaps(g, p) for g in gold)]
    return Counts(len(gold), len(predicted), len(gold) - len(missed), len(predicted) - len(wrong)), missed, wrong


def match_keys(gold: set, predicted: set) -> Counts:
    return Counts(len(gold), len(predicted), len(gold & predicted), len(gold & predicted))


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


# -- the sets ---------------------------------------------------------------------------


@dataclass
class DocumentScores:
    claims: Counts = field(default_factory=Counts)
    rules: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in SCORED_RULES})
    caveats: Counts = field(default_factory=Counts)  # caveat kinds present, per intervention
    documents: int = 0
    words: int = 0
    errors: list[str] = field(default_factory=list)
    # Each page's own counts ("HL1", "HL2", "HL3", "claims"): the unit a confidence interval
    # resamples, since the findings on one page are not independent of each other.
    pages: dict[str, dict[str, Counts]] = field(default_factory=dict)

    def family(self, prefix: str) -> Counts:
        total = Counts()
        for rule, counts in self.rules.items():
            if rule.startswith(prefix):
                total.add(counts)
        return total


BOOTSTRAP_DRAWS = 1000


def _measures(total: Counts) -> tuple[float, float, float]:
    return total.precision or 0.0, total.recall or 0.0, total.f1 or 0.0


def _percentile_intervals(samples: list) -> dict:
    """The 2.5th and 97.5th percentiles of each measure (precision, recall, F1) over bootstrap
    samples of (P, R, F1); None for each when there are none."""
    out = {}
    for index, name in enumerate(("precision", "recall", "f1")):
        ordered = sorted(sample[index] for sample in samples)
        out[name] = (ordered[int(0.025 * len(ordered))], ordered[int(0.975 * len(ordered)) - 1]) if ordered else None
    return out


def page_interval(pages: list[dict[str, Counts]], key: str, draws: int = BOOTSTRAP_DRAWS, seed: int = 0) -> dict:
    """95% percentile intervals of precision, recall and F1 for ``key`` ("HL1", "claims" ...),
    resampling whole pages with replacement: how far the figure could move on another set of
    pages like these. Seeded, so a figure and its interval are the same on every run."""
    rng = random.Random(seed)
    samples: list[tuple[float, float, float]] = []
    for _ in range(draws if pages else 0):
        total = Counts()
        for page in rng.choices(pages, k=len(pages)):
            total.add(page[key])
        samples.append(_measures(total))
    return _percentile_intervals(samples)


def paired_difference(before: dict[str, dict[str, Counts]], after: dict[str, dict[str, Counts]], key: str,
                      draws: int = BOOTSTRAP_DRAWS, seed: int = 0) -> dict:
    """The change in precision, recall and F1 for ``key`` between two runs over the same pages,
    with a 95% interval from resampling the pages both runs scored (the same draw for both):
    a change whose interval holds 0 is not told apart from the pages' own spread."""
    ids = sorted(set(before) & set(after))

    def total(run: dict, chosen: list[str]) -> Counts:
        t = Counts()
        for page in chosen:
            t.add(run[page][key])
        return t

    point = [b - a for a, b in zip(_measures(total(before, ids)), _measures(total(after, ids)))]
    rng = random.Random(seed)
    samples = []
    for _ in range(draws if ids else 0):
        chosen = rng.choices(ids, k=len(ids))
        samples.append([b - a for a, b in zip(_measures(total(before, chosen)), _measures(total(after, chosen)))])
    intervals = _percentile_intervals(samples)
    return {"pages": len(ids)} | {name: {"change": point[index], "interval": intervals[name]}
                                  for index, name in enumerate(("precision", "recall", "f1"))}


def locate(text: str, needle: str) -> tuple[int, int] | None:
    """Where an annotated stretch is in the ingested text. Ingest blanks markup (Markdown
    pipes and emphasis, HTML tags) and may fold whitespace that the annotator copied from
    the source, so words are matched with any run of blanks or markup between them."""
    at = text.find(needle)
    if at >= 0:
        return at, at + len(needle)
    parts = re.findall(r"[^\s|*#_`>]+", needle)
    if not parts:
        return None
    found = re.search(r"[\s|*#_`>]*".join(re.escape(part) for part in parts), text)
    return (found.start(), found.end()) if found else None


def asserted_claims(report) -> list:
    """The treatment claims a page asserts (negated, hypothetical and distanced sentences are
    not claims, nor is a status told alone)."""
    return [c for c in report.claims if not any(flag in c.context for flag in NOT_CLAIMED)]


def found_by_checker(report):
    """A checker's DocumentReport in the shape score_page takes: claims, findings, caveats."""
    claims = [(c.location.start, c.location.end, c.text) for c in asserted_claims(report)]
    findings = [Found(f.rule, f.location.start, f.location.end, f.text, f.claim, f.intervention)
                for f in report.findings if f.rule in SCORED_RULES]
    caveats = {(c.intervention, c.kind) for c in report.caveats if c.level == "full"}
    return claims, findings, caveats


def score_document(checker, gold: dict, scores: DocumentScores, printed=None) -> None:
    """Scores the checker on one annotated page; ``printed`` rewrites the page and its
    annotation first (--typographic)."""
    from checker.ingest import format_for_path, from_text, read_path

    path = DOCUMENTS / gold["file"]
    if printed:
        document = from_text(printed(path.read_text(encoding="utf-8")), uri=str(path), format=format_for_path(path))
        gold = gold | {key: [item | ({"text": printed(item["text"])} if "text" in item else {}) for item in gold[key]]
                       for key in ("claims", "findings")}
    else:
        document = read_path(path)
    score_page(document.text, gold, *found_by_checker(checker.check_document(document)), scores)


@dataclass(frozen=True)
class Found:
    """One finding to score, from the checker or from a second annotation."""
    rule: str
    start: int
    end: int
    text: str  # the words it points at
    claim: str  # the sentence
    intervention: str | None


def score_page(text: str, gold: dict, claims: list[tuple[int, int, str]], findings: list[Found],
               caveats: set[tuple[str | None, str]], scores: DocumentScores) -> None:
    """Scores what was found on one page (claims as spans, findings, and the caveat kinds
    seen stated, per intervention or None for all) against its gold annotation."""
    name = gold["id"]
    scores.documents += 1
    page = scores.pages.setdefault(name, {key: Counts() for key in ("HL1", "HL2", "HL3", "claims")})
    scores.words += len(text.split())

    def spans_of(items):
        spans = []
        for item in items:
            span = locate(text, item["text"])
            if span is None:
                scores.errors.append(f"{name}: annotated text not found in the ingested page: {item['text'][:80]!r}")
            else:
                spans.append(span)
        return spans

    gold_claims = spans_of(gold["claims"])
    counts, missed, wrong = match_spans(gold_claims, [(start, end) for start, end, _ in claims])
    scores.claims.add(counts)
    page["claims"].add(counts)
    scores.errors += [f"{name}: claim missed: {text[gold_claims[i][0]:gold_claims[i][1]][:110]!r}" for i in missed]
    scores.errors += [f"{name}: not a claim: {claims[j][2][:110]!r}" for j in wrong]

    for rule in SCORED_RULES:
        gold_items = [g for g in gold["findings"] if g["rule"] == rule]
        mine = [f for f in findings if f.rule == rule]
        if rule in PAGE_RULES or rule == "HL302":
            # Caveat rules speak once per intervention and page; HL302 once per page (its
            # finding names every shop signal), however many lines the annotator marked.
            if rule == "HL302":
                gold_keys, mine_keys = {"page"} if gold_items else set(), {"page"} if mine else set()
            else:
                gold_keys = {g["intervention"] for g in gold_items}
                mine_keys = {f.intervention for f in mine}
            scores.rules[rule].add(match_keys(gold_keys, mine_keys))
            page[rule[:3]].add(match_keys(gold_keys, mine_keys))
            scores.errors += [f"{name}: {rule} missed for {k}" for k in sorted(gold_keys - mine_keys)]
            scores.errors += [f"{name}: {rule} wrongly for {k}" for k in sorted(mine_keys - gold_keys, key=str)]
            continue
        gold_spans = spans_of(gold_items)
        counts, missed, wrong = match_spans(gold_spans, [(f.start, f.end) for f in mine])
        scores.rules[rule].add(counts)
        page[rule[:3]].add(counts)
        scores.errors += [f"{name}: {rule} missed: {text[gold_spans[i][0]:gold_spans[i][1]][:110]!r}" for i in missed]
        scores.errors += [f"{name}: {rule} wrongly at {mine[j].text!r}: {mine[j].claim[:100]!r}" for j in wrong]

    # Caveats: which kinds were seen stated, per claimed intervention, against the annotation
    # (a caveat not tied to one intervention counts for all).
    for intervention, kinds in gold.get("caveats_present", {}).items():
        wanted = set(kinds)
        seen = {kind for who, kind in caveats if who in (None, intervention)} & CAVEAT_KINDS
        scores.caveats.add(match_keys({(intervention, k) for k in wanted}, {(intervention, k) for k in seen}))


def run(with_insciout: bool = True, documents: str = "*", min_confidence: float = 0.0, printed=None) -> dict:
    from checker import Checker, Options
    from checker.ingest import from_text

    checker = Checker(Options(min_confidence=min_confidence))

    def hl1(text: str, errors_only: bool = False) -> list:
        report = checker.check_document(from_text(printed(text) if printed else text))
        return [f for f in report.findings if f.rule.startswith("HL1") and (not errors_only or f.severity.value == "error")]

    # The first letters (no `split`) were read while tuning; later ones are marked held-out.
    letters = load(DATA / "warning-letter-claims.jsonl")
    figures: dict = {}
    statements = load(DATA / "acceptable-statements.jsonl")
    paths = sorted({p for pattern in documents.split(",") for p in DOCUMENTS.glob(f"{pattern.strip()}.gold.json")})
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    for split in SPLITS:
        part = [s for s in statements if s["split"] == split]
        flagged = [(s, hl1(s["text"], errors_only=True)) for s in part]
        flagged = [(s, f) for s, f in flagged if f]
        claims = [r for r in letters if r.get("split", "dev") == split]
        missed = [r for r in claims if not hl1(page_text(r["claim_text"]))]
        figures[split] = split_figures = {
            "warning_letter_claims": len(claims),
            "warning_letter_recall": 1 - len(missed) / len(claims) if claims else None,
            "warning_letter_missed": [{"id": r["id"], "text": r["claim_text"]} for r in missed],
            "acceptable": len(part),
            "acceptable_false_positive_rate": len(flagged) / len(part) if part else 0.0,
            "acceptable_false_positives": [{"id": s["id"], "text": s["text"], "findings": [(f.rule, f.text) for f in fs]}
                                           for s, fs in flagged],
        }
        scores = DocumentScores()
        for gold in golds:
            if gold["split"] == split:
                score_document(checker, gold, scores, printed)
        split_figures["documents"] = {
            "documents": scores.documents, "words": scores.words,
            "claims": vars(scores.claims) | {"precision": scores.claims.precision, "recall": scores.claims.recall},
            "rules": {rule: vars(c) | {"precision": c.precision, "recall": c.recall, "f1": c.f1}
                      for rule, c in scores.rules.items()},
            # (no interval for HL3xx: no target, and neither report shows one)
            "families": {prefix: vars(c) | {"precision": c.precision, "recall": c.recall, "f1": c.f1,
                                            "interval": page_interval(list(scores.pages.values()), prefix)
                                            if prefix != "HL3" else None}
                         for prefix in ("HL1", "HL2", "HL3") for c in [scores.family(prefix)]},
            "pages": {name: {key: vars(c) for key, c in counts.items()} for name, counts in scores.pages.items()},
            "caveats": vars(scores.caveats) | {"precision": scores.caveats.precision, "recall": scores.caveats.recall},
            "by_page_kind": by_page_kind(scores, {g["id"]: bool(g.get("compliant")) for g in golds}),
            "errors": scores.errors,
        }
    figures["documents_interventions"] = sorted({i for g in golds for i in g["interventions"]})
    figures["documents_compliant"] = sum(1 for g in golds if g.get("compliant"))
    if with_insciout:
        import insciout

        folder = insciout.DATA
        figures["insciout"] = insciout.evaluate(folder) if folder.exists() else None
        import causal_language

        path = causal_language.DATA
        figures["causal_language"] = {scheme: causal_language.evaluate(path, scheme=scheme)
                                      for scheme in ("insciout", "yu2019")} if path.is_file() else None
    return figures


# -- output -------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def rule_rows(split_figures: dict) -> list[tuple[str, dict]]:
    rules = split_figures["documents"]["rules"]
    return [(rule, c) for rule, c in rules.items() if c["gold"] or c["predicted"]]


def by_page_kind(scores: DocumentScores, compliant: dict[str, bool]) -> dict:
    """HL1xx on the pages annotated compliant (every finding there is false, bar a few the
    annotator still made) apart from the pages with violations: careful copy is where a false
    alarm costs an editor's trust."""
    out = {}
    for kind, wanted in (("compliant", True), ("with violations", False)):
        total = Counts()
        pages = [counts for name, counts in scores.pages.items() if compliant.get(name, False) is wanted]
        for counts in pages:
            total.add(counts["HL1"])
        out[kind] = vars(total) | {"pages": len(pages), "precision": total.precision, "recall": total.recall,
                                   "f1": total.f1, "per_page": total.predicted / len(pages) if pages else None}
    return out


def span(interval) -> str:
    return f"{interval[0]:.3f}–{interval[1]:.3f}" if interval else "n/a"


def page_counts(f: dict, split: str) -> dict[str, dict[str, Counts]]:
    """The per-page counts of one part of a run (from run() or its --json output) as Counts,
    by page id."""
    fields = ("gold", "predicted", "matched_gold", "matched_predicted")
    return {name: {key: Counts(**{k: c[k] for k in fields}) for key, c in counts.items()}
            for name, counts in f[split]["documents"]["pages"].items()}


def both_parts(f: dict) -> list[tuple[str, Counts]]:
    """HL1xx, HL2xx and claim detection over the dev and held-out parts together: how a round
    of pages (--documents) is read as one set."""
    def together(pick) -> Counts:
        total = Counts()
        for split in SPLITS:
            c = pick(f[split]["documents"])
            total.add(Counts(c["gold"], c["predicted"], c["matched_gold"], c["matched_predicted"]))
        return total
    return [("HL1xx", together(lambda d: d["families"]["HL1"])), ("HL2xx", together(lambda d: d["families"]["HL2"])),
            ("claims", together(lambda d: d["claims"]))]


def print_text(f: dict, errors: str | None, both: bool = False) -> None:
    for split in SPLITS:
        s = f[split]
        if s["warning_letter_claims"]:
            print(f"FDA warning-letter claims ({split}, {s['warning_letter_claims']}) drawing an HL1xx finding: "
                  f"{s['warning_letter_recall']:.3f}  (target >= {LETTER_RECALL})  {verdict(letters_met(s['warning_letter_recall']))}")
    for split in SPLITS:
        s = f[split]
        rate = s["acceptable_false_positive_rate"]
        print(f"Acceptable statements ({split}, {s['acceptable']}) drawing an error-level HL1xx finding: "
              f"{rate:.3f}  (target <= {ACCEPTABLE_FALSE_POSITIVES})  {verdict(acceptable_met(rate))}")
    for split in SPLITS:
        d = f[split]["documents"]
        c = d["claims"]
        print(f"\nAnnotated documents, {split}: {d['documents']} documents, {d['words']} words")
        print(f"  claim detection: P {fmt(c['precision'])}  R {fmt(c['recall'])}  (gold {c['gold']}, predicted {c['predicted']})")
        print(f"  {'rule':<8}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
        for rule, r in rule_rows(f[split]):
            print(f"  {rule:<8}{r['gold']:>6}{r['predicted']:>6}{fmt(r['precision']):>8}{fmt(r['recall']):>8}{fmt(r['f1']):>8}")
        for prefix, r in d["families"].items():
            if not (r["gold"] or r["predicted"]):
                continue
            target = "" if prefix == "HL3" else f"  (target P >= {FAMILY_P:.2f}, R >= {FAMILY_R})  {verdict(family_met(r))}"
            print(f"  {prefix}xx   {r['gold']:>6}{r['predicted']:>6}{fmt(r['precision']):>8}{fmt(r['recall']):>8}"
                  f"{fmt(r['f1']):>8}{target}")
            if prefix != "HL3":
                iv = r["interval"]
                print(f"           95% interval, pages resampled: P {span(iv['precision'])}  R {span(iv['recall'])}"
                      f"  F1 {span(iv['f1'])}")
        cv = d["caveats"]
        print(f"  caveats stated (per intervention and kind): P {fmt(cv['precision'])}  R {fmt(cv['recall'])}")
        good, bad = d["by_page_kind"]["compliant"], d["by_page_kind"]["with violations"]
        print(f"  HL1xx on the {good['pages']} compliant pages: {good['predicted']} findings ({good['per_page']:.2f} a page; "
              f"the annotators made {good['gold']}); on the {bad['pages']} pages with violations: P {fmt(bad['precision'])}  "
              f"R {fmt(bad['recall'])}  F1 {fmt(bad['f1'])}")
    if both:
        print("\nBoth parts together: " + "; ".join(
            f"{name} P {fmt(c.precision)} R {fmt(c.recall)} (gold {c.gold})" for name, c in both_parts(f)))
        pages = [counts for split in SPLITS for counts in page_counts(f, split).values()]
        iv = page_interval(pages, "HL1")
        print(f"  HL1xx 95% interval over these {len(pages)} pages: P {span(iv['precision'])}  R {span(iv['recall'])}  "
              f"F1 {span(iv['f1'])}")
    ins = f.get("insciout", "skipped")
    if ins is None:
        print("\nInSciOut: ../shared/data/insciout/ is not here; claim strength not measured.")
    elif ins != "skipped":
        for split in SPLITS:
            if split in ins:
                s = ins[split]
                print(f"\nInSciOut claim strength, {split} ({s['pairs']} pairs): macro-F1 pooled {s['pooled']['macro_f1']:.3f} "
                      f"(press releases {s['press_release']['macro_f1']:.3f}, abstracts {s['abstract']['macro_f1']:.3f})  "
                      f"(target >= {STRENGTH_F1})  {verdict(s['pooled']['macro_f1'] >= STRENGTH_F1)}; exaggeration accuracy "
                      f"{s['exaggeration']['accuracy']:.3f}, macro-F1 {s['exaggeration']['macro_f1']:.3f}")
    causal = f.get("causal_language")
    if causal:
        for scheme, c in causal.items():
            print(f"\nYu et al. (2019) PubMed conclusions, scheme {scheme}: macro-F1 dev ({c['dev']['n']}) "
                  f"{c['dev']['macro_f1']:.3f}, held-out ({c['held-out']['n']}) {c['held-out']['macro_f1']:.3f}")
    if errors:
        for split in SPLITS if errors == "all" else ("dev",):
            print(f"\nMissed warning-letter claims ({split}):")
            for item in f[split]["warning_letter_missed"]:
                print(f"  {item['id']}: {item['text'][:160]}")
            print(f"\nAcceptable statements drawing an error ({split}):")
            for item in f[split]["acceptable_false_positives"]:
                print(f"  {item['id']} {item['findings']}: {item['text'][:160]}")
            print(f"\nDocument errors ({split}):")
            for line in f[split]["documents"]["errors"]:
                print(f"  {line}")


def markdown(f: dict) -> str:
    """The README's Accuracy figures (project data only: InSciOut is printed apart)."""
    def met(ok: bool) -> str:
        return "yes" if ok else "**no**"

    lines = [
        "| Set | Part | Measure | Figure | Target | Met |",
        "|---|---|---|---|---|---|",
    ]
    for split in SPLITS:
        s = f[split]
        if s["warning_letter_claims"]:
            lines.append(f"| FDA warning-letter claims ({s['warning_letter_claims']}) | {split} | share drawing an HL1xx finding "
                         f"| {s['warning_letter_recall']:.3f} | ≥ {LETTER_RECALL} | {met(letters_met(s['warning_letter_recall']))} |")
    for split in SPLITS:
        s = f[split]
        rate = s["acceptable_false_positive_rate"]
        lines.append(f"| Acceptable statements ({s['acceptable']}) | {split} | share drawing an error-level HL1xx finding "
                     f"| {rate:.3f} | ≤ {ACCEPTABLE_FALSE_POSITIVES} | {met(acceptable_met(rate))} |")
    for split in SPLITS:
        d = f[split]["documents"]
        c = d["claims"]
        lines.append(f"| Annotated documents ({d['documents']}) | {split} | claim detection P / R "
                     f"| {fmt(c['precision'])} / {fmt(c['recall'])} | | |")
        for prefix in ("HL1", "HL2", "HL3"):
            r = d["families"][prefix]
            if r["gold"] or r["predicted"]:
                target, ok = ("", "") if prefix == "HL3" else (f"P ≥ {FAMILY_P:.2f}, R ≥ {FAMILY_R}", met(family_met(r)))
                interval = "" if prefix == "HL3" else f" (F1 95% interval {span(r['interval']['f1'])})"
                lines.append(f"| Annotated documents ({d['documents']}) | {split} | {prefix}xx P / R / F1 "
                             f"| {fmt(r['precision'])} / {fmt(r['recall'])} / {fmt(r['f1'])}{interval} | {target} | {ok} |")
    for split in SPLITS:
        d = f[split]["documents"]
        good, bad = d["by_page_kind"]["compliant"], d["by_page_kind"]["with violations"]
        lines.append(f"| Compliant pages ({good['pages']}) | {split} | HL1xx findings a page (annotators: {good['gold']} in all) "
                     f"| {good['per_page']:.2f} | | |")
        lines.append(f"| Pages with violations ({bad['pages']}) | {split} | HL1xx P / R / F1 "
                     f"| {fmt(bad['precision'])} / {fmt(bad['recall'])} / {fmt(bad['f1'])} | | |")
    lines += ["", "Per rule on the annotated documents (gold findings, predicted, precision, recall, F1):", ""]
    header = "| Rule | " + " | ".join(f"{split} gold / pred | {split} P / R / F1" for split in SPLITS) + " |"
    lines += [header, "|---|" + "---|---|" * len(SPLITS)]
    rules = [r for r in SCORED_RULES if any(f[s]["documents"]["rules"][r]["gold"] or f[s]["documents"]["rules"][r]["predicted"]
                                            for s in SPLITS)]
    for rule in rules:
        cells = []
        for split in SPLITS:
            r = f[split]["documents"]["rules"][rule]
            cells.append(f"{r['gold']} / {r['predicted']} | {fmt(r['precision'])} / {fmt(r['recall'])} / {fmt(r['f1'])}")
        lines.append(f"| {rule} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def markdown_insciout(f: dict) -> str:
    ins = f.get("insciout")
    if not ins:
        return ""
    lines = [f"| InSciOut part | pairs | strength macro-F1 pooled (target ≥ {STRENGTH_F1}) | press releases | abstracts "
             "| exaggeration accuracy | exaggeration macro-F1 |",
             "|---|---|---|---|---|---|---|"]
    for split, label in (("dev", "train (dev, tuned on)"), ("held-out", "test (held out)")):
        if split in ins:
            s = ins[split]
            lines.append(f"| {label} | {s['pairs']} | {s['pooled']['macro_f1']:.3f} | {s['press_release']['macro_f1']:.3f} "
                         f"| {s['abstract']['macro_f1']:.3f} | {s['exaggeration']['accuracy']:.3f} | {s['exaggeration']['macro_f1']:.3f} |")
    return "\n".join(lines)


def markdown_causal_language(f: dict) -> str:
    causal = f.get("causal_language")
    if not causal:
        return ""
    lines = ["| classifier follows | part | sentences | macro-F1 | accuracy |", "|---|---|---|---|---|"]
    for scheme, label in (("insciout", "InSciOut's scheme (the checker's)"), ("yu2019", "Yu et al.'s scheme")):
        for split, part in (("dev", "dev (4 rows in 5, tuned on)"), ("held-out", "held out (every 5th row)")):
            s = causal[scheme][split]
            lines.append(f"| {label} | {part} | {s['n']} | {s['macro_f1']:.3f} | {s['accuracy']:.3f} |")
    return "\n".join(lines)


def replace_block(text: str, name: str, body: str) -> str:
    start = text.index(f"<!-- {name}:start")
    start = text.index("\n", start) + 1
    end = text.index(f"<!-- {name}:end -->")
    return text[:start] + body + "\n" + text[end:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", nargs="?", const="dev", choices=("dev", "all"),
                        help="list misses and false positives (dev parts; =all adds the held-out parts)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--markdown", action="store_true", help="print the README's Accuracy tables")
    parser.add_argument("--no-insciout", action="store_true", help="skip InSciOut and Yu et al.'s corpus even where they are present")
    parser.add_argument("--update-readme", action="store_true", help="write the tables into README.md")
    parser.add_argument("--documents", default="*", metavar="GLOB",
                        help="only the annotated pages whose id matches one of these comma-separated globs, "
                             "e.g. 'd4[1-9],d5?' (default: all)")
    parser.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                        help="measure with the learned filter on at this threshold (checker/finding_filter.py; default 0: off)")
    parser.add_argument("--typographic", action="store_true",
                        help="print every text with '’' for an apostrophe inside a word, as most pages do")
    args = parser.parse_args()
    if args.typographic and args.update_readme:
        parser.error("--update-readme measures the texts as written; leave out --typographic")
    if args.documents != "*" and args.update_readme:
        parser.error("--update-readme measures every page; leave out --documents")
    if args.min_confidence and args.update_readme:
        parser.error("--update-readme measures the default checker; leave out --min-confidence")
    f = run(with_insciout=not args.no_insciout, documents=args.documents, min_confidence=args.min_confidence,
            printed=typographic if args.typographic else None)
    if args.update_readme:
        readme = ROOT / "README.md"
        text = replace_block(readme.read_text(encoding="utf-8"), "accuracy", markdown(f))
        if f.get("insciout"):
            text = replace_block(text, "insciout", markdown_insciout(f))
        if f.get("causal_language"):
            text = replace_block(text, "causal-language", markdown_causal_language(f))
        readme.write_text(text, encoding="utf-8")
        print(f"updated {readme}")
        return
    if args.markdown:
        print(markdown(f))
        for extra in (markdown_insciout(f), markdown_causal_language(f)):
            if extra:
                print("\n" + extra)
        return
    if args.json:
        print(json.dumps(f, indent=2, ensure_ascii=False, default=str))
        return
    if args.min_confidence:
        print(f"With the learned filter at {args.min_confidence}: it was trained on the dev pages, so their figures "
              "below say nothing; read the held-out parts.\n")
    print_text(f, args.errors, both=args.documents != "*")


if __name__ == "__main__":
    main()
