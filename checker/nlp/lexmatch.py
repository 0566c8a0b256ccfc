"""Match lexicon entries (phrases and token patterns) against a Doc.

Phrases go to one case-insensitive PhraseMatcher. Token patterns use a subset of spaCy's
Matcher syntax (``{}`` for any token, ``LOWER``/``ORTH``/``TEXT`` as a string or ``{IN = [...]}``, ``LIKE_NUM``,
``IS_DIGIT``, ``IS_PUNCT``, ``IS_ALPHA``, ``IS_TITLE``, ``IS_UPPER``, ``IS_SPACE``; ``OP``
``?``, ``*``, ``+``), so a pattern written here also works in spaCy's Matcher. We run them
ourselves, anchored: on each Doc a pattern is tried only where the rarest of its required
literal steps occurs (from a word-position index built once per Doc), and not at all when
one of them is absent. Measured on the example page, spaCy's Matcher cost 0.2-1 ms per
pattern per page even for one-token patterns, more than the tokenizer for the whole page;
anchored matching costs a few microseconds per anchor hit.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER, LENGTH, LIKE_NUM, LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..lexicon import Entry

_SIMPLE = re.compile(r"[^\W_]+(?: [^\W_]+)*")


def phrase_words(tokenizer, phrase: str) -> list[str]:
    """The tokens of a phrase as the tokenizer would make them. Plain words separated by
    single spaces are those words unless one is a tokenizer special case ("cannot"), so the
    tokenizer is only run for the rest: running it over the corpus names (rare words, no use
    in its cache) was most of the start-up cost."""
    words = phrase.split(" ")
    special = tokenizer.rules or {}
    if _SIMPLE.fullmatch(phrase) and not any(w in special or w.lower() in special for w in words):
        return words
    return [t.text for t in tokenizer(phrase)]


def phrase_docs(vocab: Vocab, tokenizer, phrases: Iterable[str]) -> list[Doc]:
    """Pattern Docs for a PhraseMatcher (see phrase_words)."""
    return [Doc(vocab, words=phrase_words(tokenizer, p)) for p in phrases]


def with_apostrophe_variants(phrases: Iterable[str]) -> list[str]:
    """The phrases plus their typographic-apostrophe spellings: reviewers type "don't" and
    "St John's wort", published pages mostly print "don’t" and "St John’s wort", and the
    tokens' LOWER forms differ."""
    out = list(phrases)
    out.extend(p.replace("'", "\u2019") for p in out if "'" in p)
    return out


class PhraseIndex:
    """Case-insensitive whole-token phrase matching on LOWER hashes.

    The corpus's names (some 5,000 words, most of them rare disease terms) are stored as
    tuples of string hashes, so building the index creates no spaCy lexemes: a
    PhraseMatcher needed a pattern Doc, and so a lexeme, for every word, which was the
    largest part of start-up. Matching reads the LOWER array once and looks further only
    where a phrase's first word occurs.
    """

    def __init__(self, tokenizer):
        self._tokenizer = tokenizer
        self._phrases: dict[tuple[int, ...], str] = {}
        self._lengths: dict[int, set[int]] = {}

    def add(self, key: str, phrases: Iterable[str]) -> None:
        for phrase in with_apostrophe_variants(phrases):
            hashes = tuple(hash_string(w.lower()) for w in phrase_words(self._tokenizer, phrase))
            if hashes and hashes not in self._phrases:
                self._phrases[hashes] = key
                self._lengths.setdefault(hashes[0], set()).add(len(hashes))

    def __call__(self, doc: Doc) -> Iterator[tuple[str, int, int]]:
        if not len(doc) or not self._phrases:
            return
        # One dict look-up per token: its cost does not grow with the number of names
        # (numpy.isin against the set of first words did, by sorting it on every call).
        lowers = doc.to_array(LOWER).tolist()
        phrases, lengths = self._phrases, self._lengths
        n = len(lowers)
        for start, value in enumerate(lowers):
            sizes = lengths.get(value)
            if sizes:
                for length in sizes:
                    if start + length <= n:
                        key = phrases.get(tuple(lowers[start:start + length]))
                        if key is not None:
                            yield key, start, start + length


