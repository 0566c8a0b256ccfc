"""Caveats the page already states, and commerce signals → ``doc.spans["hl_caveats"]``.

Label: the caveat kind (``adverse-effects``, ``contraindications``, ``supervision``,
``evidence-status``, ``legal-status``, ``commerce``); ``span.id_``: the lexicon entry;
``span._.hl_level``: ``full`` or ``partial``. A cue right after a negator ("no side effects",
"without risks") is not a caveat and is dropped, and so is a risk verb whose object is a
claimed effect ("can lead to improvement": the claims stage found the effect word).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from ..lexicon import load_lexicon
from . import SPANS_CAVEATS
from .claims import claim_rows
from .lexmatch import EntryMatcher, longest_first

RISK_KINDS = ("adverse-effects", "contraindications")

if not Span.has_extension("hl_level"):
    Span.set_extension("hl_level", default="full")


class CaveatFinder:
    def __init__(self, nlp: Language, name: str, *, lexicon: str, negator_window: int):
        self.name = name
        self.negator_window = negator_window
        self._matcher = EntryMatcher(nlp.vocab, nlp.tokenizer, load_lexicon(lexicon or None).of("caveats"))

    def __call__(self, doc):
        matches = longest_first(self._matcher(doc))
        negator_ends = [e for entry, s, e in matches if entry["kind"] == "negator"]
        effect_starts = {cue.start for _, _, info in claim_rows(doc) for cue in info.effects}
        spans = []
        for entry, start, end in matches:
            kind = entry["kind"]
            if kind == "negator":
                continue
            if any(start - self.negator_window <= n <= start for n in negator_ends):
                continue
            if kind in RISK_KINDS and any(end + gap in effect_starts for gap in range(self.negator_window + 1)):
                continue
            span = Span(doc, start, end, label=kind, span_id=entry.id)
            span._.hl_level = entry["level"]
            spans.append(span)
        doc.spans[SPANS_CAVEATS] = spans
        return doc

    def to_disk(self, path, *, exclude=tuple()):
        return None

    def from_disk(self, path, *, exclude=tuple()):
        return self


@Language.factory("healthlint_caveats", assigns=["doc.spans"], default_config={"lexicon": "", "negator_window": 2})
def make_caveats(nlp: Language, name: str, lexicon: str, negator_window: int) -> CaveatFinder:
    return CaveatFinder(nlp, name, lexicon=lexicon, negator_window=negator_window)
