"""Match lexicon entries (phrases and token patterns) against a Doc.

Phrases go to one case-insensitive PhraseMatcher. Token patterns use a subset of spaCy's
Matcher syntax (``{}`` for any token, ``LOWER``/``ORTH``/``TEXT`` as a string or ``{IN = [...]}``, ``LIKE_NUM``,
``IS_DIGIT``, ``IS_PUNCT``, ``IS_ALPHA``, ``IS_TITLE``, ``IS_UPPER``, ``IS_SPACE``; ``OP``
``?``, ``*``, ``+``, ``{n}``, ``{n,m}``), so a pattern written here also works in spaCy's Matcher. We run them
ourselves, anchored: on each Doc a pattern is tried only where the rarest of its required
literal steps occurs (from the Doc's words, grouped once per Doc), and not at all when
one of them is absent (counted for all of a matcher's patterns at once, in numpy). Measured
on the example page, spaCy's Matcher cost 0.2-1 ms per pattern per page even for one-token
patterns, more than the tokenizer for the whole page; anchored matching costs a few
microseconds per anchor hit.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator, Mapping

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER, LENGTH, LIKE_NUM, LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import DataError
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
        self._firsts: numpy.ndarray | None = None  # the phrases' first words, sorted

    def add(self, key: str, phrases: Iterable[str]) -> None:
        for phrase in with_apostrophe_variants(phrases):
            hashes = tuple(hash_string(w.lower()) for w in phrase_words(self._tokenizer, phrase))
            if hashes and hashes not in self._phrases:
                self._phrases[hashes] = key
                self._lengths.setdefault(hashes[0], set()).add(len(hashes))

    def __call__(self, doc: Doc) -> Iterator[tuple[str, int, int]]:
        if not len(doc) or not self._phrases:
            return
        firsts = self._firsts
        if firsts is None or len(firsts) != len(self._lengths):  # (phrases added since)
            firsts = self._firsts = numpy.array(sorted(self._lengths), dtype=numpy.uint64)
        # Only where a phrase's first word occurs, found from the Doc's distinct words (a
        # searchsorted in numpy, shared with the pattern matchers): a dict look-up per token
        # cost more.
        view = TokenView(doc)
        distinct, _, begins, ends, grouped = view.words("lower")
        at = numpy.searchsorted(firsts, distinct)
        at[at == len(firsts)] = 0
        starts = [p for u in numpy.flatnonzero(firsts[at] == distinct).tolist() for p in grouped[begins[u]:ends[u]]]
        starts.sort()
        lowers = view.column("lower")
        phrases, lengths = self._phrases, self._lengths
        n = len(lowers)
        for start in starts:
            for length in lengths[lowers[start]]:
                if start + length <= n:
                    key = phrases.get(tuple(lowers[start:start + length]))
                    if key is not None:
                        yield key, start, start + length


MAX_REPEAT = 6  # "*" and "+" match at most this many tokens: keeps a step's work bounded

_WORD_KEYS = ("LOWER", "ORTH", "TEXT")


class SplitWords:
    """How the tokenizer splits the words that pattern steps name (read once per tokenizer:
    ``SplitWords.of``), and the patterns built from them, which every matcher on that
    tokenizer shares (the strength scorer reuses the effect and context entries)."""

    _by_tokenizer: dict[int, "SplitWords"] = {}

    @classmethod
    def of(cls, tokenizer) -> "SplitWords":
        found = cls._by_tokenizer.get(id(tokenizer))
        if found is None or found._tokenizer is not tokenizer:
            found = cls._by_tokenizer[id(tokenizer)] = cls(tokenizer)
        return found

    def built(self, entry_id: str, pattern) -> list["AnchoredPattern"]:
        """The anchored patterns a lexicon pattern becomes (see tokenized_patterns)."""
        key = (entry_id, repr(pattern))
        found = self._built.get(key)
        if found is None:
            try:
                expanded = tokenized_patterns(self, pattern)
            except ValueError as exc:
                raise DataError(f"lexicon entry '{entry_id}': {exc}") from None
            found = self._built[key] = [AnchoredPattern.build(entry_id, compile_pattern(steps))
                                        for steps in expanded or (pattern,)]
        return found

    def __init__(self, tokenizer):
        self._tokenizer = tokenizer
        rules = tokenizer.rules or {}  # (a property that copies the table: read it once)
        self._special = frozenset(k.lower() for k in rules)
        self._seen: dict[tuple[str, bool], list[tuple[str, ...]]] = {}
        self._built: dict[tuple[str, str], list[AnchoredPattern]] = {}
        # The pieces of the special cases ("ca" and "n't" of "can't", "'ve" of "I've"):
        # tokens that exist only beside another one, so a step may name them.
        self.clitics = frozenset(case[ORTH] for cases in rules.values() if len(cases) > 1 for case in cases)

    def tokens(self, word: str, lower: bool) -> list[tuple[str, ...]]:
        """The token sequences the word can be in running text: ``(word,)`` where it is one
        token, else its tokens ("can't" -> ("ca", "n't"); "FDA-approved" -> ("fda", "-",
        "approved")). A LOWER word is tried as written, capitalised and in capitals: "U.S."
        and "CAN'T" are one token where "u.s." and "can't" are two."""
        if word in self.clitics or (lower and word.lower() in self.clitics):
            return [(word,)]
        if word.isalnum() and word.lower() not in self._special:
            return [(word,)]  # (most words: no need to run the tokenizer, which is start-up time)
        found = self._seen.get((word, lower))
        if found is None:
            found = self._seen[word, lower] = self._split(word, lower)
        return found

    def _split(self, word: str, lower: bool) -> list[tuple[str, ...]]:
        sequences = []
        for variant in (word, word.capitalize(), word.upper()) if lower else (word,):
            tokens = tuple(t.text.lower() if lower else t.text for t in self._tokenizer(variant))
            tokens = (word,) if len(tokens) == 1 else tokens
            if tokens not in sequences:
                sequences.append(tokens)
        return sequences


def tokenized_patterns(split: SplitWords, pattern: Iterable[Mapping]) -> list[list[dict]] | None:
    """A lexicon pattern as the tokenizer sees text: a step naming a word the tokenizer
    splits ("can't", "FDA-approved", "has not") could never match one token, so such a word
    becomes its own run of steps, in a pattern of its own; and a word with an apostrophe
    matches its typographic spelling too ("’ve", "doctor’s"). Reviewers write words as they
    read them, as they do in ``phrases``. None where no step changes (nearly all patterns).
    A step that repeats (``*``, ``+``) cannot hold a split word: that is an error naming it; a
    bounded one (``{0,3}``) is read as that many steps."""
    pattern = [copy for token in pattern for copy in _unrolled(token)]
    steps = []  # per step: None (as written) or (key, its one-token words, its runs)
    for token in pattern:
        key = next((k for k in _WORD_KEYS if k in token), None)
        value = token.get(key) if key else None
        listed = not isinstance(value, str)  # ({IN = [...]} or {NOT_IN = [...]}, from TOML: a dict)
        if key is None or (listed and "IN" not in value):  # (NOT_IN: any other token)
            steps.append(None)
            continue
        written = list(dict.fromkeys(value["IN"] if listed else [value]))
        words = list(dict.fromkeys(with_apostrophe_variants(written)))
        single, runs = [], []
        lower = key == "LOWER"
        for word in words:
            for tokens in split.tokens(word, lower):
                if len(tokens) == 1:
                    if word not in single:
                        single.append(word)
                elif tokens not in runs:
                    runs.append(tokens)
        if runs and token.get("OP", "1") not in ("1", "?"):
            raise ValueError(f"'{' '.join(runs[0])}' is more than one token and cannot repeat ({key} with OP "
                             f"{token['OP']}); write its tokens as steps")
        steps.append((key, single, runs) if runs or len(words) > len(written) else None)
    if not any(steps):
        return None
    variants: list[list[dict]] = [[]]
    for token, changed in zip(pattern, steps):
        if changed is None:
            variants = [v + [dict(token)] for v in variants]
            continue
        key, single, runs = changed
        if not runs:  # (only typographic spellings added: the step keeps its OP)
            variants = [v + [{**token, key: {"IN": single}}] for v in variants]
            continue
        choices = [[{key: {"IN": single}}]] if single else []
        # Runs of the same length share one pattern, a word list per position ("ca n't",
        # "wo n't", "did n't" -> {ca, wo, did} {n't}): fewer patterns to build at start-up;
        # the mixed pairs it also allows ("wo not") are words no page writes.
        for length in sorted({len(run) for run in runs}):
            same = [run for run in runs if len(run) == length]
            choices.append([{key: {"IN": sorted({run[i] for run in same})}} for i in range(length)])
        if token.get("OP", "1") == "?":
            choices.append([])
        variants = [v + choice for v in variants for choice in choices]
    return variants


def _unrolled(token: Mapping) -> list[Mapping]:
    """A word step with a bounded OP as the steps it stands for ({"IN": [...], "OP": "{0,3}"}:
    three optional ones), so that a word in it the tokenizer splits becomes a run in each."""
    op = token.get("OP", "1")
    if not op.startswith("{") or not any(k in token for k in _WORD_KEYS):
        return [token]
    low, high = op_bounds(op)
    plain = {k: v for k, v in token.items() if k != "OP"}
    return [plain] * low + [{**plain, "OP": "?"}] * (high - low)


_FLAGS = {"LIKE_NUM": "like_num", "IS_DIGIT": "is_digit", "IS_PUNCT": "is_punct", "IS_ALPHA": "is_alpha",
          "IS_TITLE": "is_title", "IS_UPPER": "is_upper", "IS_SPACE": "is_space"}


_VIEW_ATTRS = (LOWER, ORTH, LIKE_NUM, IS_DIGIT, IS_PUNCT, IS_ALPHA, IS_TITLE, IS_UPPER, IS_SPACE)
_VIEW_NAMES = ("lower", "orth", "like_num", "is_digit", "is_punct", "is_alpha", "is_title", "is_upper", "is_space")


class TokenView:
    """A Doc's token attributes as plain lists, read once: pattern steps test list items
    instead of creating a Token per test (that was most of the matching time)."""

    __slots__ = ("doc", "length", "_columns", "_words")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.length = len(doc)
        # Shared by every matcher that reads this Doc.
        self._columns: dict[str, list[int]] = doc.user_data.setdefault("hl_token_columns", {})
        self._words: dict[str, tuple] = doc.user_data.setdefault("hl_token_words", {})

    def column(self, name: str) -> list[int]:
        values = self._columns.get(name)
        if values is None:  # read on first use: most patterns need only LOWER
            values = self._columns[name] = self._array(name).tolist() if self.length else []
        return values

    def _array(self, name: str) -> numpy.ndarray:
        return self.doc.to_array(_VIEW_ATTRS[_VIEW_NAMES.index(name)])

    def words(self, name: str) -> tuple:
        """The distinct words (hashes, sorted; a numpy array), how often each occurs (numpy),
        where each one's positions begin and end in the last item (lists), and the positions
        grouped by word, each word's in order (a list). Grouped in numpy once per Doc."""
        found = self._words.get(name)
        if found is None:
            values = self._array(name)
            order = numpy.argsort(values, kind="stable")  # stable: each word's positions in order
            ordered = values[order]
            new_word = numpy.empty(len(ordered), dtype=bool)
            new_word[:1] = True
            numpy.not_equal(ordered[1:], ordered[:-1], out=new_word[1:])
            firsts = numpy.flatnonzero(new_word)
            ends = numpy.append(firsts[1:], len(ordered))
            found = self._words[name] = (ordered[firsts], ends - firsts, firsts.tolist(), ends.tolist(), order.tolist())
        return found


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