MAX_REPEAT = 6  # "*" and "+" match at most this many tokens: keeps a step's work bounded

_FLAGS = {"LIKE_NUM": "like_num", "IS_DIGIT": "is_digit", "IS_PUNCT": "is_punct", "IS_ALPHA": "is_alpha",
          "IS_TITLE": "is_title", "IS_UPPER": "is_upper", "IS_SPACE": "is_space"}


_VIEW_ATTRS = (LOWER, ORTH, LIKE_NUM, IS_DIGIT, IS_PUNCT, IS_ALPHA, IS_TITLE, IS_UPPER, IS_SPACE)
_VIEW_NAMES = ("lower", "orth", "like_num", "is_digit", "is_punct", "is_alpha", "is_title", "is_upper", "is_space")


class TokenView:
    """A Doc's token attributes as plain lists, read once: pattern steps test list items
    instead of creating a Token per test (that was most of the matching time)."""

    __slots__ = ("doc", "length", "_columns", "_positions", "_sorted")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.length = len(doc)
        # Shared by every matcher that reads this Doc (plain lists: no reference cycle).
        self._columns: dict[str, list[int]] = doc.user_data.setdefault("hl_token_columns", {})
        self._positions: dict[str, dict[int, list[int]]] = doc.user_data.setdefault("hl_token_positions", {})
        self._sorted: dict[tuple[str, frozenset], list[int]] = {}  # this view's: keys that msgpack could not store

    def column(self, name: str) -> list[int]:
        values = self._columns.get(name)
        if values is None:  # read on first use: most patterns need only LOWER
            attr = _VIEW_ATTRS[_VIEW_NAMES.index(name)]
            values = self._columns[name] = self.doc.to_array(attr).tolist() if self.length else []
        return values

    def positions_of(self, name: str, hashes: frozenset) -> list[int]:
        """Where any of these words occurs, in order."""
        key = (name, hashes)
        found = self._sorted.get(key)
        if found is None:
            index = self.positions(name)
            lists = [index[h] for h in hashes if h in index]
            # one word's positions are already in order
            found = self._sorted[key] = lists[0] if len(lists) == 1 else sorted(p for each in lists for p in each)
        return found

    def positions(self, name: str) -> dict[int, list[int]]:
        """Where each word (hash) occurs: the anchors of the patterns are found here."""
        index = self._positions.get(name)
        if index is None:
            index = self._positions[name] = {}
            for position, value in enumerate(self.column(name)):
                index.setdefault(value, []).append(position)
        return index


@dataclass(frozen=True)
class Step:
    attr: str  # "any" | "lower" | "orth" | a token flag attribute
    words: frozenset[str] | None  # for lower / orth
    flag: bool  # for flags: the value required; for words: False for NOT_IN (any word but these)
    min: int
    max: int
    hashes: frozenset[int] = frozenset()  # the words' string hashes, as in the Doc's arrays

    def test(self, view: TokenView, index: int) -> bool:
        if self.attr == "any":
            return True
        value = view.column(self.attr)[index]
        if self.words is not None:
            return (value in self.hashes) == self.flag
        return bool(value) == self.flag


