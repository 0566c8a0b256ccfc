"""Accuracy on text the team did not write (a script, not a test). Work in progress.

Prints, from the files in eval/data (see eval/data/README.md):
* recall on FDA warning-letter claims: the share that draw an HL1xx finding (target >= 0.95);
* false positives on acceptable statements by authorities: the share that draw an
  error-level HL1xx finding (target <= 0.05), for the dev part and the held-out part apart;
* the errors themselves, so they can be read (--errors).

Not yet measured here: the annotated marketing documents (per-rule precision and recall) and
InSciOut claim strength; both belong to the accuracy issue, still open.

Run from the repository root, offline:  python bench/accuracy.py [--errors] [--json]
"""

from __future__ import annotations

import argparse
import re
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "eval" / "data"


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def page_text(quote: str) -> str:
    """The words as the page printed them: FDA letters mark their edits to a quote —
    "[A]lleviates", "Testicules [sic]", "BPH[,]" — and the page had none of them."""
    quote = re.sub(r"\s*\[sic\]", "", quote, flags=re.IGNORECASE)
    return re.sub(r"\[([^\]\[]{1,3})\]", r"\1", quote)


def run() -> dict:
    from checker import Checker
    from checker.ingest import from_text

    checker = Checker()

    def hl1(text: str, errors_only: bool = False) -> list:
        report = checker.check_document(from_text(text))
        return [f for f in report.findings if f.rule.startswith("HL1") and (not errors_only or f.severity.value == "error")]

    letters = load("warning-letter-claims.jsonl")
    missed = [r for r in letters if not hl1(page_text(r["claim_text"]))]
    statements = load("acceptable-statements.jsonl")
    figures = {"warning_letter_claims": len(letters), "warning_letter_recall": 1 - len(missed) / len(letters),
               "missed": [{"id": r["id"], "text": r["claim_text"]} for r in missed]}
    for split in ("dev", "held-out"):
        part = [s for s in statements if s["split"] == split]
        flagged = [(s, hl1(s["text"], errors_only=True)) for s in part]
        flagged = [(s, f) for s, f in flagged if f]
        figures[f"acceptable_{split}"] = len(part)
        figures[f"acceptable_{split}_false_positive_rate"] = len(flagged) / len(part) if part else 0.0
        figures[f"false_positives_{split}"] = [{"id": s["id"], "text": s["text"], "findings": [(f.rule, f.text) for f in fs]}
                                               for s, fs in flagged]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the misses and false positives")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    f = run()
    verdict = {True: "PASS", False: "MISS"}
    print(f"FDA warning-letter claims drawing an HL1xx finding: {f['warning_letter_recall']:.3f} of "
          f"{f['warning_letter_claims']}  (target >= 0.95)  {verdict[f['warning_letter_recall'] >= 0.95]}")
    for split in ("dev", "held-out"):
        rate = f[f"acceptable_{split}_false_positive_rate"]
        print(f"Acceptable statements ({split}, {f[f'acceptable_{split}']}) drawing an error-level HL1xx finding: "
              f"{rate:.3f}  (target <= 0.05)  {verdict[rate <= 0.05]}")
    if args.errors:
        print("\nMissed warning-letter claims:")
        for item in f["missed"]:
            print(f"  {item['id']}: {item['text'][:160]}")
        for split in ("dev", "held-out"):
            print(f"\nFalse positives ({split}):")
            for item in f[f"false_positives_{split}"]:
                print(f"  {item['id']} {item['findings']}: {item['text'][:160]}")
    if args.json:
        print(json.dumps(f, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