BOUNDED_OP = re.compile(r"\{(\d+)(?:,(\d+))?\}")  # spaCy's "{n}" and "{n,m}": n (to m) tokens


def op_bounds(op: str) -> tuple[int, int]:
    """The fewest and most tokens a step with this OP takes."""
    fixed = {"1": (1, 1), "?": (0, 1), "*": (0, MAX_REPEAT), "+": (1, MAX_REPEAT)}.get(op)
    if fixed:
        return fixed
    bounded = BOUNDED_OP.fullmatch(op)
    if not bounded or int(bounded.group(2) or bounded.group(1)) < int(bounded.group(1)):
        raise ValueError(f"OP must be one of ?, *, +, {{n}} or {{n,m}} (got {op!r})")
    return int(bounded.group(1)), int(bounded.group(2) or bounded.group(1))


def compile_pattern(pattern: Iterable[Mapping]) -> tuple[Step, ...]:
    steps = []
    for token in pattern:
        low, high = op_bounds(token.get("OP", "1"))
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
    return _merge_runs(steps)


def _merge_runs(steps: list[Step]) -> tuple[Step, ...]:
    """Steps that test the same thing one after another become one step that repeats: ten
    optional words in a row ({OP = "?"} written ten times) match the same tokens as one step of
    0 to 10, but tried one by one they branch 2**10 ways at each anchor."""
    merged: list[Step] = []
    for step in steps:
        last = merged[-1] if merged else None
        if last is not None and (last.attr, last.words, last.flag) == (step.attr, step.words, step.flag):
            merged[-1] = replace(last, min=last.min + step.min, max=last.max + step.max)
        else:
            merged.append(step)
    return tuple(merged)


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


