"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per
finding, then the full plain report in the log.

Page text and file names are untrusted. Annotation messages escape ``%``, CR and LF; property
values also escape ``:`` and ``,``; other control characters are shown as ``\\xNN``. GitHub
shows at most 10 annotations of each kind per step, so every finding is also printed as a plain
``file:line:col: severity RULE name: message`` line; those lines are wrapped in
``::stop-commands::TOKEN`` ... ``::TOKEN::`` so that nothing in them (a file named
``::add-mask::x.txt``, say) can be read as a workflow command.
"""

from __future__ import annotations

import secrets

from .sarif import artifact_path
from .text import safe

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def plain(text: str) -> str:
    """One log line: control characters (newlines too) shown escaped."""
    return safe(text).replace("\n", "\\x0a")


def _file(uri: str, root) -> str:
    return artifact_path(uri, root) or uri


def annotation(finding, root=None) -> str:
    loc = finding.location
    props = [("file", _file(finding.uri, root)), ("line", str(loc.line)), ("endLine", str(loc.end_line)),
             ("title", f"{finding.rule} {finding.name}")]
    if loc.line == loc.end_line:  # GitHub ignores columns on multi-line annotations
        props[3:3] = [("col", str(loc.column)), ("endColumn", str(loc.end_column))]
    lines = [finding.message]
    if finding.claim:
        lines.append("Claim: " + " ".join(finding.claim.split()))
    if finding.evidence is not None:
        ev = finding.evidence
        lines.append(f"Evidence: {ev.id} ({ev.grade}) allows '{ev.max_strength}' wording at most; reviewed {ev.reviewed_on}.")
    for suggestion in finding.suggestions:
        lines.append(f"Suggested wording: {suggestion}")
    head = ",".join(f"{name}={escape_property(value)}" for name, value in props)
    return f"::{COMMANDS[finding.severity.value]} {head}::{escape_data(chr(10).join(lines))}"


def render_github(report, stream, *, root=None, token: str | None = None) -> None:
    for finding in report.findings:
        stream.write(annotation(finding, root) + "\n")
    for document in report.documents:
        if document.error:
            props = f"file={escape_property(_file(document.uri, root))},title=healthlint"
            stream.write(f"::error {props}::{escape_data(document.error)}\n")
    token = token or secrets.token_hex(16)
    stream.write(f"::stop-commands::{token}\n")
    for document in report.documents:
        if document.error:
            stream.write(plain(f"{document.uri}: error: {document.error}") + "\n")
        for finding in document.findings:
            loc = finding.location
            stream.write(plain(f"{finding.uri}:{loc.line}:{loc.column}: {finding.severity.value} {finding.rule} "
                               f"{finding.name}: {finding.message}") + "\n")
    counts = report.counts()
    stream.write(f"{len(report.findings)} findings ({counts['error']} errors, {counts['warning']} warnings, "
                 f"{counts['info']} info) in {len(report.documents)} document{'s' if len(report.documents) != 1 else ''}.\n")
    stream.write(f"::{token}::\n")
