"""Tests for checker.ingest: decoding, errors, plain text, Markdown and HTML, source positions.

Expected positions are computed by searching the source, not hard-coded.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from checker.document import Document
from checker.errors import InputError
from checker.ingest import (
    SUPPORTED_SUFFIXES,
    decode,
    format_for_path,
    from_text,
    read_path,
    read_stdin,
)

DATA = Path(__file__).parent / "data"
EXAMPLE = "mdma-ptsd-product-page"
ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


# ----------------------------------------------------------------------------- helpers


def source_of(doc: Document, path_or_text) -> str:
    """The decoded source text (BOM stripped) a document was built from."""
    if isinstance(path_or_text, Path):
        text = path_or_text.read_bytes().decode("utf-8-sig")
    else:
        text = path_or_text
    return text.removeprefix("\ufeff")


def real_line_col(source: str, offset: int) -> tuple[int, int]:
    """1-based line/column of a source offset, counting \\r\\n, \\n and lone \\r as line ends."""
    before = source[:offset]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    line = before.count("\n") + len(re.findall(r"\r(?!\n)", before)) + 1
    return line, offset - line_start + 1


def where(source: str, needle: str, nth: int = 0) -> tuple[int, int]:
    index = -1
    for _ in range(nth + 1):
        index = source.index(needle, index + 1)
    return real_line_col(source, index)


def source_at(doc: Document, source: str, plain_offset: int) -> str:
    """The source text from where a plain-text offset maps to."""
    line, column = doc.line_col(plain_offset)
    return source[doc.source_map.line_starts[line - 1] + column - 1 :]


def assert_words_map(doc: Document, source: str) -> None:
    """Every ASCII word of the plain text maps to the same word in the source."""
    for match in ASCII_WORD.finditer(doc.text):
        at = source_at(doc, source, match.start())
        assert at.startswith(match.group()), (match.group(), doc.line_col(match.start()), at[:30])


def assert_blocks_well_formed(doc: Document) -> None:
    previous_end = None
    for block in doc.blocks:
        text = doc.text[block.start : block.end]
        assert text and text == text.strip(), block
        if previous_end is not None:
            gap = doc.text[previous_end : block.start]
            assert "\n" in gap and not gap.strip(), (gap, block)
        previous_end = block.end
    assert "\r" not in doc.text


def block_texts(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def assert_word_positions(doc: Document, source: str, words: list[str]) -> None:
    """Chosen words: plain-text position maps to the word's first occurrence in the source."""
    for word in words:
        plain = doc.text.index(word)
        assert doc.line_col(plain) == where(source, word), word
        last = plain + len(word) - 1
        line, column = where(source, word)
        assert doc.line_col(last) == (line, column + len(word) - 1), word


# ----------------------------------------------------------------------------- plain text


def test_example_page_as_text_blocks_and_positions():
    path = DATA / f"{EXAMPLE}.txt"
    doc = read_path(path)
    source = path.read_text(encoding="utf-8")
    assert doc.source_format == "text"
    assert doc.text == source
    assert doc.title is None
    kinds = {doc.line_col(b.start)[0]: b.kind for b in doc.blocks}
    assert sorted(line for line, kind in kinds.items() if kind == "heading") == [2, 4, 9, 11, 16, 18]
    assert sorted(line for line, kind in kinds.items() if kind == "list-item") == [6, 7, 8, 13, 14, 15]
    assert sorted(line for line, kind in kinds.items() if kind == "paragraph") == [1, 3, 5, 10, 12, 17, 19]
    assert_blocks_well_formed(doc)
    assert_words_map(doc, source)
    assert_word_positions(doc, source, ["Ecstasy", "empathogen", "Altered Perception", "Reviews", "yet."])


