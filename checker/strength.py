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
  relationship by themselves; those that look only backward, "is unproven", "remains
  unclear", are *retractions*, see rule 3),
  ``pseudo`` cues ("not only") are neutral and ``terminate`` cues ("but", "however", ";")
  end a clause.

Where cues overlap, the longest wins (``longest_first``: "more likely" over "likely",
"increased risk" over "increased"); on the very same words strength.toml wins, which is how
its ``neutral`` entries mask a marketing hedge that is only a reporting verb in science
("suggests"), or an effect verb of marketing copy that is another word in science writing
("clear evidence", "glycaemic control", "randomised controlled trial").

The rules stand on the annotation scheme, not on the wording of any one data set: Sumner et
al. (BMJ 2014) and Bratton et al. (2019) rate the relationship the *main statement* states
(its caveats apart), Yu et al. (EMNLP 2019) the same four levels on PubMed conclusions. A
blank pipeline has no part-of-speech tags or parse, so the grammar they need is read from
position and from closed word classes (determiners, prepositions, "be"/"have", modals,
complementizers), which are the same in any field.

Rules, read left to right inside each clause (a clause ends at a sentence end, a
``terminate`` cue or a ``relative`` cue):

0. (before the rules) a causal word used as an adjective or a noun is not a verb
   (``_as_adjective``): a participle right after a determiner, a possessive, "with" or any
   preposition describes a noun or is a gerund ("with increased atherogenicity", "linked to
   reduced sleep", "success in treating"): neutral; so is a participle opening its sentence
   ("Reduced sleep was associated with ...", "Cutting salt lowers ...": an adjective or the
   subject), an -ing word right after "that"/"whether"/"if" (the subject of that clause),
   a verb joined to the word before by a hyphen ("drug-induced", "self-harm") and a verb
   after a sentence-opening "To" (a purpose). Right after "show", "exhibit", "display" or
   "demonstrate" a participle reports a measured difference ("show increased reactivity"): a
   comparison. "lower" after a determiner, "with", a verb "be" or "have" (a degree adverb
   may come between: "had slightly lower mortality") or a preposition other than "to" is the
   comparative adjective: a comparison; opening a sentence it is in the subject: neutral.
   A comparison opening its sentence ("Compared with placebo, ...") frames the main clause:
   neutral. "tend to", and "likely" after a verb "be", are marked as tendencies (rule 5).
   A causal verb after "to", in a sentence that calls for something ("should", "needed",
   "interventions": strength.toml's purpose frames), says what that is for: neutral
   ("programmes are needed to reduce falls"), unless the "to" belongs to a cue ("shown to",
   "helps to", "appears to"), which makes the verb the claim (``_as_purpose``);
1. a hedge opens a *conditional scope* for the rest of the clause (at most
   ``HEDGE_REACH`` tokens); a causal cue inside it is a conditional claim (2);
2. an association or comparison cue is a correlational claim (1). Every relationship cue
   opens an *object scope* (``OBJECT_REACH`` tokens): after an association, a causal-looking
   word is the thing associated ("associated with increased activity"); after any claim, a
   comparison is its object ("lowered pain scores compared with placebo"); after a denied
   claim, anything is ("without increasing the amount of heart damage"): no second claim.
   The object scope of a relative clause's claim ends with the clause ("Dementia, which
   affects many people, is more common in ...");
3. a negation denies the next relationship cue within ``NEGATION_REACH`` tokens: that
   claim is "no relationship" (0), as is a denial cue ("had no effect"). A noun of absence
   or "without" (``strength.negation.noun``) denies only the word right after it ("lack of
   an association", "without increasing"; not "lack of sleep triggers ..."). A negation ends
   with the relative clause it is in ("patients who did not receive X had higher rates"),
   at a finite "be"/"have" at least one word after a "not"/"no"/"without" ("patients with
   no history of X had higher rates") and at "and" once it has denied a claim ("does not
   harm the baby and helps mothers quit"). A *retraction* ("remains unclear", "is unproven",
   and strength.toml's ``strength.neutral.method``: "the effects of X on Y were assessed")
   takes back every claim of its clause before it: 0;
4. any other causal cue is a direct claim (3);
5. a hedge with no relationship cue of the main clause in its clause ("could be the key",
   "may be efficacious", "mothers who are at risk could be offered") is a conditional claim
   (2) — except a tendency ("these children tend to be younger"), which describes a group.
   (InSciOut's scheme; in Yu et al.'s it states nothing: ``SCHEMES``);
6. a claim inside a relative clause ("medicines which increase dopamine may help",
   "care measures known to improve survival"), a study's aim ("a study to investigate the
   impact of", "larger trials are needed to establish") or a question or supposition ("it is
   unclear whether X reduces Y", "if X lowers Y") is background: the annotators rate what
   the main clause states, so it never decides — except in a relative clause (not an aim or
   a supposition) opening the sentence (its word within
   ``SUBJECT_REACH`` tokens of the start: "Children who eat breakfast do better at school
   than ..."), whose end is often not marked by any word this module knows: there it
   decides when the text has no other claim. A relative clause ends at a comma, at a hedge (its modal is the main
   verb), at a finite "is/are/was/were/has/have/had" that does not open it ("Teenagers who
   sleep less are more likely to ...") and after its one claim: the next relationship cue,
   unless it is the very next word ("who maintain clear boundaries") or follows "and"/"or",
   is the main verb's ("a protein which shapes X also drives Y"). A causal word opening the
   hedge's clause is the subject of the hedged verb ("Cutting salt might prevent strokes"),
   so background too; before a modal verb (``MODALS``), so is any direct claim or
   comparison of its clause that no "and"/"or" follows ("A drug used to treat alcoholism
   could help ...", "People with higher levels of X may be protected"; but "X lowers Y and
   may ...");
7. the main statement is the first sentence that makes a claim (``LEAD_SENTENCE``): press
   releases put it first (the "inverted pyramid" of news writing, Bratton 2019) and later
   sentences quote, explain or add background ("'This is an exciting finding,' said ...").

Precedence when the main statement makes several claims (a conclusion often states a
finding, then speculates about it): a direct causal claim (3) decides; otherwise a
correlational one (1) — "X was associated with Y, and may cause Z" reports a correlation
and a hypothesis, and InSciOut's annotators rate it 1; otherwise a conditional one (2);
otherwise, if a relationship was denied, 0. A text with no cue at all gets ``NO_CUE_LEVEL``.

This is about the wording only: it does not know whether the study design supports it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from .lexicon import Entry, load_lexicon
from .nlp.lexmatch import EntryMatcher, longest_first, with_apostrophe_variants

HEDGE_REACH = 20  # tokens a hedge governs: the rest of its clause, within reason ("could significantly cut")
OBJECT_REACH = 20  # tokens after a relationship cue whose cue words are its object (rule 2)
NEGATION_REACH = 6  # tokens between a negation and the relationship it denies
RELATIVE_OBJECT = 1  # tokens after a relative clause's claim that are still its object ("who maintain clear boundaries")
SUBJECT_REACH = 5  # a relative word this close to its sentence's start is in the subject ("Children who eat ...")
PRECEDENCE = (3, 1, 2, 0)
LEAD_SENTENCE = True  # rule 7
NO_CUE_LEVEL = 0  # no relationship word found: nothing stated (measured on InSciOut's train part)

LEVELS = {0: "no relationship", 1: "correlational", 2: "conditional causal", 3: "direct causal"}


@dataclass(frozen=True)
class Scheme:
    """Where annotation schemes on the same four levels part ways."""
    bare_hedge: bool  # rule 5: a hedge with nothing to hedge ("could be an alternative") is conditional (2)
    denied_keeps_level: bool  # "was not associated with", "did not improve": rated by the cue (1, 3), not 0
    can_is_causal: bool  # "X can improve Y": an ability stated (3), not a hedge (2)


# InSciOut (Sumner et al. 2014): a denied relationship is not stated (0); "could be the key" is 2;
# "can cause" was its own level, merged with "may cause" into conditional (2).
# Yu et al. (2019) rate what kind of relationship a sentence talks about, denied or not
# ("did not improve survival": direct causal), a hedge about anything but a relationship
# ("could be an alternative to surgery") as none, and "can improve" as direct causal.
# Measured on both corpora: README, Accuracy.
SCHEMES = {"insciout": Scheme(bare_hedge=True, denied_keeps_level=False, can_is_causal=False),
           "yu2019": Scheme(bare_hedge=False, denied_keeps_level=True, can_is_causal=True)}
_SENTENCE_END = {".", "!", "?"}
# Closed word classes of rules 0 and 6 (grammar, not lexicon: they are the same in any field).
FINITE = {"is", "are", "was", "were", "has", "have", "had"}  # main verbs ending a relative clause (rule 6)
TENDENCY = {"tend to", "tends to", "tended to", "tending to"}  # a group's tendency: no claim when bare (rule 5)
TENDENCY_ENTRY = "tendency"  # the entry id such a hedge is given
MODALS = {"may", "might", "could", "can", "would", "should", "must"}  # a hedge that is the main verb (rule 6)
CLAUSE_NEGATIONS = frozenset(with_apostrophe_variants(["no", "not", "n't", "never", "without"]))  # end at a finite verb after them (rule 3)
CONJUNCTIONS = {"and", "or"}  # join a relative clause's verbs ("which lower X and reduce Y"): rule 6
DESCRIBES = {"a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "with", "without"}
SHOWS = {"show", "shows", "showed", "shown", "showing", "exhibit", "exhibits", "exhibited", "exhibiting",
         "display", "displays", "displayed", "displaying", "demonstrate", "demonstrates", "demonstrated"}
COPULAS = {"is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained"}
AIMS = ("strength.relative.aim", "strength.relative.hypothetical")  # background that never decides (rule 6)
COMPARATIVES = {"lower"}  # the comparative adjective that is also an effect verb (rule 0)
HAVE = {"has", "have", "had", "having"}  # "had lower mortality": possession, so "lower" is an adjective
DEGREE = {"slightly", "significantly", "substantially", "markedly", "much", "far", "considerably", "somewhat",
          "consistently", "modestly", "still", "also", "even"}  # may come between a verb and "lower"
COMPLEMENTIZERS = {"that", "whether", "if"}  # open a clause: an -ing word right after is its subject (rule 0)
# A participle right after a preposition is an adjective or a gerund, never a finite verb
# ("linked to reduced sleep", "a role in preventing", "was caused by increased stress"): rule 0.
PREPOSITIONS = {"of", "in", "to", "for", "on", "from", "into", "by", "at", "among", "amongst", "between", "after",
                "before", "during", "than", "versus", "vs", "across", "over", "under", "through", "toward",
                "towards", "via", "within", "about", "despite", "upon", "against", "like"}
FRAMES = {"compared", "relative", "in", "versus", "vs"}  # a comparison that opens its sentence frames it (rule 0)
OPENERS = {'"', "\u201c", "\u2018", "'", "(", "["}  # may open a sentence before its first word
VERB_ENTRIES = ("strength.causal.cause", "strength.causal.verb-extra")  # strength.toml's verbs (effects.toml's are all verbs)
PURPOSE_ENTRY = "purpose"  # the entry id a causal verb of purpose is given (rule 0)
PURPOSE_FRAME = "strength.neutral.purpose-frame"  # words that call for something: a later "to" is a purpose
METHOD = "strength.neutral.method"  # "the effect of X on Y was assessed": a retraction (rule 3)
NOUN_NEGATION = "strength.negation.noun"  # "lack of", "absence of": deny only the noun right after them
NOUN_NEGATION_REACH = 0  # the very next word: "lack of (an) association", not "lack of sleep increases ..."

_MARKS = {**{w: "boundary" for w in _SENTENCE_END}, ",": "comma", **{w: "finite" for w in FINITE},
          **{w: "conjunction" for w in CONJUNCTIONS}}  # word -> the mark it makes in ``cues``

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
    sentence: int = 0  # which sentence of the text it is in (0: the first)


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
        return "retraction" if entry.id == METHOD else entry["signal"]
    if entry.file == "effects":
        return "causal"
    if entry.file == "context":
        if entry["category"] in ("negated", "hedged") and entry["direction"] == "backward":
            return "retraction"  # "is unproven", "remains unclear": takes back what its clause said
        if entry["category"] == "negated" and entry["direction"] != "forward":
            return "denial"  # "had no effect", "is unproven": a denied relationship by itself
        return {"hedged": "conditional", "negated": "negation", "pseudo": "neutral", "terminate": "boundary"}.get(
            entry["category"])
    return None


def _is_verb_entry(entry: Entry) -> bool:
    """An effects.toml entry listed with ``forms = "verb"``: its phrases include -ed forms."""
    phrases = set(entry.phrases)
    return any(p + "ed" in phrases or p + "d" in phrases or p[:-1] + "ied" in phrases for p in phrases)


def _is_verb_cue(cue: Cue) -> bool:
    return cue.entry.startswith("effect.") or cue.entry in VERB_ENTRIES


def _before_word(doc, i: int) -> str:
    return doc[i - 1].lower_ if i > 0 else ""


def _opens_sentence(doc, i: int) -> bool:
    """Token ``i`` is a sentence's first word (an opening quote or bracket may come before it)."""
    if i > 0 and doc[i - 1].text in OPENERS:
        i -= 1
    return i == 0 or doc[i - 1].text in _SENTENCE_END


def _as_tendency(doc, cue: Cue) -> Cue:
    """Rule 5's exception: "these children tend to be under 12 months", "smokers are likely to
    be older" describe a group (InSciOut's annotators: no relationship) when no causal verb
    follows in the clause; "tends to reduce" is still hedged (rule 1)."""
    text = cue.text.lower()
    if cue.signal == "conditional" and (text in TENDENCY or text == "likely" and _before_word(doc, cue.start) in COPULAS):
        return replace(cue, entry=TENDENCY_ENTRY)
    return cue


def _as_adjective(doc, cue: Cue) -> Cue:
    """Rule 0: a causal participle used as an adjective. After a determiner or "with" it
    describes a noun ("with increased atherogenicity", "the improved technology"): neutral;
    after "show" and its kin it reports a measured difference ("show increased reactivity"):
    a comparison. Without a parser, position tells the rest: a participle opening its
    sentence is an adjective or a gerund subject ("Reduced sleep was associated with ...",
    "Cutting salt lowers ..."), one after a preposition cannot be a finite verb ("linked to
    increased risk", "success in treating"), and a verb joined to the word before it by a
    hyphen is part of a compound ("drug-induced", "self-harm"): all neutral."""
    if cue.signal == "comparison" and doc[cue.start].lower_ in FRAMES and _opens_sentence(doc, cue.start):
        return replace(cue, signal="neutral")  # "Compared with placebo, the drug ...": the main clause says it
    if cue.signal != "causal" or cue.end - cue.start != 1:
        return cue
    i = cue.start
    word = doc[i].lower_
    if i >= 2 and _is_verb_cue(cue) and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ \
            and not doc[i - 2].whitespace_:
        return replace(cue, signal="neutral")  # "drug-induced", "self-harm", "health-enhancing"
    if _before_word(doc, i) == "to" and _opens_sentence(doc, i - 1):
        return replace(cue, signal="neutral")  # "To reduce falls, older adults should ...": a purpose
    participle = _is_verb_cue(cue) and word.endswith(("ed", "ing"))
    if participle and _opens_sentence(doc, i):
        return replace(cue, signal="neutral")
    if word in COMPARATIVES and _opens_sentence(doc, i):
        return replace(cue, signal="neutral")  # "Lower salt intake could prevent ...": the subject
    if i == 0:
        return cue
    before = doc[i - 1].lower_
    if word in COMPARATIVES:
        # "lower": the adjective after a determiner, "with", a verb "be" or "have" ("had
        # (slightly) lower mortality"), or a preposition other than "to" ("to lower": the verb)
        if before in DEGREE and i >= 2:
            before = doc[i - 2].lower_
        adjective = before in DESCRIBES | SHOWS | COPULAS | HAVE or (before in PREPOSITIONS and before != "to")
        return replace(cue, signal="comparison") if adjective else cue
    if participle and before in PREPOSITIONS:
        return replace(cue, signal="neutral")
    if participle and word.endswith("ing") and before in COMPLEMENTIZERS:
        return replace(cue, signal="neutral")  # "found that reducing salt lowers ...": a gerund subject
    if not word.endswith("ed"):
        return cue
    if before in SHOWS:
        return replace(cue, signal="comparison")
    if before in DESCRIBES:
        return replace(cue, signal="neutral")
    return cue


def _as_purpose(doc, cue: Cue, covered: set[int], frames: list[int]) -> Cue:
    """Rule 0: a causal verb after "to" in a sentence that calls for something says what that
    is for, not what it does ("strategies to encourage X", "studies are needed to improve Y",
    "should be evaluated in order to increase"): neutral. ``frames`` are where strength.toml's
    ``strength.neutral.purpose-frame`` words are ("should", "needed", "interventions"). A "to"
    that belongs to another cue is no purpose: a hedge ("appears to"), a negation ("failed to"),
    a relative ("known to") or a verb of showing or helping ("shown to", "helps to",
    ``strength.neutral.infinitive``) make the verb after it the claim. Without the frame, a
    purpose is often the claim itself: "Look at your body to reduce pain"."""
    i = cue.start
    if cue.signal != "causal" or not _is_verb_cue(cue) or i < 1 or doc[i - 1].lower_ != "to" or i - 1 in covered:
        return cue
    j = i - 2
    while j >= 0 and doc[j].text not in _SENTENCE_END:
        j -= 1
    if any(j < f < i for f in frames):
        return replace(cue, signal="neutral", entry=PURPOSE_ENTRY)
    return cue


class StrengthClassifier:
    """Rate the claim strength of a conclusion: ``StrengthClassifier()(text).level``."""

    def __init__(self, lexicon_folder: str | None = None, scheme: str = "insciout"):
        import spacy

        if scheme not in SCHEMES:
            raise ValueError(f"unknown annotation scheme {scheme!r}; known: {', '.join(SCHEMES)}")
        self.scheme = SCHEMES[scheme]
        lexicon = load_lexicon(lexicon_folder)
        # (Not the cues that count only before a condition's name: a conclusion names none.)
        effects = [e for e in lexicon.of("effects") if e["role"] == "effect" and _is_verb_entry(e)
                   and not e.get("before_condition")]
        context = [e for e in lexicon.of("context") if _signal(e) is not None]
        self._nlp = spacy.blank("en")
        # strength.toml first: on equal spans longest_first keeps the first (a stable sort).
        self._own = EntryMatcher(self._nlp.vocab, self._nlp.tokenizer, lexicon.of("strength"))
        self._reused = EntryMatcher(self._nlp.vocab, self._nlp.tokenizer, effects + context)

    def cues(self, doc) -> list[Cue]:
        own = sorted(self._own(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        reused = sorted(self._reused(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        kept = longest_first(own + reused)
        covered = {i for e, s, t in kept if e.id != PURPOSE_FRAME for i in range(s, t)}
        frames = [s for e, s, _ in kept if e.id == PURPOSE_FRAME]
        cues = [_as_tendency(doc, _as_purpose(doc, _as_adjective(doc, Cue(_signal(e), doc[s:t].text, s, t, e.id)),
                                              covered, frames)) for e, s, t in kept]
        ends = []
        for t in doc:  # the word-class marks, in one pass
            lower = t.lower_
            if lower in _MARKS:
                signal = _MARKS[lower]
                ends.append(Cue(signal, t.text, t.i, t.i + 1, "sentence-end" if signal == "boundary" else signal))
        # a word-class mark before the cue that starts on the same word ("had" before "had lower")
        return sorted(ends + cues, key=lambda c: c.start)

    def claims(self, cues: list[Cue]) -> list[Claim]:
        """The claims of a text, in order (rules 1-6 of the module docstring; rule 0 is in ``cues``)."""
        claims: list[Claim] = []
        hedge = negation = scope = None  # scope: the claim whose object the next words are
        background = in_subject = False  # inside a relative clause; one opening its sentence
        denied = False  # the negation has denied a claim already
        clause_claims = clause_start = sentence_start = sentence = 0
        conjunction_end = -1  # where the last "and"/"or" ends

        def add(level: int, cue: Cue, modifier: Cue | None) -> Claim:
            claim = Claim(level, cue, modifier, background, background and in_subject, sentence)
            claims.append(claim)
            return claim

        def end_relative_clause() -> None:
            # what the relative clause's claim governed ends with it: "Dementia, which affects
            # many people, is more common in ..." (the comparison is the main claim, not the
            # object of "affects"), "Patients who did not receive X had higher rates"
            nonlocal background, scope, negation
            if background:
                background = False
                if scope is not None and scope.background:
                    scope = None
                negation = None

        for cue in cues + [Cue("boundary", "", 10**9, 10**9, "end")]:
            if cue.signal in ("boundary", "relative"):
                if self.scheme.bare_hedge and hedge is not None and not clause_claims and hedge.entry != TENDENCY_ENTRY:
                    add(2, hedge, None)  # rule 5: a hedge with nothing to hedge
                hedge = negation = scope = None
                background = cue.signal == "relative"
                in_subject = background and cue.start - sentence_start <= SUBJECT_REACH and cue.entry not in AIMS
                clause_start = cue.end
                if cue.signal == "boundary" and cue.entry == "sentence-end":
                    sentence_start = cue.end
                    sentence += 1
                clause_claims = 0
                continue
            if cue.signal == "neutral":
                continue
            if cue.signal == "conjunction":
                conjunction_end = cue.end
                if denied and cue.text.lower() == "and":
                    negation = scope = None  # "does not harm the baby and helps mothers quit": a second verb
                continue
            if cue.signal == "finite":
                if cue.start > clause_start:
                    end_relative_clause()  # "Teenagers who sleep less are more likely": the main verb
                if negation is not None and negation.text.lower().split()[-1] in CLAUSE_NEGATIONS \
                        and cue.start - negation.end >= 1:
                    negation = None  # "patients with no history of X had higher rates": a new verb
                continue
            if cue.signal == "comma":
                end_relative_clause()  # a relative clause ends at a comma ("X, which cuts Y, was ...")
                continue
            if cue.signal == "conditional" and self.scheme.can_is_causal and cue.text.lower() == "can":
                continue  # an ability, not a hedge
            if cue.signal == "conditional":
                hedge = cue
                # rule 6: "Cutting salt might prevent strokes", "Drugs which lower cholesterol
                # may help": a causal word opening the clause is the subject of the hedged verb,
                # and a modal after a relative clause is the main verb.
                # So is any direct claim before the hedge in its clause that no "and"/"or" follows
                # ("A drug used to treat alcoholism could help ..."; but "X reduces Y and may ...").
                modal = cue.text.split()[0].lower() in MODALS
                # A comparison there is the subject too ("People with higher levels of X may be
                # protected against Y").
                subjects = [i for i, c in enumerate(claims)
                            if not c.background and c.sentence == sentence and (
                                c.level == 3 and c.cue.start == clause_start or modal and c.cue.start >= clause_start
                                and conjunction_end <= c.cue.start
                                and (c.level == 3 or c.level == 1 and c.cue.signal == "comparison"))]
                for i in subjects:
                    claims[i] = replace(claims[i], background=True)
                clause_claims -= len(subjects)
                end_relative_clause()
                continue
            if cue.signal == "negation":
                negation, denied = cue, False
                continue
            if cue.signal == "retraction":
                # "The role of X in Y remains unclear", "the benefit of X is unproven": the
                # clause before it states no relationship
                for i, c in enumerate(claims):
                    if c.cue.start >= clause_start and c.sentence == sentence and not c.background and c.level > 0:
                        claims[i] = replace(c, level=0, modifier=cue)
                add(0, cue, None)
                clause_claims += 1
                continue
            # a relationship cue: causal, association, comparison or denial
            reach = NOUN_NEGATION_REACH if negation is not None and negation.entry == NOUN_NEGATION else NEGATION_REACH
            negated = negation is not None and cue.start - negation.end <= reach
            if scope is not None and cue.start - scope.cue.end <= OBJECT_REACH and (
                    scope.cue.signal == "association" or cue.signal == "comparison" or scope.level == 0):
                continue  # rule 2: the object of the claim before it
            if background and claims and claims[-1].background and claims[-1].cue.start >= clause_start \
                    and cue.start - claims[-1].cue.end > RELATIVE_OBJECT and cue.start != conjunction_end:
                end_relative_clause()  # a relative clause holds one claim: the next is the main verb's
            clause_claims += not background  # rule 5 asks for a claim of the main clause
            if cue.signal == "denial":  # "had no effect": also denies what it overlaps or follows
                scope = add(0, cue, None)
                negation, denied = cue, True
            elif negated and not self.scheme.denied_keeps_level:
                scope = add(0, cue, negation)
                denied = True
            elif cue.signal in ("association", "comparison"):
                scope = add(1, cue, None)
            elif hedge is not None and cue.start - hedge.end <= HEDGE_REACH:
                scope = add(2, cue, hedge)
            else:
                scope = add(3, cue, None)
        return claims

    def __call__(self, text: str) -> StrengthEstimate:
        # One space between words: a run of spaces is a token of its own in spaCy, which
        # would split a cue ("associated  with") that the page's reader sees whole.
        doc = self._nlp.make_doc(" ".join(text.split()))
        claims = self.claims(self.cues(doc))
        for pool in ([c for c in claims if not c.background], [c for c in claims if c.in_subject]):
            if pool and LEAD_SENTENCE:  # the first sentence that makes a claim is the main statement
                pool = [c for c in pool if c.sentence == pool[0].sentence]
            for level in PRECEDENCE:
                for claim in pool:
                    if claim.level == level:
                        return StrengthEstimate(level, tuple(claims), claim)
        return StrengthEstimate(NO_CUE_LEVEL, tuple(claims), None)


@lru_cache(maxsize=4)
def classifier(lexicon_folder: str | None = None, scheme: str = "insciout") -> StrengthClassifier:
    """One classifier per lexicon folder and scheme (building it loads spaCy and the lexicon)."""
    return StrengthClassifier(lexicon_folder, scheme)


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
