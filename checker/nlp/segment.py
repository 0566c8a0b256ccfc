"""Sentence bounds for the blank pipeline: end punctuation and line breaks.

spaCy's sentencizer ignores line breaks, but marketing copy puts headings, list items and
labels on lines of their own ("Benefits", "- Rapid Symptom Relief: ..."): each line starts
a new sentence here. A trained pipeline's parser or senter is used instead when present.
"""

from __future__ import annotations

from spacy.language import Language

_ENDERS = frozenset({".", "!", "?", "…", "!!", "??", "?!", "...", "。"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})


class SentenceSegmenter:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc):
        if not len(doc):
            return doc
        doc[0].is_sent_start = True
        start_next = False
        for token in doc[1:]:
            text = token.text
            if start_next and text not in _CLOSERS and not token.is_space:
                token.is_sent_start = True
                start_next = False
            else:
                token.is_sent_start = False
            if text in _ENDERS or "\n" in text:
                start_next = True
        return doc

    # Stateless: nothing to save, but keep the spaCy serialisation contract.
    def to_disk(self, path, *, exclude=tuple()):
        return None

    def from_disk(self, path, *, exclude=tuple()):
        return self

    def to_bytes(self, *, exclude=tuple()):
        return b""

    def from_bytes(self, data, *, exclude=tuple()):
        return self


@Language.factory("healthlint_sentences", assigns=["token.is_sent_start"], default_config={})
def make_sentences(nlp: Language, name: str) -> SentenceSegmenter:
    return SentenceSegmenter(nlp, name)
