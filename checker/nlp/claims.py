"""Treatment claims → ``doc.spans["hl_claims"]``, details on ``span._.hl_claim``.

A claim is a sentence (or list item, or heading) that pairs a claimed effect or a
qualifier (speed, durability, safety, comparison, breadth, hype, approval, legality) with
at least one explicit mention: an intervention, a generic product, or a condition; a list
item or heading with an effect word needs no mention of its own. What the
sentence leaves out is inherited from its section (the last heading that named it) and then
from the page topic (title, headings, first mention): "Rapid Symptom Relief: many report
improvements in PTSD symptoms" on an MDMA page is a claim about MDMA for PTSD.

Block structure comes from the ingester through ``doc.user_data["hl_blocks"]`` (a list of
``(start_char, end_char, kind)``); without it every sentence is a paragraph. A topic hint for
later chunks of a long document may be given in ``doc.user_data["hl_topic"]``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Span

from ..lexicon import load_lexicon
from . import SPANS_CLAIMS, SPANS_CUES
from .lexmatch import EntryMatcher, doc_text, longest_first, token_chars, with_apostrophe_variants
from .mentions import CONDITION, INTERVENTION, PRODUCT, Mention, mention_rows

STRENGTH_ORDER = ("mention", "possibility", "efficacy", "certainty")
# Grammar, not lexicon: words that deny a verb ("didn't touch", "could not touch", "never budged")
DENIALS = frozenset(with_apostrophe_variants(["never", "cannot", "n't", "not"]))  # ("n’t" too: pages print "didn’t")
AUXILIARIES = {"did", "could", "would", "can", "will", "does", "do", "has", "have", "had"}
# Context flags under which a claim word is not the writer's claim: negated, hypothetical,
# reported at a distance, or part of a sentence that states a risk ("berberine may lower
# blood sugar, so taking it with diabetes medicines ...": a caveat, set by the assess stage).
NOT_ASSERTED = ("negated", "hypothetical", "distanced", "caveat")
# ... and what makes a listed claim no treatment claim at all: a status told alone (the assess
# stage sets `status` in the report's claim context: "psilocybin services are legal in Oregon").
NOT_CLAIMED = NOT_ASSERTED + ("status",)
# How many tokens before the first claim word another treatment may stand and still be the
# sentence's subject (products.toml, kind other-treatment).
OTHER_TREATMENT_REACH = 12
QUALIFIERS_NEEDING_AN_EFFECT = ("speed", "durability", "breadth")
# A breadcrumb trail's separator, spaced on both sides (not the ">" of a tag, or an arrow glued
# to words).
BREADCRUMB_SEPARATOR = re.compile(r"(?<=\s)[>›»→](?=\s)")
STATUS_QUALIFIERS = ("approval", "legality")
# A list a comparator opens ("better than keto or Ozempic"): what joins its items, and how far
# after the comparator it may reach. (Grammar, not lexicon.)
LIST_JOINS = {"or", "nor", "and"}
COMPARED_LIST_REACH = 7
STATUS_REACH = 3  # tokens from a status word to the treatment it describes ("approved quit - smoking medicines")
# Grammar, not lexicon (closed word classes, the same on any page): a copula before a status word
# says it of the sentence's subject; a linking word between it and another treatment sets the two
# apart ("a legal alternative to anabolic steroids").
COPULAS = frozenset({"is", "are", "was", "were", "'s", "’s", "be", "been", "being"})
LINKING_WORDS = frozenset({"to", "than", "for", "of", "with", "and", "or", "as", "like", "unlike", "instead"})
COORDINATORS = ("and", "or", "&", "+")
# A reference list is not copy: a cited title ("Meta-analysis: melatonin for the treatment of
# primary sleep disorders. PLoS One. 2013.") names what a paper studied, it claims nothing.
# An entry has authors ("Ferracioli-Oda E, et al.", "Lamas GA et al.") and ends with its
# year; a "Sources:" or "References:" lead-in makes the rest of its block a list of them.
CITATION_ENTRY = re.compile(r"^(?:[-*•\s]*[A-Z][\w'’-]+ [A-Z]{1,3}\b[,.]|.{0,80}\bet al\b).*\b(?:19|20)\d\d[a-z]?\b"
                            r"[\s\d;:,.()–-]*$", re.S)
CITATION_LEAD = re.compile(r"(?:^|(?<=[\s*_(]))(?:Sources?|References|Bibliography|Further reading|Citations)\b[^:.\n]{0,40}:")
# A heading that names a list of sources ("Sources", "Our sources", "References and further
# reading"): what stands under it, to the next heading, is that list.
CITATION_HEADING = re.compile(r"^[\W_]*(?:(?:our|key|selected|main)\s+)?(?:Sources?|References|Bibliography|Further reading|Citations)"
                              r"(?:\s+(?:and|&)\s+(?:further reading|sources|references))?[\W_]*$", re.I)
CITATION_LABEL_LENGTH = 60  # characters: "**Sources and further reading:**" and its markup fit
# Grammar: words that start a new clause, which a lexicon `silences` phrase does not reach past
CLAUSE_BREAKS = {";", "but", "however", "although", "whereas", "yet"}


def _stands_alone(doc, cue, sent_start: int, sent_end: int, heading: bool, only_cue: bool = False) -> bool:
    """Whether a one-word cue is a label: the whole sentence, or in a heading, the last word
    after nothing but punctuation or a coordinator ("Shipping and legal"), or, for legality,
    the first word before a coordinator and a word or two ("Legal and travel"; "Approved and
    trusted" claims)."""
    if cue.end - cue.start != 1:
        return False
    after = [t for t in doc[cue.end:sent_end] if not (t.is_punct or t.is_space)]
    before = doc[cue.start - 1] if cue.start > sent_start else None
    if heading and only_cue and cue.value == "legality" and before is None and after \
            and doc[cue.end].lower_ in COORDINATORS and len(after) <= 3:
        return True
    if after:
        return False
    return before is None or (heading and (before.is_punct or before.lower_ in COORDINATORS))


def asserted(cue) -> bool:
    """A cue (or claim) the writer asserts: no flag of NOT_ASSERTED on it."""
    return not (cue.flags and not cue.flags.keys().isdisjoint(NOT_ASSERTED))

if not Span.has_extension("hl_claim"):
    Span.set_extension("hl_claim", default=None)


@dataclass
class Cue:
    """A matched lexicon cue inside a claim: an effect word or a qualifier."""

    kind: str  # "effect" | "qualifier"
    value: str  # strength for effects, qualifier name for qualifiers
    role: str  # effects: effect | evidence | implied; qualifiers: the qualifier
    entry: str
    start: int  # token offsets in the Doc
    end: int
    text: str
    start_char: int = 0
    end_char: int = 0
    flags: dict[str, str] = field(default_factory=dict)  # context category -> trigger text


@dataclass
class ClaimInfo:
    intervention: str | None = None  # corpus id, "product" or None
    intervention_text: str = ""
    intervention_inherited: bool = False
    condition: str | None = None
    condition_text: str = ""
    condition_inherited: bool = False
    block: str = "paragraph"
    effects: list[Cue] = field(default_factory=list)
    qualifiers: list[Cue] = field(default_factory=list)
    flags: dict[str, str] = field(default_factory=dict)  # claim-level context, set by context
    strength: str = "mention"  # set by context (after hedges and negation)
    mention_score: float = 100.0
    # Every condition the sentence names, in order: the assess stage links the claim to the
    # one the corpus has evidence for ("seizures associated with Lennox-Gastaut syndrome").
    condition_candidates: list[tuple[str, str]] = field(default_factory=list)
    # Places the sentence names ("legal in Canada"): status claims are about those.
    jurisdictions: list[str] = field(default_factory=list)

    @property
    def explicit_condition(self) -> bool:
        return self.condition is not None and not self.condition_inherited

    @property
    def asserted(self) -> bool:
        return asserted(self)


class ClaimFinder:
    def __init__(self, nlp: Language, name: str, *, lexicon: str):
        self.name = name
        lex = load_lexicon(lexicon or None)
        lookalikes = lex.of("lookalikes")
        self._cues = EntryMatcher(nlp.vocab, nlp.tokenizer, lex.of("effects") + lex.of("qualifiers")
                                  + tuple(e for e in lookalikes if e["looks_like"] != "condition")
                                  + lex.of("jurisdictions"))
        self._needs_subject = frozenset(e.id for e in lex.of("effects") if e.get("needs_subject"))
        self._beside_condition = frozenset(e.id for e in lex.of("qualifiers") if e.get("beside_condition"))
        # Matched on their own: they hide condition mentions, not cues, and must not win
        # longest-first over a cue beside them.
        self._modifiers = EntryMatcher(nlp.vocab, nlp.tokenizer,
                                       tuple(e for e in lookalikes if e["looks_like"] == "condition"))

    def __call__(self, doc):
        mentions = mention_rows(doc)
        modifiers = [(s, e) for _, s, e in self._modifiers(doc)]
        if modifiers:
            # "for your annual flu vaccine", "our cancer centre": the condition's name
            # modifies another noun, and the sentence claims nothing about the condition.
            mentions = [m for m in mentions if m.label != CONDITION
                        or not any(s <= m.start and m.end <= e for s, e in modifiers)]
        # Look-alikes take part in longest-first matching so that the cues inside them drop
        # out, then go themselves.
        # Patterns with gaps ("lose ... weight", "instead of ... SSRIs") are matched over the whole
        # text; a match that runs into the next sentence is no cue, and must not hide the
        # shorter one inside that sentence.
        # A phrase in two entries says both things ("safer than": safety and a comparison),
        # unless one of them is a look-alike.
        matched = list(self._cues(doc))
        # A phrase that voids a kind of qualifier in its clause (lexicon `silences`) hides no cue
        # inside it (the words that make it so need not hold the cue): set apart before
        # longest-first.
        silencers = sorted((s, e, entry["silences"]) for entry, s, e in matched if entry.get("silences"))
        cue_matches = longest_first(within_sentences([m for m in matched if not m[0].get("silences")], sentence_bounds(doc)),
                                    keep_equal=True, keep_nested=_claimed_inside)
        silencer_starts = [s for s, _, _ in silencers]
        lookalike_spans = {(s, e) for entry, s, e in cue_matches if entry.file == "lookalikes"}
        cue_matches = [m for m in cue_matches if (m[1], m[2]) not in lookalike_spans]
        starts_char, ends_char = token_chars(doc)
        text = doc_text(doc)
        doc.spans[SPANS_CUES] = [Span(doc, s, e, label=entry.file, span_id=entry.id) for entry, s, e in cue_matches
                                 if entry.file != "jurisdictions"]
        # The places the page names ("legal in Canada"), for the caveats stage too.
        doc.user_data["hl_places"] = [(s, entry["jurisdiction"]) for entry, s, e in cue_matches if entry.file == "jurisdictions"]
        blocks = doc.user_data.get("hl_blocks") or ()
        block_starts = [b[0] for b in blocks]
        citations = _citation_ranges(text, blocks)
        crumbs = [m.start() for m in BREADCRUMB_SEPARATOR.finditer(text)]
        topic = doc.user_data.get("hl_topic") or page_topic(doc, mentions, blocks)
        doc.user_data["hl_page_topic"] = topic  # the next chunk of a long document inherits it
        section: dict[str, tuple[str, str]] = {}
        asked_section: dict[str, bool] = {}  # the section was named by a question heading
        mention_starts = [m.start for m in mentions]
        cue_starts = [m[1] for m in cue_matches]
        claims: list[Span] = []
        rows: list[tuple[int, int, ClaimInfo]] = []
        for sent_start, sent_end in sentence_bounds(doc):
            block = _block_kind(starts_char[sent_start], blocks, block_starts)
            lo, hi = bisect_left(mention_starts, sent_start), bisect_left(mention_starts, sent_end)
            sent_mentions = mentions[lo:hi]
            explicit: dict[str, Mention] = {}
            condition_starts, condition_ends = set(), set()
            candidates: list[tuple[str, str]] = []
            condition_tokens = set()
            # Where a mention would stand right after a comparator ("better than", "unlike"), or
            # one word after it ("than the Ozempic"), as compared_before for "comparator-after".
            after_comparator: set[int] = set()
            compared_ids: set[str] = set()  # interventions named only as what the claim is set against
            other_treatments: list[int] = []
            compared_before = {m.start for m in sent_mentions if m.label == PRODUCT and m.id == "comparator-after"}
            stood_in_for: set[str] = set()
            # A common word for an intervention ("ozone", "silver": corpus `common_words`) is
            # its subject only where no other intervention is named by name: "Pair any ozone
            # package with our NAD+ drip" is about the NAD+ drip.
            named_by_name = {m.id for m in sent_mentions if m.label == INTERVENTION and m.via != "common"}
            for mention in sent_mentions:
                label = mention.label
                if label == INTERVENTION and mention.via == "common" and named_by_name - {mention.id}:
                    continue
                if label == PRODUCT and mention.id == "comparator":
                    after_comparator.update((mention.end, mention.end + 1))
                    # ... and every item of a list it opens ("faster than with keto or Ozempic",
                    # "better than ibuprofen, tramadol or CBD oil"; a comma alone, as in "Unlike
                    # Ozempic, tirzepatide ...", ends the comparison)
                    items, joined = [], False
                    for at in range(mention.end + 2, min(mention.end + COMPARED_LIST_REACH, sent_end)):
                        before = doc[at - 1]
                        if before.is_punct and before.text != ",":
                            break
                        if before.lower_ in LIST_JOINS or before.text == ",":
                            items.append(at)
                            joined = joined or before.lower_ in LIST_JOINS
                    if joined:
                        after_comparator.update(t for at in items for t in (at, at + 1))
                    continue
                if label == PRODUCT and mention.id == "comparator-after":
                    continue
                # "natural Ozempic alternatives", "Ozempic dupes": the medicine they stand in for
                if label == INTERVENTION and compared_before.intersection((mention.end, mention.end + 1)):
                    stood_in_for.add(mention.id)
                    continue
                if label == PRODUCT and mention.id == "other-treatment":
                    if mention.start not in after_comparator:
                        other_treatments.append(mention.start)
                    continue
                # "works better than semaglutide", "unlike the Ozempic": the thing compared
                # with is not what the claim is about.
                if label == INTERVENTION and mention.start in after_comparator:
                    compared_ids.add(mention.id)
                    continue
                # ... nor is it when named again ("the same active ingredient as Epidiolex, the
                # prescription CBD medicine, ...": the apposition renames what was compared with)
                if label == INTERVENTION and mention.id in compared_ids:
                    continue
                # Several interventions in one sentence: the page's own topic is the likelier
                # subject ("to avoid THC, an isolate is the safest bet: it holds only
                # cannabidiol", on a CBD page).
                if label == INTERVENTION and label in explicit and explicit[label].id != mention.id \
                        and mention.id == topic.get(INTERVENTION, ("",))[0]:
                    explicit[label] = mention
                explicit.setdefault(label, mention)
                if label == CONDITION:
                    condition_starts.add(mention.start)
                    condition_ends.add(mention.end)
                    condition_tokens.update(range(mention.start, mention.end))
                    candidates.append((mention.id, mention.text))
            if block in ("title", "heading"):
                # A question heading ("Do you offer compounded semaglutide?") names the
                # subject of its answer only: the next heading ends its section.
                asked = doc[sent_start:sent_end].text.rstrip().endswith("?")
                for label in (INTERVENTION, CONDITION):
                    if label in explicit:
                        section[label] = (explicit[label].id, explicit[label].text)
                        asked_section[label] = asked
                    elif asked_section.pop(label, False):
                        section.pop(label, None)
            if block == "title":
                # The document's title (HTML <title>, Markdown front matter) is metadata, not
                # copy on the page: it names the topic, and its H1 repeats it where the page
                # shows it.
                continue
            if citations and _inside(starts_char[sent_start], citations):
                continue
            # A line of hashtags ("#covid #vitaminD3 #prevention #staywell") files a post under
            # topics; it asserts nothing.
            if text.find("#", starts_char[sent_start], ends_char[sent_end - 1]) >= 0 and _only_hashtags(doc, sent_start, sent_end):
                continue
            # A breadcrumb trail ("Forums > Skin & Body Care > Brightening, Fading and Dark
            # Spots") names where the page sits, not what a product does.
            if crumbs and bisect_left(crumbs, ends_char[sent_end - 1]) - bisect_left(crumbs, starts_char[sent_start]) >= 2:
                continue
            lo, hi = bisect_left(cue_starts, sent_start), bisect_left(cue_starts, sent_end)
            effects, qualifiers, places = [], [], []
            implying: list[tuple[str, Cue]] = []
            for entry, start, end in cue_matches[lo:hi]:
                if entry.file == "jurisdictions":
                    places.append(entry["jurisdiction"])
                    continue
                if entry.file == "effects":
                    # A cue word inside a condition's name claims nothing: "heart attacks",
                    # "treatment-resistant depression".
                    # An effect that names its own condition is the claim, even where that
                    # condition's name covers it ("losing weight" is both).
                    if condition_tokens.issuperset(range(start, end)) and not entry.get("implies"):
                        continue
                    # Some cues count only right before a condition's name ("for PTSD", "less
                    # angina"; lexicon `before_condition`).
                    window = entry.get("before_condition")
                    if window is not None and not condition_starts.intersection(range(end, end + window)):
                        continue
                    # "FDA-approved for depression", "sold for weight loss": a status or a use
                    # told after a participle, not the effect (lexicon `not_after`).
                    if start > sent_start and entry.get("not_after") and doc[start - 1].lower_ in entry["not_after"]:
                        continue
                    # ... or only right after it ("my melasma gone after two weeks").
                    window = entry.get("after_condition")
                    if window is not None and not condition_ends.intersection(range(start - window, start + 1)):
                        continue
                    first, last = starts_char[start], ends_char[end - 1]
                    effects.append(Cue("effect", entry["strength"], entry["role"], entry.id, start, end, text[first:last], first, last))
                    if entry.get("implies"):
                        implying.append((entry["implies"], effects[-1]))
                else:
                    first, last = starts_char[start], ends_char[end - 1]
                    qualifiers.append(Cue("qualifier", entry["qualifier"], entry["qualifier"], entry.id, start, end, text[first:last], first, last))
            # The qualifiers a phrase voids (lexicon `silences`): "after a single infusion the
            # benefit wears off after a few days" says when an effect ends, so no speed word
            # in it promises a quick one. Only within the phrase's clause: "in some small
            # studies people felt better sooner, and our customers tell us it stops the flu in
            # its tracks" makes a claim after ", and".
            lo, hi = bisect_left(silencer_starts, sent_start), bisect_left(silencer_starts, sent_end)
            for start, end, values in silencers[lo:hi]:
                left, right = _clause_around(doc, start, end, sent_start, sent_end)
                qualifiers = [q for q in qualifiers if not (q.value in values and left <= q.start < right)]
            # A status word right before or after another kind of treatment is that treatment's
            # status ("FDA-approved quit-smoking medicines", "the two antidepressants approved
            # for PTSD"), not the page's product's ("homeopathic medicines are FDA-approved
            # drugs" says it of the subject).
            if any(q.value in STATUS_QUALIFIERS for q in qualifiers):
                others = [(m.start, m.end) for m in sent_mentions if m.label == PRODUCT and m.id == "other-treatment"]
                if others:
                    qualifiers = [q for q in qualifiers
                                  if not (q.value in STATUS_QUALIFIERS and _status_of_another(doc, q, others, sent_start))]
            # A failure told of the sentence's own subject ("CBD didn't touch my anxiety",
            # "Kratom never touched it") is that product failing, not others failing against it.
            intervention_ends = {m.end for m in sent_mentions if m.label == INTERVENTION}
            if intervention_ends:
                qualifiers = [q for q in qualifiers if not (
                    q.value == "comparison" and intervention_ends.intersection((q.start, q.start - 1))
                    and _denies(doc, q.start))]
            # An effect that names its condition ("lost 17 pounds": weight) supplies it where
            # the sentence names none.
            if CONDITION not in explicit:
                for condition_id, cue in implying[:1]:
                    implied = Mention(cue.start, cue.end, CONDITION, condition_id, cue.text, cue.start_char, 100.0)
                    explicit[CONDITION] = implied
                    candidates.append((implied.id, implied.text))
            # A state told of a person ("I'm 14 months clean", "eleven months sober and counting")
            # says who got better, not what did it: it claims only beside a named intervention
            # or product, or another cue ("one flood dose later I'm 3 years clean"); lexicon
            # `needs_subject`.
            if self._needs_subject and INTERVENTION not in explicit:
                effects = [c for c in effects if not (c.entry in self._needs_subject and not _told_with_a_subject(
                    c, explicit.get(PRODUCT), effects + qualifiers))]
            # "X for Y" is the claim only when nothing else in the sentence is: in "found no
            # more effective than placebo for BPH", "for" belongs to the (negated) effect.
            if any(c.role != "implied" for c in effects):
                effects = [c for c in effects if c.role != "implied"]
            if not (effects or qualifiers):
                continue
            # Without any mention, a list item or heading with an effect word is a claim about
            # its section's topic ("- Rapid Relief: many feel better within days"), and so is
            # any sentence with a qualifier ("Safe, gentle dosing with no harsh side effects.").
            # Speed, durability and breadth words claim something only about an effect:
            # "ships within 24 hours", "everyone responds differently" do not.
            # Praise that names the condition says it works ("a miracle for anyone who can't
            # sleep": the context stage reads it as efficacy), and so does a time to an outcome
            # ("Cools hot flashes in as little as 7 days"), so those count beside it too
            # (lexicon `beside_condition`).
            if not effects and not (CONDITION in explicit and any(q.entry in self._beside_condition for q in qualifiers)):
                qualifiers = [q for q in qualifiers if q.value not in QUALIFIERS_NEEDING_AN_EFFECT]
                if not qualifiers:
                    continue
            # The same words matched by two entries of one qualifier ("within days") are one cue,
            # once the entries have said what they allow (`beside_condition` above).
            qualifiers = _one_cue_per_span(qualifiers)
            # A heading that only names a status topic ("Legal", "Shipping and legal") labels
            # its section, and so does a lead-in that is nothing but the word ("Legally: ..."):
            # no subject, degree ("federally") or place ("in the UK") makes it a claim.
            if not effects and not explicit:
                heading = block in ("title", "heading")
                only_cue = len(qualifiers) == 1
                qualifiers = [q for q in qualifiers
                              if not (q.value in STATUS_QUALIFIERS and _stands_alone(doc, q, sent_start, sent_end, heading, only_cue))]
            if not explicit and not ((effects and block in ("list-item", "heading")) or qualifiers):
                continue
            if set(explicit) == {PRODUCT} and explicit[PRODUCT].id == "pronoun" and not qualifiers \
                    and block not in ("list-item", "heading") and not any(c.value == "certainty" for c in effects):
                continue
            # Another kind of treatment named just before the claim word, and nothing of the
            # page's own: it is the subject ("antiviral medicines such as oseltamivir have been
            # shown to work"); further back it is only part of the story ("ten years on
            # sertraline and nothing touched it, then the medicine lifted the fog").
            # One after a comparison has begun ("unlike flu shots and harsh over-the-counter
            # drugs, ElderGuard works ...") is what the claim is set against.
            compared_at = min((q.start for q in qualifiers if q.value == "comparison"), default=len(doc))
            other_treatment_at = next((at for at in other_treatments if at < compared_at), None)
            # A pronoun after the other treatment points back at it ("medications for opioid
            # use disorder ... have strong evidence behind them"), not at the page's product.
            own_product = PRODUCT in explicit and not (
                explicit[PRODUCT].id == "pronoun" and other_treatment_at is not None
                and other_treatment_at < explicit[PRODUCT].start)
            # The page's intervention named only after every claim word, in a clause that denies
            # it, is set against the other treatment's result ("antiviral medicines such as
            # oseltamivir have been shown to work in large trials, and elderberry has not").
            if other_treatment_at is not None and not own_product \
                    and 0 <= min(c.start for c in (effects or qualifiers)) - other_treatment_at <= OTHER_TREATMENT_REACH \
                    and (INTERVENTION not in explicit or _named_after_and_denied(doc, explicit[INTERVENTION], sent_mentions,
                                                                                 effects + qualifiers, sent_end)):
                continue
            info = ClaimInfo(block=block, effects=effects, qualifiers=qualifiers, condition_candidates=candidates,
                             jurisdictions=places)
            self._resolve(info, explicit, section, topic)
            if info.intervention is None and compared_ids:
                # "The same active ingredient as Ozempic, at a fraction of the price": with no
                # subject named or inherited, the claim is about whatever is sold against it.
                info.intervention, info.intervention_text = "product", "the product"
            if info.intervention is None and info.condition is None:
                continue
            # ... nor, taken from the page or section, the subject of the sentence that names it
            if info.intervention in stood_in_for:
                continue
            span = Span(doc, sent_start, sent_end, label="CLAIM")
            span._.hl_claim = info
            claims.append(span)
            rows.append((sent_start, sent_end, info))
        doc.spans[SPANS_CLAIMS] = claims
        doc.user_data["hl_claim_rows"] = rows
        return doc

    @staticmethod
    def _resolve(info: ClaimInfo, explicit: dict[str, Mention], section: dict, topic: dict) -> None:
        chosen = explicit.get(INTERVENTION)
        if chosen is not None:
            info.intervention, info.intervention_text = chosen.id, chosen.text
            info.mention_score = chosen.score
        else:
            inherited = section.get(INTERVENTION) or topic.get(INTERVENTION)
            if inherited:
                # "our capsules" on a page about a known intervention refer to it.
                info.intervention, info.intervention_text = inherited
                info.intervention_inherited = True
            elif PRODUCT in explicit:
                info.intervention, info.intervention_text = "product", explicit[PRODUCT].text
        chosen = explicit.get(CONDITION)
        if chosen is not None:
            info.condition, info.condition_text = chosen.id, chosen.text
        else:
            inherited = section.get(CONDITION) or topic.get(CONDITION)
            if inherited:
                info.condition, info.condition_text = inherited
                info.condition_inherited = True

    def to_disk(self, path, *, exclude=tuple()):
        return None

    def from_disk(self, path, *, exclude=tuple()):
        return self


def claim_rows(doc) -> list[tuple[int, int, ClaimInfo]]:
    """The claims as (start, end, info) rows: the later stages read these, since going
    through ``doc.spans`` makes a Span object and an extension lookup per claim each time."""
    rows = doc.user_data.get("hl_claim_rows")
    if rows is None:
        rows = [(s.start, s.end, s._.hl_claim) for s in doc.spans.get(SPANS_CLAIMS, [])]
    return rows


def within_sentences(matches, bounds: list[tuple[int, int]]) -> list:
    """The (entry, start, end) matches that end in the sentence they start in."""
    ends = [end for _, end in bounds]
    return [m for m in matches if m[2] <= ends[bisect_left(ends, m[1] + 1)]] if ends else list(matches)


def sentence_bounds(doc) -> list[tuple[int, int]]:
    """(start, end) token offsets of the sentences, from the sentence-start array (iterating
    ``doc.sents`` walks every token in Python)."""
    n = len(doc)
    if not n:
        return []
    cached = doc.user_data.get("hl_sentence_bounds")
    if cached is not None and cached[-1][1] == n:
        return cached
    if not doc.has_annotation("SENT_START"):
        return [(s.start, s.end) for s in doc.sents]
    flags = doc.to_array(SENT_START).astype(numpy.int64)
    starts = numpy.flatnonzero(flags == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    bounds = list(zip(starts, starts[1:] + [n]))
    doc.user_data["hl_sentence_bounds"] = bounds  # read by the claims and caveats stages
    return bounds


def _one_cue_per_span(qualifiers: list[Cue]) -> list[Cue]:
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for cue in qualifiers:
        if (cue.value, cue.start, cue.end) not in seen:
            seen.add((cue.value, cue.start, cue.end))
            kept.append(cue)
    return kept


def _claimed_inside(inner, outer) -> bool:
    """Safety or speed inside a longer comparison is claimed too: "without making you drowsy,
    unlike antihistamines" claims a comparison and, inside it, safety; "did more for my PTSD
    in three sessions than ten years of SSRIs", a comparison and a speed."""
    return inner.file == outer.file == "qualifiers" and outer["qualifier"] == "comparison" \
        and inner["qualifier"] in ("safety", "speed")


def _block_kind(char: int, blocks, starts) -> str:
    index = bisect_left(starts, char + 1) - 1
    if index >= 0 and blocks[index][0] <= char < blocks[index][1]:
        return blocks[index][2]
    return "paragraph"


def _citation_ranges(text: str, blocks) -> list[tuple[int, int]]:
    """The (start, end) character ranges of reference-list entries and "Sources:" lists."""
    ranges = []
    listed_under = ""  # "heading": every block to the next heading; "label": the list items after it
    for start, end, kind in blocks:
        chunk = text[start:end]
        # (the label is a short line: longer blocks are not read for it)
        label = end - start <= CITATION_LABEL_LENGTH and CITATION_HEADING.match(chunk.strip())
        if kind in ("title", "heading"):
            listed_under = "heading" if label else ""
            continue
        if label:  # a line that is only the label ("**Sources**", "Sources:") heads the list after it
            listed_under = "label"
            continue
        if listed_under == "label" and kind != "list-item":
            listed_under = ""
        if listed_under:
            ranges.append((start, end))
            continue
        if len(chunk) <= 400 and CITATION_ENTRY.match(chunk.strip()):
            ranges.append((start, end))
            continue
        lead = CITATION_LEAD.search(chunk)
        if lead:
            ranges.append((start + lead.start(), end))
    return ranges


def _status_of_another(doc, cue: Cue, others: list[tuple[int, int]], sent_start: int) -> bool:
    """Whether a status word describes another kind of treatment named right after it (with
    only modifiers between: "approved quit-smoking medicines", not "legal alternative to
    steroids") or right before it ("antidepressants approved for PTSD"), and is not said of
    the sentence's subject ("are FDA-approved drugs")."""
    if cue.start > sent_start and doc[cue.start - 1].lower_ in COPULAS:
        return False
    for start, end in others:
        if 0 <= cue.start - end <= 1:
            return True
        if 0 <= start - cue.end <= STATUS_REACH and not any(t.lower_ in LINKING_WORDS for t in doc[cue.end:start]):
            return True
    return False


def _only_hashtags(doc, start: int, end: int) -> bool:
    """Whether every word of a sentence is a hashtag ("#" and the word right after it)."""
    words = [t for t in doc[start:end] if not (t.is_punct or t.is_space or t.text == "#")]
    return bool(words) and all(t.i > start and doc[t.i - 1].text == "#" and not doc[t.i - 1].whitespace_ for t in words)


def _inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    index = bisect_left(ranges, (char + 1,)) - 1
    return index >= 0 and ranges[index][0] <= char < ranges[index][1]


def _told_with_a_subject(cue: Cue, product: Mention | None, cues: list[Cue]) -> bool:
    """A state told of a person has what brought it about beside it: a product named ("it"
    only before the cue: "it got me sober", not "I'm 9 months clean and can't believe it"), or
    another cue that is not the same words read twice ("after one flood dose")."""
    if product is not None and (product.id != "pronoun" or product.start < cue.start):
        return True
    return any(other.end <= cue.start or other.start >= cue.end for other in cues if other is not cue)


def _named_after_and_denied(doc, named, sent_mentions, cues, sent_end: int) -> bool:
    """The page's intervention named only after every claim word, in a clause that denies it
    ("... have been shown to work in large trials, and elderberry has not")."""
    last_cue = max(c.end for c in cues)
    return all(m.start >= last_cue for m in sent_mentions if m.label == INTERVENTION) \
        and any(t.lower_ in DENIALS or t.lower_ == "no" for t in doc[named.end:sent_end])


def _clause_break(doc, i: int) -> bool:
    """Token ``i`` starts a new clause: a semicolon, a contrast ("but", "although"), or ", and"."""
    word = doc[i].lower_
    return word in CLAUSE_BREAKS or (word == "and" and i > 0 and doc[i - 1].text == ",")


def _clause_around(doc, start: int, end: int, sent_start: int, sent_end: int) -> tuple[int, int]:
    """The token range of the clause that holds tokens ``start:end`` of a sentence."""
    left = next((i for i in range(start - 1, sent_start - 1, -1) if _clause_break(doc, i)), sent_start)
    right = next((i for i in range(end, sent_end) if _clause_break(doc, i)), sent_end)
    return left, right


def _denies(doc, i: int) -> bool:
    """The words at ``i`` deny a verb: "never", "cannot", or an auxiliary and "not"/"n't"."""
    word = doc[i].lower_
    return word in DENIALS or word in AUXILIARIES and i + 1 < len(doc) and doc[i + 1].lower_ in DENIALS


def page_topic(doc, mentions: list[Mention], blocks) -> dict[str, tuple[str, str]]:
    """The page's intervention and condition: named in the title or a heading, else the first
    named, preferring the most frequent when the first is a one-off."""
    topic: dict[str, tuple[str, str]] = {}
    # A heading that asks ("Do you offer compounded semaglutide?") names what a reader may
    # want, not what the page is about; the page's statements decide then.
    text = doc_text(doc)
    heading_ranges = [(b[0], b[1]) for b in blocks if b[2] in ("title", "heading")
                      and not text[b[0]:b[1]].rstrip().endswith("?")]
    # A medicine named as what the page is set against ("6 Natural Ozempic Alternatives",
    # "better than Ozempic?") is not its topic.
    compared_before = {m.start for m in mentions if m.label == PRODUCT and m.id == "comparator-after"}
    compared_after = {m.end for m in mentions if m.label == PRODUCT and m.id == "comparator"}
    for label in (INTERVENTION, CONDITION):
        of_label = [m for m in mentions if m.label == label and not (label == INTERVENTION and (
            compared_before.intersection((m.end, m.end + 1)) or compared_after.intersection((m.start, m.start - 1))))]
        if not of_label:
            continue
        in_headings = [m for m in of_label if _inside(m.start_char, heading_ranges)]
        counts = Counter(m.id for m in of_label)
        if in_headings:
            best = in_headings[0]
        else:
            top_id, top_count = counts.most_common(1)[0]
            first = of_label[0]
            # (the first named more than once stays the topic: an add-on offered at the end of a
            # fish-oil advert, named more often there, does not take the page over)
            best = first if counts[first.id] > 1 or counts[first.id] == top_count else next(m for m in of_label if m.id == top_id)
        topic[label] = (best.id, best.text)
    return topic


@Language.factory("healthlint_claims", assigns=["doc.spans"],
                  requires=["doc.spans"], default_config={"lexicon": ""})
def make_claims(nlp: Language, name: str, lexicon: str) -> ClaimFinder:
    return ClaimFinder(nlp, name, lexicon=lexicon)
