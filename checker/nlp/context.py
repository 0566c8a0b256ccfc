"""ConText-style context for claims → ``doc.spans["hl_context"]`` and flags on each claim.

Triggers come from ``rules/lexicon/context.toml``. A trigger flags every claim cue inside its
scope (forward: after it; backward: before it), up to ``max_scope`` tokens (a distancing
trigger: the rest of the sentence) and never across a terminator ("but", "however") or the
sentence end. Pseudo-triggers ("not only", "no side effects") cancel the shorter triggers
they overlap; a rhetorical opener ("did you know that ...?") cancels the question mark.

Per claim this sets, on ``span._.hl_claim``:
- ``flags`` for the claim as a whole: taken from its effect cues (all of them negated →
  negated; any hedged → hedged ...), or from its qualifiers when it has no effect cue;
- each cue's own ``flags`` (a negated qualifier is not claimed: "it is not instant");
- ``strength``: the strongest effect cue left; a hedge lowers it one step (cure → may cure:
  efficacy; relieves → may relieve: possibility), except for evidence assertions.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Span

from ..lexicon import load_lexicon
from . import SPANS_CONTEXT
from .claims import NOT_ASSERTED, STRENGTH_ORDER, asserted, claim_rows
from .lexmatch import EntryMatcher, doc_text, token_chars

RELATIVE_PRONOUNS = {"who", "which", "whose", "whom"}  # grammar: they open a relative clause
OWN_NEGATION = {"no", "zero", "without"}  # a cue that starts with one states an absence itself
# ... and the words a longer negation may end on when the cue holds them ("is not" over "not
# habit-forming", "there is no" over "no risk of rejection")
ENDS_ON_OWN_NEGATION = frozenset(OWN_NEGATION | {"not", "non"})
# grammar: what joins the verbs of one denied list ("to treat or prevent", "neither ... nor")
OR_WORDS = frozenset({"or", "nor"})


class ContextMarker:
    def __init__(self, nlp: Language, name: str, *, lexicon: str, max_scope: int):
        self.name = name
        self.max_scope = max_scope
        self._matcher = EntryMatcher(nlp.vocab, nlp.tokenizer, load_lexicon(lexicon or None).of("context"))

    def __call__(self, doc):
        claims = claim_rows(doc)
        if not claims:
            doc.spans[SPANS_CONTEXT] = []
            return doc
        # Only triggers inside claim sentences matter.
        ranges = [(start, end) for start, end, _ in claims]
        range_starts = [r[0] for r in ranges]

        def in_claim(start: int) -> bool:
            index = bisect_left(range_starts, start + 1) - 1
            return index >= 0 and start < ranges[index][1]

        def in_same_claim(first: int, second: int) -> bool:
            index = bisect_left(range_starts, first + 1) - 1
            return index >= 0 and ranges[index][0] <= first and second < ranges[index][1]

        matches = [m for m in self._matcher(doc) if in_claim(m[1])]
        pseudo = [(s, e) for entry, s, e in matches if entry["category"] == "pseudo"]
        rhetorical = [s for entry, s, e in matches if entry["category"] == "rhetorical"]
        triggers = []
        for entry, start, end in matches:
            category = entry["category"]
            if category in ("pseudo", "rhetorical"):
                continue
            # "Did you know that X can help ...?" asserts X: a rhetorical opener turns off
            # the question mark's backward trigger for its sentence.
            if category == "hypothetical" and entry["direction"] == "backward" and any(
                    r < start and in_same_claim(r, start) for r in rhetorical):
                continue
            # A pseudo-trigger cancels the triggers it overlaps ("is not" in "is not only");
            # a longer trigger survives it ("no more effective than" over "no more").
            if any(ps < end and start < pe and end - start <= pe - ps for ps, pe in pseudo):
                continue
            triggers.append((start, end, category, entry["direction"], entry.get("max_scope"),
                             bool(entry.get("through_relative"))))
        # Keep the longest trigger where several overlap ("does not" over "not"); of two on the
        # same words, the one with the longer scope ("small study" is a hedge in two entries).
        triggers.sort(key=lambda t: (t[0], -(t[1] - t[0]), -self._scope(t[2], t[4])))
        kept, until = [], -1
        for trigger in triggers:
            if trigger[1] <= until:
                continue
            kept.append(trigger)
            until = trigger[1]
        doc.spans[SPANS_CONTEXT] = [Span(doc, s, e, label=c) for s, e, c, *_ in kept]
        starts_char, ends_char = token_chars(doc)
        text = doc_text(doc)
        starts = [t[0] for t in kept]
        for claim_start, claim_end, info in claims:
            lo, hi = bisect_left(starts, claim_start), bisect_left(starts, claim_end)
            local = kept[lo:hi]
            if not local:
                info.strength = _claim_strength(info)
                continue
            terminators = [t[0] for t in local if t[2] == "terminate"]
            # A trigger that opens a study's subject reaches over the relative clause in it
            # ("in one small trial, adults who took berberine had lower glucose").
            clause_ends = [t for t in terminators if doc[t].lower_ not in RELATIVE_PRONOUNS]
            # A trigger inside an effect cue is that cue's own words ("is no match for",
            # "don't stand a chance"): it denies nothing around it either.
            local = [t for t in local
                     if t[2] != "negated" or not any(e.start <= t[0] and t[1] <= e.end for e in info.effects)]
            for cue in info.effects + info.qualifiers:
                for start, end, category, direction, own_scope, through in local:
                    if category == "terminate" or category in cue.flags:
                        continue
                    # A cue that holds its own trigger ("no side effects", "nothing my doctor
                    # prescribed would touch") is not flagged by it: the words are the cue's.
                    if cue.start <= start and end <= cue.end:
                        continue
                    # Absences listed one after another are each their own: "no needles and no
                    # script needed", "there is no risk of rejection and no side effects" (the
                    # first absence does not deny the second; "must not be used without a
                    # prescription" does).
                    if category == "negated" and end <= cue.start and doc[cue.start].lower_ in OWN_NEGATION \
                            and doc[end - 1].lower_ in OWN_NEGATION:
                        continue
                    # ... nor by a longer one that ends on the cue's own negation ("there is no"
                    # over "no risk of rejection", "is not" over "not habit-forming").
                    if category == "negated" and start < cue.start < end <= cue.start + 1 \
                            and doc[cue.start].lower_ in ENDS_ON_OWN_NEGATION:
                        continue
                    if start < cue.end and cue.start < end:
                        cue.flags[category] = text[starts_char[start]:ends_char[end - 1]]  # "may help", "is not effective"
                    elif own_scope == 0:
                        continue
                    elif direction in ("forward", "both") and end <= cue.start and \
                            _list_start(doc, cue.start, end) - end <= self._scope(category, own_scope):
                        if not any(end <= t < cue.start for t in (clause_ends if through else terminators)):
                            cue.flags[category] = text[starts_char[start]:ends_char[end - 1]]
                    elif direction in ("backward", "both") and start >= cue.end and start - cue.end <= self._scope(category, own_scope):
                        if not any(cue.end <= t < start for t in terminators):
                            cue.flags[category] = text[starts_char[start]:ends_char[end - 1]]
            info.flags = _claim_flags(info)
            info.strength = _claim_strength(info)
        return doc

    def _scope(self, category: str, own_scope: int | None) -> int:
        # Reporting someone else's claim ("are often marketed by clinics under the umbrella
        # term of ... as safe and effective") distances the whole rest of the sentence.
        if category == "distanced":
            return 10_000
        return own_scope or self.max_scope

    def to_disk(self, path, *, exclude=tuple()):
        return None

    def from_disk(self, path, *, exclude=tuple()):
        return self


def _list_start(doc, start: int, floor: int) -> int:
    """Where a list of verbs joined by "or" starts ("treat or prevent"), so that a trigger that
    reaches its first word reaches them all: "None of them has been shown in good-quality trials
    to treat or prevent COVID-19"."""
    while start - 2 >= floor and doc[start - 1].lower_ in OR_WORDS and doc[start - 2].is_alpha:
        start -= 2
    return start


