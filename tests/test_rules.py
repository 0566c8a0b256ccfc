"""Every rule's documented hits and misses run as tests; the loader is strict."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import DataError
from checker.rules import DOC_SECTIONS, load_rule_file, load_rules

RULES = load_rules()
CASES = [(rule.id, "hit", text) for rule in RULES.values() for text in rule.hits] + \
        [(rule.id, "miss", text) for rule in RULES.values() for text in rule.misses]


def test_catalogue_is_complete():
    expected = {f"HL10{i}" for i in range(1, 10)} | {"HL201", "HL202", "HL203", "HL204", "HL301", "HL302"}
    assert expected <= set(RULES)


@pytest.mark.parametrize("rule_id, kind, text", CASES, ids=[f"{r}-{k}-{i}" for i, (r, k, _) in enumerate(CASES)])
def test_rule_examples(check, rule_id, kind, text):
    fired = {f.rule for f in check(text).findings}
    if kind == "hit":
        assert rule_id in fired, f"{rule_id} should fire on {text!r}"
    else:
        assert rule_id not in fired, f"{rule_id} should not fire on {text!r}"


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_rule_has_docs_hits_and_misses(rule):
    for section in DOC_SECTIONS:
        assert rule.docs[section], f"{rule.id} lacks docs section {section}"
    assert rule.hits and rule.misses
    text = rule.doc_text()
    for heading in ("What it flags", "Why it matters", "Example", "Better wording", "Flagged", "Not flagged", "References"):
        assert f"## {heading}" in text
    # The worked examples shown are the ones that run as tests above.
    for example in rule.hits + rule.misses:
        assert " ".join(example.split()) in text


def test_settled_calls_are_shown_as_decisions():
    text = RULES["HL101"].doc_text()
    assert "## How it is decided" in text and "broader" in text
    assert "## How it is decided" not in RULES["HL108"].doc_text()  # optional: absent, no empty heading


GOOD = '''id = "HL999"
name = "test-rule"
kind = "qualifier"
severity = "warning"
summary = "s"
[params]
qualifier = "hype"
evidence_can_support = false
[docs]
what = "w"
why = "w"
example = "e"
better = "b"
references = ["r"]
[examples]
hits = ["h"]
misses = ["m"]
'''


@pytest.mark.parametrize("change, message", [
    (lambda s: s.replace('summary = "s"', 'summary = "s"\ncolour = "red"'), "unknown key"),
    (lambda s: s.replace('kind = "qualifier"', 'kind = "regex"'), "kind"),
    (lambda s: s.replace('severity = "warning"', 'severity = "fatal"'), "severity"),
    (lambda s: s.replace('qualifier = "hype"', 'qualifier = "hype"\nwords = ["x"]'), "takes no parameter"),
    (lambda s: s.replace('why = "w"\n', ''), "why"),
    (lambda s: s.replace('misses = ["m"]', 'misses = []'), "hit and one miss"),
    (lambda s: s.replace('name = "test-rule"', 'name = "Test Rule"'), "kebab-case"),
    (lambda s: s.replace('[params]', '[params'), "invalid TOML"),
    (lambda s: s.replace('references = ["r"]', 'references = ["r"]\ndecisions = "d"'), "decisions"),
    (lambda s: s.replace('references = ["r"]', 'references = ["r"]\ndecisions = [""]'), "decisions"),
])
def test_strict_loader_names_the_file(tmp_path: Path, change, message):
    path = tmp_path / "HL999.toml"
    path.write_text(change(GOOD), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_rule_file(path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_good_rule_file_loads(tmp_path: Path):
    path = tmp_path / "HL999.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_rule_file(path).name == "test-rule"


def test_file_name_must_be_the_id(tmp_path: Path):
    path = tmp_path / "HL998.toml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(DataError, match="file name"):
        load_rule_file(path)
