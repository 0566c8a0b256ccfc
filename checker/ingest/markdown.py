"""Markdown ingest: markup dropped, every kept character mapped to its source position.

A line-oriented reader, no recursion: container prefixes (``>``) are stripped per line,
then each line is a fence, code, heading, rule, reference definition, list item or
paragraph text. Inline markup (emphasis, code spans, links, images, raw HTML, entities,
escapes) is handled per block on the joined block text, whose characters keep a map back
to the source. HTML comments are removed from the text and collected, with their line,
in ``metadata["comments"]``.
"""

from __future__ import annotations

import html as html_lib
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..document import BlockKind, Document, line_starts_of
from .text import PlainBuilder, make_document

_QUOTE = re.compile(r"[ ]{0,3}>[ ]?")
_FENCE_OPEN = re.compile(r"(`{3,})[^`]*\Z|(~{3,})")
_FENCE_CLOSE = re.compile(r"[ \t]*(`{3,}|~{3,})[ \t]*\Z")
_HTML_SKIP = re.compile(r"<(script|style|textarea|pre)(?=[\s>]|\Z)", re.IGNORECASE)
_ATX = re.compile(r"(#{1,6})(?=[ \t]|\Z)")
_ATX_CLOSE = re.compile(r"(?:\A|[ \t])#+\Z")
_SETEXT = re.compile(r"(=+|-+)[ \t]*\Z")
_RULE = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*\Z")
_LIST = re.compile(r"([-*+]|(\d{1,9})[.)])(?:[ \t]+|\Z)")
_REF_DEF = re.compile(r"[ ]{0,3}\[((?:[^\[\]\\]|\\.){1,999})\]:[ \t]*(?:<[^<>\n]*>|\S+)"
                      r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*\Z")
_TABLE_DELIMITER = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\Z")
_FRONT_TITLE = re.compile(r"title[ \t]*:[ \t]*(.*?)[ \t]*\Z")

_LINK_TAIL = re.compile(
    r"\(\s*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
_REF_TAIL = re.compile(r"\[((?:[^\[\]\\]|\\.){0,999})\]")


@dataclass
class _Block:
    kind: BlockKind
    depth: int
    segments: list[tuple[int, str]] = field(default_factory=list)  # (source offset, text)
    level: int = 0
    table: bool = False


def _normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _indent(text: str) -> tuple[int, int]:
    """Columns of leading whitespace (tabs to multiples of 4) and index of the first other char."""
    columns = 0
    for index, char in enumerate(text):
        if char == " ":
            columns += 1
        elif char == "\t":
            columns += 4 - columns % 4
        else:
            return columns, index
    return columns, len(text)


def _pick_mask(source: str) -> str:
    for code in range(0xFDD0, 0xFDF0):
        if chr(code) not in source:
            return chr(code)
    return "\x00"  # pragma: no cover - a document holding all 32 noncharacters


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.mask = _pick_mask(source)
        starts = line_starts_of(source)
        self.lines: list[tuple[int, int]] = []  # (start, end of content) per line
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else len(source)
            if end > start and source[end - 1] == "\n":
                end -= 1
            if end > start and source[end - 1] == "\r":
                end -= 1
            self.lines.append((start, end))
        self.blocks: list[_Block] = []
        self.comments: list[tuple[int, str]] = []
        self.refs: set[str] = set()
        self.front_title: tuple[int, str] | None = None
        self._in_comment = False
        self._comment_line = 0
        self._comment_parts: list[str] = []

    # -- comments -------------------------------------------------------------------
    def _mask_comments(self, line: str, line_number: int) -> str:
        if not self._in_comment and "<!--" not in line:
            return line
        mask = self.mask
        out: list[str] = []
        position = 0
        if self._in_comment:
            end = line.find("-->")
            if end == -1:
                self._comment_parts.append(line)
                return mask * len(line)
            self._comment_parts.append(line[:end])
            self.comments.append((self._comment_line, "\n".join(self._comment_parts).strip()))
            self._in_comment = False
            out.append(mask * (end + 3))
            position = end + 3
        while True:
            start = line.find("<!--", position)
            if start == -1:
                out.append(line[position:])
                break
            out.append(line[position:start])
            end = line.find("-->", start + 4)
            if end == -1:
                self._in_comment = True
                self._comment_line = line_number
                self._comment_parts = [line[start + 4 :]]
                out.append(mask * (len(line) - start))
                break
            self.comments.append((line_number, line[start + 4 : end].strip()))
            out.append(mask * (end + 3 - start))
            position = end + 3
        return "".join(out)

    # -- block structure ----------------------------------------------------------------
    def _front_matter(self) -> int:
        """Skip YAML front matter; returns the index of the first line after it."""
        if not self.lines:
            return 0
        start, end = self.lines[0]
        if self.source[start:end].rstrip() != "---":
            return 0
        for index in range(1, len(self.lines)):
            line_start, line_end = self.lines[index]
            line = self.source[line_start:line_end]
            if line.rstrip() in ("---", "..."):
                for inner in range(1, index):
                    s, e = self.lines[inner]
                    match = _FRONT_TITLE.match(self.source, s, e)
                    if match and match.group(1):
                        value, offset = match.group(1), match.start(1)
                        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                            value, offset = value[1:-1], offset + 1
                        if value.strip():
                            self.front_title = (offset, value)
                        break
                return index + 1
        return 0

    def read(self) -> None:
        source = self.source
        first = self._front_matter()
        for start, end in self.lines[first:]:
            match = _REF_DEF.match(source, start, end)
            if match:
                self.refs.add(_normalize_label(match.group(1)))

        para: _Block | None = None
        fence: tuple[str, int] | None = None
        html_skip: str | None = None
        in_list = False
        list_indent = 0
        table = False
        blocks = self.blocks

        def end_para() -> None:
            nonlocal para
            if para is not None:
                blocks.append(para)
                para = None

        for number in range(first, len(self.lines)):
            line_start, line_end = self.lines[number]
            line = source[line_start:line_end]
            if fence is not None:
                match = _FENCE_CLOSE.match(line)
                if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= fence[1]:
                    fence = None
                continue
            if html_skip is not None:
                if "</" + html_skip in line.lower():
                    html_skip = None
                continue
            line = self._mask_comments(line, number + 1)

            position = 0
            depth = 0
            while True:
                match = _QUOTE.match(line, position)
                if match is None:
                    break
                depth += 1
                position = match.end()
            content = line[position:]
            if not content.replace(self.mask, "").strip():
                if self.mask not in content:  # a blank line
                    end_para()
                    table = False
                continue  # a line holding only a comment changes nothing
            indent, first_char = _indent(content)
            body = content[first_char:]
            body_start = line_start + position + first_char

            if (indent <= 3 or in_list) and (match := _FENCE_OPEN.match(body)):
                end_para()
                marker = match.group(1) or match.group(2)
                fence = (marker[0], len(marker))
                continue
            if indent <= 3 and (match := _HTML_SKIP.match(body)):
                end_para()
                tag = match.group(1).lower()
                if "</" + tag not in body.lower():
                    html_skip = tag
                continue
            if para is None and (indent >= list_indent + 4 if in_list else indent >= 4):
                continue  # indented code block
            if indent <= 3 and (match := _ATX.match(body)):
                end_para()
                rest = body[match.end() :].rstrip()
                closing = _ATX_CLOSE.search(rest)
                if closing:
                    rest = rest[: closing.start()]
                lead = len(rest) - len(rest.lstrip())
                block = _Block("heading", depth, level=len(match.group(1)))
                block.segments.append((body_start + match.end() + lead, rest.strip()))
                blocks.append(block)
                in_list = False
                continue
            if (
                para is not None and para.kind == "paragraph" and para.depth == depth
                and not para.table and indent <= 3 and _SETEXT.match(body)
            ):
                para.kind = "heading"
                para.level = 1 if body[0] == "=" else 2
                end_para()
                continue
            if (
                para is not None and len(para.segments) == 1 and "|" in para.segments[0][1]
                and "|" in body and _TABLE_DELIMITER.match(body)
            ):
                para.table = True
                end_para()
                table = True
                continue
            if indent <= 3 and _RULE.match(body):
                end_para()
                in_list = False
                continue
            if para is None and indent <= 3 and _REF_DEF.match(body):
                continue
            if indent <= 3 or in_list:
                match = _LIST.match(body)
                if match and para is not None and para.kind == "paragraph" and not in_list:
                    # Only "1." and non-empty items may interrupt a paragraph.
                    if (match.group(2) and match.group(2) != "1") or not body[match.end() :].strip():
                        match = None
                if match:
                    end_para()
                    in_list = True
                    list_indent = indent + match.end()
                    rest = body[match.end() :]
                    if rest.strip():
                        para = _Block("list-item", depth)
                        para.segments.append((body_start + match.end(), rest.rstrip()))
                    continue
            if table and "|" in body:
                block = _Block("paragraph", depth, table=True)
                block.segments.append((body_start, body.rstrip()))
                blocks.append(block)
                continue
            table = False
            if para is not None and not (depth > 0 and depth != para.depth):
                para.segments.append((body_start, body.rstrip()))
                continue
            end_para()
            kind: BlockKind = "paragraph"
            if in_list:
                if indent >= 2:
                    kind = "list-item"
                else:
                    in_list = False
            para = _Block(kind, depth)
            para.segments.append((body_start, body.rstrip()))
        end_para()
        if self._in_comment:
            self.comments.append((self._comment_line, "\n".join(self._comment_parts).strip()))


# ----------------------------------------------------------------------------- inline


def _inline_pattern(mask: str) -> re.Pattern[str]:
    return re.compile(
        "(?P<mask>" + re.escape(mask) + "+)"
        r"|(?P<code>`+)"
        r"|(?P<esc>\\[!-/:-@\[-`{-~])"
        r"|(?P<auto><(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*"
        r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?)>)"
        r"|(?P<tag></?(?P<tagname>[A-Za-z][A-Za-z0-9\-]*)(?:\s[^<>]*)?/?>)"
        r"|(?P<ent>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
        r"|(?P<img>!\[)|(?P<open>\[)|(?P<close>\])"
        r"|(?P<delim>\*+|_+|~~+)"
        r"|(?P<pipe>\|)"
    )


