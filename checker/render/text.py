"""The report for people: ``file:line:col: severity RULE name``, the message, the claim, the
evidence row behind it with numbered source marks; then, per document, the evidence
summaries and the sources those marks point to.

Page text is untrusted: it is always passed to rich as ``Text``, never parsed as markup.
Lines are not wrapped by us (a terminal wraps; a file stays greppable).
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from .footnotes import Footnotes

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
# Page text and file names may carry terminal control sequences (ESC [ 31 m ...): they are
# shown escaped, never sent to the terminal.
_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0, 9), *range(11, 32), 127, *range(0x80, 0xA0)]}


def safe(text: str) -> str:
    return text.translate(_CONTROL)


def say(console: Console, text: str, style: str | None = None) -> None:
    """Print one line of (possibly untrusted) text: never parsed as markup, controls escaped."""
    console.print(Text(safe(text), style=style or ""))
CLAIM_CHARS = 240


def _clip(text: str, limit: int = CLAIM_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def make_console(stream, *, color: bool | None, width: int | None) -> Console:
    options: dict = {"file": stream, "width": width or None, "highlight": False, "emoji": False, "markup": False,
                     "soft_wrap": True}
    if color is True:
        options.update(force_terminal=True, color_system="standard")
    elif color is False:
        options.update(color_system=None, no_color=True)
    return Console(**options)


class _Footnotes(Footnotes):
    def __init__(self):
        super().__init__()
        self.evidence: dict[str, object] = {}  # evidence rows cited, summarised once per document

    def marks(self, citations) -> str:
        return "".join(f"[{self.number(c)}]" for c in citations)


def render_text(report, stream, *, color: bool | None = None, width: int | None = None, show_claims: bool = False) -> None:
    console = make_console(stream, color=color, width=width)
    for document in report.documents:
        if document.error:
            continue  # errors go to stderr from the CLI
        notes = _Footnotes()
        for finding in document.findings:
            _finding(console, finding, notes)
        if show_claims and document.claims:
            _claims(console, document)
        if notes.evidence or notes.citations:
            _sources(console, document.uri, notes)
    _summary(console, report)


def _finding(console: Console, finding, notes: _Footnotes) -> None:
    loc = finding.location
    head = Text()
    head.append(safe(f"{finding.uri}:{loc.line}:{loc.column}: "), style="bold")
    head.append(finding.severity.value, style=SEVERITY_STYLE[finding.severity.value])
    head.append(f" {finding.rule} ", style="bold")
    head.append(finding.name)
    console.print(head)
    say(console, f"  {finding.message}")
    if finding.claim:
        say(console, f"  claim: “{_clip(finding.claim)}”", "dim")
    if finding.confidence is not None:
        say(console, f"  learned filter: confidence {finding.confidence:.2f} that annotators would make this finding", "dim")
    for note, related in finding.related:
        say(console, f"  {note} at {related.line}:{related.column}", "dim")
    if finding.evidence is not None:
        ev = finding.evidence
        notes.evidence.setdefault(ev.id, ev)
        say(console, f"  evidence: {ev.id} is {ev.grade} (allows '{ev.max_strength}' wording; reviewed {ev.reviewed_on}) "
                     f"{notes.marks(ev.citations)}")
    for status in finding.status:
        say(console, f"  {status.jurisdiction}: {status.summary} {notes.marks(status.citations)}")
    for suggestion in finding.suggestions:
        say(console, f"  suggested: {suggestion} {notes.marks(finding.citations)}", "green")
    console.print()


def _claims(console: Console, document) -> None:
    say(console, f"Claims in {document.uri}:", "bold")
    for claim in document.claims:
        flags = ", ".join(f"{k} ({v!r})" for k, v in claim.context.items())
        inherited = [n for n, v in (("intervention", claim.intervention_inherited), ("condition", claim.condition_inherited)) if v]
        line = (f"  {claim.location.line}:{claim.location.column} {claim.intervention or '-'} × {claim.condition or '-'} "
                f"[{claim.strength}]")
        if claim.qualifiers:
            line += " " + " ".join(claim.qualifiers)
        if flags:
            line += f"; {flags}"
        if inherited:
            line += f"; inherited {' and '.join(inherited)}"
        say(console, line)
    console.print()


def _sources(console: Console, uri: str, notes: _Footnotes) -> None:
    if notes.evidence:
        say(console, f"Evidence behind these findings ({uri}):", "bold")
        for ev in notes.evidence.values():
            say(console, f"  {ev.id} ({ev.grade}): {ev.summary}")
        console.print()
    if notes.citations:
        say(console, f"Sources ({uri}):", "bold")
        for citation in notes.citations:
            verified = "" if citation.verified == "yes" else f" (read via a {citation.verified} copy)" if citation.verified == "secondary" else " (unverified)"
            say(console, f"  [{notes.numbers[citation.id]}] {citation.citation} {citation.url}{verified}".rstrip())
        console.print()


def _summary(console: Console, report) -> None:
    counts = report.counts()
    documents = len(report.documents)
    failed = sum(1 for d in report.documents if d.error)
    claims = sum(len(d.claims) for d in report.documents)
    summary = (f"{len(report.findings)} findings ({counts['error']} errors, {counts['warning']} warnings, {counts['info']} info) "
               f"in {documents} document{'s' if documents != 1 else ''}; {claims} claims checked")
    if failed:
        summary += f"; {failed} could not be read"
    say(console, summary + ".", "bold")
