"""Claim strength against InSciOut's expert labels (a script, not a test).

InSciOut (Wright & Augenstein, EMNLP 2021; Sumner et al., BMJ 2014) pairs a press release's
conclusion with its paper's abstract conclusion; experts rated each one's claim strength
(0 no relationship, 1 correlational, 2 conditional causal, 3 direct causal) and whether the
release exaggerates, downplays or keeps the abstract's strength. Its licence (GPL-3.0)
keeps it out of this repository: it is read from ``../shared/data/insciout/`` when that
folder exists.

For the train part ("dev": rules were tuned on it) and the test part ("held-out": never
tuned on) this prints, for checker/strength.py:
* confusion matrices (gold rows x predicted columns) for the strength of press releases,
  abstracts and both pooled as one 4-class task, with per-class precision, recall, F1 and
  macro-F1;
* the exaggeration label derived from the two predicted strengths against the gold label:
  accuracy, per-class F1, macro-F1 and its confusion matrix.

Run from the repository root, offline:
    python bench/insciout.py [--split dev|held-out|both] [--errors] [--errors-split dev|held-out|both]
                             [--json] [--data FOLDER]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "insciout"
SPLITS = {"dev": "insciout_train.jsonl", "held-out": "insciout_test.jsonl"}
LEVELS = (0, 1, 2, 3)
EXAGGERATION = ("downplays", "same", "exaggerates")
SIDES = {"press_release": ("press_release_conclusion", "press_release_strength"),
         "abstract": ("abstract_conclusion", "abstract_strength")}


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def scores(gold: list, predicted: list, labels: tuple) -> dict:
    """Confusion matrix (gold rows x predicted columns), per-class P/R/F1, macro-F1, accuracy."""
    matrix = [[sum(1 for g, p in zip(gold, predicted) if g == row and p == col) for col in labels] for row in labels]
    per_class = {}
    for i, label in enumerate(labels):
        tp = matrix[i][i]
        predicted_n = sum(matrix[r][i] for r in range(len(labels)))
        gold_n = sum(matrix[i])
        p = tp / predicted_n if predicted_n else 0.0
        r = tp / gold_n if gold_n else 0.0
        per_class[str(label)] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                                 "support": gold_n}
    return {"labels": [str(x) for x in labels], "confusion": matrix, "per_class": per_class,
            "macro_f1": sum(c["f1"] for c in per_class.values()) / len(labels),
            "accuracy": sum(matrix[i][i] for i in range(len(labels))) / len(gold) if gold else 0.0, "n": len(gold)}


def evaluate_records(records: list[dict], classify) -> dict:
    from checker.strength import exaggeration

    out: dict = {"pairs": len(records)}
    predicted = {side: [classify(r[text]) for r in records] for side, (text, _) in SIDES.items()}
    pooled_gold, pooled_pred = [], []
    errors = []
    for side, (text, gold_key) in SIDES.items():
        gold = [r[gold_key] for r in records]
        levels = [e.level for e in predicted[side]]
        out[side] = scores(gold, levels, LEVELS)
        pooled_gold += gold
        pooled_pred += levels
        for r, g, e in zip(records, gold, predicted[side]):
            if g != e.level:
                errors.append({"id": r.get("original_file_id"), "side": side, "gold": g, "predicted": e.level,
                               "why": e.explain(), "text": r[text]})
    out["pooled"] = scores(pooled_gold, pooled_pred, LEVELS)
    gold_x = [r["exaggeration_label"] for r in records]
    pred_x = [exaggeration(p.level, a.level) for p, a in zip(predicted["press_release"], predicted["abstract"])]
    out["exaggeration"] = scores(gold_x, pred_x, EXAGGERATION)
    out["errors"] = errors
    return out


def evaluate(folder: Path, splits: tuple[str, ...] = tuple(SPLITS)) -> dict:
    """Figures for each split found in ``folder`` (keys "dev", "held-out")."""
    from checker.strength import StrengthClassifier

    classify = StrengthClassifier()
    figures: dict = {"folder": str(folder)}
    for split in splits:
        path = folder / SPLITS[split]
        if path.exists():
            started = time.perf_counter()
            figures[split] = evaluate_records(load(path), classify)
            figures[split]["seconds"] = time.perf_counter() - started
    return figures


def print_matrix(title: str, s: dict) -> None:
    labels = s["labels"]
    width = max(6, *(len(x) for x in labels)) + 1
    print(f"  {title}: gold rows x predicted columns (n={s['n']})")
    print("    " + " " * width + "".join(f"{x:>{width}}" for x in labels))
    for label, row in zip(labels, s["confusion"]):
        print("    " + f"{label:>{width}}" + "".join(f"{v:>{width}}" for v in row))


def print_scores(title: str, s: dict) -> None:
    print_matrix(title, s)
    for label, c in s["per_class"].items():
        print(f"    class {label:>11}: P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}  (support {c['support']})")
    print(f"    macro-F1 {s['macro_f1']:.3f}   accuracy {s['accuracy']:.3f}")


def print_errors(title: str, errors: list[dict], where) -> None:
    """One line per misclassified text; ``where(error)`` says which text it is."""
    print(f"\nMisclassified ({title}):")
    for e in errors:
        print(f"  {where(e)} gold {e['gold']} got {e['predicted']}  [{e['why']}]  {e['text'][:200]}")


def add_part_options(parser: argparse.ArgumentParser) -> None:
    """The options both strength benchmarks share: which part to measure and list errors of."""
    parser.add_argument("--split", choices=("dev", "held-out", "both"), default="both",
                        help="which part to measure (tune with --split dev; look at held-out once)")
    parser.add_argument("--errors", action="store_true", help="list the misclassified texts")
    parser.add_argument("--errors-split", choices=("dev", "held-out", "both"), default="dev",
                        help="which part --errors lists (default: dev, the part rules may be tuned on)")
    parser.add_argument("--json", action="store_true")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the folder holding insciout_{train,test}.jsonl")
    add_part_options(parser)
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"InSciOut data not found at {args.data}: nothing measured")
        return
    f = evaluate(args.data, tuple(SPLITS) if args.split == "both" else (args.split,))
    for split in SPLITS:
        if split not in f:
            continue
        s = f[split]
        print(f"\n== {split} ({s['pairs']} pairs, {s['seconds']:.2f} s) ==")
        print_scores("strength, press releases and abstracts pooled", s["pooled"])
        print_scores("strength, press releases", s["press_release"])
        print_scores("strength, abstracts", s["abstract"])
        print_scores("exaggeration (from the two predicted strengths)", s["exaggeration"])
        target = s["pooled"]["macro_f1"]
        print(f"  pooled strength macro-F1 {target:.3f} (target >= 0.75)  {'PASS' if target >= 0.75 else 'MISS'}")
    if args.errors:
        for split in SPLITS if args.errors_split == "both" else (args.errors_split,):
            if split in f:
                print_errors(split, f[split]["errors"], lambda e: f"{e['id']} {e['side']:<13}")
    if args.json:
        print(json.dumps(f, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
