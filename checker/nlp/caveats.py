"""Caveats the page already states, and commerce signals → ``doc.spans["hl_caveats"]``.

Label: the caveat kind (``adverse-effects``, ``contraindications``, ``supervision``,
``evidence-status``, ``legal-status``, ``commerce``); ``span.id_``: the lexicon entry;
``span._.hl_level``: ``full`` or ``partial``; ``span._.hl_about``: the intervention the caveat
is about, where the page says (named in its sentence, or the last one named before it in its
paragraph), else None: a caveat for the whole page. A cue right after a negator ("no side
effects", "without risks") is not a caveat and is dropped, and so are a risk verb whose object
is a claimed effect ("can lead to improvement": the claims stage found the effect word), a
risk inside or right after a safety claim ("you can't overdose on it", "it won't cause
dependence"), a risk that is the condition a claim sells against ("eases opioid withdrawal"), a harm
named right after who has it ("not for people with a known heart rhythm problem", "any other
medicine that prolongs the QT interval": no adverse effect of the product)
and a caveat asked about in a yes/no question that the next sentence does not answer "yes"
("Any side effects? Nope."), and a risk that ends a list a negator opens ("without the
needles, the lab work or the side effects"). A legal status told only of places outside the
status table ("legal in Mexico") is marked ``states="elsewhere"``, and an adverse effect told
of another treatment ("Prescription sleep medicines such as zolpidem can cause ...")
``states="other-treatment"``. A contraindication whose sentence says who only by a name the
corpus must list (kind `named-who`: "not for use during pregnancy") names that, as a risk's
plain name does (``hl_names``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Span

from ..lexicon import load_lexicon
from . import SPANS_CAVEATS
from .claims import LIST_JOINS, claim_rows, sentence_bounds, within_sentences
from .lexmatch import EntryMatcher, longest_first, token_chars
from .mentions import CONDITION, INTERVENTION, PRODUCT, mention_rows

RISK_KINDS = ("adverse-effects", "contraindications")
# Grammar, not lexicon (closed word classes, the same on any page): the words that open a
# yes/no question, and the answers that say yes to one.
YES_NO_OPENERS = {"do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would", "should", "has",
                  "have", "had", "any", "anything", "am", "may", "might", "must", "shall"}
AFFIRMATIVES = {"yes", "yep", "yeah", "yup", "absolutely", "definitely", "certainly"}
NEGATIVES = {"no", "nope", "nah", "not", "never"}
RELATIVE_OPENERS = {"which", "that"}  # "clots, which can cause ...": what the risk is told of
# The list a negator opens ("without the needles, the lab work or the side effects"): the
# determiners before an item (its joining words are the claims stage's LIST_JOINS), and how far
# it may reach.
LIST_DETERMINERS = {"the", "any", "all", "those", "its", "their", "no", "a", "an"}
DENIED_LIST_REACH = 10
# A treatment named right after these is what the product is taken with ("with sedatives") or
# likened to ("like all medicines", "as with any medicine"), not what a risk is told of.
TAKEN_WITH = {"with", "and", "or", "plus", "alongside"}
LIKENED_TO = {"like", "all", "any", "other"}

if not Span.has_extension("hl_level"):
    Span.set_extension("hl_level", default="full")
if not Span.has_extension("hl_about"):
    Span.set_extension("hl_about", default=None)
if not Span.has_extension("hl_states"):
    Span.set_extension("hl_states", default=None)  # what else it states (lexicon `states`)
if not Span.has_extension("hl_names"):
    Span.set_extension("hl_names", default=())  # the risks it names (lexicon `names`)
if not Span.has_extension("hl_bare"):
    Span.set_extension("hl_bare", default=False)  # a risk's bare name (lexicon `bare_name`)


class CaveatFinder:
    def __init__(self, nlp: Language, name: str, *, lexicon: str, negator_window: int):
        self.name = name
        self.negator_window = negator_window
        entries = load_lexicon(lexicon or None).of("caveats")
        self._matcher = EntryMatcher(nlp.vocab, nlp.tokenizer, entries)
        # Every who-or-what word a contraindication may need ("blood thinn", "heart", "child").
        contraindications = [entry for entry in entries if entry["kind"] == "contraindications"]
        self._who_words = tuple(dict.fromkeys(word for entry in contraindications for word in entry.get("needs", ())))
        self._needs_who = frozenset(entry.id for entry in contraindications if entry.get("needs"))

    def __call__(self, doc):
        bounds = sentence_bounds(doc)
        ends = [end for _, end in bounds]
        found = within_sentences(self._matcher(doc), bounds)
        # Who has a risk (kind `held-by`: "not for people with a known", "a history of"): a
        # harm named right after it is the reader's condition, so no adverse effect the page
        # states (its contraindication is told by the words around it). Apart from
        # longest-first: the frame may sit inside a longer contraindication cue.
        held = {e for entry, s, e in found if entry["kind"] == "held-by"}
        # Who should not take it, told by a name the corpus must list (kind `named-who`:
        # "pregnant", "breastfeeding"); apart too: the name sits inside the cues that tell it.
        named_who = [m for m in found if m[0]["kind"] == "named-who"]
        matches = longest_first([m for m in found if m[0]["kind"] not in ("held-by", "named-who")])
        negator_ends = [e for entry, s, e in matches if entry["kind"] == "negator"]
        asked = _asked_sentences(doc, matches, bounds, ends)
        claim_ranges = claim_rows(doc)
        condition_rows = [m for m in mention_rows(doc) if m.label == CONDITION]
        conditions = [m.start for m in condition_rows]  # in order
        says_who: dict[tuple[int, str], bool] = {}  # (sentence, entry) -> answer
        claims = [info for _, _, info in claim_ranges]
        claim_starts = [c[0] for c in claim_ranges]
        effect_spans = [(cue.start, cue.end) for info in claims for cue in info.effects]
        # (Not an implied use, "for ...": "side effects for me were dizziness" names no effect
        # the risk leads to, so the implied cue does not cancel the risk right before it.)
        # (Nor an effect word inside a longer risk cue: in "taking it with Epidiolex makes raised
        # liver enzymes more likely", "raised" is part of the risk, no effect the interaction
        # leads to.)
        risk_spans = [(s, e) for entry, s, e in matches if entry["kind"] in RISK_KINDS and not entry.get("bare_name")]
        effect_starts = {cue.start for info in claims for cue in info.effects if cue.role != "implied"
                         and not any(s <= cue.start and cue.end <= e and e - s > cue.end - cue.start for s, e in risk_spans)}
        # A risk inside a safety claim is denied, not stated ("you can't overdose on it").
        safety_spans = [(q.start, q.end) for info in claims for q in info.qualifiers if q.value == "safety"]
        rows: list[CaveatRow] = []
        generic: dict[int, list[str]] = {}  # rows of `generic` entries -> the words they allow
        for entry, start, end in matches:
            kind = entry["kind"]
            if kind in ("negator", "question", "rhetorical", "lookalike"):
                continue  # (a look-alike wins as the longer match, and its cue inside drops out)
            if entry.get("answered_no"):
                if not _answered_no(doc, bounds, bisect_left(ends, start + 1)):
                    continue
            elif kind != "commerce" and asked and bisect_left(ends, start + 1) in asked:
                continue
            if any(start - self.negator_window <= n <= start for n in negator_ends):
                continue
            if kind == "adverse-effects" and _last_of_a_denied_list(doc, start, negator_ends):
                continue
            if kind in RISK_KINDS and any(end + gap in effect_starts for gap in range(self.negator_window + 1)):
                continue
            # A risk inside an effect cue is the effect's words ("nobody ended up in the hospital").
            if kind in RISK_KINDS and any(s <= start and end <= e for s, e in effect_spans):
                continue
            # ... and so is the harm a safety claim denies right before it ("it won't cause
            # dependence") or right after it ("used it during pregnancy with no problem"; not
            # "avoid during pregnancy; otherwise safe", where punctuation parts them).
            if any(s <= start and end <= e for s, e in safety_spans) or kind in RISK_KINDS and any(
                    e <= start <= e + self.negator_window
                    or end <= s <= end + 1 and not any(t.is_punct for t in doc[end:s]) for s, e in safety_spans):
                continue
            if kind == "adverse-effects" and start in held:
                continue
            if kind in RISK_KINDS and _sold_against(doc, start, end, claim_ranges, claim_starts):
                continue
            if kind in RISK_KINDS and _said_of_a_condition(doc, start, condition_rows):
                continue
            level = entry["level"]
            if entry.get("needs") and level == "full":
                sentence = bisect_left(ends, start + 1)
                if (sentence, entry.id) not in says_who:
                    says_who[sentence, entry.id] = _says_who_or_what(doc, bounds, sentence, entry["needs"], conditions)
                if not says_who[sentence, entry.id]:
                    level = "partial"
            names = risks_named(entry["names"], " ".join(t.lower_ for t in doc[start:end])) if entry.get("names") else ()
            rows.append(CaveatRow(start, end, kind, level, entry.id, None, entry.get("states"), names,
                                  bool(entry.get("bare_name"))))
            if entry.get("generic"):
                generic[len(rows) - 1] = entry["generic"]
        if generic:
            rows = _generic_named(doc, rows, generic, ends)
        if named_who and any(row.kind == "contraindications" for row in rows):
            rows = _who_named_alone(doc, rows, named_who, bounds, ends, self._who_words, self._needs_who, condition_rows)
        if any(row.kind == "legal-status" for row in rows):
            rows = _mark_elsewhere(doc, rows, ends)
        if rows:
            rows = _mark_other_treatments(doc, rows, ends)
            rows = _attribute(doc, rows)
        doc.user_data["hl_caveat_rows"] = rows
        spans = []
        for row in rows:
            span = Span(doc, row.start, row.end, label=row.kind, span_id=row.entry)
            # Extensions only where they differ from the default: setting one costs more
            # than matching the caveat did.
            if row.level != "full":
                span._.hl_level = row.level
            if row.about is not None:
                span._.hl_about = row.about
            if row.states is not None:
                span._.hl_states = row.states
            if row.names:
                span._.hl_names = row.names
            if row.bare:
                span._.hl_bare = True
            spans.append(span)
        doc.spans[SPANS_CAVEATS] = spans
        return doc

    def to_disk(self, path, *, exclude=tuple()):
        return None

    def from_disk(self, path, *, exclude=tuple()):
        return self


def _says_who_or_what(doc, bounds: list[tuple[int, int]], sentence: int, needs: list[str], conditions: list[int]) -> bool:
    """Whether the sentence (its index in ``bounds``) says who should not take the product or
    what not to take it with: one of the lexicon's ``needs`` word beginnings, or a condition."""
    sent_start, sent_end = bounds[sentence]
    first = bisect_left(conditions, sent_start)
    if first < len(conditions) and conditions[first] < sent_end:
        return True
    # The words may come in the sentence before ("... such as ciprofloxacin. If you take one
    # of these, ..."); a condition there is more often the claim's.
    text = doc[bounds[max(sentence - 1, 0)][0]:sent_end].text.lower()
    return any(word in text for word in needs)


