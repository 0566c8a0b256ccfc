"""The ingested document: plain text for the NLP stage plus a map back to the source.

Every ingester (text, Markdown, HTML, ...) produces a :class:`Document`. The plain text
is what spaCy reads; ``blocks`` say which stretches are a title, heading, paragraph or
list item (the page structure claims inherit their topic from); ``source_map`` turns an
offset in the plain text back into a line and column of the original file.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["title", "heading", "paragraph", "list-item"]


@dataclass(frozen=True)
class Block:
    """A structural unit of the page: ``text[start:end]`` of the document."""

    start: int
    end: int
    kind: BlockKind


@dataclass(frozen=True)
class SourceMap:
    """Maps plain-text offsets to 1-based (line, column) in the source text.

    ``runs`` is a sorted sequence of ``(plain_start, source_start)``: from ``plain_start``
    on, plain characters were copied one for one from ``source_start`` on, until the next
    run begins. Characters the ingester inserted (a newline between two HTML blocks) map to
    the position of the run they fall in, which is the nearest real text before them.
    ``line_starts`` holds the source offset at which each source line begins.
    """

    runs: tuple[tuple[int, int], ...]
    line_starts: tuple[int, ...]
    source_length: int

    @classmethod
    def identity(cls, source: str) -> "SourceMap":
        return cls(runs=((0, 0),), line_starts=line_starts_of(source), source_length=len(source))

    def source_offset(self, plain_offset: int) -> int:
        if len(self.runs) == 1 and self.runs[0] == (0, 0):  # plain text: offsets are the same
            return max(0, min(plain_offset, self.source_length))
        index = bisect_right(self.runs, (plain_offset, self.source_length + 1)) - 1
        if index < 0:
            return 0
        plain_start, source_start = self.runs[index]
        offset = source_start + (plain_offset - plain_start)
        if index + 1 < len(self.runs):
            # An inserted character past the end of its run stays inside the run.
            offset = min(offset, max(source_start, self.runs[index + 1][1] - 1))
        return min(offset, self.source_length)

    def line_col(self, plain_offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a plain-text offset in the source."""
        offset = self.source_offset(plain_offset)
        line_index = bisect_right(self.line_starts, offset) - 1
        return line_index + 1, offset - self.line_starts[line_index] + 1


def newline_starts(text: str) -> list[int]:
    """Offsets at which each line starts, counting ``\\n`` only (as HTMLParser does)."""
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def line_starts_of(text: str) -> tuple[int, ...]:
    """Offsets at which each line starts; ``\\n``, ``\\r\\n`` and lone ``\\r`` end a line."""
    starts = newline_starts(text)
    if "\r" in text:
        # Rare: lone carriage returns (old Mac files). Merge them in.
        extra = [i + 1 for i, ch in enumerate(text) if ch == "\r" and text[i + 1 : i + 2] != "\n"]
        starts = sorted(set(starts).union(extra))
    return tuple(starts)


@dataclass(frozen=True)
class Document:
    """A document ready for the NLP stage."""

    uri: str
    text: str
    source_format: str
    blocks: tuple[Block, ...]
    source_map: SourceMap
    title: str | None = None
    metadata: dict = field(default_factory=dict, compare=False, hash=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        return self.source_map.line_col(offset)

    @property
    def headings(self) -> list[str]:
        return [self.text[b.start : b.end] for b in self.blocks if b.kind in ("title", "heading")]
