"""Match lexicon entries (phrases and token patterns) against a Doc in one pass each."""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.matcher import Matcher, PhraseMatcher
from spacy.vocab import Vocab

from ..lexicon import Entry


class EntryMatcher:
    """A PhraseMatcher (case-insensitive) plus a Matcher for one group of lexicon entries."""

    def __init__(self, vocab: Vocab, tokenizer, entries: Iterable[Entry]):
        self.entries = {entry.id: entry for entry in entries}
        self._phrases = PhraseMatcher(vocab, attr="LOWER")
        self._patterns = Matcher(vocab)
        self._has_patterns = False
        for entry in self.entries.values():
            if entry.phrases:
                self._phrases.add(entry.id, list(tokenizer.pipe(entry.phrases)))
            if entry.patterns:
                self._patterns.add(entry.id, [list(map(dict, p)) for p in entry.patterns])
                self._has_patterns = True
        self._strings = vocab.strings

    def __call__(self, doc) -> Iterator[tuple[Entry, int, int]]:
        strings = self._strings
        for key, start, end in self._phrases(doc):
            yield self.entries[strings[key]], start, end
        if self._has_patterns:
            for key, start, end in self._patterns(doc):
                yield self.entries[strings[key]], start, end


def longest_first(matches: Iterable[tuple[Entry, int, int]]) -> list[tuple[Entry, int, int]]:
    """Drop matches nested in a longer match of the same file kind ("clinically proven" over "proven")."""
    ordered = sorted(matches, key=lambda m: (m[1], -(m[2] - m[1])))
    kept: list[tuple[Entry, int, int]] = []
    taken_until = -1
    for match in ordered:
        if match[2] <= taken_until:
            continue
        kept.append(match)
        taken_until = match[2]
    return kept
