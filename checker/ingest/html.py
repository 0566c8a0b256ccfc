"""HTML ingest with :class:`html.parser.HTMLParser`: text nodes to blocks, positions kept.

The parser is event driven (no recursion), so arbitrarily deep nesting costs nothing;
only the few elements that decide a block's kind or hide text are kept on a stack.
Character references are resolved here (``convert_charrefs=False``) so each resolved
character maps to the ``&`` that starts its reference in the source.
"""

from __future__ import annotations

import html as html_lib
from html.parser import HTMLParser

from ..document import BlockKind, Document, newline_starts
from .text import PlainBuilder, concatenate, make_document

# Elements whose content is never page text (``head`` except its ``title``).
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
_TRACKED = _HIDDEN | _HEADINGS | _LISTS | {"li", "head", "title"}
# Elements allowed in <head>; any other start tag ends an unclosed head.
_HEAD_CONTENT = frozenset(
    {"title", "meta", "link", "base", "script", "style", "noscript", "template", "basefont", "bgsound"}
)
_BLOCK_LEVEL = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "center",
        "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu",
        "nav", "ol", "option", "optgroup", "p", "pre", "section", "select", "summary", "table",
        "tbody", "td", "textarea", "tfoot", "th", "thead", "title", "tr", "ul", "video", "audio",
        "picture", "canvas", "plaintext", "xmp",
    }
)


class _PageParser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        # HTMLParser counts lines by "\n" only; keep our own table to match it.
        self._line_starts = newline_starts(source)
        self.body = PlainBuilder()
        self.title = PlainBuilder()
        self.title.kind = "title"
        self.comments: list[tuple[int, str]] = []
        self._stack: list[str] = []
        self._counts: dict[str, int] = {}
        self._hidden = 0
        self._headings = 0
        self._items = 0
        self._in_title = False
        self._title_done = False
        # A <title> after body text (malformed) stays in place: the source map needs the
        # plain text in source order.
        self._title_inline = False
        self.inline_title: tuple[int, int] | None = None
        self.first_h1: tuple[int, int] | None = None
        self._h1_open: int | None = None

    # -- positions ---------------------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    # -- the stack of tracked elements -----------------------------------------------------
    def _push(self, tag: str) -> None:
        self._stack.append(tag)
        self._counts[tag] = self._counts.get(tag, 0) + 1
        self._count(tag, 1)

    def _count(self, tag: str, delta: int) -> None:
        if tag in _HIDDEN:
            self._hidden += delta
        elif tag in _HEADINGS:
            self._headings += delta
        elif tag == "li":
            self._items += delta
        elif tag == "head":
            self._hidden += delta

    def _pop_to(self, tag: str) -> None:
        """Pop elements up to and including the innermost open ``tag``."""
        if not self._counts.get(tag):
            return
        while self._stack:
            top = self._stack.pop()
            self._counts[top] -= 1
            if top == "title" and self._in_title:
                self._finish_title()
            self._count(top, -1)
            if top == tag:
                break

    def _finish_title(self) -> None:
        self._in_title = False
        if self._title_inline:
            count = len(self.body.blocks)
            self.body.boundary()
            if len(self.body.blocks) > count:
                block = self.body.blocks[-1]
                self.inline_title = (block.start, block.end)
                self._title_done = True
            self._title_inline = False
            self._update_kind()
            return
        self.title.boundary()
        if self.title.length:
            self._title_done = True

    def _update_kind(self) -> None:
        kind: BlockKind = "paragraph"
        if self._in_title:
            kind = "title"
        elif self._headings:
            kind = "heading"
        elif self._items:
            kind = "list-item"
        self.body.kind = kind

    # -- events --------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        self._start(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self._start(tag)
        if tag in _TRACKED:
            self._end(tag)

    def _start(self, tag: str) -> None:
        if self._counts.get("head") and tag not in _HEAD_CONTENT:
            self._pop_to("head")
        if self._in_title and tag in _BLOCK_LEVEL:
            self._pop_to("title")  # an unclosed <title>
        if tag in _BLOCK_LEVEL:
            self.body.boundary()
        if tag not in _TRACKED:
            return
        if tag == "li":
            for open_tag in reversed(self._stack):
                if open_tag == "li":
                    self._pop_to("li")
                    break
                if open_tag in _LISTS:
                    break
        elif tag in _HEADINGS and self._stack and self._stack[-1] in _HEADINGS:
            self._pop_to(self._stack[-1])
        elif tag == "title":
            if self._title_done or self._in_title or self._hidden > self._counts.get("head", 0):
                return  # only the page's first <title> counts (not an <svg> one)
            self._in_title = True
            self._title_inline = self.body.length > 0
        self._push(tag)
        if tag == "h1" and self.first_h1 is None and self._h1_open is None:
            self._h1_open = len(self.body.blocks)
        self._update_kind()

    def handle_endtag(self, tag: str) -> None:
        self._end(tag)

    def _end(self, tag: str) -> None:
        if tag in _BLOCK_LEVEL:
            self.body.boundary()
        if tag in _HEADINGS:
            # Any heading end tag closes the open heading (HTML parsing rules).
            for open_tag in reversed(self._stack):
                if open_tag in _HEADINGS:
                    self._pop_to(open_tag)
                    break
            if self._h1_open is not None and not self._headings:
                if len(self.body.blocks) > self._h1_open:
                    block = self.body.blocks[self._h1_open]
                    self.first_h1 = (block.start, block.end)
                self._h1_open = None
        elif tag in _TRACKED:
            self._pop_to(tag)
        elif tag == "body":
            self.body.boundary()
        self._update_kind()

    def _sink(self) -> PlainBuilder | None:
        if self._in_title:
            return self.body if self._title_inline else self.title
        if self._hidden:
            return None
        return self.body

    def handle_data(self, data: str) -> None:
        sink = self._sink()
        if sink is not None:
            sink.text(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        sink = self._sink()
        if sink is None:
            return
        offset = self._offset()
        written = f"&{name};"
        resolved = html_lib.unescape(written)
        if resolved == written:  # not a known entity: keep it as written
            end = offset + 1 + len(name)
            resolved = self.source[offset : end + 1 if self.source[end : end + 1] == ";" else end]
        sink.text(resolved, offset)

    def handle_charref(self, name: str) -> None:
        sink = self._sink()
        if sink is not None:
            sink.text(html_lib.unescape(f"&#{name};"), self._offset())

    def handle_comment(self, data: str) -> None:
        self.comments.append((self.getpos()[0], data.strip()))


def ingest_html(source: str, *, uri: str, metadata: dict | None = None) -> Document:
    parser = _PageParser(source)
    warnings: list[str] = []
    try:
        parser.feed(source)
        parser.close()
    except Exception as error:  # noqa: BLE001 - malformed input must never abort ingest
        warnings.append(f"HTML parser stopped early: {error}")
    if parser._in_title:
        parser._finish_title()
    title_part = parser.title.finish()
    body_part = parser.body.finish()
    text, runs, blocks = concatenate(title_part, body_part)
    title = None
    if title_part[0]:
        title = title_part[0]
    elif parser.inline_title is not None:
        start, end = parser.inline_title
        title = body_part[0][start:end]
    elif parser.first_h1 is not None:
        start, end = parser.first_h1
        title = body_part[0][start:end]
    meta: dict = {"comments": parser.comments}
    if warnings:
        meta["warnings"] = warnings
    meta.update(metadata or {})
    return make_document(
        uri=uri, source=source, text=text, runs=runs, blocks=blocks,
        source_format="html", title=title, metadata=meta,
    )
