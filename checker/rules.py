"""Rules as data: one TOML file per rule in ``rules/`` (HL101.toml ...). Kinds are code.

A rule file::

    id = "HL104"                 # permanent; never reused
    name = "overstated-speed"    # kebab-case
    kind = "qualifier"           # one of KINDS (implemented in checker/assess.py)
    severity = "warning"         # error | warning | info
    summary = "one line"
    aliases = []                 # old names, kept when a rule is renamed
    [params]                     # checked against the kind's parameters
    [docs]                       # what, why, example, better, references (all required);
                                 # decisions (optional): how the judgement calls are settled
    [examples]                   # hits and misses: pages, run as tests

Loading is strict: an unknown key, a missing section, a bad value or a parameter the kind
does not take is an error that names the file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from .errors import DataError
from .model import Severity

# kind -> {parameter: (type, required)}; the implementations live in checker/assess.py.
KINDS: Mapping[str, Mapping[str, tuple[type, bool]]] = MappingProxyType({
    # hedged_severity: the severity of a finding on a hedged claim ("may help"), when it
    # should be lower than the rule's; unknown_pair_minor_severity: the severity for a
    # claim about a non-serious condition with no evidence row (absent: not reported).
    "evidence-gap": {"grades": (list, True), "min_strength": (str, True), "unknown_pair_if_serious": (bool, True),
                     "unknown_pair_minor_severity": (str, False), "hedged_severity": (str, False),
                     "implied_min_strength": (str, False)},
    "evidence-contradiction": {"grades": (list, True), "min_strength": (str, True), "hedged_severity": (str, False),
                               "implied_min_strength": (str, False)},
    "strength-over-grade": {"implied_min_strength": (str, True), "error_gap": (int, True), "error_strength": (str, True)},
    "qualifier": {"qualifier": (str, True), "evidence_can_support": (bool, True), "hedged_severity": (str, False)},
    "status-contradiction": {"qualifiers": (list, True)},
    "missing-caveat": {"caveat": (str, True), "partial_satisfies": (bool, True)},
    "commerce-offer": {"min_strong_signals": (int, True), "min_weak_signals": (int, True)},
    "suppression": {"problem": (str, True)},  # findings about inline directives (checker/suppress.py)
})
DOC_SECTIONS = ("what", "why", "example", "better", "references")
# Optional: the calls a reader could make either way, settled one way, so that editors,
# annotators and the checker read the rule alike. Each is one line; the examples test them.
OPTIONAL_DOC_SECTIONS = ("decisions",)
TOP_KEYS = {"id", "name", "kind", "severity", "summary", "aliases", "params", "docs", "examples"}
_ID = re.compile(r"^HL\d{3}$")
_NAME = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    severity: Severity
    summary: str
    params: Mapping[str, Any]
    docs: Mapping[str, Any]
    hits: tuple[str, ...]
    misses: tuple[str, ...]
    aliases: tuple[str, ...]
    path: str

    def doc_text(self) -> str:
        """The rule's documentation, as ``healthlint rule ID`` prints it."""
        def bullets(items) -> str:
            return "\n".join(f"- {' '.join(str(item).split())}" for item in items)
        decided = self.docs.get("decisions", [])
        return (
            f"# {self.id} {self.name}\n\nSeverity: {self.severity.value}. {self.summary}\n\n"
            f"## What it flags\n{self.docs['what'].strip()}\n\n## Why it matters\n{self.docs['why'].strip()}\n\n"
            f"## Example\n{self.docs['example'].strip()}\n\n## Better wording\n{self.docs['better'].strip()}\n\n"
            + (f"## How it is decided\n{bullets(decided)}\n\n" if decided else "")
            # The worked examples are the rule's tests (tests/test_rules.py): what is shown is what runs.
            + f"## Flagged\n{bullets(self.hits)}\n\n## Not flagged\n{bullets(self.misses)}\n\n"
            f"## References\n{bullets(self.docs['references'])}\n"
        )


