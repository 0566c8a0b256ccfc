"""SARIF 2.1.0 output, shaped for GitHub code scanning (``github/codeql-action/upload-sarif``).

One run; ``tool.driver.rules`` lists every rule in the catalogue passed in (so that a rule
that fired once and then stopped firing still has its help page); each result points at the
finding's region in a file named relative to ``root`` (``uriBaseId: %SRCROOT%``).

``partialFingerprints.primaryLocationLineHash`` hashes the rule, the finding's words and the
claim sentence, never the line number, so an edit above a finding does not make code scanning
see a new alert. Like GitHub's own hash it ends in ``:N``, the N-th identical finding in the
file. Code scanning takes at most 25,000 results per run: more are dropped and a run-level
notification says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from urllib.parse import quote

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
MAX_RESULTS = 25_000
FULL_DESCRIPTION_CHARS = 1024
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_URI_SAFE = "/-._~!$&'()*+,;=@"  # RFC 3986 pchar minus ':' (a colon in a first segment reads as a scheme)


def artifact_path(uri: str, root: str | os.PathLike | None = None) -> str | None:
    """The document's path relative to ``root`` (default: the working directory), with forward
    slashes; ``"stdin"`` for standard input; None when the file lies outside ``root``."""
    if uri == "-":
        return "stdin"
    if uri.startswith("<") and uri.endswith(">"):  # "<text>": a string checked through the API
        return uri[1:-1] or "text"
    base = Path(root) if root is not None else Path.cwd()
    path = Path(uri)
    for candidate, folder in ((Path(os.path.abspath(path)), Path(os.path.abspath(base))),
                              (path.resolve(), base.resolve())):
        try:
            return candidate.relative_to(folder).as_posix()
        except ValueError:
            continue
    return None


def artifact_location(uri: str, root=None) -> dict:
    relative = artifact_path(uri, root)
    if uri == "-" or (uri.startswith("<") and uri.endswith(">")):  # not a file under the root
        return {"uri": quote(relative, safe=_URI_SAFE)}
    if relative is None:  # outside the source root: an absolute file URI, no base
        return {"uri": Path(os.path.abspath(uri)).as_uri()}
    return {"uri": quote(relative, safe=_URI_SAFE), "uriBaseId": "%SRCROOT%"}


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def line_hash(finding) -> str:
    """A hash of what the finding is about, independent of where it is (without the ``:N``)."""
    key = "\x1f".join((finding.rule, _normal(finding.text), _normal(finding.claim)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _clip(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _rule_descriptor(rule) -> dict:
    level = LEVELS[rule.severity.value]
    descriptor = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _clip(" ".join(str(rule.docs["what"]).split()), FULL_DESCRIPTION_CHARS)},
        "help": {"text": rule.doc_text(), "markdown": rule.doc_text()},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["healthlint", "health-claims", rule.kind]},
    }
    if rule.aliases:
        descriptor["deprecatedNames"] = list(rule.aliases)
    return descriptor


def _fallback_descriptor(finding) -> dict:
    """For a finding whose rule is not in the catalogue passed in (should not happen)."""
    return {"id": finding.rule, "name": finding.name, "shortDescription": {"text": finding.name},
            "defaultConfiguration": {"level": LEVELS[finding.severity.value]},
            "properties": {"tags": ["healthlint", "health-claims"]}}


def message_text(finding) -> str:
    """The finding message, then the evidence behind it, the suggested wording and the sources."""
    lines = [finding.message]
    ev = finding.evidence
    if ev is not None:
        lines.append(f"Evidence: {ev.id} ({ev.grade}) allows '{ev.max_strength}' wording at most; reviewed {ev.reviewed_on}.")
    for status in finding.status:
        lines.append(f"{status.jurisdiction}: {status.summary}")
    for suggestion in finding.suggestions:
        lines.append(f"Suggested wording: {suggestion}")
    urls = []
    for citation in (*(ev.citations if ev else ()), *(c for s in finding.status for c in s.citations), *finding.citations):
        if citation.url and citation.url not in urls:
            urls.append(citation.url)
    if urls:
        lines.append("Sources: " + " ".join(urls))
    return "\n".join(lines)


def _region(location) -> dict:
    return {"startLine": max(1, location.line), "startColumn": max(1, location.column),
            "endLine": max(1, location.end_line), "endColumn": max(1, location.end_column)}


def sarif_log(report, *, rules=None, root=None, max_results: int = MAX_RESULTS) -> dict:
    """The SARIF log as a dict. ``rules``: a mapping id -> Rule or an iterable of Rules (default:
    the shipped rules); ``root``: the folder artifact URIs are relative to (default: cwd)."""
    from .. import __version__

    if rules is None:
        from ..rules import load_rules

        rules = load_rules()
    catalogue = sorted(rules.values() if hasattr(rules, "values") else rules, key=lambda r: r.id)
    descriptors = [_rule_descriptor(rule) for rule in catalogue]
    index = {rule.id: i for i, rule in enumerate(catalogue)}

    results: list[dict] = []
    notifications: list[dict] = []
    occurrences: dict[tuple[str, str], int] = {}
    total = 0
    for document in report.documents:
        location = artifact_location(document.uri, root)
        if document.error:
            notifications.append({"level": "error", "message": {"text": f"{document.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": location}}]})
        for finding in document.findings:
            total += 1
            if len(results) >= max_results:
                continue
            if finding.rule not in index:
                index[finding.rule] = len(descriptors)
                descriptors.append(_fallback_descriptor(finding))
            digest = line_hash(finding)
            key = (location["uri"], digest)
            occurrences[key] = occurrences.get(key, 0) + 1
            result = {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": LEVELS[finding.severity.value],
                "message": {"text": message_text(finding)},
                "locations": [{"physicalLocation": {"artifactLocation": dict(location),
                                                    "region": _region(finding.location)}}],
                "partialFingerprints": {"primaryLocationLineHash": f"{digest}:{occurrences[key]}"},
            }
            if finding.related:
                result["relatedLocations"] = [
                    {"id": i, "message": {"text": note},
                     "physicalLocation": {"artifactLocation": dict(location), "region": _region(loc)}}
                    for i, (note, loc) in enumerate(finding.related, start=1)]
            properties = {k: v for k, v in (("intervention", finding.intervention), ("condition", finding.condition),
                                            ("evidence", finding.evidence.id if finding.evidence else None)) if v}
            if properties:
                result["properties"] = properties
            results.append(result)
    if total > len(results):
        notifications.append({"level": "warning", "message": {
            "text": f"{total} findings; only the first {len(results)} are included (GitHub code scanning "
                    f"accepts at most {max_results} results per run)."}})

    run: dict = {
        "tool": {"driver": {"name": "healthlint", "version": __version__, "semanticVersion": __version__,
                            "rules": descriptors}},
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(report, stream, *, rules=None, root=None, max_results: int = MAX_RESULTS) -> None:
    json.dump(sarif_log(report, rules=rules, root=root, max_results=max_results), stream,
              ensure_ascii=False, indent=2)
    stream.write("\n")
