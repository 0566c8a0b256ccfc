"""Mentions of interventions, conditions and generic products → ``doc.spans["hl_mentions"]``.

- corpus names, synonyms and misspellings: a case-insensitive PhraseMatcher;
- street names that are also ordinary words ("Molly", "E"): case-sensitive, and kept only
  when the same intervention is also named unambiguously in the document;
- other misspellings: rapidfuzz over single-word names, cached per word form, with the
  score kept on the span (``span._.hl_score``; 100 for exact matches);
- generic products ("our capsules", "this cream"): token patterns from the lexicon.

Span label: ``INTERVENTION``, ``CONDITION`` or ``PRODUCT``; ``span.id_`` is the corpus id
(``"product"`` for a generic product).
"""

from __future__ import annotations

import re
from collections import OrderedDict

from typing import TYPE_CHECKING, NamedTuple

import numpy
from spacy.attrs import IS_ALPHA, LENGTH, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span

from ..lexicon import inflect, load_lexicon, plural_of_last_word, singular_of_last_word
from . import SPANS_MENTIONS
from .lexmatch import EntryMatcher, PhraseIndex, doc_text, phrase_docs, token_chars

for _name, _default in (("hl_score", 100.0), ("hl_via", "name")):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)

if TYPE_CHECKING:
    from ..corpus import Corpus

INTERVENTION, CONDITION, PRODUCT = "INTERVENTION", "CONDITION", "PRODUCT"


class Mention(NamedTuple):
    """A mention as plain values. The components after this one read these rows from
    ``doc.user_data["hl_mention_rows"]``: re-creating Span objects from the SpanGroup cost
    more than the matching itself."""

    start: int
    end: int
    label: str
    id: str
    text: str
    start_char: int
    score: float
    via: str = "name"  # "street", "common", "misspelling", "fuzzy", "generic"

    @classmethod
    def of(cls, span: Span) -> "Mention":
        return cls(span.start, span.end, span.label_, span.id_, span.text, span.start_char, span._.hl_score)


def _longest_non_overlapping(found):
    """spaCy's filter_spans on tuples: longest first (then earliest), no overlaps, by start."""
    kept, taken = [], set()
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        positions = range(item[0], item[1])
        if not taken.intersection(positions):
            kept.append(item)
            taken.update(positions)
    return sorted(kept, key=lambda f: f[0])


