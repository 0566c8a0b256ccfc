"""Source numbering shared by the renderers: citations are numbered per document in the
order findings first cite them, so every report ends with one list of sources."""

from __future__ import annotations


class Footnotes:
    def __init__(self):
        self.numbers: dict[str, int] = {}
        self.citations: list = []

    def number(self, citation) -> int:
        if citation.id not in self.numbers:
            self.numbers[citation.id] = len(self.numbers) + 1
            self.citations.append(citation)
        return self.numbers[citation.id]
