"""Batch audit of scraped pages: read inputs, check each page, stream one JSONL record per
document, summarise. The CLI's ``healthlint audit`` wraps :func:`run_audit`.

- Reading is single-threaded and streaming (checker/sources.py); checking runs in this
  process (``jobs=1``), in local worker processes (``jobs>1``), or on a Dask cluster
  (``engine="dask"``). Workers build their pipeline once and return plain records, never
  spaCy Docs. At most a few batches are in flight, so memory does not grow with the number
  of documents.
- Every document gets exactly one record, written (and flushed) as it finishes: ok, error
  (with a one-line reason) or skipped (e.g. no main text could be extracted).
- ``resume=True`` keeps the complete records already in the output file, drops a line cut
  off by a crash, and skips the documents already recorded.
"""

from __future__ import annotations

import json
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TextIO
from urllib.parse import urlparse

from .api import Checker, Options

RECORD_VERSION = 1


@dataclass(frozen=True)
class AuditOptions:
    check: Options = Options()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    text_field: str = "text"
    id_field: str = "id"
    url_field: str = "url"
    format_field: str | None = None
    max_bytes: int = 5_000_000
    max_decompressed: int = 50_000_000
    time_limit: float | None = 60.0  # seconds per document; None for no limit
    batch_size: int = 16


@dataclass
class AuditSummary:
    documents: int = 0
    statuses: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    interventions: Counter = field(default_factory=Counter)
    domains: Counter = field(default_factory=Counter)  # findings per domain
    domain_documents: Counter = field(default_factory=Counter)
    skipped_records: Counter = field(default_factory=Counter)  # reader-level skips (WARC non-HTML records ...)
    resumed: int = 0
    seconds: float = 0.0

    def add(self, record: dict) -> None:
        self.documents += 1
        self.statuses[record["status"]] += 1
        domain = record.get("domain") or "-"
        self.domain_documents[domain] += 1
        for finding in record.get("findings", ()):
            self.rules[finding["rule"]] += 1
            self.domains[domain] += 1
            if finding.get("intervention"):
                self.interventions[finding["intervention"]] += 1


# -------------------------------------------------------------------- one document


class DocumentTimeout(Exception):
    pass


def _domain(uri: str) -> str:
    try:
        netloc = urlparse(uri).netloc.lower()
    except ValueError:
        return ""
    return netloc[4:] if netloc.startswith("www.") else netloc


def _compact(finding) -> dict:
    """A finding as an audit record keeps it: enough to aggregate and to find it again."""
    evidence = finding.evidence
    return {
        "rule": finding.rule, "name": finding.name, "severity": finding.severity.value, "message": finding.message,
        "line": finding.location.line, "column": finding.location.column, "text": finding.text, "claim": finding.claim,
        "intervention": finding.intervention, "condition": finding.condition,
        "evidence": evidence.id if evidence else None, "grade": evidence.grade if evidence else None,
        "confidence": finding.confidence,  # the learned filter's, with --min-confidence; else null
    }


def check_raw(raw, checker: Checker, options: AuditOptions) -> dict:
    """The record for one raw document. Never raises: failures become error records."""
    from .errors import HealthlintError
    from .extract import ExtractionError, raw_to_document

    record = {"id": raw.id, "uri": raw.uri, "source": raw.source, "domain": _domain(raw.uri), "status": raw.status,
              "error": raw.error, "findings": [], "claims": 0, "timings": {}}
    if raw.status != "ok":
        return record
    started = time.perf_counter()
    try:
        with _time_limit(options.time_limit):
            document = raw_to_document(raw)
            extracted = time.perf_counter()
            report = checker.check_document(document)
        record["findings"] = [_compact(f) for f in report.findings]
        record["claims"] = len(report.claims)
        record["timings"] = {"extract_ms": round((extracted - started) * 1000, 2),
                             "check_ms": round((time.perf_counter() - extracted) * 1000, 2)}
    except ExtractionError as exc:
        record.update(status="skipped", error=f"{raw.uri}: {exc}")
    except DocumentTimeout:
        record.update(status="error", error=f"{raw.uri}: took longer than the {options.time_limit:g} s limit per document")
    except HealthlintError as exc:
        record.update(status="error", error=str(exc))
    except Exception as exc:  # a bug or a pathological page: record it, keep the batch going
        record.update(status="error", error=f"{raw.uri}: internal error: {exc.__class__.__name__}: {exc}")
    return record


