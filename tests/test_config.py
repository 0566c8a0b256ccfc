"""Configuration files, inline suppressions and baselines: the linter's working surface."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.config import find_config, load_config_file, resolve_config
from checker.errors import ConfigError

PAGE = "MDMA is a revolutionary treatment for PTSD.\nIt offers instant relief from PTSD.\n"


def run(*args, cwd: Path):
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def rules_in(result) -> list[str]:
    return [f["rule"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "page.txt").write_text(PAGE, encoding="utf-8")
    return tmp_path


def test_pyproject_table_is_found_and_applied(project: Path):
    (project / "pyproject.toml").write_text('[project]\nname = "site"\n\n[tool.healthlint]\nignore = ["HL2", "HL3"]\n'
                                            'select = ["HL1"]\n[tool.healthlint.severity]\nHL108 = "info"\n', encoding="utf-8")
    result = run("check", "--format", "json", "page.txt", cwd=project / "copy")
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    assert {f["rule"] for f in findings} == {"HL103", "HL104", "HL108"}
    assert next(f for f in findings if f["rule"] == "HL108")["severity"] == "info"


def test_nearest_file_wins_and_pyproject_without_table_is_skipped(project: Path):
    (project / "healthlint.toml").write_text('ignore = ["HL108"]\n', encoding="utf-8")
    (project / "copy" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(project / "copy") == project / "healthlint.toml"
    (project / "copy" / "healthlint.toml").write_text('ignore = ["HL104"]\n', encoding="utf-8")
    assert find_config(project / "copy") == project / "copy" / "healthlint.toml"
    rules = rules_in(run("check", "--format", "json", "page.txt", cwd=project / "copy"))
    assert "HL104" not in rules and "HL108" in rules


def test_flags_override_and_isolated_ignores(project: Path):
    (project / "healthlint.toml").write_text('ignore = ["HL108"]\nfail-on = "never"\n', encoding="utf-8")
    assert run("check", "copy/page.txt", cwd=project).exit_code == 0
    assert run("check", "--fail-on", "warning", "copy/page.txt", cwd=project).exit_code == 1
    assert "HL108" in rules_in(run("check", "--isolated", "--format", "json", "copy/page.txt", cwd=project))
    assert "HL108" not in rules_in(run("check", "--format", "json", "copy/page.txt", cwd=project))


def test_extend_select_adds_to_select(project: Path):
    rules = set(rules_in(run("check", "--isolated", "--format", "json", "--select", "HL104", "--extend-select", "HL108",
                             "copy/page.txt", cwd=project)))
    assert rules == {"HL104", "HL108"}


def test_per_file_ignores(project: Path):
    (project / "healthlint.toml").write_text('[per-file-ignores]\n"copy/*.txt" = ["HL1"]\n', encoding="utf-8")
    rules = rules_in(run("check", "--format", "json", "copy/page.txt", cwd=project))
    assert rules and not any(r.startswith("HL1") for r in rules)


@pytest.mark.parametrize("text, message", [
    ('colour = "red"\n', "unknown key 'colour'"),
    ('fail-on = "sometimes"\n', "'fail-on' must be one of"),
    ('select = "HL1"\n', "'select' must be a list of strings"),
    ('select = ["X1"]\n', "not a rule id or prefix"),
    ('jurisdictions = ["FR"]\n', "'FR' is not one of"),
    ('[severity]\nHL108 = "loud"\n', "'severity.HL108'"),
    ('max-bytes = -3\n', "'max-bytes' must be a positive"),
    ('min-confidence = 1.5\n', "'min-confidence' must be a number from 0 to 1"),
    ('min-confidence = "high"\n', "'min-confidence' must be a number from 0 to 1"),
    ('select = [\n', "invalid TOML"),
])
def test_bad_config_names_file_and_key(project: Path, text, message):
    path = project / "healthlint.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config_file(path)
    assert str(path) in str(error.value) and message in str(error.value)
    result = CliRunner().invoke(main, ["check", "--config", str(path), str(project / "copy" / "page.txt")])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_unknown_rule_in_severity_is_an_error(project: Path):
    (project / "healthlint.toml").write_text('[severity]\nHL777 = "info"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(project / "healthlint.toml"), str(project / "copy" / "page.txt")])
    assert result.exit_code == 2 and "HL777" in result.stderr


def test_resolve_without_any_file_gives_defaults(tmp_path: Path):
    assert resolve_config(config_path=None, isolated=False, start=tmp_path).path is None


# ------------------------------------------------------------------ suppressions


@pytest.mark.parametrize("fmt, text", [
    ("markdown", "MDMA is a revolutionary treatment for PTSD. <!-- healthlint: ignore[HL108] quoted from a patient -->\n"),
    ("markdown", "<!-- healthlint: ignore[HL108] quoted from a patient -->\nMDMA is a revolutionary treatment for PTSD.\n"),
    ("html", "<p><!-- healthlint: ignore[hype-language] quoted from a patient -->MDMA is a revolutionary treatment for PTSD.</p>"),
    ("text", "healthlint: ignore[HL108] quoted from a patient\nMDMA is a revolutionary treatment for PTSD.\n"),
    ("markdown", "<!-- healthlint: ignore-file[HL108] quotations page, reviewed -->\n\nIntro.\n\nMDMA is a revolutionary treatment for PTSD.\n"),
])
def test_suppressions_silence_the_named_rule(check, fmt, text):
    rules = {f.rule for f in check(text, format=fmt).findings}
    assert "HL108" not in rules and "HL901" not in rules
    assert "HL103" in rules  # other rules still speak


def test_block_suppression_ends_at_enable(check):
    text = ("<!-- healthlint: disable[HL108] patient quotes -->\nMDMA is a revolutionary treatment for PTSD.\n\n"
            "<!-- healthlint: enable[HL108] -->\n\nPsilocybin is a miracle cure for depression.\n")
    hype = [f for f in check(text, format="markdown").findings if f.rule == "HL108"]
    assert [f.text for f in hype] == ["miracle"]


def test_problems_with_directives_are_reported(check):
    unused = check("healthlint: ignore[HL104] speed quoted\nMDMA is a revolutionary treatment for PTSD.\n")
    assert [f.rule for f in unused.findings if f.rule.startswith("HL9")] == ["HL901"]
    no_reason = check("healthlint: ignore[HL108]\nMDMA is a revolutionary treatment for PTSD.\n")
    assert "HL902" in {f.rule for f in no_reason.findings} and "HL108" not in {f.rule for f in no_reason.findings}
    blanket = check("healthlint: ignore[] too noisy\nMDMA is a revolutionary treatment for PTSD.\n")
    assert "HL903" in {f.rule for f in blanket.findings} and "HL108" in {f.rule for f in blanket.findings}


# ------------------------------------------------------------------ baseline


def test_baseline_reports_only_new_findings(project: Path):
    assert run("check", "--write-baseline", "baseline.json", "copy/page.txt", cwd=project).exit_code == 0
    data = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert data["tool"] == "healthlint" and data["findings"] and all("fingerprint" in e for e in data["findings"])
    same = run("check", "--baseline", "baseline.json", "copy/page.txt", cwd=project)
    assert same.exit_code == 0 and "accepted by the baseline" in same.stderr
    # Lines added above move every finding down: still accepted (not matched by line number).
    page = project / "copy" / "page.txt"
    page.write_text("Our clinic\n\nWelcome.\n\n" + PAGE + "Ecstasy cures depression.\n", encoding="utf-8")
    new = run("check", "--baseline", "baseline.json", "--format", "json", "copy/page.txt", cwd=project)
    assert new.exit_code == 1
    texts = {f["text"] for d in json.loads(new.stdout)["documents"] for f in d["findings"]}
    assert "cures" in texts and "revolutionary" not in texts and "instant" not in texts


def test_bad_baseline_is_exit_2(project: Path):
    (project / "baseline.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--baseline", str(project / "baseline.json"), str(project / "copy" / "page.txt")])
    assert result.exit_code == 2 and "not a healthlint baseline" in result.stderr
