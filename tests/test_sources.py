"""checker.sources (inputs as raw documents) and checker.extract (main text of pages).

Every fixture is built in tmp_path; WARC files are written with warcio itself. The hostile
inputs (truncated WARC.gz, gzip bomb, 200,000-deep page, binary file, broken JSONL) must
each become one error (record or ExtractionError) quickly, and never stop the batch.
"""

from __future__ import annotations

import collections
import gzip
import io
import json
import os
import time

import pytest

from checker.sources import RawDocument, count_documents, iter_documents

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402


def product_page(i: int, *, charset: str = "utf-8") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>Product {i} | Shop</title></head>"
        "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/shop'>Shop</a></li></ul></nav>"
        f"<main><article><h1>Calm Gummies {i}</h1><p>Our gummies cure anxiety and reduce stress in "
        "days. Clinically proven to boost immunity and help you sleep better every night, "
        "with no side effects at all.</p></article></main>"
        "<footer><p>Copyright 2024 Shop Ltd. All rights reserved.</p></footer></body></html>"
    ).encode(charset)


def write_warc(path, *, gz: bool = True, pages: int = 3) -> list[str]:
    """A WARC with warcinfo, request+response pairs, a PNG response and a metadata record.
    Returns the record ids of the HTML responses."""
    ids = []
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(os.path.basename(path), {"software": "tests"}))
        for i in range(pages):
            url = f"https://shop.example/p{i}"
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: shop.example\r\n\r\n")
            )
            writer.write_record(request)
            body = product_page(i)
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=UTF-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            ids.append(record.rec_headers.get_header("WARC-Record-ID"))
            writer.write_record(record)
        png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://shop.example/logo.png", "response",
                payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 64), http_headers=png,
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "https://shop.example/p0", "metadata",
                payload=io.BytesIO(b"outlinks: none\n"), warc_content_type="text/plain",
            )
        )
    return ids


def docs(inputs, **options):
    counters = options.pop("counters", collections.Counter())
    return list(iter_documents([str(i) for i in inputs], counters=counters, **options))


# ------------------------------------------------------------------------------ files


def test_folder_walk_sorted_formats_and_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "page.html").write_bytes(product_page(1))
    (tmp_path / "a.txt").write_text("Vitamin C cures colds.\n")
    (tmp_path / "c.md").write_text("# Title\n\nTurmeric heals arthritis.\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")  # not picked up by a walk
    (tmp_path / ".hidden.html").write_text("<p>hidden</p>")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden")
    result = docs([tmp_path])
    names = [os.path.relpath(d.id, tmp_path) for d in result]
    assert names == ["a.txt", os.path.join("b", "page.html"), "c.md"]
    assert [d.format for d in result] == ["text", "html", "markdown"]
    for d in result:
        assert d.status == "ok" and d.uri == d.id == d.source and isinstance(d.data, bytes)
    assert count_documents([str(tmp_path)]) == 3


