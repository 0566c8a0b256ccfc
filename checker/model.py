"""What the checker reports: findings, claims and the report around them.

The JSON form of these classes is the versioned output schema (``checker/schema``); a change
that is not backward compatible bumps ``SCHEMA_VERSION``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum

SCHEMA_VERSION = "1.2"


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


@dataclass(frozen=True)
class Location:
    line: int
    column: int
    end_line: int
    end_column: int
    start: int  # character offsets in the document's plain text
    end: int


@dataclass(frozen=True)
class Citation:
    id: str
    citation: str
    url: str
    year: str
    type: str
    verified: str


@dataclass(frozen=True)
class EvidenceRef:
    """The corpus row behind a finding, so that every finding explains itself."""

    id: str
    intervention: str
    condition: str
    grade: str
    max_strength: str
    supports: tuple[str, ...]
    summary: str
    reviewed_on: str
    table: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class StatusRef:
    jurisdiction: str
    approval: str
    controlled: bool
    schedule: str
    summary: str
    effective: str | None
    reviewed_on: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    severity: Severity
    message: str
    uri: str
    location: Location
    text: str  # the words the finding points at
    claim: str  # the whole claim sentence, or "" for page-level findings
    intervention: str | None = None
    condition: str | None = None
    evidence: EvidenceRef | None = None
    status: tuple[StatusRef, ...] = ()
    suggestions: tuple[str, ...] = ()  # wording an editor can add
    citations: tuple[Citation, ...] = ()  # sources of the suggested wording
    related: tuple[tuple[str, Location], ...] = ()  # e.g. a partial caveat found on the page
    context: dict[str, str] = field(default_factory=dict)
    # The learned filter's confidence that annotators would make this finding, set only when
    # the filter is on (--min-confidence) and the finding is one it judges.
    confidence: float | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["related"] = [{"note": note, "location": asdict(loc)} for note, loc in self.related]
        return data


@dataclass(frozen=True)
class Claim:
    """A treatment claim as extracted, whether or not a rule fired on it."""

    text: str
    location: Location
    intervention: str | None
    intervention_inherited: bool
    condition: str | None
    condition_inherited: bool
    strength: str
    qualifiers: tuple[str, ...]
    context: dict[str, str]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class CaveatFound:
    kind: str
    level: str
    text: str
    location: Location
    intervention: str | None = None  # what it is about, where the page says; None: the whole page


@dataclass
class DocumentReport:
    uri: str
    findings: list[Finding] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    caveats: list[CaveatFound] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict:
        return {
            "uri": self.uri,
            "error": self.error,
            "findings": [f.to_dict() for f in self.findings],
            "claims": [c.to_dict() for c in self.claims],
            "caveats": [asdict(c) for c in self.caveats],
        }


@dataclass
class Report:
    documents: list[DocumentReport] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    def worst(self) -> Severity | None:
        ranks = [f.severity for f in self.findings]
        return max(ranks, key=lambda s: s.rank) if ranks else None

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts

    def to_dict(self) -> dict:
        from . import __version__

        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "healthlint", "version": __version__},
            "summary": {"documents": len(self.documents), "findings": len(self.findings), **self.counts()},
            "documents": [d.to_dict() for d in self.documents],
        }
