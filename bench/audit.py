"""Batch-audit benchmark (a script, not a test): throughput and memory of `healthlint audit`.

Prints, in one run, over generated scraped pages (HTML with navigation, cookie banner and
footer around marketing copy built by bench/throughput.py's page generator, in a JSONL dump):

* pages/s with --jobs 1 (in this process) and --jobs 2 (two worker processes), and their
  ratio (target: >= 1.7x with two);
* pages/s on a Dask LocalCluster of 2 workers, beside --jobs 2;
* peak memory (max RSS of a fresh process running the audit, --jobs 1) for 1,000 and for
  10,000 documents (target: within 1.2x: memory does not grow with the number of documents).

Run from the repository root, offline:  python bench/audit.py [--pages 5000] [--quick] [--json]
(--quick: 600 pages, memory at 200 vs 2,000 documents.)
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SPEEDUP_TARGET = 1.7
MEMORY_TARGET = 1.2
SHELL = ("<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
         "<div class='cookie'>We use cookies to improve your experience. <a href='/privacy'>Accept</a></div>"
         "<nav><ul><li><a href='/'>Home</a></li><li><a href='/shop'>Shop</a></li><li><a href='/blog'>Blog</a></li>"
         "<li><a href='/contact'>Contact</a></li></ul></nav><main><article><h1>{title}</h1>{body}</article></main>"
         "<aside><h3>Related products</h3><ul><li><a href='/p/1'>Gift card</a></li><li><a href='/p/2'>Bundle</a></li></ul></aside>"
         "<footer><p>© 2026 Example Wellness Ltd. All rights reserved.</p><p><a href='/terms'>Terms</a> · "
         "<a href='/privacy'>Privacy</a></p></footer></body></html>")


def to_html(text: str, title: str) -> str:
    from html import escape

    parts = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("- "):
            parts.append(f"<ul><li>{escape(line[2:])}</li></ul>")
        elif len(line) < 70 and not line.endswith("."):
            parts.append(f"<h2>{escape(line)}</h2>")
        else:
            parts.append(f"<p>{escape(line)}</p>")
    return SHELL.format(title=escape(title), body="".join(parts))


def write_dump(path: Path, pages: int, seed: int = 11) -> float:
    from throughput import build_texts

    rng = random.Random(seed)
    texts = build_texts(min(pages, 300))
    size = 0
    with path.open("w", encoding="utf-8") as handle:
        for i in range(pages):
            text = texts[i % len(texts)]
            html = to_html(text, f"Product {i}")
            line = json.dumps({"id": f"page-{i}", "url": f"https://shop{rng.randrange(40)}.example/p/{i}", "text": html})
            size += len(line) + 1
            handle.write(line + "\n")
    return size / 1_000_000


def timed_audit(dump: Path, out: Path, **kwargs) -> tuple[float, int]:
    from checker.audit import AuditOptions, run_audit

    started = time.perf_counter()
    summary = run_audit([str(dump)], AuditOptions(batch_size=16), output=str(out), **kwargs)
    return time.perf_counter() - started, summary.documents


CHILD = """
import resource, sys
sys.path.insert(0, {root!r})
from checker.audit import AuditOptions, run_audit
summary = run_audit([{dump!r}], AuditOptions(), output={out!r})
print(summary.documents, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_memory(dump: Path, out: Path) -> tuple[int, float]:
    code = CHILD.format(root=str(ROOT), dump=str(dump), out=str(out))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    documents, kilobytes = result.stdout.split()[-2:]
    return int(documents), int(kilobytes) / 1024


def run(pages: int, small: int, large: int, with_dask: bool = True) -> dict:
    figures: dict = {"pages": pages}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        dump = tmp / "pages.jsonl"
        figures["megabytes"] = write_dump(dump, pages)
        seconds, docs = timed_audit(dump, tmp / "one.jsonl", jobs=1)
        figures["jobs1_pages_per_s"] = docs / seconds
        seconds, docs = timed_audit(dump, tmp / "two.jsonl", jobs=2)
        figures["jobs2_pages_per_s"] = docs / seconds
        figures["speedup"] = figures["jobs2_pages_per_s"] / figures["jobs1_pages_per_s"]
        figures["speedup_pass"] = figures["speedup"] >= SPEEDUP_TARGET
        if with_dask:
            try:
                seconds, docs = timed_audit(dump, tmp / "dask.jsonl", jobs=2, engine="dask")
                figures["dask_pages_per_s"] = docs / seconds
            except Exception as exc:  # Dask not installed: say so
                figures["dask_error"] = f"{exc.__class__.__name__}: {exc}"
        for label, count in (("small", small), ("large", large)):
            part = tmp / f"{label}.jsonl"
            write_dump(part, count, seed=5)
            docs, megabytes = peak_memory(part, tmp / f"{label}-out.jsonl")
            figures[f"memory_{label}_documents"] = docs
            figures[f"memory_{label}_mb"] = megabytes
        figures["memory_ratio"] = figures["memory_large_mb"] / figures["memory_small_mb"]
        figures["memory_pass"] = figures["memory_ratio"] <= MEMORY_TARGET
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pages, small, large = (600, 200, 2000) if args.quick else (args.pages, 1000, 10000)
    f = run(pages, small, large, with_dask=not args.no_dask)
    verdict = {True: "PASS", False: "MISS"}
    print(f"Pages: {f['pages']} generated scraped pages in a JSONL dump ({f['megabytes']:.1f} MB)")
    print(f"  --jobs 1: {f['jobs1_pages_per_s']:7.1f} pages/s")
    print(f"  --jobs 2: {f['jobs2_pages_per_s']:7.1f} pages/s   speed-up {f['speedup']:.2f}x "
          f"(target >= {SPEEDUP_TARGET}x)  {verdict[f['speedup_pass']]}")
    if "dask_pages_per_s" in f:
        print(f"  Dask LocalCluster, 2 workers: {f['dask_pages_per_s']:7.1f} pages/s (beside --jobs 2 above)")
    else:
        print(f"  Dask: not run ({f.get('dask_error', 'skipped')})")
    print(f"Peak memory (max RSS, --jobs 1): {f['memory_small_documents']} documents {f['memory_small_mb']:.0f} MB, "
          f"{f['memory_large_documents']} documents {f['memory_large_mb']:.0f} MB, ratio {f['memory_ratio']:.2f} "
          f"(target <= {MEMORY_TARGET})  {verdict[f['memory_pass']]}")
    if args.json:
        print(json.dumps(f, indent=2))


if __name__ == "__main__":
    main()