class _time_limit:
    """SIGALRM-based limit; only where signals work (the main thread of a process)."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.active = bool(seconds) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()

    def __enter__(self):
        if self.active:
            def expire(signum, frame):
                raise DocumentTimeout()

            self.previous = signal.signal(signal.SIGALRM, expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False


# -------------------------------------------------------------------- workers


@lru_cache(maxsize=2)
def _worker_checker(options: Options) -> Checker:
    # One pipeline per worker process, built on its first batch.
    return Checker(options)


def check_batch(batch: list, options: AuditOptions) -> list[dict]:
    """Run in a worker (process pool or Dask): records for a batch of raw documents."""
    checker = _worker_checker(options.check)
    return [check_raw(raw, checker, options) for raw in batch]


def _batches(raws: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for raw in raws:
        batch.append(raw)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# -------------------------------------------------------------------- output and resume


def completed_ids(path: Path) -> set[str]:
    """Ids of the complete records in an output file; a last line cut off by a crash is
    removed from the file so that its document is checked (and written) again."""
    done: set[str] = set()
    if not path.exists():
        return done
    good_until = 0
    with path.open("rb") as handle:
        position = 0
        for line in handle:
            position += len(line)
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
                done.add(record["id"])
            except (ValueError, KeyError, TypeError):
                break
            good_until = position
    if good_until != path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(good_until)
    return done


class RecordWriter:
    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, record: dict) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()  # a killed run keeps every record it finished


# -------------------------------------------------------------------- the run


def run_audit(inputs: Sequence[str], options: AuditOptions, *, output: str | None = None, resume: bool = False,
              jobs: int = 1, engine: str = "local", scheduler: str | None = None,
              on_record: Callable[[dict], None] | None = None, stdout: TextIO | None = None) -> AuditSummary:
    from .sources import iter_documents

    summary = AuditSummary()
    started = time.perf_counter()
    done: set[str] = set()
    if output and resume:
        done = completed_ids(Path(output))
        summary.resumed = len(done)
    handle = open(output, "a" if resume else "w", encoding="utf-8") if output else None
    writer = RecordWriter(handle or stdout or __import__("sys").stdout)
    raws = iter_documents(inputs, include=options.include, exclude=options.exclude, text_field=options.text_field,
                          id_field=options.id_field, url_field=options.url_field, format_field=options.format_field,
                          max_bytes=options.max_bytes, max_decompressed=options.max_decompressed,
                          counters=summary.skipped_records, skip=(output,) if output else ())

    def todo():
        for raw in raws:  # ids are unique within a run (the reader renames repeats)
            if raw.id not in done:  # not recorded by an earlier, interrupted run
                yield raw

    def emit(record: dict) -> None:
        writer.write(record)
        summary.add(record)
        if on_record:
            on_record(record)

    try:
        if engine == "dask":
            _run_dask(todo(), options, jobs, scheduler, emit)
        elif jobs > 1:
            _run_processes(todo(), options, jobs, emit)
        else:
            checker = Checker(options.check)
            for raw in todo():
                emit(check_raw(raw, checker, options))
    finally:
        if handle:
            handle.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _run_processes(raws: Iterator, options: AuditOptions, jobs: int, emit) -> None:
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    window = jobs * 3  # batches in flight: enough to keep workers busy, bounded memory
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = set()
        batches = _batches(raws, options.batch_size)
        for batch in batches:
            pending.add(pool.submit(check_batch, batch, options))
            if len(pending) >= window:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    for record in future.result():
                        emit(record)
        for future in pending:
            for record in future.result():
                emit(record)


def _run_dask(raws: Iterator, options: AuditOptions, jobs: int, scheduler: str | None, emit) -> None:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        from .errors import ConfigError

        raise ConfigError("--engine dask needs Dask: pip install 'healthlint[dask]'") from None
    cluster = None if scheduler else LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        window = max(1, len(client.scheduler_info().get("workers", {})) or jobs) * 3
        batches = _batches(raws, options.batch_size)
        futures = as_completed()
        in_flight = 0
        for batch in batches:
            futures.add(client.submit(check_batch, batch, options, pure=False))
            in_flight += 1
            if in_flight >= window:
                future = next(futures)
                in_flight -= 1
                for record in future.result():
                    emit(record)
                future.release()
        for future in futures:
            for record in future.result():
                emit(record)
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# -------------------------------------------------------------------- the batch as one report


def records_to_report(records: Iterable[dict], checker_options: Options = Options(), *, limit: int | None = None):
    """A Report (for the HTML renderer) rebuilt from audit records: compact findings get
    their evidence row back from the corpus by id. ``limit`` caps the documents kept."""
    from .assess import Assessor
    from .corpus import load_corpus
    from .model import DocumentReport, Finding, Location, Report, Severity
    from .rules import load_rules

    corpus = load_corpus(checker_options.corpus_folders)
    assessor = Assessor(corpus, load_rules(tuple(checker_options.rule_folders)))
    report = Report()
    for record in records:
        if limit is not None and len(report.documents) >= limit:
            break
        document = DocumentReport(uri=record.get("uri") or record["id"], error=record.get("error") if record["status"] != "ok" else None)
        for item in record.get("findings", ()):
            row = corpus.evidence.get(item.get("evidence") or "")
            location = Location(item["line"], item["column"], item["line"], item["column"] + len(item["text"]), 0, 0)
            document.findings.append(Finding(
                rule=item["rule"], name=item["name"], severity=Severity(item["severity"]), message=item["message"],
                uri=document.uri, location=location, text=item["text"], claim=item["claim"],
                intervention=item.get("intervention"), condition=item.get("condition"), evidence=assessor.evidence_ref(row)))
        report.documents.append(document)
    return report


def read_records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                yield json.loads(line)
            except ValueError:
                continue
