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


# ---------------------------------------------------------------- third round: generalising
# Sentences written for these tests; each group names the heuristic (checker/strength.py
# docstring) or the lexicon entry it checks, with hits and misses side by side.

THIRD_ROUND = [
    # rule 0: a participle opening its sentence, after a preposition, or in a hyphenated compound
    ("Reduced sleep was associated with increased appetite.", 1),
    ("Elevated cholesterol was more common in men.", 1),
    ("Increased screen time was associated with reduced sleep duration.", 1),
    ("The drug reduced blood pressure in patients with resistant hypertension.", 3),
    ("Children who are bullied are more likely to self-harm as teenagers.", 1),
    ("Stress-induced changes were seen in the blood of all volunteers.", 0),
    ("The study reports success in treating the infection with a cheap drug.", 0),
    ("These results suggest that restoring gut bacteria could help to reduce food allergies.", 2),
    ("To reduce falls, older adults should be offered balance classes.", 0),
    # rule 0: "lower" is the adjective after "have", a degree adverb or a preposition
    ("Patients who received care from female surgeons had slightly lower mortality.", 1),
    ("Lower salt intake could prevent thousands of strokes.", 2),
    ("Statins lower the risk of heart attacks in people with diabetes.", 3),
    # rule 0: a comparison opening the sentence frames the main clause
    ("Compared with placebo, the drug did not reduce the frequency of seizures.", 0),
    ("Compared with placebo, the drug reduced the frequency of seizures by 40%.", 3),
    # strength.compare.predicate and .rates: a difference said with a comparative
    ("The odds of readmission were 40% higher in patients discharged at weekends.", 1),
    ("The risk of stroke was highest in the first month after the infection.", 1),
    ("Breastfed babies scored higher on reading tests at age five.", 1),
    ("Smokers had twice the risk of developing the disease.", 1),
    ("People who skip breakfast have higher blood sugar levels.", 1),
    ("The number of people waiting for surgery has doubled.", 1),
    ("A substantial proportion of patients are not prescribed the recommended drugs.", 0),
    # rule 3: negation - its scope, nouns of absence, denials that look back
    ("Lack of sleep triggers changes in the immune system.", 3),
    ("There was a lack of association between diet and mood.", 0),
    ("Mice lacking the receptor were protected against obesity.", 3),
    ("The procedure can open a second artery without increasing the amount of heart damage.", 0),
    ("Patients with no history of smoking had lower rates of lung disease.", 1),
    ("Patients who did not receive the vaccine had higher rates of admission.", 1),
    ("Using a nicotine patch does not harm the baby and helps some women to quit.", 3),
    ("The role of inflammation in the disease remains unclear.", 0),
    ("The effects of caffeine on sleep were assessed in 40 adults.", 0),
    # rule 6: what is asked, supposed, aimed at or still to be done is background
    ("It is unclear whether the drug reduces the risk of falls.", 0),
    ("If confirmed, these findings could change how the disease is treated.", 2),
    ("Larger trials are warranted to establish the efficacy of this treatment.", 0),
    ("We examined the effect of night shifts on sleep.", 0),
    ("Further research is needed to confirm these findings.", 0),
    ("In this pilot study, yoga reduced back pain.", 3),
    # rule 6: a modal's subject; a relative clause's end closes its object scope
    ("A drug commonly used to treat alcoholism could also help people with cocaine addiction.", 2),
    ("Dementia, which affects many older people, is more common after a head injury.", 1),
    ("The drug lowered cholesterol and may also reduce the risk of heart attacks.", 3),
    # rule 7: the first sentence that makes a claim is the main statement
    ("A diet rich in olive oil may protect against breast cancer. \"This is an exciting finding,\" said the lead author.", 2),
    ("People who live alone are more likely to die early. The study, which was funded by a charity, followed 100,000 people.", 1),
    # strength.neutral.homograph: effect verbs that are other words in science writing
    ("In this randomised controlled trial, coffee was associated with lower mood.", 1),
    ("After controlling for age, obesity was associated with dementia.", 1),
    ("There is clear evidence that obesity is associated with dementia.", 1),
    ("Poor glycaemic control was associated with higher mortality.", 1),
    ("Few young men seek help for depression.", 0),
    ("Patients managed in primary care had similar outcomes.", 0),
    ("Campaigns to raise awareness of stroke symptoms are needed.", 0),
    # rule 5: a bare tendency describes a group
    ("These patients tend to be older, with more severe disease.", 0),
    ("The new drug tends to reduce pain in older patients.", 2),
    # wider lexicon: verbs of causing (Girju 2003; Wolff and Song 2003; Levin 1993),
    # dependence, measures of association, Hyland's hedges
    ("A single dose of the vaccine provided strong protection against severe disease.", 3),
    ("Blocking the enzyme halted tumour growth in mice.", 3),
    ("Regular exercise wards off depression in older adults.", 3),
    ("Chronic stress stiffens the arteries.", 3),
    ("Survival depends on how quickly treatment starts.", 3),
    ("Babies born preterm had a higher odds ratio for asthma.", 1),
    ("Our results raise the possibility that early life stress affects immune function.", 2),
    ("Antibiotic use was apparently linked to fewer admissions.", 1),
]