class AnchorTable:
    """Anchor choice for all the patterns of one matcher at once. For each Doc, the hits of
    every required literal step are counted in numpy; a pattern with a step that has none
    cannot match and is skipped without a Python loop over its steps (per pattern that loop
    was most of the matching time); for the rest the anchor with the fewest expected tries
    is chosen, as before: count of its hits x the spread of the steps before it."""

    def __init__(self, patterns: list[AnchoredPattern]):
        self.patterns = patterns
        # Every required literal step (anchor candidates and companions), numbered.
        steps: dict[tuple[str, frozenset], int] = {}
        for pattern in patterns:
            for step in pattern.steps:
                if step.words is not None and step.flag and step.min >= 1:
                    steps.setdefault((step.attr, step.hashes), len(steps))
        self.step_attr = {number: attr for (attr, _), number in steps.items()}
        self.attrs = sorted({attr for attr, _ in steps})
        # Per attribute, the sorted words of those steps; words numbered across attributes.
        self.vocab: dict[str, numpy.ndarray] = {}
        offset, self.vocab_offset = 0, {}
        for attr in self.attrs:
            words = sorted({h for a, hashes in steps if a == attr for h in hashes})
            self.vocab[attr] = numpy.array(words, dtype=numpy.uint64)
            self.vocab_offset[attr] = offset
            offset += len(words)
        self.vocab_size = offset
        # All steps' words in one array, step by step: step_slices[number] is a step's part.
        word_of, step_of, self.step_slices = [], [], []
        for (attr, hashes), number in steps.items():  # (in number order)
            vocab, base = self.vocab[attr], self.vocab_offset[attr]
            first = len(word_of)
            word_of.extend(base + int(numpy.searchsorted(vocab, numpy.uint64(h))) for h in hashes)
            step_of.extend([number] * len(hashes))
            self.step_slices.append(slice(first, len(word_of)))
        self.step_count = len(steps)
        self.word_of = numpy.array(word_of, dtype=numpy.intp)
        self.step_of = numpy.array(step_of, dtype=numpy.intp)
        # Each pattern's candidates as step numbers, all patterns' in one array.
        candidate_steps, self.first_candidate = [], []
        for pattern in patterns:
            self.first_candidate.append(len(candidate_steps))
            candidate_steps.extend(steps[(pattern.steps[i].attr, pattern.steps[i].hashes)] for i, _ in pattern.candidates)
        # Each as an array (for the numpy pass over all patterns) and as a list (read item by
        # item for the few patterns left: a numpy scalar per read costs more).
        self.candidate_steps = numpy.array(candidate_steps, dtype=numpy.intp)
        self.candidate_step_list = candidate_steps
        self.first_candidate_array = numpy.array(self.first_candidate, dtype=numpy.intp)
        self.companion_steps = [{index: tuple((steps[(step.attr, step.hashes)], low, high) for step, low, high in found)
                                 for index, found in pattern.companions.items()} for pattern in patterns]

    def __call__(self, view: TokenView) -> Iterator[tuple[AnchoredPattern, list[int], tuple[int, int]]]:
        """The patterns that can match on this Doc, with the positions of their anchor (left
        where the other required words fit) and the span the steps before it can take."""
        counts = numpy.zeros(self.vocab_size, dtype=numpy.int64)
        doc_word = numpy.full(self.vocab_size, -1, dtype=numpy.intp)  # its index in view.words
        grouped = {}
        for attr in self.attrs:
            distinct, occurrences, _, _, _ = grouped[attr] = view.words(attr)
            vocab = self.vocab[attr]
            if not len(vocab):  # (only steps with an empty word list)
                continue
            at = numpy.searchsorted(vocab, distinct)
            at[at == len(vocab)] = 0
            present = numpy.flatnonzero(vocab[at] == distinct)
            where = at[present] + self.vocab_offset[attr]
            counts[where] = occurrences[present]
            doc_word[where] = present
        step_counts = numpy.bincount(self.step_of, weights=counts[self.word_of], minlength=self.step_count)
        candidate_counts = step_counts[self.candidate_steps]
        alive = numpy.minimum.reduceat(candidate_counts, self.first_candidate_array) > 0
        if not alive.any():
            return
        candidate_counts = candidate_counts.astype(numpy.int64).tolist()
        # Each word of the steps as its index in view.words (-1: not here); a step's words are
        # the slice step_slices[number] of this list.
        doc_words = doc_word[self.word_of].tolist()
        found: dict[int, list[int]] = {}

        def positions_of(number: int) -> list[int]:
            hits = found.get(number)
            if hits is None:
                _, _, firsts, ends, positions = grouped[self.step_attr[number]]
                words = [u for u in doc_words[self.step_slices[number]] if u >= 0]
                if len(words) == 1:  # one word's positions are already in order
                    hits = positions[firsts[words[0]]:ends[words[0]]]
                else:
                    hits = sorted(p for u in words for p in positions[firsts[u]:ends[u]])
                found[number] = hits
            return hits

        for p in numpy.flatnonzero(alive).tolist():
            pattern = self.patterns[p]
            first = self.first_candidate[p]
            best = None
            for k, (index, prefix) in enumerate(pattern.candidates):
                cost = candidate_counts[first + k] * (prefix[1] - prefix[0] + 1)
                if best is None or cost < best[0]:
                    best = (cost, index, prefix, first + k)
            hits = positions_of(self.candidate_step_list[best[3]])
            for number, low, high in self.companion_steps[p][best[1]]:
                where = positions_of(number)
                hits = [h for h in hits if _any_between(where, h + low, h + high)]
                if not hits:
                    break
            if hits:
                yield pattern, hits, best[2]