def _claim_flags(info) -> dict[str, str]:
    cues = info.effects or info.qualifiers
    flags: dict[str, str] = {}
    # The claim is not asserted when none of its cues is, whatever the reason for each
    # ("some sites claim that X cures Y, but the evidence does not support this").
    if cues and not any(asserted(c) for c in cues):
        for cue in cues:
            for category in NOT_ASSERTED:
                if category in cue.flags:
                    flags.setdefault(category, cue.flags[category])
    for category in ("hedged", "attributed", "historical"):
        for cue in cues:
            if category in cue.flags:
                flags[category] = cue.flags[category]
                break
    return flags


def _claim_strength(info) -> str:
    """The strength of what the claim words say. A comparison or a promotional word with no
    effect word of its own ("way better for depression than any SSRI", "the best thing for
    anxiety", "a miracle for my depression", "the breakthrough chronic pain sufferers have
    waited for") still claims that the treatment works for the condition it names:
    efficacy, lowered one step by a hedge like any effect word."""
    strength = _strength(info.effects)
    if STRENGTH_ORDER.index(strength) < STRENGTH_ORDER.index("efficacy") and info.explicit_condition:
        # (also beside a weak effect word: "a game changer for my anxiety" says more than "for")
        praise = [q for q in info.qualifiers if q.value in ("comparison", "hype") and asserted(q)]
        if praise:
            lifted = "possibility" if all("hedged" in q.flags for q in praise) else "efficacy"
            return max(strength, lifted, key=STRENGTH_ORDER.index)
    return strength


def _strength(effects) -> str:
    best = 0
    for cue in effects:
        if not asserted(cue):
            continue
        level = STRENGTH_ORDER.index(cue.value)
        if "hedged" in cue.flags and cue.role != "evidence":
            level = max(1, level - 1)
        best = max(best, level)
    return STRENGTH_ORDER[best]


@Language.factory("healthlint_context", assigns=["doc.spans"], requires=["doc.spans"],
                  default_config={"lexicon": "", "max_scope": 12})
def make_context(nlp: Language, name: str, lexicon: str, max_scope: int) -> ContextMarker:
    return ContextMarker(nlp, name, lexicon=lexicon, max_scope=max_scope)