def _generic_named(doc, rows: list, generic: dict[int, list[str]], ends: list[int]) -> list:
    """A risk told in general words ("May cause", "side effects") followed only by risks that
    cues name ("May cause drowsiness.", "Side effects: a bad taste and mild nausea.") names
    those risks: it states the adverse effects only of an intervention whose corpus caveat
    lists one. Beside a risk the lexicon gives no name ("can cause kidney damage"), or any other
    word the cues leave out ("mild nausea, a floaty or dissociated feeling") but stop words and
    the entry's `generic` words ("temporary"), or with nothing named, it names no particular
    risk."""
    named: dict[int, list] = {}  # sentence -> its other full risk cues
    for i, row in enumerate(rows):
        if i not in generic and row.kind == "adverse-effects" and row.level == "full":
            named.setdefault(bisect_left(ends, row.start + 1), []).append(row)
    out = []
    for i, row in enumerate(rows):
        sentence = bisect_left(ends, row.start + 1)
        told = named.get(sentence) if i in generic and row.level == "full" else None
        if told and all(r.names for r in told):
            covered = {t for r in told for t in range(r.start, r.end)}
            rest = doc[row.end:ends[sentence] if sentence < len(ends) else len(doc)]
            if all(t.i in covered or not t.is_alpha or t.is_stop or t.lower_ in generic[i] for t in rest):
                row = row._replace(names=tuple(dict.fromkeys(name for r in told for name in r.names)))
        out.append(row)
    return out


