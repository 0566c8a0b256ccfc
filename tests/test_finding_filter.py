"""The optional learned filter over sentence-level HL1xx findings (checker/finding_filter.py,
``min_confidence``): what it judges, what it drops, and how it is switched on."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from checker import finding_filter
from checker.api import Checker, Options
from checker.cli import main
from checker.config import load_config_file
from conftest import EXAMPLE, load_bench


@dataclass
class F:
    rule: str
    text: str
    claim: str
    confidence: float | None = None


class FixedScores:
    """Stands in for the classifier: a confidence per sentence."""

    def __init__(self, by_sentence):
        self.by_sentence = by_sentence
        self.seen = []

    def pipe(self, texts):
        for text in texts:
            self.seen.append(text)
            sentence = text.split(" ", 2)[2]
            yield type("Doc", (), {"cats": {"YES": self.by_sentence[sentence], "NO": 1 - self.by_sentence[sentence]}})


FINDINGS = [F("HL103", "cures", "It cures PTSD."), F("HL104", "in days", "Relief in days."),
            F("HL201", "MDMA", ""), F("HL302", "$40", "Buy now for $40.")]


def test_only_sentence_level_claim_findings_are_judged():
    scorer = FixedScores({"It cures PTSD.": 0.9, "Relief in days.": 0.2})
    assert finding_filter.confidences(FINDINGS, scorer) == [0.9, 0.2, None, None]
    assert scorer.seen == ["__HL103 __words_cures It cures PTSD.", "__HL104 __words_in_days Relief in days."]


def test_keep_drops_what_scores_below_the_threshold_and_nothing_else():
    scorer = FixedScores({"It cures PTSD.": 0.9, "Relief in days.": 0.2})
    assert [f.rule for f in finding_filter.keep(FINDINGS, 0.5, scorer)] == ["HL103", "HL201", "HL302"]
    assert [f.rule for f in finding_filter.keep(FINDINGS, 0.95, scorer)] == ["HL201", "HL302"]


def test_zero_leaves_the_findings_alone_without_loading_a_model():
    class Untouchable:
        def pipe(self, texts):
            raise AssertionError("the model was used")
    assert finding_filter.keep(FINDINGS, 0.0, Untouchable()) is FINDINGS


def test_shipped_model_loads_and_scores_between_zero_and_one():
    values = finding_filter.confidences(FINDINGS)
    assert all(0.0 <= v <= 1.0 for v in values[:2]) and values[2:] == [None, None]
    assert finding_filter.confidences(FINDINGS) == values  # the same model, the same scores


def test_min_confidence_drops_only_low_scored_claim_findings_on_the_example_page(checker):
    from checker.ingest import read_path

    document = read_path(EXAMPLE)
    everything = checker.check_document(document).findings
    filtered = Checker(Options(min_confidence=0.5)).check_document(document).findings
    scores = dict(zip(map(id, everything), finding_filter.confidences(everything)))
    expected = [f for f in everything if scores[id(f)] is None or scores[id(f)] >= 0.5]
    assert [(f.rule, f.location) for f in filtered] == [(f.rule, f.location) for f in expected]
    # Page-level findings never depend on the filter.
    assert [f.rule for f in filtered if not f.claim] == [f.rule for f in everything if not f.claim]


def test_min_confidence_from_config_and_flag(tmp_path):
    (tmp_path / "healthlint.toml").write_text("min-confidence = 0.7\n", encoding="utf-8")
    assert load_config_file(tmp_path / "healthlint.toml").min_confidence == 0.7
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "--min-confidence", "1", str(EXAMPLE)])
    rules = [f["rule"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]]
    assert result.exit_code == 1 and "HL301" in rules


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high"])
def test_bad_min_confidence_flag_exits_2_with_one_line(value):
    result = CliRunner().invoke(main, ["check", "--min-confidence", value, str(EXAMPLE)])
    assert result.exit_code == 2 and "--min-confidence" in result.stderr and "Traceback" not in result.stderr


def test_kept_findings_carry_their_confidence_in_the_json_report():
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "--min-confidence", "0.2", str(EXAMPLE)])
    findings = [f for d in json.loads(result.stdout)["documents"] for f in d["findings"]]
    judged = [f for f in findings if f["confidence"] is not None]
    assert judged and all(f["rule"].startswith("HL1") and f["claim"] and f["confidence"] >= 0.2 for f in judged)
    assert all(f["confidence"] is None for f in findings if not f["claim"])
    plain = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", str(EXAMPLE)])
    assert all(f["confidence"] is None for d in json.loads(plain.stdout)["documents"] for f in d["findings"])


def test_a_missing_model_is_one_line_and_exit_2(monkeypatch, tmp_path):
    monkeypatch.setattr(finding_filter, "MODEL_DIR", tmp_path / "gone")
    finding_filter.load.cache_clear()
    try:
        result = CliRunner().invoke(main, ["check", "--isolated", "--min-confidence", "0.5", str(EXAMPLE)])
    finally:
        finding_filter.load.cache_clear()
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2 and len(lines) == 1, result.stderr
    assert "finding filter model not readable" in lines[0] and "Traceback" not in result.stderr


def test_text_report_shows_the_confidence_only_when_the_filter_is_on():
    on = CliRunner().invoke(main, ["check", "--isolated", "--no-color", "--min-confidence", "0.2", str(EXAMPLE)])
    off = CliRunner().invoke(main, ["check", "--isolated", "--no-color", str(EXAMPLE)])
    assert "learned filter: confidence 0." in on.stdout
    assert "learned filter" not in off.stdout


def test_the_shipped_model_was_trained_on_what_the_checker_finds_now():
    """The filter learns the rules' output on the dev pages. When a change to the rules, the
    lexicon, the corpus or the code changes that output, the shipped model was trained on
    something else: retrain it with `python bench/learned_filter.py --save`."""
    learned = load_bench("learned_filter")
    recorded = json.loads((finding_filter.MODEL_DIR / "meta.json").read_text(encoding="utf-8"))["healthlint"]
    dev = learned.read_pages(split="dev")
    assert len(dev) == recorded["dev_pages"], "the dev pages changed: python bench/learned_filter.py --save"
    assert learned.training_digest(learned.finding_examples(dev)) == recorded["examples_sha256"], (
        "the checker's findings on the dev pages changed since the finding filter was trained: "
        "python bench/learned_filter.py --save")
