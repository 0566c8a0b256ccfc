"""Questions a reviewer asks of the corpus: what does it say about a name (``corpus show``),
and which rows are due for review (``corpus stale``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from .corpus import Corpus
from .errors import HealthlintError


class NameMatch(NamedTuple):
    kind: str  # "intervention" | "condition"
    id: str
    matched: str  # the name or synonym that matched
    score: float


def find_names(corpus: Corpus, term: str, *, limit: int = 5, cutoff: float = 80.0) -> list[NameMatch]:
    """Interventions and conditions whose names, synonyms, street names, common words or misspellings match
    ``term``, best first: exact (case-insensitive) matches score 100, others by rapidfuzz."""
    from rapidfuzz import fuzz, process, utils

    choices: dict[str, tuple[str, str, str]] = {}
    for row in corpus.interventions.values():
        for name in (row.name, *row.names, *row.street_names, *row.common_words, *row.misspellings):
            choices.setdefault(name.lower(), ("intervention", row.id, name))
    for row in corpus.conditions.values():
        for name in (row.name, *row.synonyms):
            choices.setdefault(name.lower(), ("condition", row.id, name))
    wanted = term.strip().lower()
    if not wanted:
        raise HealthlintError("corpus show: give a name to look up")
    if wanted in choices:
        kind, ident, name = choices[wanted]
        return [NameMatch(kind, ident, name, 100.0)]
    results = process.extract(wanted, list(choices), scorer=fuzz.WRatio, processor=utils.default_process,
                              score_cutoff=cutoff, limit=limit * 4)
    seen, out = set(), []
    for key, score, _ in results:
        kind, ident, name = choices[key]
        if (kind, ident) in seen:
            continue
        seen.add((kind, ident))
        out.append(NameMatch(kind, ident, name, round(float(score), 1)))
        if len(out) == limit:
            break
    return out


def describe(corpus: Corpus, match: NameMatch) -> dict:
    """Everything the corpus says about a matched intervention or condition, as plain data."""
    def sources(ids):
        return [{"id": s, "citation": corpus.sources[s].citation, "url": corpus.sources[s].url,
                 "verified": corpus.sources[s].verified} for s in ids]

    def evidence(rows):
        return [{"id": e.id, "intervention": e.intervention, "condition": e.condition, "grade": e.grade,
                 "max_strength": e.max_strength, "supports": list(e.supports), "summary": e.summary,
                 "reviewed_on": e.reviewed_on.isoformat(), "table": e.table, "sources": sources(e.sources)} for e in rows]

    if match.kind == "intervention":
        row = corpus.interventions[match.id]
        return {
            "kind": "intervention", "id": row.id, "name": row.name, "class": row.cls, "matched": match.matched,
            "score": match.score, "names": list(row.names), "street_names": list(row.street_names),
            "common_words": list(row.common_words),
            "misspellings": list(row.misspellings), "table": row.table,
            "evidence": evidence(corpus.evidence_of(row.id)),
            "status": [{"jurisdiction": s.jurisdiction, "approval": s.approval, "controlled": s.controlled,
                        "schedule": s.schedule, "summary": s.summary, "reviewed_on": s.reviewed_on.isoformat(),
                        "sources": sources(s.sources)} for s in corpus.status_of(row.id)],
            "caveats": [{"kind": c.kind, "wording": c.wording, "reviewed_on": c.reviewed_on.isoformat(),
                         "sources": sources(c.sources)} for c in corpus.caveats_of(row.id)],
        }
    row = corpus.conditions[match.id]
    rows = [e for e in corpus.evidence.values() if corpus.is_ancestor(row.id, e.condition)]
    return {
        "kind": "condition", "id": row.id, "name": row.name, "matched": match.matched, "score": match.score,
        "synonyms": list(row.synonyms), "serious": row.serious, "parent": row.parent, "xref": row.xref,
        "table": row.table, "evidence": evidence(rows),
    }


_AGE = re.compile(r"^\s*(\d+)\s*([dwmy])\s*$")


def parse_age(text: str) -> timedelta:
    """'90d', '6w', '12m', '2y' -> a duration (a month counts 30 days, a year 365)."""
    found = _AGE.match(text.lower())
    if not found:
        raise HealthlintError(f"--older-than: '{text}' is not an age such as 90d, 6w, 12m or 2y")
    number, unit = int(found.group(1)), found.group(2)
    return timedelta(days=number * {"d": 1, "w": 7, "m": 30, "y": 365}[unit])


@dataclass(frozen=True)
class StaleRow:
    table: str  # evidence | status | caveats
    id: str
    reviewed_on: date
    folder: str


def stale_rows(corpus: Corpus, older_than: timedelta, *, today: date | None = None) -> list[StaleRow]:
    """Evidence, status and caveat rows last reviewed before ``today - older_than``, oldest first."""
    limit = (today or date.today()) - older_than
    rows = [StaleRow(name, r.id, r.reviewed_on, r.table)
            for name, table in (("evidence", corpus.evidence), ("status", corpus.status), ("caveats", corpus.caveats))
            for r in table.values() if r.reviewed_on < limit]
    return sorted(rows, key=lambda r: (r.reviewed_on, r.table, r.id))