def _without(doc, end: int) -> bool:
    """Whether the name ending at token ``end`` is followed by "-free" ("THC-free")."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "free"


def mention_rows(doc) -> list[Mention]:
    """The mentions of a Doc as rows sorted by position (from the SpanGroup if need be)."""
    rows = doc.user_data.get("hl_mention_rows")
    if rows is None:
        spans = doc.spans[SPANS_MENTIONS] if SPANS_MENTIONS in doc.spans else []
        rows = sorted((Mention.of(s) for s in spans), key=lambda m: m.start)
    return rows


class MentionFinder:
    def __init__(self, nlp: Language, name: str, *, corpus_folders: list[str], lexicon: str,
                 fuzzy_cutoff: float, fuzzy_min_length: int, cache_size: int):
        # Imported here, not at module level: spaCy imports this module for every pipeline
        # anyone builds once healthlint is installed (entry points).
        from rapidfuzz import fuzz, process

        from ..corpus import load_corpus

        self._ratio, self._extract_one = fuzz.ratio, process.extractOne
        self.name = name
        self.corpus_folders = tuple(corpus_folders)
        self.corpus: Corpus = load_corpus(self.corpus_folders)
        self.fuzzy_cutoff = fuzzy_cutoff
        self.fuzzy_min_length = fuzzy_min_length
        self._cache: OrderedDict[str, tuple[str, str, float] | None] = OrderedDict()
        self._cache_size = cache_size
        vocab, tokenizer = nlp.vocab, nlp.tokenizer
        self._names = PhraseIndex(tokenizer)
        self._street = PhraseMatcher(vocab, attr="ORTH")
        exact: dict[str, tuple[str, str]] = {}
        for row in self.corpus.interventions.values():
            names = {row.name, *row.names}
            self._names.add(f"I|{row.id}|name", [n for n in names if n])
            self._names.add(f"I|{row.id}|misspelling", row.misspellings)
            self._add(self._street, f"I|{row.id}|street", row.street_names, tokenizer)
            self._add(self._street, f"I|{row.id}|common", row.common_words, tokenizer)
            exact.update({n.lower(): (INTERVENTION, row.id) for n in names})
        condition_names = {row.id: [n for n in {row.name, *row.synonyms} if n] for row in self.corpus.conditions.values()}
        for ident, names in condition_names.items():
            self._names.add(f"C|{ident}|name", names)
            exact.update({n.lower(): (CONDITION, ident) for n in names})
        # Plurals and singulars after every listed name, so that a listed name always wins:
        # the table says "torn tendon" and pages say "torn tendons"; it says "dark spots" and a
        # page says "for dark spot".
        listed = {n.lower() for names in condition_names.values() for n in names}
        for ident, names in condition_names.items():
            forms = [p for n in names for p in plural_of_last_word(n) + singular_of_last_word(n)]
            # ... and a two-word name written with a hyphen ("the weight-loss breakthrough",
            # "long-COVID"), as pages often do when the name stands before a noun.
            forms += [n.replace(" ", "-") for n in names if n.count(" ") == 1]
            self._names.add(f"C|{ident}|name", [f for f in forms if f.lower() not in listed])
        # Fuzzy candidates: single-word intervention names, grouped by first letter
        # (misspellings rarely change it), which also keeps each rapidfuzz call small.
        # Condition names are left out: their near neighbours are ordinary words
        # ("conclusion" ~ "concussion"); their variants are listed as synonyms instead.
        self._fuzzy: dict[str, dict[str, tuple[str, str]]] = {}
        for form, target in exact.items():
            if target[0] == INTERVENTION and form.isalpha() and len(form) >= fuzzy_min_length:
                self._fuzzy.setdefault(form[0], {})[form] = target
        self._exact_forms = frozenset(exact)
        self._ordinary_words: frozenset[str] | None = None  # read on the first fuzzy hit (see _ordinary)
        self._products = EntryMatcher(vocab, tokenizer, load_lexicon(lexicon or None).of("products"))
        self._strings = vocab.strings

    @staticmethod
    def _add(matcher, key, phrases, tokenizer):
        phrases = [p for p in phrases if p]
        if phrases:
            matcher.add(key, phrase_docs(matcher.vocab, tokenizer, phrases))

    def _ordinary(self, word: str) -> bool:
        """Whether the corpus itself uses the word as an ordinary word (its conditions' names
        and their plurals, the prose of its summaries, caveats and citations): no misspelling
        of a name then ("syndromes" is no "Syndros", "melanin" no "melatonin"). Gathered on
        the first fuzzy hit, not at start-up: most pages have none."""
        if self._ordinary_words is None:
            corpus = self.corpus
            prose = [row.summary for row in corpus.evidence.values()] + [row.summary for row in corpus.status.values()] \
                + [row.wording for row in corpus.caveats.values()] + [row.citation for row in corpus.sources.values()] \
                + [name for row in corpus.conditions.values() for name in (row.name, *row.synonyms) if name]
            words = {w for text in prose for w in re.findall(r"[a-z]+", text.lower())}
            words.update([form for w in list(words) for form in inflect(w, "noun")])
            self._ordinary_words = frozenset(words - self._exact_forms)
        return word in self._ordinary_words

    def _fuzzy_lookup(self, word: str) -> tuple[str, str, float] | None:
        cache = self._cache
        if word in cache:
            cache.move_to_end(word)
            return cache[word]
        result = None
        choices = self._fuzzy.get(word[0])
        if choices:
            best = self._extract_one(word, choices.keys(), scorer=self._ratio, processor=None, score_cutoff=self.fuzzy_cutoff)
            if best is not None and not self._ordinary(word):
                label, ident = choices[best[0]]
                result = (label, ident, float(best[1]))
        cache[word] = result
        if len(cache) > self._cache_size:
            cache.popitem(last=False)
        return result

    def _fuzzy_hits(self, doc, covered: numpy.ndarray) -> list[tuple[int, int, str, str, str, float]]:
        """Misspelt intervention names among the alphabetic words no exact match covered.

        Vectorised: only candidate words reach Python, and each distinct word is looked up
        once per process (cached), so the cost per page falls as the cache fills.
        """
        array = doc.to_array([LOWER, IS_ALPHA, LENGTH])
        candidate = (array[:, 1] == 1) & (array[:, 2] >= self.fuzzy_min_length) & ~covered
        positions = numpy.flatnonzero(candidate)
        if not len(positions):
            return []
        # Each distinct word once per page: most words repeat.
        unique, inverse = numpy.unique(array[positions, 0], return_inverse=True)
        strings = self._strings
        hits = {}
        for index, value in enumerate(unique.tolist()):
            lower = strings[value]
            if lower in self._exact_forms:
                continue
            hit = self._fuzzy_lookup(lower)
            if hit is not None:
                hits[index] = hit
        found = []
        if hits:
            for position, index in zip(positions.tolist(), inverse.tolist()):
                hit = hits.get(index)
                if hit is not None:
                    label, ident, score = hit
                    found.append((position, position + 1, label, ident, "fuzzy", score))
        return found

    def __call__(self, doc):
        strings = self._strings
        # Candidates as plain tuples (start, end, label, id, via, score); Spans are made only
        # for the mentions kept, which is most of what this component used to cost.
        found: list[tuple[int, int, str, str, str, float]] = []
        named: set[str] = set()
        covered = numpy.zeros(len(doc), dtype=bool)
        for key, start, end in self._names(doc):
            kind, ident, via = key.split("|")
            label = INTERVENTION if kind == "I" else CONDITION
            score = 100.0
            if via == "misspelling":
                row = self.corpus.interventions[ident]
                text = doc[start:end].text.lower()
                score = round(max(self._ratio(text, n.lower()) for n in (row.name, *row.names)), 1)
            found.append((start, end, label, ident, via, score))
            covered[start:end] = True
            if label == INTERVENTION:
                named.add(ident)
        if self._fuzzy and len(doc):
            for hit in self._fuzzy_hits(doc, covered):
                found.append(hit)
                named.add(hit[3])
        for key, start, end in self._street(doc):
            _, ident, via = strings[key].split("|")
            if ident in named:  # "Molly" counts only on a page that names MDMA itself
                found.append((start, end, INTERVENTION, ident, via, 100.0))
        traces = set()  # where a name would be the substance a product holds only a trace of
        for entry, start, end in self._products(doc):
            if entry["kind"] == "trace":
                traces.update((end, end + 1))
                continue
            found.append((start, end, PRODUCT, entry["kind"], "generic", 100.0))  # id: the entry's kind
        kept = _longest_non_overlapping(found)
        # "THC-free", "opioid-free": the name says what the product is without; and so does
        # an amount of nothing before it ("contains 0.0% THC", "zero THC"): a hemp CBD
        # product's content, no claim or caveat about cannabis.
        kept = [k for k in kept if not (k[2] == INTERVENTION and (_without(doc, k[1]) or k[0] in traces))]
        starts_char, ends_char = token_chars(doc)
        text = doc_text(doc)
        spans, rows = [], []
        first: dict[str, tuple[int, int]] = {}
        for start, end, label, ident, via, score in kept:
            if ident not in ("pronoun", "comparator", "comparator-after", "other-treatment"):  # they count for claims, not shown as mentions
                span = Span(doc, start, end, label=label, span_id=ident)
                if via != "name":
                    span._.hl_via = via
                if score != 100.0:
                    span._.hl_score = score
                spans.append(span)
            first_char, last_char = starts_char[start], ends_char[end - 1]
            rows.append(Mention(start, end, label, ident, text[first_char:last_char], first_char, score, via))
            if label == INTERVENTION and ident not in first:
                first[ident] = (first_char, last_char)
        doc.spans[SPANS_MENTIONS] = spans
        doc.user_data["hl_mention_rows"] = rows
        # Where each intervention is first named: page-level findings point there.
        doc.user_data["hl_first_mentions"] = first
        return doc

    def to_disk(self, path, *, exclude=tuple()):
        return None  # built from the corpus folders named in the config

    def from_disk(self, path, *, exclude=tuple()):
        return self


@Language.factory(
    "healthlint_mentions",
    assigns=["doc.spans"],
    default_config={"corpus_folders": [], "lexicon": "", "fuzzy_cutoff": 86.0, "fuzzy_min_length": 6, "cache_size": 50000},
)
def make_mentions(nlp: Language, name: str, corpus_folders: list[str], lexicon: str, fuzzy_cutoff: float,
                  fuzzy_min_length: int, cache_size: int) -> MentionFinder:
    return MentionFinder(nlp, name, corpus_folders=corpus_folders, lexicon=lexicon, fuzzy_cutoff=fuzzy_cutoff,
                         fuzzy_min_length=fuzzy_min_length, cache_size=cache_size)