def _who_named_alone(doc, rows: list, named_who: list, bounds, ends: list[int], who_words: tuple[str, ...],
                     needs_who: frozenset[str], condition_rows) -> list:
    """A contraindication whose sentence says who should not take the product only by a name
    the lexicon gives (`named-who`: "It is not for use during pregnancy", "Ask your doctor
    before use if you are pregnant or breastfeeding") names that: it states the
    contraindications only of an intervention whose corpus caveat lists it, as a risk named in
    plain words does. Beside any other who or what ("if you are pregnant or take blood
    thinners"), a condition, or a cue that names its own ("interacts with"), it counts as
    before."""
    by_sentence: dict[int, list] = {}
    for entry, start, end in named_who:
        by_sentence.setdefault(bisect_left(ends, start + 1), []).append((entry, start, end))
    alone: dict[int, tuple[str, ...]] = {}
    for sentence, told in by_sentence.items():
        sent_start, sent_end = bounds[sentence]
        inside = {t for _, start, end in told for t in range(start, end)}
        rest = " ".join(t.lower_ for t in doc[sent_start:sent_end] if t.i not in inside)
        if any(word in rest for word in who_words):
            continue
        if any(sent_start <= m.start < sent_end and m.start not in inside for m in condition_rows):
            continue
        if any(row.kind == "contraindications" and sent_start <= row.start < sent_end and not row.bare
               and not any(t in inside for t in range(row.start, row.end)) and row.entry not in needs_who
               for row in rows):
            continue
        alone[sentence] = tuple(dict.fromkeys(name for entry, _, _ in told for name in entry["names"]))
    if not alone:
        return rows
    return [row._replace(names=alone[sentence])
            if row.kind == "contraindications" and not row.names
            and (sentence := bisect_left(ends, row.start + 1)) in alone else row
            for row in rows]


