"""Whether a change moved accuracy more than the pages' own spread (a script, not a test).

Two runs of ``bench/accuracy.py --json`` over the same pages (before and after a change)
give, per part and family, the change in precision, recall and F1 with a 95% interval from a
paired bootstrap: the same pages are drawn for both runs, so what varies is the change, not
which pages happened to be in the set. A change whose interval holds 0 is not told apart from
noise; "kept only if the held-out pages did not get worse" should read these figures.

    python bench/accuracy.py --json --no-insciout > before.json
    ... make the change ...
    python bench/accuracy.py --json --no-insciout > after.json
    python bench/compare.py before.json after.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import SPLITS, page_counts, paired_difference  # noqa: E402

KEYS = (("HL1", "HL1xx"), ("HL2", "HL2xx"), ("HL3", "HL3xx"), ("claims", "claims"))


def compare(before: dict, after: dict) -> dict:
    return {split: {label: paired_difference(page_counts(before, split), page_counts(after, split), key)
                    for key, label in KEYS}
            for split in SPLITS}


def load(path: str) -> dict:
    try:
        run = json.loads(Path(path).read_text(encoding="utf-8"))
        for split in SPLITS:
            run[split]["documents"]["pages"]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SystemExit(f"error: {path}: cannot read: {exc}") from None
    except (KeyError, TypeError):
        raise SystemExit(f"error: {path}: not the output of `bench/accuracy.py --json` "
                         "(no per-page counts; rerun it on the current code)") from None
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    args = parser.parse_args()
    for split, rows in compare(load(args.before), load(args.after)).items():
        print(f"{split}:")
        for label, d in rows.items():
            cells = []
            for name in ("precision", "recall", "f1"):
                lo, hi = d[name]["interval"] or (0.0, 0.0)
                flag = "" if lo <= 0 <= hi else " *"
                cells.append(f"{name[0].upper() if name != 'f1' else 'F1'} {d[name]['change']:+.3f} [{lo:+.3f}, {hi:+.3f}]{flag}")
            print(f"  {label:<7} ({d['pages']} pages)  " + "   ".join(cells))
    print("\n[95% interval, pages resampled in pairs]; * : the interval leaves out 0")


if __name__ == "__main__":
    main()