def test_include_exclude_and_glob(tmp_path):
    pages = tmp_path / "pages"
    (pages / "shop" / "deep").mkdir(parents=True)
    (pages / "drafts").mkdir()
    (pages / "index.html").write_bytes(product_page(0))
    (pages / "shop" / "gummies.html").write_bytes(product_page(1))
    (pages / "shop" / "deep" / "oil.htm").write_bytes(product_page(2))
    (pages / "shop" / "notes.txt").write_text("notes")
    (pages / "drafts" / "draft.html").write_bytes(product_page(3))

    def rel(result):
        return sorted(os.path.relpath(d.id, pages).replace(os.sep, "/") for d in result)

    assert rel(docs([pages], include=["*.html"])) == ["drafts/draft.html", "index.html", "shop/gummies.html"]
    assert rel(docs([pages], exclude=["drafts"])) == [
        "index.html", "shop/deep/oil.htm", "shop/gummies.html", "shop/notes.txt"
    ]
    assert rel(docs([pages], exclude=["shop/*", "*.txt"])) == ["drafts/draft.html", "index.html"]
    assert rel(docs([f"{pages}/**/*.html"])) == ["drafts/draft.html", "index.html", "shop/gummies.html"]
    assert rel(docs([f"{pages}/*.html"])) == ["index.html"]
    assert rel(docs([f"{pages}/shop/**"])) == ["shop/deep/oil.htm", "shop/gummies.html", "shop/notes.txt"]
    assert rel(docs([f"{pages}/**/*.html"], exclude=["drafts/*"])) == ["index.html", "shop/gummies.html"]
    # A file reached twice (folder and glob) is read once.
    assert len(docs([pages / "shop", f"{pages}/shop/*.html"])) == 3
    assert len(docs([pages / "index.html", pages, pages / "index.html"])) == 5
    assert count_documents([f"{pages}/**/*.html"]) == 3
    missing = docs([f"{pages}/**/*.xml"])
    assert [d.status for d in missing] == ["error"] and "no supported files match" in missing[0].error


def test_symlinks_not_followed_and_loops_do_not_hang(tmp_path):
    root = tmp_path / "site"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "real.html").write_bytes(product_page(1))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not part of the site")
    try:
        os.symlink(root, root / "sub" / "loop")  # folder loop
        os.symlink(outside, root / "linked-folder")
        os.symlink(outside / "secret.txt", root / "linked.txt")
    except (OSError, NotImplementedError):
        pytest.skip("symlinks not supported here")
    start = time.perf_counter()
    result = docs([root])
    globbed = docs([f"{root}/**/*"])
    assert time.perf_counter() - start < 5
    assert [os.path.basename(d.id) for d in result] == ["real.html"]
    assert [os.path.basename(d.id) for d in globbed] == ["real.html"]
    # A symlink named explicitly is the user's choice and is read.
    assert docs([root / "linked.txt"])[0].status == "ok"


def test_file_errors_never_raise(tmp_path):
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    big = tmp_path / "big.txt"
    big.write_text("a" * 2_000)
    good = tmp_path / "good.txt"
    good.write_text("Zinc cures colds.")
    result = docs([tmp_path / "missing.html", binary, big, good], max_bytes=1_000)
    assert [d.status for d in result] == ["error", "error", "error", "ok"]
    assert result[0].error.endswith("missing.html: no such file")
    assert result[1].error == f"{binary}: binary file, not text"
    assert "over the limit of 1,000" in result[2].error
    empty = tmp_path / "empty"
    empty.mkdir()
    assert [d.status for d in docs([empty])] == ["skipped"]


def test_gzipped_pages(tmp_path):
    with gzip.open(tmp_path / "page.html.gz", "wb") as out:
        out.write(product_page(1))
    with gzip.open(tmp_path / "notes.txt.gz", "wb") as out:
        out.write(b"Garlic lowers blood pressure.")
    result = docs([tmp_path])
    assert [(os.path.basename(d.id), d.format, d.status) for d in result] == [
        ("notes.txt.gz", "text", "ok"), ("page.html.gz", "html", "ok")
    ]
    assert result[1].data == product_page(1)


def test_gzip_bomb_is_one_error_record(tmp_path):
    bomb = tmp_path / "bomb.html.gz"
    zeros = b"\0" * (1 << 20)
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        for _ in range(60):  # 60 MB of zeros, ~60 KB on disk
            out.write(zeros)
    assert bomb.stat().st_size < 200_000
    jsonl_bomb = tmp_path / "dump.jsonl.gz"
    with gzip.open(jsonl_bomb, "wb", compresslevel=9) as out:
        out.write(b'{"id": "a", "text": "Vitamin D prevents flu."}\n')
        for _ in range(60):
            out.write(zeros)
    start = time.perf_counter()
    result = docs([bomb, jsonl_bomb, tmp_path / "after.txt"])
    elapsed = time.perf_counter() - start
    assert elapsed < 5
    assert result[0].status == "error"
    assert result[0].error == f"{bomb}: decompresses to more than 50,000,000 bytes"
    assert [(d.id, d.status) for d in result[1:3]] == [("a", "ok"), (str(jsonl_bomb), "error")]
    assert "decompresses to more than 50,000,000 bytes" in result[2].error
    assert result[3].error.endswith("after.txt: no such file")


