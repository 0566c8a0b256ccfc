"""How far two annotators agree: the ceiling for the accuracy targets (a script, not a test).

eval/data/agreement/ holds second annotations of annotated pages, made by annotators who
did not see the first annotation (eval/data/README.md says who and how). This scores the
second annotation against the first exactly as bench/accuracy.py scores the checker (claims
as sentences, sentence rules by overlap, page-level caveat rules by intervention), and,
on the same pages, the checker against each annotation. Precision of the second annotator
against the first is the first's recall against the second, so the F1 is symmetric.

Run from the repository root, offline:
    python bench/agreement.py [--json] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # noqa: E402  (bench/accuracy.py: the scoring)
from accuracy import DOCUMENTS, DATA, PAGE_RULES, SCORED_RULES, DocumentScores, Found, fmt, locate, score_page  # noqa: E402

AGREEMENT = DATA / "agreement"


def as_found(text: str, annotation: dict):
    """An annotation in the shape score_page takes for what was found."""
    claims = []
    for claim in annotation["claims"]:
        span = locate(text, claim["text"])
        if span:
            claims.append((span[0], span[1], claim["text"]))
    findings = []
    for item in annotation["findings"]:
        if item["rule"] not in SCORED_RULES:
            continue
        if item["rule"] in PAGE_RULES:
            findings.append(Found(item["rule"], 0, 0, "", "", item["intervention"]))
            continue
        span = locate(text, item["text"])
        if span:
            findings.append(Found(item["rule"], span[0], span[1], item["text"], item["text"], None))
    caveats = {(who, kind) for who, kinds in annotation.get("caveats_present", {}).items() for kind in kinds}
    return claims, findings, caveats


def summary(scores: DocumentScores) -> dict:
    def counts(c):
        return vars(c) | {"precision": c.precision, "recall": c.recall, "f1": c.f1}
    return {"documents": scores.documents, "claims": counts(scores.claims), "caveats": counts(scores.caveats),
            "families": {prefix: counts(scores.family(prefix)) for prefix in ("HL1", "HL2", "HL3")},
            "rules": {rule: counts(c) for rule, c in scores.rules.items()}, "errors": scores.errors}


def run() -> dict:
    from checker import Checker
    from checker.ingest import read_path

    checker = Checker()
    pairs = {"second vs first": DocumentScores(), "checker vs first": DocumentScores(),
             "checker vs second": DocumentScores()}
    for path in sorted(AGREEMENT.glob("*.json")):
        second = json.loads(path.read_text(encoding="utf-8"))
        first = json.loads((DOCUMENTS / f"{second['page']}.gold.json").read_text(encoding="utf-8"))
        document = read_path(DOCUMENTS / first["file"])
        text = document.text
        score_page(text, first, *as_found(text, second), pairs["second vs first"])
        mine = accuracy.found_by_checker(checker.check_document(document))
        score_page(text, first, *mine, pairs["checker vs first"])
        score_page(text, second | {"id": first["id"]}, *mine, pairs["checker vs second"])
    return {name: summary(scores) for name, scores in pairs.items()}


def print_text(figures: dict, errors: bool) -> None:
    n = figures["second vs first"]["documents"]
    print(f"Agreement on {n} pages annotated twice (precision / recall / F1; the first annotation is the reference)")
    print(f"{'':20} {'claims':>20} {'HL1xx':>20} {'HL2xx':>20} {'HL3xx':>20} {'caveats':>20}")
    for name, f in figures.items():
        cells = [f["claims"], *(f["families"][k] for k in ("HL1", "HL2", "HL3")), f["caveats"]]
        print(f"{name:20} " + " ".join(f"{fmt(c['precision'])}/{fmt(c['recall'])}/{fmt(c['f1']):>6}".rjust(20) for c in cells))
    print("\nPer rule, F1 (second vs first | checker vs first | checker vs second), gold counts first/second:")
    for rule in SCORED_RULES:
        a, b, c = (figures[k]["rules"][rule] for k in figures)
        if a["gold"] or a["predicted"]:
            print(f"  {rule}  {fmt(a['f1'])} | {fmt(b['f1'])} | {fmt(c['f1'])}   ({a['gold']}/{a['predicted']})")
    if errors:
        print("\nWhere the second annotation differs from the first:")
        for line in figures["second vs first"]["errors"]:
            print("  " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list where the two annotations differ")
    args = parser.parse_args()
    figures = run()
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print_text(figures, args.errors)


if __name__ == "__main__":
    main()
