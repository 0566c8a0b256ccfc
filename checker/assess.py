"""Assess a processed page against the corpus and the rules → findings.

The rule *kinds* live here, one function each; the rules themselves (ids, severities,
parameters, docs) are data in ``rules/``. Assessment works on :class:`PageFacts`, plain
values taken out of the spaCy Docs, so that a long document processed in chunks and a
worker process returning results both hand the same thing to this stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Mapping

from .corpus import Corpus, Evidence, Status
from .document import Document
from .model import (CaveatFound, Citation, Claim, EvidenceRef, Finding, Location, Severity, StatusRef)
from .nlp.caveats import RISK_KINDS, risks_named
from .nlp.claims import STATUS_QUALIFIERS, STRENGTH_ORDER, ClaimInfo, asserted
from .rules import Rule


@dataclass
class CueFact:
    kind: str
    value: str
    role: str
    text: str
    start: int  # character offsets in the document text
    end: int
    flags: dict[str, str]


@dataclass
class ClaimFact:
    text: str
    start: int
    end: int
    info: ClaimInfo
    effects: list[CueFact]
    qualifiers: list[CueFact]


@dataclass
class CaveatFact:
    kind: str
    level: str
    entry: str
    text: str
    start: int
    end: int
    about: str | None = None  # the intervention it is about; None: the whole page
    states: str | None = None  # what else it states ("approval")
    names: tuple[str, ...] = ()  # the risks it names ("nausea"), from the lexicon's `names`
    bare: bool = False  # a risk's bare name ("argyria", lexicon `bare_name`): names it, states no caveat sentence


@dataclass
class PageFacts:
    """What the NLP stage found on one document, as plain values."""

    claims: list[ClaimFact] = field(default_factory=list)
    caveats: list[CaveatFact] = field(default_factory=list)
    mentions: dict[str, tuple[int, int]] = field(default_factory=dict)  # intervention id -> first mention (start, end)
    # Known interventions the page makes asserted claims about, and those it makes treatment
    # claims about (see _claimed_interventions): worked out once per assessment, since every
    # caveat rule asks.
    claimed: tuple[dict[str, "ClaimFact"], dict[str, "ClaimFact"]] | None = None
    # general -> specific variant named on this page ("semaglutide" -> "compounded-semaglutide").
    variants: dict[str, str] = field(default_factory=dict)

    def extend(self, doc, offset: int = 0) -> None:
        """Add what a processed Doc holds (``offset``: where the Doc starts in the document)."""
        from .nlp.caveats import caveat_rows
        from .nlp.claims import claim_rows
        from .nlp.lexmatch import doc_text, token_chars

        for ident, (start, end) in doc.user_data.get("hl_first_mentions", {}).items():
            self.mentions.setdefault(ident, (start + offset, end + offset))
        # Offsets and text from arrays read once: Span.text and Span.start_char walk the
        # Doc token by token, which made this the costliest step after the tokenizer.
        starts, ends = token_chars(doc)
        text = doc_text(doc)

        def cue(c):
            return CueFact(c.kind, c.value, c.role, c.text, c.start_char + offset, c.end_char + offset, dict(c.flags))

        for claim_start, claim_end, info in claim_rows(doc):
            first, last = starts[claim_start], ends[claim_end - 1]
            self.claims.append(ClaimFact(text[first:last].strip(), first + offset, last + offset, info,
                                         [cue(c) for c in info.effects], [cue(c) for c in info.qualifiers]))
        first_new = len(self.caveats)
        for row in caveat_rows(doc):
            first, last = starts[row.start], ends[row.end - 1]
            self.caveats.append(CaveatFact(row.kind, row.level, row.entry, text[first:last],
                                           first + offset, last + offset, row.about, row.states, row.names, row.bare))
        self._mark_caveat_sentences(self.caveats[first_new:])

    def _mark_caveat_sentences(self, caveats: list[CaveatFact]) -> None:
        """A sentence that states a risk or an interaction is a caveat, whatever effect words
        it uses to say so ("it can slow your reactions", "may lower blood sugar, so taking it
        with diabetes medicines ..."): its claim words are not claims."""
        # (A risk's bare name, "withdrawal", says nothing of what its sentence does.)
        risks = [c for c in caveats if c.level == "full" and c.kind in RISK_KINDS and not c.bare]
        if not risks:
            return
        for claim in self.claims:
            risk = next((c for c in risks if claim.start <= c.start < claim.end), None)
            if risk is None or "caveat" in claim.info.flags:
                continue
            # A risk named after a comparison has begun is the harm of the treatment set
            # against ("works better than the Flomax my urologist gave me, which made me
            # dizzy"): the sentence still asserts its claim.
            if any(q.value == "comparison" and q.start <= risk.start for q in claim.qualifiers):
                continue
            claim.info.flags["caveat"] = risk.text
            for cue in claim.effects + claim.qualifiers:
                cue.flags["caveat"] = risk.text


@dataclass(frozen=True)
class Settings:
    jurisdictions: tuple[str, ...] = ("US", "UK", "EU", "CA", "AU")


class Assessor:
    """Runs every selected rule over a page's facts."""

    def __init__(self, corpus: Corpus, rules: Mapping[str, Rule], settings: Settings = Settings()):
        self.corpus = corpus
        self.rules = rules
        self.settings = settings
        self._citations = {s.id: Citation(s.id, s.citation, s.url, s.year, s.type, s.verified) for s in corpus.sources.values()}
        self._evidence_refs: dict[str, EvidenceRef] = {}
        self._variants: dict[str, str] | None = None

    # -- helpers ------------------------------------------------------------------

    def location(self, document: Document, start: int, end: int) -> Location:
        line, column = document.line_col(start)
        end_line, end_column = document.line_col(max(start, end - 1))
        return Location(line, column, end_line, end_column + 1, start, end)

    def citations(self, source_ids: Iterable[str]) -> tuple[Citation, ...]:
        return tuple(self._citations[sid] for sid in source_ids)

    def evidence_ref(self, row: Evidence | None) -> EvidenceRef | None:
        if row is None:
            return None
        ref = self._evidence_refs.get(row.id)
        if ref is None:  # built once per row: findings share it
            ref = EvidenceRef(row.id, row.intervention, row.condition, row.grade, row.max_strength, row.supports,
                              row.summary, row.reviewed_on.isoformat(), row.table, self.citations(row.sources))
            self._evidence_refs[row.id] = ref
        return ref

    def status_refs(self, rows: Iterable[Status]) -> tuple[StatusRef, ...]:
        return tuple(
            StatusRef(r.jurisdiction, r.approval, r.controlled, r.schedule, r.summary,
                      r.effective.isoformat() if r.effective else None, r.reviewed_on.isoformat(), self.citations(r.sources))
            for r in rows
        )

    def statuses(self, intervention: str) -> list[Status]:
        wanted = self.settings.jurisdictions
        rows = [s for s in self.corpus.status_of(intervention) if s.jurisdiction in wanted]
        return sorted(rows, key=lambda s: wanted.index(s.jurisdiction))

    def name_of(self, intervention: str | None) -> str:
        row = self.corpus.interventions.get(intervention or "")
        return row.name if row else (intervention or "the product")

    def condition_name(self, condition: str | None) -> str:
        row = self.corpus.conditions.get(condition or "")
        return row.name if row else (condition or "the condition")

    def finding(self, rule: Rule, document: Document, message: str, start: int, end: int, *, claim: ClaimFact | None = None,
                severity: Severity | None = None, **extra) -> Finding:
        info = claim.info if claim else None
        return Finding(
            rule=rule.id, name=rule.name, severity=severity or rule.severity, message=message, uri=document.uri,
            location=self.location(document, start, end), text=document.text[start:end], claim=claim.text if claim else "",
            intervention=extra.pop("intervention", info.intervention if info else None),
            condition=extra.pop("condition", info.condition if info else None),
            context=dict(info.flags) if info else {}, **extra)

    # -- the run ------------------------------------------------------------------

    def link(self, info: ClaimInfo) -> None:
        """When the sentence names several conditions, claim the one the corpus has evidence
        for with this intervention: evidence about that condition or a broader one first,
        then evidence only about a narrower one ("adults without diabetes lost 21% of their
        body weight" is about weight); the first named wins a tie."""
        if not info.intervention or len(info.condition_candidates) < 2:
            return

        def fit(ident: str) -> int:
            row = self.corpus.evidence_for(info.intervention, ident)
            if row is None:
                return 0
            return 2 if self.corpus.covers(row, ident) else 1

        best = max(info.condition_candidates, key=lambda c: fit(c[0]))  # max keeps the first of equals
        if info.condition and fit(info.condition) >= fit(best[0]):
            return
        if fit(best[0]):
            info.condition, info.condition_text, info.condition_inherited = best[0], best[1], False

    def variants(self) -> dict[str, str]:
        """intervention -> its more specific variant, when the variant's name is the
        intervention's name with words added ("compounded semaglutide" / "semaglutide")."""
        if self._variants is None:
            names = {i.id: f" {i.name.lower()} " for i in self.corpus.interventions.values()}
            self._variants = {general: specific for general, g in names.items() for specific, s in names.items()
                              if general != specific and g in s}
        return self._variants

    def resolve_variants(self, facts: PageFacts) -> None:
        """On a page about the specific variant ("compounded semaglutide"), the bare name
        ("semaglutide") means that variant too; a brand name ("Wegovy") still names the
        approved product."""
        variants = self.variants()
        # Only on a page about the variant: one that names it before the bare name or makes a
        # claim about it by name. A brand page that says "we do not sell compounded
        # tirzepatide" is still about tirzepatide.
        # By name: a claim that inherits the variant from an earlier sentence ("Do you offer
        # compounded semaglutide? ... we prescribe the FDA-approved products") is not one.
        claimed = {c.info.intervention for c in facts.claims if c.info.asserted and not c.info.intervention_inherited}
        remap = {g: s for g, s in variants.items() if g in facts.mentions and s in facts.mentions
                 and (facts.mentions[s] < facts.mentions[g] or s in claimed)}
        facts.variants = remap
        if not remap:
            return
        for claim in facts.claims:
            general = claim.info.intervention
            if general in remap and not self._is_brand(general, claim.info.intervention_text):
                claim.info.intervention = remap[general]
        for general, specific in remap.items():
            first = min(facts.mentions[general], facts.mentions[specific])
            del facts.mentions[general]
            facts.mentions[specific] = first

    def reattribute(self, facts: PageFacts) -> None:
        """A sentence that names no intervention is about the page's; on a page that makes
        claims about two by name (a combination product: saw palmetto with a testosterone
        booster), it is about the one the evidence table has rows for with the condition it
        names ("restores healthy T levels": the booster), when exactly one has."""
        # The page's products: what it makes claims about by name.
        page = sorted({c.info.intervention for c in facts.claims if c.info.asserted and not c.info.intervention_inherited
                       and c.info.intervention in self.corpus.interventions})
        if len(page) < 2:
            return
        for claim in facts.claims:
            info = claim.info
            if not info.intervention_inherited or not info.condition or info.intervention not in self.corpus.interventions \
                    or self.corpus.evidence_for(info.intervention, info.condition) is not None:
                continue
            others = [i for i in page if i != info.intervention and self.corpus.evidence_for(i, info.condition) is not None]
            if len(others) == 1:
                info.intervention, info.intervention_text = others[0], self.name_of(others[0])

    def _is_brand(self, intervention_id: str, text: str | None) -> bool:
        """A name of the intervention that does not contain its generic name: a brand."""
        entry = self.corpus.interventions[intervention_id]
        generic, said = entry.name.lower(), " ".join((text or "").lower().split())
        return generic not in said and any(said == n.lower() for n in entry.names)

    def assess(self, document: Document, facts: PageFacts) -> list[Finding]:
        self.resolve_variants(facts)
        self.reattribute(facts)
        for claim in facts.claims:
            self.link(claim.info)
        facts.claimed = None  # variants may have renamed a claim's intervention
        findings: list[Finding] = []
        for rule in self.rules.values():
            findings.extend(KIND_FUNCTIONS[rule.kind](self, rule, document, facts))
        findings.sort(key=lambda f: (f.location.start, f.rule))
        return findings

    def claims_of(self, document: Document, facts: PageFacts) -> list[Claim]:
        return [
            Claim(c.text, self.location(document, c.start, c.end), c.info.intervention, c.info.intervention_inherited,
                  c.info.condition, c.info.condition_inherited, c.info.strength,
                  tuple(sorted({q.value for q in c.qualifiers if asserted(q)})), _claim_context(c))
            for c in facts.claims
        ]

    def caveats_of(self, document: Document, facts: PageFacts) -> list[CaveatFound]:
        return [CaveatFound(c.kind, c.level, c.text, self.location(document, c.start, c.end), c.about) for c in facts.caveats]


def _claim_context(claim: ClaimFact) -> dict[str, str]:
    """The claim's context flags, and `status` for a sentence that tells only where the
    intervention is legal or that it needs no prescription ("psilocybin services are legal in
    Oregon"): a status told, which HL109 reads, and no treatment claim. (An approval told is an
    approved use claimed: "approved for chronic weight management".)"""
    flags = dict(claim.info.flags)
    if _tells_only(claim, STATUS_TOLD):
        flags["status"] = ", ".join(sorted({q.value for q in claim.qualifiers if asserted(q)}))
    return flags


def _tells_only(claim: ClaimFact, qualifiers) -> bool:
    """Whether the claim has no effect word and asserts only these qualifiers."""
    told = {q.value for q in claim.qualifiers if asserted(q)}
    return not claim.effects and bool(told) and told <= set(qualifiers)


def _rank(strength: str) -> int:
    return STRENGTH_ORDER.index(strength)


def _main_cue(claim: ClaimFact) -> CueFact:
    """The cue a claim-level finding points at: the strongest asserted effect word."""
    effects = [c for c in claim.effects if asserted(c)]
    if effects:
        return max(effects, key=lambda c: (_rank(c.value) - ("hedged" in c.flags and c.role != "evidence"), -c.start))
    return claim.qualifiers[0] if claim.qualifiers else CueFact("claim", "", "", claim.text, claim.start, claim.end, {})


def _positive_claims(facts: PageFacts):
    """Asserted claims that say the treatment works: their strength comes from an effect
    word, or from a comparison that names the condition ("better for depression than any
    SSRI"; ``context._claim_strength``)."""
    for claim in facts.claims:
        if claim.info.asserted and claim.info.strength != "mention":
            yield claim


# -- kinds ------------------------------------------------------------------------


def _implied_too_weak(params, info: ClaimInfo) -> bool:
    """A sentence that does not name the condition ("it had me back on my feet in 48
    hours") is read as a claim about the page's condition only at ``implied_min_strength``
    or above ("cures", "proven"): the inference is the reader's, and the checker's guess."""
    floor = params.get("implied_min_strength")
    return bool(floor) and not info.explicit_condition and _rank(info.strength) < _rank(floor)


def _hedged_severity(rule: Rule, hedged: bool) -> Severity | None:
    """The lower severity a rule gives a hedged claim ("may help", "probably safe"), if it
    names one: the wording is qualified, though the evidence still does not carry it."""
    wanted = rule.params.get("hedged_severity")
    if wanted and hedged:
        lowered = Severity(wanted)
        return lowered if lowered.rank < rule.severity.rank else None
    return None


def kind_evidence_gap(a: Assessor, rule: Rule, document: Document, facts: PageFacts):
    p = rule.params
    for claim in _positive_claims(facts):
        info = claim.info
        if info.condition is None or _rank(info.strength) < _rank(p["min_strength"]) or _implied_too_weak(p, info):
            continue
        finding = _evidence_gap(a, rule, document, claim, info.condition, info.explicit_condition)
        if finding is None:
            finding = _listed_condition_gap(a, rule, document, claim)
        if finding is not None:
            yield finding


def _listed_condition_gap(a: Assessor, rule: Rule, document: Document, claim: ClaimFact) -> Finding | None:
    """The other conditions a sentence names ("will treat knee osteoarthritis, multiple
    sclerosis and autism"): one that is serious and has no evidence row is an unsupported
    claim too, whatever the first one's evidence. Not on an approved indication, which lists
    its conditions exactly ("seizures associated with LGS, Dravet syndrome or TSC")."""
    info = claim.info
    if info.intervention not in a.corpus.interventions:
        return None
    linked = a.corpus.evidence_for(info.intervention, info.condition)
    if linked is not None and linked.grade == "approved":
        return None
    for ident, _ in info.condition_candidates:
        if ident != info.condition and a.corpus.evidence_for(info.intervention, ident) is None:
            finding = _evidence_gap(a, rule, document, claim, ident, True)
            if finding is not None:
                return finding
    return None


def _evidence_gap(a: Assessor, rule: Rule, document: Document, claim: ClaimFact, condition_id: str,
                  explicit: bool) -> Finding | None:
    p = rule.params
    info = claim.info
    row = a.corpus.evidence_for(info.intervention, condition_id) if info.intervention else None
    cue = _main_cue(claim)
    subject = a.name_of(info.intervention)
    severity = _hedged_severity(rule, "hedged" in info.flags)
    if row is not None:
        if row.grade in p["grades"]:
            message = f"'{cue.text}': the evidence that {subject} helps {a.condition_name(condition_id)} is {row.grade}."
        elif row.grade == "contradicted" and not a.corpus.covers(row, condition_id):
            # Trials that found no effect in a narrower condition (osteoarthritis) do not
            # speak for the broader one the claim names ("arthritis"): HL102 is for the
            # condition they tested and its kinds; nothing else supports this claim either.
            message = (f"'{cue.text}': the evidence table has no row for {subject} and {a.condition_name(condition_id)}; "
                       f"the nearest, for {a.condition_name(row.condition)}, found that it does not work.")
        else:
            return None
        return a.finding(rule, document, message, cue.start, cue.end, claim=claim, evidence=a.evidence_ref(row),
                         severity=severity, condition=condition_id)
    if not p["unknown_pair_if_serious"] or not (explicit or info.strength == "certainty"):
        return None
    condition = a.corpus.conditions.get(condition_id)
    if condition is None:
        return None
    known = info.intervention in a.corpus.interventions
    if not condition.serious:
        # A product the corpus does not know making a disease claim ("reduces acne") is
        # what regulators cite as an unapproved drug; for a minor condition the risk of
        # harm is lower, so it is reported at a lower severity. For a known intervention
        # the evidence table speaks, and it has no row here.
        minor = p.get("unknown_pair_minor_severity")
        if not minor or known:
            return None
        severity = min(Severity(minor), severity or rule.severity, key=lambda s: s.rank)
    what = f"for {subject}" if known else (f"for this product ('{info.intervention_text}')" if info.intervention_text
                                           else "for the product")
    kind = "a serious condition" if condition.serious else "a condition"
    message = (f"'{cue.text}': a treatment claim about {condition.name}, {kind}, with no evidence "
               f"{what} in the evidence table.")
    return a.finding(rule, document, message, cue.start, cue.end, claim=claim, severity=severity, condition=condition_id)


def kind_evidence_contradiction(a: Assessor, rule: Rule, document: Document, facts: PageFacts):
    p = rule.params
    for claim in _positive_claims(facts):
        info = claim.info
        if not info.intervention or not info.condition or _rank(info.strength) < _rank(p["min_strength"]) \
                or _implied_too_weak(p, info):
            continue
        row = a.corpus.evidence_for(info.intervention, info.condition)
        # Only for the condition the trials tested and its kinds ("clogged arteries" under
        # heart disease): a broader one is HL101's.
        if row is not None and row.grade in p["grades"] and a.corpus.covers(row, info.condition):
            cue = _main_cue(claim)
            message = f"'{cue.text}': the evidence shows {a.name_of(info.intervention)} does not work for {a.condition_name(info.condition)}."
            yield a.finding(rule, document, message, cue.start, cue.end, claim=claim, evidence=a.evidence_ref(row),
                            severity=_hedged_severity(rule, "hedged" in info.flags))


def kind_strength_over_grade(a: Assessor, rule: Rule, document: Document, facts: PageFacts):
    p = rule.params
    for claim in _positive_claims(facts):
        info = claim.info
        if not info.intervention or not info.condition:
            continue
        row = a.corpus.evidence_for(info.intervention, info.condition)
        if row is None:
            continue  # HL101 speaks for a pair with no evidence row
        # On an insufficient or contradicted row HL101/HL102 say the claim is unsupported;
        # this says, beside it, that its wording overstates even what the row records.
        allowed = _rank(row.max_strength)
        narrower = not a.corpus.covers(row, info.condition)
        if narrower:
            # Evidence about part of the condition (TRD) supports less than the same words
            # about all of it ("treats depression"): one step less.
            allowed = max(1, allowed - 1)
        gap = _rank(info.strength) - allowed
        if gap <= 0 or _implied_too_weak(p, info):
            continue
        cue = _main_cue(claim)
        severity = Severity.ERROR if gap >= p["error_gap"] or info.strength == p["error_strength"] else Severity.WARNING
        severity = severity if severity.rank <= rule.severity.rank else rule.severity
        if narrower:
            message = (f"'{cue.text}' claims {info.strength} for {a.condition_name(info.condition)}, but the evidence for "
                       f"{a.name_of(info.intervention)} is only about {a.condition_name(row.condition)} ({row.grade}), "
                       f"which allows at most {STRENGTH_ORDER[allowed]} wording about the broader condition.")
        else:
            message = (f"'{cue.text}' claims {info.strength}, but the evidence for {a.name_of(info.intervention)} and "
                       f"{a.condition_name(row.condition)} is {row.grade} and allows at most {row.max_strength} wording.")
        yield a.finding(rule, document, message, cue.start, cue.end, claim=claim, severity=severity, evidence=a.evidence_ref(row))


QUALIFIER_WORDS = {"speed": "a speed of effect", "durability": "lasting effects", "comparison": "superiority over other treatments",
                   "safety": "safety", "hype": "a breakthrough", "breadth": "that it works for everyone"}


NEVER_SUPPORTED = {"safety": "every treatment in the evidence table has risks, which the page should state instead",
                   "hype": "promotional words that no evidence can support"}


def kind_qualifier(a: Assessor, rule: Rule, document: Document, facts: PageFacts):
    p = rule.params
    qualifier = p["qualifier"]
    for claim in facts.claims:
        info = claim.info
        cues = [c for c in claim.qualifiers if c.value == qualifier and asserted(c)]
        if not cues or not info.asserted:
            continue
        row = a.corpus.evidence_for(info.intervention, info.condition) if info.intervention and info.condition else None
        if p["evidence_can_support"] and row is not None and qualifier in row.supports:
            continue
        words = ", ".join(f"'{c.text}'" for c in cues)
        subject = a.name_of(info.intervention)
        if not p["evidence_can_support"]:
            basis = NEVER_SUPPORTED.get(qualifier, "no evidence supports it")
        elif row is not None:
            basis = f"the evidence for {subject} and {a.condition_name(row.condition)} ({row.grade}) does not support it"
        else:
            basis = "no evidence row supports it"
        hedge = f" (hedged by '{info.flags['hedged']}', which does not remove the impression)" if "hedged" in info.flags else ""
        message = f"{words} claims {QUALIFIER_WORDS.get(qualifier, qualifier)}{hedge}; {basis}."
        related = tuple((f"also: '{c.text}'", a.location(document, c.start, c.end)) for c in cues[1:])
        severity = _hedged_severity(rule, any("hedged" in c.flags for c in cues))
        yield a.finding(rule, document, message, cues[0].start, cues[0].end, claim=claim, evidence=a.evidence_ref(row),
                        related=related, severity=severity)


def kind_status_contradiction(a: Assessor, rule: Rule, document: Document, facts: PageFacts):
    wanted = set(rule.params["qualifiers"])
    for claim in facts.claims:
        info = claim.info
        if info.intervention not in a.corpus.interventions or not info.asserted:
            continue
        reported: set[str] = set()  # one finding per kind of status claim in a sentence
        for cue in claim.qualifiers:
            if cue.value not in wanted or cue.value in reported or not asserted(cue):
                continue
            statuses = _statuses_named(a, info)
            for_condition = ""
            if cue.value == "approval":
                # "not-applicable": sold as a supplement or food, which no regulator approved.
                against = [s for s in statuses if s.approval in ("not-approved", "restricted", "not-applicable")]
                if info.condition and _approved_use(a, info.intervention, info.condition):
                    continue  # approved for this condition
                row = a.corpus.evidence_for(info.intervention, info.condition) \
                    if not against and info.condition and info.explicit_condition else None
                if row is not None and row.grade in ("contradicted", "insufficient") and a.corpus.covers(row, info.condition):
                    # Approved for something else ("FDA approved for covid now" of a drug
                    # approved for worm infections): no regulator approves a use the evidence
                    # table finds unsupported or disproved. (A use graded better may be approved
                    # for some patients, "melatonin for insomnia in people over 55".)
                    against = [s for s in statuses if s.approval == "approved"]
                    for_condition = (f" for {a.condition_name(info.condition)}: the evidence table grades that use "
                                     f"{row.grade}.")
            elif cue.value == "no-prescription":
                # "No prescription needed": misstated where selling it at all is unlawful, and
                # where it is prescription-only, unless some selected jurisdiction does sell it
                # without one (melatonin: a prescription medicine in the EU, a supplement in
                # the US).
                unlawful = _legality_contradicted_by(statuses)
                against = [s for s in statuses if s in unlawful or s in _prescription_only(statuses)]
            else:
                against = _legality_contradicted_by(statuses)
            if not against:
                continue
            reported.add(cue.value)
            summary = " ".join(f"{s.jurisdiction}: {s.summary}" for s in against)
            message = f"'{cue.text}' misstates {a.name_of(info.intervention)}'s status{for_condition or '.'} {summary}"
            yield a.finding(rule, document, message, cue.start, cue.end, claim=claim, status=a.status_refs(against))


def _claimed_interventions(a: Assessor, facts: PageFacts, treatment_only: bool = False) -> dict[str, ClaimFact]:
    """Known interventions the page makes asserted claims about, with the first such claim
    (``treatment_only``: treatment claims, for the caveat rules; a status told alone,
    "psilocybin services are legal in Oregon", "no prescription needed", is HL109's to read and
    asks for no caveat)."""
    if facts.claimed is None:
        first: dict[str, ClaimFact] = {}
        treated: dict[str, ClaimFact] = {}
        for claim in facts.claims:
            info = claim.info
            if info.intervention in a.corpus.interventions and info.asserted and (claim.effects or claim.qualifiers):
                # What a page about the variant says of the brand ("Wegovy is approved for ...")
                # is said in selling the variant: its caveats are the variant's.
                intervention = facts.variants.get(info.intervention, info.intervention)
                first.setdefault(intervention, claim)
                if not _tells_only(claim, STATUS_ONLY):
                    treated.setdefault(intervention, claim)
        facts.claimed = (first, treated)
    return facts.claimed[treatment_only]


STATUS_ONLY = (*STATUS_QUALIFIERS, "no-prescription")  # a status told, asking for no caveat
STATUS_TOLD = ("legality", "no-prescription")  # ... and no treatment claim at all
PRESCRIBER_ONLY = "supervision.prescriber"  # the caveats lexicon entry that names only a prescriber
CAVEAT_LABELS = {"adverse-effects": "adverse effects", "contraindications": "contraindications or interactions",
                 "supervision": "need for medical supervision", "evidence-status": "evidence or approval status",
                 "legal-status": "legal status"}


def kind_missing_caveat(a: Assessor, rule: Rule, document: Document, facts: PageFacts):
    kind = rule.params["caveat"]
    # (A legal status told only of places outside the status table states none here, nor does
    # a risk told of another treatment.)
    on_page = [c for c in facts.caveats if c.kind == kind and c.states not in ("elsewhere", "other-treatment")]
    # Not controlled anywhere selected, a substance's legal standing is its approval, and
    # "not approved by the FDA" states it.
    approval_statements = [c for c in facts.caveats if c.states == "approval"] if kind == "legal-status" else []
    label = CAVEAT_LABELS[kind]
    for intervention, claim in _claimed_interventions(a, facts, treatment_only=True).items():
        # A copy has the risks of what it copies: a risk told of the original ("some clients get
        # a little nausea on semaglutide") is told of the compounded copy too, and the original's
        # caveat wording lists the copy's risks; its approval or legal status is not the copy's.
        copied = [general for general, specific in a.variants().items() if specific == intervention]
        present = [c for c in on_page if c.about in (None, intervention, *(copied if kind in RISK_KINDS else ()))]
        if approval_statements and not any(s.controlled for s in a.statuses(intervention)):
            present += [c for c in approval_statements if c.about in (None, intervention)]
        required = a.corpus.caveats_of(intervention, kind)
        if not required:
            continue
        if any(c.needs == "monitoring" for c in required):
            # A prescriber is not the monitoring these treatments need while they are given.
            present = [replace(c, level="partial") if c.entry == PRESCRIBER_ONLY else c for c in present]
        wording = " ".join(c.wording.lower() for i in (intervention, *copied) for c in a.corpus.caveats_of(i, kind))
        if any(c.level == "full" and _names_a_listed_risk(c, wording) for c in present) \
                or (present and rule.params["partial_satisfies"]):
            continue
        statuses = a.statuses(intervention)
        # An approved prescription medicine's legal status is its approval; the caveat is
        # needed where some selected jurisdiction has not approved it or restricts it.
        if kind == "legal-status" and not any(s.approval in ("not-approved", "restricted") for s in statuses):
            continue
        if kind == "legal-status" and _states_legality(a, facts, intervention):
            continue
        # "Wegovy is FDA-approved for chronic weight management": for a medicine the status
        # table records as approved, a true approval statement states its status, unless the
        # page also claims a use the approval does not cover.
        if kind == "evidence-status" and (_claims_only_approved_uses(a, facts, intervention)
                                          or (_states_approval(a, facts, intervention)
                                              and not _unapproved_uses_claimed(a, facts, intervention))):
            continue
        message = f"The page makes treatment claims about {a.name_of(intervention)} but never states its {label}." if kind in ("legal-status", "evidence-status") else \
            f"The page makes treatment claims about {a.name_of(intervention)} but states no {label}."
        related = tuple((f"partial caveat: '{c.text}'", a.location(document, c.start, c.end)) for c in present)
        if present:
            quoted = ", ".join(repr(c.text) for c in present)
            if all(c.entry == PRESCRIBER_ONLY for c in present):
                message += f" It says only {quoted}: a prescriber, not the monitoring this treatment needs while it is given."
            else:
                message += f" It says only {quoted}: a partial caveat that names none."
        # Point at the first mention of the intervention: where an editor would add the caveat.
        start, end = facts.mentions.get(intervention, (claim.start, claim.end))
        condition = claim.info.condition
        row = a.corpus.evidence_for(intervention, condition) if condition else None
        yield a.finding(rule, document, message, start, end, intervention=intervention, condition=condition,
                        suggestions=tuple(c.wording for c in required), related=related, evidence=a.evidence_ref(row),
                        citations=a.citations(dict.fromkeys(s for c in required for s in c.sources)),
                        status=a.status_refs(statuses) if kind == "legal-status" else ())


def _names_a_listed_risk(caveat: CaveatFact, wording: str) -> bool:
    """A risk named in plain words ("a mild headache") states an intervention's risks only
    when its corpus caveat (``wording``) lists that risk; a caveat that names no particular
    risk ("side effects include") always does."""
    return not caveat.names or bool(risks_named(caveat.names, wording))


def _statuses_named(a: Assessor, info: ClaimInfo) -> list:
    """The status rows a status claim is about: "legal in Canada", "legal in Oregon" are
    about the places named only (none, when no named place is in the status table);
    otherwise every selected jurisdiction."""
    statuses = a.statuses(info.intervention)
    if info.jurisdictions:
        statuses = [s for s in statuses if s.jurisdiction in info.jurisdictions]
    return statuses


def _legality_contradicted_by(statuses: list) -> list:
    """The status rows that "legal" misstates. A controlled substance that is legal under
    restrictions (cannabis for adults in Canada, psilocybin by authorised prescribers in
    Australia) is not contradicted by "legal"; an unapproved or plainly controlled one is."""
    return [s for s in statuses if s.approval == "not-approved" or (s.controlled and s.approval != "restricted")]


def _states_legality(a: Assessor, facts: PageFacts, intervention: str) -> bool:
    """Whether the page truly says where the intervention is legal ("kava is legal in the
    United States and sold as a dietary supplement"): a legality statement about a place in
    the status table that no row there contradicts. A false one ("100% federally legal", of
    a substance the table records as unapproved) is HL109's, and states nothing."""
    for claim in _claims_saying(facts, intervention, "legality"):
        statuses = _statuses_named(a, claim.info)
        if statuses and not _legality_contradicted_by(statuses):
            return True
    return False


def _claims_saying(facts: PageFacts, intervention: str, qualifier: str):
    """The asserted claims about the intervention that assert this qualifier ("legality",
    "approval", "no-prescription")."""
    for claim in facts.claims:
        if claim.info.intervention == intervention and claim.info.asserted \
                and any(q.value == qualifier and asserted(q) for q in claim.qualifiers):
            yield claim


def _approved_use(a: Assessor, intervention: str, condition: str) -> bool:
    """Whether the evidence table grades this use of the intervention as approved."""
    return any(e.grade == "approved" and a.corpus.covers(e, condition) for e in a.corpus.evidence_of(intervention))


def _states_approval(a: Assessor, facts: PageFacts, intervention: str) -> bool:
    """Whether the page says the intervention is approved for a use the evidence table
    grades as approved ("Wegovy is FDA-approved for chronic weight management"); an
    approval called on for another use ("FDA approved" on an ivermectin-for-COVID page)
    states nothing about the use claimed."""
    return any(c.info.condition and _approved_use(a, intervention, c.info.condition)
               for c in _claims_saying(facts, intervention, "approval"))


def _claimed_conditions(facts: PageFacts, intervention: str, named_only: bool = False) -> set:
    """The conditions the page asserts the intervention has an effect on (``named_only``: only
    those a claim names itself, not ones carried over from earlier on the page)."""
    return {c.info.condition for c in facts.claims if c.info.intervention == intervention and c.info.asserted
            and (c.info.explicit_condition if named_only else c.info.condition) and c.effects}


def _claims_only_approved_uses(a: Assessor, facts: PageFacts, intervention: str) -> bool:
    """Whether every condition the page claims the intervention treats is a use the evidence
    table grades as approved ("Plaquenil treats lupus"): HL204 asks for the status of an
    investigational, unapproved or preliminary use, and such a page makes none."""
    conditions = _claimed_conditions(facts, intervention)
    return bool(conditions) and all(_approved_use(a, intervention, condition) for condition in conditions)


def _unapproved_uses_claimed(a: Assessor, facts: PageFacts, intervention: str) -> bool:
    """Whether the page claims some use the evidence table does not grade as approved: a true
    approval for another use ("FDA-approved for certain parasitic worm infections" on a page
    selling ivermectin for COVID-19) does not state that use's status."""
    approved = [e for e in a.corpus.evidence_of(intervention) if e.grade == "approved"]
    # Only uses a claim names: a condition carried over from earlier on the page ("Dronabinol
    # relieves symptoms" after a paragraph on cancer) is the page's topic, not a use claimed;
    # a broader name for an approved use ("seizures", of Epidiolex's approved syndromes) is that use
    return any(not any(a.corpus.covers(e, condition) or a.corpus.is_ancestor(condition, e.condition) for e in approved)
               for condition in _claimed_conditions(facts, intervention, named_only=True))


def _prescription_only(statuses: list) -> list:
    """The rows that sell the medicine on prescription only, unless some selected
    jurisdiction sells it without one (melatonin: a prescription medicine in the EU, a
    supplement in the US), in which case none."""
    if any(s.prescription is False or s.approval == "not-applicable" for s in statuses):
        return []
    return [s for s in statuses if s.prescription]


def _unlawful_offer(a: Assessor, facts: PageFacts, intervention: str) -> list:
    """The status rows under which this page's offer of the intervention is unlawful: a
    controlled or unapproved substance (but not an approved controlled medicine offered
    through a named prescriber, as a Spravato clinic does), or a prescription-only medicine
    offered as if none were needed ("no prescription needed", or no prescription route named)."""
    statuses = a.statuses(intervention)
    prescriber = _names_prescriber(facts, intervention)
    against = [s for s in statuses if s.controlled or s.approval == "not-approved"]
    if against and not (prescriber and all(s.approval in ("approved", "restricted") for s in against)):
        return against
    says_none_needed = any(_claims_saying(facts, intervention, "no-prescription"))
    return _prescription_only(statuses) if says_none_needed or not prescriber else []


def _names_prescriber(facts: PageFacts, intervention: str) -> bool:
    """Whether the page names a prescription route for the intervention ("prescribed by a
    licensed clinician", "we write you a prescription after a video visit")."""
    return any(c.kind in ("prescriber", "supervision") and c.level == "full" and c.about in (None, intervention)
               for c in facts.caveats)


def kind_commerce_offer(a: Assessor, rule: Rule, document: Document, facts: PageFacts):
    commerce = [c for c in facts.caveats if c.kind == "commerce"]
    strong = [c for c in commerce if c.level == "full"]
    weak = [c for c in commerce if c.level == "partial"]
    # Weak signals count once per word: "reviews" in two headings is one hint, not two.
    distinct_weak = {" ".join(c.text.lower().split()) for c in weak}
    if len(strong) < rule.params["min_strong_signals"] and len(distinct_weak) < rule.params["min_weak_signals"]:
        return
    signals = strong + weak
    # What the page is about: what it makes claims about, else (a bare shop page) what it
    # names. A page selling CBD gummies that mentions THC, or a page on Epidiolex that says
    # shop CBD is not the same medicine, offers neither.
    offered = list(_claimed_interventions(a, facts)) or list(facts.mentions)
    for intervention in offered:
        if intervention not in a.corpus.interventions:
            continue
        against = _unlawful_offer(a, facts, intervention)
        if not against:
            continue
        first = min(signals, key=lambda c: c.start)
        words = ", ".join(f"'{c.text}'" for c in sorted(signals, key=lambda c: c.start)[:4])
        where = ", ".join(s.jurisdiction for s in against)
        message = (f"The page carries shop signals ({words}) for {a.name_of(intervention)}, which is controlled or not "
                   f"approved ({where}): an offer to sell it.")
        related = tuple((f"shop signal: '{c.text}'", a.location(document, c.start, c.end)) for c in signals[1:6])
        yield a.finding(rule, document, message, first.start, first.end, intervention=intervention, condition=None,
                        status=a.status_refs(against), related=related)


KIND_FUNCTIONS: Mapping[str, Callable] = {
    "evidence-gap": kind_evidence_gap,
    "evidence-contradiction": kind_evidence_contradiction,
    "strength-over-grade": kind_strength_over_grade,
    "qualifier": kind_qualifier,
    "status-contradiction": kind_status_contradiction,
    "missing-caveat": kind_missing_caveat,
    "commerce-offer": kind_commerce_offer,
    "suppression": lambda a, rule, document, facts: (),  # reported by checker/suppress.py
}
