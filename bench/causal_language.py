"""Claim strength against Yu et al.'s PubMed causal-language corpus (a script, not a test).

Yu, Li and Wang, "Detecting Causal Language Use in Science Findings" (EMNLP 2019) labelled
3,061 conclusion sentences of PubMed abstracts with the four levels checker/strength.py
uses, coded in their file as 0 none, 1 causal, 2 conditional, 3 correlational (``label_name``
in their main.py); ``load`` turns them into this project's scale (0 no relationship,
1 correlational, 2 conditional causal, 3 direct causal). Their fine-tuned
BioBERT reached macro-F1 0.88 (5-fold cross-validation) -- the "best published classifier"
issue 6 names. The corpus is at https://github.com/junwang4/causal-language-use-in-science
(``data/pubmed_causal_language_use.csv``); its repository names no licence, so it is not
copied here: clone that repository next to this one, or pass ``--data``.

The rows are split by position: every fifth row (index 4, 9, 14, ...) is held out; the
others are "dev", the part rules may be tuned on (``--errors`` lists only dev rows unless
told otherwise). Rules were first measured on all of it before any was read.

Yu et al.'s annotators rate some sentences differently from InSciOut's (a denied
relationship, a hedge about no relationship; ``checker.strength.SCHEMES``), so the figures
are printed for both schemes: "insciout" is what the checker uses, "yu2019" what this corpus
was labelled by.

Run from the repository root, offline:
    python bench/causal_language.py [--data FILE] [--split dev|held-out|both] [--scheme insciout|yu2019|both]
                                    [--errors] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
DATA = ROOT.parent / "causal-language-use-in-science" / "data" / "pubmed_causal_language_use.csv"
HOLD_OUT_EVERY = 5  # every fifth row is held out
LEVELS = (0, 1, 2, 3)
FROM_FILE = {0: 0, 1: 3, 2: 2, 3: 1}  # their code -> our level: 1 is "causal", 3 "corr" in their file


class DataFileError(Exception):
    pass


def load(path: Path) -> list[tuple[int, str, int]]:
    """(row number, sentence, level on this project's scale) for each row; a bad row stops
    with its line number."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or not {"sentence", "label"} <= set(reader.fieldnames):
            raise DataFileError(f"{path}: expected the columns 'sentence' and 'label'")
        for row in reader:
            try:
                label = int(row["label"])
            except (TypeError, ValueError):
                label = -1
            if label not in FROM_FILE:
                raise DataFileError(f"{path}:{reader.line_num}: label must be 0-3, got {row['label']!r}")
            rows.append((len(rows), row["sentence"], FROM_FILE[label]))
    return rows


def split_of(index: int) -> str:
    return "held-out" if index % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1 else "dev"


def evaluate(path: Path, splits: tuple[str, ...] = ("dev", "held-out"), scheme: str = "yu2019") -> dict:
    from insciout import scores

    from checker.strength import StrengthClassifier

    classify = StrengthClassifier(scheme=scheme)
    rows = load(path)
    figures: dict = {"data": str(path), "rows": len(rows), "scheme": scheme}
    for split in splits:
        part = [r for r in rows if split_of(r[0]) == split]
        started = time.perf_counter()
        estimates = [classify(text) for _, text, _ in part]
        figures[split] = scores([g for *_, g in part], [e.level for e in estimates], LEVELS)
        figures[split]["seconds"] = time.perf_counter() - started
        figures[split]["errors"] = [{"row": i, "gold": g, "predicted": e.level, "why": e.explain(), "text": text}
                                    for (i, text, g), e in zip(part, estimates) if e.level != g]
    return figures


def main() -> None:
    from insciout import add_part_options, print_errors, print_scores

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="pubmed_causal_language_use.csv")
    parser.add_argument("--scheme", choices=("insciout", "yu2019", "both"), default="both",
                        help="whose annotation conventions the classifier follows (default: both, one after the other)")
    add_part_options(parser)
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"Yu et al. (2019) data not found at {args.data}: nothing measured")
        return
    splits = ("dev", "held-out") if args.split == "both" else (args.split,)
    schemes = ("insciout", "yu2019") if args.scheme == "both" else (args.scheme,)
    try:
        results = {scheme: evaluate(args.data, splits, scheme) for scheme in schemes}
    except (DataFileError, UnicodeDecodeError, csv.Error) as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    for scheme, f in results.items():
        for split in splits:
            s = f[split]
            print(f"\n== {split} ({s['n']} sentences, {s['seconds']:.2f} s), scheme {scheme} ==")
            print_scores("strength of PubMed conclusion sentences", s)
    if args.errors:
        for scheme, f in results.items():
            for split in ("dev", "held-out") if args.errors_split == "both" else (args.errors_split,):
                if split in f:
                    print_errors(f"{split}, scheme {scheme}", f[split]["errors"], lambda e: f"row {e['row']}")
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