def test_corrupt_gzip_page(tmp_path):
    data = gzip.compress(product_page(1) * 50)
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(data[: len(data) // 2])
    result = docs([cut])
    assert [d.status for d in result] == ["error"]
    assert "truncated or corrupt gzip data" in result[0].error and str(cut) in result[0].error


# ------------------------------------------------------------------------------ JSONL


def test_jsonl_fields_formats_and_error_lines(tmp_path):
    dump = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "p1", "url": "https://a.example/1", "text": "<html><body><p>Cures colds.</p></body></html>"}),
        json.dumps({"text": "Plain claim text: zinc cures colds."}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "body": "wrong field"}),
        json.dumps({"id": "m", "text": "# Heading\n\nText", "kind": "markdown"}),
        json.dumps({"id": "e", "text": "   "}),
        json.dumps({"id": "last", "text": "  <p>starts with a tag</p>"}),
    ]
    dump.write_text("\n".join(lines) + "\n")
    counters = collections.Counter()
    result = docs([dump], format_field="kind", counters=counters)
    summary = [(d.id, d.status, d.format) for d in result]
    assert summary == [
        ("p1", "ok", "html"),
        (f"{dump}:2", "ok", "text"),
        (f"{dump}:4", "error", "text"),
        (f"{dump}:5", "error", "text"),
        (f"{dump}:6", "error", "text"),
        ("m", "ok", "markdown"),
        ("e", "skipped", "text"),
        ("last", "ok", "html"),
    ]
    assert result[0].uri == "https://a.example/1" and result[0].source == str(dump)
    assert result[1].uri == f"{dump}:2"
    assert result[1].data == "Plain claim text: zinc cures colds."
    assert result[2].error == f"{dump}:4: not valid JSON (Expecting property name enclosed in double quotes)"
    assert result[3].error == f"{dump}:5: not a JSON object"
    assert "'text' field" in result[4].error and result[4].error.startswith(f"{dump}:6:")
    assert counters["skipped: empty text"] == 1
    assert count_documents([str(dump)]) == 8


def test_jsonl_custom_fields_and_duplicate_ids(tmp_path):
    dump = tmp_path / "crawl.ndjson"
    dump.write_text(
        json.dumps({"doc": "x", "page": "https://b.example/", "content": "Claim one."}) + "\n"
        + json.dumps({"doc": "x", "content": "Claim two."}) + "\n"
    )
    counters = collections.Counter()
    result = docs([dump], text_field="content", id_field="doc", url_field="page", counters=counters)
    assert [d.data for d in result] == ["Claim one.", "Claim two."]
    assert result[0].id == "x" and result[0].uri == "https://b.example/"
    assert result[1].id != "x" and counters["duplicate id"] == 1


def test_jsonl_not_json_then_next_line_read(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b'garbage\n{"id": "ok", "text": "Echinacea cures flu."}\n\xff\xfe bad utf8\n')
    result = docs([dump])
    assert [(d.status, d.id) for d in result] == [
        ("error", f"{dump}:1"), ("ok", "ok"), ("error", f"{dump}:3")
    ]
    assert result[0].error == f"{dump}:1: not valid JSON (Expecting value)"
    assert "not valid UTF-8" in result[2].error


def test_jsonl_long_line_is_an_error_and_stream_goes_on(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        json.dumps({"id": "big", "text": "x" * 5_000}) + "\n" + json.dumps({"id": "small", "text": "ok"}) + "\n"
    )
    result = docs([dump], max_bytes=1_000)
    assert [(d.id, d.status) for d in result] == [(f"{dump}:1", "error"), ("small", "ok")]


