"""Sentence bounds for the blank pipeline: end punctuation, semicolons and line breaks.

spaCy's sentencizer ignores line breaks, but marketing copy puts headings, list items and
labels on lines of their own ("Benefits", "- Rapid Symptom Relief: ..."): each line starts
a new sentence here. A trained pipeline's parser or senter is used instead when present.

Vectorised over the token array: setting ``token.is_sent_start`` token by token cost more
than tokenising the page (3.8 ms against 2.1 ms on the example page).
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.strings import hash_string

# A semicolon too: its clauses are claims of their own ("It relieves a symptom; it does not
# treat the cancer itself" claims nothing about cancer).
_ENDERS = frozenset({".", "!", "?", "…", "!!", "??", "?!", "...", "。", "!!!", ";"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
# ... but not before a word that reads on from the clause before ("Avoid during pregnancy;
# otherwise safe for most adults" is one caveat).
_SEMICOLON = hash_string(";")
_READS_ON = frozenset({"otherwise", "but", "however", "though", "although", "yet", "so", "and", "or", "except", "unless",
                       "which", "while", "whereas", "still", "then", "else"})


def _is_ellipsis(text: str) -> bool:
    """"...", "…", and runs of them ("….", "…..", "....."): a pause, which ends a sentence
    only when no lower-case word follows."""
    return text == "…" or (set(text) <= {".", "…"} and ("…" in text or len(text) >= 3))


class SentenceSegmenter:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self._kind: dict[int, int] = {}  # orth hash -> 1 ender, 2 closer, 0 other (a cache)
        self._ellipses = {hash_string(e) for e in ("...", "…")}  # grows with the runs seen

    def _kinds(self, doc, orths: numpy.ndarray) -> numpy.ndarray:
        strings = doc.vocab.strings
        kind = self._kind
        unique = numpy.unique(orths)
        for value in unique.tolist():
            if value not in kind:
                text = strings[value]
                ellipsis = _is_ellipsis(text)
                if ellipsis:
                    self._ellipses.add(value)
                kind[value] = 1 if (text in _ENDERS or ellipsis or "\n" in text) else 2 if text in _CLOSERS else 0
                if len(kind) > 100_000:
                    kind.clear()
        lookup = numpy.array([kind[v] for v in unique.tolist()], dtype=numpy.int8)
        return lookup[numpy.searchsorted(unique, orths)]

    def __call__(self, doc):
        n = len(doc)
        if not n:
            return doc
        array = doc.to_array([ORTH, IS_SPACE, SPACY])
        kinds = self._kinds(doc, array[:, 0])
        orths = array[:, 0]
        skip = (kinds == 2) | (array[:, 1] == 1)  # closers and spaces stay with the sentence before
        starts = numpy.full(n, -1, dtype=numpy.int64)
        starts[0] = 1
        # Only positions after an ender need a look; there are few per page.
        spaces = array[:, 1] == 1
        for position in numpy.flatnonzero(kinds == 1).tolist():
            # After end punctuation, closing quotes and brackets stay with the sentence; after
            # a line break, a quote opens the next one ('"100%" safe' on its own line).
            stay = skip if not spaces[position] else spaces
            nxt = position + 1
            while nxt < n and stay[nxt] and kinds[nxt] != 1:
                nxt += 1
            if nxt < n and kinds[nxt] != 1:
                if orths[position] == _SEMICOLON and doc[nxt].lower_ in _READS_ON:
                    continue
                if orths[position] in self._ellipses and (doc[nxt].text[:1].islower() or (
                        nxt == position + 1 and position > 0 and not array[position - 1, 2] and not array[position, 2])):
                    # "the withdrawal was just... gone"; and one glued between words is a
                    # list's separator or a cut in a quote ("benefits for: Autism…Diabetes…")
                    continue
                starts[nxt] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc

    # Stateless but for a cache: nothing to save, but keep the spaCy serialisation contract.
    def to_disk(self, path, *, exclude=tuple()):
        return None

    def from_disk(self, path, *, exclude=tuple()):
        return self


@Language.factory("healthlint_sentences", assigns=["token.is_sent_start"], default_config={})
def make_sentences(nlp: Language, name: str) -> SentenceSegmenter:
    return SentenceSegmenter(nlp, name)
