"""healthlint audit: records for every document, resume after a real kill, parallel and
Dask engines, summaries."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.audit import AuditOptions, completed_ids, run_audit
from checker.cli import main

pytest.importorskip("warcio", reason="healthlint[audit] is not installed")
pytest.importorskip("trafilatura", reason="healthlint[audit] is not installed")

PAGE = ("<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/shop'>Shop</a></nav>"
        "<article><h1>{title}</h1><p>{claim}</p><p>Our team has been helping customers since 2010 and every order "
        "ships in discreet packaging. Read the reviews from our customers below and contact us with questions.</p>"
        "<ul><li>Rapid relief within days</li><li>Lasting results for everyone</li></ul></article>"
        "<footer>Copyright 2026. Privacy policy. Cookie settings.</footer></body></html>")
CLAIMS = ["MDMA cures PTSD for good.", "Ecstasy gives rapid relief from PTSD.", "Colloidal silver kills COVID-19.",
          "Our herbal capsules cure prostate cancer.", "Kratom is a safe alternative to opioids for chronic pain."]


def pages(n: int) -> list[tuple[str, str]]:
    return [(f"https://shop{i % 7}.example/p/{i}", PAGE.format(title=f"Product {i}", claim=CLAIMS[i % len(CLAIMS)]))
            for i in range(n)]


def write_jsonl(path: Path, n: int, bad_line: bool = False) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i, (url, html) in enumerate(pages(n)):
            handle.write(json.dumps({"id": f"doc-{i}", "url": url, "text": html}) + "\n")
            if bad_line and i == 1:
                handle.write("{this is not json\n")
    return path


def write_warc(path: Path, n: int) -> Path:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, html in pages(n):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(html.encode()), http_headers=headers))
        png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://shop0.example/logo.png", "response",
                                                      payload=BytesIO(b"\x89PNG...."), http_headers=png))
    return path


def records_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_warc_and_folder_inputs(tmp_path: Path):
    write_jsonl(tmp_path / "dump.jsonl", 6, bad_line=True)
    write_warc(tmp_path / "crawl.warc.gz", 4)
    folder = tmp_path / "site"
    folder.mkdir()
    for i, (_, html) in enumerate(pages(3)):
        (folder / f"p{i}.html").write_text(html, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_audit([str(tmp_path / "dump.jsonl"), str(tmp_path / "crawl.warc.gz"), str(folder)],
                        AuditOptions(), output=str(out))
    records = records_of(out)
    assert len(records) == 6 + 1 + 4 + 3 == summary.documents
    assert len({r["id"] for r in records}) == len(records)
    bad = [r for r in records if r["status"] == "error"]
    assert len(bad) == 1 and "not valid JSON" in bad[0]["error"] and "dump.jsonl:3" in bad[0]["error"]
    ok = [r for r in records if r["status"] == "ok"]
    assert ok and all(r["findings"] for r in ok)
    assert {r["domain"] for r in ok} >= {"shop0.example", "shop1.example"}
    assert sum(summary.skipped_records.values()) >= 1  # the PNG response is skipped and counted
    assert summary.rules["HL103"] >= 1 and summary.statuses["ok"] == len(ok)
    assert "mdma" in summary.interventions


def test_page_without_text_is_recorded_not_dropped(tmp_path: Path):
    (tmp_path / "empty.html").write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_audit([str(tmp_path)], AuditOptions(), output=str(out))
    [record] = records_of(out)
    assert record["status"] == "skipped" and "no main text" in record["error"]


def test_hostile_inputs_each_get_a_record_and_the_batch_completes(tmp_path: Path):
    good = write_warc(tmp_path / "good.warc.gz", 2)
    data = good.read_bytes()
    (tmp_path / "truncated.warc.gz").write_bytes(data[: len(data) // 2])
    with gzip.open(tmp_path / "bomb.html.gz", "wb") as handle:
        chunk = b"\0" * 1_000_000
        for _ in range(60):
            handle.write(chunk)
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 200_000 + "MDMA cures PTSD" + "</div>" * 200_000 + "</body></html>",
                                        encoding="utf-8")
    (tmp_path / "binary.html").write_bytes(b"\x00\x01\x02" * 1000)
    write_jsonl(tmp_path / "dump.jsonl", 2, bad_line=True)
    out = tmp_path / "out.jsonl"
    started = time.perf_counter()
    summary = run_audit([str(tmp_path)], AuditOptions(max_decompressed=10_000_000), output=str(out))
    assert time.perf_counter() - started < 60
    records = records_of(out)
    by_source = {}
    for record in records:
        by_source.setdefault(Path(record["source"]).name, []).append(record)
    assert all(r["status"] == "ok" for r in by_source["good.warc.gz"]) and len(by_source["good.warc.gz"]) == 2
    assert any(r["status"] == "error" for r in by_source["truncated.warc.gz"])
    assert [r["status"] for r in by_source["bomb.html.gz"]] == ["error"]
    assert by_source["deep.html"][0]["status"] in ("error", "skipped")
    assert [r["status"] for r in by_source["binary.html"]] == ["error"]
    assert sorted(r["status"] for r in by_source["dump.jsonl"]) == ["error", "ok", "ok"]
    assert summary.documents == len(records)


def test_resume_after_a_real_kill_records_every_document_once(tmp_path: Path):
    dump = write_jsonl(tmp_path / "dump.jsonl", 120)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "checker.cli", "audit", str(dump), "--output", str(out), "--quiet", "--isolated"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill it part-way: after some records, before the end
        if out.exists() and out.read_text(encoding="utf-8").count("\n") >= 10:
            break
        if process.poll() is not None:
            pytest.fail(f"the run ended before it could be killed: {process.stderr.read().decode()}")
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = out.read_text(encoding="utf-8").count("\n")
    assert 10 <= partial < 120
    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "doc-99", "uri": "cut off mid-wr')  # a crash mid-line leaves half a record
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    ids = [r["id"] for r in records_of(out)]
    assert sorted(ids) == sorted(f"doc-{i}" for i in range(120))
    assert len(ids) == len(set(ids)) == 120


def test_completed_ids_drops_a_cut_off_last_line(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c", "uri": "x', encoding="utf-8")
    assert completed_ids(out) == {"a", "b"}
    assert out.read_text(encoding="utf-8") == '{"id": "a"}\n{"id": "b"}\n'


def test_two_worker_processes_give_the_same_records(tmp_path: Path):
    dump = write_jsonl(tmp_path / "dump.jsonl", 40)
    serial, parallel = tmp_path / "serial.jsonl", tmp_path / "parallel.jsonl"
    run_audit([str(dump)], AuditOptions(), output=str(serial))
    run_audit([str(dump)], AuditOptions(batch_size=4), output=str(parallel), jobs=2)

    def key(path):
        return sorted((r["id"], r["status"], tuple(f["rule"] for f in r["findings"])) for r in records_of(path))

    assert key(serial) == key(parallel)


def test_dask_local_cluster_with_two_workers(tmp_path: Path):
    pytest.importorskip("dask.distributed")
    dump = write_jsonl(tmp_path / "dump.jsonl", 24)
    out = tmp_path / "dask.jsonl"
    summary = run_audit([str(dump)], AuditOptions(batch_size=4), output=str(out), engine="dask", jobs=2)
    records = records_of(out)
    assert len(records) == 24 == summary.documents and len({r["id"] for r in records}) == 24
    assert all(r["status"] == "ok" and r["findings"] for r in records)


def test_audit_command_summary_and_csv(tmp_path: Path):
    dump = write_jsonl(tmp_path / "dump.jsonl", 8)
    result = CliRunner().invoke(main, ["audit", str(dump), "--isolated", "--summary-csv", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 8
    assert "Findings per rule" in result.stderr and "documents/s" in result.stderr
    rules_csv = (tmp_path / "csv" / "findings_per_rule.csv").read_text(encoding="utf-8").splitlines()
    assert rules_csv[0] == "rule,findings" and len(rules_csv) > 1
    assert (tmp_path / "csv" / "findings_per_domain.csv").exists()
    resume_without_output = CliRunner().invoke(main, ["audit", str(dump), "--resume"])
    assert resume_without_output.exit_code == 2 and "--resume needs --output" in resume_without_output.stderr


def test_audit_html_report_of_the_batch(tmp_path: Path):
    dump = write_jsonl(tmp_path / "dump.jsonl", 6, bad_line=True)
    out, html = tmp_path / "out.jsonl", tmp_path / "report.html"
    result = CliRunner().invoke(main, ["audit", str(dump), "--isolated", "--quiet", "--output", str(out), "--html", str(html)])
    assert result.exit_code == 0, result.stderr
    page = html.read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html") and "Content-Security-Policy" in page and "<script" not in page
    assert "HL103" in page and "shop1.example" in page and "not valid JSON" in page
    assert "mdma-ptsd" in page  # evidence rows come back from the corpus