@pytest.mark.parametrize(
    "text, kinds, title",
    [
        ("Heading\nBody text follows here.", ["heading", "paragraph"], "Heading"),
        ("Only line without stop", ["paragraph"], None),  # no next line: not a heading
        ("Intro sentence.\nSection\n\nMore text.", ["paragraph", "heading", "paragraph"], None),
        ("Ends with a colon:\nx", ["paragraph", "paragraph"], None),
        ("Question?\nx", ["paragraph", "paragraph"], None),
        ("one two three four five six seven eight nine ten eleven\nx", ["paragraph", "paragraph"], None),
        ("A" * 81 + "\nx", ["paragraph", "paragraph"], None),
        ("- dash\n* star\n\u2022 bullet\n+ plus\n1. one\n2) two\nend.",
         ["list-item"] * 6 + ["paragraph"], None),
        ("  Indented heading  \n\n\n  body.  ", ["heading", "paragraph"], "Indented heading"),
        ("12345\nx", ["paragraph", "paragraph"], None),  # no letters: not a heading
    ],
)
def test_plain_text_line_kinds(text, kinds, title):
    doc = from_text(text)
    assert [b.kind for b in doc.blocks] == kinds
    assert doc.title == title
    assert_blocks_well_formed(doc)
    assert_words_map(doc, text)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_plain_text_crlf_and_cr(newline):
    source = newline.join(["Benefits", "Line two has words.", "", "- item three", "last line."])
    doc = from_text(source)
    assert doc.text == source.replace(newline, "\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "list-item", "paragraph"]
    assert_blocks_well_formed(doc)
    assert_words_map(doc, source)
    for word in ["two", "item", "last"]:
        assert doc.line_col(doc.text.index(word)) == where(source, word)
    # A newline of the plain text maps to the end of its own source line.
    line, column = doc.line_col(doc.text.index("\n"))
    assert line == 1 and column > len("Benefits")


# ----------------------------------------------------------------------------- markdown


MARKDOWN_CASES = [
    pytest.param("# Title #\n\nBody.", [("heading", "Title"), ("paragraph", "Body.")], id="atx-closing"),
    pytest.param("###### Six\n####### seven", [("heading", "Six"), ("paragraph", "####### seven")], id="atx-levels"),
    pytest.param("Setext one\n===\n\nSetext two\n---\ntext", [("heading", "Setext one"), ("heading", "Setext two"),
                  ("paragraph", "text")], id="setext"),
    pytest.param("- a\n* b\n+ c\n1. d\n2) e", [("list-item", x) for x in "abcde"], id="list-markers"),
    pytest.param("- item one\n  continues here\n- two", [("list-item", "item one continues here"),
                  ("list-item", "two")], id="list-continuation"),
    pytest.param("> quoted *text*\n> more\n\nafter", [("paragraph", "quoted text more"), ("paragraph", "after")],
                 id="blockquote"),
    pytest.param("*a* **b** _c_ __d__ ***e*** ~~f~~", [("paragraph", "a b c d e f")], id="emphasis"),
    pytest.param("snake_case and 5*3 and 2 * 3", [("paragraph", "snake_case and 5*3 and 2 * 3")],
                 id="literal-stars"),
    pytest.param("use `x < y` and ``a`b``", [("paragraph", "use x < y and a`b")], id="code-spans"),
    pytest.param("see [the site](http://e.com \"T\") and [ref][r] and [r] and [1]\n\n[r]: http://r.org",
                 [("paragraph", "see the site and ref and r and [1]")], id="links"),
    pytest.param("![alt text](pic.png) and <http://x.org> and <b>bold</b>",
                 [("paragraph", "alt text and and bold")], id="images-autolinks-html"),
    pytest.param("a &amp; b &copy; \\*not\\* &#8220;q&#8221;", [("paragraph", "a & b \u00a9 *not* \u201cq\u201d")],
                 id="entities-escapes"),
    pytest.param("text\n\n```python\n# not a heading\n```\n\n~~~\ncode\n~~~\nafter",
                 [("paragraph", "text"), ("paragraph", "after")], id="fenced-code"),
    pytest.param("para\n\n    indented code\n\nnext", [("paragraph", "para"), ("paragraph", "next")],
                 id="indented-code"),
    pytest.param("---\ntitle: \"Front: Title\"\ndate: 2024\n---\nBody", [("title", "Front: Title"),
                  ("paragraph", "Body")], id="front-matter"),
    pytest.param("a <!-- one --> b\n<!--\ntwo\n-->\nc", [("paragraph", "a b c")], id="comments"),
    pytest.param("***\n\n- - -\n\ntext", [("paragraph", "text")], id="thematic-breaks"),
    pytest.param("<script>\nvar x = 1;\n</script>\ntext", [("paragraph", "text")], id="script-block"),
    pytest.param("| Drug | Dose |\n|---|---|\n| A | 5 mg |", [("paragraph", "Drug Dose"), ("paragraph", "A 5 mg")],
                 id="table"),
]


@pytest.mark.parametrize("source, expected", MARKDOWN_CASES)
def test_markdown_constructs(source, expected):
    doc = from_text(source, format="markdown")
    assert block_texts(doc) == expected
    assert_blocks_well_formed(doc)
    assert_words_map(doc, source)


def test_markdown_title_and_comments():
    source = "Intro.\n\n## Sub\n\n# Main *Title*\n\ntext <!-- healthlint: ignore -->\n\n<!--\nmulti\nline -->\n"
    doc = from_text(source, format="markdown")
    assert doc.title == "Main Title"
    assert doc.metadata["comments"] == [(7, "healthlint: ignore"), (9, "multi\nline")]
    front = from_text("---\ntitle: Page\n---\n# Heading\n", format="markdown")
    assert front.title == "Page"
    assert front.line_col(0) == where("---\ntitle: Page\n---\n", "Page")


def test_markdown_soft_wrapped_paragraph_maps_every_line():
    source = "First line of text\nsecond *line* here\r\n   third line.\n"
    doc = from_text(source, format="markdown")
    assert block_texts(doc) == [("paragraph", "First line of text second line here third line.")]
    for word in ["First", "second", "line*", "here", "third"]:
        word = word.rstrip("*")
        assert doc.line_col(doc.text.index(word)) == where(source, word)
    assert_words_map(doc, source)


def test_example_page_as_markdown_positions():
    path = DATA / f"{EXAMPLE}.md"
    doc = read_path(path)
    source = source_of(doc, path)
    assert doc.source_format == "markdown"
    assert doc.title == "How MDMA for PTSD Works"
    assert doc.metadata["comments"][0][0] == 1
    assert_blocks_well_formed(doc)
    assert_words_map(doc, source)
    assert_word_positions(doc, source, ["Ecstasy", "empathogen", "Altered Perception", "Reviews"])


# ----------------------------------------------------------------------------- HTML


def test_html_structure_and_ignored_content():
    source = (
        "<!DOCTYPE html>\n<html><head><title>Shop &amp; Co</title>\n"
        "<style>p { x: 1 }</style><script>var s = '<p>no</p>';</script>\n"
        "<meta name='description' content='attribute text'></head>\n"
        "<body><!-- healthlint: disable -->\n"
        "<h1>Main   <em>heading</em></h1>\n"
        "<p title='never text'>First &#8220;para&#8221;\n   spans lines.<br>After break</p>\n"
        "<ul><li>one<li>two <a href='x'>link</a></ul>\n"
        "<noscript>enable js</noscript><template><p>tpl</p></template>\n"
        "<svg><title>icon</title><text>svg</text></svg>\n"
        "<table><tr><td>cell a</td><td>cell b</td></tr></table>\n"
        "</body></html>\n"
    )
    doc = from_text(source, format="html")
    assert block_texts(doc) == [
        ("title", "Shop & Co"),
        ("heading", "Main heading"),
        ("paragraph", "First \u201cpara\u201d spans lines."),
        ("paragraph", "After break"),
        ("list-item", "one"),
        ("list-item", "two link"),
        ("paragraph", "cell a"),
        ("paragraph", "cell b"),
    ]
    assert doc.title == "Shop & Co"
    assert doc.metadata["comments"] == [(5, "healthlint: disable")]
    assert_blocks_well_formed(doc)
    assert_words_map(doc, source)
    assert doc.line_col(doc.text.index("&")) == where(source, "&amp;")
    assert doc.line_col(doc.text.index("\u201c")) == where(source, "&#8220;")
    assert doc.line_col(doc.text.index("spans")) == where(source, "spans")


@pytest.mark.parametrize(
    "source",
    [
        "<", "<a", "<!--", "<![CDATA[x", "</", "<p <p <p", "&#xffffffff;", "&#99999999999;", "<!doctype",
        "<?pi", "</>", "<a b='", "<script>", "<title>t", "<svg><svg></svg", "</p></div></li></head>x",
        "<div><p>unclosed<li>item<h1>h<h2>h2</h1></h2>", "<title>a<div>b", "<body><head><title>x</title>",
        "<p>&notanentity; &amp &#x; &#;</p>", "<tr><td>a<td>b", "\x0c\x0b<p>\u2028odd\u00a0space</p>",
    ],
)
def test_html_malformed_never_raises(source):
    doc = from_text(source, format="html")
    assert_blocks_well_formed(doc)
    for offset in range(len(doc.text) + 1):
        doc.line_col(offset)


def test_html_deep_nesting_is_fast():
    depth = 200_000
    source = "<div>" * depth + "deep <b>text</b>" + "</div>" * depth
    started = time.perf_counter()
    doc = from_text(source, format="html")
    assert time.perf_counter() - started < 5
    assert doc.text == "deep text"
    assert doc.line_col(doc.text.index("text")) == where(source, "text")
    nested_lists = from_text("<ul><li>" * 50_000 + "x", format="html")
    assert nested_lists.text == "x"


def test_example_page_as_html_positions():
    path = DATA / f"{EXAMPLE}.html"
    doc = read_path(path)
    source = source_of(doc, path)
    assert doc.source_format == "html"
    assert doc.title == "MDMA for PTSD"
    assert doc.blocks[0].kind == "title"
    assert "Buy now" not in doc.text and "font-family" not in doc.text
    assert doc.metadata["comments"] == [
        (where(source, "<!-- HTML")[0], "HTML version of shared/examples/mdma-ptsd-product-page.txt: same sentences.")
    ]
    assert_blocks_well_formed(doc)
    assert_words_map(doc, source)
    assert_word_positions(doc, source, ["empathogen", "Altered Perception", "Reviews"])
    assert doc.line_col(doc.text.index("\u201cEcstasy")) == where(source, "&#8220;Ecstasy")


# ----------------------------------------------------------------------------- the three formats agree


def test_example_page_same_blocks_in_all_formats():
    def sequence(doc):
        return [
            (b.kind, doc.text[b.start : b.end].removeprefix("- "))
            for b in doc.blocks
            if b.kind != "title"
        ]

    text = sequence(read_path(DATA / f"{EXAMPLE}.txt"))
    markdown = sequence(read_path(DATA / f"{EXAMPLE}.md"))
    html = sequence(read_path(DATA / f"{EXAMPLE}.html"))
    assert len(text) == 19
    assert markdown == text
    assert html == text


# ----------------------------------------------------------------------------- decoding


@pytest.mark.parametrize("fmt, suffix", [("text", ".txt"), ("markdown", ".md"), ("html", ".html")])
def test_bom_is_stripped_and_columns_stay_right(tmp_path, fmt, suffix):
    body = {"text": "Heading\nWord here.", "markdown": "# Heading\n\nWord here.",
            "html": "<h1>Heading</h1>\n<p>Word here.</p>"}[fmt]
    path = tmp_path / f"page{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    doc = read_path(path)
    assert "\ufeff" not in doc.text
    assert doc.source_format == fmt
    assert doc.line_col(doc.text.index("Heading")) == where(body, "Heading")
    assert doc.line_col(doc.text.index("Word")) == where(body, "Word")


@pytest.mark.parametrize("fmt, suffix", [("text", ".txt"), ("markdown", ".md"), ("html", ".html")])
def test_crlf_sources(tmp_path, fmt, suffix):
    body = {
        "text": "Benefits\r\nFirst line here.\r\n\r\n- item two\r\nlast.",
        "markdown": "# Benefits\r\n\r\nFirst line\r\nhere.\r\n\r\n- item two\r\n\r\nlast.",
        "html": "<h1>Benefits</h1>\r\n<p>First line\r\nhere.</p>\r\n<ul><li>item two</li></ul>\r\n<p>last.</p>",
    }[fmt]
    path = tmp_path / f"page{suffix}"
    path.write_bytes(body.encode("utf-8"))
    doc = read_path(path)
    assert "\r" not in doc.text
    expected = ["Benefits", "First line here.", "item two", "last."]
    if fmt == "text":
        expected[1:2] = ["First line here."]
    assert [doc.text[b.start : b.end].removeprefix("- ") for b in doc.blocks] == expected
    for word in ["Benefits", "here", "item", "last"]:
        assert doc.line_col(doc.text.index(word)) == where(body, word), word
    assert_words_map(doc, body)


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="windows-1252">',
        "<meta charset=cp1252>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
        '<meta charset="iso-8859-1">',  # decoded as windows-1252, as browsers do
    ],
)
def test_html_declared_charset(tmp_path, declaration):
    head = f"<html><head>{declaration}<title>Caf\u00e9</title></head>\n"
    body = "<body><p>Na\u00efve \u201csmart\u201d quotes \u2013 dash</p></body></html>\n"
    path = tmp_path / "page.html"
    path.write_bytes((head + body).encode("cp1252"))
    doc = read_path(path)
    assert doc.title == "Caf\u00e9"
    assert "Na\u00efve \u201csmart\u201d quotes \u2013 dash" in doc.text
    source = head + body
    assert doc.line_col(doc.text.index("quotes")) == where(source, "quotes")
    assert doc.line_col(doc.text.index("dash")) == where(source, "dash")


