"""Could a learned claim detector find the claims the rules miss? (a script, not a test; an
experiment, nothing here ships)

Over half of the held-out HL1xx misses are on claims the checker never detects. This trains a
small spaCy text classifier (bag of words and word pairs, ``spacy.TextCatBOW.v3``, seeded,
offline; the finding filter's training in checker/finding_filter.py) on every sentence of the
dev pages, labelled by whether it overlaps an annotated claim, with one extra token saying
whether the rules found a claim in it. Claim detection (precision / recall, scored as
bench/accuracy.py scores it) is printed for the rules alone, the classifier alone at 0.5, and
their union and intersection, on the dev pages by two-fold cross-validation over writing
rounds and on the held-out pages (trained on all dev pages). Then, for the annotated
sentence-level HL1xx findings, how many sit on sentences the rules call claims, on sentences
only the classifier calls claims, and on neither: the middle share is the most recall that
turning the classifier's claims into findings (with the rules' assessment) could add.

Sentences are cut at end punctuation and line breaks, not by the checker's segmenter: a
sentence the rules find a claim in is the rules' span.

Run from the repository root, offline (about 30 seconds):
    python bench/claim_detector.py [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # noqa: E402
import learned_filter  # noqa: E402  (pages, the checker's claims, writing rounds)
from accuracy import DocumentScores, locate, score_page  # noqa: E402
from checker import finding_filter  # noqa: E402  (the same training)

THRESHOLD = 0.5
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch between end punctuation or line breaks, blanks trimmed."""
    spans, start = [], 0
    for cut in SENTENCE_END.finditer(text):
        spans.append((start, cut.start()))
        start = cut.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            out.append((a + lead, a + lead + len(piece.strip())))
    return out


def units(page) -> list[dict]:
    """Each sentence of a page, with whether the rules claim it and whether annotators do."""
    gold = [span for span in (locate(page.text, c["text"]) for c in page.gold["claims"]) if span]
    rule_claims = [(s, e) for s, e, *_ in page.claims]
    out = []
    for a, b in sentences(page.text):
        by_rules = [(s, e) for s, e in rule_claims if s < b and a < e]
        out.append({"span": by_rules[0] if by_rules else (a, b), "text": page.text[a:b], "rules": bool(by_rules),
                    "gold": any(s < b and a < e for s, e in gold)})
    return out


def features(unit: dict) -> str:
    return ("__rules_claim " if unit["rules"] else "__rules_none ") + unit["text"]


def score(pages, scored: dict, how: str) -> DocumentScores:
    scores = DocumentScores()
    for page in pages:
        picked = []
        for unit, p in zip(scored[page.gold["id"]]["units"], scored[page.gold["id"]]["p"]):
            learned = p >= THRESHOLD
            keep = {"rules alone": unit["rules"], "classifier alone": learned,
                    "union": unit["rules"] or learned, "intersection": unit["rules"] and learned}[how]
            if keep:
                picked.append((*unit["span"], unit["text"]))
        score_page(page.text, page.gold, picked, [], page.caveats, scores)
    return scores


def gold_findings_by_detector(pages, scored: dict) -> dict:
    """Where the annotated sentence-level HL1xx findings sit: on a sentence the rules call a
    claim, on one only the classifier calls a claim (the most that assessing the classifier's
    claims with the rules could add to recall), or on one neither does."""
    out = {"gold": 0, "rules' claims": 0, "classifier's claims only": 0, "neither": 0}
    for page in pages:
        entry = scored[page.gold["id"]]
        for item in page.gold["findings"]:
            span = locate(page.text, item["text"]) if item["rule"].startswith("HL1") and "text" in item else None
            if span is None:
                continue
            out["gold"] += 1
            hits = [(u, p) for u, p in zip(entry["units"], entry["p"]) if u["span"][0] < span[1] and span[0] < u["span"][1]]
            if any(u["rules"] for u, _ in hits):
                out["rules' claims"] += 1
            elif any(p >= THRESHOLD for _, p in hits):
                out["classifier's claims only"] += 1
            else:
                out["neither"] += 1
    return out


def run() -> dict:
    pages = learned_filter.read_pages()
    dev = [p for p in pages if p.gold["split"] == "dev"]
    held_out = [p for p in pages if p.gold["split"] == "held-out"]
    prepared = {p.gold["id"]: {"units": units(p)} for p in pages}

    def fit(train_pages):
        return finding_filter.train([(features(u), u["gold"]) for p in train_pages for u in prepared[p.gold["id"]]["units"]])

    def predict(model, test_pages):
        for p in test_pages:
            entry = prepared[p.gold["id"]]
            entry["p"] = finding_filter.scores(model, [features(u) for u in entry["units"]])

    folds = learned_filter.round_folds(dev)
    predict(fit(folds[1]), folds[0])
    predict(fit(folds[0]), folds[1])
    dev_scores = {how: score(dev, prepared, how) for how in ("rules alone", "classifier alone", "union", "intersection")}
    predict(fit(dev), held_out)
    held_scores = {how: score(held_out, prepared, how) for how in dev_scores}

    def pr(c):
        return {"precision": c.precision, "recall": c.recall, "f1": c.f1}
    return {"threshold": THRESHOLD, "pages": {"dev": len(dev), "held-out": len(held_out)},
            "dev (2-fold by round)": {how: pr(s.claims) for how, s in dev_scores.items()},
            "held-out (trained on dev)": {how: pr(s.claims) for how, s in held_scores.items()},
            "gold HL1xx findings on": {"dev (2-fold by round)": gold_findings_by_detector(dev, prepared),
                                       "held-out (trained on dev)": gold_findings_by_detector(held_out, prepared)}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    out = run()
    if args.json:
        print(json.dumps(out, indent=1))
        return
    fmt = accuracy.fmt
    print(f"Claim detection, P / R / F1 (classifier threshold {THRESHOLD}; {out['pages']['dev']} dev pages, "
          f"{out['pages']['held-out']} held-out pages)")
    for part in ("dev (2-fold by round)", "held-out (trained on dev)"):
        print(f"  {part}")
        for how, c in out[part].items():
            print(f"    {how:18} {fmt(c['precision'])} / {fmt(c['recall'])} / {fmt(c['f1'])}")
    print("Annotated sentence-level HL1xx findings, by which detector calls their sentence a claim:")
    for part, where in out["gold HL1xx findings on"].items():
        print(f"  {part}: {where['gold']} gold; " + ", ".join(
            f"{name} {n} ({n / where['gold']:.3f})" for name, n in where.items() if name != "gold"))


if __name__ == "__main__":
    main()