def _is_space(char: str) -> bool:
    return not char or char.isspace()


def _is_punct(char: str) -> bool:
    return bool(char) and not char.isalnum() and not char.isspace()


def _inline(text: str, pattern: re.Pattern[str], refs: set[str], table: bool, mask: str):
    """Pieces ``[index, chars, copied]`` of the block text that survive inline markup."""
    pieces: list[list] = []
    delimiters: list[tuple[int, str, bool, bool]] = []  # (piece, char, can_open, can_close)
    brackets: list[tuple[int, int]] = []  # (piece index of the opener, index after it)
    length = len(text)

    def copy(start: int, end: int) -> None:
        if end <= start:
            return
        chunk = text[start:end]
        if mask in chunk:
            for match in re.finditer("[^" + re.escape(mask) + "]+", chunk):
                pieces.append([start + match.start(), match.group(), True])
        else:
            pieces.append([start, chunk, True])

    special = re.compile("[" + re.escape(mask) + r"`\\<&!\[\]*_~|]")
    code_runs: dict[int, list[int]] | None = None  # backtick run length -> run starts
    position = 0
    while position < length:
        candidate = special.search(text, position)
        if candidate is None:
            break
        match = pattern.match(text, candidate.start())
        if match is None:
            copy(position, candidate.start() + 1)
            position = candidate.start() + 1
            continue
        copy(position, match.start())
        position = match.end()
        group = match.lastgroup
        if group == "mask" or group == "auto":
            continue
        if group == "tag":
            if match.group("tagname").lower() == "br":
                pieces.append([match.start(), " ", False])
            continue
        if group == "code":
            run_length = len(match.group())
            if code_runs is None:
                code_runs = {}
                for backticks in re.finditer("`+", text):
                    code_runs.setdefault(len(backticks.group()), []).append(backticks.start())
            starts = code_runs.get(run_length, [])
            following = bisect_right(starts, match.start())
            if following < len(starts):
                closer = starts[following]
                copy(match.end(), closer)
                position = closer + run_length
            else:
                copy(match.start(), match.end())
            continue
        if group == "esc":
            copy(match.start() + 1, match.end())
            continue
        if group == "ent":
            pieces.append([match.start(), html_lib.unescape(match.group()), False])
            continue
        if group in ("img", "open"):
            brackets.append((len(pieces), match.end()))
            copy(match.start(), match.end())
            continue
        if group == "close":
            if brackets:
                opener, inner_start = brackets.pop()
                label = text[inner_start : match.start()]
                tail = _LINK_TAIL.match(text, match.end())
                if tail:
                    pieces[opener][1] = ""
                    position = tail.end()
                    continue
                tail = _REF_TAIL.match(text, match.end())
                if tail and _normalize_label(tail.group(1) or label) in refs:
                    pieces[opener][1] = ""
                    position = tail.end()
                    continue
                if _normalize_label(label) in refs:
                    pieces[opener][1] = ""
                    continue
            copy(match.start(), match.end())
            continue
        if group == "delim":
            run = match.group()
            before = text[match.start() - 1] if match.start() else ""
            after = text[match.end()] if match.end() < length else ""
            left = not _is_space(after) and (not _is_punct(after) or _is_space(before) or _is_punct(before))
            right = not _is_space(before) and (not _is_punct(before) or _is_space(after) or _is_punct(after))
            if run[0] == "_":
                can_open = left and (not right or _is_punct(before))
                can_close = right and (not left or _is_punct(after))
            else:
                can_open, can_close = left, right
            delimiters.append((len(pieces), run[0], can_open, can_close))
            copy(match.start(), match.end())
            continue
        if group == "pipe":
            if table:
                pieces.append([match.start(), " ", False])
            else:
                copy(match.start(), match.end())
            continue
    copy(position, length)

    # Pair emphasis delimiters: a closer removes the nearest open run of the same character.
    openers: dict[str, list[int]] = {"*": [], "_": [], "~": []}
    for piece, char, can_open, can_close in delimiters:
        stack = openers[char]
        if can_close and stack:
            pieces[stack.pop()][1] = ""
            pieces[piece][1] = ""
        elif can_open:
            stack.append(piece)
    return pieces