class EntryMatcher:
    """Finds every phrase and pattern of a group of lexicon entries in a Doc."""

    def __init__(self, vocab: Vocab, tokenizer, entries: Iterable[Entry]):
        self.entries = {entry.id: entry for entry in entries}
        self._phrases = PhraseMatcher(vocab, attr="LOWER")
        self._patterns: list[AnchoredPattern] = []
        split = SplitWords.of(tokenizer)
        for entry in self.entries.values():
            if entry.phrases:
                # Through the tokenizer on purpose: it caches each chunk it tokenizes, but
                # inside a document it stops caching after the first special case (spaCy
                # #1250), so common words often stay uncached. Tokenizing the lexicon's
                # everyday words here once made checking whole pages ~35% faster.
                self._phrases.add(entry.id, list(tokenizer.pipe(with_apostrophe_variants(entry.phrases))))
            for pattern in entry.patterns:
                self._patterns.extend(split.built(entry.id, pattern))
        self._anchors = AnchorTable(self._patterns)
        self._strings = vocab.strings

    def __call__(self, doc: Doc) -> Iterator[tuple[Entry, int, int]]:
        strings = self._strings
        for key, start, end in self._phrases(doc):
            yield self.entries[strings[key]], start, end
        if not self._patterns or not len(doc):
            return
        seen = set()
        view = TokenView(doc)
        for pattern, hits, (low, high) in self._anchors(view):
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