# ------------------------------------------------------------------------------- WARC


@pytest.mark.parametrize("gz", [True, False])
def test_warc_records(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    ids = write_warc(path, gz=gz)
    counters = collections.Counter()
    result = docs([path], counters=counters)
    assert [d.id for d in result] == ids
    assert [d.uri for d in result] == [f"https://shop.example/p{i}" for i in range(3)]
    assert all(d.format == "html" and d.status == "ok" and d.source == str(path) for d in result)
    assert all(d.charset == "UTF-8" for d in result)
    assert result[0].data == product_page(0)
    assert counters == {
        "skipped: warcinfo": 1, "skipped: request": 3, "skipped: image/png": 1, "skipped: metadata": 1
    }
    assert count_documents([str(path)]) is None


def test_warc_payload_limit_and_sniffing(tmp_path):
    path = tmp_path / "mixed.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        big = b"<html><body><p>" + b"a" * 5_000 + b"</p></body></html>"
        for url, body, ctype, status in [
            ("https://s.example/big", big, "text/html", "200 OK"),
            ("https://s.example/unlabelled", product_page(1), "application/octet-stream", "200 OK"),
            ("https://s.example/data", b"just bytes", "application/octet-stream", "200 OK"),
            ("https://s.example/moved", b"<html>moved</html>", "text/html", "301 Moved Permanently"),
            ("https://s.example/ok", product_page(2), "text/html", "200 OK"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    counters = collections.Counter()
    result = docs([path], max_bytes=2_000, counters=counters)
    assert [(d.uri, d.status) for d in result] == [
        ("https://s.example/big", "error"), ("https://s.example/unlabelled", "ok"), ("https://s.example/ok", "ok")
    ]
    assert "record payload over 2,000 bytes" in result[0].error
    assert result[1].charset is None
    assert counters["skipped: application/octet-stream"] == 1
    assert counters["skipped: HTTP 301"] == 1


def test_truncated_warc_gz_is_an_error_and_the_batch_goes_on(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, pages=6)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) // 2])
    after = tmp_path / "after.jsonl"
    after.write_text(json.dumps({"id": "after", "text": "Still read."}) + "\n")
    start = time.perf_counter()
    result = docs([cut, after])
    elapsed = time.perf_counter() - start
    assert elapsed < 2
    errors = [d for d in result if d.status == "error"]
    assert len(errors) == 1
    assert errors[0].error.startswith(f"{cut}: truncated or corrupt WARC")
    assert "offset" in errors[0].error
    ok_from_cut = [d for d in result if d.source == str(cut) and d.status == "ok"]
    assert 0 < len(ok_from_cut) < 6  # the records before the cut are kept
    assert result[-1].id == "after" and result[-1].status == "ok"


@pytest.mark.parametrize("fraction", [0.1, 0.33, 0.5, 0.77, 0.95])
def test_truncated_warc_anywhere_never_raises(tmp_path, fraction):
    for gz in (True, False):
        whole = tmp_path / ("w.warc.gz" if gz else "w.warc")
        write_warc(whole, gz=gz, pages=4)
        data = whole.read_bytes()
        cut = tmp_path / ("c.warc.gz" if gz else "c.warc")
        cut.write_bytes(data[: int(len(data) * fraction)])
        result = docs([cut])
        assert sum(d.status == "error" for d in result) == 1, (gz, fraction, result)


def test_garbage_warc_is_one_error(tmp_path):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"this is not a warc file at all\n" * 10)
    result = docs([bad])
    assert [d.status for d in result] == ["error"] and str(bad) in result[0].error


# ---------------------------------------------------------------------------- extract

PRODUCT_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Calm CBD Gummies – 25 mg | VitaShop</title>
<script>var tpl = "<div><div><div>";</script></head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. By
continuing to browse you accept our cookie policy.</p><button>Accept all cookies</button></div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/shop">Shop all</a></li>
<li><a href="/blog">Blog</a></li><li><a href="/about">About us</a></li></ul></nav></header>
<main><article class="product">
<h1>Calm CBD Gummies</h1>
<p>Our calm gummies cure anxiety and reduce stress within days. They are clinically proven to
boost your immune system and help you sleep better every single night.</p>
<h2>Why customers love them</h2>
<ul><li>Treats insomnia naturally, without any side effects at all.</li>
<li>Prevents cancer and heart disease, according to our own studies.</li>
<li>Suitable for vegans and made with organic hemp grown in Colorado.</li></ul>
<h2>Ingredients</h2>
<p>Each gummy contains 25 mg of full-spectrum hemp extract, organic cane sugar, pectin and
natural fruit flavours. Take two gummies a day with water.</p>
</article></main>
<aside class="related"><h3>You may also like</h3><ul><li><a href="/p/1">Sleep Drops</a></li>
<li><a href="/p/2">Focus Capsules</a></li></ul></aside>
<footer><div class="footer-links"><a href="/privacy">Privacy policy</a> |
<a href="/terms">Terms of service</a></div><p>© 2024 VitaShop Ltd. All rights reserved.
Registered in England no. 1234567.</p><p>Subscribe to our newsletter for 10% off.</p></footer>
</body></html>
"""


def test_html_main_text_product_page():
    pytest.importorskip("trafilatura")
    from checker.extract import html_main_text

    uri = "https://vitashop.example/calm"
    document = html_main_text(PRODUCT_PAGE.encode("utf-8"), uri=uri)
    text = document.text
    assert "cure anxiety and reduce stress" in text
    assert "Prevents cancer and heart disease" in text
    assert "clinically proven to boost your immune system" in text
    for boilerplate in ("cookie policy", "Accept all cookies", "Shop all", "All rights reserved",
                        "Privacy policy", "newsletter", "Focus Capsules"):
        assert boilerplate not in text, boilerplate
    kinds = {text[b.start:b.end]: b.kind for b in document.blocks}
    assert document.blocks[0].kind == "title"
    assert "Calm CBD Gummies" in document.headings[0]
    assert kinds["Why customers love them"] == "heading"
    assert kinds["Ingredients"] == "heading"
    assert kinds["Treats insomnia naturally, without any side effects at all."] == "list-item"
    assert document.uri == uri and document.source_format == "html"
    assert document.metadata["extractor"] == "trafilatura"
    assert document.metadata["uri"] == uri and document.metadata["format"] == "html"
    assert document.metadata["title"] == document.title
    # Blocks are separated by "\n" and the source map is the identity over the text.
    assert text.split("\n") == [text[b.start:b.end] for b in document.blocks]
    offset = text.index("Ingredients")
    assert document.line_col(offset) == (text[:offset].count("\n") + 1, 1)


def test_html_main_text_charsets():
    pytest.importorskip("trafilatura")
    from checker.extract import decode_html, html_main_text

    page = PRODUCT_PAGE.replace("utf-8", "windows-1252").replace("cure anxiety", "cure anxiété")
    data = page.encode("cp1252", errors="replace")
    assert "anxiété" in html_main_text(data, uri="x").text  # the meta charset
    assert decode_html("é".encode("latin-1"), "ISO-8859-1")[0] == "é"  # HTTP charset
    # HTTP charset beats the meta charset; undecodable bytes are replaced, not refused.
    assert decode_html(b"<meta charset='windows-1252'>\xc3\xa9", "utf-8")[0].endswith("é")
    assert decode_html(b"<p>\xff broken</p>")[0] == "<p>\ufffd broken</p>"


def test_html_deeply_nested_fails_fast():
    pytest.importorskip("trafilatura")
    from checker.extract import ExtractionError, html_main_text

    depth = 200_000
    page = "<html><body>" + "<div>" * depth + "<p>Cures everything.</p>" + "</div>" * depth + "</body></html>"
    start = time.perf_counter()
    with pytest.raises(ExtractionError, match="nested deeper than 5,000 levels"):
        html_main_text(page.encode(), uri="deep.html")
    assert time.perf_counter() - start < 1


def test_html_without_main_text_is_an_error():
    pytest.importorskip("trafilatura")
    from checker.extract import ExtractionError, html_main_text

    with pytest.raises(ExtractionError, match="no main text could be extracted"):
        html_main_text(
            b"<html><head><title>Only a title</title><script>var claim = 'cures all';</script></head>"
            b"<body><img src='banner.png'></body></html>",
            uri="empty.html",
        )
    with pytest.raises(ExtractionError, match="no main text"):
        html_main_text(b"", uri="nothing.html")
    # Deeper than libxml2 allows but under our limit: reported, with the reason.
    page = "<html><body>" + "<div>" * 600 + "<p>Cures everything, says our study.</p>" + "</div>" * 600
    with pytest.raises(ExtractionError, match="past the parser's limit"):
        html_main_text(page, uri="deepish.html")


def test_nesting_depth_ignores_voids_comments_and_scripts():
    from checker.extract import nesting_depth

    assert nesting_depth("<div><p>a<br><img src=x><p>b</div>") == 1
    assert nesting_depth("<!-- <div><div> --><script>'<div><div><div>'</script><span></span>") == 1
    assert nesting_depth("<div>" * 10 + "</div>" * 10 + "<div>") == 10
    assert nesting_depth("<b>" * 100, limit=5) == 6


def test_raw_to_document_dispatch(tmp_path):
    pytest.importorskip("trafilatura")
    from checker.errors import InputError
    from checker.extract import ExtractionError, raw_to_document

    html = RawDocument(id="1", uri="https://v.example/", source="d.jsonl", format="html",
                       data=PRODUCT_PAGE.encode(), charset="utf-8")
    document = raw_to_document(html)
    assert document.metadata["extractor"] == "trafilatura" and "cure anxiety" in document.text
    assert document.metadata["id"] == "1"
    text = raw_to_document(RawDocument(id="2", uri="a.txt", source="a.txt", format="text", data=b"Zinc cures colds.\n"))
    assert text.text.startswith("Zinc cures colds.") and text.source_format == "text"
    markdown = raw_to_document(RawDocument(id="3", uri="m", source="m", format="markdown", data="# Zinc\n\nCures colds."))
    assert markdown.source_format == "markdown" and "Zinc" in markdown.headings
    with pytest.raises(InputError, match="boom"):
        raw_to_document(RawDocument(id="4", uri="x", source="x", format="text", data=None, status="error", error="x: boom"))
    with pytest.raises(InputError):
        raw_to_document(RawDocument(id="5", uri="b.txt", source="b.txt", format="text", data=b"\xff\xfe\xfa bad"))
    with pytest.raises(ExtractionError):
        raw_to_document(RawDocument(id="6", uri="d", source="d", format="html", data="<html><body></body></html>"))


def test_warc_to_documents_end_to_end(tmp_path):
    pytest.importorskip("trafilatura")
    from checker.extract import raw_to_document

    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    documents = [raw_to_document(raw) for raw in docs([path])]
    assert len(documents) == 3
    assert all("cure anxiety" in d.text and "All rights reserved" not in d.text for d in documents)
    assert documents[1].uri == "https://shop.example/p1"


def test_missing_trafilatura_is_an_extraction_error(monkeypatch):
    import sys

    from checker.extract import ExtractionError, html_main_text

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now raises ImportError
    with pytest.raises(ExtractionError) as caught:
        html_main_text(b"<p>text</p>", uri="x.html")
    assert str(caught.value) == "trafilatura is not installed: pip install 'healthlint[audit]'"