def _fail(path: Path, message: str) -> DataError:
    return DataError(f"{path}: {message}")


def load_rule_file(path: Path) -> Rule:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"invalid TOML: {exc}") from None
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise _fail(path, f"unknown key(s) {sorted(unknown)}")
    for key in ("id", "name", "kind", "severity", "summary", "params", "docs", "examples"):
        if key not in data:
            raise _fail(path, f"missing '{key}'")
    rule_id, name, kind = data["id"], data["name"], data["kind"]
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise _fail(path, f"id {rule_id!r} must look like HL123")
    if path.stem != rule_id:
        raise _fail(path, f"file name must be the rule id ({rule_id}.toml)")
    if not isinstance(name, str) or not _NAME.match(name):
        raise _fail(path, f"name {name!r} must be kebab-case")
    if kind not in KINDS:
        raise _fail(path, f"kind {kind!r} is not one of {', '.join(KINDS)}")
    try:
        severity = Severity(data["severity"])
    except ValueError:
        raise _fail(path, f"severity {data['severity']!r} is not one of error, warning, info") from None
    params = data["params"]
    expected = KINDS[kind]
    for key, value in params.items():
        if key not in expected:
            raise _fail(path, f"params: kind '{kind}' takes no parameter '{key}' (takes: {', '.join(expected)})")
        if not isinstance(value, expected[key][0]):
            raise _fail(path, f"params: '{key}' must be a {expected[key][0].__name__}")
    for key, (_, required) in expected.items():
        if required and key not in params:
            raise _fail(path, f"params: missing '{key}'")
    for key, value in params.items():
        if key.endswith("_severity") and value not in ("error", "warning", "info"):
            raise _fail(path, f"params: '{key}' {value!r} is not one of error, warning, info")
    docs = data["docs"]
    unknown = set(docs) - set(DOC_SECTIONS) - set(OPTIONAL_DOC_SECTIONS)
    if unknown:
        raise _fail(path, f"docs: unknown section(s) {sorted(unknown)}")
    for section in DOC_SECTIONS:
        value = docs.get(section)
        if not value or (section == "references" and not isinstance(value, list)):
            raise _fail(path, f"docs: section '{section}' is missing or empty")
    decisions = docs.get("decisions", [])
    if not isinstance(decisions, list) or not all(isinstance(d, str) and d.strip() for d in decisions):
        raise _fail(path, "docs: 'decisions' must be a list of non-empty strings")
    examples = data["examples"]
    unknown = set(examples) - {"hits", "misses"}
    if unknown:
        raise _fail(path, f"examples: unknown key(s) {sorted(unknown)}")
    hits, misses = examples.get("hits", []), examples.get("misses", [])
    if not hits or not misses:
        raise _fail(path, "examples: at least one hit and one miss are required")
    return Rule(rule_id, name, kind, severity, data["summary"], MappingProxyType(dict(params)),
                MappingProxyType(dict(docs)), tuple(hits), tuple(misses), tuple(data.get("aliases", ())), str(path))


def load_rules_dir(folder: Path) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for path in sorted(folder.glob("HL*.toml")):
        rule = load_rule_file(path)
        if rule.id in rules:
            raise _fail(path, f"duplicate rule id {rule.id}")
        for name in (rule.name, *rule.aliases):
            if name in names:
                raise _fail(path, f"name '{name}' is already used by {names[name]}")
            names[name] = rule.id
        rules[rule.id] = rule
    return rules


@lru_cache(maxsize=4)
def load_rules(folders: tuple[str, ...] = ()) -> Mapping[str, Rule]:
    """The shipped rules plus rules from extra folders (a later folder may override an id)."""
    from .resources import data_dir

    rules = load_rules_dir(data_dir("rules"))
    for folder in folders:
        rules.update(load_rules_dir(Path(folder)))
    return MappingProxyType(rules)
