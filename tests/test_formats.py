"""The machine and people formats: jsonl, sarif, github, junit, html (checker/render/)."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checker.model import DocumentReport, Report
from checker.render import OutputFormat, render

DATA = Path(__file__).parent / "data"
EXAMPLE = DATA / "mdma-ptsd-product-page.txt"
SARIF_SCHEMA = DATA / "sarif-schema-2.1.0.json"
# Untrusted page text: markup, both quotes, a percent sign; the second claim has a newline inside.
HOSTILE = ("MDMA cures PTSD <script>alert(1)</script> \"100%\" 'safe'.\n"
           "MDMA cures PTSD <script>alert(1)</script>\n\"100%\" 'safe'.\n")
HOSTILE_URI = "pages/my,page:1.txt"


def out(report, fmt, **kwargs) -> str:
    stream = io.StringIO()
    render(report, fmt, stream, **kwargs)
    return stream.getvalue()


@pytest.fixture(scope="module")
def example(checker) -> Report:
    return checker.check_paths([EXAMPLE])


@pytest.fixture(scope="module")
def hostile(checker) -> Report:
    from checker.ingest import from_text

    return Report([checker.check_document(from_text(HOSTILE, uri=HOSTILE_URI))])


@pytest.fixture(scope="module")
def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)  # the draft the schema declares (draft-07)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def report_of(checker, text: str, uri: str = "page.txt") -> Report:
    from checker.ingest import from_text

    return Report([checker.check_document(from_text(text, uri=uri))])


# -- every format --------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_every_format_renders_the_canonical_example(example, fmt):
    assert example.findings
    text = out(example, fmt, rules=None, root=Path.cwd())
    assert text.strip()


def test_render_keeps_its_old_signature(example):
    assert "HL103" in out(example, OutputFormat.TEXT, color=False, width=100, show_claims=True)
    assert json.loads(out(example, "json"))["summary"]["findings"] == len(example.findings)


# -- jsonl -----------------------------------------------------------------------------------

def test_jsonl_one_parsable_line_per_finding_and_per_unreadable_document(example, hostile):
    report = Report([*example.documents, *hostile.documents, DocumentReport(uri="gone.txt", error="gone.txt: no such file")])
    lines = out(report, "jsonl").splitlines()
    assert len(lines) == len(report.findings) + 1
    rows = [json.loads(line) for line in lines]
    assert [r["rule"] for r in rows[:-1]] == [f.rule for f in report.findings]
    assert all(r["uri"] for r in rows)
    assert rows[0]["location"]["line"] >= 1 and "evidence" in rows[0]
    assert rows[-1] == {"uri": "gone.txt", "error": "gone.txt: no such file"}


def test_jsonl_unicode_line_breaks_do_not_split_lines(hostile):
    finding = dataclasses.replace(hostile.findings[-1], claim="a\u2028b\u2029c\u0085d\ne")
    report = Report([DocumentReport(uri="x.txt", findings=[finding])])
    text = out(report, "jsonl")
    assert len(text.splitlines()) == 1
    assert json.loads(text)["claim"] == "a\u2028b\u2029c\u0085d\ne"


# -- sarif -----------------------------------------------------------------------------------

def sarif(report, **kwargs) -> dict:
    return json.loads(out(report, "sarif", **kwargs))


def test_sarif_validates_against_the_oasis_schema(example, hostile, sarif_validator):
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert "sarif-schema-2.1.0" in schema.get("$id", schema.get("id", ""))
    report = Report([*example.documents, *hostile.documents, DocumentReport(uri="gone.txt", error="cannot read")])
    log = sarif(report, root=Path.cwd())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator.iter_errors(log)]
    assert errors == []
    assert log["version"] == "2.1.0" and log["$schema"].startswith("https://")
    assert len(log["runs"]) == 1


def test_the_schema_is_not_vacuous(example, sarif_validator):
    log = sarif(example)
    log["runs"][0]["results"][0]["level"] = "info"  # SARIF has note, not info
    assert list(sarif_validator.iter_errors(log))
    assert list(sarif_validator.iter_errors({"version": "2.1.0"}))  # runs missing


def test_sarif_driver_and_rules(example, checker):
    log = sarif(example, rules=checker.all_rules)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "healthlint" and driver["version"]
    assert "informationUri" not in driver
    assert [r["id"] for r in driver["rules"]] == sorted(checker.all_rules)
    for descriptor in driver["rules"]:
        rule = checker.all_rules[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert 0 < len(descriptor["fullDescription"]["text"]) <= 1024
        assert descriptor["help"]["text"] == rule.doc_text() and descriptor["help"]["markdown"]
        assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[rule.severity.value]
        assert descriptor["properties"]["tags"]
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")


def test_sarif_results_point_at_regions_in_relative_files(checker, tmp_path):
    folder = tmp_path / "site" / "pages"
    folder.mkdir(parents=True)
    page = folder / "mdma page,v2:final.txt"
    page.write_text("Intro.\n\nClinical trials demonstrate that MDMA cures PTSD.\n", encoding="utf-8")
    report = checker.check_paths([page])
    log = sarif(report, root=tmp_path / "site")
    results = log["runs"][0]["results"]
    hl103 = next(r for r in results if r["ruleId"] == "HL103")
    location = hl103["locations"][0]["physicalLocation"]
    uri = location["artifactLocation"]["uri"]
    assert uri == "pages/mdma%20page,v2%3Afinal.txt"
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert re.fullmatch(r"[A-Za-z0-9\-._~!$&'()*+,;=@/%]+", uri) and ":" not in uri.split("/")[0]
    finding = next(f for f in report.findings if f.rule == "HL103")
    assert location["region"] == {"startLine": 3, "startColumn": finding.location.column,
                                  "endLine": 3, "endColumn": finding.location.end_column}
    assert page.read_text().splitlines()[2][location["region"]["startColumn"] - 1:location["region"]["endColumn"] - 1] == finding.text
    assert finding.message in hl103["message"]["text"]
    assert "Evidence: mdma-ptsd (preliminary)" in hl103["message"]["text"] and "reviewed " in hl103["message"]["text"]
    assert "https://" in hl103["message"]["text"]


def test_sarif_stdin_and_files_outside_the_root(checker, tmp_path, sarif_validator):
    stdin = checker.check_paths(["-"], stdin=b"MDMA cures PTSD.\n")
    log = sarif(stdin)
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    assert locations and all(loc == {"uri": "stdin"} for loc in locations)
    assert list(sarif_validator.iter_errors(log)) == []
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("MDMA cures PTSD.\n", encoding="utf-8")
    log = sarif(checker.check_paths([outside]), root=tmp_path / "repo")
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"].startswith("file:///") and "uriBaseId" not in location
    assert list(sarif_validator.iter_errors(log)) == []


def fingerprints(report, rule="HL103"):
    log = sarif(report)
    return [r["partialFingerprints"]["primaryLocationLineHash"] for r in log["runs"][0]["results"] if r["ruleId"] == rule]


def test_sarif_fingerprints_do_not_depend_on_the_line(checker):
    first = fingerprints(report_of(checker, "MDMA cures PTSD.\n"))
    moved = fingerprints(report_of(checker, "About this page.\n\nSome more words here.\n\nMDMA cures PTSD.\n"))
    assert len(first) == 1 and first == moved
    assert re.fullmatch(r"[0-9a-f]{32}:1", first[0])
    other = fingerprints(report_of(checker, "Clinical trials demonstrate that MDMA heals PTSD.\n"))
    assert other and other != first
    twice = fingerprints(report_of(checker, "MDMA cures PTSD.\n\nMDMA cures PTSD.\n"))
    assert [f.split(":")[1] for f in twice] == ["1", "2"] and twice[0] == first[0]


def test_sarif_truncates_to_the_result_limit(example):
    from checker.render.sarif import sarif_log

    log = sarif_log(example, max_results=3)
    run = log["runs"][0]
    assert len(run["results"]) == 3
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any(str(len(example.findings)) in n["message"]["text"] for n in notes)


def test_sarif_reports_unreadable_documents_as_notifications():
    log = sarif(Report([DocumentReport(uri="gone.txt", error="gone.txt: no such file")]))
    run = log["runs"][0]
    assert run["results"] == []
    assert run["invocations"][0]["toolExecutionNotifications"][0]["level"] == "error"


# -- github ----------------------------------------------------------------------------------

def test_github_annotations_escape_untrusted_text(hostile):
    text = out(hostile, "github", root=Path.cwd())
    lines = text.splitlines()
    annotations = [line for line in lines if re.match(r"::(error|warning|notice) ", line)]
    assert len(annotations) == len(hostile.findings)
    hl110 = next(line for line in annotations if "title=HL110" in line)
    head, message = hl110.split("::", 2)[1:]
    assert head.startswith("error ") or head.startswith("warning ")
    assert "file=pages/my%2Cpage%3A1.txt," in head
    assert "line=1,endLine=1,col=" in head
    assert "%2C" in head and "%3A" in head
    assert "100%25" in message and "%0A" in message
    assert "100%\"" not in message
    assert "\r" not in text
    for line in annotations:  # properties carry no raw ':' or ','
        props = line.split(" ", 1)[1].split("::", 1)[0]
        for prop in props.split(","):
            name, value = prop.split("=", 1)
            assert ":" not in value


def test_github_escapes_newlines_and_controls_in_messages(hostile):
    from checker.render.github import annotation

    finding = dataclasses.replace(hostile.findings[0], message="50%\r\nof people\x1b[31m::set-output name=x::y")
    line = annotation(finding)
    assert "\n" not in line and "\r" not in line and "\x1b" not in line
    assert "50%25%0D%0Aof people\\x1b[31m" in line


def test_github_plain_report_follows_inside_stop_commands(hostile):
    from checker.render.github import render_github

    finding = dataclasses.replace(hostile.findings[0], uri="::add-mask::x.txt", message="line\nbreak")
    report = Report([DocumentReport(uri="::add-mask::x.txt", findings=[finding])])
    stream = io.StringIO()
    render_github(report, stream, token="tok123")
    lines = stream.getvalue().splitlines()
    assert lines[1] == "::stop-commands::tok123" and lines[-1] == "::tok123::"
    body = lines[2:-1]
    assert body[0] == f"::add-mask::x.txt:1:1: {finding.severity.value} {finding.rule} {finding.name}: line\\x0abreak"
    assert body[-1].startswith("1 findings (")


def test_github_plain_lines_cover_every_finding(example):
    lines = out(example, "github").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("::stop-commands::"))
    plain = [line for line in lines[start + 1:-1] if re.match(r".+:\d+:\d+: (error|warning|info) HL\d{3} ", line)]
    assert len(plain) == len(example.findings)


# -- junit -----------------------------------------------------------------------------------

def test_junit_parses_and_counts_match(example, checker):
    clean = report_of(checker, "The weather was mild today.\n", uri="clean.txt")
    report = Report([*example.documents, *clean.documents, DocumentReport(uri="gone.txt", error="gone.txt: no such file")])
    root = ET.fromstring(out(report, "junit").encode("utf-8"))
    suites = root.findall("testsuite") if root.tag == "testsuites" else [root]
    assert len(suites) == 1 and suites[0].get("name") == "healthlint"
    suite = suites[0]
    cases = suite.findall("testcase")
    failures = [c for c in cases if c.find("failure") is not None]
    errors = [c for c in cases if c.find("error") is not None]
    passed = [c for c in cases if len(c) == 0]
    assert int(suite.get("tests")) == len(cases) == len(example.findings) + 2
    assert int(suite.get("failures")) == len(failures) == len(example.findings)
    assert int(suite.get("errors")) == len(errors) == 1
    assert [c.get("classname") for c in passed] == ["clean.txt"]
    first = failures[0]
    finding = example.findings[0]
    assert first.get("classname") == finding.uri
    assert first.get("name") == f"{finding.rule} {finding.location.line}:{finding.location.column}"
    assert first.find("failure").get("type") == finding.severity.value
    assert first.find("failure").get("message") == finding.message
    assert finding.rule in first.find("failure").text


def test_junit_escapes_and_strips_characters_xml_cannot_hold(hostile):
    finding = dataclasses.replace(hostile.findings[-1], message="bad \x01\x1b chars & <tags> \"q\" \ufffe",
                                  claim="x\x0by\ud800z")
    report = Report([DocumentReport(uri="a<b>&\"c\x02.txt", findings=[finding])])
    xml = out(report, "junit")
    root = ET.fromstring(xml.encode("utf-8"))
    case = root.find("testsuite/testcase")
    assert case.get("classname") == "a<b>&\"c.txt"
    assert case.find("failure").get("message") == "bad  chars & <tags> \"q\" "
    assert "<script>" not in out(hostile, "junit")
    ET.fromstring(out(hostile, "junit").encode("utf-8"))


# -- html ------------------------------------------------------------------------------------

def test_the_hostile_page_has_the_claims_the_tests_need(hostile):
    claims = {f.claim for f in hostile.findings if f.claim}
    assert any("<script>" in c and '"100%"' in c and "'safe'" in c for c in claims)
    # a quote opening a line starts a new sentence: it is not a closing quote of the line before
    assert "MDMA cures PTSD <script>alert(1)</script>" in claims


def test_html_escapes_page_text_and_file_names(hostile):
    text = out(hostile, "html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script" not in text.lower()
    assert "&quot;100%&quot;" in text and "&#x27;safe&#x27;" in text
    assert "pages/my,page:1.txt" in text
    assert "<mark>cures</mark>" in text
    assert "Content-Security-Policy" in text and "default-src &#x27;none&#x27;" not in text
    assert ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'\">") in text
    assert "<style>" in text and "javascript" not in text.lower()


def test_html_escapes_hostile_uris_messages_and_only_links_http(hostile):
    finding = hostile.findings[0]
    evil = dataclasses.replace(finding.evidence.citations[0], url="javascript:alert(1)", citation="<img src=x onerror=alert(1)>")
    evidence = dataclasses.replace(finding.evidence, citations=(evil, *finding.evidence.citations[1:]),
                                   summary="</dd><script>alert(2)</script>")
    finding = dataclasses.replace(finding, uri="<b>x</b>.txt", message="\"><svg onload=alert(3)>", evidence=evidence)
    report = Report([DocumentReport(uri="<b>x</b>.txt", findings=[finding])])
    text = out(report, "html")
    assert "<b>x</b>" not in text and "&lt;b&gt;x&lt;/b&gt;.txt" in text
    assert "<svg" not in text and "&quot;&gt;&lt;svg onload=alert(3)&gt;" in text
    assert "<img" not in text and "<script" not in text.lower()
    assert 'href="javascript' not in text and "javascript:alert(1)" in text  # shown as text only
    hrefs = re.findall(r'href="([^"]*)"', text)
    assert hrefs and all(h.startswith(("https://", "http://", "#")) for h in hrefs)


def test_html_shows_cards_sources_status_and_claims(example):
    text = out(example, "html")
    assert text.startswith("<!DOCTYPE html>")
    assert text.count('<article class="finding') == len(example.findings)
    assert "<h3>Sources</h3>" in text and "<h3>Claims found</h3>" in text
    assert "Suggested wording" in text and "Status by jurisdiction" in text
    assert "Strongest wording allowed" in text and "Reviewed" in text
    assert text.count("<mark>") >= len([f for f in example.findings if f.claim])
    assert f"<strong>{len(example.findings)}</strong> findings" in text
