"""Negated, hedged, hypothetical and distanced claims: a table of sentences (negspacy and
medspaCy's tests are the model). Overstatement rules must not fire on the "quiet" ones."""

from __future__ import annotations

import pytest

OVERSTATEMENT = {"HL101", "HL102", "HL103", "HL104", "HL105", "HL106", "HL107", "HL108", "HL109"}

QUIET = [
    # negated
    ("MDMA is not a cure for PTSD.", "negated"),
    ("There is no evidence that ivermectin cures COVID-19.", "negated"),
    ("Psilocybin is not proven to treat depression.", "negated"),
    ("MDMA does not offer rapid or lasting relief from PTSD.", "negated"),
    ("Ivermectin is not effective against COVID-19.", "negated"),
    ("Ivermectin does not work for COVID-19.", "negated"),
    ("Ketamine is not a safe home remedy for depression.", "negated"),
    ("MDMA never cures PTSD.", "negated"),
    # hedged
    ("Early studies suggest psilocybin may help some people with depression.", "hedged"),
    ("Psilocybin might help with treatment-resistant depression, but more research is needed.", "hedged"),
    ("MDMA-assisted therapy may help some people with PTSD.", "hedged"),
    ("MDMA has emerged as a promising treatment for PTSD.", "hedged"),
    # hypothetical
    ("If MDMA cured PTSD, the FDA would have approved it.", "hypothetical"),
    ("Whether psilocybin relieves depression is unclear.", "hypothetical"),
    # distanced
    ("Some websites claim that MDMA cures PTSD, but the evidence does not support this.", "distanced"),
    ("Ivermectin is marketed as a cure for COVID-19 by some sellers.", "distanced"),
]

LOUD = [
    ("MDMA cures PTSD.", "HL103"),
    ("Ivermectin cures COVID-19.", "HL102"),
    ("MDMA gives instant relief from PTSD.", "HL104"),
    ("MDMA is not only safe but also cures PTSD.", "HL107"),  # pseudo-negation: "not only"
    ("Our herbal capsules cure prostate cancer.", "HL101"),
    ("Unlike conventional treatments, psilocybin heals depression.", "HL106"),
]


@pytest.mark.parametrize("sentence, flag", QUIET)
def test_quiet_sentences_draw_no_overstatement(check, sentence, flag):
    report = check(sentence)
    assert report.claims, "the claim should still be found"
    assert flag in report.claims[0].context
    assert not OVERSTATEMENT & {f.rule for f in report.findings}, [(f.rule, f.message) for f in report.findings]


@pytest.mark.parametrize("sentence, rule", LOUD)
def test_assertions_are_flagged(check, sentence, rule):
    assert rule in {f.rule for f in check(sentence).findings}


def test_a_hedge_lowers_strength_one_step(check):
    assert check("MDMA cures PTSD.").claims[0].strength == "certainty"
    assert check("MDMA may cure PTSD.").claims[0].strength == "efficacy"
    assert check("MDMA relieves PTSD.").claims[0].strength == "efficacy"
    assert check("MDMA may relieve PTSD.").claims[0].strength == "possibility"


def test_a_hedge_does_not_remove_a_speed_or_durability_impression(check):
    rules = {f.rule for f in check("MDMA may offer rapid and lasting relief from PTSD.").findings}
    assert {"HL104", "HL105"} <= rules


def test_testimonials_still_count(check):
    report = check("Users report that MDMA cured their PTSD.")
    assert "attributed" in report.claims[0].context
    assert "HL103" in {f.rule for f in report.findings}


def test_terminator_ends_a_negation_scope(check):
    report = check("MDMA is not cheap, but it cures PTSD.")
    assert "HL103" in {f.rule for f in report.findings}
