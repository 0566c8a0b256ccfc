"""Does the checker stay fast as the corpus grows? (a script, not a test)

Prints, in one run:

* start-up cost of the corpus: time to load and validate the shipped corpus and build the
  pipeline with its matchers, against ``spacy.blank("en")`` alone (target: the corpus and
  matchers add < 0.3 s);
* checking cost with a corpus ten times the shipped one: a generated corpus folder (made-up
  intervention and condition names, evidence, status and caveat rows, valid under the
  schema) is stacked on the shipped corpus, and the same pages are checked with both
  checkers (target: <= 1.2x the time with the shipped corpus). Best of 3 runs each.

Run from the repository root, offline:  python bench/corpus_scale.py [--quick] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STARTUP_TARGET_S = 0.3
SCALE_TARGET = 1.2
SYLLABLES = ["ka", "lo", "mi", "ra", "ven", "tor", "zi", "quo", "bel", "dra", "fen", "gli", "nox", "pra", "sul", "tem",
             "vex", "yor", "zan", "cor", "dil", "mor", "nev", "pax", "rin", "sor", "tal", "ump", "wix", "xan"]


def made_up(rng: random.Random, used: set[str], parts: int) -> str:
    """A new made-up word; grows longer when short ones run out."""
    for attempt in range(1000):
        word = "".join(rng.choice(SYLLABLES) for _ in range(parts + attempt // 50))
        if word not in used:
            used.add(word)
            return word
    raise RuntimeError("could not make a new word")


def write_table(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def generate_corpus(folder: Path, shipped, factor: int = 10, seed: int = 7) -> dict:
    """Write a corpus folder with (factor - 1) times the shipped rows, so that stacked on the
    shipped corpus the whole is ``factor`` times its size."""
    from checker.corpus import SCHEMA

    rng = random.Random(seed)
    used = {n.lower() for r in shipped.interventions.values() for n in (r.name, *r.names, *r.misspellings, *r.street_names, *r.common_words)}
    used |= {n.lower() for r in shipped.conditions.values() for n in (r.name, *r.synonyms)}
    extra = factor - 1
    header = {t: [c.name for c in cols] for t, cols in SCHEMA.items()}
    n_int, n_cond = len(shipped.interventions) * extra, len(shipped.conditions) * extra
    n_ev = max(len(shipped.evidence) * extra, n_int)
    source_ids = [f"gen-source-{i}" for i in range(max(10, len(shipped.sources) * extra))]
    write_table(folder / "sources.csv", header["sources"],
                [[sid, f"Generated source {i}.", f"https://example.org/{i}", "", "", "2025", "review", "no", "generated"]
                 for i, sid in enumerate(source_ids)])
    interventions = []
    for i in range(n_int):
        name = made_up(rng, used, 3)
        names = "|".join([made_up(rng, used, 3), made_up(rng, used, 4)])
        interventions.append({"id": f"gen-int-{i}", "name": name, "class": "generated", "names": names,
                              "misspellings": made_up(rng, used, 3)})
    write_table(folder / "interventions.csv", header["interventions"],
                [[row.get(name, "") for name in header["interventions"]] for row in interventions])
    conditions = []
    for i in range(n_cond):
        words = " ".join(made_up(rng, used, 3) for _ in range(rng.choice([1, 2, 3])))
        conditions.append([f"gen-cond-{i}", words, made_up(rng, used, 3), rng.choice(["yes", "no"]), "", ""])
    write_table(folder / "conditions.csv", header["conditions"], conditions)
    grades = ["strong", "moderate", "preliminary", "insufficient", "contradicted"]
    evidence = [[f"gen-ev-{i}", f"gen-int-{i % n_int}", f"gen-cond-{rng.randrange(n_cond)}", rng.choice(grades),
                 "possibility", "", "Generated row.", rng.choice(source_ids), "2026-01-01"] for i in range(n_ev)]
    write_table(folder / "evidence.csv", header["evidence"], evidence)
    # By column name, so that an optional column added to the schema stays blank here.
    status = [{"id": f"gen-st-{i}", "intervention": f"gen-int-{i}", "jurisdiction": "US", "approval": "not-approved",
               "controlled": "no", "summary": "Generated.", "sources": rng.choice(source_ids), "reviewed_on": "2026-01-01"}
              for i in range(n_int)]
    write_table(folder / "status.csv", header["status"], [[row.get(name, "") for name in header["status"]] for row in status])
    caveats = [{"id": f"gen-cv-{i}", "intervention": f"gen-int-{i}", "kind": "adverse-effects", "wording": "Generated caveat.",
                "sources": rng.choice(source_ids), "reviewed_on": "2026-01-01"} for i in range(n_int)]
    write_table(folder / "caveats.csv", header["caveats"], [[row.get(name, "") for name in header["caveats"]] for row in caveats])
    return {"interventions": n_int, "conditions": n_cond, "evidence": n_ev}


def best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def pages() -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    from throughput import build_texts

    return build_texts(60)


def run(quick: bool = False) -> dict:
    import spacy

    from checker.api import Checker, Options
    from checker.corpus import load_corpus
    from checker.ingest import from_text

    runs = 1 if quick else 3
    spacy.blank("en")  # import and first-use costs out of the way
    blank_s = best_of(runs, lambda: spacy.blank("en"))
    corpus_s = best_of(runs, lambda: load_corpus())
    build_s = best_of(runs, lambda: Checker())
    shipped = load_corpus()
    texts = pages()[: 15 if quick else 60]
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "generated"
        extra.mkdir()
        sizes = generate_corpus(extra, shipped)
        small = Checker()
        big_build_s = best_of(1, lambda: Checker(Options(corpus_folders=(str(extra),))))
        big = Checker(Options(corpus_folders=(str(extra),)))
        big_corpus = big.corpus

        def check_with(checker):
            return lambda: [checker.check_document(from_text(t)) for t in texts]

        check_with(small)()
        check_with(big)()
        small_s = big_s = float("inf")
        for _ in range(runs):  # interleaved, so both see the same machine load
            small_s = min(small_s, best_of(1, check_with(small)))
            big_s = min(big_s, best_of(1, check_with(big)))
    return {
        "shipped": {"interventions": len(shipped.interventions), "conditions": len(shipped.conditions),
                    "evidence": len(shipped.evidence), "sources": len(shipped.sources)},
        "scaled": {"interventions": len(big_corpus.interventions), "conditions": len(big_corpus.conditions),
                   "evidence": len(big_corpus.evidence), "generated": sizes},
        "spacy_blank_s": blank_s, "corpus_load_s": corpus_s, "checker_build_s": build_s,
        "startup_added_s": build_s - blank_s, "startup_target_s": STARTUP_TARGET_S,
        "startup_pass": build_s - blank_s < STARTUP_TARGET_S, "scaled_checker_build_s": big_build_s,
        "pages": len(texts), "check_shipped_s": small_s, "check_scaled_s": big_s, "scale_ratio": big_s / small_s,
        "scale_target": SCALE_TARGET, "scale_pass": big_s / small_s <= SCALE_TARGET,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="15 pages, 1 run")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args()
    f = run(args.quick)
    verdict = {True: "PASS", False: "MISS"}
    print(f"Shipped corpus: {f['shipped']}")
    print(f"Scaled corpus (shipped + generated): {f['scaled']['interventions']} interventions, "
          f"{f['scaled']['conditions']} conditions, {f['scaled']['evidence']} evidence rows")
    print("Start-up:")
    print(f"  spacy.blank('en'):                        {f['spacy_blank_s'] * 1000:7.1f} ms")
    print(f"  load + validate the shipped corpus:       {f['corpus_load_s'] * 1000:7.1f} ms")
    print(f"  build the checker (blank + corpus + matchers + rules): {f['checker_build_s'] * 1000:7.1f} ms")
    print(f"  added by corpus, matchers and rules:      {f['startup_added_s'] * 1000:7.1f} ms  "
          f"(target < {f['startup_target_s'] * 1000:.0f} ms)  {verdict[f['startup_pass']]}")
    print(f"  (for reading: building with the 10x corpus: {f['scaled_checker_build_s'] * 1000:.1f} ms)")
    print(f"Checking {f['pages']} pages (best of runs):")
    print(f"  shipped corpus: {f['check_shipped_s']:.3f} s   10x corpus: {f['check_scaled_s']:.3f} s   "
          f"ratio {f['scale_ratio']:.2f}x  (target <= {f['scale_target']}x)  {verdict[f['scale_pass']]}")
    if args.json:
        print(json.dumps(f, indent=2))


if __name__ == "__main__":
    main()
