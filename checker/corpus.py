"""Load and validate the evidence corpus (see corpus/README.md for the tables).

One validator serves start-up, ``healthlint corpus validate`` and the tests. Loading is
strict: an unknown or missing column, a bad enum value, a bad date, a duplicate id, a
reference to a row that does not exist or a row without sources is a problem that names
the file, the row (1-based line in the file) and the column.

Several corpus folders can be stacked: rows of a later folder add to, or replace by id,
the rows of an earlier one; every row remembers which folder it came from.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from .errors import DataError

GRADES = ("approved", "strong", "moderate", "preliminary", "insufficient", "contradicted")
STRENGTHS = ("mention", "possibility", "efficacy", "certainty")
QUALIFIERS = ("speed", "durability", "safety", "comparison")
SOURCE_TYPES = ("trial", "review", "regulator", "guideline", "legislation", "reference", "news")
VERIFIED = ("yes", "secondary", "no")
JURISDICTIONS = ("US", "UK", "EU", "CA", "AU")
APPROVALS = ("approved", "restricted", "not-approved", "not-applicable")
CAVEAT_KINDS = ("adverse-effects", "contraindications", "supervision", "evidence-status", "legal-status")
YES_NO = ("yes", "no")
CAVEAT_NEEDS = ("monitoring",)

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int  # line in the file, 1-based (the header is line 1); 0 for the whole file
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.row}" if self.row else self.file
        column = f" column '{self.column}':" if self.column else ""
        return f"{where}:{column} {self.message}"


# ---------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class Intervention:
    id: str
    name: str
    cls: str
    names: tuple[str, ...]
    street_names: tuple[str, ...]
    misspellings: tuple[str, ...]
    table: str = ""
    common_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Condition:
    id: str
    name: str
    synonyms: tuple[str, ...]
    serious: bool
    parent: str | None
    xref: str = ""
    table: str = ""


@dataclass(frozen=True)
class Source:
    id: str
    citation: str
    url: str
    pmid: str
    doi: str
    year: str
    type: str
    verified: str
    note: str
    table: str = ""


@dataclass(frozen=True)
class Evidence:
    id: str
    intervention: str
    condition: str
    grade: str
    max_strength: str
    supports: tuple[str, ...]
    summary: str
    sources: tuple[str, ...]
    reviewed_on: date
    table: str = ""


@dataclass(frozen=True)
class Status:
    id: str
    intervention: str
    jurisdiction: str
    approval: str
    controlled: bool
    schedule: str
    summary: str
    effective: date | None
    sources: tuple[str, ...]
    reviewed_on: date
    table: str = ""
    prescription: bool | None = None  # sold only on prescription there; None: not recorded


@dataclass(frozen=True)
class Caveat:
    id: str
    intervention: str
    kind: str
    wording: str
    sources: tuple[str, ...]
    reviewed_on: date
    table: str = ""
    # supervision only: "monitoring" when the treatment needs watching while it is given, so a
    # prescriber alone ("prescribed by a licensed clinician", then taken at home) does not state it
    needs: str | None = None


# ------------------------------------------------------------------------- schema


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text | id | list | enum | enum-list | bool | date | ref | ref-list
    required: bool = True
    choices: tuple[str, ...] = ()
    table: str = ""  # for ref / ref-list
    # A column added after corpora were written: a file without it reads as blank cells.
    may_be_absent: bool = False


def _c(name, kind="text", required=True, choices=(), table="", may_be_absent=False):
    return Column(name, kind, required, tuple(choices), table, may_be_absent)


SCHEMA: dict[str, tuple[Column, ...]] = {
    "sources": (
        _c("id", "id"), _c("citation"), _c("url", required=False), _c("pmid", required=False),
        _c("doi", required=False), _c("year", required=False),
        _c("type", "enum", choices=SOURCE_TYPES), _c("verified", "enum", choices=VERIFIED),
        _c("note", required=False),
    ),
    "interventions": (
        _c("id", "id"), _c("name"), _c("class", required=False), _c("names", "list", required=False),
        _c("street_names", "list", required=False), _c("misspellings", "list", required=False),
        # Added after corpora were written without it: a folder may leave the column out.
        _c("common_words", "list", required=False, may_be_absent=True),
    ),
    "conditions": (
        _c("id", "id"), _c("name"), _c("synonyms", "list", required=False),
        _c("serious", "enum", choices=YES_NO), _c("parent", "ref", required=False, table="conditions"),
        _c("xref", required=False),
    ),
    "evidence": (
        _c("id", "id"), _c("intervention", "ref", table="interventions"),
        _c("condition", "ref", table="conditions"), _c("grade", "enum", choices=GRADES),
        _c("max_strength", "enum", choices=STRENGTHS),
        _c("supports", "enum-list", required=False, choices=QUALIFIERS), _c("summary"),
        _c("sources", "ref-list", table="sources"), _c("reviewed_on", "date"),
    ),
    "status": (
        _c("id", "id"), _c("intervention", "ref", table="interventions"),
        _c("jurisdiction", "enum", choices=JURISDICTIONS), _c("approval", "enum", choices=APPROVALS),
        _c("controlled", "enum", choices=YES_NO), _c("schedule", required=False),
        # yes: sold only on prescription there ("no prescription needed" misstates it)
        _c("prescription", "enum", required=False, choices=YES_NO, may_be_absent=True), _c("summary"),
        _c("effective", "date", required=False), _c("sources", "ref-list", table="sources"),
        _c("reviewed_on", "date"),
    ),
    "caveats": (
        _c("id", "id"), _c("intervention", "ref", table="interventions"),
        _c("kind", "enum", choices=CAVEAT_KINDS), _c("wording"),
        _c("sources", "ref-list", table="sources"), _c("reviewed_on", "date"),
        # supervision rows: "monitoring" when a prescriber alone does not state the caveat
        _c("needs", "enum", required=False, choices=CAVEAT_NEEDS, may_be_absent=True),
    ),
}
# Load order: referenced tables first.
TABLES = ("sources", "interventions", "conditions", "evidence", "status", "caveats")


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


@dataclass
class _RawRow:
    values: dict[str, object]
    file: str
    line: int


def _read_table(path: Path, table: str, problems: list[Problem]) -> list[_RawRow]:
    columns = SCHEMA[table]
    by_name = {c.name: c for c in columns}
    label = str(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            try:
                header = next(reader)
            except StopIteration:
                problems.append(Problem(label, 0, "", "empty file: a header row is required"))
                return []
            header = [h.strip() for h in header]
            for name in header:
                if name not in by_name:
                    expected = ", ".join(by_name)
                    problems.append(Problem(label, 1, name, f"unknown column (expected: {expected})"))
            for column in columns:
                if column.name not in header and not column.may_be_absent:
                    problems.append(Problem(label, 1, column.name, "missing column"))
            rows = []
            for record in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in record):
                    continue
                if len(record) != len(header):
                    problems.append(Problem(label, line, "", f"has {len(record)} cells, the header has {len(header)}"))
                    continue
                values: dict[str, object] = {}
                for name, cell in zip(header, record):
                    column = by_name.get(name)
                    if column is None:
                        continue
                    values[name] = _parse_cell(cell.strip(), column, label, line, problems)
                rows.append(_RawRow(values, label, line))
            return rows
    except UnicodeDecodeError as exc:
        problems.append(Problem(label, 0, "", f"not valid UTF-8 (byte {exc.start})"))
    except csv.Error as exc:
        problems.append(Problem(label, 0, "", f"malformed CSV: {exc}"))
    except OSError as exc:
        problems.append(Problem(label, 0, "", f"cannot read: {exc.strerror or exc}"))
    return []


def _parse_cell(cell: str, column: Column, file: str, line: int, problems: list[Problem]) -> object:
    def bad(message: str) -> None:
        problems.append(Problem(file, line, column.name, message))

    if not cell:
        if column.required:
            bad("is empty")
        if column.kind in ("list", "enum-list", "ref-list"):
            return ()
        return None if column.kind in ("date", "ref") else ""
    if column.kind == "id":
        if not _ID.match(cell):
            bad(f"'{cell}' is not a lower-case kebab-case id")
        return cell
    if column.kind == "enum":
        if cell not in column.choices:
            bad(f"'{cell}' is not one of: {', '.join(column.choices)}")
        return cell
    if column.kind == "enum-list":
        items = split_list(cell)
        for item in items:
            if item not in column.choices:
                bad(f"'{item}' is not one of: {', '.join(column.choices)}")
        return items
    if column.kind in ("list", "ref-list"):
        return split_list(cell)
    if column.kind == "date":
        try:
            return date.fromisoformat(cell)
        except ValueError:
            bad(f"'{cell}' is not a date (YYYY-MM-DD)")
            return None
    return cell


@dataclass(frozen=True)
class Corpus:
    """The evidence table, frozen. Look-ups by id and by (intervention, condition)."""

    folders: tuple[str, ...]
    interventions: Mapping[str, Intervention]
    conditions: Mapping[str, Condition]
    sources: Mapping[str, Source]
    evidence: Mapping[str, Evidence]
    status: Mapping[str, Status]
    caveats: Mapping[str, Caveat]
    _evidence_by_pair: Mapping[tuple[str, str], Evidence] = field(repr=False, default_factory=dict)
    _lookups: dict = field(repr=False, default_factory=dict, compare=False, hash=False)
    _by_intervention: Mapping[str, Mapping[str, tuple]] = field(repr=False, default_factory=dict, compare=False, hash=False)

    def evidence_for(self, intervention: str, condition: str) -> Evidence | None:
        key = (intervention, condition)
        if key not in self._lookups:  # a pure function of frozen data: remember answers
            self._lookups[key] = self._evidence_for(intervention, condition)
        return self._lookups[key]

    def _evidence_for(self, intervention: str, condition: str) -> Evidence | None:
        """The row for the pair; else for the nearest broader condition that has one; else,
        for a claim about a broad condition ("depression"), the best-graded row among its
        narrower conditions (MDD, TRD): the checker then errs towards fewer findings."""
        seen = set()
        current: str | None = condition
        while current and current not in seen:
            seen.add(current)
            row = self._evidence_by_pair.get((intervention, current))
            if row is not None:
                return row
            parent = self.conditions.get(current)
            current = parent.parent if parent else None
        narrower = [e for e in self.evidence_of(intervention)
                    if e.condition != condition and self.is_ancestor(condition, e.condition)]
        if narrower:
            return min(narrower, key=lambda e: (GRADES.index(e.grade), e.id))
        return None

    def evidence_of(self, intervention: str) -> list[Evidence]:
        return list(self._by_intervention.get("evidence", {}).get(intervention, ()))

    def status_of(self, intervention: str) -> list[Status]:
        return list(self._by_intervention.get("status", {}).get(intervention, ()))

    def caveats_of(self, intervention: str, kind: str | None = None) -> list[Caveat]:
        rows = self._by_intervention.get("caveats", {}).get(intervention, ())
        return [c for c in rows if kind is None or c.kind == kind]

    def covers(self, row: Evidence, condition: str) -> bool:
        """Whether an evidence row speaks for the condition: it is about that condition or a
        broader one. ``evidence_for`` falls back to a narrower row, which does not."""
        return self.is_ancestor(row.condition, condition)

    def is_ancestor(self, ancestor: str, condition: str) -> bool:
        seen = set()
        current: str | None = condition
        while current and current not in seen:
            if current == ancestor:
                return True
            seen.add(current)
            row = self.conditions.get(current)
            current = row.parent if row else None
        return False


def validate_corpus(folders: Sequence[str | Path]) -> tuple[Corpus | None, list[Problem]]:
    """Read and check the stacked corpus folders. Returns the corpus (None if any problem)."""
    problems: list[Problem] = []
    merged: dict[str, dict[str, _RawRow]] = {t: {} for t in TABLES}
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            problems.append(Problem(str(folder), 0, "", "corpus folder not found"))
            continue
        for table in TABLES:
            path = folder / f"{table}.csv"
            if not path.exists():
                if folder == Path(folders[0]):
                    problems.append(Problem(str(path), 0, "", "table missing"))
                continue
            seen_here: dict[str, int] = {}
            for row in _read_table(path, table, problems):
                row_id = row.values.get("id")
                if not row_id:
                    continue
                if row_id in seen_here:
                    problems.append(Problem(row.file, row.line, "id", f"duplicate id '{row_id}' (first on line {seen_here[row_id]})"))
                    continue
                seen_here[row_id] = row.line
                row.values["table"] = str(folder)
                merged[table][row_id] = row  # a later folder overrides by id
    for table in TABLES:
        for row in merged[table].values():
            for column in SCHEMA[table]:
                if column.kind not in ("ref", "ref-list"):
                    continue
                value = row.values.get(column.name)
                refs = value if isinstance(value, tuple) else ((value,) if value else ())
                for ref in refs:
                    if ref not in merged[column.table]:
                        problems.append(Problem(row.file, row.line, column.name, f"'{ref}' is not an id in {column.table}.csv"))
    _check_conditions(merged["conditions"], problems)
    _check_names(merged["interventions"], merged["conditions"], problems)
    if problems:
        return None, problems
    return _build(tuple(str(f) for f in folders), merged), problems


def _check_conditions(rows: Mapping[str, _RawRow], problems: list[Problem]) -> None:
    for row_id, row in rows.items():
        seen = {row_id}
        parent = row.values.get("parent")
        while parent:
            if parent in seen:
                problems.append(Problem(row.file, row.line, "parent", f"parent chain of '{row_id}' loops"))
                break
            seen.add(parent)
            parent_row = rows.get(parent)
            parent = parent_row.values.get("parent") if parent_row else None


def _check_names(interventions: Mapping[str, _RawRow], conditions: Mapping[str, _RawRow], problems: list[Problem]) -> None:
    """A name (case-insensitive) may belong to one intervention or one condition only:
    the matcher could not tell which one a page meant."""
    owner: dict[str, str] = {}

    def claim(row_id: str, row: _RawRow, column: str, name: str) -> None:
        key = name.lower()
        if key in owner and owner[key] != row_id:
            problems.append(Problem(row.file, row.line, column, f"name '{name}' also belongs to '{owner[key]}'"))
        owner.setdefault(key, row_id)

    for row_id, row in interventions.items():
        for column in ("name", "names", "misspellings"):
            value = row.values.get(column) or ()
            for name in ((value,) if isinstance(value, str) else value):
                claim(f"intervention {row_id}", row, column, name)
    for row_id, row in conditions.items():
        for column in ("name", "synonyms"):
            value = row.values.get(column) or ()
            for name in ((value,) if isinstance(value, str) else value):
                claim(f"condition {row_id}", row, column, name)


def _build(folders: tuple[str, ...], merged: dict[str, dict[str, _RawRow]]) -> Corpus:
    def rows(table):
        return [r.values for r in merged[table].values()]

    interventions = {v["id"]: Intervention(v["id"], v["name"], v.get("class", ""), v["names"], v["street_names"], v["misspellings"], v["table"], v.get("common_words", ())) for v in rows("interventions")}
    conditions = {v["id"]: Condition(v["id"], v["name"], v["synonyms"], v["serious"] == "yes", v.get("parent") or None, v.get("xref", ""), v["table"]) for v in rows("conditions")}
    sources = {v["id"]: Source(v["id"], v["citation"], v["url"], v["pmid"], v["doi"], v["year"], v["type"], v["verified"], v["note"], v["table"]) for v in rows("sources")}
    evidence = {v["id"]: Evidence(v["id"], v["intervention"], v["condition"], v["grade"], v["max_strength"], v["supports"], v["summary"], v["sources"], v["reviewed_on"], v["table"]) for v in rows("evidence")}
    status = {v["id"]: Status(v["id"], v["intervention"], v["jurisdiction"], v["approval"], v["controlled"] == "yes", v["schedule"], v["summary"], v.get("effective"), v["sources"], v["reviewed_on"], v["table"],
                        {"yes": True, "no": False}.get(v.get("prescription") or "")) for v in rows("status")}
    caveats = {v["id"]: Caveat(v["id"], v["intervention"], v["kind"], v["wording"], v["sources"], v["reviewed_on"], v["table"],
                               v.get("needs") or None) for v in rows("caveats")}
    by_pair = {(e.intervention, e.condition): e for e in evidence.values()}
    # Rows per intervention, so that look-ups do not scan tables that grow with the corpus.
    by_intervention: dict[str, dict[str, tuple]] = {}
    for name, table in (("evidence", evidence), ("status", status), ("caveats", caveats)):
        index: dict[str, list] = {}
        for row in table.values():
            index.setdefault(row.intervention, []).append(row)
        by_intervention[name] = {k: tuple(v) for k, v in index.items()}
    return Corpus(folders, interventions, conditions, sources, evidence, status, caveats, by_pair,
                  _by_intervention=by_intervention)


def load_corpus(extra_folders: Iterable[str | Path] = ()) -> Corpus:
    """The shipped corpus plus any extra folders (later ones override by id).

    Loaded once per process for the same files: the checker and its spaCy component both
    ask for it. The cache key includes every table's size and modification time, so an
    edited table is read again."""
    from .resources import data_dir

    folders = tuple(str(f) for f in (data_dir("corpus"), *extra_folders))
    return _load_corpus(folders, _signature(folders))


def _signature(folders: tuple[str, ...]) -> tuple:
    stamps = []
    for folder in folders:
        for table in TABLES:
            try:
                stat = (Path(folder) / f"{table}.csv").stat()
                stamps.append((folder, table, stat.st_mtime_ns, stat.st_size))
            except OSError:
                stamps.append((folder, table, None, None))
    return tuple(stamps)


@lru_cache(maxsize=8)
def _load_corpus(folders: tuple[str, ...], signature: tuple) -> Corpus:
    corpus, problems = validate_corpus(list(folders))
    if corpus is None:
        more = f" (and {len(problems) - 1} more problems; run 'healthlint corpus validate')" if len(problems) > 1 else ""
        raise DataError(f"{problems[0]}{more}")
    return corpus