def _last_of_a_denied_list(doc, start: int, negator_ends: list[int]) -> bool:
    """Whether the risk ends a list that a negator opens: "without the needles, the lab work or
    the side effects", "no needles, no doctor visits and no side effects". Only commas may part
    the items, and the risk follows "or", "nor" or "and" (past a determiner)."""
    at = start - 1
    while at > 0 and doc[at].lower_ in LIST_DETERMINERS:
        at -= 1
    if at <= 0 or doc[at].lower_ not in LIST_JOINS:
        return False
    for n in reversed(negator_ends):
        if n > at:
            continue
        if at - n > DENIED_LIST_REACH:
            return False
        return not any(t.is_punct and t.text != "," for t in doc[n:at])
    return False


def _sold_against(doc, start: int, end: int, claim_ranges, claim_starts: list[int]) -> bool:
    """Whether the risk cue is the condition a claim of its sentence sells against ("kratom
    eased my opioid withdrawal", "stops seizures"): that is no risk of the product."""
    index = bisect_right(claim_starts, start) - 1
    if index < 0:
        return False
    _, claim_end, info = claim_ranges[index]
    return start < claim_end and bool(info.condition_text) and doc[start:end].text.lower() in info.condition_text.lower()


def _mark_other_treatments(doc, rows: list, ends: list[int]) -> list:
    """An adverse effect whose sentence tells it of another treatment ("Prescription sleep
    medicines such as zolpidem can cause next-day impairment", "the side effects of
    chemotherapy", "NSAIDs like ibuprofen, which can cause stomach ulcers") is that
    treatment's risk, not the page's: marked ``states="other-treatment"``. What a risk is told
    of is the antecedent of a "which" or "that" right before it, else the first treatment its
    sentence names before it (or, with none before it, the first after it): not one named as
    what the product is compared with ("Compared with SSRIs, ..."), likened to ("Like all
    medicines, it can ...") or taken with ("Don't mix it with sedatives, which ...")."""
    by_sentence: dict[int, list] = {}
    compared_at: set[int] = set()
    others_end: set[int] = set()
    for m in mention_rows(doc):
        if m.label == PRODUCT and m.id == "comparator":
            compared_at.update((m.end, m.end + 1))
            continue
        if m.label == PRODUCT and m.id == "other-treatment":
            before = doc[m.start - 1].lower_ if m.start > 0 else ""
            if before not in TAKEN_WITH:
                others_end.add(m.end)
            if m.start in compared_at or before in TAKEN_WITH or before in LIKENED_TO:
                continue
        elif not (m.label == INTERVENTION or m.label == PRODUCT and m.id == "product"):
            continue
        by_sentence.setdefault(bisect_left(ends, m.start + 1), []).append(m)
    out = []
    for row in rows:
        if row.kind == "adverse-effects" and row.states is None:
            antecedent = _relative_antecedent(doc, row.start)
            if antecedent is not None:
                told_of_other = antecedent + 1 in others_end
            else:
                named = by_sentence.get(bisect_left(ends, row.start + 1), ())
                told_of = next((m for m in named if m.end <= row.start), None) \
                    or next((m for m in named if m.start >= row.end), None)
                told_of_other = told_of is not None and told_of.id == "other-treatment"
            if told_of_other:
                row = row._replace(states="other-treatment")
        out.append(row)
    return out