@pytest.mark.parametrize("text, level", THIRD_ROUND)
def test_third_round(rate, text, level):
    assert rate(text) == level


def test_claims_know_their_sentence():
    estimate = classifier()("Coffee is linked to liver health. It may also protect the heart.")
    assert [c.sentence for c in estimate.claims] == [0, 1]
    assert estimate.level == 1 and estimate.decided_by.sentence == 0


# Rules added against Yu et al.'s PubMed corpus (bench/causal_language.py); sentences written here.
@pytest.mark.parametrize("text, level", [
    # a purpose, in a sentence that calls for something: what it is for, not what it does
    ("Community programmes are needed to reduce falls in care homes.", 0),
    ("Clinics should adopt reminder letters in order to increase screening uptake.", 0),
    ("Strategies to encourage breastfeeding deserve funding.", 0),
    # ... but a verb of showing or helping before "to" makes the verb the claim
    ("Daily stretching was shown to reduce back pain.", 3),
    ("Group walks help to lower blood pressure.", 3),
    # a headline's purpose is its claim: no call for anything in the sentence
    ("Stretch every morning to reduce back pain", 3),
    # a quantity changing in a group or at a time: a difference, not one thing changing another
    ("Ferritin levels are raised in patients with long COVID.", 1),
    ("Hospital admissions decreased significantly after 2015.", 1),
    ("Mortality was reduced in the aspirin group.", 3),  # a passive of what the drug did
    # relationship words in the plural and with "between"
    ("Vitamin D status showed correlations with mood scores.", 1),
    ("There was a relation between sleep length and body weight.", 1),
    # a call for more research about what the clause names
    ("The association between coffee and migraine requires further investigation.", 0),
])
def test_purpose_change_and_calls_for_research(rate, text, level):
    assert rate(text) == level


def test_runs_of_spaces_do_not_split_a_cue(rate):
    assert rate("Screen time was associated  with poorer sleep.") == 1


@pytest.mark.parametrize("text, insciout, yu2019", [
    ("Walking groups did not reduce loneliness in older adults.", 0, 3),  # a denied relationship
    ("Tea drinking was not associated with glaucoma.", 0, 1),
    ("A nurse-led clinic could be an alternative to surgery.", 2, 0),  # a hedge about no relationship
    ("Weekly coaching can improve glucose control.", 2, 3),  # "can": a hedge, or an ability
    ("Regular sauna use may lower blood pressure.", 2, 2),  # where the schemes agree
])
def test_annotation_schemes_differ_where_their_guidelines_do(text, insciout, yu2019):
    assert classifier(None, "insciout")(text).level == insciout
    assert classifier(None, "yu2019")(text).level == yu2019


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="unknown annotation scheme 'sumner'"):
        StrengthClassifier(scheme="sumner")
