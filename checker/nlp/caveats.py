"""Caveats the page already states, and commerce signals → ``doc.spans["hl_caveats"]``.

Label: the caveat kind (``adverse-effects``, ``contraindications``, ``supervision``,
``evidence-status``, ``legal-status``, ``commerce``); ``span.id_``: the lexicon entry;
``span._.hl_level``: ``full`` or ``partial``; ``span._.hl_about``: the intervention the caveat
is about, where the page says (named in its sentence, or the last one named before it in its
paragraph), else None: a caveat for the whole page. A cue right after a negator ("no side effects",
"without risks") is not a caveat and is dropped, and so is a risk verb whose object is a
claimed effect ("can lead to improvement": the claims stage found the effect word).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Span

from ..lexicon import load_lexicon
from . import SPANS_CAVEATS
from .claims import claim_rows, sentence_bounds
from .lexmatch import EntryMatcher, longest_first, token_chars
from .mentions import INTERVENTION, mention_rows

RISK_KINDS = ("adverse-effects", "contraindications")

if not Span.has_extension("hl_level"):
    Span.set_extension("hl_level", default="full")
if not Span.has_extension("hl_about"):
    Span.set_extension("hl_about", default=None)
if not Span.has_extension("hl_states"):
    Span.set_extension("hl_states", default=None)  # what else it states (lexicon `states`)


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
            span._.hl_states = entry.get("states")
            spans.append(span)
        if spans:
            _attribute(doc, spans)
        doc.spans[SPANS_CAVEATS] = spans
        return doc

    def to_disk(self, path, *, exclude=tuple()):
        return None

    def from_disk(self, path, *, exclude=tuple()):
        return self


def _attribute(doc, spans: list[Span]) -> None:
    """Which intervention each caveat is about. On a page about several ("Top 5
    testosterone boosters"), a side effect told in the ashwagandha section is no caveat for
    the others."""
    named = [m for m in mention_rows(doc) if m.label == INTERVENTION]
    if len({m.id for m in named}) < 2:
        return  # one intervention (or none): every caveat is about it
    starts = [m.start for m in named]
    bounds = sentence_bounds(doc)
    sentence_starts = [b[0] for b in bounds]
    blocks = doc.user_data.get("hl_blocks") or ()
    block_starts = [b[0] for b in blocks]
    chars, _ = token_chars(doc)
    for span in spans:
        sent_start, sent_end = bounds[bisect_right(sentence_starts, span.start) - 1]
        inside = {m.id for m in named[bisect_left(starts, sent_start):bisect_left(starts, sent_end)]}
        if len(inside) == 1:
            span._.hl_about = inside.pop()
            continue
        if inside:
            continue  # several named: about all of them
        # The last intervention named before it in its paragraph.
        block = bisect_right(block_starts, chars[span.start]) - 1
        first_char = blocks[block][0] if block >= 0 and chars[span.start] < blocks[block][1] else None
        before = bisect_left(starts, sent_start) - 1
        if before >= 0 and first_char is not None and chars[named[before].start] >= first_char:
            span._.hl_about = named[before].id


@Language.factory("healthlint_caveats", assigns=["doc.spans"], default_config={"lexicon": "", "negator_window": 2})
def make_caveats(nlp: Language, name: str, lexicon: str, negator_window: int) -> CaveatFinder:
    return CaveatFinder(nlp, name, lexicon=lexicon, negator_window=negator_window)