def _said_of_a_condition(doc, start: int, conditions) -> bool:
    """Whether the risk is told of a condition in a relative clause ("protects against blood
    clots, which can cause heart attacks"): the disease's harm, not the product's. ("Kratom,
    which can cause liver injury" keeps its caveat: its antecedent is no condition.)"""
    at = _relative_antecedent(doc, start)
    return at is not None and any(m.start <= at < m.end for m in conditions)


def _relative_antecedent(doc, start: int) -> int | None:
    """The last token of what a "which" or "that" right before ``start`` is told of ("clots,
    which can cause ...": "clots"), past a comma; None when no such word stands there."""
    at = start - 1
    if at < 1 or doc[at].lower_ not in RELATIVE_OPENERS:
        return None
    at -= 1
    if doc[at].is_punct and at > 0:
        at -= 1
    return at


def _asked_sentences(doc, matches, bounds: list[tuple[int, int]], ends: list[int]) -> set[int]:
    """The sentences (indices in ``bounds``) that ask about a caveat: a question (a question
    mark) with no rhetorical opener ("did you know ..."). A caveat told in one is asked about,
    not stated, unless the question is a yes/no one (opened by an auxiliary: "Does it interact
    with seizure medicines?") and the next sentence starts with "yes". A wh-question ("What are
    the side effects?") states nothing itself: its answer names the side effects ("Nausea and
    constipation are common"), or waves them away ("Most people notice nothing at all")."""
    marks: dict[int, set[str]] = {}
    for entry, start, _ in matches:
        if entry["kind"] in ("question", "rhetorical"):
            marks.setdefault(bisect_left(ends, start + 1), set()).add(entry["kind"])
    asked = set()
    for i, kinds in marks.items():
        if kinds != {"question"} or i >= len(bounds):
            continue
        if _first_word(doc, *bounds[i]) in YES_NO_OPENERS and i + 1 < len(bounds) \
                and _first_word(doc, *bounds[i + 1]) in AFFIRMATIVES:
            continue  # "Does it interact with other seizure medicines? Yes, and ..."
        asked.add(i)
    return asked


def _answered_no(doc, bounds: list[tuple[int, int]], i: int) -> bool:
    """Whether sentence ``i`` is a yes/no question that the next sentence answers "no" ("Is
    it approved by the FDA? No, and it never will be.")."""
    if i + 1 >= len(bounds) or _first_word(doc, *bounds[i]) not in YES_NO_OPENERS:
        return False
    start, end = bounds[i]
    if not any(t.text == "?" for t in doc[start:end]):
        return False
    return _first_word(doc, *bounds[i + 1]) in NEGATIVES