def test_xml_declaration_encoding():
    source = '<?xml version="1.0" encoding="iso-8859-15"?>\n<html><body><p>Co\u00fbt 10\u20ac</p></body></html>'
    doc = read_stdin(source.encode("iso-8859-15"), format="html")
    assert doc.text == "Co\u00fbt 10\u20ac"


def test_html_charset_errors(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b"<html>\n<meta charset='no-such-charset'>\n<p>x</p>")
    with pytest.raises(InputError, match=r"page\.html: unknown charset 'no-such-charset' declared at line 2$"):
        read_path(path)
    path.write_bytes(b"<meta charset=rot13><p>x</p>")
    with pytest.raises(InputError, match="unknown charset 'rot13'"):
        read_path(path)
    path.write_bytes(b"<meta charset=shift_jis>\n<p>ok</p>\n<p>bad \x81\x20</p>")
    with pytest.raises(InputError, match=r"page\.html: not valid shift_jis at line 3, column 8 \(byte 0x81\)$"):
        read_path(path)


def test_html_without_declaration_is_strict_utf8(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes("<p>caf\u00e9</p>".encode("cp1252"))
    with pytest.raises(InputError, match=r"not valid UTF-8 at line 1, column 7 \(byte 0xe9\)"):
        read_path(path)


def test_invalid_utf8_names_file_line_and_column(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("page.txt").write_bytes(b"line one\nline two\r\nabcd\xc3\xa9f\xffz")  # \xc3\xa9 is one char
    with pytest.raises(InputError) as caught:
        read_path("page.txt")
    assert str(caught.value) == "page.txt: not valid UTF-8 at line 3, column 7 (byte 0xff)"
    assert "\n" not in str(caught.value)
    with pytest.raises(InputError, match=r"^x\.md: not valid UTF-8 at line 1, column 1 \(byte 0xc3\)$"):
        decode(b"\xc3", uri="x.md")


def test_decode_function():
    assert decode(b"\xef\xbb\xbfhi", uri="a.txt") == "hi"
    assert decode("h\u00e9".encode("utf-16"), uri="a.txt") == "h\u00e9"
    assert decode(b"<meta charset=latin-1>\xe9", uri="a.html", html=True).endswith("\u00e9")
    # Without html=True a declaration is not honoured.
    with pytest.raises(InputError):
        decode(b"<meta charset=latin-1>\xe9", uri="a.html")


# ----------------------------------------------------------------------------- file errors


def test_binary_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("page.bin").write_bytes(b"GIF89a\x00\x01\x02")
    with pytest.raises(InputError) as caught:
        read_path("page.bin")
    assert str(caught.value) == "page.bin: binary file, not text"
    with pytest.raises(InputError, match="^<stdin>: binary file, not text$"):
        read_stdin(b"\x00\x00")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ""])
