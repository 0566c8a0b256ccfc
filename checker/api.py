"""The Python API the CLI wraps: build a checker once, check texts and paths with it.

    from checker import check_text
    report = check_text("MDMA cures PTSD.")
    for finding in report.findings:
        print(finding.rule, finding.message)
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .assess import Assessor, PageFacts, Settings
from .document import Document
from .errors import ConfigError, HealthlintError, InputError
from .model import DocumentReport, Report, Severity

# spaCy refuses texts over nlp.max_length; long documents are processed in chunks of whole
# blocks, and the page-level facts (caveats, mentions) are gathered across chunks.
CHUNK_CHARS = 100_000


@dataclass(frozen=True)
class Options:
    model: str | None = None
    corpus_folders: tuple[str, ...] = ()
    rule_folders: tuple[str, ...] = ()
    select: tuple[str, ...] = ()  # rule ids or prefixes; empty = all
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (rule id, "error" | "warning" | "info")
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, rule ids or prefixes)
    root: str = "."  # per-file-ignore globs are relative to this folder
    jurisdictions: tuple[str, ...] = ("US", "UK", "EU", "CA", "AU")
    max_bytes: int = 10_000_000
    # Drop sentence-level HL1xx findings that the learned filter (checker/finding_filter.py)
    # scores below this; 0 (the default) leaves the rules alone.
    min_confidence: float = 0.0

    @classmethod
    def from_config(cls, config, **overrides) -> "Options":
        """Options from a checker.config.Config; keyword arguments (flags) override it."""
        values = dict(corpus_folders=config.corpus, rule_folders=config.rules, select=config.select,
                      extend_select=config.extend_select, ignore=config.ignore,
                      severity=tuple(sorted(config.severity.items())), per_file_ignores=config.per_file_ignores,
                      root=config.root, jurisdictions=config.jurisdictions, max_bytes=config.max_bytes,
                      min_confidence=config.min_confidence)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _matches(rule_id: str, codes: Sequence[str]) -> bool:
    return any(rule_id.startswith(code) for code in codes)


def _selected(rule_id: str, options: Options) -> bool:
    chosen = (not options.select or _matches(rule_id, options.select)) or _matches(rule_id, options.extend_select)
    return chosen and not _matches(rule_id, options.ignore)


class Checker:
    """Holds the spaCy pipeline, the corpus and the rules; build it once, reuse it."""

    def __init__(self, options: Options = Options()):
        from .corpus import load_corpus
        from .nlp import build_pipeline
        from .rules import load_rules

        self.options = options
        self.corpus = load_corpus(options.corpus_folders)
        levels = dict(options.severity)
        catalogue = load_rules(tuple(options.rule_folders))
        for code in levels:
            if code not in catalogue:
                raise ConfigError(f"severity: no rule '{code}' (see 'healthlint rules')")
        self.all_rules = {rid: (replace(r, severity=Severity(levels[rid])) if rid in levels else r)
                          for rid, r in catalogue.items()}
        self.rules = {rid: r for rid, r in self.all_rules.items() if _selected(rid, options)}
        self.nlp = build_pipeline(options.model, corpus_folders=options.corpus_folders)
        self.nlp.max_length = max(self.nlp.max_length, CHUNK_CHARS * 2)
        self._components = [component for _, component in self.nlp.pipeline]
        self.assessor = Assessor(self.corpus, self.rules, Settings(jurisdictions=tuple(options.jurisdictions)))
        # The corpus, rules and pipeline live as long as the checker and never change. Moving
        # them out of the collector's generations stops every full collection from walking
        # them again: with a corpus ten times the shipped one, that walk made checking 1.24x
        # slower; frozen, 1.02x (bench/corpus_scale.py). No collection first: it found about
        # ten unreachable objects here and cost some 55 ms of every start-up.
        gc.freeze()

    # -- documents --------------------------------------------------------------

    def facts(self, document: Document) -> PageFacts:
        facts = PageFacts()
        topic = None
        for offset, text, blocks in _chunks(document):
            doc = self.nlp.make_doc(text)
            doc.user_data["hl_text"] = text  # spares the components rebuilding doc.text
            doc.user_data["hl_blocks"] = blocks
            if topic:
                doc.user_data["hl_topic"] = topic
            for component in self._components:  # Language.__call__ adds nothing we need
                doc = component(doc)
            if topic is None:
                topic = doc.user_data.get("hl_page_topic") or None
            facts.extend(doc, offset)
        return facts

    def check_document(self, document: Document) -> DocumentReport:
        from .suppress import apply_suppressions

        facts = self.facts(document)
        report = DocumentReport(uri=document.uri)
        findings = self.assessor.assess(document, facts)
        findings = apply_suppressions(document, findings, self.all_rules, self.rules)
        ignored = self._ignored_for(document.uri)
        if ignored:
            findings = [f for f in findings if not _matches(f.rule, ignored)]
        if self.options.min_confidence > 0:  # last: only what would be reported is scored
            from .finding_filter import keep

            findings = keep(findings, self.options.min_confidence)
        report.findings = findings
        report.claims = self.assessor.claims_of(document, facts)
        report.caveats = self.assessor.caveats_of(document, facts)
        return report

    def _ignored_for(self, uri: str) -> tuple[str, ...]:
        """Rules the per-file-ignores switch off for this file."""
        if not self.options.per_file_ignores or uri in ("-", "<text>"):
            return ()
        from fnmatch import fnmatch

        path = Path(uri).resolve()
        try:
            relative = path.relative_to(Path(self.options.root).resolve()).as_posix()
        except ValueError:
            relative = path.as_posix()
        codes: list[str] = []
        for glob, rules in self.options.per_file_ignores:
            if fnmatch(relative, glob) or fnmatch(path.name, glob) or (glob.endswith("/**") and relative.startswith(glob[:-2])):
                codes.extend(rules)
        return tuple(codes)

    def check_text(self, text: str, *, uri: str = "<text>", format: str = "text") -> Report:
        from .ingest import from_text

        return Report([self.check_document(from_text(text, uri=uri, format=format))])

    def check_paths(self, paths: Iterable[str | os.PathLike], *, stdin: bytes | None = None,
                    on_error: str = "raise") -> Report:
        """Check files and folders (and ``-`` for ``stdin``). ``on_error``: "raise" stops at
        the first unreadable document; "record" keeps going and records the error."""
        from .ingest import read_path, read_stdin

        report = Report()
        for path in _expand_each(paths, report, on_error):
            try:
                if str(path) == "-":
                    document = read_stdin(stdin or b"", max_bytes=self.options.max_bytes)
                else:
                    document = read_path(path, max_bytes=self.options.max_bytes)
            except InputError as exc:
                if on_error == "raise":
                    raise
                report.documents.append(DocumentReport(uri=str(path), error=str(exc)))
                continue
            report.documents.append(self.check_document(document))
        return report


def _chunks(document: Document) -> Iterator[tuple[int, str, list[tuple[int, int, str]]]]:
    """Split a document into pieces of whole blocks under CHUNK_CHARS (one piece for most pages)."""
    text = document.text
    blocks = [(b.start, b.end, b.kind) for b in document.blocks]
    if len(text) <= CHUNK_CHARS:
        yield 0, text, blocks
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        local = [(s - start, min(e, end) - start, k) for s, e, k in blocks if start <= s < end]
        yield start, text[start:end], local
        start = end


def _expand_each(paths, report: Report, on_error: str):
    """expand_paths, recording (or raising) an error for a folder with nothing to check."""
    for raw in paths:
        try:
            yield from list(expand_paths([raw]))
        except InputError as exc:
            if on_error == "raise":
                raise
            report.documents.append(DocumentReport(uri=str(raw), error=str(exc)))


def expand_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path | str]:
    """Files as given; folders walked (sorted, symlinked folders not followed) for supported files."""
    from .ingest import SUPPORTED_SUFFIXES

    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / f for f in files if Path(f).suffix.lower() in SUPPORTED_SUFFIXES and not f.startswith("."))
            if not found:
                raise InputError(f"{path}: no {', '.join(SUPPORTED_SUFFIXES)} files in this folder")
            yield from sorted(found)
        else:
            yield path


def _checker(options: Options | None) -> Checker:
    return _cached_checker(options or Options())


@lru_cache(maxsize=1)
def _cached_checker(options: Options) -> Checker:
    # Building the pipeline costs a few hundred ms; reuse it for repeated API calls.
    return Checker(options)


def check_text(text: str, *, uri: str = "<text>", format: str = "text", options: Options | None = None) -> Report:
    """Check a string (plain text, ``"markdown"`` or ``"html"``) and return the report."""
    return _checker(options).check_text(text, uri=uri, format=format)


def check_path(*paths: str | os.PathLike, options: Options | None = None) -> Report:
    """Check files or folders and return the report. Unreadable files raise InputError."""
    return _checker(options).check_paths(paths)


__all__ = ["Checker", "Options", "check_text", "check_path", "HealthlintError", "InputError"]