def longest_first(matches: Iterable[tuple[Entry, int, int]], keep_equal: bool = False,
                  keep_nested: Callable[[Entry, Entry], bool] | None = None) -> list[tuple[Entry, int, int]]:
    """Drop matches nested in a longer one ("clinically proven" over "proven"). With
    ``keep_equal``, entries that match the very same words are all kept: one phrase can say
    two things ("safer than" claims safety and a comparison). With ``keep_nested(inner,
    outer)``, a match nested in the longer one that covers it is kept where that says so (a
    safety cue inside a longer comparison: "without making you drowsy, unlike antihistamines"
    claims both), but not one nested in a match kept that way."""
    ordered = sorted(matches, key=lambda m: (m[1], -(m[2] - m[1])))
    kept: list[tuple[Entry, int, int]] = []
    taken_until = nested_until = -1
    outer = None  # the match that reaches taken_until
    for match in ordered:
        if match[2] <= taken_until:
            if keep_equal and kept and kept[-1][1:] == match[1:]:
                pass
            elif keep_nested is not None and match[2] > nested_until and keep_nested(match[0], outer[0]):
                kept.append(match)
                nested_until = match[2]
                continue
            else:
                continue
        kept.append(match)
        if match[2] > taken_until:
            taken_until, outer = match[2], match
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