def _first_word(doc, start: int, end: int) -> str:
    """A sentence's first word, past bullets, quotes and an FAQ's "Q:"."""
    for token in doc[start:min(end, start + 4)]:
        if token.is_alpha and not (token.text in ("Q", "A") and token.i + 1 < end and doc[token.i + 1].text == ":"):
            return token.lower_
    return ""


def _mark_elsewhere(doc, rows: list, ends: list[int]) -> list:
    """A legal status told only of places the status table has no rows for ("not a
    controlled substance in Mexico", "not prohibited in Jamaica") says nothing about the
    selected jurisdictions: its row is marked ``states="elsewhere"``. The places come from
    the claims stage, which matches them with the cues (``doc.user_data["hl_places"]``)."""
    places: dict[int, set[str]] = {}
    for start, jurisdiction in doc.user_data.get("hl_places", ()):
        places.setdefault(bisect_left(ends, start + 1), set()).add(jurisdiction)
    return [row._replace(states="elsewhere")
            if row.kind == "legal-status" and places.get(bisect_left(ends, row.start + 1)) == {"elsewhere"} else row
            for row in rows]


class CaveatRow(NamedTuple):
    """A caveat as plain values (``doc.user_data["hl_caveat_rows"]``), for the later stages."""

    start: int
    end: int
    kind: str
    level: str
    entry: str
    about: str | None
    states: str | None
    names: tuple[str, ...] = ()  # the risks it names ("nausea"): they must be the intervention's
    bare: bool = False  # a risk's bare name ("argyria"): it names the risk, its sentence is no caveat


def risks_named(risks: tuple[str, ...], text: str) -> tuple[str, ...]:
    """The lexicon `names` risks that ``text`` (lower case) names: a risk is word beginnings,
    "nause|vomit" being one risk told two ways."""
    return tuple(risk for risk in risks if any(word in text for word in risk.split("|")))


def caveat_rows(doc) -> list[CaveatRow]:
    rows = doc.user_data.get("hl_caveat_rows")
    if rows is None:
        rows = [CaveatRow(s.start, s.end, s.label_, s._.hl_level, s.id_, s._.hl_about, s._.hl_states, s._.hl_names,
                           s._.hl_bare)
                for s in doc.spans.get(SPANS_CAVEATS, [])]
    return rows


def _attribute(doc, rows: list[CaveatRow]) -> list[CaveatRow]:
    """Which intervention each caveat is about. On a page about several ("Top 5
    testosterone boosters"), a side effect told in the ashwagandha section is no caveat for
    the others."""
    named = [m for m in mention_rows(doc) if m.label == INTERVENTION]
    if len({m.id for m in named}) < 2:
        return rows  # one intervention (or none): every caveat is about it
    starts = [m.start for m in named]
    bounds = sentence_bounds(doc)
    sentence_starts = [b[0] for b in bounds]
    blocks = doc.user_data.get("hl_blocks") or ()
    block_starts = [b[0] for b in blocks]
    chars, _ = token_chars(doc)
    out = []
    for row in rows:
        sent_start, sent_end = bounds[bisect_right(sentence_starts, row.start) - 1]
        inside = {m.id for m in named[bisect_left(starts, sent_start):bisect_left(starts, sent_end)]}
        if len(inside) == 1:
            out.append(row._replace(about=next(iter(inside))))
            continue
        if inside:  # several named in its sentence: about all of them
            out.append(row)
            continue
        # None named in its sentence: the last one named before it in its paragraph.
        about = None
        block = bisect_right(block_starts, chars[row.start]) - 1
        before = bisect_left(starts, sent_start) - 1
        if block >= 0 and chars[row.start] < blocks[block][1] and before >= 0 \
                and chars[named[before].start] >= blocks[block][0]:
            about = named[before].id
        out.append(row._replace(about=about) if about else row)
    return out


@Language.factory("healthlint_caveats", assigns=["doc.spans"], default_config={"lexicon": "", "negator_window": 2})
def make_caveats(nlp: Language, name: str, lexicon: str, negator_window: int) -> CaveatFinder:
    return CaveatFinder(nlp, name, lexicon=lexicon, negator_window=negator_window)
