"""The command line, through click's CliRunner: exit codes, formats, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from conftest import EXAMPLE


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


def one_error_line(result, name: str) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("healthlint: error: ") and name in lines[0]
    assert "Traceback" not in result.output + result.stderr
    return lines[0]


def test_example_page_exit_1_and_text_report(run):
    result = run("check", "--no-color", str(EXAMPLE))
    assert result.exit_code == 1
    out = result.stdout
    assert f"{EXAMPLE}:10:267: error HL103 overstated-efficacy" in out
    assert "HL301 missing-legal-status" in out and "Sources (" in out
    assert out.rstrip().splitlines()[-1].startswith("19 findings")


def test_json_output_validates_against_the_schema(run):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib.resources import files

    schema = json.loads(files("checker").joinpath("schema/report.schema.json").read_text(encoding="utf-8"))
    result = run("check", "--format", "json", str(EXAMPLE))
    report = json.loads(result.stdout)
    jsonschema.validate(report, schema, cls=jsonschema.Draft202012Validator)
    assert report["schema_version"] == "1.2" and report["summary"]["findings"] == len(report["documents"][0]["findings"])


def test_clean_text_exits_0(run, tmp_path: Path):
    page = tmp_path / "clean.txt"
    page.write_text("Our bakery opens at nine. Fresh bread every day.\n", encoding="utf-8")
    result = run("check", str(page))
    assert result.exit_code == 0
    assert "0 findings" in result.stdout


def test_fail_on_and_exit_zero(run):
    assert run("check", "--fail-on", "never", str(EXAMPLE)).exit_code == 0
    assert run("check", "--exit-zero", str(EXAMPLE)).exit_code == 0
    # the example has errors, so failing on errors only still fails
    assert run("check", "--fail-on", "error", str(EXAMPLE)).exit_code == 1


def test_select_and_ignore(run):
    only = json.loads(run("check", "--format", "json", "--select", "HL3", str(EXAMPLE)).stdout)
    assert {f["rule"] for f in only["documents"][0]["findings"]} == {"HL301", "HL302"}
    rest = json.loads(run("check", "--format", "json", "--ignore", "HL1,HL2", str(EXAMPLE)).stdout)
    assert {f["rule"] for f in rest["documents"][0]["findings"]} == {"HL301", "HL302"}


def test_jurisdiction_limits_status(run):
    report = json.loads(run("check", "--format", "json", "--jurisdiction", "UK", str(EXAMPLE)).stdout)
    legal = next(f for f in report["documents"][0]["findings"] if f["rule"] == "HL301")
    assert [s["jurisdiction"] for s in legal["status"]] == ["UK"]


def test_stdin(run):
    result = run("check", "--format", "json", "-", input=EXAMPLE.read_bytes())
    assert result.exit_code == 1
    assert json.loads(result.stdout)["documents"][0]["uri"] == "-"


def test_folder_is_walked(run, tmp_path: Path):
    (tmp_path / "a.txt").write_text("MDMA cures PTSD.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Notes\n\nNothing to see.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    report = json.loads(run("check", "--format", "json", str(tmp_path)).stdout)
    assert [Path(d["uri"]).name for d in report["documents"]] == ["a.txt", "b.md"]


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "no such file"),
    ("binary.txt", b"MZ\x00\x01\x02\x00binary", "binary file"),
    ("latin.txt", "caf\u00e9 cures PTSD".encode("latin-1"), "not valid UTF-8 at line 1"),
])
def test_bad_input_is_one_line_and_exit_2(run, tmp_path: Path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("check", str(path))
    assert result.exit_code == 2
    assert message in one_error_line(result, name)


def test_bad_input_does_not_lose_other_results(run, tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("MDMA cures PTSD.", encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path / "missing.txt"), str(good))
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [Path(d["uri"]).name for d in report["documents"]] == ["missing.txt", "good.txt"]
    assert report["documents"][0]["error"] and report["documents"][1]["findings"]


def test_empty_file_is_a_clean_pass(run, tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert run("check", str(path)).exit_code == 0


def test_size_limit(run, tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_text("MDMA cures PTSD. " * 1000, encoding="utf-8")
    result = run("check", "--max-bytes", "1000", str(path))
    assert result.exit_code == 2
    assert "over the limit of 1,000" in one_error_line(result, "big.txt")


def test_unknown_option_is_usage_error(run):
    result = CliRunner().invoke(main, ["check", "--no-such-flag", str(EXAMPLE)])
    assert result.exit_code == 2


def test_rules_and_rule(run):
    listing = run("rules").stdout
    assert "HL103  overstated-efficacy" in listing and len(listing.splitlines()) >= 15
    doc = run("rule", "HL103").stdout
    assert doc.startswith("# HL103 overstated-efficacy") and "## Why it matters" in doc
    assert run("rule", "overstated-speed").stdout.startswith("# HL104")
    data = json.loads(run("rule", "HL107", "--format", "json").stdout)
    assert data["name"] == "safety-claim" and data["examples"]["hits"]
    missing = CliRunner().invoke(main, ["rule", "HL999"])
    assert missing.exit_code == 2 and "no rule 'HL999'" in missing.stderr


def test_corpus_validate(run):
    result = run("corpus", "validate")
    assert result.exit_code == 0 and result.stdout.startswith("corpus ok:")


@pytest.mark.parametrize("command", [[], ["check"], ["rules"], ["rule"], ["corpus"], ["corpus", "validate"]])
def test_every_command_has_help(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.stdout


def test_version(run):
    from checker import __version__

    assert __version__ in run("--version").stdout


def test_folder_without_documents_is_an_error(run, tmp_path: Path):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "no .txt" in one_error_line(result, str(tmp_path))


def test_model_that_is_not_installed(run):
    result = CliRunner().invoke(main, ["check", "--model", "xx_not_a_pipeline", str(EXAMPLE)])
    assert result.exit_code == 2
    assert "spaCy pipeline 'xx_not_a_pipeline' is not installed" in result.stderr
    assert "Traceback" not in result.stderr


def test_terminal_control_sequences_in_page_text_are_escaped(run, tmp_path: Path):
    page = tmp_path / "esc.txt"
    page.write_text("MDMA cures PTSD \x1b[31mRED\x1b[0m now.\n", encoding="utf-8")
    out = run("check", "--no-color", str(page)).stdout
    assert "\x1b" not in out
    assert "\\x1b[31mRED" in out


@pytest.mark.parametrize("fmt, check_output", [
    ("json", lambda out: json.loads(out)["schema_version"] == "1.2"),
    ("jsonl", lambda out: all(json.loads(line)["rule"] for line in out.splitlines())),
    ("sarif", lambda out: json.loads(out)["version"] == "2.1.0"),
    ("github", lambda out: out.startswith("::error ") or out.startswith("::warning ")),
    ("junit", lambda out: out.lstrip().startswith("<?xml") or out.lstrip().startswith("<testsuites")),
    ("html", lambda out: out.lstrip().lower().startswith("<!doctype html")),
    ("text", lambda out: "HL301 missing-legal-status" in out),
])
def test_every_format_from_the_command_line(run, fmt, check_output):
    result = run("check", "--format", fmt, "--no-color", str(EXAMPLE))
    assert result.exit_code == 1
    assert check_output(result.stdout), result.stdout[:300]


def test_a_50_mb_file_is_refused_in_one_line_without_reading_it(run, tmp_path: Path):
    big = tmp_path / "dump.txt"
    with big.open("wb") as handle:  # sparse: the test does not write 50 MB
        handle.truncate(50 * 1024 * 1024)
    result = run("check", str(big))
    assert result.exit_code == 2
    assert "52,428,800 bytes is over the limit of 10,000,000" in one_error_line(result, "dump.txt")



def test_a_reader_that_goes_away_ends_the_run_quietly(monkeypatch, capsys, tmp_path: Path):
    # `healthlint rules | head -1`: writing to the closed pipe raises BrokenPipeError; the
    # run stops with the exit code a process killed by SIGPIPE reports, and no error line.
    import sys

    class ClosedPipe:
        def __init__(self):
            self._file = open(tmp_path / "stdout", "w")

        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            pass

        def fileno(self):
            return self._file.fileno()

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    with pytest.raises(SystemExit) as exit_info:
        main.main(args=["rules"], prog_name="healthlint")
    assert exit_info.value.code == 141
    assert "internal error" not in capsys.readouterr().err
