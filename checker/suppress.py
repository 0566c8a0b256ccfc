"""Inline suppressions: a directive names the rules it silences and says why.

In HTML and Markdown, in a comment; in plain text, anywhere on a line::

    <!-- healthlint: ignore[HL108] quoted from a patient -->        this line and the next
    <!-- healthlint: disable[HL104,HL105] trial results, reviewed -->  ... until enable
    <!-- healthlint: enable[HL104,HL105] -->
    <!-- healthlint: ignore-file[HL301] legal review on file, 2026-11 -->

Rules are named by id or name; a directive must name at least one (no blanket
suppressions) and should carry a reason. Problems with directives are findings of their
own rules: HL901 unused-suppression, HL902 suppression-without-reason, HL903
invalid-suppression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from .document import Document
from .model import Finding, Location
from .rules import Rule

DIRECTIVE = re.compile(r"healthlint:[ \t]*(ignore-file|ignore|disable|enable)[ \t]*\[([^\]\n]*)\][ \t]*(.*)", re.IGNORECASE)


@dataclass
class Directive:
    action: str  # ignore | disable | enable | ignore-file
    rules: tuple[str, ...]  # rule ids as written, upper-cased ids or names
    reason: str
    line: int
    column: int
    text: str
    used: set[str] = field(default_factory=set)


def find_directives(document: Document) -> list[Directive]:
    """Directives in HTML/Markdown comments, and in the text lines of a plain-text page."""
    found: list[Directive] = []
    for line, comment in document.metadata.get("comments", ()):
        for match in DIRECTIVE.finditer(comment):
            found.append(_directive(match, line, 1))
    if document.source_format == "text" and "healthlint:" in document.text.lower():
        text = document.text
        for match in DIRECTIVE.finditer(text):
            line, column = document.line_col(match.start())
            found.append(_directive(match, line, column))
    return found


def _directive(match: re.Match, line: int, column: int) -> Directive:
    action = match.group(1).lower()
    names = tuple(part.strip() for part in match.group(2).split(",") if part.strip())
    reason = match.group(3).split("\n", 1)[0].strip()
    reason = re.sub(r"\s*-->.*$", "", reason).strip(" -:")
    return Directive(action, names, reason, line, column, match.group(0).split("\n", 1)[0].strip())


def apply_suppressions(document: Document, findings: list[Finding], all_rules: Mapping[str, Rule],
                       selected: Mapping[str, Rule]) -> list[Finding]:
    """Drop the findings that directives cover; add findings about the directives."""
    directives = find_directives(document)
    if not directives:
        return findings
    by_name = {r.name: r.id for r in all_rules.values()} | {a: r.id for r in all_rules.values() for a in r.aliases}
    problems: list[tuple[str, Directive, str]] = []
    for directive in directives:
        resolved = []
        for name in directive.rules:
            rule_id = name.upper() if name.upper() in all_rules else by_name.get(name.lower())
            if rule_id is None:
                problems.append(("invalid", directive, f"'{name}' is not a rule id or name"))
            else:
                resolved.append(rule_id)
        if not directive.rules:
            problems.append(("invalid", directive, "names no rule (blanket suppressions are not allowed)"))
        directive.rules = tuple(resolved)
        if not directive.reason and directive.action != "enable" and directive.rules:
            problems.append(("reason", directive, "gives no reason"))
    kept = [f for f in findings if not _covered(f, directives)]
    for directive in directives:
        if directive.action == "enable":
            continue
        for rule_id in directive.rules:
            if rule_id not in directive.used and rule_id in selected:
                problems.append(("unused", directive, f"suppresses nothing: no {rule_id} finding here"))
    meta = {"unused": "HL901", "reason": "HL902", "invalid": "HL903"}
    for kind, directive, what in problems:
        rule = selected.get(meta[kind])
        if rule is None:
            continue
        location = Location(directive.line, directive.column, directive.line, directive.column + len(directive.text), 0, 0)
        kept.append(Finding(rule=rule.id, name=rule.name, severity=rule.severity,
                            message=f"'{directive.text}' {what}.", uri=document.uri, location=location,
                            text=directive.text, claim=""))
    kept.sort(key=lambda f: (f.location.line, f.location.column, f.rule))
    return kept


def _covered(finding: Finding, directives: list[Directive]) -> bool:
    line = finding.location.line
    hit = False
    for directive in directives:
        if finding.rule not in directive.rules:
            continue
        if directive.action == "ignore-file":
            covers = True
        elif directive.action == "ignore":
            covers = directive.line <= line <= directive.line + 1
        elif directive.action == "disable":
            end = min((d.line for d in directives if d.action == "enable" and finding.rule in d.rules and d.line > directive.line),
                      default=None)
            covers = directive.line <= line and (end is None or line <= end)
        else:
            covers = False
        if covers:
            directive.used.add(finding.rule)
            hit = True
    return hit
