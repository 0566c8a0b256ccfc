"""The spaCy stage: sentence bounds, mentions, claims, context, caveats.

Each component is a registered factory (entry point ``spacy_factories``) and writes one
``doc.spans`` key, so they can be added to anyone's pipeline::

    nlp = spacy.blank("en")
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
"""

from __future__ import annotations

import re

PIPE_NAMES = ("healthlint_sentences", "healthlint_mentions", "healthlint_claims", "healthlint_context", "healthlint_caveats")

SPANS_MENTIONS = "hl_mentions"
SPANS_CUES = "hl_cues"
SPANS_CLAIMS = "hl_claims"
SPANS_CONTEXT = "hl_context"
SPANS_CAVEATS = "hl_caveats"


def build_pipeline(model: str | None = None, *, corpus_folders: tuple[str, ...] = (), lexicon_folder: str | None = None):
    """A pipeline on ``spacy.blank("en")`` (or an installed trained pipeline) with our components."""
    import spacy

    from ..errors import HealthlintError
    from . import caveats, claims, context, mentions, segment  # noqa: F401  (registers factories)

    if model:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise HealthlintError(f"spaCy pipeline '{model}' is not installed ({exc.__class__.__name__})") from None
    else:
        _register_tokenizer()
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    shared = {"lexicon": lexicon_folder or ""}
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
        nlp.add_pipe("healthlint_sentences")
    nlp.add_pipe("healthlint_mentions", config={"corpus_folders": list(corpus_folders), **shared})
    nlp.add_pipe("healthlint_claims", config=shared)
    nlp.add_pipe("healthlint_context", config=shared)
    nlp.add_pipe("healthlint_caveats", config=shared)
    return nlp


TOKENIZER = "healthlint.Tokenizer.v1"
# spaCy's English suffix rules keep "D." whole, as an initial, so "I take vitamin D." hid
# the name "vitamin D" and the end of the sentence ("low T.", "hepatitis C."). Health copy
# names vitamins and conditions by a capital letter far more often than it writes initials.
CAPITAL_LETTER_FULL_STOP = r"(?<=^[A-Z])\."
# An ellipsis run with full stops in it ("….", "…..") splits words as one piece, not "…" and ".with".
ELLIPSIS_RUN = r"[.…]*…[.…]*"
ELLIPSIS_RUN_AT_EDGE = rf"(?:{ELLIPSIS_RUN}|\.{{3,}})"  # ... or three full stops, at a word's edge
# spaCy splits "2-3 weeks" at the hyphen but keeps "20–30" whole, so a range typed with an en
# or em dash was not a number to the lexicon's patterns.
NUMBER_RANGE_DASH = r"(?<=[0-9])[–—](?=[0-9])"


def _register_tokenizer() -> None:
    """spaCy's English tokenizer with one more suffix rule. Built once through the config:
    changing ``suffix_search`` afterwards reloads every special case (50-90 ms)."""
    import spacy
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    if TOKENIZER in spacy.registry.tokenizers:
        return

    @spacy.registry.tokenizers(TOKENIZER)
    def create_tokenizer():
        def make(nlp):
            d = nlp.Defaults

            # spaCy's URL rule takes words glued by an ellipsis ("Can help….with") for a
            # domain name, hiding both words; no host name holds "…" or "..". (A compiled
            # pattern, not a function, so that the tokenizer still serialises.)
            url = d.url_match.__self__
            pattern = url.pattern.removeprefix("(?u)")  # inline flags must stay in front
            url_match = re.compile(r"(?!.*(?:…|\.\.))(?:" + pattern + ")", url.flags).match

            return Tokenizer(nlp.vocab, rules=d.tokenizer_exceptions,
                             prefix_search=compile_prefix_regex([ELLIPSIS_RUN_AT_EDGE, *d.prefixes]).search,
                             suffix_search=compile_suffix_regex([ELLIPSIS_RUN_AT_EDGE, *d.suffixes, CAPITAL_LETTER_FULL_STOP]).search,
                             infix_finditer=compile_infix_regex([ELLIPSIS_RUN, NUMBER_RANGE_DASH, *d.infixes]).finditer,
                             token_match=d.token_match, url_match=url_match)
        return make
