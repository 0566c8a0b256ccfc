"""The language data the NLP components match: cue phrases and token patterns.

Each file in ``rules/lexicon/`` holds ``[[entry]]`` tables. The words live here, in data a
reviewer can edit; the components (code) only know the *kinds* of cue. Loading is strict:
an unknown key, an attribute value outside its closed set, a duplicate id or an entry
with nothing to match is an error naming the file and the entry.

Entry keys:
- ``id``: unique across the lexicon, e.g. ``"speed.rapid"``;
- ``phrases``: literal phrases, matched case-insensitively on whole tokens;
- ``forms``: ``"exact"`` (default), ``"verb"`` or ``"noun"``: also match the inflected forms
  of single-word phrases (cure → cures, cured, curing), so reviewers list the lemma once;
- ``patterns``: spaCy Matcher token patterns, for cues with gaps or alternatives; a word a
  step names that the tokenizer splits ("can't", "FDA-approved") matches its run of tokens
  (``nlp.lexmatch.tokenized_patterns``);
- one attribute per file kind (see ``FILE_KINDS``), and the optional ones of ``OPTIONAL``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from .errors import DataError

# file stem -> (attribute -> allowed values). Every entry of the file must set each attribute.
FILE_KINDS: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "effects": {"strength": ("possibility", "efficacy", "certainty"), "role": ("effect", "evidence", "implied")},
    "qualifiers": {"qualifier": ("speed", "durability", "safety", "comparison", "breadth", "hype", "approval", "legality",
                                 "no-prescription")},
    "context": {"category": ("negated", "hedged", "hypothetical", "distanced", "attributed", "historical", "pseudo", "terminate",
                             "rhetorical"),
                "direction": ("forward", "backward", "both")},
    "caveats": {"kind": ("adverse-effects", "contraindications", "supervision", "evidence-status", "legal-status", "commerce",
                         "prescriber", "negator", "question", "rhetorical", "lookalike", "held-by", "named-who"),
                "level": ("full", "partial")},
    # `comparator`: words that make the intervention named right after them the thing
    # compared with, not the subject ("works better than semaglutide"); `comparator-after`: the
    # same for the intervention named right before them ("natural Ozempic alternatives");
    # `trace`: an amount that says a product holds none of the intervention named right after
    # it ("0.0% THC", "zero THC"), which is then no mention.
    "products": {"kind": ("product", "pronoun", "comparator", "comparator-after", "other-treatment", "trace")},
    # Phrases that contain a claim cue but claim nothing ("treatment-resistant", "NIH-
    # supported studies"): matched with the cues, they win as the longer match.
    # `condition`: a condition's name used as a modifier ("flu season", "cancer centre"),
    # which names no condition the sentence claims anything about.
    "lookalikes": {"looks_like": ("effect", "qualifier", "jurisdiction", "condition")},
    # Places a status claim can be about ("legal in Canada"); "elsewhere" for places the
    # status table does not cover (a US state, Peru), where a claim cannot be checked.
    "jurisdictions": {"jurisdiction": ("US", "UK", "EU", "CA", "AU", "elsewhere")},
    "strength": {"signal": ("causal", "association", "comparison", "conditional", "negation", "relative", "neutral")},
})
# file stem -> optional attributes an entry may set, and their type:
# - context `max_scope`: ConText's per-rule scope, as in medspaCy ("some human studies of X
#   in patients with Y have shown ..." puts its effect word further from the trigger); 0: the
#   trigger flags only the cues it overlaps (a word in scare quotes); context `through_relative`:
#   the scope reaches over a relative clause ("in one small trial, adults who took X had ...");
# - effects `implies`: the id of the condition an effect names by itself ("lost 17 pounds"
#   is about weight), used where the sentence names no condition; effects `before_condition`:
#   the cue counts only when a condition's name starts within that many tokens after it
#   ("less angina", "fewer migraines", but not "less expensive"); `after_condition`: only
#   when a condition's name ends within that many tokens before it ("my melasma gone"; 0:
#   right before it); `not_after`: words that, right before the cue, make it no claim ("approved
#   for", "sold for": a status or a use told, not an effect); `needs_subject`: a state told of
#   a person ("14 months clean") claims only beside a named intervention or product, or
#   another cue.
# - caveats `states`: what else the caveat states ("approval": for a substance no selected
#   jurisdiction controls, saying it is not approved states its legal status too); caveats
#   `names`: the risks a cue can name, as word beginnings ("nause|vomit" is one risk told two
#   ways); such a cue states an intervention's risks only when its corpus caveat lists one;
#   caveats `bare_name`: a risk's bare name, which does not make its sentence a caveat; caveats
#   `needs`: word beginnings one of which the cue's sentence (or the one before) must hold for
#   the cue to be full ("do not take" says who or with what), else it is partial; caveats
#   `answered_no`: the cue counts only in a yes/no question the next sentence answers "no"
#   ("Is it approved by the FDA? No, and it never will be." states that it is not approved);
#   caveats `generic`: a risk told in general words ("can cause"), which names the risks the
#   cues after it name when nothing else follows it but stop words and the words listed
#   ("may cause mild drowsiness").
# - qualifiers `beside_condition`: the qualifier claims an effect without an effect word when
#   the sentence names a condition ("a miracle for insomnia", "nature's Xanax for anxiety",
#   "Cools hot flashes in as little as 7 days": praise, a comparison, a time to an outcome);
# - lookalikes `silences`: the qualifiers ("speed") that the phrase voids anywhere in its
#   clause, not only inside it ("after a single infusion the benefit wears off within days"
#   times an effect's end, not its onset); such a phrase hides no other cue inside it.
OPTIONAL: Mapping[str, Mapping[str, type]] = MappingProxyType({"context": {"max_scope": int, "through_relative": bool}, "effects": {"implies": str, "before_condition": int, "after_condition": int, "not_after": list, "needs_subject": bool},
                                                             "caveats": {"states": str, "names": list, "bare_name": bool,
                                                                         "needs": list, "answered_no": bool, "generic": list},
                                                             "qualifiers": {"beside_condition": bool},
                                                             "lookalikes": {"silences": list}})
BASE_KEYS = {"id", "phrases", "patterns", "forms", "note"}
FORMS = ("exact", "verb", "noun")
_PATTERN_KEYS = {"ORTH", "LOWER", "TEXT", "IS_DIGIT", "IS_ALPHA", "IS_PUNCT", "LIKE_NUM", "IS_SPACE", "OP", "IS_TITLE", "IS_UPPER"}


@dataclass(frozen=True)
class Entry:
    id: str
    file: str
    phrases: tuple[str, ...]
    patterns: tuple[tuple[Mapping, ...], ...]
    attrs: Mapping[str, str | int]

    def __getitem__(self, key: str):
        return self.attrs[key]

    def get(self, key: str, default=None):
        return self.attrs.get(key, default)


@dataclass(frozen=True)
class Lexicon:
    entries: Mapping[str, Entry]

    def of(self, file_kind: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries.values() if e.file == file_kind)


def inflect(word: str, forms: str) -> list[str]:
    """Regular English inflections of a single lower-case word (over-generation is harmless)."""
    if forms == "exact" or " " in word or not word.isalpha():
        return [word]
    out = {word}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        out.add(word[:-1] + "ies")
        if forms == "verb":
            out.add(word[:-1] + "ied")
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        out.add(word + "es")
    else:
        out.add(word + "s")
    if forms == "verb":
        stem = word[:-1] if word.endswith("e") else word
        out.update({stem + "ed", stem + "ing"})
        # stop -> stopped, control -> controlled: a final consonant after one vowel doubles
        # (listed both ways; the form that is not English never occurs)
        if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
            out.update({word + word[-1] + "ed", word + word[-1] + "ing"})
        if word.endswith("e"):
            out.add(word + "d")
    return sorted(out)


def plural_of_last_word(phrase: str) -> list[str]:
    """The phrase with its last word in the regular plural ("torn tendon" -> "torn
    tendons"), or nothing where that word already ends in s, is no plain lower-case word
    (abbreviations: "BPH", "COVID-19") or is too short to be a noun worth inflecting."""
    head, _, last = phrase.rpartition(" ")
    if len(last) < 3 or not last.isalpha() or not last.islower() or last.endswith("s"):
        return []
    plurals = [form for form in inflect(last, "noun") if form != last]
    return [f"{head} {form}" if head else form for form in plurals]


def singular_of_last_word(phrase: str) -> list[str]:
    """A phrase of two or more words with its last word in the regular singular ("dark
    spots" -> "dark spot", "hot flashes" -> "hot flash"), or nothing. Single words are left
    alone: their singular is often another word ("piles", "hives", "blues", "fits")."""
    head, _, last = phrase.rpartition(" ")
    if not head or len(last) < 4 or not last.isalpha() or not last.islower() or not last.endswith("s") \
            or last.endswith(("ss", "us", "is")):
        return []
    if last.endswith("ies"):
        stem = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "xes", "sses")):
        stem = last[:-2]
    else:
        stem = last[:-1]
    return [f"{head} {stem}"]


def _fail(path: Path, entry_id: str, message: str) -> DataError:
    return DataError(f"{path}: entry '{entry_id}': {message}")


def _check_pattern(path: Path, entry_id: str, pattern) -> tuple[Mapping, ...]:
    if not isinstance(pattern, list) or not pattern:
        raise _fail(path, entry_id, "each pattern must be a non-empty list of token tables")
    for token in pattern:
        if not isinstance(token, dict):  # {} is any one token
            raise _fail(path, entry_id, "each pattern token must be a table such as {LOWER = \"fast\"}")
        unknown = set(token) - _PATTERN_KEYS
        if unknown:
            raise _fail(path, entry_id, f"unknown token key(s) {sorted(unknown)}")
    from .nlp.lexmatch import AnchoredPattern, compile_pattern

    try:  # (an OP other than ?, *, +, {n} or {n,m} is refused here too)
        AnchoredPattern.build(entry_id, compile_pattern(pattern))
    except ValueError as exc:
        raise _fail(path, entry_id, str(exc)) from None
    return tuple(MappingProxyType(dict(t)) for t in pattern)


def load_lexicon_file(path: Path) -> list[Entry]:
    kind = path.stem
    if kind not in FILE_KINDS:
        raise DataError(f"{path}: unknown lexicon file (expected one of: {', '.join(FILE_KINDS)})")
    attributes = FILE_KINDS[kind]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path}: invalid TOML: {exc}") from None
    unknown_top = set(data) - {"entry"}
    if unknown_top:
        raise DataError(f"{path}: unknown top-level key(s) {sorted(unknown_top)} (expected [[entry]] tables)")
    entries = []
    for index, raw in enumerate(data.get("entry", []), start=1):
        entry_id = str(raw.get("id", f"#{index}"))
        if "id" not in raw:
            raise _fail(path, entry_id, "missing 'id'")
        optional = OPTIONAL.get(kind, {})
        unknown = set(raw) - BASE_KEYS - set(attributes) - set(optional)
        if unknown:
            raise _fail(path, entry_id, f"unknown key(s) {sorted(unknown)}")
        attrs = {}
        for name, wanted in optional.items():
            if name in raw:
                value = raw[name]
                # a scope of 0: only the cues the trigger overlaps; after_condition 0: the
                # condition's name ends right before the cue
                lowest = 0 if name in ("max_scope", "after_condition") else 1
                if wanted is int and (isinstance(value, bool) or not isinstance(value, int) or not lowest <= value <= 200):
                    raise _fail(path, entry_id, f"'{name}' must be a whole number from {lowest} to 200 (got {value!r})")
                if wanted is bool and not isinstance(value, bool):
                    raise _fail(path, entry_id, f"'{name}' must be true or false (got {value!r})")
                if wanted is str and not (isinstance(value, str) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value)):
                    raise _fail(path, entry_id, f"'{name}' must be an id such as \"weight-loss\" (got {value!r})")
                if wanted is list:
                    if not (isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)):
                        raise _fail(path, entry_id, f"'{name}' must be a list of words (got {value!r})")
                    value = tuple(v.lower() for v in value)
                    qualifiers = FILE_KINDS["qualifiers"]["qualifier"]
                    if name == "not_after" and any(len(v.split()) != 1 for v in value):
                        raise _fail(path, entry_id, f"'not_after' lists single words, the token right before the cue "
                                                    f"(got {list(value)!r})")
                    if name == "silences" and not set(value) <= set(qualifiers):
                        raise _fail(path, entry_id, f"'silences' names qualifiers, one or more of {', '.join(qualifiers)} "
                                                    f"(got {list(value)!r})")
                attrs[name] = value
        for name, allowed in attributes.items():
            value = raw.get(name)
            if value is None and len(allowed) == 1:
                value = allowed[0]
            if value not in allowed:
                raise _fail(path, entry_id, f"'{name}' must be one of {', '.join(allowed)} (got {value!r})")
            attrs[name] = value
        forms = raw.get("forms", "exact")
        if forms not in FORMS:
            raise _fail(path, entry_id, f"'forms' must be one of {', '.join(FORMS)}")
        phrases = raw.get("phrases", [])
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise _fail(path, entry_id, "'phrases' must be a list of non-empty strings")
        expanded: list[str] = []
        for phrase in phrases:
            for form in inflect(phrase.strip().lower(), forms):
                if form not in expanded:
                    expanded.append(form)
        patterns = tuple(_check_pattern(path, entry_id, p) for p in raw.get("patterns", []))
        if not expanded and not patterns:
            raise _fail(path, entry_id, "has neither 'phrases' nor 'patterns'")
        entries.append(Entry(entry_id, kind, tuple(expanded), patterns, MappingProxyType(attrs)))
    return entries


def load_lexicon_dir(folder: Path) -> Lexicon:
    entries: dict[str, Entry] = {}
    for path in sorted(folder.glob("*.toml")):
        for entry in load_lexicon_file(path):
            if entry.id in entries:
                raise _fail(path, entry.id, "duplicate id (ids are unique across the lexicon)")
            entries[entry.id] = entry
    return Lexicon(MappingProxyType(entries))


@lru_cache(maxsize=4)
def load_lexicon(folder: str | None = None) -> Lexicon:
    """The lexicon shipped in ``rules/lexicon`` (or the given folder), loaded once."""
    from .resources import data_dir

    return load_lexicon_dir(Path(folder) if folder else data_dir("rules") / "lexicon")
