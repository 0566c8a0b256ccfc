"""Claim strength of a scientific conclusion, by rules over the lexicon.

The scale is that of Sumner et al. (BMJ 2014), used by the InSciOut data set
(``bench/insciout.py`` measures this module against its expert labels):

* 0 — no relationship stated (a description, or a relationship denied: "was not
  associated with", "failed to improve"; InSciOut's annotators rate the relationship the
  text *states*, and a denied one is not stated);
* 1 — correlational ("is associated with", "linked to", "are more likely to", "higher
  rates of Y than");
* 2 — conditional causal ("may reduce", "could lead to", "has the potential to prevent");
* 3 — direct causal ("reduces", "causes", "leads to", "improved").

Cues come from three lexicon files, matched on ``spacy.blank("en")`` tokens by two
``EntryMatcher`` s built once (strength.toml's own, and the entries reused from the others):

* ``strength.toml`` (``signal``: causal / association / comparison / conditional /
  negation / relative / neutral, described in the file);
* ``effects.toml`` — its effect *verbs* (entries listed with ``forms = "verb"``: cure,
  reduce, improve, prevent, help ...) are causal cues;
* ``context.toml`` — ``hedged`` cues are conditional, ``negated`` cues are negations
  (those that look backward or both ways, "had no effect", "is unproven", deny a
  relationship by themselves),
  ``pseudo`` cues ("not only") are neutral and ``terminate`` cues ("but", "however", ";")
  end a clause.

Where cues overlap, the longest wins (``longest_first``: "more likely" over "likely",
"increased risk" over "increased"); on the very same words strength.toml wins, which is how
its ``neutral`` entries mask a marketing hedge that is only a reporting verb in science
("suggests").

Rules, read left to right inside each clause (a clause ends at a sentence end, a
``terminate`` cue or a ``relative`` cue):

0. (before the rules) a causal word used as an adjective is not a verb (``_as_adjective``): a
   participle right after a determiner, a possessive or "with" describes a noun ("with
   increased atherogenicity", "the improved technology"): neutral; right after "show",
   "exhibit", "display" or "demonstrate" it reports a measured difference ("show increased
   reactivity"): a comparison. "lower" after a determiner, "with" or a verb "be" is the
   comparative adjective ("death rates are lower for"): a comparison;
1. a hedge opens a *conditional scope* for the rest of the clause (at most
   ``HEDGE_REACH`` tokens); a causal cue inside it is a conditional claim (2);
2. an association or comparison cue is a correlational claim (1). Every relationship cue
   opens an *object scope* (``OBJECT_REACH`` tokens): after an association, a causal-looking
   word is the thing associated ("associated with increased activity"); after any claim, a
   comparison is its object ("lowered pain scores compared with placebo"): no second claim;
3. a negation denies the next relationship cue within ``NEGATION_REACH`` tokens: that
   claim is "no relationship" (0), as is a denial cue ("had no effect");
4. any other causal cue is a direct claim (3);
5. a hedge with no relationship cue of the main clause in its clause ("could be the key",
   "may be efficacious", "mothers who are at risk could be offered") is a conditional claim (2);
6. a claim inside a relative clause ("medicines which increase dopamine may help",
   "care measures known to improve survival", and a study's aim: "a study to investigate the
   impact of") is background: the annotators rate what the main clause states, so it never
   decides — except in a relative clause (not an aim) opening the sentence (its word within
   ``SUBJECT_REACH`` tokens of the start: "Children who eat breakfast do better at school
   than ..."), whose end is often not marked by any word this module knows: there it
   decides when the text has no other claim. A relative clause ends at a comma, at a hedge (its modal is the main
   verb), at a finite "is/are/was/were/has/have/had" that does not open it ("Teenagers who
   sleep less are more likely to ...") and after its one claim: the next relationship cue,
   unless it is the very next word ("who maintain clear boundaries") or follows "and"/"or",
   is the main verb's ("a protein which shapes X also drives Y"). A causal word opening the
   hedge's clause is the subject of the hedged verb ("Cutting salt might prevent strokes"),
   so background too.

Precedence when a text makes several claims (a conclusion often states a finding, then
speculates about it): a direct causal claim (3) decides; otherwise a correlational one (1)
— "X was associated with Y, and may cause Z" reports a correlation and a hypothesis, and
InSciOut's annotators rate it 1; otherwise a conditional one (2); otherwise, if a
relationship was denied, 0. A text with no cue at all gets ``NO_CUE_LEVEL``.

This is about the wording only: it does not know whether the study design supports it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from .lexicon import Entry, load_lexicon
from .nlp.lexmatch import EntryMatcher, longest_first

HEDGE_REACH = 20  # tokens a hedge governs: the rest of its clause, within reason ("could significantly cut")
OBJECT_REACH = 20  # tokens after a relationship cue whose cue words are its object (rule 2)
NEGATION_REACH = 6  # tokens between a negation and the relationship it denies
RELATIVE_OBJECT = 1  # tokens after a relative clause's claim that are still its object ("who maintain clear boundaries")
SUBJECT_REACH = 5  # a relative word this close to its sentence's start is in the subject ("Children who eat ...")
BARE_HEDGE = True  # rule 5
PRECEDENCE = (3, 1, 2, 0)
NO_CUE_LEVEL = 0  # no relationship word found: nothing stated (measured on InSciOut's train part)

LEVELS = {0: "no relationship", 1: "correlational", 2: "conditional causal", 3: "direct causal"}
_SENTENCE_END = {".", "!", "?"}
# Closed word classes of rules 0 and 6 (grammar, not lexicon: they are the same in any field).
FINITE = {"is", "are", "was", "were", "has", "have", "had"}  # main verbs ending a relative clause (rule 6)
CONJUNCTIONS = {"and", "or"}  # join a relative clause's verbs ("which lower X and reduce Y"): rule 6
DESCRIBES = {"a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "with", "without"}
SHOWS = {"show", "shows", "showed", "shown", "showing", "exhibit", "exhibits", "exhibited", "exhibiting",
         "display", "displays", "displayed", "displaying", "demonstrate", "demonstrates", "demonstrated"}
COPULAS = {"is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained"}
AIM = "strength.relative.aim"  # a study's aim: background that never decides (rule 6)
COMPARATIVES = {"lower"}  # the comparative adjective that is also an effect verb (rule 0)

Exaggeration = Literal["same", "exaggerates", "downplays"]


@dataclass(frozen=True)
class Cue:
    signal: str  # causal | association | comparison | conditional | negation | denial | relative | neutral
    # | boundary, and the word-class marks of rule 6: comma | finite | conjunction
    text: str
    start: int  # token offsets in the text's Doc
    end: int
    entry: str  # lexicon entry id


@dataclass(frozen=True)
class Claim:
    level: int  # 0-3, see LEVELS
    cue: Cue  # the relationship cue (or the bare hedge)
    modifier: Cue | None  # the hedge or negation that set the level
    background: bool = False  # in a relative clause ("medicines which increase dopamine")
    in_subject: bool = False  # background, in a relative clause opening its sentence ("Children who ...")


@dataclass(frozen=True)
class StrengthEstimate:
    level: int
    claims: tuple[Claim, ...]  # every claim found, in text order
    decided_by: Claim | None  # the claim whose level was chosen (None: no cue)

    @property
    def label(self) -> str:
        return LEVELS[self.level]

    def explain(self) -> str:
        if self.decided_by is None:
            return f"{self.level} ({self.label}): no relationship cue"
        claim = self.decided_by
        why = f"'{claim.cue.text}'"
        if claim.modifier is not None:
            why = f"'{claim.modifier.text}' ({claim.modifier.signal}) + {why}"
        return f"{self.level} ({self.label}): {why}"


def _signal(entry: Entry) -> str | None:
    """What a matched entry contributes, or None for entries this module ignores."""
    if entry.file == "strength":
        return entry["signal"]
    if entry.file == "effects":
        return "causal"
    if entry.file == "context":
        if entry["category"] == "negated" and entry["direction"] != "forward":
            return "denial"  # "had no effect", "is unproven": a denied relationship by itself
        return {"hedged": "conditional", "negated": "negation", "pseudo": "neutral", "terminate": "boundary"}.get(
            entry["category"])
    return None


def _is_verb_entry(entry: Entry) -> bool:
    """An effects.toml entry listed with ``forms = "verb"``: its phrases include -ed forms."""
    phrases = set(entry.phrases)
    return any(p + "ed" in phrases or p + "d" in phrases or p[:-1] + "ied" in phrases for p in phrases)


def _as_adjective(doc, cue: Cue) -> Cue:
    """Rule 0: a causal participle used as an adjective. After a determiner or "with" it
    describes a noun ("with increased atherogenicity", "the improved technology"): neutral;
    after "show" and its kin it reports a measured difference ("show increased reactivity"):
    a comparison."""
    if cue.signal != "causal" or cue.end - cue.start != 1 or cue.start == 0:
        return cue
    word, before = doc[cue.start].lower_, doc[cue.start - 1].lower_
    if word in COMPARATIVES:  # "lower": the adjective after a determiner, "with" or a verb "be"
        return replace(cue, signal="comparison") if before in DESCRIBES | SHOWS | COPULAS else cue
    if not word.endswith("ed"):
        return cue
    if before in SHOWS:
        return replace(cue, signal="comparison")
    if before in DESCRIBES:
        return replace(cue, signal="neutral")
    return cue


class StrengthClassifier:
    """Rate the claim strength of a conclusion: ``StrengthClassifier()(text).level``."""

    def __init__(self, lexicon_folder: str | None = None):
        import spacy

        lexicon = load_lexicon(lexicon_folder)
        effects = [e for e in lexicon.of("effects") if e["role"] == "effect" and _is_verb_entry(e)]
        context = [e for e in lexicon.of("context") if _signal(e) is not None]
        self._nlp = spacy.blank("en")
        # strength.toml first: on equal spans longest_first keeps the first (a stable sort).
        self._own = EntryMatcher(self._nlp.vocab, self._nlp.tokenizer, lexicon.of("strength"))
        self._reused = EntryMatcher(self._nlp.vocab, self._nlp.tokenizer, effects + context)

    def cues(self, doc) -> list[Cue]:
        own = sorted(self._own(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        reused = sorted(self._reused(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        kept = longest_first(own + reused)
        cues = [_as_adjective(doc, Cue(_signal(e), doc[s:t].text, s, t, e.id)) for e, s, t in kept]
        ends = [Cue("boundary", t.text, t.i, t.i + 1, "sentence-end") for t in doc if t.text in _SENTENCE_END]
        ends += [Cue("comma", t.text, t.i, t.i + 1, "comma") for t in doc if t.text == ","]
        ends += [Cue("finite", t.text, t.i, t.i + 1, "finite") for t in doc if t.lower_ in FINITE]
        ends += [Cue("conjunction", t.text, t.i, t.i + 1, "conjunction") for t in doc if t.lower_ in CONJUNCTIONS]
        return sorted(cues + ends, key=lambda c: c.start)

    def claims(self, cues: list[Cue]) -> list[Claim]:
        """The claims of a text, in order (rules 1-6 of the module docstring; rule 0 is in ``cues``)."""
        claims: list[Claim] = []
        hedge = negation = scope = None  # scope: the claim whose object the next words are
        background = in_subject = False  # inside a relative clause; one opening its sentence
        clause_claims = clause_start = sentence_start = 0
        conjunction_end = -1  # where the last "and"/"or" ends

        def add(level: int, cue: Cue, modifier: Cue | None) -> Claim:
            claim = Claim(level, cue, modifier, background, background and in_subject)
            claims.append(claim)
            return claim

        for cue in cues + [Cue("boundary", "", 10**9, 10**9, "end")]:
            if cue.signal in ("boundary", "relative"):
                if BARE_HEDGE and hedge is not None and not clause_claims:
                    add(2, hedge, None)  # rule 5: a hedge with nothing to hedge
                hedge = negation = scope = None
                background = cue.signal == "relative"
                in_subject = background and cue.start - sentence_start <= SUBJECT_REACH and cue.entry != AIM
                clause_start = cue.end
                if cue.signal == "boundary":
                    sentence_start = cue.end
                clause_claims = 0
                continue
            if cue.signal == "neutral":
                continue
            if cue.signal == "conjunction":
                conjunction_end = cue.end
                continue
            if cue.signal == "finite":
                if cue.start > clause_start:
                    background = False  # "Teenagers who sleep less are more likely": the main verb
                continue
            if cue.signal == "comma":
                background = False  # a relative clause ends at a comma ("X, which cuts Y, was ...")
                continue
            if cue.signal == "conditional":
                hedge = cue
                # rule 6: "Cutting salt might prevent strokes", "Drugs which lower cholesterol
                # may help": a causal word opening the clause is the subject of the hedged verb,
                # and a modal after a relative clause is the main verb.
                subjects = [i for i, c in enumerate(claims)
                            if c.cue.start == clause_start and c.level == 3 and not c.background]
                for i in subjects:
                    claims[i] = replace(claims[i], background=True)
                clause_claims -= len(subjects)
                background = False
                continue
            if cue.signal == "negation":
                negation = cue
                continue
            # a relationship cue: causal, association, comparison or denial
            negated = negation is not None and cue.start - negation.end <= NEGATION_REACH
            if scope is not None and cue.start - scope.cue.end <= OBJECT_REACH and (
                    scope.cue.signal == "association" or cue.signal == "comparison"):
                continue  # rule 2: the object of the claim before it
            if background and claims and claims[-1].background and claims[-1].cue.start >= clause_start \
                    and cue.start - claims[-1].cue.end > RELATIVE_OBJECT and cue.start != conjunction_end:
                background = False  # a relative clause holds one claim: the next is the main verb's
            clause_claims += not background  # rule 5 asks for a claim of the main clause
            if cue.signal == "denial":  # "had no effect": also denies what it overlaps or follows
                scope = add(0, cue, None)
                negation = cue
            elif negated:
                scope = add(0, cue, negation)
            elif cue.signal in ("association", "comparison"):
                scope = add(1, cue, None)
            elif hedge is not None and cue.start - hedge.end <= HEDGE_REACH:
                scope = add(2, cue, hedge)
            else:
                scope = add(3, cue, None)
        return claims

    def __call__(self, text: str) -> StrengthEstimate:
        doc = self._nlp.make_doc(text)
        claims = self.claims(self.cues(doc))
        for pool in ([c for c in claims if not c.background], [c for c in claims if c.in_subject]):
            for level in PRECEDENCE:
                for claim in pool:
                    if claim.level == level:
                        return StrengthEstimate(level, tuple(claims), claim)
        return StrengthEstimate(NO_CUE_LEVEL, tuple(claims), None)


@lru_cache(maxsize=2)
def classifier(lexicon_folder: str | None = None) -> StrengthClassifier:
    """One classifier per lexicon folder (building it loads spaCy and the lexicon)."""
    return StrengthClassifier(lexicon_folder)


def exaggeration(press_level: int, abstract_level: int) -> Exaggeration:
    """InSciOut's label for a press release against its paper's abstract: stronger wording
    in the release exaggerates, weaker downplays (how its labels relate to its strengths)."""
    for level in (press_level, abstract_level):
        if level not in LEVELS:
            raise ValueError(f"strength levels are 0-3, got {level!r}")
    if press_level > abstract_level:
        return "exaggerates"
    if press_level < abstract_level:
        return "downplays"
    return "same"