def compile_pattern(pattern: Iterable[Mapping]) -> tuple[Step, ...]:
    steps = []
    for token in pattern:
        op = token.get("OP", "1")
        low, high = {"1": (1, 1), "?": (0, 1), "*": (0, MAX_REPEAT), "+": (1, MAX_REPEAT)}[op]
        keys = [k for k in token if k != "OP"]
        if not keys:  # {} or {OP = "?"}: any one token, as in spaCy's Matcher
            steps.append(Step("any", None, True, low, high))
            continue
        if len(keys) != 1:
            raise ValueError(f"each pattern token needs exactly one attribute besides OP, got {keys}")
        key, value = keys[0], token[keys[0]]
        if key in ("LOWER", "ORTH", "TEXT"):
            if isinstance(value, Mapping) and set(value) - {"IN", "NOT_IN"} or isinstance(value, Mapping) and len(value) != 1:
                raise ValueError(f"{key} takes a word, {{IN = [...]}} or {{NOT_IN = [...]}}, got {dict(value)}")
            wanted = not (isinstance(value, Mapping) and "NOT_IN" in value)
            values = (value["IN"] if wanted else value["NOT_IN"]) if isinstance(value, Mapping) else [value]
            attr = "lower" if key == "LOWER" else "orth"
            words = frozenset(v.lower() if attr == "lower" else v for v in values)
            steps.append(Step(attr, words, wanted, low, high, frozenset(hash_string(w) for w in words)))
        elif key in _FLAGS:
            steps.append(Step(_FLAGS[key], None, bool(value), low, high))
        else:
            raise ValueError(f"unsupported pattern attribute {key}")
    return tuple(steps)


@dataclass(frozen=True)
class AnchoredPattern:
    entry_id: str
    steps: tuple[Step, ...]
    # Every step that can anchor: (its index, the fewest and most tokens the steps before it
    # can take). On each Doc the one with the fewest hits is used.
    candidates: tuple[tuple[int, tuple[int, int]], ...]
    # Per anchor index: the other required words and where they must sit relative to the
    # anchor (offset range of their first token). An anchor without them is not tried.
    companions: Mapping[int, tuple[tuple[Step, int, int], ...]] | None = None

    @classmethod
    def build(cls, entry_id: str, steps: tuple[Step, ...]) -> "AnchoredPattern":
        candidates = []
        for index, step in enumerate(steps):
            if step.words is not None and step.flag and step.min >= 1:  # (a NOT_IN step cannot anchor)
                before = steps[:index]
                if any(s.max == MAX_REPEAT for s in before):
                    continue  # an unbounded prefix cannot be anchored; try a later step
                candidates.append((index, (sum(s.min for s in before), sum(s.max for s in before))))
        if not candidates:
            raise ValueError(f"pattern in '{entry_id}' has no required literal step to anchor on")
        companions = {}
        for index, _ in candidates:
            found = []
            for other, step in enumerate(steps):
                if other == index or step.words is None or not step.flag or step.min < 1:
                    continue
                between = steps[index:other] if other > index else steps[other:index]
                if any(s.max == MAX_REPEAT for s in between):
                    continue
                low, high = sum(s.min for s in between), sum(s.max for s in between)
                found.append((step, low, high) if other > index else (step, -high, -low))
            companions[index] = tuple(found)
        return cls(entry_id, steps, tuple(candidates), companions)

    def anchor_hits(self, view: "TokenView") -> tuple[list[int], tuple[int, int]] | None:
        """On this Doc: the positions of the cheapest anchor and its prefix, or None when a
        required word does not occur at all (the pattern cannot match). Anchors whose other
        required words are not where the pattern puts them are left out."""
        best = None
        for index, prefix in self.candidates:
            step = self.steps[index]
            # Count first: the positions are gathered only for the anchor chosen.
            positions = view.positions(step.attr)
            count = sum(len(positions.get(h, ())) for h in step.hashes)
            if not count:
                return None
            cost = count * (prefix[1] - prefix[0] + 1)
            if best is None or cost < best[0]:
                best = (cost, step, prefix, index)
        if best is None:
            return None
        hits = view.positions_of(best[1].attr, best[1].hashes)
        for step, low, high in self.companions[best[3]]:
            where = view.positions_of(step.attr, step.hashes)
            hits = [p for p in hits if _any_between(where, p + low, p + high)]
            if not hits:
                return None
        return hits, best[2]

    def match_at(self, view: TokenView, start: int) -> int:
        """The end of the longest match starting at ``start``, or -1."""
        return _match(view, self.steps, 0, start)


def _any_between(sorted_positions: list[int], low: int, high: int) -> bool:
    at = bisect_left(sorted_positions, low)
    return at < len(sorted_positions) and sorted_positions[at] <= high


