"""A baseline of accepted findings: ``--write-baseline FILE`` records today's, ``--baseline
FILE`` then reports only new ones.

Findings are matched by a fingerprint of the file (relative to the project root), the rule,
and the normalised words and claim the finding is about, never by line number alone, so
editing text above a finding does not make it "new". Identical findings are counted, so a
second copy of an accepted claim is still reported.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

from .errors import ConfigError
from .model import Finding, Report

VERSION = 1


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def relative_uri(uri: str, root: Path) -> str:
    if uri in ("-", "<text>"):
        return uri
    path = Path(uri).resolve()
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def fingerprint(finding: Finding, root: Path) -> str:
    parts = [relative_uri(finding.uri, root), finding.rule, _normal(finding.text), _normal(finding.claim),
             finding.intervention or "", finding.condition or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def write_baseline(report: Report, path: Path, root: Path) -> int:
    entries = [{"fingerprint": fingerprint(f, root), "rule": f.rule, "uri": relative_uri(f.uri, root),
                "line": f.location.line, "text": f.text} for f in report.findings]
    data = {"tool": "healthlint", "version": VERSION, "findings": entries}
    try:
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None
    return len(entries)


def read_baseline(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not a healthlint baseline ({exc.__class__.__name__})") from None
    if not isinstance(data, dict) or data.get("tool") != "healthlint" or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{path}: not a healthlint baseline")
    if data.get("version") != VERSION:
        raise ConfigError(f"{path}: baseline version {data.get('version')!r} is not {VERSION}; write it again")
    try:
        return Counter(entry["fingerprint"] for entry in data["findings"])
    except (TypeError, KeyError):
        raise ConfigError(f"{path}: a baseline entry has no fingerprint") from None


def filter_new(report: Report, accepted: Counter, root: Path) -> int:
    """Remove findings the baseline accepts (each accepted once); return how many were removed."""
    left = Counter(accepted)
    removed = 0
    for document in report.documents:
        kept = []
        for finding in document.findings:
            key = fingerprint(finding, root)
            if left[key] > 0:
                left[key] -= 1
                removed += 1
            else:
                kept.append(finding)
        document.findings = kept
    return removed
