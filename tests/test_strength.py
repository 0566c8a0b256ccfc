"""Claim strength on InSciOut's scale (checker/strength.py), on sentences written for these
tests. 0 no relationship, 1 correlational, 2 conditional causal, 3 direct causal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.errors import DataError
from checker.lexicon import load_lexicon_dir, load_lexicon_file
from checker.strength import StrengthClassifier, classifier, exaggeration


@pytest.fixture(scope="module")
def rate():
    c = classifier()
    return lambda text: c(text).level


LEVELS = [
    # 0: a description, or a relationship denied (annotators rate the relationship stated)
    ("We surveyed 1,200 nurses in four hospitals about their night shifts.", 0),
    ("Most of the participants were over 60 years of age.", 0),
    ("Daily tea drinking was not associated with a higher risk of glaucoma.", 0),
    ("The new rota failed to improve staff wellbeing.", 0),
    ("The exercise programme had no effect on blood pressure.", 0),
    ("Walking groups did not reduce loneliness in older adults.", 0),
    # 1: correlational
    ("Night-shift work is associated with a higher risk of type 2 diabetes.", 1),
    ("Owning a dog is linked to lower rates of depression.", 1),
    ("Teenagers who sleep less are 30% more likely to report anxiety.", 1),
    ("Children in the lowest income group had higher levels of tooth decay than their peers.", 1),
    ("Grip strength predicts survival after a hip fracture.", 1),
    ("Screen time correlated with poorer reading scores.", 1),
    # 2: conditional causal
    ("Regular sauna use may lower blood pressure.", 2),
    ("A daily walk could help reduce the risk of falls.", 2),
    ("Cutting salt intake might prevent thousands of strokes.", 2),
    ("The vaccine has the potential to prevent most cases of shingles.", 2),
    ("Green space appears to improve mood in city dwellers.", 2),
    # 3: direct causal
    ("Regular sauna use lowers blood pressure.", 3),
    ("Smoking causes bladder cancer.", 3),
    ("The drug reduced the number of migraine days by half.", 3),
    ("Air pollution increases the risk of dementia.", 3),
    ("Poor sleep leads to weight gain in adolescents.", 3),
    ("Sugar taxes save lives.", 3),
]


@pytest.mark.parametrize("text, level", LEVELS)
def test_levels(rate, text, level):
    assert rate(text) == level


def test_a_hedge_governs_the_causal_cue_after_it(rate):
    assert rate("Vitamin D reduces fractures.") == 3
    assert rate("Vitamin D may reduce fractures.") == 2
    assert rate("Vitamin D could potentially reduce fractures in care homes.") == 2
    # a hedge in another clause does not reach it
    assert rate("The cause may be unclear, but vitamin D reduces fractures.") == 3


def test_association_against_causal(rate):
    assert rate("Coffee is linked to a reduced risk of liver disease.") == 1
    assert rate("Coffee reduced the risk of liver disease.") == 3
    # the causal-looking word after "associated with" is the thing associated
    assert rate("Bullying was associated with increased use of sick days.") == 1
    # a comparison after a causal verb is its object ("... compared with placebo")
    assert rate("The drug lowered pain scores compared with placebo.") == 3


def test_precedence_of_several_claims(rate):
    # a direct claim decides; else a correlation beats the speculation that follows it
    assert rate("Screen time was associated with poor sleep and may cause attention problems.") == 1
    assert rate("Exercise improves memory and may also prevent dementia.") == 3
    assert rate("Exercise was not associated with knee pain, but it may prevent falls.") == 2


def test_negation_is_a_stated_absence_of_relationship(rate):
    # "not associated with" states no relationship (0), whatever follows in its scope
    assert rate("Statin use was not associated with an increased risk of memory loss.") == 0
    # a contrast of two terms is not a denial
    assert rate("Protein and not fat activates the satiety neurons.") == 3
    # quantities are not comparisons
    assert rate("More than 40% of the adults in the survey slept under six hours.") == 0


def test_relative_clause_is_background(rate):
    assert rate("Drugs which lower cholesterol may help prevent dementia.") == 2


def test_estimate_names_its_cues():
    estimate = classifier()("Regular sauna use may lower blood pressure.")
    assert estimate.level == 2 and estimate.label == "conditional causal"
    assert estimate.decided_by.cue.text == "lower" and estimate.decided_by.modifier.text == "may"
    assert "may" in estimate.explain() and "lower" in estimate.explain()
    assert classifier()("The survey had 300 respondents.").decided_by is None


@pytest.mark.parametrize("press, abstract, label", [
    (p, a, "same" if p == a else "exaggerates" if p > a else "downplays") for p in range(4) for a in range(4)])
def test_exaggeration_truth_table(press, abstract, label):
    assert exaggeration(press, abstract) == label


def test_exaggeration_examples():
    assert exaggeration(3, 2) == "exaggerates"  # "reduces" for "may reduce"
    assert exaggeration(1, 3) == "downplays"
    assert exaggeration(2, 2) == "same"
    with pytest.raises(ValueError):
        exaggeration(4, 1)


def test_strength_lexicon_loads_strictly(tmp_path):
    shipped = Path(__file__).resolve().parent.parent / "rules" / "lexicon" / "strength.toml"
    entries = load_lexicon_file(shipped)
    assert {e["signal"] for e in entries} >= {"causal", "association", "conditional", "negation"}
    bad = tmp_path / "strength.toml"
    bad.write_text('[[entry]]\nid = "strength.x"\nsignal = "maybe"\nphrases = ["perhaps"]\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"strength\.toml.*strength\.x.*signal"):
        load_lexicon_file(bad)


def test_classifier_uses_the_given_lexicon_folder(tmp_path):
    shipped = Path(__file__).resolve().parent.parent / "rules" / "lexicon"
    for name in ("effects.toml", "context.toml", "strength.toml"):
        shutil.copy(shipped / name, tmp_path / name)
    (tmp_path / "strength.toml").write_text(
        (shipped / "strength.toml").read_text(encoding="utf-8")
        + '\n[[entry]]\nid = "strength.test.zorp"\nsignal = "causal"\nphrases = ["zorps"]\n', encoding="utf-8")
    load_lexicon_dir(tmp_path)
    assert StrengthClassifier(str(tmp_path))("Glimmer zorps the snark.").level == 3
    assert classifier()("Glimmer zorps the snark.").level == 0


# ---------------------------------------------------------------- second round of rules


def test_causal_verbs_and_causative_constructions(rate):
    assert rate("The new catheter produces a clearer image of the artery wall.") == 3
    assert rate("Chronic stress uncouples the two halves of the reward circuit.") == 3
    # verb + who is changed + how: "makes X more/less", "leads X to"
    assert rate("One night of lost sleep makes drivers less able to judge distance.") == 3
    assert rate("Loud music can lead shoppers to spend more money.") == 2
    assert rate("The trial was led by nurses in three clinics.") == 0


def test_change_over_time_is_correlational(rate):
    assert rate("Deaths from drowning have fallen sharply in the last twenty years.") == 1
    assert rate("Prescriptions for sleeping pills rose in every region.") == 1
    assert rate("Obesity in ten-year-olds increased steadily between 1995 and 2015.") == 1
    # a causal verb with an object is still a claim
    assert rate("The levy increased the price of fizzy drinks.") == 3


def test_a_study_aim_is_not_a_finding(rate):
    assert rate("We set out to determine whether green tea reduces the risk of stroke.") == 0
    assert rate("In a trial to assess the effect of music on pain, music was linked to lower anxiety.") == 1


def test_at_risk_names_a_group_unless_it_is_stated(rate):
    assert rate("Smokers are at increased risk of gum disease.") == 1
    assert rate("Nurses phoned patients at high risk of stroke every week.") == 0
    assert rate("Infants most at risk of rickets in northern cities") == 0
    # the hedge of the main clause is rated, not the relative clause before it
    assert rate("More mothers who are at risk could be offered the test.") == 2


def test_participles_used_as_adjectives(rate):
    # after "show" and its kin: a measured difference
    assert rate("Mice from the knockout line show increased anxiety in a maze.") == 1
    assert rate("Older drivers displayed reduced reaction times in the simulator.") == 1
    # after a determiner or "with": a description
    assert rate("Patients with reduced kidney function were not enrolled in the trial.") == 0
    assert rate("The improved scanner was tested in 40 hospitals.") == 0
    # the verb itself is still a claim
    assert rate("The new scanner improved detection of small tumours.") == 3
    # "lower" as the comparative adjective
    assert rate("Infection rates are lower in hospitals with more nurses.") == 1
    assert rate("Mothers who smoke have babies with lower birthweight.") == 1
    assert rate("Statins lower cholesterol.") == 3


def test_relative_clause_claims_do_not_decide(rate):
    # a relative clause after the main verb describes its object: no claim of the text
    assert rate("Only half of the clinics offered the checks known to prevent blindness.") == 0
    assert rate("The lessons were given by teachers who support healthy eating.") == 0
    # one opening the sentence may run on into the main verb: it decides when alone
    assert rate("Children who eat breakfast do better at school than those who skip it.") == 1


def test_where_a_relative_clause_ends(rate):
    # at a finite verb that does not open it
    assert rate("Teenagers who sleep less are 30% more likely to report anxiety.") == 1
    # at a comma
    assert rate("The protein, which is found in the gut, reduces inflammation.") == 3
    # after its one claim: the next relationship cue is the main verb's
    assert rate("A hormone which controls appetite also raises blood pressure.") == 3
    # ... unless it follows "and"/"or" (the relative clause's second verb)
    assert rate("Drugs which lower cholesterol and reduce inflammation may help prevent dementia.") == 2
    # a hedge that ends the clause with nothing to hedge is still a conditional claim
    assert rate("Cutting salt might be wise.") == 2