def _match(view: TokenView, steps: tuple[Step, ...], index: int, position: int) -> int:
    if index == len(steps):
        return position
    step = steps[index]
    count = 0
    positions = [position] if step.min == 0 else []
    while count < step.max and position + count < view.length and step.test(view, position + count):
        count += 1
        if count >= step.min:
            positions.append(position + count)
    for candidate in reversed(positions):  # greedy: longest first
        end = _match(view, steps, index + 1, candidate)
        if end >= 0:
            return end
    return -1


class EntryMatcher:
    """Finds every phrase and pattern of a group of lexicon entries in a Doc."""

    def __init__(self, vocab: Vocab, tokenizer, entries: Iterable[Entry]):
        self.entries = {entry.id: entry for entry in entries}
        self._phrases = PhraseMatcher(vocab, attr="LOWER")
        self._patterns: list[AnchoredPattern] = []
        for entry in self.entries.values():
            if entry.phrases:
                # Through the tokenizer on purpose: it caches each chunk it tokenizes, but
                # inside a document it stops caching after the first special case (spaCy
                # #1250), so common words often stay uncached. Tokenizing the lexicon's
                # everyday words here once made checking whole pages ~35% faster.
                self._phrases.add(entry.id, list(tokenizer.pipe(with_apostrophe_variants(entry.phrases))))
            for pattern in entry.patterns:
                self._patterns.append(AnchoredPattern.build(entry.id, compile_pattern(pattern)))
        self._strings = vocab.strings

    def __call__(self, doc: Doc) -> Iterator[tuple[Entry, int, int]]:
        strings = self._strings
        for key, start, end in self._phrases(doc):
            yield self.entries[strings[key]], start, end
        if not self._patterns:
            return
        seen = set()
        view = TokenView(doc)
        for pattern in self._patterns:
            found = pattern.anchor_hits(view)
            if found is None:
                continue
            hits, (low, high) = found
            tried = set()
            for anchor_at in hits:
                for start in range(max(0, anchor_at - high), anchor_at - low + 1):
                    if start in tried:
                        continue
                    tried.add(start)
                    end = pattern.match_at(view, start)
                    if end > start and (pattern.entry_id, start, end) not in seen:
                        seen.add((pattern.entry_id, start, end))
                        yield self.entries[pattern.entry_id], start, end


def longest_first(matches: Iterable[tuple[Entry, int, int]], keep_equal: bool = False) -> list[tuple[Entry, int, int]]:
    """Drop matches nested in a longer one ("clinically proven" over "proven"). With
    ``keep_equal``, entries that match the very same words are all kept: one phrase can say
    two things ("safer than" claims safety and a comparison)."""
    ordered = sorted(matches, key=lambda m: (m[1], -(m[2] - m[1])))
    kept: list[tuple[Entry, int, int]] = []
    taken_until = -1
    for match in ordered:
        if match[2] <= taken_until:
            if not (keep_equal and kept and kept[-1][1:] == match[1:]):
                continue
        kept.append(match)
        taken_until = match[2]
    return kept


# -- Doc arrays shared by the components -------------------------------------------


def token_chars(doc) -> tuple[list[int], list[int]]:
    """Start and end character offsets of every token, read once as arrays: indexing the
    Doc token by token was the largest single cost of the claims component."""
    if not len(doc):
        return [], []
    cached = doc.user_data.get("hl_token_chars")
    if cached is not None and len(cached[0]) == len(doc):
        return cached
    array = doc.to_array([IDX, LENGTH]).astype(numpy.int64)
    chars = array[:, 0].tolist(), (array[:, 0] + array[:, 1]).tolist()
    doc.user_data["hl_token_chars"] = chars  # the Doc's tokens do not change after the tokenizer
    return chars


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds the string token by token on every
    access, which cost about a quarter of a whole check when two components each read it."""
    text = doc.user_data.get("hl_text")
    if text is None:
        text = doc.user_data["hl_text"] = doc.text
    return text
