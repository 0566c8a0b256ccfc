"""Throughput and start-up benchmark for healthlint (a script, not a test).

What it measures, in one run:

* Throughput over the same texts -- the example page
  ``tests/data/mdma-ptsd-product-page.txt`` plus about 300 generated marketing-style pages
  (300-1,500 words each, built deterministically with a seeded random generator from the
  sentence templates below, using intervention names from ``corpus/interventions.csv`` and
  condition names from ``corpus/conditions.csv``):

  (a) spaCy's blank English tokenizer alone: ``spacy.blank("en").tokenizer(text)``;
  (b) the full check: ``Checker().check_document(from_text(text))`` (the checker is built
      once, before timing).

  Each measurement is repeated (3 times by default, the two interleaved) and the best
  (fastest) run of each is kept.
  It prints docs/s and MB/s for both, and the ratio full/tokenizer throughput against the
  target (>= 0.5) with PASS/MISS.

* Start-up: ``healthlint check <one-sentence .txt>`` run as a subprocess (the installed
  ``healthlint`` script next to ``sys.executable``, else ``python -m checker.cli``) against
  ``python -c "import spacy; spacy.blank('en')"``; 5 runs each, median; prints both, the
  ratio and the target (<= 1.5x) with PASS/MISS. Note: spaCy's ``Language()`` loads every
  installed ``spacy_factories`` entry point, so where healthlint is installed that baseline
  already imports ``checker``; a second, informational baseline switches entry-point
  factories off to show pure spaCy. ``healthlint check`` exits 1 when it finds
  something; that is expected and not an error.

Run it from the repository root (offline; nothing is downloaded)::

    python bench/throughput.py            # full run (~300 pages, best of 3)
    python bench/throughput.py --quick    # 30 pages, 1 repeat, 3 start-up runs (~10 s)
    python bench/throughput.py --json     # also print the figures as one JSON object

``run_benchmark(pages=..., repeats=..., startup_runs=...)`` returns the figures as a dict,
so a test can call a tiny version, e.g. ``run_benchmark(pages=3, repeats=1, startup_runs=0)``
(``startup_runs=0`` skips the subprocess timings); the figures are for reading, not for
asserting on.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PAGE = ROOT / "tests" / "data" / "mdma-ptsd-product-page.txt"
CORPUS = ROOT / "corpus"

THROUGHPUT_TARGET = 0.5  # full check throughput / tokenizer throughput, at least
STARTUP_TARGET = 1.5  # healthlint check start-up / spaCy blank start-up, at most

# -- generated pages --------------------------------------------------------------------

HEADINGS = [
    "How {I} Works", "Benefits of {I} for {C}", "Why Choose {I}?", "What Is {I}?",
    "Frequently Asked Questions", "Our Story", "Description", "Reviews", "Shipping and Returns",
    "{I} and {C}: What the Research Says", "Dosage and Use", "Customer Testimonials",
    "Safety Information", "Conclusion", "Order {I} Today",
]

STRONG_CLAIMS = [
    "{I} cures {C}.",
    "{I} is proven to eliminate {C} for good.",
    "Clinical studies show that {I} reverses {C} in just days.",
    "{I} is the most effective treatment for {C} available today.",
    "With {I}, you can finally say goodbye to {C} forever.",
    "{I} works better than any prescription drug for {C}.",
    "Our {I} is 100% safe and has no side effects.",
    "{I} guarantees lasting relief from {C}.",
    "Doctors agree that {I} is a breakthrough for {C}.",
    "{I} heals {C} naturally, without the risks of conventional medicine.",
    "Thousands of customers have beaten {C} with {I}.",
    "{I} provides rapid, long-term relief from {C} after a single session.",
    "{I} treats {C} and restores your quality of life.",
    "This revolutionary {I} formula prevents {C}.",
]

HEDGED_CLAIMS = [
    "Some early studies suggest {I} may help with {C}.",
    "{I} might ease some symptoms of {C} in certain people.",
    "Preliminary research indicates that {I} could possibly reduce {C}.",
    "There is limited evidence that {I} may be useful for {C}.",
    "Researchers are investigating whether {I} can help people with {C}.",
    "It is possible that {I} supports recovery from {C}, but more trials are needed.",
    "Small trials have reported that {I} may improve {C} symptoms for some patients.",
]

NEGATED_CLAIMS = [
    "{I} does not cure {C}.",
    "There is no good evidence that {I} treats {C}.",
    "{I} has not been shown to prevent {C}.",
    "We do not claim that {I} can replace treatment for {C}.",
    "{I} is not approved for the treatment of {C}.",
    "Studies have not found that {I} reverses {C}.",
]

CAVEATS = [
    "{I} can cause side effects such as nausea, headache and raised blood pressure.",
    "Talk to your doctor before starting {I}, especially if you take other medicines.",
    "{I} should only be used under medical supervision.",
    "{I} is a controlled substance in many countries.",
    "Do not use {I} if you are pregnant or breastfeeding.",
]

FILLER = [
    "Our team has been serving customers since 2012.",
    "We ship to most countries within three to five business days.",
    "All orders are packed discreetly and tracked from our warehouse.",
    "Sign up for our newsletter to hear about new products and offers.",
    "Our support staff are available by email every weekday.",
    "Every batch is packed in a facility that follows strict quality procedures.",
    "We believe that everyone deserves clear information about their options.",
    "Read the full label before you place your order.",
    "Prices include tax and are shown in your local currency.",
    "Many people find it helpful to keep a simple journal during the week.",
    "The weather, sleep and diet can all change how you feel from day to day.",
    "Our founders started the company after years of working in retail.",
    "Returns are accepted within thirty days of delivery for unopened items.",
    "We update this page from time to time as new information comes in.",
    "Payment is accepted by card, bank transfer and several online wallets.",
    "Customers often ask us how long delivery takes to rural areas.",
]

LIST_ITEMS = [
    "- {A}: {S}",
    "* {A} -- {S}",
    "- {S}",
]

LIST_LEADS = [
    "Fast Relief", "Natural Ingredients", "Trusted Quality", "Lasting Results", "Expert Support",
    "Discreet Shipping", "Lab Tested", "Money-Back Guarantee", "Better Sleep", "Calm Mind",
]

LIST_INTROS = [
    "The benefits of {I} include:", "Customers report the following:", "Why people choose us:",
    "What you can expect:", "Key features:",
]


def _split_names(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def load_names(corpus: Path = CORPUS) -> tuple[list[str], list[str]]:
    """Intervention names (canonical names and aliases) and condition names (names and synonyms)."""
    interventions: list[str] = []
    with open(corpus / "interventions.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            interventions.append(row["name"])
            interventions.extend(_split_names(row.get("names", "")))
    conditions: list[str] = []
    with open(corpus / "conditions.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            conditions.append(row["name"])
            conditions.extend(_split_names(row.get("synonyms", ""))[:2])
    # keep order stable and unique so the generated set is deterministic
    return list(dict.fromkeys(interventions)), list(dict.fromkeys(conditions))


def _sentence(rng: random.Random, intervention: str, condition: str) -> str:
    roll = rng.random()
    if roll < 0.40:
        template = rng.choice(FILLER)
    elif roll < 0.60:
        template = rng.choice(STRONG_CLAIMS)
    elif roll < 0.75:
        template = rng.choice(HEDGED_CLAIMS)
    elif roll < 0.87:
        template = rng.choice(NEGATED_CLAIMS)
    else:
        template = rng.choice(CAVEATS)
    sentence = template.format(I=intervention, C=condition)
    return sentence[0].upper() + sentence[1:]


def make_page(rng: random.Random, interventions: list[str], conditions: list[str]) -> str:
    """One marketing-style page of roughly 300-1,500 words."""
    target_words = rng.randint(300, 1500)  # blocks are added until this is reached, never past 1,500
    main = rng.choice(interventions)
    topic = rng.choice(conditions)
    lines = [rng.choice(HEADINGS).format(I=main, C=topic)]
    words = len(lines[0].split())
    while words < target_words:
        intervention = main if rng.random() < 0.7 else rng.choice(interventions)
        condition = topic if rng.random() < 0.6 else rng.choice(conditions)
        kind = rng.random()
        if kind < 0.12:
            block = rng.choice(HEADINGS).format(I=intervention, C=condition)
        elif kind < 0.25:
            items = [rng.choice(LIST_INTROS).format(I=intervention, C=condition)]
            for _ in range(rng.randint(2, 5)):
                item = rng.choice(LIST_ITEMS)
                items.append(item.format(A=rng.choice(LIST_LEADS), S=_sentence(rng, intervention, condition)))
            block = "\n".join(items)
        else:
            block = " ".join(_sentence(rng, intervention, condition) for _ in range(rng.randint(2, 6)))
        size = len(block.split())
        if words + size > 1500 and words >= 300:
            break
        lines.append(block)
        words += size
    return "\n".join(lines) + "\n"


def build_texts(pages: int = 300, seed: int = 20240809) -> list[str]:
    """The example page followed by ``pages`` generated pages (same output for the same seed)."""
    rng = random.Random(seed)
    interventions, conditions = load_names()
    texts = [EXAMPLE_PAGE.read_text(encoding="utf-8")]
    texts.extend(make_page(rng, interventions, conditions) for _ in range(pages))
    return texts


# -- timing -------------------------------------------------------------------------------


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def measure_throughput(texts: list[str], repeats: int = 3) -> dict:
    import spacy

    from checker.api import Checker
    from checker.ingest import from_text

    nlp = spacy.blank("en")
    tokenizer = nlp.tokenizer
    checker = Checker()  # built once, outside the timed region
    # warm up both paths once (lazy imports, caches), untimed
    tokenizer(texts[0])
    checker.check_document(from_text(texts[0]))

    def run_tokenizer():
        for text in texts:
            tokenizer(text)

    def run_full():
        for text in texts:
            checker.check_document(from_text(text))

    # For reading: the checker's pipeline tokenizes the lexicon's phrases when it builds its
    # matchers, which leaves common words in the tokenizer's cache. A blank tokenizer warmed
    # the same way shows how much of the full check's speed that warm-up accounts for.
    from checker.lexicon import load_lexicon

    warmed = spacy.blank("en").tokenizer
    list(warmed.pipe([p for e in load_lexicon().entries.values() for p in e.phrases]))

    def run_warmed():
        for text in texts:
            warmed(text)

    # interleaved (tokenizer, full, tokenizer, full, ...) so both see the same machine load
    t_tok = t_full = t_warm = float("inf")
    for _ in range(max(1, repeats)):
        t_tok = min(t_tok, _timed(run_tokenizer))
        t_full = min(t_full, _timed(run_full))
        t_warm = min(t_warm, _timed(run_warmed))
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    docs = len(texts)
    tok_docs_s = docs / t_tok
    full_docs_s = docs / t_full
    ratio = full_docs_s / tok_docs_s
    return {
        "docs": docs,
        "megabytes": megabytes,
        "words": sum(len(t.split()) for t in texts),
        "repeats": repeats,
        "tokenizer_seconds": t_tok,
        "tokenizer_docs_per_s": tok_docs_s,
        "tokenizer_mb_per_s": megabytes / t_tok,
        "full_seconds": t_full,
        "full_docs_per_s": full_docs_s,
        "full_mb_per_s": megabytes / t_full,
        "throughput_ratio": ratio,
        "warmed_tokenizer_docs_per_s": docs / t_warm,
        "ratio_vs_warmed_tokenizer": full_docs_s / (docs / t_warm),
        "throughput_target": THROUGHPUT_TARGET,
        "throughput_pass": ratio >= THROUGHPUT_TARGET,
    }


def healthlint_command() -> tuple[list[str], str]:
    """The installed ``healthlint`` script next to sys.executable, else ``python -m checker.cli``."""
    bindir = Path(sys.executable).parent
    for name in ("healthlint", "healthlint.exe"):
        script = bindir / name
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script)], str(script)
    found = shutil.which("healthlint")
    if found and Path(found).parent == bindir:
        return [found], found
    return [sys.executable, "-m", "checker.cli"], f"{sys.executable} -m checker.cli"


def _median_run(cmd: list[str], runs: int, cwd: str, ok_codes: tuple[int, ...]) -> float:
    times = []
    for _ in range(max(1, runs)):
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if proc.returncode not in ok_codes:
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.decode(errors='replace')[-500:]}")
    return statistics.median(times)


def measure_startup(runs: int = 5) -> dict:
    cmd, shown = healthlint_command()
    with tempfile.TemporaryDirectory(prefix="healthlint-bench-") as tmp:
        short = Path(tmp) / "short.txt"
        short.write_text("MDMA cures PTSD.\n", encoding="utf-8")
        spacy_cmd = [sys.executable, "-c", "import spacy; spacy.blank('en')"]
        # Language() loads every installed spacy_factories entry point, so in an environment
        # with healthlint installed the baseline above also imports `checker`. For reading
        # only: the same with entry-point factories switched off (pure spaCy).
        bare_cmd = [sys.executable, "-c", "import spacy; "
                    "spacy.util.registry._entry_point_factories.get_entry_points = lambda: {}; "
                    "spacy.blank('en')"]
        # one untimed run each to warm the OS file cache
        subprocess.run(spacy_cmd, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(cmd + ["check", str(short)], cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t_spacy = _median_run(spacy_cmd, runs, tmp, (0,))
        try:
            t_bare = _median_run(bare_cmd, runs, tmp, (0,))
        except RuntimeError:  # a spaCy without that private attribute: skip the extra figure
            t_bare = None
        # exit 1 = findings (expected for this sentence); 0 would be fine too
        t_hl = _median_run(cmd + ["check", str(short)], runs, tmp, (0, 1))
    ratio = t_hl / t_spacy
    return {
        "startup_command": shown,
        "startup_runs": runs,
        "startup_healthlint_s": t_hl,
        "startup_spacy_blank_s": t_spacy,
        "startup_spacy_blank_no_entry_points_s": t_bare,
        "startup_ratio_vs_no_entry_points": (t_hl / t_bare) if t_bare else None,
        "startup_ratio": ratio,
        "startup_target": STARTUP_TARGET,
        "startup_pass": ratio <= STARTUP_TARGET,
    }


def run_benchmark(pages: int = 300, repeats: int = 3, startup_runs: int = 5, seed: int = 20240809) -> dict:
    """Build the texts, measure throughput and start-up; return the figures as a dict."""
    texts = build_texts(pages, seed=seed)
    figures = measure_throughput(texts, repeats=repeats)
    if startup_runs > 0:
        figures.update(measure_startup(startup_runs))
    return figures


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def print_report(f: dict) -> None:
    print(f"Texts: {f['docs']} docs (example page + {f['docs'] - 1} generated), "
          f"{f['megabytes']:.2f} MB, {f['words']:,} words")
    print(f"Throughput (best of {f['repeats']} run{'s' if f['repeats'] != 1 else ''}):")
    print(f"  spaCy blank tokenizer: {f['tokenizer_docs_per_s']:10.1f} docs/s  {f['tokenizer_mb_per_s']:8.3f} MB/s  "
          f"({f['tokenizer_seconds']:.3f} s)")
    print(f"  full check:            {f['full_docs_per_s']:10.1f} docs/s  {f['full_mb_per_s']:8.3f} MB/s  "
          f"({f['full_seconds']:.3f} s)")
    print(f"  ratio full/tokenizer:  {f['throughput_ratio']:.3f}  (target >= {f['throughput_target']})  "
          f"{_verdict(f['throughput_pass'])}")
    print(f"  (for reading: a blank tokenizer warmed with the lexicon's phrases, as the checker's own is: "
          f"{f['warmed_tokenizer_docs_per_s']:.1f} docs/s; full/warmed {f['ratio_vs_warmed_tokenizer']:.3f})")
    if "startup_ratio" in f:
        print(f"Start-up (median of {f['startup_runs']} runs):")
        print(f"  healthlint check <one-sentence file>: {f['startup_healthlint_s'] * 1000:8.1f} ms  [{f['startup_command']}]")
        print(f"  python -c \"import spacy; spacy.blank('en')\": {f['startup_spacy_blank_s'] * 1000:8.1f} ms")
        print(f"  ratio: {f['startup_ratio']:.2f}x  (target <= {f['startup_target']}x)  {_verdict(f['startup_pass'])}")
        if f.get("startup_spacy_blank_no_entry_points_s"):
            print(f"  (for reading: spaCy blank with entry-point factories off, i.e. without importing checker: "
                  f"{f['startup_spacy_blank_no_entry_points_s'] * 1000:.1f} ms; "
                  f"healthlint is {f['startup_ratio_vs_no_entry_points']:.2f}x that)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="healthlint throughput and start-up benchmark")
    parser.add_argument("--quick", action="store_true", help="fewer pages (30), 1 repeat, 3 start-up runs")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    parser.add_argument("--pages", type=int, default=None, help="number of generated pages (default 300; 30 with --quick)")
    parser.add_argument("--seed", type=int, default=20240809, help="seed for the generated pages")
    args = parser.parse_args(argv)
    pages = args.pages if args.pages is not None else (30 if args.quick else 300)
    repeats = 1 if args.quick else 3
    startup_runs = 3 if args.quick else 5
    figures = run_benchmark(pages=pages, repeats=repeats, startup_runs=startup_runs, seed=args.seed)
    print_report(figures)
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    if str(ROOT) not in sys.path:  # so a checkout works without an install
        sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