def ingest_markdown(source: str, *, uri: str, metadata: dict | None = None) -> Document:
    reader = _Reader(source)
    reader.read()
    pattern = _inline_pattern(reader.mask)
    builder = PlainBuilder()
    title: str | None = None
    title_span: tuple[int, int] | None = None

    if reader.front_title is not None:
        offset, value = reader.front_title
        builder.kind = "title"
        builder.text(value, offset)
        builder.boundary()
        if builder.blocks:
            title_block = builder.blocks[-1]
            title_span = (title_block.start, title_block.end)

    for block in reader.blocks:
        joined = "\n".join(text for _, text in block.segments)
        plain_starts: list[int] = []
        source_starts: list[int] = []
        cursor = 0
        for source_start, text in block.segments:
            plain_starts.append(cursor)
            source_starts.append(source_start)
            cursor += len(text) + 1
        builder.boundary()
        builder.kind = block.kind
        count = len(builder.blocks)
        for index, chars, copied in _inline(joined, pattern, reader.refs, block.table, reader.mask):
            if not chars:
                continue
            segment = bisect_right(plain_starts, index) - 1
            if not copied:
                builder.text(chars, source_starts[segment] + index - plain_starts[segment])
                continue
            end = index + len(chars)
            while index < end:
                stop = plain_starts[segment + 1] if segment + 1 < len(plain_starts) else end
                stop = min(stop, end)
                builder.text(joined[index:stop], source_starts[segment] + index - plain_starts[segment])
                index = stop
                segment += 1
        builder.boundary()
        if title_span is None and block.kind == "heading" and block.level == 1:
            if len(builder.blocks) > count:
                title_span = (builder.blocks[-1].start, builder.blocks[-1].end)
    text, runs, blocks = builder.finish()
    if title_span is not None:
        title = text[title_span[0] : title_span[1]]
    meta = {"comments": reader.comments}
    meta.update(metadata or {})
    return make_document(
        uri=uri, source=source, text=text, runs=runs, blocks=blocks,
        source_format="markdown", title=title, metadata=meta,
    )