def test_empty_file_is_an_empty_document(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    doc = read_path(path)
    assert doc.text == "" and doc.blocks == () and doc.title is None
    assert doc.line_col(0) == (1, 1)


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open("big.txt", "wb") as handle:
        handle.truncate(52_428_800)  # sparse: costs no disk and is never read
    with pytest.raises(InputError) as caught:
        read_path("big.txt")
    assert str(caught.value) == (
        "big.txt: 52,428,800 bytes is over the limit of 10,000,000 (raise it with --max-bytes)"
    )
    Path("small.txt").write_text("x" * 2000)
    with pytest.raises(InputError, match=r"^small\.txt: 2,000 bytes is over the limit of 1,000 "):
        read_path("small.txt", max_bytes=1000)
    assert read_path("small.txt", max_bytes=2000).text == "x" * 2000
    with pytest.raises(InputError, match=r"^<stdin>: 11 bytes is over the limit of 10 "):
        read_stdin(b"hello world", max_bytes=10)


def test_missing_directory_and_permission(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        read_path("x.txt")
    assert str(caught.value) == "x.txt: no such file"
    with pytest.raises(InputError, match=r"^x\.txt/y\.txt: no such file$"):
        Path("x.txt").write_text("file")
        read_path("x.txt/y.txt")
    Path("x").mkdir()
    with pytest.raises(InputError) as caught:
        read_path("x")
    assert str(caught.value) == "x: is a directory"
    Path("locked.txt").write_text("secret")
    os.chmod("locked.txt", 0)
    try:
        if os.access("locked.txt", os.R_OK):
            pytest.skip("running as a user who can read any file")
        with pytest.raises(InputError) as caught:
            read_path("locked.txt")
        assert str(caught.value) == "locked.txt: permission denied"
    finally:
        os.chmod("locked.txt", 0o644)


# ----------------------------------------------------------------------------- formats and entry points


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("a.txt", b"<html><p>x</p>", "text"),
        ("a.text", b"x", "text"),
        ("README", b"# x", "text"),
        ("a.md", b"# x", "markdown"),
        ("a.MARKDOWN", b"# x", "markdown"),
        ("a.html", b"x", "html"),
        ("a.htm", b"x", "html"),
        ("a.xhtml", b"x", "html"),
        ("a.php", b"  <!DOCTYPE html><p>x</p>", "html"),
        ("a.asp", b"<HTML lang=en><p>x</p>", "html"),
        ("a.csv", b"a,b\n1,2", "text"),
    ],
)
def test_format_from_suffix_or_sniffing(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    assert read_path(path).source_format == expected


def test_format_override_and_unknown_format(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(b"# Heading\n\nText.")
    doc = read_path(path, format="markdown")
    assert doc.source_format == "markdown" and doc.headings == ["Heading"]
    with pytest.raises(InputError, match="unknown format 'pdf'"):
        read_path(path, format="pdf")
    with pytest.raises(InputError, match="unknown format"):
        from_text("x", format="docx")


def test_read_stdin_sniffs_and_uses_dash_uri():
    doc = read_stdin(b"<!doctype html><title>T</title><p>Body</p>")
    assert doc.uri == "-" and doc.source_format == "html" and doc.title == "T"
    doc = read_stdin(b"Plain\nText here.")
    assert doc.source_format == "text" and doc.headings == ["Plain"]
    doc = read_stdin(b"# md", format="markdown")
    assert doc.headings == ["md"]


def test_from_text():
    doc = from_text("\ufeffHello there.")
    assert doc.uri == "<text>" and doc.text == "Hello there." and doc.line_col(0) == (1, 1)
    doc = from_text("<p>a &amp; b</p>", uri="api", format="html")
    assert doc.uri == "api" and doc.text == "a & b"
    assert from_text("", format="markdown").blocks == ()


def test_supported_suffixes_and_format_for_path():
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
    assert format_for_path("x/y.HTM") == "html"
    assert format_for_path("notes") == "text"
    assert format_for_path("page.php") is None



@pytest.mark.parametrize(
    "error, message",
    [
        (PermissionError(13, "Permission denied"), "x.txt: permission denied"),
        (IsADirectoryError(21, "Is a directory"), "x.txt: is a directory"),
        (OSError(5, "Input/output error"), "x.txt: cannot read (Input/output error)"),
    ],
)
def test_os_errors_become_one_line_input_errors(tmp_path, monkeypatch, error, message):
    import checker.ingest as ingest

    monkeypatch.chdir(tmp_path)
    Path("x.txt").write_text("x")

    def failing_open(*args, **kwargs):
        raise error

    monkeypatch.setattr(ingest, "open", failing_open, raising=False)
    with pytest.raises(InputError) as caught:
        read_path("x.txt")
    assert str(caught.value) == message
