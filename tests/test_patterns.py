"""Patterns of wording learnt from the accuracy dev sets (bench/accuracy.py), each on
sentences written for this test: what makes a claim, what is a caveat, and how severity and
rule choice follow the wording and the evidence."""

from __future__ import annotations

import pytest


def rules_of(report) -> set[str]:
    return {f.rule for f in report.findings}


def severity_of(report, rule: str) -> str:
    return next(f.severity.value for f in report.findings if f.rule == rule)


# -- what is (not) a claim ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Is kratom safe?",  # a question asks
    "Kratom can slow your reactions, so do not drive after taking it.",  # a risk
    "Berberine may lower blood sugar, so taking it with diabetes medicines can cause hypoglycaemia.",  # interaction
    "Oral zinc can reduce how well some antibiotics work.",
    "Adverts often suggest that fish oil prevents heart attacks.",  # distanced
    "Fish oil supplements have not been shown to protect against heart disease.",  # negated both ways
    "Spravato is used for adults whose depression is resistant to treatment.",  # look-alike
    "In stock - ships within 24 hours. Fast shipping!",  # speed about shipping
    "Everyone responds differently to kava.",  # breadth with no effect
    "The NIH-supported studies of saw palmetto were large.",  # support as funding
    "The one placebo-controlled trial of microdosing for adult ADHD found nothing.",  # what a study tested
    "There are zero controlled trials on delta-8 for anxiety.",
    "You may see posts saying that cannabis oil shrinks tumours.",  # what posts say
    "Our vitamin D client tested positive for covid last winter.",  # a test, not a use
    "Every batch of our stem cells is screened for hepatitis.",
    "Kava lozenges melt in your mouth.",  # how it dissolves
    "CBD oil. Unlike THC, it does not make you high.",  # a substance's high, not a treatment
    "This is the tirzepatide everyone's talking about.",  # popularity, not breadth
    "Kratom for back pain. Update for anyone who finds this later: I tapered off.",  # addressing readers
    "No trial has yet shown that nicotine pouches help people stop smoking.",  # "yet" is an adverb here
    "Quit Smoking Service",  # a heading, not someone quitting
    "In Australia, authorised psychiatrists may prescribe MDMA for PTSD.",  # who may prescribe it: a status
    "People in the Facebook groups swear kratom cured their fibromyalgia.",  # hearsay
    "Melatonin gets people with insomnia to sleep only about 7 minutes faster.",  # a small measured effect
    "The FDA just hates kratom because big pharma can't patent a leaf.",  # rhetoric, no comparison
    "Because the center operates outside the United States, you can access MDMA therapy legally.",
    "NICE advises against offering nabilone for chronic pain.",  # a recommendation not to
    "Doctors warn against using kratom for opioid withdrawal.",
    "Ashwagandha may ease stress. For anxiety the picture is less clear.",  # what is known, not clearing
    # other treatments said to exist
    "Probiotics for IBS. If IBS is affecting your life, talk to your doctor, because there are treatments with much better evidence.",
    "Valerian for sleep. If poor sleep is part of your pain picture, raise it with your care team too; there are sleep treatments that work.",
    "Semaglutide for weight loss. Seek help right away if you notice changes in your mood.",  # help as a noun
    "Tirzepatide for weight loss. Get medical help right away for severe stomach pain that won't go away.",
    # claims reported: by the sites that make them, as claims sold with, by the one who claimed
    "Intravenous vitamin C. Many people have read about it online, often on sites that describe it as a natural cancer cure.",
    "Chelation products. In 2010 the FDA warned companies whose chelation products were sold with claims to treat autism.",
    "Vitamin D. A seller who claimed vitamin D prevented COVID was the first person sued under the act.",
    # a trial's name in capitals
    "Hydroxychloroquine. Large randomised trials, including RECOVERY, found that it did not reduce deaths in hospitalised patients with COVID-19.",
    "Hydroxychloroquine. The UK RECOVERY trial found that it did not reduce deaths in people in hospital with COVID-19.",
    # nouns and adjectives built on an effect word
    "Glucosamine. The things with the best evidence in knee osteoarthritis are regular exercise and strengthening work with a physiotherapist.",
    "DMT. We are looking for adults with major depressive disorder to take part in a study of DMT given as an infusion together with talking support.",
    "Esketamine. An evaluation takes about an hour and covers your history, previous treatments, blood pressure and medicines.",
    "Ketamine. Without a provider monitoring you, problems like a blood pressure spike or slowed breathing can go unnoticed.",
    "Semaglutide. It is meant to be used with a reduced-calorie eating plan by adults with high blood pressure.",
    "Psilocybin. A study compared psilocybin with escitalopram, a common antidepressant, in major depression.",
    "Elderberry syrup. Rest and fluids can make you more comfortable while your body clears the virus.",  # the body does it
    # trials with no difference, and the effect put down to something else
    "hCG injections. Both groups lost weight, and there was no difference between them.",
    "Microdosing LSD. In one large study in depression, people who took placebo capsules improved about as much as the people who microdosed.",
    # a reference list entry
    "Melatonin.\n\nFerracioli-Oda E, et al. Meta-analysis: melatonin for the treatment of primary sleep disorders. PLoS One. 2013.",
    # medicines the reader takes, harms of other treatments, a harm told with an effect verb
    "Ashwagandha. Ashwagandha may also interact with medicines for diabetes, high blood pressure and thyroid conditions.",
    "Nabilone. Feeling sick is one of the side effects of cancer treatment that people dread most.",
    "Hydroxychloroquine. Low blood sugar: it can lower blood sugar, sometimes severely.",
    # another treatment's result, the page's product denied after it
    "Elderberry syrup. For flu, antiviral medicines such as oseltamivir have been shown to work in large trials, and elderberry is not a substitute for them.",
    "Valerian. Talking therapies help many people with insomnia.",  # a treatment that is not a medicine
    # treatment as a course, stopping it, changing the dose, an approval withdrawn
    "Ibogaine. People with opioid addiction usually need ongoing treatment.",
    "Ibogaine. People with opioid addiction usually need several months of treatment.",
    "hCG injections. When participants stopped hCG, their excess weight returned.",
    "Ketamine. In the weeks after stopping, most people with depression relapsed.",
    "Epidiolex for seizures. Do not stop Epidiolex suddenly, because this can make seizures more frequent; your neurologist will explain how to reduce the dose if it needs to be stopped.",
    "Kratom. Going to ask my doc about slowing down the taper before I try anything else for withdrawal.",
    "Ibogaine. We welcome veterans living with PTSD, and we offer a reduced rate for those who served.",
    # a state told of a person with nothing that brought it about, why someone came, how the
    # body clears a medicine, a study's comparison arm
    "Ibogaine retreat. Two years sober this spring.",
    "Ibogaine retreat. I'm eight months clean and still pinching myself about it.",
    "Ibogaine. Guests who come to us for opioid addiction stay five days.",
    # what no trial has shown, over a list; what people on a forum say
    "NAD+ boosters. No trial has shown that NMN or nicotinamide riboside slows ageing, extends lifespan or prevents any disease in people.",
    "BPC-157. Any fitness forum will give you people who say it fixed their torn tendon in a couple of weeks.",
    "Hydroxychloroquine. The US FDA withdrew its emergency authorisation for COVID-19 in June 2020.",
    # a heading over the evidence, and the size or the doubt told of the benefit
    "LSD.\n\nWhat the earlier evidence shows\n\nIn one trial anxiety fell.",
    "Cannabis. Cannabis may ease chronic pain for some people, but the evidence is mixed and the benefit, where there is one, is usually small.",
    "Esketamine. For many people with depression any benefit builds over several weeks of treatment.",
    # what the studies found and tested, and how common side effects were
    "Valerian. Valerian may help some people with insomnia, but the trials so far are small, their results are inconsistent and many had design problems.",
    "Berberine. In people with diabetes, side effects were no more common than with placebo.",
    "Probiotics. Probiotics have been tested in many randomised trials for preventing diarrhea during antibiotic treatment.",
    "Compounded semaglutide. Semaglutide is sold as Wegovy (for weight management).",  # a brand and its licensed use
    # how the illness goes anyway, and what the body's own hormones do
    "BPC-157. Achilles tendons heal slowly, often 9 to 12 months to get back to jumping.",
    "Elderberry. Most colds clear up on their own.",
    "Elderberry. Most people with flu get better without any treatment.",
    "Tirzepatide. Tirzepatide is a weekly injection that acts on two gut hormone receptors, GIP and GLP-1, which help regulate appetite and blood sugar.",
    # research under way with a word between, others' reports retold, what things get called
    "Ketamine. Researchers are also studying ketamine for OCD and chronic pain.",
    "Chelation. Some moms in our Facebook group say chelation cured their kids of autism completely.",
    "Chelation. A lot of parents on the forums say it has helped with their kids' autism too.",
    "Cannabis oil. Rick Simpson was an engineer who said he cured his own skin cancer with cannabis oil.",
    "Berberine. Everything gets called a miracle cure for diabetes eventually.",
    # what sellers and others say or advertise, reported
    "Stem cell therapy. Some clinics advertise stem cells for autism and multiple sclerosis.",
    "Mercury skin creams. Online sellers advertise them for melasma and promise fast results.",
    "BPC-157. Sellers and social media posts describe it as a peptide that heals tendons.",
    "Ibogaine. Clinics abroad and some online communities describe ibogaine as a way to interrupt opioid withdrawal.",
    # a promise refused over a list, what someone had been told
    "Ibogaine. We will not promise you that ibogaine will end your opioid use, spare you withdrawal or repair a brain injury.",
    "Chlorine dioxide. Others were children whose parents had been told the products could help with autism.",
    # raising a measure that harms when high, slowing what must not slow
    "Ketamine. Because ketamine raises blood pressure and can slow breathing, we review your heart first.",
    "Vitamin D. People with conditions that can raise blood calcium should ask a doctor first.",
    # labels: a line of hashtags, a heading over the evidence with a hyphened word
    "Vitamin D. Sunshine and D3 every morning!\n\n#covid #vitaminD3 #prevention #staywell",
    "LSD.\n\nWHAT THE FULL-DOSE RESEARCH SHOWS\n\nIn one trial anxiety fell.",
])
def test_not_asserted_claims_draw_no_claim_finding(check, text):
    found = {r for r in rules_of(check(text)) if r.startswith("HL1")}
    assert not found, found


def test_a_rhetorical_question_asserts(check):
    assert "HL101" in rules_of(check("Did you know that our capsules can help control blood sugar?"))
    assert "HL101" not in rules_of(check("Can our capsules help control blood sugar?"))


def test_a_qualifier_makes_a_claim_about_the_page_topic_without_a_mention(check):
    report = check("Kratom capsules for pain.\n\nSafe, gentle and with no side effects.")
    assert "HL107" in rules_of(report)


def test_a_pronoun_stands_for_the_page_topic(check):
    report = check("Glucosamine for joint pain.\n\nIt works for everyone, every single time.")
    assert "HL110" in rules_of(report)
    assert any(c.intervention == "glucosamine" for c in check("Glucosamine.\n\nIt cures arthritis.").claims)


@pytest.mark.parametrize("text, rule", [
    ("Anticancer and antiproliferative effects.", "HL101"),  # an implied condition
    ("Helps prevent the spread of malignant cells.", "HL101"),
    ("I noticed a drop in my glucose levels after a week on this supplement.", "HL101"),
    ("The same active ingredient as Ozempic, at a fraction of the price.", "HL106"),  # sameness
    ("Unlike harsh pharmaceuticals, kratom works with your body.", "HL106"),
    ("Relieves joint pain for good, even when cortisone shots have failed.", "HL106"),
    ("BPC-157 heals torn ligaments up to 3x faster.", "HL104"),
    ("It was gone after one vial of BPC-157.", "HL104"),
    # outcomes told as a condition going quiet, lighter, into remission or no longer bothering
    ("Ginkgo. The ringing in my ears went quiet after a month on ginkgo.", "HL201"),
    ("My dark spots are already lighter after a week of the mercury cream.", "HL101"),
    ("My Crohn's went into remission after a month on the probiotic.", "HL101"),
    ("I started kava last month and my arthritis hasn't bothered me since.", "HL101"),
    ("The turmeric gummies took my arthritis knee pain away.", "HL103"),  # a longer object
    ("Parents have seen their children come back from autism with chlorine dioxide.", "HL101"),
    # killing told as what the disease cannot survive
    ("Ozone therapy floods the blood with oxygen, and cancer cannot survive in an oxygen-rich body.", "HL101"),
    ("Covid is a virus, and no virus can survive chlorine dioxide.", "HL101"),
    # weight loss told as fat set free, as what people see, as kept off
    ("hCG signals your body to unlock stored fat.", "HL102"),
    ("hCG drops switch your body into fat-burning mode.", "HL102"),
    ("Most women see fat loss in the first week on hCG drops.", "HL102"),
    ("I have kept 40 lbs off for a year with semaglutide.", "HL202"),
    # an improvement told as what people notice; back to the activity; the household spared
    ("Most men with BPH notice a stronger stream within 14 days of saw palmetto.", "HL102"),
    ("I had COVID, took the ivermectin kit and was back at work three days later.", "HL102"),
    ("Nobody in our house has had a cold since we started elderberry syrup.", "HL103"),
    ("Turmeric is nature's answer to everyday aches.", "HL201"),  # the answer to a condition
    # speed: a few treatments, the first unit, waking after it, a short trial, the end of the week
    ("Ozone therapy clears Lyme disease after just three sessions.", "HL104"),
    ("Kratom eased my back pain after the very first gummy.", "HL104"),
    ("Ibogaine cures opioid withdrawal: guests wake up the morning after treatment feeling normal.", "HL104"),
    ("Two ketamine sessions and my depression was gone.", "HL104"),
    ("After three nights with ayahuasca my PTSD was gone.", "HL104"),
    ("Give kratom 10 days and your back pain will be history.", "HL104"),
    ("Elderberry knocks out the flu by the end of the week.", "HL104"),
    # comparison: where other treatments fail, the other treatment dropped
    ("Vitamin C infusions shrink tumours where chemo can't.", "HL106"),
    ("Ayahuasca heals depression where antidepressants have failed.", "HL106"),
    ("Ashwagandha fixed my anxiety and I ditched the SSRIs.", "HL106"),
    ("Echinacea is a powerful natural antibiotic for strep throat.", "HL106"),  # named after a medicine
    ("Unlike a flu shot, black elderberry helps your body fight the flu.", "HL106"),
    ("Berberine melts belly fat without the jitters, crashes or side effects of stimulant diet pills.", "HL106"),
    # a safety claim whose own negation ends a longer negation ("there is no", "is not")
    ("Our stem cell injections for knee arthritis use your own cells, so there is no risk of rejection.", "HL107"),
    ("Ketamine for depression is not habit-forming at the doses we use.", "HL107"),
    # ranked above every other option
    ("Fish oil is the single best thing you can do to prevent heart disease.", "HL106"),
    ("NAD+ IV therapy is one of the most effective tools we have for opioid withdrawal.", "HL106"),
    ("Nicotine pouches are the easiest way to quit smoking.", "HL106"),
    # what earlier treatment never did, as safe as the brand
    ("Two ayahuasca ceremonies did what seven years of VA pills and talk therapy never could: my PTSD is gone.", "HL106"),
    ("Our compounded tirzepatide for weight loss is every bit as safe as the brand-name pens.", "HL106"),
    # ... and the harm of the treatment set against is no caveat on the claim
    ("Honestly elderberry works better for the flu than Tamiflu ever did, and Tamiflu made my son throw up.", "HL106"),
    # safety: a harm denied
    ("Curcumin relieves joint pain with no irritation.", "HL107"),
    ("Curcumin relieves knee pain without upsetting your stomach.", "HL107"),
    ("Kratom eases back pain and there is nothing toxic about it.", "HL107"),
    ("Kava calms anxiety and it's not gonna hurt you.", "HL107"),
    # durability: still there years on, long-term protection
    ("Stem cells fixed my knees and two years later I'm still pain-free.", "HL105"),
    ("Glucosamine gives long-term protection against arthritis.", "HL105"),
])
def test_wordings_that_make_a_claim(check, text, rule):
    assert rule in rules_of(check(text))


def test_anyone_in_a_clause_of_time_is_no_breadth(check):
    # "whenever anyone ... has a cold" says when, not that it works for everyone
    text = "Whenever anyone in our house has a cold, we take elderberry syrup and it is gone in a day."
    assert "HL110" not in rules_of(check(text))


def test_typographic_apostrophes_match(check):
    assert any(c.intervention == "st-johns-wort" for c in check("St. John’s wort cures depression.").claims)
    assert "negated" in check("Omega-3 supplements don’t reduce heart disease.").claims[0].context


@pytest.mark.parametrize("text", [
    # Sentences of this file that read differently printed with "’" (as most pages print
    # them): pattern words with "'" had no typographic spelling, and "didn’t" denied nothing.
    "After the ceremony the depression simply lifted, and I haven't taken an antidepressant in two years.",
    "CBD for anxiety. CBD didn't touch my anxiety, a waste of money.",
    "Ketamine for PTSD. Ketamine did what years of therapy couldn't: my PTSD is gone.",
    "Ketamine treats depression in a way SSRIs simply can't.",
    "One psilocybin ceremony does for depression what ten years of therapy couldn't.",
    "Ozone therapy cures Lyme disease. The FDA doesn't approve ozone for any medical use.",
    "The big trials didn't show that it shrinks the prostate.",
    "Two weeks with the vape and I haven't touched a cigarette since.",
    "Vitamin C infusions shrink tumours where chemo can't.",
])
def test_a_typographic_apostrophe_reads_as_a_straight_one(check, text):
    def reading(report):
        return (sorted(f.rule for f in report.findings), sorted((c.kind, c.level) for c in report.caveats),
                [(c.intervention, c.condition, sorted(c.context)) for c in report.claims])
    assert reading(check(text.replace("'", "\u2019"))) == reading(check(text))


# -- severity and rule choice --------------------------------------------------------------

def test_a_hedged_claim_is_a_warning(check):
    assert severity_of(check("Echinacea is probably safe for most adults."), "HL107") == "warning"
    assert severity_of(check("Echinacea is safe."), "HL107") == "error"


def test_an_unknown_product_claiming_a_minor_condition_is_a_warning(check):
    assert severity_of(check("Our cream clears acne."), "HL101") == "warning"
    assert severity_of(check("Our cream cures skin cancer."), "HL101") == "error"


def test_contradicted_evidence_covers_kinds_of_its_condition_not_broader_ones(check):
    # chelation-therapy/heart-disease is contradicted; "clogged arteries" is a kind of heart disease
    assert "HL102" in rules_of(check("Chelation therapy clears clogged arteries."))
    # glucosamine/osteoarthritis is contradicted; "arthritis" is broader: unsupported, not contradicted
    broader = rules_of(check("Glucosamine relieves arthritis pain."))
    assert "HL101" in broader and "HL102" not in broader


def test_hl103_speaks_beside_hl102_when_the_wording_overstates(check):
    assert {"HL102", "HL103"} <= rules_of(check("Ivermectin cures COVID-19."))


def test_the_word_treatment_claims_only_beside_its_condition(check):
    # A visit described: "treatment" names what is given, it does not say what it does.
    page = check("Stem cell therapy for autism: what a visit looks like.\n\n"
                 "Each stem cell treatment at our clinic takes about three hours, paperwork included.")
    assert [c.text for c in page.claims if "three hours" in c.text] == []
    # Named by its condition, or as "the treatment of" it, it claims the use.
    assert {"HL102", "HL103"} <= rules_of(check("Hydroxychloroquine is an approved COVID treatment."))
    assert "HL103" in rules_of(check("Ketamine nasal spray for the treatment of depression."))


def test_for_after_a_status_or_use_participle_is_no_efficacy_claim(check):
    # The status told is HL109's to judge; "for" after it says nothing about the effect.
    assert rules_of(check("Ivermectin was FDA-approved for COVID-19 last year.")) & {"HL101", "HL102", "HL103"} == set()
    assert "HL109" in rules_of(check("Ivermectin was FDA-approved for COVID-19 last year."))
    assert not [c for c in check("Enobosarm was developed for muscle wasting in cancer patients.").claims]
    # "for" right after the product still names its use
    assert "HL102" in rules_of(check("Ivermectin for COVID-19: it works."))


def test_evidence_about_a_narrower_condition_allows_one_step_less(check):
    # ketamine has moderate evidence for treatment-resistant depression only
    assert "HL103" in rules_of(check("Ketamine nasal spray for the treatment of depression."))
    assert "HL103" not in rules_of(check("Ketamine may help treatment-resistant depression."))


def test_a_listed_serious_condition_without_evidence_is_unsupported(check):
    report = check("Our stem cell therapy treats knee osteoarthritis, multiple sclerosis and autism.")
    assert any(f.rule == "HL101" and f.condition in ("multiple-sclerosis", "autism") for f in report.findings)


def test_an_implied_condition_needs_certainty_for_evidence_rules(check):
    def line_3(text):
        return {f.rule for f in check(text).findings if f.location.line == 3}

    assert not {"HL101", "HL102"} & line_3("Ivermectin and COVID-19: our readers write\n\nIt had me back on my feet in 48 hours.")
    assert "HL102" in line_3("Ivermectin and COVID-19: our readers write\n\nIt is proven to cure it.")


def test_the_specific_variant_named_on_a_page_is_meant_by_the_bare_name(check):
    report = check("Compounded semaglutide, shipped to your door.\n\nSemaglutide melts away 20% of your body weight.")
    interventions = {c.intervention for c in report.claims}
    assert "compounded-semaglutide" in interventions and "semaglutide" not in interventions


def test_the_supplement_disclaimer_only_partly_states_the_evidence(check):
    page = ("Elderberry syrup stops colds. These statements have not been evaluated by the Food and Drug "
            "Administration. This product is not intended to diagnose, treat, cure or prevent any disease.")
    report = check(page)
    assert any(c.kind == "evidence-status" and c.level == "partial" for c in report.caveats)


# -- status claims by place ------------------------------------------------------------------

def test_a_status_claim_is_checked_against_the_places_it_names(check):
    assert "HL109" in rules_of(check("Psilocybin is completely legal."))  # US, UK, EU: controlled
    assert "HL109" not in rules_of(check("Psilocybin services are legal in Oregon."))  # not in the status table
    assert "HL109" not in rules_of(check("Canada: cannabis is legal for adults under the Cannabis Act."))  # legal, restricted
    assert "HL109" in rules_of(check("Cannabis is legal in the United States."))  # Schedule I there


def test_ranking_labels_and_guarantees_are_not_claims(check):
    page = "Kava gummies for anxiety\n\n- Best for sleep: Kava Calm Chews\n- 100-day money-back guarantee\n"
    assert not [c for c in check(page).claims if c.location.line > 1]


def test_seizures_on_an_epilepsy_syndrome_page_use_the_syndromes_evidence(check):
    report = check("Within three days of starting Epidiolex, her seizures stopped completely.")
    assert "HL101" not in rules_of(report)  # Epidiolex is approved for three epilepsies
    assert "HL103" in rules_of(report)  # ... not for every kind of seizure


def test_a_pronoun_with_only_an_effect_word_needs_a_condition(check):
    assert not [c for c in check("Glucosamine.\n\nIt improves the absorption of calcium.").claims if c.location.line == 3]
    assert [c for c in check("Glucosamine.\n\nIt relieves joint pain.").claims if c.location.line == 3]


def test_a_risk_verb_whose_object_is_an_effect_states_no_risk(check):
    report = check("Stem cell therapy for autism can lead to improvement in behaviour.")
    assert not [c for c in report.caveats if c.kind == "adverse-effects"]
    assert {"HL101", "HL201"} <= rules_of(report)
    risk = check("Stem cell therapy for autism can lead to infections.")
    assert [c for c in risk.caveats if c.kind == "adverse-effects"]


def test_a_condition_named_in_the_plural_is_the_condition(check):
    """The table lists "torn tendon"; pages write "torn tendons"."""
    claim = next(c for c in check("BPC-157 heals torn tendons within weeks.").claims)
    assert claim.condition == "musculoskeletal-injury"


@pytest.mark.parametrize("text, condition", [
    ("Ginkgo sharpens a poor memory in weeks.", "memory-loss"),  # "sharpen" is an effect
    ("Elderberry syrup: sniffles gone in 24 hours.", "common-cold"),
])
def test_everyday_names_of_a_cold_and_sharpening_memory(check, text, condition):
    assert condition in {c.condition for c in check(text).claims}


def test_memories_are_no_memory_loss(check):
    """"memory" alone is no condition name: "processing traumatic memories" is no claim
    about memory loss (tried as a name, it turned the example page's claims)."""
    assert "memory-loss" not in {c.condition for c in check("MDMA helps you process traumatic memories.").claims}


def test_a_rotator_cuff_is_a_musculoskeletal_injury(check):
    assert [c.condition for c in check("BPC-157 healed my rotator cuff tear.").claims] == ["musculoskeletal-injury"]


def test_a_condition_listed_in_the_plural_is_named_in_the_singular_too(check):
    """The table lists "dark spots"; a page writes "for dark spot". Only names of two or more
    words: a single word's singular is often another word ("piles", "hives")."""
    from checker.lexicon import singular_of_last_word

    claim = next(c for c in check("This cream fades dark spot in one week.").claims)
    assert claim.condition == "hyperpigmentation"
    assert singular_of_last_word("hot flashes") == ["hot flash"]
    assert singular_of_last_word("sleep difficulties") == ["sleep difficulty"]
    assert singular_of_last_word("hives") == [] and singular_of_last_word("herpes virus") == []


@pytest.mark.parametrize("text, condition", [
    ("Kratom got rid of my withdrawals.", "withdrawal"),
    ("After one session with ibogaine the withdrawal symptoms went away.", "withdrawal"),
    ("Ashwagandha made my anxiety disappear.", "anxiety"),
    ("Valerian kicked my insomnia.", "insomnia"),
])
def test_told_outcomes_are_claims(check, text, condition):
    claims = [c for c in check(text).claims if c.condition == condition]
    assert claims and claims[0].strength != "mention"


def test_a_claim_about_withdrawal_in_general_meets_the_opioid_withdrawal_evidence(check):
    report = check("Kratom took away my withdrawal.")
    assert "HL101" in rules_of(report)  # kratom for opioid withdrawal: insufficient


def test_an_onset_idiom_is_no_outcome(check):
    assert not check("The effects of the valerian kicked in after 20 minutes.").claims


def test_some_studies_hedge_reaches_past_a_long_subject(check):
    text = ("Some small studies of glucosamine in older adults with knee osteoarthritis and "
            "long-standing joint pain have shown improved pain scores.")
    claim = next(c for c in check(text).claims if c.intervention == "glucosamine")
    assert claim.strength == "possibility" and "hedged" in claim.context
    far = ("Glucosamine is sold in every pharmacy, and shoppers in the United States spend a great deal on it "
           "each year, and it reduces joint pain.")
    assert "hedged" not in next(c for c in check("Some studies exist. " + far).claims).context


@pytest.mark.parametrize("text", [
    "Walk in any time during store hours for your annual flu vaccine.",
    "Stock up on zinc lozenges for allergy season.",
    "Donate to our cancer charity this month.",
])
def test_a_condition_name_modifying_a_noun_is_no_claimed_condition(check, text):
    assert not check(text).claims


def test_a_condition_beside_a_modifier_use_still_counts(check):
    report = check("At our cancer clinic, ozone therapy cures cancer.")
    assert any(c.condition == "cancer" and c.intervention == "ozone-therapy" for c in report.claims)


@pytest.mark.parametrize("text", [
    "Down 42 pounds since my first apple cider vinegar shot!",
    "I dropped 14 pounds on berberine.",
])
def test_a_weight_outcome_names_its_condition(check, text):
    claim = next(c for c in check(text).claims)
    assert claim.condition == "weight-loss" and not claim.condition_inherited


def test_a_named_condition_wins_over_the_one_an_effect_implies(check):
    claim = next(c for c in check("Berberine lowered my blood sugar and I lost 10 pounds.").claims)
    assert claim.condition == "diabetes"


@pytest.mark.parametrize("text", [
    "Our melatonin gummies are FDA approved.",  # a supplement: no regulator approved it
    "Ivermectin is now FDA approved for COVID-19.",  # approved, but not for a use the table finds disproved
])
def test_an_approval_the_status_table_does_not_record_is_misstated(check, text):
    assert "HL109" in rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Melatonin is approved in the UK for insomnia in people over 55.",  # approved for some patients
    "Ivermectin for COVID-19?\n\nSold in the US as Stromectol, it is FDA approved.",  # approved, condition only inherited
    "Melatonin gummies: pediatrician-approved and dermatologist tested.",  # approval by a person
    "MDMA. In the US MDMA is a Schedule I drug, so outside of an approved study you are breaking federal law.",  # a study's approval
    "CBD. Our CBD oil for anxiety, family-approved and delicious.",  # a hyphened seal of liking
    "Kratom capsules for back pain. Is it even legal tho",  # a question about the law
    "MDMA therapy for PTSD. The legal picture varies too.",  # the law as a topic
    "Cannabis oil for epilepsy. The FDA approved Epidiolex, a cannabis-derived medicine, back in 2018.",  # another product, by name
    "MDMA. The only legal way to receive MDMA-assisted therapy in the US is through a clinical trial.",  # the limit of the law
])
def test_a_true_or_non_regulatory_approval_is_not_misstated(check, text):
    assert "HL109" not in rules_of(check(text))


def test_a_drug_class_named_without_a_warning_is_no_caveat(check):
    report = check("Unlike SSRIs, ketamine works on the same day.")
    assert report.claims and not any(c.kind == "contraindications" and c.level == "full" for c in report.caveats)
    warned = check("Do not combine ketamine with SSRIs.")
    assert any(c.kind == "contraindications" and c.level == "full" for c in warned.caveats)


def test_the_medicine_compared_with_is_not_the_subject(check):
    report = check("Compounded tirzepatide.\n\nIt works better than semaglutide for weight loss.")
    assert {c.intervention for c in report.claims} == {"compounded-tirzepatide"}
    assert {c.intervention for c in check("Unlike methadone, ibogaine interrupts addiction.").claims} == {"ibogaine"}


def test_the_medicine_a_copy_is_likened_to_is_not_the_subject(check):
    report = check("Compounded tirzepatide.\n\nOur vials hold the same active ingredient as Mounjaro and melt away "
                   "belly fat in weeks.")
    assert {c.intervention for c in report.claims} == {"compounded-tirzepatide"}
    assert {f.intervention for f in report.findings if f.rule.startswith("HL2")} <= {"compounded-tirzepatide"}
    # with no subject named or inherited, the claim is about whatever is sold against it
    alone = check("Our shots have the same active ingredient as Ozempic, at a fraction of the price.")
    assert {(c.intervention, f.rule) for c in alone.claims for f in alone.findings} == {("product", "HL106")}
    # named first, the medicine is the subject again
    assert {c.intervention for c in check("Mounjaro melts away belly fat in weeks.").claims} == {"tirzepatide"}


@pytest.mark.parametrize("text", [
    "Relax in a calm, private space with a view of the sea.",
    "Each zinc lozenge dissolves slowly to coat your throat.",
])
def test_adjectives_and_lozenges_are_not_effects(check, text):
    assert not check(text).claims


def test_a_comparison_of_taste_claims_nothing(check):
    assert "HL106" not in rules_of(check("Melatonin gummies.\n\nTastes better than it smells!"))
    # the claim beside it still counts
    assert "HL104" in rules_of(check("Melatonin gummies.\n\nTastes better than other brands and works twice as fast for insomnia."))


@pytest.mark.parametrize("text", [
    "Melatonin gummies fixed my insomnia on the first night.",
    "Ashwagandha slashes stress within days.",
    "By my second dose of ketamine my depression had lifted.",
])
def test_more_told_outcomes_and_speeds(check, text):
    report = check(text)
    assert "HL104" in rules_of(report)


def test_a_true_approval_for_the_claimed_use_states_the_status(check):
    page = "Wegovy is FDA-approved for chronic weight management and helps you lose weight."
    assert "HL204" not in rules_of(check(page))
    off_label = "Ivermectin cures COVID-19. It is FDA approved and safe."
    assert "HL204" in rules_of(check(off_label))


@pytest.mark.parametrize("text", [
    "Gave me heartburn, so I stopped taking the turmeric after one week.",
    "With esketamine you stay with us in a private treatment room for two hours.",
])
def test_stopping_the_product_and_treatment_furniture_are_not_effects(check, text):
    assert not {r for r in rules_of(check(text)) if r.startswith("HL1")}


def test_an_approved_indication_is_supported(check):
    report = check("Ivermectin is a prescription medicine that treats river blindness and strongyloidiasis.")
    assert {c.condition for c in report.claims} & {"onchocerciasis", "strongyloidiasis"}
    assert not {"HL101", "HL103"} & rules_of(report)


@pytest.mark.parametrize("text, rule", [
    ("Colloidal silver kills any infection you can name.", "HL110"),
    ("Kids on the chlorine dioxide protocol are recovering from autism.", "HL101"),
    ("Colloidal silver: your natural COVID shield.", "HL101"),
    ("I had the flu on Friday and by Saturday night elderberry had me back to normal.", "HL104"),
    ("Ivermectin clears COVID in about 48 hours.", "HL104"),
    ("Kratom knocked out my opiate withdrawal within an hour.", "HL104"),
    ("Zinc lozenges cure a cold in like a day.", "HL104"),
    ("That single LSD trip did more for my anxiety than five years of therapy.", "HL104"),  # one trip
    ("Microdosing shrooms melts everyday anxiety in a matter of days.", "HL104"),
    ("My melasma is gone after 10 days of the mercury cream.", "HL104"),
    ("I lost 14 pounds the first two weeks on hCG drops.", "HL104"),
    ("My son's chest infection didn't budge with amoxicillin, but 3 days of silver drops and it was GONE.", "HL104"),
    ("Her cold was over by Wednesday with zinc lozenges.", "HL104"),
    ("Ketamine keeps your depression under control for the long term.", "HL105"),
    ("Six months later my depression still hasn't come back after psilocybin.", "HL105"),
    ("Red Bali kratom got me off oxy and I've been clean 4 years now.", "HL105"),
    ("Your anxiety starts to fade with kava, and the calm lasts for weeks.", "HL105"),
    ("After the ceremony the depression simply lifted, and I haven't taken an antidepressant in two years.", "HL105"),
    ("Ayahuasca is one of the gentlest medicines on earth.", "HL107"),
    ("Kava for anxiety: bloodwork came back perfect, kava did NOT wreck my liver.", "HL107"),
    ("Microdosing: haven't had a depressive episode since april and it feels permanent.", "HL101"),
    ("Frostline is the homeopathic flu remedy that stops the flu in its tracks.", "HL104"),  # "stops the flu" is no discontinuation
    ("Ivermectin and HCQ cut COVID hospitalizations by up to 85%.", "HL102"),
    ("Ivermectin works against every COVID variant.", "HL110"),
    ("Hydroxychloroquine is the miracle they didn't want you to know about for COVID.", "HL108"),  # a trope, not a negation
    ("Seriously, melatonin is a miracle for anyone who can't sleep.", "HL110"),  # breadth beside praise
])
def test_breadth_speed_and_outcome_wording_from_seller_posts(check, text, rule):
    assert rule in rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Compounded tirzepatide.\n\nIt contains tirzepatide, the same molecule, for a third of the price.",
    "Unlike crash diets, tirzepatide keeps the weight off.",
    "Psilocybin lifted the depression that years of antidepressants could not touch.",
    "For depression, one psilocybin journey does more than years of antidepressants.",
    "Ivermectin works better against COVID than the thousand-dollar antivirals.",
    "Microdosing LSD replaced my Adderall completely for ADHD.",
    "Colloidal silver cleared my son's ear infection when two rounds of amoxicillin didn't.",
    "After my second ayahuasca ceremony, the PTSD that no VA program could touch was simply gone.",  # no negation of "gone"
    "Curcumin works every bit as well as ibuprofen for knee osteoarthritis.",
    "Kava is the only anxiety protocol that has ever worked for me.",
    "Unlike Xanax, delta-8 takes the edge off anxiety.",  # a named medicine
    "Unlike TRT, our booster raises low testosterone.",
    "Six years of problem drinking, and kava got me sober when AA and pills never did.",
])
def test_sameness_and_set_against_other_treatments(check, text):
    assert "HL106" in rules_of(check(text))


def test_a_caveat_told_about_one_intervention_is_no_caveat_for_another(check):
    page = ("Kratom eases back pain. Ashwagandha calms anxiety.\n\n"
            "Kratom can cause dependence, and it can interact with other medicines.\n")
    report = check(page)
    missing = {(f.rule, f.intervention) for f in report.findings if f.rule in ("HL201", "HL202")}
    assert ("HL201", "ashwagandha") in missing and ("HL201", "kratom") not in missing
    assert {c.intervention for c in report.caveats if c.kind == "adverse-effects"} == {"kratom"}


def test_a_caveat_naming_no_intervention_counts_for_all(check):
    page = ("Kratom eases back pain. Ashwagandha calms anxiety.\n\n"
            "Both can cause side effects and can interact with other medicines.\n")
    assert not {"HL201", "HL202"} & rules_of(check(page))


def test_with_several_interventions_in_a_sentence_the_page_topic_is_the_subject(check):
    page = "# CBD gummies for anxiety\n\nTo avoid THC, choose an isolate, the safest pick, since it holds only cannabidiol.\n"
    assert {c.intervention for c in check(page).claims} == {"cbd"}


def test_a_name_followed_by_free_is_no_mention():
    from checker.nlp import build_pipeline

    doc = build_pipeline()("Our THC-free CBD gummies.")
    assert [s.id_ for s in doc.spans["hl_mentions"] if s.label_ == "INTERVENTION"] == ["cbd"]


def test_not_approved_states_the_legal_status_of_a_substance_no_one_controls(check):
    assert "HL301" not in rules_of(check("Chlorine dioxide cures autism. The FDA never approved it."))
    assert "HL301" in rules_of(check("Ibogaine cures addiction. It is not approved by the FDA."))  # Schedule I


@pytest.mark.parametrize("text, condition", [
    ("My A1C went from 7.9 to 5.8 on berberine.", "diabetes"),
    ("After two weeks with turmeric my joint pain is almost gone.", "joint-pain"),
    ("Since the stem cell therapy I no longer need my knee osteoarthritis injections.", "osteoarthritis"),
])
def test_outcomes_told_in_numbers_and_absences(check, text, condition):
    claims = [c for c in check(text).claims if c.condition == condition]
    assert claims and claims[0].strength == "efficacy"


def test_evidence_headings_and_lasting_as_a_verb_claim_nothing(check):
    page = check("# Fish oil and your heart\n\nAdverts suggest that it prevents heart attacks.\n\n"
                 "### What the research shows\n\nThe trials were large.\n")
    assert not [f for f in page.findings if "research" in f.text]
    report = check("Kratom for back pain. Call your doctor if you have a fever lasting more than three days.")
    assert "HL105" not in rules_of(report)


def test_give_back_needs_a_person_and_leaves_lasting_relief_alone(check):
    assert "HL105" in rules_of(check("Kratom gives lasting relief from back pain."))


def test_mixing_in_everyday_words_is_an_interaction_caveat(check):
    report = check("LSD microdosing helps focus. Lithium and LSD are a bad mix.")
    assert any(c.kind == "contraindications" and c.level == "full" for c in report.caveats)


@pytest.mark.parametrize("text, rule", [
    ("For depression, a microdose of LSD every third day lifts the fog.", "HL102"),  # microdosing, not LSD
    ("Lose up to 1 pound a day with hCG drops.", "HL102"),
    ("Cannabis stops panic attacks in their tracks.", "HL104"),
    ("Honestly, cannabis is the best thing we've seen for PTSD nightmares.", "HL106"),
])
def test_fourth_round_wording(check, text, rule):
    assert rule in rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Combine a nicotine patch with gum for breakthrough cravings.",
    "People with liver problems usually need a lower dose of Epidiolex.",
    "THE LEGAL QUESTION EVERYONE ASKS ABOUT KAVA",
])
def test_clinical_terms_and_topics_are_not_claims(check, text):
    assert not {r for r in rules_of(check(text)) if r.startswith("HL1")}


@pytest.mark.parametrize("text, rule", [
    ("Unlike opioids, cannabis has no risk of overdose and no nasty side effects — just relief.", "HL107"),
    ("My back pain is GONE after one delta-8 gummy.", "HL104"),
    ("I lost 32 pounds on hCG and I have kept it off for two years.", "HL105"),
    ("Since the chelation his autism is so much milder.", "HL101"),
])
def test_dashes_end_a_negation_and_more_outcome_wording(check, text, rule):
    assert rule in rules_of(check(text))


def test_less_of_a_condition_is_an_effect_and_less_of_anything_else_is_not(check):
    assert "HL102" in rules_of(check("Patients report less angina after ten chelation infusions."))
    assert not check("Kratom is less expensive than pills.").claims


def test_an_offer_is_for_what_the_page_makes_claims_about(check):
    page = "Epidiolex reduces seizures in Dravet syndrome. Shop CBD oils are not the same medicine. Buy now: $30."
    assert not [f for f in check(page).findings if f.rule == "HL302" and f.intervention == "cbd"]
    assert "HL302" in rules_of(check("MDMA crystals, 1 g. Add to cart. In stock."))  # a bare shop page


@pytest.mark.parametrize("text", [
    "After your MDMA session, sleep, water and gentle routines help you land.",
    "I started berberine and dropped 19 lbs without changing my diet.",
])
def test_gentle_activities_and_effortless_claims_are_not_safety_or_comparison(check, text):
    assert not {"HL106", "HL107"} & rules_of(check(text))


def test_verbs_that_name_their_object_claim_only_about_a_condition(check):
    assert "HL102" in rules_of(check("The hCG drops target stubborn belly fat."))
    assert not check("Our target audience is busy mums who want kratom.").claims


def test_long_covid_is_not_covered_by_the_acute_covid_trials(check):
    rules = rules_of(check("Ivermectin cleared up my long COVID brain fog."))
    assert "HL101" in rules and "HL102" not in rules
    assert "HL102" in rules_of(check("Ivermectin cured my COVID."))


def test_a_cue_with_gaps_does_not_run_into_the_next_sentence(check):
    # "lose ... weight" across a full stop is no weight claim; "instead of ... SSRIs" across
    # one must not hide the comparison inside the next sentence.
    report = check("Semaglutide for weight. Results vary, and some people lose much less. The weight loss varies.")
    assert not report.claims
    report = check("Ketamine works on glutamate instead of serotonin.\nUnlike SSRIs, which take weeks to touch "
                   "your depression, ketamine starts working the same day.")
    assert [f.text for f in report.findings if f.rule == "HL106"] == ["Unlike SSRIs"]


@pytest.mark.parametrize("text", [
    "Elderberry syrup for kids. If a doctor thinks your child has flu, antiviral medicines such as oseltamivir "
    "have been shown to work in large trials.",
    "St John's wort may help mild depression. Do not take it with:\n- medicines for HIV\n- the pill",
    "Kava for anxiety. In the trial, people who took placebo pills had less anxiety by week four.",
])
def test_another_kind_of_treatment_as_subject_is_not_a_claim_for_the_page(check, text):
    found = {r for r in rules_of(check(text)) if r in ("HL101", "HL103")}
    assert not found, found


def test_the_page_own_medicines_and_comparisons_with_others_still_count(check):
    assert "HL107" in rules_of(check("Ayahuasca and ibogaine retreats. Both medicines are completely safe."))
    assert "HL106" in rules_of(check("Elderberry syrup. Unlike antibiotics, it knocks out the flu."))


def test_a_brand_name_still_names_the_approved_product_on_a_page_about_its_variant(check):
    page = "Compounded semaglutide for weight loss, at a fraction of the price. {} is FDA-approved for weight management."
    assert "HL109" not in rules_of(check(page.format("Wegovy")))
    assert "HL109" in rules_of(check(page.format("Semaglutide")))  # the bare name means the variant here
    # Page-level caveats: what is said of the brand is said in selling the variant.
    report = check(page.format("Wegovy"))
    assert {f.intervention for f in report.findings if f.rule.startswith("HL2")} == {"compounded-semaglutide"}


@pytest.mark.parametrize("text, rule", [
    ("Zinc lozenges. Clinically proven to cut your cold short.", "HL103"),
    ("Elderberry gummies for kids. Kids love them and colds don't stand a chance!", "HL103"),  # holds its own negation
    ("Colloidal silver drops. After ten weeks my son's autism symptoms are 80% gone.", "HL101"),
    ("Ibogaine retreats in Mexico. I've been clean for 19 months since my ibogaine treatment.", "HL101"),  # names its condition
    ("Elderberry tincture. I take it every winter and haven't had a proper cold in three years!", "HL103"),
])
def test_outcomes_told_as_idioms(check, text, rule):
    assert rule in rules_of(check(text))


def test_idioms_need_their_own_words(check):
    # "short" and "clean" without the rest of the idiom claim nothing
    assert not {r for r in rules_of(check("Zinc lozenges. The cut on my hand was short and clean.")) if r.startswith("HL1")}


def test_a_law_named_after_related_products_is_no_shop(check):
    page = ("Vapes help smokers quit. In the UK vapes are consumer products under the Tobacco and Related Products "
            "Regulations 2016. {}")
    assert "HL302" not in rules_of(check(page.format("")))
    assert "HL302" in rules_of(check(page.format("Related products: our starter kit.")))


def test_our_pharmacy_alone_is_no_shop(check):
    page = "Psilocybin eases treatment-resistant depression in trials. Study medicine comes from our pharmacy. {}"
    assert "HL302" not in rules_of(check(page.format("")))
    assert "HL302" in rules_of(check(page.format("Buy a starter pack.")))


def test_a_weak_shop_signal_counts_once_however_often_it_is_repeated(check):
    page = "CBD oil calms anxiety.\n\nReviews\n\n{}"
    assert "HL302" not in rules_of(check(page.format("Reviews from our readers.")))
    assert "HL302" in rules_of(check(page.format("Buy it for the price of a coffee.")))


@pytest.mark.parametrize("text, fires", [
    ("Compounded semaglutide is not FDA-approved. We prescribe only the FDA-approved product.", False),
    ("Compounded semaglutide, $199.\n\nOur compounded semaglutide is the FDA-approved medicine.", True),
    ("Compounded semaglutide, $199.\n\nOur compounded semaglutide is FDA-approved.", True),
])
def test_the_approved_product_named_by_description_is_no_status_claim(check, text, fires):
    assert ("HL109" in rules_of(check(text))) is fires


@pytest.mark.parametrize("text, fires", [
    ("Psilocybin eases depression. Licensed service centres are the legal route for adults.", False),
    ("Psilocybin eases depression. In the US it can only be given legally within a clinical trial.", False),
    ("Psilocybin eases depression, and it is legal everywhere.", True),
])
def test_a_legal_route_is_no_claim_that_it_is_legal(check, text, fires):
    assert ("HL109" in rules_of(check(text))) is fires


@pytest.mark.parametrize("money, offer", [
    ("Study volunteers receive $75 for each visit.", False),  # paid to the reader
    ("Joining costs nothing. We cover parking and pay £30 per visit for your time.", False),
    ("A $40 gift keeps the helpline open for a night.", False),  # a donation
    ("One bottle: $49.", True),
])
def test_money_paid_to_the_reader_or_given_away_is_no_price(check, money, offer):
    page = f"Psilocybin may ease treatment-resistant depression in trials.\n\n{money}"
    assert ("HL302" in rules_of(check(page))) is offer


@pytest.mark.parametrize("sentence, stated", [
    ("In reviews of the trials, the results varied a lot from one trial to another.", True),
    ("To be fair, the studies on kava are still small and short.", True),
    ("A later, longer study in generalized anxiety didn't find a benefit.", True),
    ("*Results vary from person to person.", False),  # the testimonial footnote
])
def test_evidence_status_said_in_plain_words(check, sentence, stated):
    report = check(f"Kava helps with anxiety. {sentence}")
    assert ("HL204" not in rules_of(report)) is stated


def test_a_risk_named_in_plain_words_counts_only_if_it_is_the_intervention_s(check):
    # The corpus lists nausea among psilocybin's adverse effects, and no headache among hCG's.
    assert "HL201" not in rules_of(check("Psilocybin gummies lift depression. Mild nausea during the come-up is normal."))
    assert "HL201" in rules_of(check("hCG drops melt belly fat. Some women get a mild headache in the first days."))
    # Said another way, the same risk: vomiting for a product whose listed risk is nausea.
    assert "HL201" not in rules_of(check("Psilocybin gummies lift depression. Some people vomit during the come-up."))


@pytest.mark.parametrize("text, rule", [
    ("Turmeric relieves arthritis pain better than NSAIDs, without the stomach problems.", "HL107"),
    ("Chlorine dioxide kills pathogens without harming healthy cells.", "HL107"),
    ("Ashwagandha for low testosterone: same results as TRT, none of the side effects.", "HL107"),
    ("Kava is nature's Xanax for anxiety, minus the fog and minus the dependency.", "HL107"),  # a harm it is free of
    ("Saw palmetto works just as well as finasteride for BPH, minus the bedroom side effects.", "HL107"),
    ("Kava takes the edge off my anxiety with none of the paranoia you get from weed.", "HL107"),
    ("MDMA therapy is well tolerated, with no serious side effects reported.", "HL107"),
    ("Saw palmetto is all-natural, so side effects are basically nonexistent.", "HL107"),
    ("Unlike Flomax, saw palmetto gives you no sexual side effects.", "HL107"),
    ("Curcumin for arthritis is all natural so no problem to take with other medicine.", "HL107"),
])
def test_safety_told_as_a_harm_left_out(check, text, rule):
    assert rule in rules_of(check(text))


@pytest.mark.parametrize("text, rule", [
    # "losing weight" is a condition's name and the effect that names it
    ("Compounded semaglutide for weight. Most patients start losing weight in the very first week on it.", "HL104"),
    ("IV vitamin C for cancer. After 12 infusions the tumor had shrunk by half.", "HL101"),  # irregular past
    ("Ginkgo for memory. Honestly my forgetfulness is basically gone.", "HL102"),
    ("Ginkgo for memory. Five months on, my memory loss still hasn't come back.", "HL102"),
    ("Psilocybin is way better for depression than any SSRI I've been on.", "HL106"),
])
def test_more_outcome_and_comparison_wording(check, text, rule):
    assert rule in rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Ginkgo for memory. Walking, sleep and hearing aids if you need them have better evidence.",
    "Epidiolex. Little Sparks Network: support for families living with rare epilepsies.",
    "NMN capsules. The FDA said NMN could not be sold as a supplement for ageing, but it reversed that position.",
    "LSD microdosing. Been on sertraline for years, plus Adderall for the ADHD.",
    "LSD microdosing. I'm thinking of trying this for my depression but I'm scared to tell my GP.",
])
def test_cue_words_in_names_notes_and_other_medicines_claim_nothing(check, text):
    found = {r for r in rules_of(check(text)) if r in ("HL101", "HL102", "HL103")}
    assert not found, found


@pytest.mark.parametrize("text", [
    "LSD for anxiety. MM120 was one phase 2 trial of a single full dose for generalized anxiety disorder.",
    "CBD may ease anxiety for some people, for example in one four-week study of teenagers.",
    "Ashwagandha for stress. Several small trials (most lasting 8 to 12 weeks) suggest it may help.",
])
def test_how_a_trial_was_run_is_no_speed_or_durability_claim(check, text):
    assert not {"HL104", "HL105"} & rules_of(check(text))


def test_legal_as_a_department_is_no_status_claim(check):
    assert "HL109" not in rules_of(check("Delta-8 gummies for anxiety.\nTHU - legal post (pin this one)"))


@pytest.mark.parametrize("label, fires", [
    ("Legal", False),  # a section heading
    ("Shipping and legal", False),
    ("Legal and travel", False),
    ("Legal and safe", True),  # another claim beside it
    ("Legally:", False),  # a lead-in to what follows
    ("Federally legal", True),  # a degree makes it a claim
    ("100% Legal", True),
    ("Legal in all 50 states", True),
])
def test_a_status_word_standing_alone_labels_a_section(check, label, fires):
    text = f"Kratom capsules ease back pain.\n\n{label}\n\nOrders ship in two days."
    assert ("HL109" in rules_of(check(text))) is fires


def test_a_true_legality_statement_states_the_legal_status_and_a_false_one_does_not(check):
    assert "HL301" not in rules_of(check("Kava calms anxiety. Kava is legal in the United States."))
    report = check("Delta-8 gummies ease anxiety. Delta-8 is 100% federally legal in the US.")
    assert {"HL109", "HL301"} <= rules_of(report)


def test_a_comparison_that_names_the_condition_claims_that_it_works(check):
    # "the best thing for anxiety" says kava works for anxiety: efficacy, beyond a
    # preliminary row; hedged ("may be better"), it claims only a possibility.
    assert {"HL103", "HL106"} <= rules_of(check("Kava is the best thing for anxiety."))
    assert "HL103" not in rules_of(check("Kava may be better for anxiety than Xanax."))
    # The condition that names the other treatments ("seizure drugs") is not the claim's.
    assert "HL103" not in rules_of(check("Unlike the old seizure drugs that left her in a fog, Epidiolex is gentle."))


def test_other_treatments_after_a_comparison_are_set_against(check):
    report = check("Elderberry syrup. Unlike flu shots and harsh over-the-counter drugs, it works with your body.")
    assert "HL106" in rules_of(report)


@pytest.mark.parametrize("text, fires", [
    ("MDMA for PTSD. It already got FDA Breakthrough status, so it is basically approved.", False),  # a programme
    ("Kava for anxiety. That's amazing, so happy for you!", False),  # how the writer felt
    ("MDMA is a revolutionary cure for PTSD.", True),
])
def test_hype_is_novelty_claimed_not_enthusiasm_or_programme_names(check, text, fires):
    assert ("HL108" in rules_of(check(text))) is fires


@pytest.mark.parametrize("page, rule", [
    ("Turmeric may ease joint pain. Turmeric supplements have been linked to rare cases of liver injury.", "HL201"),
    ("Glucosamine may ease joint pain. Glucosamine may add to the effect of blood thinners such as apixaban.", "HL202"),
    ("Esketamine for treatment-resistant depression. You use the spray in the clinic while a nurse watches.", "HL203"),
    ("Valerian helps with insomnia. Well-designed studies have not confirmed that it helps insomnia.", "HL204"),
    ("Zinc lozenges shorten colds. They made me a bit queasy on an empty stomach.", "HL201"),
    ("Psilocybin lifts depression. The come-up nausea was rough.", "HL201"),
    ("Ashwagandha calms anxiety. It gave me stomach upset for the first week.", "HL201"),
    ("Dronabinol eases chemo nausea. Patients often complain of dizziness on it.", "HL201"),
    ("Ketamine lifts depression fast. Some dissociation during the session is normal.", "HL201"),
    ("Psilocybin lifts depression. In trials it often caused headache.", "HL201"),
    ("Esketamine helps treatment-resistant depression. It is not used in people with an aneurysm.", "HL202"),
    ("Echinacea fights colds. In the trials the effect was small and uncertain.", "HL204"),
    ("Our homeopathy remedies soothe colds fast. They are no replacement for the medicines your doctor has prescribed.", "HL203"),
    ("Probiotics may ease IBS. Guidelines suggest against probiotics for IBS symptoms.", "HL204"),
    ("BPC-157 heals tendons. The research is almost all in rats.", "HL204"),
    ("Testosterone boosters raise low T. Get a morning blood test before assuming low T.", "HL203"),
    ("IV vitamin C fights cancer. Registered nurses give every drip, with a physician on site.", "HL203"),
    ("Colloidal silver fights infections. If you are on an antibiotic, silver can keep the antibiotic from being absorbed.", "HL202"),
    ("Semaglutide helps weight loss. The dose is raised gradually by your prescriber.", "HL203"),
    # the clinician who prescribes it states supervision
    ("Nabilone eased my chemo nausea. My oncologist prescribed nabilone in cycle 2.", "HL203"),
    ("Nabilone can ease chemo nausea. Your prescriber will tell you how much to take and when.", "HL203"),
    ("Nabilone can ease chemo nausea. It is dispensed only on a prescription.", "HL203"),
    # an effect told as small states the evidence
    ("Melatonin helps with insomnia. In pooled trials people fell asleep only about 7 minutes faster.", "HL204"),
    ("Melatonin helps with insomnia. It shortened the time to fall asleep by only a few minutes on average.", "HL204"),
    ("Melatonin helps with insomnia. People fell asleep roughly 7 minutes sooner on average.", "HL204"),
    # how unclear or disappointing the trials were; no product of its kind approved
    ("Zinc lozenges shorten colds. Trials haven't clearly shown that they help children.", "HL204"),
    ("Zinc lozenges shorten colds. Results in studies have varied.", "HL204"),
    ("Glucosamine eases joint pain. The best trials have been disappointing.", "HL204"),
    ("Glucosamine eases joint pain. In the GAIT trial it was not significantly better than placebo.", "HL204"),
    ("Vapes help smokers quit. In the US no e-cigarette is approved as a quit-smoking medicine.", "HL204"),
    # who gives it, told with words between, or before it
    ("Stem cell therapy repairs damaged knees. Injections are performed by our team of licensed physicians.", "HL203"),
    ("Stem cell therapy repairs damaged knees. Physician-administered in our clinic.", "HL203"),
    ("MDMA heals PTSD. Two trained therapists are in the room for the whole session.", "HL203"),
])
def test_caveats_told_in_plain_words(check, page, rule):
    assert rule not in rules_of(check(page))
    assert rule in rules_of(check(page.split(". ")[0] + "."))  # the first sentence alone lacks it


def test_praise_that_names_the_condition_claims_that_it_works(check):
    # A promotional word with a condition and no effect word still says it works for it.
    assert {"HL101", "HL108"} <= rules_of(check("Colloidal silver is the miracle pneumonia patients have prayed for."))
    # With no condition, it stays a hype finding alone.
    assert {r for r in rules_of(check("Colloidal silver is a true miracle.")) if r.startswith("HL1")} == {"HL108"}
    # Beside a weak effect word ("for") it still claims efficacy: more than kava's evidence allows.
    praise = [c for c in check("Honestly kava has been a game changer for my anxiety.").claims if "hype" in c.qualifiers]
    assert [c.strength for c in praise] == ["efficacy"]
    assert "HL103" in rules_of(check("Honestly kava has been a game changer for my anxiety."))


@pytest.mark.parametrize("text", [
    "Psilocybin is being studied for anorexia.",
    "Kratom for opioid withdrawal is still under investigation.",
    "Ibogaine is currently being investigated as a treatment for cocaine addiction.",
])
def test_research_under_way_is_no_claim_that_it_works(check, text):
    assert not {r for r in rules_of(check(text)) if r.startswith("HL1")}


def test_yet_after_the_evidence_is_an_adverb_not_a_contrast(check):
    assert "HL101" not in rules_of(check("There is no reliable evidence yet that colloidal silver cures pneumonia."))
    # the contrast still ends a negation's scope
    assert "HL101" in rules_of(check("Doctors are not convinced, yet colloidal silver cures pneumonia."))


@pytest.mark.parametrize("text, rule", [
    ("Our drops lift severe depression in a weekend.", "HL101"),
    ("Ayahuasca ceremonies release addiction at its root.", "HL101"),
    ("Garlic capsules bring down high blood pressure naturally.", "HL101"),
    ("Since starting the silver spray I haven't caught pneumonia once.", "HL101"),
])
def test_more_effect_verbs(check, text, rule):
    assert rule in rules_of(check(text))


def test_lift_without_a_condition_is_no_claim(check):
    assert not {r for r in rules_of(check("Ashwagandha gummies. Lift heavier weights at the gym and sleep well.")) if r.startswith("HL10")}


@pytest.mark.parametrize("text", [
    "Kratom eased my back pain in like 15 mins.",
    "Kratom eased my back pain within about 2 hrs.",
    "Kratom eased my back pain in under a week.",
    "Kratom eased my back pain within 3 to 4 days.",
    "Five days on kratom and my back pain was gone.",
    "Valerian root fixed my insomnia in like 3 nights.",
    "Ibogaine. 72 hours after his flood dose, his opioid addiction was gone.",
    "Valerian fixes your insomnia within the hour.",
    "Kratom for back pain: the next morning my back pain was just gone.",
    "Ashwagandha knocked out my anxiety like a switch flipped.",
])
def test_speed_told_loosely(check, text):
    assert "HL104" in rules_of(check(text))


def test_months_on_a_product_are_no_speed_claim(check):
    assert "HL104" not in rules_of(check("Nine months on kratom and my back pain was gone."))


@pytest.mark.parametrize("text", [
    "Kratom cleared my back pain when nothing the pain clinic gave me would touch it.",
    "Kratom helped my back pain more than my pills ever did.",
])
def test_other_treatments_that_failed_are_set_against(check, text):
    assert "HL106" in rules_of(check(text))


def test_a_trigger_word_inside_a_cue_does_not_flag_it(check):
    # "if" inside "even if nothing has worked" does not make the comparison hypothetical
    assert "HL106" in rules_of(check("Kratom works on back pain, even if nothing has worked before."))


def test_settle_before_a_condition_is_an_effect(check):
    assert "HL101" in rules_of(check("Colloidal silver settles pneumonia in days."))
    assert "HL101" not in rules_of(check("Colloidal silver. Settle your bill at the front desk."))


def test_safer_than_claims_safety_and_a_comparison(check):
    assert {"HL106", "HL107"} <= rules_of(check("Kratom is safer than opioids for back pain."))


@pytest.mark.parametrize("text", [
    "Kratom for back pain. You can't overdose on a plant.",
    "Kratom for back pain. It doesn't interfere with your other medicines.",
    "Kratom for back pain. It won't cause dependence.",
])
def test_a_harm_denied_is_a_safety_claim_not_a_caveat(check, text):
    report = check(text)
    assert "HL107" in rules_of(report)
    assert not [c for c in report.caveats if c.kind in ("adverse-effects", "contraindications")]


@pytest.mark.parametrize("risk", [
    "Does kratom have side effects? Nope, it is just a leaf.",
    "Q: Any side effects? A: None that our customers mention.",
    "Can kratom cause liver damage? We have never seen it.",
    "Someone asked about side effects.",  # a question reported
    "What are the side effects? Most people notice nothing at all.",  # a wh-question whose answer names none
])
def test_a_risk_asked_about_is_no_caveat(check, risk):
    report = check("Kratom eases back pain. " + risk)
    assert "HL201" in rules_of(report)


@pytest.mark.parametrize("risk", [
    "What are the side effects? Liver damage and seizures have been reported.",  # a wh-question heads its answer
    "Does kratom have side effects? Yes: it can cause liver damage.",  # answered yes
    "Did you know that kratom can cause liver damage?",  # rhetorical: it asserts
])
def test_a_risk_asked_and_answered_is_a_caveat(check, risk):
    report = check("Kratom eases back pain. " + risk)
    assert "HL201" not in rules_of(report)


def test_a_listed_risk_named_by_its_name_states_the_adverse_effects(check):
    # HL201 asks the page to name an adverse effect the corpus lists; its bare name does.
    assert "HL201" not in rules_of(check("Kratom eases back pain. Kratom withdrawal is real, so taper slowly."))
    # Only the intervention's own listed risks count: argyria is no risk of valerian.
    assert "HL201" in rules_of(check("Valerian helps with insomnia. Argyria is rare with our formula."))
    # The condition a claim sells against is no risk ("eases opioid withdrawal").
    assert "HL201" in rules_of(check("Kratom eases opioid withdrawal."))


def test_a_risks_bare_name_leaves_its_sentence_a_claim(check):
    # "argyria" names a risk of colloidal silver, but its sentence still claims a cure.
    report = check("Colloidal silver cures pneumonia, and argyria is rare.")
    assert "HL101" in rules_of(report)
    assert "HL201" not in rules_of(report)


@pytest.mark.parametrize("warning, stated", [
    ("Do not take more than two capsules a day.", False),  # a dose, not who or with what
    ("Always ask your doctor if you take any medication.", False),  # HL202: too generic to count
    ("Do not take it with antidepressants.", True),
    ("Do not take it if you have bipolar disorder.", True),  # a condition names who
    ("Please don't give it to a kid.", False),  # who, but told only as children, which its corpus row does not name
    ("Please don't give it to a kid or to anyone on blood thinners.", True),
    ("If you have a weakened immune system, don't start it without your medical team.", True),
    ("It weakens drugs such as the contraceptive pill. If you take one of these, ask us first.", True),
])
def test_a_do_not_take_warning_is_a_contraindication_only_when_it_says_who_or_with_what(check, warning, stated):
    report = check("St John's wort lifts mild depression. " + warning)
    assert ("HL202" not in rules_of(report)) is stated


@pytest.mark.parametrize("text", [
    "Berberine got my fasting blood sugar from 118 down to 94.",
    "Colloidal silver works great on my pneumonia.",
    "Kicked a fentanyl addiction with kratom last spring.",
    "Nicotine pouches: I quit smoking in two weeks with these.",  # quitting told as done
    "BPC-157 healed my tendon.",
    "Vitamin C hunts down cancer cells.",
    "With elderberry my whole family stayed flu-free.",
    "Elderberry syrup cut my cold to like 3 days.",
    "My whole family takes elderberry and none of us caught the flu.",
    "Our customers cut back on their diabetes medication after switching to berberine.",
    "Six years of problem drinking, and kava got me sober.",
    "MDMA didn't just help my PTSD, it gave me my life back.",  # "not just" asserts more
    "I cannot explain it, I just know ayahuasca cured my depression.",  # the negation is of "explain"
    "Delta-8 took my back pain from a 7 to a 2.",  # a score moved
    "Our COPD patients breathe easier with ozone.",
    "Stem cells help macular degeneration patients regain sight.",
    "With kratom my seizures settle down.",
    "Taken daily, ginkgo keeps dementia at bay.",
    "Hydroxychloroquine keeps most COVID patients out of the hospital.",
    "Same here, delta-8 ended my panic attacks.",
])
def test_more_effect_idioms(check, text):
    assert {r for r in rules_of(check(text)) if r.startswith("HL1")}


def test_weight_falling_names_weight_loss(check):
    claims = check("The weight starts dropping after the very first semaglutide shot.").claims
    assert [c.condition for c in claims] == ["weight-loss"]


def test_a_listed_contraindication_named_by_its_name_states_it(check):
    assert "HL202" not in rules_of(check("IV vitamin C fights cancer. Every patient is screened for G6PD deficiency first."))
    assert "HL202" not in rules_of(check("Glucosamine eases joint pain in arthritis. Skip glucosamine if you're allergic to shellfish."))
    assert "HL202" in rules_of(check("Kava eases anxiety. Skip it if you're allergic to shellfish."))
    # Only the intervention's own: G6PD deficiency is no contraindication the corpus lists for kava.
    assert "HL202" in rules_of(check("Kava eases anxiety. We screen every client for G6PD deficiency."))


def test_evidence_cited_to_sell_states_no_evidence_status(check):
    # "shown ... in lab studies" sells with the evidence; it does not say how weak it is.
    assert "HL204" in rules_of(check("Cannabis oil has been shown to kill cancer cells in lab studies."))


def test_regaining_weight_is_no_effect(check):
    text = "People switched to placebo regained about 14% of their body weight within a year of stopping tirzepatide."
    assert not {r for r in rules_of(check(text)) if r in ("HL101", "HL103")}


def test_a_first_dose_told_with_its_name_is_a_speed(check):
    assert "HL104" in rules_of(check("My mom's chemo nausea was gone after the first dronabinol capsule."))


def test_d3_names_vitamin_d(check):
    # "D3" alone is how supplement pages name vitamin D3 (cholecalciferol).
    assert "HL102" in rules_of(check("Two weeks of D3 and my covid was gone."))


def test_not_knowing_who_benefits_keeps_the_negation(check):
    report = check("Kava may ease anxiety for some, but nobody can say who benefits.")
    assert "HL103" not in rules_of(report)
    assert "HL103" not in rules_of(check("Kava may ease anxiety, but we don't know who benefits or for how long."))


@pytest.mark.parametrize("text", [
    "Kava seemed to ease anxiety in one trial.",
    "In one small Australian study, kava lowered anxiety.",
    "Trials of kava found a small improvement in anxiety.",
    # the study's subject may be long, hold a relative clause, or a comma between adjectives
    "In one small study of 37 teenagers with social anxiety, 300 mg of CBD a day for four weeks lowered their anxiety.",
    "In one small trial, adults with type 2 diabetes who took berberine had lower blood sugar.",
    "In one small, company-funded trial, kava lowered anxiety.",
])
def test_more_hedges(check, text):
    claims = [c for c in check(text).claims if c.condition]
    assert claims and all(c.strength == "possibility" for c in claims), [(c.condition, c.strength) for c in claims]


def test_chemotherapy_nausea_is_its_own_condition(check):
    claims = check("Dronabinol reduces chemotherapy nausea and vomiting.").claims
    assert [c.condition for c in claims] == ["chemotherapy-induced-nausea"]


def test_a_pronoun_after_another_treatment_points_back_at_it(check):
    page = ("Kratom: what to know.\n\n"
            "Medicines for opioid withdrawal, such as buprenorphine, are approved and have good evidence behind them.")
    assert not [f for f in check(page).findings if f.rule.startswith("HL1")]
    # the page's own product after a treatment that failed is still the subject
    report = check("Kratom.\n\nMy withdrawal didn't budge on methadone, but three days of kratom and it was gone.")
    assert {"HL101", "HL106"} <= rules_of(report)


@pytest.mark.parametrize("text", [
    "In one trial, a single 25 mg dose of psilocybin lowered depression scores.",
    "Zinc lozenges for colds. Start within 24 hours of your first symptoms.",
])
def test_doses_and_start_times_are_no_speed_claims(check, text):
    assert "HL104" not in rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Plaquenil treats lupus.",
    "Hydroxychloroquine prevents malaria in travellers.",
    "Marinol helps with AIDS wasting.",
])
def test_approved_uses_have_evidence_rows(check, text):
    assert not {"HL101", "HL103"} & rules_of(check(text))


def test_a_compounded_copy_has_the_risks_of_the_medicine_it_copies(check):
    assert "HL201" not in rules_of(check("Compounded semaglutide helps you lose weight. Constipation is common in the first weeks."))
    assert "HL201" in rules_of(check("Compounded semaglutide helps you lose weight. Sweating is common in the first weeks."))


def test_a_prescription_route_is_no_supervision_caveat(check):
    page = "Semaglutide helps with weight management. Our doctors write you a prescription after a video visit. $299 a month."
    report = check(page)
    assert "HL203" in rules_of(report) and "HL302" not in rules_of(report)
    assert [c.kind for c in report.caveats if c.kind == "prescriber"] == ["prescriber"]


@pytest.mark.parametrize("text, claimed", [
    ("This cream will lighten your dark skin in a week.", True),
    ("Our serum for skin whitening, gentle and fast.", True),
    ("Whiten your teeth with our strips.", False),
])
def test_skin_lightening_names_its_condition(check, text, claimed):
    conditions = [c.condition for c in check(text).claims]
    assert ("hyperpigmentation" in conditions) is claimed, conditions


def test_a_brand_page_that_disowns_the_compounded_copy_is_about_the_brand(check):
    page = ("Zepbound (tirzepatide) through our clinic.\n\nWe do not sell compounded tirzepatide.\n\n"
            "In trials, tirzepatide lowered HbA1c in adults with type 2 diabetes.")
    assert not {"HL101", "HL103"} & rules_of(check(page))


def test_a_faq_that_asks_about_the_copy_first_is_still_about_the_brand(check):
    """A sentence that only inherits the copy's name from a question heading ("Do you offer
    compounded semaglutide?") makes no claim about the copy by name, so the page's bare
    "semaglutide" still names the approved medicine."""
    page = ("# Weight care at our clinic\n\nWe prescribe Wegovy when it is right for you.\n\n"
            "## Do you offer compounded semaglutide?\n\nNo, only the brand product.\n\n"
            "## What it is approved for\n\nIt is approved for adults with obesity.\n\n"
            "In the STEP 1 trial, adults taking semaglutide lost 15% of their body weight.\n")
    trial = [f.rule for f in check(page, format="markdown").findings if "STEP 1" in f.claim]
    assert trial == [], trial
    seller = ("Compounded semaglutide, $199 a month.\n\nCompounded semaglutide melts belly fat fast.\n\n"
              "Semaglutide is FDA-approved.")
    assert "HL109" in rules_of(check(seller))


@pytest.mark.parametrize("text, rules", [
    ("Kratom capsules. My migraines gone after a week!", {"HL101"}),
    ("Since the kratom course my migraines have never come back.", {"HL101", "HL105"}),
    ("12 lbs of weight loss in three weeks with hCG drops.", {"HL102", "HL104"}),
    ("hCG drops took 8 lbs off me.", {"HL102"}),
    ("Ibogaine changed everything: I'm 3 years clean.", {"HL101"}),
    ("Kratom got me through opioid withdrawal.", {"HL101"}),
])
def test_outcomes_told_as_what_is_gone_or_stays_gone(check, text, rules):
    assert rules <= rules_of(check(text)), rules_of(check(text))


def test_gone_claims_only_after_a_condition(check):
    assert not {r for r in rules_of(check("Kratom. The days of driving to the pharmacy are gone.")) if r.startswith("HL1")}


@pytest.mark.parametrize("text", [
    "Our ivermectin tablets work just like Stromectol.",
    "Compounded semaglutide: the same GLP-1 molecule as Ozempic.",
])
def test_sameness_with_a_named_medicine(check, text):
    assert "HL106" in rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Kratom for back pain.\n\nApproved by brand team 07/14.",
    "Kratom for back pain.\n\nThe legal side",
    "Quick background: I have used kratom for years.",
    "For anyone wondering, kratom is a leaf.",
    "Probiotic capsules. Potency guaranteed until the expiry date.",
    "Fish oil capsules.\n\nTalk to your doctor about what is right for you after a heart attack.",
    "Some people online say vitamin D cures cancer.",
    "Retreat websites often describe ayahuasca as something that heals addiction.",
    'Some shops sell CBD oils that "cure" seizures.',
])
def test_more_look_alikes_and_reports_at_a_distance(check, text):
    assert not {r for r in rules_of(check(text)) if r.startswith("HL1")}, rules_of(check(text))


def test_a_clinic_describing_its_own_treatment_claims_it(check):
    assert "HL107" in rules_of(check("Chelation therapy. Our clinic describes its chelation infusions as safe and gentle."))
    assert "HL101" in rules_of(check('"It cured my seizures," says Ann about her CBD oil.'))


def test_raised_liver_enzymes_is_a_stated_risk(check):
    report = check("Kava may ease anxiety. In trials some people had raised liver enzymes, so your doctor may order blood tests.")
    assert [c.kind for c in report.caveats if c.kind == "adverse-effects"]
    assert "HL101" not in rules_of(report)


@pytest.mark.parametrize("text, rule", [
    ("Not gonna lie, kratom fixed my migraines.", "HL101"),
    ("In the trial, 60% no longer had migraines after taking kratom.", "HL101"),
    ("Kratom. My migraine fog is finally lifting.", "HL101"),
    ("Fish oil unclogs clogged arteries.", "HL102"),
    ("This IV drip clears your migraine before you leave the chair.", "HL104"),
    ("Kratom heals torn tendons in half the time.", "HL104"),
    ("Kratom speeds recovery from sports injuries.", "HL104"),
    ("Forget Ozempic: kratom melts belly fat.", "HL106"),
    ("Kratom can do the job of a statin for high cholesterol.", "HL106"),
    ("Nothing works like kratom for my migraines.", "HL106"),
    ("Kratom for back pain. You can't OD on a leaf.", "HL107"),
    ("Kratom melts belly fat without the side effects.", "HL107"),
    ("Kratom protects against every winter bug.", "HL110"),
    ("Every single client I coached lost weight on kratom.", "HL110"),
    ("Kratom capsules, FDA approve.", "HL109"),
])
def test_wording_from_the_newer_dev_pages(check, text, rule):
    assert rule in rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Kratom for back pain. Two fighters in a single capsule.",
    "Kratom for back pain. I take one a week.",
    "Chelation for heart disease. Our maintenance plan of one infusion a month protects your arteries.",
    "Dronabinol for chemotherapy nausea. It helps; a usual start is one capsule before lunch and one before dinner.",
    "Colds. Kids catch fewer colds since they started one elderberry gummy every morning.",
    "Ashwagandha for stress. In one small 8-week study, people taking ashwagandha reported lower stress scores than people on placebo.",
    "CBD oil calms anxiety in dogs. For pets, follow the chart: one drop per 5 lb of body weight, once or twice a day.",
])
def test_capsule_contents_and_dose_frequency_are_no_speed_claims(check, text):
    assert "HL104" not in rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Chelation for heart disease.\n\nBefore every chelation infusion we check your kidneys, since EDTA is cleared by the kidneys.",
    "Ibogaine for opioid addiction.\n\nIbogaine has been studied only in small studies without a control group.",
])
def test_how_the_body_clears_a_medicine_and_a_control_group_claim_nothing(check, text):
    heading, _, second = text.partition("\n\n")
    not_asserted = {"negated", "hypothetical", "distanced", "caveat"}
    assert [c.text for c in check(text).claims if not not_asserted & set(c.context)] == [heading]


def test_access_and_start_times_are_no_comparison_safety_or_speed_claim(check):
    assert not rules_of(check("Psilocybin for depression. Psilocybin is now legal in Oregon, so it's easier to find than ever.")) \
        & {"HL106", "HL107"}
    assert "HL104" not in rules_of(check("Zinc lozenges for colds.\n\nPooled trials found zinc lozenges shortened colds "
                                         "by a day or two on average when started as soon as symptoms began."))


def test_a_kind_of_formula_is_no_effect_word():
    from checker.nlp import build_pipeline

    doc = build_pipeline()("Liver injury seems more likely with enhanced-absorption formulas and improved bioavailability.")
    assert not [s.text for s in doc.spans["hl_cues"] if s.label_ == "effects"]


@pytest.mark.parametrize("text, condition", [
    ("Valerian drops. Since starting these I finally sleep through the night.", "insomnia"),
    ("Nicotine pouches. Most people who switch are completely off cigarettes within a month.", "smoking-cessation"),
    ("Nicotine pouches. I opened my first can in May and haven't bought cigarettes since.", "smoking-cessation"),
])
def test_outcomes_that_name_their_condition(check, text, condition):
    assert {c.condition for c in check(text).claims} >= {condition}


def test_getting_better_is_an_outcome(check):
    assert "HL101" in rules_of(check("Cannabis. Everyone in our group with PTSD who tried cannabis has gotten better."))


def test_the_page_topic_is_the_first_named_unless_it_is_named_once(check):
    # Fish oil, named first and twice, is the page's topic though a probiotic add-on is named
    # more often: the brand's claim is about it.
    page = check("We have been talking about fish oil all morning. Each softgel holds purified fish oil. "
                 "CardiOmega lowers your risk of heart disease. Order today and a free probiotic comes with it. "
                 "The probiotic has live cultures. A probiotic can also settle your stomach.")
    assert [c.intervention for c in page.claims if c.text.startswith("CardiOmega")] == ["fish-oil"]
    # named once, the first gives way to the most named
    page = check("Unlike fish oil, our capsules are vegan. Take a probiotic daily. The probiotic has live cultures. "
                 "GutWell lowers bloating in IBS.")
    assert [c.intervention for c in page.claims if c.text.startswith("GutWell")] == ["probiotics"]


@pytest.mark.parametrize("text, rule", [
    ("Ketamine clinic. Ketamine has been FDA-approved as an anesthetic since 1970.", "HL109"),
    ("Ivermectin and HCQ. Don't just wait at home for COVID to get worse.", "HL102"),
    ("Hydroxychloroquine for COVID. Taken in the first days of symptoms, hydroxychloroquine stops COVID-19 from taking hold.",
     "HL104"),
    ("Cold Calm pellets for colds.\n\nDissolve 3 pellets under the tongue every 2 hours on the first day, then 3 times a day.",
     "HL104"),
])
def test_a_true_approval_a_wait_and_a_dose_schedule_are_not_what_they_look_like(check, text, rule):
    assert rule not in rules_of(check(text))


def test_each_clause_of_a_semicolon_is_its_own_claim(check):
    # the condition a clause denies is not the one the other clause's effect is about
    assert "HL101" not in rules_of(check("Dronabinol eases a symptom; it does not treat the cancer."))
    # a denial in one clause does not reach the safety claim in the other
    assert "HL107" in rules_of(check("Saw palmetto. There are no serious side effects; a few men report mild "
                                     "stomach upset, which settles if you take it with food."))


def test_a_contracted_instruction_not_to_stop_is_supervision(check):
    report = check("Hydroxychloroquine treats lupus. Please don't stop taking it, or change your dose, "
                   "without talking to your rheumatologist first.")
    assert "HL203" not in rules_of(report)
    assert [c.kind for c in report.caveats] == ["supervision"]


@pytest.mark.parametrize("text, rules, absent", [
    # a report ("often called") ends at ", and" before a new clause, which is asserted
    ("St John's wort for low mood. It's often called nature's Prozac, and for the winter blues it works every bit as "
     "well as a prescription antidepressant.", {"HL106"}, set()),
    # an effect that happens "rarely" is one said not to happen as a rule
    ("Epidiolex for seizures. Epidiolex is not a cure, and it rarely stops seizures completely.", set(), {"HL103"}),
    # set above everything else tried
    ("CBD for anxiety. CBD gummies are the best thing we've found for the anxiety that keeps you up.", {"HL106"}, set()),
    ("Kratom for pain. Red vein is the best thing ive found for chronic pain, period.", {"HL106"}, set()),

 ("Glucosamine for joints. Nothing else on the shelf fights arthritis like glucosamine.", {"HL101", "HL106"}, set()),
 ("Saw palmetto for the prostate. For most men, saw palmetto is a long-term solution to prostate problems.", {"HL105"}, set()),
 ("Nicotine pouches. Our pouches crush cigarette cravings so you can finally put down the pack.", {"HL101"}, set()),
 ("Nicotine salts. Our nic salts hit so smooth that most customers quit cigarettes in their first week.", {"HL104"}, set()),
 ("Apple cider vinegar. A daily shot before your biggest meal blunts the blood sugar spike.", {"HL101"}, set()),
 ("Nicotine pouches for quitting smoking. Keep cans away from children and pets, and if a child swallows a pouch, call Poison Control at 1-800-222-1222 right away.", set(), {"HL104"}),
 ("Vitamin D for depression. Your results and a personalised plan arrive in your account in 3 to 5 days.", set(), {"HL104"}),
 ("Nicotine pouches for quitting smoking. You will feel a gentle tingle under the lip.", set(), {"HL107"}),
 ("Ashwagandha. People also ask us about ashwagandha for anxiety.", set(), {"HL101", "HL103"}),

 ("BPC-157. BPC-157 is a game-changer for stubborn tendon injuries that won't heal.", {"HL101", "HL108"}, set()),
 ("BPC-157. Tore my rotator cuff in March and after three weeks on BPC I was back to benching.", {"HL104"}, set()),
 ("Vitamin D and zinc. Our vitamin D and zinc protocol has been a game-changer for our long-haulers.", {"HL101"}, set()),
 ("Zinc lozenges. Zinc lozenges taken at the first positive test keep COVID-19 from taking hold.", {"HL101"}, set()),
 ("Colloidal silver. Our creams use natural minerals with no harsh chemicals, so they are safe for daily use.", {"HL107"}, set()),
 ("Long COVID Recovery Program", set(), {"HL101"}),
 ("Esketamine for depression. A nurse checks my blood pressure until I'm cleared to leave.", set(), {"HL101"}),
 ("Nabilone. Nabilone is also sometimes discussed for long-term pain, but that is not an approved use.", set(), {"HL101"}),
 ("Kava tea for anxiety. No more than one cup a day, and take a break after two weeks.", set(), {"HL104"}),

 ('Apple cider vinegar. Myth 1: "A daily shot of apple cider vinegar melts belly fat"', set(), {"HL101", "HL103"}),
 ("CBD oil. I've heard CBD can help with cancer.", set(), {"HL101", "HL103"}),
 ("CBD chews for dogs with arthritis. Unlike NSAIDs from the vet, our chews won't harm your dog's liver or kidneys.", {"HL107"}, set()),
 ("Mercury soap for acne. It cleared the acne on my chin too, which no drugstore wash ever managed.", {"HL106"}, set()),
 ("Ibogaine for addiction. Ibogaine is the most powerful addiction interrupter known to science.", {"HL106"}, set()),
 ("Ketamine for depression. Racemic ketamine is approved by the FDA only as an anaesthetic.", set(), {"HL109"}),
 ("Ayahuasca.\n\nLegal and cultural context\n\nThe brew is part of Peru's heritage.", set(), {"HL109"}),
 ("Chelation for autism. Chelation is how Leo recovered from autism, and I will say that to anyone who asks.", set(), {"HL110"}),
 ("Mercury soap. GlowTalk Forums > Skin & Body Care > Brightening, Fading and Dark Spots", set(), {"HL101", "HL103"}),

 ("Nabilone for chemo nausea. I had it for all six cycles of my breast cancer treatment and I wish I'd asked sooner.", set(), {"HL101", "HL103", "HL110"}),
 ("Delta-8 for sleep. Posted by Jace · Filed under Legal Highs, Sleep · 9 min read", set(), {"HL109"}),
 ("NAD+ boosters for ageing. In small human trials lasting from a few weeks to about three months, NMN raised NAD+ levels.", set(), {"HL105"}),
 ("St John's wort for depression. St John's wort treats mild to moderate depression as well as prescription antidepressants.", {"HL106"}, set()),
 ("Valerian for sleep. Valerian root is nature's sleeping pill for restless nights.", {"HL106"}, set()),
])
def test_wording_from_the_dev_pages_of_the_fifth_sessions_rounds(check, text, rules, absent):
    """Rounds 46-59: the rules each sentence must and must not draw."""
    found = rules_of(check(text))
    assert rules <= found and not absent & found, found


@pytest.mark.parametrize("text, rules, absent", [
    # a speed told as a range of numbers
    ("Delta-8 gummies for panic attacks. It takes the edge off panic attacks in about 30 to 45 minutes.", {"HL104"}, set()),
    ("Melatonin for insomnia. Melatonin cures insomnia within 2 or 3 days.", {"HL104"}, set()),
    # other treatments that "never could"; what it works on between "better" and "than"
    ("Kratom. Kratom did what a decade of antidepressants never could: my depression lifted.", {"HL106"}, set()),
    ("Echinacea. It works better on my colds than any cold medicine I've ever bought.", {"HL106"}, set()),
    # "loosened up" is an effect on the condition it names
    ("Glucosamine. My stiff joints loosened up within days.", {"HL104"}, set()),
    # a pharmacy's service; a status told of a US state, which the status table does not cover
    ("Dronabinol for chemo nausea. Bring any unused medicine back to our pharmacy for safe disposal.", set(), {"HL107"}),
    ("Medical cannabis for chronic pain. Medical cannabis is 100% legal for registered patients in our state.", set(), {"HL109"}),
    # what exists for a condition, and the evidence about it, are no use claimed
    ("BPC-157. The evidence for injury recovery and joint pain in humans is, in short, missing.", set(), {"HL101", "HL103"}),
    ("BPC-157. Treatments with clinical evidence exist for most tendon and joint problems.", set(), {"HL101", "HL103"}),
    # a label, a section heading, a site's approval, and what someone else was told
    ("BPC-157 is on the anti-doping list of prohibited substances (class S0, non-approved substances).", set(), {"HL109"}),
    ("Kratom FAQ\n\nLegal and shipping\n\nOrders ship within two business days.", set(), {"HL109"}),
    ("MDMA for PTSD. We will contact applicants as soon as our site is approved.", set(), {"HL109"}),
    ("hCG. Some have been told it will melt fat.", set(), {"HL102", "HL103"}),
    # how the illness goes anyway; a person who took nothing is no other treatment
    ("Zinc lozenges for colds. Most colds get better on their own within 7 to 10 days.", set(), {"HL104"}),
    ("Elderberry for COVID. It helped me get over COVID much faster than my husband, who didn't take it.", set(), {"HL106"}),
    # a share of body weight told as a range; "the first thing that worked"; one stent not needed
    ("Compounded tirzepatide. Patients on our program lose an average of 15 to 20% of their body weight.", {"HL101"}, set()),
    ("Kratom. Eight years of chronic pain and kratom is the first thing that actually worked.", {"HL101", "HL103"}, {"HL106"}),
    ("Chelation. Twenty EDTA infusions cleared my blocked arteries, and I never needed the stent.", {"HL106"}, set()),
    # the few days taken so far, and minutes written short
    ("Turmeric. Skeptical at first but 2 days in my knee osteoarthritis pain was basically gone.", {"HL104"}, set()),
    ("Kava for anxiety. Kava eases my anxiety within 15 min.", {"HL104"}, set()),
    ("CBD tincture. Six weeks in, the tincture has my fibromyalgia pain down from an 8 to about a 3.", set(), {"HL104"}),
    # "every cold" is the illness; "on their way out"; a person free of the condition
    ("Elderberry syrup. Elderberry has knocked out every cold my kids have caught since 2019.", {"HL103"}, set()),
    ("Elderberry syrup. Within 24 hours of the first spoonful, the sniffles are usually on their way out.", {"HL104"}, set()),
    ("IV vitamin C. The vitamin C protocol is the reason I'm still here, five years cancer-free.", {"HL101"}, set()),
    ("IV vitamin C. Thanks to the vitamin C protocol I am cancer-free.", {"HL101"}, set()),
    ("Sugar-free gummies. Our elderberry gummies are sugar-free and gluten-free.", set(), {"HL101", "HL103"}),
    # free of a harm another treatment has, told of some people
    ("Delta-8 for anxiety. Delta-8 calms anxiety without the paranoia some people get from regular weed.", {"HL106"}, set()),
    # measurements healthy again; a real difference noticed; research that "backs it up"
    ("Testosterone booster. After two months on TestoForge my low T levels were back in the normal range.", {"HL101"}, set()),
    ("Berberine. My sister has PCOS, and berberine finally got her cycles back on track.", {"HL101"}, set()),
    ("Glucosamine. Most of our customers notice a real difference in their osteoarthritis pain within 30 days.", {"HL104"}, set()),
    ("Valerian. Valerian has been used for sleeplessness for centuries, and modern research backs it up.", {"HL103"}, set()),
    ("Compounded tirzepatide. The most powerful weight-loss medication ever developed.", {"HL106"}, set()),
    # instructions: each moment of a craving, when the first dose is taken
    ("E-cigarettes for quitting smoking. Every time you want a cigarette, take a few slow puffs instead.", set(), {"HL110"}),
    ("Dronabinol for chemo nausea. For chemotherapy nausea, the first dose is usually taken 1 to 3 hours before a "
     "chemotherapy session.", set(), {"HL104"}),
    ("Ivermectin. For strongyloidiasis, the usual dose is a single dose of about 200 micrograms per kilogram.", set(), {"HL104"}),
    # how often a topic came up is no comparison
    ("NAD+ boosters for ageing. Three products came up at my counter more than anything else this month.", set(), {"HL106"}),
    ("Turmeric for arthritis. The turmeric helps her flare-ups more than anything her doctor ever gave her.", {"HL106"}, set()),
    # what websites claim; what no known trial shows; someone in the middle of treatment; care
    # as a whole; money
    ("Ayahuasca. You'll find retreat websites claiming it cures addiction, trauma, even cancer, in a single night.", set(),
     {"HL101", "HL104"}),
    ("NAD+ boosters. We don't know of any completed trial showing that NMN or NAD+ drips help people with ME/CFS.", set(),
     {"HL101"}),
    ("IV vitamin C. Clients in active cancer treatment, clients in remission, and anyone who wants the most "
     "concentrated vitamin C available.", set(),
     {"HL101", "HL103", "HL110"}),
    ("Turmeric. At Cedar Ridge, we believe cancer care should treat the whole person, not just the tumor.", set(), {"HL101"}),
    ("NAD+ drips. Two infusions cost me more than three months of groceries.", set(), {"HL106"}),
    # what a video said is reported, not claimed
    ("Colloidal silver. A video on my feed said colloidal silver can protect you from COVID and the flu.", set(),
     {"HL101", "HL103"}),
])
def test_wording_from_the_dev_pages_of_the_sixth_sessions_rounds(check, text, rules, absent):
    """Rounds 64-67: the rules each sentence must and must not draw."""
    found = rules_of(check(text))
    assert rules <= found and not absent & found, found


@pytest.mark.parametrize("text, rules, absent", [
    # a harm the product is said not to cause, with or without another treatment to set it against
    ("Homeopathy for hay fever. Unlike antihistamines, our remedies won't leave you feeling groggy.", {"HL107", "HL106"}, set()),
    ("Valerian for insomnia. Valerian relieves insomnia, and it won't leave you groggy the next morning.", {"HL107"}, set()),
    ("IV vitamin C for cancer. Unlike chemotherapy, vitamin C infusions don't poison the whole body.", {"HL107"}, set()),
    ("Kratom for pain. Unlike prescription opioids, kratom does not shut down your breathing.", {"HL107"}, set()),
    ("Saw palmetto for BPH. Unlike finasteride, ProstaCalm won't hurt your sex life.", {"HL107"}, set()),
    ("Elderberry for coughs. Little Sniffles calms a night-time cough without making your child drowsy.", {"HL107"}, set()),
    # safety or speed inside a longer comparison is claimed too
    ("Homeopathy for hay fever. PollenQuiet relieves hay fever without making you drowsy, unlike antihistamines.",
     {"HL106", "HL107"}, set()),
    ("Psilocybin for depression. The mushrooms did more for my depression in one weekend than ten years of Zoloft.",
     {"HL106", "HL104"}, set()),
    # a caveat that names the harm is no claim
    ("Valerian for insomnia. Valerian can leave you groggy the next morning; do not drive.", set(), {"HL107"}),
    # set against a placebo, not another treatment
    ("MDMA for PTSD. Two phase 3 trials, with 90 and 104 participants, compared MDMA plus therapy with a placebo plus "
     "the same therapy.", set(), {"HL106"}),
    ("Dronabinol for nausea. In trials, dronabinol reduced chemotherapy nausea and vomiting compared with placebo (a "
     "dummy pill).", set(), {"HL106"}),
    ("Microdosing for depression. The science is clear: microdosing beats placebo for mood and depression.", set(), {"HL106"}),
    # ... while another treatment still counts
    ("St John's wort for depression. St John's wort extracts worked better than placebo and were as effective as "
     "standard antidepressants.", {"HL106"}, set()),
    ("Dronabinol for nausea. Dronabinol eased my nausea better than ondansetron ever did.", {"HL106"}, set()),
    ("Microdosing for depression. Microdosing gently lifts depression without the emotional numbness of SSRIs.",
     {"HL106", "HL107"}, set()),
    ("Homeopathy for colds. Homeopathic medicines are so gentle that they do not interact with other medications.",
     {"HL107"}, set()),
    ("NAD+ for aging. Think of NMN as nature's metformin for aging, minus the stomach upset.", {"HL107"}, set()),
    # popularity, a question, a drink in place of a drink
    ("BPC-157 for tendons. BPC-157: The Recovery Peptide Everyone at the Gym Is Asking About", set(), {"HL110"}),
    ("hCG drops for weight loss. Is hCG safe while trying to conceive?", set(), {"HL107"}),
    ("Kava for anxiety. Kava is our alternative to a night of drinking, and it calms anxiety.", {"HL103"}, {"HL106"}),
    # a psychedelic's full dose in users' words; how often a question comes up
    ("DMT for depression. For three years before my first breakthrough I was taking painkillers.", set(), {"HL108"}),
    ("DMT for depression. That first breakthrough lifted my depression.", {"HL103"}, {"HL108"}),
    ("DMT for depression. We are asked about DMT more than anything else, so here is the evidence.", set(), {"HL106"}),
    # more harms denied, and more kinds of treatment set against
    ("IV vitamin C for cancer. Unlike chemotherapy, IV vitamin C fights cancer without toxic side effects.", {"HL107"}, set()),
    ("IV vitamin C for cancer. It has been given to thousands of patients with an excellent safety record.", {"HL107"}, set()),
    ("Valerian for insomnia. Hushwell treats insomnia without the habit-forming risk or the morning grogginess.",
     {"HL107"}, set()),
    ("Kava for anxiety. A kava protocol that calms anxiety at the root, with no dependency.", {"HL107"}, set()),
    ("Ginkgo for ADHD. Unlike prescription ADHD meds, ginkgo gives students focus without the comedown.", {"HL106", "HL107"}, set()),
    ("Mercury creams for dark spots. Unlike hydroquinone creams, Perla Blanca won't irritate or thin your skin.",
     {"HL106", "HL107"}, set()),
    ("Microdosing for ADHD. Microdosing works for my ADHD, without the afternoon crash.", set(), {"HL107"}),
    # the people treated in a study or a poison centre, not what the treatment did
    ("What we know about ibogaine. A study of 30 veterans with traumatic brain injury, treated at a clinic in Mexico, "
     "was published in 2024.", set(), {"HL101", "HL103"}),
    ("What we know about ibogaine. The study followed 30 veterans with brain injury who were treated with magnesium "
     "and ibogaine.", set(), {"HL101", "HL103"}),
    ("What we know about ivermectin. Poison centers have treated people with nausea, vomiting and seizures after "
     "taking it.", set(), {"HL101"}),
    ("Ibogaine for addiction. Ibogaine treated my opioid addiction in one weekend.", {"HL101"}, set()),
    # an approval told as a limit or of something else
    ("Ketamine for depression. The FDA has approved it only as an anesthetic.", set(), {"HL109"}),
    ("Chlorine dioxide for autism. That's the same FDA that approved opioids.", set(), {"HL109"}),
    ("Ketamine for depression. Ketamine is FDA-approved for depression.", {"HL109"}, set()),
    # the last of a list of customers, someone helped
    ("IV vitamin C for colds. A glow drip loved by brides-to-be and anyone with a big event on the calendar.", set(),
     {"HL110"}),
    ("Ayahuasca for depression. Two facilitators stay until morning to help anyone who needs a hand.", set(), {"HL110"}),
    ("IV vitamin C for colds. Our drip works for anyone with a cold.", {"HL110"}, set()),
    # "gentle" said of the reader or of an activity
    ("Ayahuasca for depression. Until next time, be gentle with yourselves.", set(), {"HL107"}),
    ("Apple cider vinegar for weight loss. Top with sparkling water and give it one more gentle stir.", set(), {"HL107"}),
    ("Ashwagandha for stress. Our gentle formula calms stress.", {"HL107"}, set()),
    # stories that circulate are reported, not claimed
    ("About cannabis and cancer. You may have read stories online about cannabis oil curing cancer.", set(),
     {"HL101", "HL103"}),
    # a medicine stopped is the warning, not the effect
    ("About Epidiolex. Stopping a seizure medicine abruptly can make seizures more frequent.", set(), {"HL101", "HL103"}),
    ("About ibogaine and bipolar disorder. Stopping lithium without his psychiatrist is dangerous on its own.", set(),
     {"HL101", "HL103"}),
    # a trial's length, and the first days when side effects settle, are no speed
    ("Apple cider vinegar for weight loss. A 2024 study found that people who drank it lost up to 15 pounds in 12 weeks.",
     set(), {"HL104"}),
    ("Nicotine pouches help smokers quit. A little tingling or gum irritation in the first few days is normal and "
     "usually fades.", set(), {"HL104"}),
    ("Semaglutide for weight loss. Down 32 lbs in 8 weeks on semaglutide!", {"HL104"}, set()),
    # how fast a tablet dissolves is not how fast it works
    ("Homeopathy for teething. Teething tablets that soothe sore gums. Dissolves instantly on the tongue, no mess.",
     set(), {"HL104"}),
])
def test_wording_from_the_dev_pages_of_the_seventh_session(check, text, rules, absent):
    """Safety told as a harm denied, comparisons with a placebo, from dev pages of rounds 1-81."""
    found = rules_of(check(text))
    assert rules <= found and not absent & found, found


@pytest.mark.parametrize("text, rules, absent", [
    # a time to an outcome beside a condition's name claims without an effect word
    ("About zinc lozenges. My cold was a memory within 48 hours.", {"HL104"}, set()),
    ("About turmeric. My arthritis flare-ups settle within days.", {"HL104"}, set()),
    ("About black cohosh. Cools hot flashes in as little as 7 days.", {"HL104"}, set()),
    # ... but not the first days of use, when side effects are told, nor a delivery time
    ("About probiotics. Some people notice gas or bloating in the first week.", set(), {"HL104"}),
    ("About nicotine pouches. A dry or sore throat is common for the first few days.", set(), {"HL104"}),
    ("About ketamine troches. Your order ships in 3 to 5 days.", set(), {"HL104"}),
])
def test_a_time_to_an_outcome_beside_a_condition_is_a_claim(check, text, rules, absent):
    """Qualifiers with `beside_condition` (lexicon): from dev pages of rounds 1-95."""
    found = rules_of(check(text))
    assert rules <= found and not absent & found, found


@pytest.mark.parametrize("text", [
    "Dronabinol is approved to treat chemotherapy nausea in adults whose sickness has not been controlled by standard "
    "anti-sickness medicines.",
    "Nabilone can ease chemotherapy nausea when the usual anti-sickness medicines haven't worked.",
    "Spravato can help adults whose depression hasn't responded to other antidepressants.",
])
def test_who_a_treatment_is_for_told_by_what_failed_them_negates_nothing(check, text):
    report = check(text)
    assert report.claims and all("negated" not in c.context for c in report.claims)
    assert not {"HL101", "HL103"} & rules_of(report)  # the effect word is the other treatment's


def test_a_treatment_that_has_not_helped_is_still_negated(check):
    claims = check("In trials, cold symptoms have not improved with elderberry.").claims
    assert claims and all("negated" in c.context for c in claims)


@pytest.mark.parametrize("text", [
    "About cannabis. For my back pain, cannabis works.",
    "About fish oil. A daily capsule does wonders for my joint pain.",
    "About compounded semaglutide. Weight Loss That Works",
])
def test_it_works_said_plainly_claims_efficacy(check, text):
    assert [c.strength for c in check(text).claims] == ["efficacy"]


@pytest.mark.parametrize("text", [
    "About homeopathy. Nobody can fully explain how homeopathy works, but we think it does.",
    "About kratom withdrawal. Sweats, chills, the works.",
])
def test_how_it_works_and_the_works_claim_nothing(check, text):
    assert not check(text).claims


@pytest.mark.parametrize("text", [
    "About CBD. The breakthrough for chronic pain that our members can't stop talking about.",
    "About fish oil. I took it all through chemo, and my oncologist couldn't believe how much my tumor had shrunk.",
])
def test_praise_built_on_a_negation_negates_nothing(check, text):
    claims = check(text).claims
    assert claims and all("negated" not in c.context for c in claims)


@pytest.mark.parametrize("text, rules", [
    ("About stem cell therapy. We have seen remarkable results in multiple sclerosis.", {"HL101"}),
    ("About glucosamine. Long-lasting results for knee osteoarthritis.", {"HL102", "HL105"}),  # both things said
])
def test_results_praised_are_an_effect(check, text, rules):
    assert rules <= rules_of(check(text))


@pytest.mark.parametrize("text", [
    "About ozone therapy. Clinics that market ozone to treat cancer are making claims no regulator accepts.",
    "About ozone therapy. Websites promoting ozone often say it kills every virus.",
    "About BPC-157. You may have seen BPC-157 promoted elsewhere as a healing peptide for tendons.",
    "About berberine. My sister sends me videos, and one of them said it lowers A1c like a prescription.",
])
def test_what_sellers_and_others_promote_is_reported_not_claimed(check, text):
    assert not {"HL101", "HL103"} & rules_of(check(text))


def test_a_claim_after_what_is_sold_online_is_still_made(check):
    assert "HL102" in rules_of(check("About hCG. Unlike the cheap drops sold online, our hCG drops melt belly fat."))


@pytest.mark.parametrize("text", [
    "About nabilone. It comes on prescription from the cancer team that is managing your chemotherapy.",
    "About ashwagandha. My endocrinologist told me to steer well clear of it with my thyroid condition.",
    "About nicotine pouches. Ask at the counter about your local NHS stop smoking service.",
])
def test_who_gives_care_and_keeping_away_claim_nothing(check, text):
    assert not {"HL101", "HL103"} & rules_of(check(text))


@pytest.mark.parametrize("text, rules", [
    ("About berberine. Since adding berberine, my A1C is the lowest it's been in six years.", {"HL103"}),
    ("About testosterone boosters. My T levels were the best they've been since my twenties.", {"HL101"}),
    ("About kava. On the flight my anxiety stayed manageable for the first time in years.", {"HL103"}),
])
def test_an_outcome_at_its_best_in_years_is_an_effect(check, text, rules):
    assert rules <= rules_of(check(text))


@pytest.mark.parametrize("text, rules", [
    ("About ivermectin. At the first sign of COVID, take 0.4 mg per kilo daily for five days.", {"HL102"}),
    ("About homeopathy. Take it at the first sign of flu-like symptoms.", {"HL101"}),
])
def test_an_instruction_at_the_first_sign_of_a_condition_claims_its_use(check, text, rules):
    assert rules <= rules_of(check(text))


@pytest.mark.parametrize("text, rules", [
    ("About ayahuasca. Break the grip of depression and addiction", {"HL101"}),
    ("About ayahuasca. One weekend at the retreat freed me from my alcohol addiction for good.", {"HL101", "HL105"}),
])
def test_freed_from_a_condition_is_an_effect(check, text, rules):
    assert rules <= rules_of(check(text))


def test_remission_is_an_outcome_and_clients_in_remission_are_not(check):
    assert "HL101" in rules_of(check("About IV vitamin C. After weekly drips my ovarian cancer is in remission."))
    assert not check("About IV vitamin C. Clients in active cancer treatment and clients in remission book our drip.").claims


@pytest.mark.parametrize("text", ["Elderberry syrup: nature's Tamiflu", "Vitamin D3: nature's flu shot",
                                  "Testosterone boosters: it's nature's TRT.",
                                  "Unlike naproxen, which can upset your stomach, turmeric calms knee pain.",
                                  "Saw palmetto for hair loss. Unlike minoxidil, it works from the inside."])
def test_named_after_a_medicine_it_is_set_against(check, text):
    assert "HL106" in rules_of(check(text))


SOURCES_LISTS = [
    # a heading names the list: every block to the next heading is a source
    "# Ivermectin\n\nIvermectin is a medicine.\n\n## Sources\n\n"
    "Effect of higher-dose ivermectin vs placebo on time to sustained recovery in COVID-19.\n\n"
    "Ivermectin cures COVID, say the fake-cure sellers (news report).\n",
    "# Colloidal silver\n\nSome facts.\n\n## Our sources\n\n- Fake coronavirus cures: regulators warn sellers (9 March 2020).\n",
    # a line that is only the label heads the list items after it
    "# Colloidal silver\n\nSome facts.\n\n**Sources**\n\n1. Fake coronavirus cures: regulators warn sellers (9 March 2020).\n"
    "2. Miracle Mineral Solution safety alert.\n",
]


@pytest.mark.parametrize("page", SOURCES_LISTS)
def test_a_list_of_sources_claims_nothing(check, page):
    report = check(page, format="markdown")
    assert not report.claims and not [f for f in report.findings if f.rule.startswith("HL1")]


def test_a_label_of_sources_reaches_only_its_list(check):
    page = ("# Colloidal silver\n\nSome facts.\n\nSources:\n\n- A safety alert (2019).\n\n"
            "Colloidal silver cures the flu in days.\n")
    assert [c.text for c in check(page, format="markdown").claims] == ["Colloidal silver cures the flu in days."]


@pytest.mark.parametrize("text", [
    "Nicotine pouches. Your pharmacist can tell you about FDA-approved quit-smoking medicines.",
    "MDMA. Unlike the two antidepressants approved for PTSD, our retreat offers something new.",
    "Kratom. Ask about legal painkillers first.",
    # a patient's paperwork, an approval told as a limit
    "Ketamine. Vials ship the same week your prescription is approved.",
    "Ayahuasca. Friends may attend once their intake has been approved.",
    "Ketamine. The FDA has approved ketamine only as an anesthetic.",
    # the law as a topic, a state's law only
    "LSD microdosing for depression. A legal note: possessing LSD is a crime in the US.",
    "MDMA for PTSD. Protect veterans in state-legal programs from losing their jobs.",
])
def test_a_status_word_beside_another_kind_of_treatment_is_its_status(check, text):
    assert "HL109" not in [f.rule for f in check(text).findings]


@pytest.mark.parametrize("text", [
    "SARMs. Ostarine is a legal alternative to anabolic steroids.",
    "Homeopathy. Yes: homeopathic medicines are FDA-approved drugs.",
])
def test_a_status_said_of_the_subject_is_still_claimed(check, text):
    assert "HL109" in [f.rule for f in check(text).findings]


def test_a_page_s_own_clinic_saying_what_it_does_is_no_report(check):
    # the third party needs a word that sets it apart from the page's own
    assert "HL101" in rules_of(check("Ozone therapy. Our clinics promote healing of cancer with ozone."))


@pytest.mark.parametrize("text", [
    "Semaglutide for weight loss. Any nausea usually fades within a few weeks.",
    "Ashwagandha. A small number feel a mildly upset stomach if they take it without food, which usually settles within a few days.",
])
def test_a_side_effect_that_settles_is_timed_not_a_speed_claim(check, text):
    assert "HL104" not in rules_of(check(text))


def test_a_condition_that_settles_soon_is_still_a_speed_claim(check):
    assert "HL104" in rules_of(check("Nabilone starts working fast: most people feel their chemo nausea settle within an hour."))


@pytest.mark.parametrize("text", [
    "Elderberry syrup for flu. Give one dose at the first sign of symptoms, then repeat twice a day.",
    "Ivermectin. For worms: 200 mcg per kg of body weight as a single dose, on an empty stomach.",
    "IV vitamin C for fatigue. No more than one high-dose infusion a week.",
    "Saw palmetto for BPH. Three bottles of ProstaFlow and one bottle of T-Boost for $89.",
    "MDMA for PTSD. Adults living with PTSD who have tried at least one conventional treatment.",
])
def test_one_unit_told_as_how_to_take_it_is_no_speed_claim(check, text):
    assert "HL104" not in rules_of(check(text))


def test_one_unit_told_as_enough_is_still_a_speed_claim(check):
    assert "HL104" in rules_of(check("Ibogaine ends opioid addiction in one session."))


@pytest.mark.parametrize("text", [
    "Chelation therapy. It is sometimes promoted for autism.",
    "Hydroxychloroquine. In 2020 it was promoted as a treatment for COVID-19 by several politicians.",
    "Ozone therapy. Ozone machines promoted to cure cancer are unapproved devices.",
])
def test_what_a_treatment_is_promoted_for_is_reported(check, text):
    assert not {"HL101", "HL102", "HL103"} & set(rules_of(check(text)))


def test_what_a_treatment_promoted_is_still_claimed(check):
    assert "HL101" in rules_of(check("Ozone therapy. In my case ozone promoted the healing of my cancer."))


@pytest.mark.parametrize("text", [
    "Colloidal silver. There is no good evidence that colloidal silver, taken as drops or as a spray, treats or prevents sinus infections.",
    "Colloidal silver. There is no reliable evidence that colloidal silver taken by mouth boosts the immune system, or that it cures any infection.",
])
def test_no_evidence_that_denies_its_whole_clause(check, text):
    assert not {"HL101", "HL103", "HL110"} & set(rules_of(check(text)))


@pytest.mark.parametrize("text", [
    "Stem cell therapy. Our patient stories. Ruth, 72, treated for knee osteoarthritis",
    "Nabilone. Your oncologist may offer nabilone for the sickness, whatever cancer you are being treated for.",
])
def test_who_is_being_treated_claims_nothing(check, text):
    assert not [f for f in check(text).findings if f.rule.startswith("HL1")]


@pytest.mark.parametrize("text", [
    "LSD. In Canada it is a Schedule III substance, lawful only under a section 56 exemption from Health Canada.",
    "MDMA. Canada: a Schedule I substance, where lawful possession requires an exemption from Health Canada.",
])
def test_legal_only_through_an_exemption_is_no_status_claim(check, text):
    assert "HL109" not in rules_of(check(text))


def test_a_negation_reaches_every_verb_of_an_or_list(check):
    text = "Hydroxychloroquine. None of these pills has been shown in randomised trials in adults to treat or prevent COVID-19."
    assert not {"HL102", "HL103"} & set(rules_of(check(text)))


def test_a_negation_that_ends_before_an_or_list_does_not_reach_it(check):
    text = "Hydroxychloroquine. It is not expensive, and our members say it helped them treat or prevent COVID-19."
    assert "HL102" in rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Homeopathy. I give the pellets to my daughter every morning in spring for her hay fever.",
    "Ginkgo. We tried ginkgo for my son's ADHD last winter.",
    "Microdosing. My sister microdoses for her ADHD.",
])
def test_a_persons_own_use_told_at_length_claims_nothing(check, text):
    assert not [f for f in check(text).findings if f.rule.startswith("HL1")]


def test_a_persons_own_use_with_its_outcome_is_still_a_claim(check):
    text = "Homeopathy. I give the pellets to my daughter every morning from April to July for her hay fever and it cured it."
    assert "HL102" in rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Fish oil. Your heart beats around 100,000 times every day.",
    "Ketamine for depression. Without insurance, the medicine for one session costs about $700.",
])
def test_a_heartbeat_and_a_price_without_insurance_are_no_comparison(check, text):
    assert "HL106" not in rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Elderberry syrup helps shorten colds. Our syrup is sweetened with raw honey, and honey must never be given to babies under one year.",
    "Elderberry syrup helps shorten colds. Do not give honey to an infant younger than 12 months.",
])
def test_honeys_own_warning_is_no_contraindication_of_the_product(check, text):
    assert "HL202" in rules_of(check(text))


@pytest.mark.parametrize("text, stated", [
    ("CBD oil eases anxiety. Do not give CBD oil to an infant younger than 12 months.", True),
    # elderberry's corpus contraindications name pregnancy and breastfeeding, not children
    ("Elderberry syrup helps shorten colds. Do not give elderberry syrup to an infant younger than 12 months.", False),
])
def test_the_product_kept_from_babies_is_a_contraindication_where_the_corpus_names_children(check, text, stated):
    assert ("HL202" not in rules_of(check(text))) is stated


def test_an_approval_for_another_use_does_not_state_the_claimed_uses_status(check):
    text = ("Ivermectin is an FDA-approved prescription medicine for river blindness and other parasitic worm infections. "
            "Ivermectin knocks out COVID-19 in two days.")
    assert "HL204" in rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Wegovy is FDA-approved for chronic weight management in adults with obesity. Wegovy helps adults with obesity lose weight.",
    "Epidiolex is FDA-approved for seizures in Dravet syndrome and Lennox-Gastaut syndrome. Epidiolex reduces seizures.",
])
def test_an_approval_for_the_claimed_use_states_its_status(check, text):
    assert "HL204" not in rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Nicotine pouches. If you want to stop smoking, speak to your GP, a pharmacist or a nurse about licensed stop-smoking medicines and support.",
    "Nicotine pouches. Stop smoking support",
])
def test_the_name_of_a_stop_smoking_service_claims_nothing(check, text):
    assert not {"HL101", "HL103"} & set(rules_of(check(text)))


def test_a_product_that_stops_smoking_is_still_a_claim(check):
    assert "HL101" in rules_of(check("Nicotine pouches. Our pouches help you stop smoking for good."))


@pytest.mark.parametrize("text", [
    "CBD. No CBD product bought in a shop, ours included, has been approved by the FDA to treat, cure or prevent any disease.",
    "Colloidal silver. In the US, silver products sold to cure or prevent any infection are unapproved drugs.",
])
def test_no_product_approved_and_what_products_are_sold_to_treat_are_no_claims(check, text):
    assert not [f for f in check(text).findings if f.rule.startswith("HL1")]


@pytest.mark.parametrize("text", [
    "Valerian. In small trials, valerian may help some people drift off faster and sleep longer.",
    "Glucosamine. Long-lasting comfort for stiff joints, not just another quick fix.",
])
def test_falling_asleep_faster_and_a_quick_fix_are_no_speed_claims(check, text):
    assert "HL104" not in rules_of(check(text))


def test_falling_asleep_faster_is_still_an_effect_on_insomnia(check):
    claims = check("Valerian. Valerian makes you fall asleep faster.").claims
    assert [c.condition for c in claims] == ["insomnia"]


def test_falling_asleep_within_minutes_is_still_a_speed_claim(check):
    assert "HL104" in rules_of(check("Valerian. Valerian makes you fall asleep faster, within ten minutes of the first cup."))


def test_many_weeks_on_a_product_tell_no_speed(check):
    assert "HL104" not in rules_of(check("Saw palmetto. Seven weeks on ProstaPlus and I sleep through the night."))


def test_a_few_weeks_on_a_product_tell_a_speed(check):
    assert "HL104" in rules_of(check("Saw palmetto. Two weeks on ProstaPlus and my enlarged prostate is gone."))


@pytest.mark.parametrize("text", [
    "Berberine. Two capsules a day keep your blood sugar stable through the afternoon.",
    "Apple cider vinegar. A spoonful before dinner blunts those blood sugar spikes.",
    "Glucosamine. Daily glucosamine keeps osteoarthritis from progressing.",
    "Elderberry. Our syrup keeps flu and colds away the whole winter.",
])
def test_a_level_held_steady_and_a_course_held_back_are_claims(check, text):
    assert [c for c in check(text).claims if c.condition], text


def test_a_bottle_that_keeps_it_stable_is_no_claim(check):
    findings = check("Elderberry syrup for colds: a dark bottle keeps it stable.").findings
    assert not [f for f in findings if "stable" in f.text]


def test_a_product_toxic_to_the_liver_claims_nothing(check):
    text = "Kava for anxiety: some kava extracts are toxic to the liver."
    assert not [f for f in check(text).findings if f.rule in ("HL101", "HL103") and "toxic" in f.text]


def test_dravet_seizures_name_dravet_syndrome(check):
    report = check("Epidiolex. Since she started Epidiolex, her Dravet seizures have dropped from daily to weekly.")
    assert [c.condition for c in report.claims] == ["dravet-syndrome"]
    assert "HL103" not in rules_of(report)


def test_never_better_is_praise_not_a_denial(check):
    claims = check("Ginkgo for memory loss. On ginkgo my memory has never been better and I feel protected for years.").claims
    second = [c for c in claims if "protected" in c.text]
    assert second and "negated" not in second[0].context


def test_a_medicine_compared_with_and_then_renamed_is_not_the_subject(check):
    report = check("CBD drops for dogs. Our drops hold the same active ingredient as Epidiolex, the prescription CBD "
                   "medicine, and they calm anxious dogs.")
    assert not [f for f in report.findings if f.intervention == "epidiolex"]
    assert [c.intervention for c in report.claims if "Epidiolex" in c.text] == ["cbd"]


@pytest.mark.parametrize("text, words", [
    ("Kratom for pain. Why our shop stopped stocking kratom extracts", "stopped"),
    ("Kratom for pain. Strong kratom extracts can slow or even stop your breathing.", "breathing"),
    ("EDTA chelation. Tell us about kidney disease or reduced kidney function.", "reduced"),
    ("IV vitamin C. Your nurse checks your blood pressure and removes the cannula.", "cannula"),
])
def test_a_harm_a_shop_routine_and_a_weak_organ_are_no_claims(check, text, words):
    assert not [c for c in check(text).claims if words in c.text and c.strength != "mention"]


# Wordings from the eleventh session's dev pages, each beside its look-alike where it has one.
@pytest.mark.parametrize("text, rule", [
    # killing told as what the product is to the cancer
    ("IV vitamin C. In our clinic, high-dose vitamin C is lethal to tumour cells and leaves the rest of you alone.", "HL101"),
    ("IV vitamin C. In our clinic, high-dose vitamin C is lethal to tumour cells and leaves the rest of you alone.", "HL103"),
    # an approval does not cover another use a claim names
    ("Dronabinol is FDA-approved for chemotherapy nausea and vomiting. "
     "For people with cancer, dronabinol eases the disease itself.", "HL204"),
    # the same substance as a named medicine
    ("Fish oil. Our softgels hold the same EPA and DHA as prescription Lovaza, for less.", "HL106"),
    ("CBD. Our drops carry the same cannabidiol found in Epidiolex, without a prescription.", "HL106"),
    ("Compounded semaglutide. Our vials contain the same GLP-1 drug doctors prescribe as Wegovy.", "HL106"),
    # free of another treatment's harm: safety and a comparison at once
    ("St John's wort for low mood. Unlike antidepressants, our capsules won't dull your feelings.", "HL106"),
    ("St John's wort for low mood. Unlike antidepressants, our capsules won't dull your feelings.", "HL107"),
    # a first cup, a few sessions in, day ten
    ("Valerian tea for insomnia. Drowse lets you sleep through the night from the very first sip.", "HL104"),
    ("Ketamine. Two infusions in, my depression had lifted.", "HL104"),
    ("Probiotics. By day eight my IBS cramps were gone.", "HL104"),
    # side effects waved away with no risk named state none
    ("Ketamine for depression. Side effects at the doses we use are rare and mild.", "HL201"),
    ("Ketamine for depression. Side effects are minimal, and most patients feel nothing at all.", "HL201"),
    # the most powerful of a kind of remedy; nothing comes close; a smarter or better choice
    ("Turmeric for joint pain. Turmeric is the single most powerful natural antioxidant you can eat.", "HL106"),
    ("Compounded semaglutide. Our semaglutide is the most potent weight-loss peptide you can order online.", "HL106"),
    ("Ashwagandha for stress. I tried yoga, apps and teas, and nothing comes close to ashwagandha for my stress.", "HL106"),
    ("Saw palmetto for BPH. ProstaClear is a smarter choice than tamsulosin for men with BPH.", "HL106"),
    ("Melatonin for insomnia. Melatonin is a better choice for insomnia than any sleeping pill.", "HL106"),
    # any cold, every stage, every breed; "for anyone" beside a condition
    ("Elderberry for colds. Our syrup knocks out any cold within two days.", "HL110"),
    ("Glucosamine for osteoarthritis. FlexiJoint helps at every stage of osteoarthritis.", "HL110"),
    ("CBD for anxiety. Our CBD chews ease anxiety in dogs of every breed.", "HL110"),
    ("Fish oil for heart disease. It works for anyone, whatever their heart condition.", "HL110"),
])
def test_eleventh_session_wordings_that_claim(check, text, rule):
    assert rule in rules_of(check(text))


@pytest.mark.parametrize("text, rule", [
    # a condition only carried over from the page is no use claimed beside a true approval
    ("Living with cancer is hard, and chemotherapy can make it harder. Dronabinol is FDA-approved for "
     "chemotherapy nausea and vomiting. Dronabinol relieves symptoms; talk to your oncologist.", "HL204"),
    # the same substance as the seller's own line or as cigarettes
    ("CBD. Our pet drops use the same CBD as our human line.", "HL106"),
    ("E-cigarettes. Vapes contain nicotine, the same addictive drug found in regular cigarettes.", "HL106"),
    # "unlike X" without a harm named
    ("Turmeric for arthritis. Unlike ibuprofen, our turmeric capsules won't work overnight.", "HL107"),
    # many sessions in
    ("Ketamine. Twelve infusions in, my depression had lifted.", "HL104"),
    # side effects called mild and named are stated
    ("Ketamine for depression. Side effects are usually mild, such as dissociation, nausea and raised blood pressure.",
     "HL201"),
    # a buyer's guide crowning its own pick
    ("Melatonin for insomnia. In our testing, SleepWell gummies were the clear winner.", "HL106"),
    # "any cold medicine" is a comparison, not breadth
    ("Zinc lozenges for colds. Zinc shortens colds and costs less than any cold medicine.", "HL110"),
    # times told of a harm; all kinds of reasons; "for anyone" naming a reader
    ("Valerian for insomnia. Valerian eases insomnia without leaving you groggy the next morning.", "HL104"),
    ("Ibogaine. Ibogaine cures opioid addiction, though deaths within 72 hours of a dose have been reported.", "HL104"),
    ("Kratom. Kratom relieves back pain, and customers use it for all kinds of reasons.", "HL110"),
    ("Fish oil. Our formula is a game-changer for anyone worried about heart disease.", "HL110"),
])
def test_eleventh_session_wordings_that_claim_nothing_of_the_rule(check, text, rule):
    assert rule not in rules_of(check(text))


@pytest.mark.parametrize("text, condition", [
    ("Her Dravet seizures have roughly halved since she started Epidiolex.", "dravet-syndrome"),
    ("In the main trial, convulsive seizures in Dravet syndrome more than halved on Epidiolex.", "dravet-syndrome"),
])
def test_twelfth_session_wordings_that_claim(check, text, condition):
    assert condition in [c.condition for c in check(text).claims], check(text).claims


@pytest.mark.parametrize("text", [
    # food kept with salt, and an enzyme blocked, are no condition cured or blocked
    "Ayahuasca retreat. Before your stay, avoid alcohol, cannabis and other recreational drugs, and foods rich in "
    "tyramine such as aged cheese, cured meats and soy sauce, which can react with MAO-blocking substances.",
    "The vine contains harmala alkaloids that block the enzyme monoamine oxidase, which lets the DMT act.",
    # the law regulated or tightened, and a dose taken slowly
    "CBD for anxiety. In Canada, CBD products are regulated under the Cannabis Act.",
    "Psilocybin for depression. Psilocybin has been decriminalized in Denver and Oakland, and Oregon and Colorado now run "
    "regulated psilocybin programs.",
    "Delta-8 for anxiety. Federal rules on THC content in hemp products are also tightening in November 2026.",
    "Kratom for pain. You will feel a noticeable buzz, so start low and go slow.",
])
def test_twelfth_session_wordings_that_claim_nothing(check, text):
    last = text.split(". ")[-1]
    assert not [c for c in check(text).claims if c.text in last], check(text).claims


def test_a_testimonials_heading_claims_nothing(check):
    report = check("# BloomDrops hCG\n\nhCG drops melt belly fat.\n\n## Real results\n\nI lost 20 pounds.", format="markdown")
    assert "Real results" not in [c.text for c in report.claims], report.claims


def test_the_same_words_matched_twice_are_quoted_once(check):
    finding = next(f for f in check("Turmeric eases my arthritis within days.").findings if f.rule == "HL104")
    assert finding.message.count("'within days'") == 1 and not finding.related


@pytest.mark.parametrize("text, fragment", [
    ("hCG drops for weight loss. Using it for weight loss is off-label, and no hCG product is approved for it.", "off-label"),
    ("Ketamine infusions for depression. Using it for depression is off-label.", "off-label"),
    ("Probiotics for IBS. The American College of Gastroenterology suggests against using probiotics for overall IBS "
     "symptoms.", "suggests against"),
])
def test_a_use_called_off_label_or_advised_against_is_no_claim(check, text, fragment):
    claims = [c for c in check(text).claims if fragment in c.text]
    assert claims and all("negated" in c.context for c in claims)
    assert not {"HL101", "HL102", "HL103"} & rules_of(check(text.split(". ", 1)[1]))


def test_off_label_reaches_only_the_words_before_it(check):
    claim = next(c for c in check("Semaglutide for weight loss. Our patients melt 20 pounds of belly fat in a month on "
                                  "semaglutide, even though it is off-label.").claims if "melt" in c.text)
    assert "negated" not in claim.context


def test_a_speed_in_minutes_is_no_evidence_status(check):
    assert "HL204" in rules_of(check("Melatonin helps with insomnia. Fall asleep in just 5 minutes."))


def test_a_physician_supervised_treatment_states_its_supervision(check):
    report = check("Chelation for heart disease. Our physician-supervised EDTA chelation infusions bind metals.")
    assert "supervision" in {c.kind for c in report.caveats if c.level == "full"}


@pytest.mark.parametrize("text", [
    "MDMA for PTSD. MDMA-assisted therapy works where years of pills and talk therapy have failed.",
    "Compounded tirzepatide for weight loss. I switched last month and honestly it works exactly the same.",
])
def test_where_others_failed_and_the_same_effect(check, text):
    assert "HL106" in rules_of(check(text))


def test_a_state_told_with_what_brought_it_about_is_a_claim(check):
    assert "HL101" in rules_of(check("Kava got me sober after ten years of drinking."))
    assert "HL101" in rules_of(check("Ibogaine retreat. Thanks to ibogaine I'm 3 years clean."))
    assert "HL101" in rules_of(check("Ibogaine retreat. One flood dose and I'm 3 years clean."))


def test_proof_of_safety_claims_safety_not_efficacy(check):
    report = check("Hydroxychloroquine. Proven safe for over 65 years.")
    assert "HL107" in rules_of(report) and not {"HL101", "HL102", "HL103"} & rules_of(report)


@pytest.mark.parametrize("text", [
    "Kratom. Could it help with migraines too though?",
    "My clinic said it heals migraines, they had a whole slideshow.",
    "- Kratom raises your heart rate and blood pressure.",
    "Ivermectin tablets.\n\nFor the COVID protocol: 0.4 mg per kg daily for 5 days.",
    "Kratom.\n\nWhat the research showed",
    "We are a peer-support charity for people living with migraines.",
])
def test_questions_hearsay_risks_doses_and_headings_claim_nothing(check, text):
    assert not {r for r in rules_of(check(text)) if r.startswith("HL10")}, rules_of(check(text))


@pytest.mark.parametrize("text, rules", [
    ("Kratom relieves migraines, something painkillers never can.", {"HL106"}),
    ("Kratom clears the migraines that painkillers can't touch.", {"HL106"}),
    ("Kratom for migraines: no side effects like with SSRIs.", {"HL106", "HL107"}),
    ("Our kratom is gentler on the stomach than prescription pills.", {"HL106", "HL107"}),
    ("Kratom heals torn tendons 3x faster than rest alone.", {"HL104", "HL106"}),
    ("Lose up to a pound a day with hCG drops.", {"HL104"}),
    ("Kratom fixed my migraines in one weekend.", {"HL104"}),
    ("Started kratom for my migraines and was back at work three days later.", {"HL104"}),
])
def test_other_treatments_set_against_and_speed_told_as_rates(check, text, rules):
    assert rules <= rules_of(check(text)), rules_of(check(text))


def test_long_after_and_unrelated_comparisons_are_not_claimed(check):
    assert "HL104" not in rules_of(check("hCG drops. Sixty days later I had lost 41 pounds."))
    assert "HL106" not in rules_of(check("Fish oil. Small fish like sardines are a better choice than large predatory fish."))


@pytest.mark.parametrize("page, rule", [
    ("Psilocybin helps depression. If anyone in your family has bipolar disorder, please don't take it.", "HL202"),
    ("Psilocybin helps depression. People with heart problems are at much higher risk.", "HL202"),
    ("Psilocybin helps depression. If you're on an SSRI, talk to your prescriber first.", "HL202"),
    ("Ashwagandha eases stress. It isn't recommended in pregnancy.", "HL202"),  # its corpus row names pregnancy
    ("Ibogaine ends opioid addiction. Every guest gets an ECG, and a doctor and two nurses watch the heart monitor all night.", "HL203"),
    ("Stem cell therapy repairs knees. Every injection is performed by a board-certified physician.", "HL203"),
    ("Nabilone eases chemotherapy nausea. Only your oncology team can start it.", "HL203"),
])
def test_contraindications_and_supervision_in_everyday_words(check, page, rule):
    assert rule not in rules_of(check(page))


def test_a_telehealth_care_team_is_no_supervision_caveat(check):
    assert "HL203" in rules_of(check("Esketamine treats treatment-resistant depression. Our care team answers messages within a day."))


@pytest.mark.parametrize("page, fires", [
    ("Ibogaine cures opioid addiction. Ibogaine is not a controlled substance in Mexico.", True),
    ("Ibogaine cures opioid addiction. Ibogaine is a Schedule I drug in the United States.", False),
    ("Psilocybin lifts depression. Sourcing offers will be removed and accounts banned.", True),
    ("Psilocybin lifts depression. Psilocybin is banned in the UK and the US.", False),
    ("Kratom eases back pain. Alabama, Indiana and Vermont have banned it.", True),  # US states
    ("Ostarine cures low testosterone. SARMs are on the WADA prohibited list.", True),  # a sport list
    ("Psilocybin lifts depression. Laws change fast, so this is not legal advice.", True),  # a disclaimer
])
def test_legal_status_told_only_of_other_places_or_of_forum_accounts_states_none(check, page, fires):
    assert ("HL301" in rules_of(check(page))) is fires


@pytest.mark.parametrize("text", [
    "Stem cell therapy for knees.\n\nFinancing from $189/month with approved credit.",
    "MDMA for PTSD.\n\nVeteran-approved.",
    "Kratom for back pain.\n\nInstagram captions, Q3 calendar (approved for posting)",
    "Kratom for back pain.\n\nCaptions for March (approved by Jess, ready to schedule)",
    "Kratom for back pain.\n\nApproved for scheduling by: Jess (social)",
    "Kratom.\n\nMods will remove anyone posting sources.",
    "Kratom for back pain.\n\nCaption set 4 - approved by Mira + Tom",
    "Compounded semaglutide for weight loss.\n\nGet approved in 24 hours.",
])
def test_approval_and_breadth_words_in_other_senses(check, text):
    assert not {"HL109", "HL110"} & rules_of(check(text))


def test_a_question_heading_does_not_make_the_page_topic(check):
    """A FAQ that asks "Do you offer compounded semaglutide?" is not about the copy: its price
    line and its unnamed claims belong to what its statements are about."""
    page = ("# Weight care at our clinic\n\nWe prescribe semaglutide (Wegovy) when it is right for you, with a "
            "prescription after a video visit.\n\n## Do you offer compounded semaglutide?\n\n"
            "No. Compounded versions are not FDA-approved.\n\n## Results\n\n"
            "It is approved for adults with obesity.\n\n## Costs\n\nMembership: $129 a month.\n")
    report = check(page, format="markdown")
    assert {c.intervention for c in report.claims if "approved for adults" in c.text} == {"semaglutide"}
    assert not [f for f in report.findings if f.intervention == "compounded-semaglutide"], report.findings


@pytest.mark.parametrize("text, rule, fires", [
    ("Cannabis oil for cancer. Cannabis oil goes after the cancer itself.", "HL101", True),
    ("Probiotics boost your immune system so you never catch a cold again.", "HL105", True),
    ("Probiotics for IBS. Our probiotics soothe IBS: no more bloating, ever.", "HL105", True),
    ("Cannabis for pain. Nobody in recorded history has died from a cannabis overdose.", "HL107", True),
    ("Spravato for depression. Please arrange a ride so you get home safely.", "HL107", False),
    ("Ginkgo for memory. We think you deserve better than that.", "HL106", False),
    ("Ashwagandha for stress. I have Hashimoto's disease and my endo told me to stop.", "HL101", False),
    ("Ashwagandha keeps my anxiety in check.", "HL101", True),
    ("Stem cells. My multiple sclerosis has not progressed since the infusion.", "HL101", True),
    ("Mercury cream brightens dark spots in days.", "HL101", True),
    ("Mercury cream. Some skin-lightening creams contain mercury.", "HL101", False),
])
def test_round_22_wording_as_patterns(check, text, rule, fires):
    assert (rule in rules_of(check(text))) is fires, rules_of(check(text))


def test_homeopathic_describes_the_product_on_a_page_that_never_names_homeopathy(check):
    """On an hCG drops page, "homeopathic" is how the drops are sold, not a second
    intervention (like a street name, it counts only where homeopathy is named)."""
    drops = check("hCG diet drops melt 1 lb a day. Our drops are 100% homeopathic, so no side effects.")
    assert {c.intervention for c in drops.claims} == {"hcg"}
    remedy = check("Homeopathy for hay fever: our homeopathic tablets relieve sneezing fast.")
    assert "homeopathy" in {c.intervention for c in remedy.claims}


def test_dmt_by_its_abbreviation_alone_is_named(check):
    """"DMT" is the drug's usual name, not a street name that needs the full name nearby."""
    assert {c.intervention for c in check("DMT cured my depression.").claims} == {"dmt"}


def test_a_medicine_set_aside_with_forget_is_what_is_compared_with(check):
    report = check("Forget melatonin: a couple of puffs of cannabis knocks out insomnia.")
    assert {c.intervention for c in report.claims} == {"cannabis"}


@pytest.mark.parametrize("text, rule, fires", [
    ("Delta-8 THC gummies for anxiety.\n\nNo med card, no prescription, no problem.", "HL109", True),
    ("Ostarine for muscle. It brings your T levels back up, no needles and no script needed.", "HL109", True),
    ("Melatonin gummies for insomnia. No grogginess, no side effects, nothing.", "HL107", True),
    ("Stem cell therapy for knee osteoarthritis. There is no risk of rejection and virtually no side effects.", "HL107", True),
    # a denial of the absence is still a denial: a prescription is needed
    ("Hydroxychloroquine for lupus. It must not be used without a prescription.", "HL109", False),
])
def test_absences_listed_one_after_another_are_each_their_own(check, text, rule, fires):
    assert (rule in rules_of(check(text))) is fires


@pytest.mark.parametrize("text, fires", [
    ("Turmeric for knee pain. Several trials compared turmeric with ibuprofen.", False),  # a study's design
    ("Berberine for blood sugar. When it was compared directly with metformin, it did not come out ahead.", False),
    ("Fish oil for joint pain. Krill oil absorbs better than regular fish oil.", False),  # absorption
    ("Fish oil for joint pain. It works better than ibuprofen for joint pain.", True),
])
def test_how_a_study_compared_or_a_form_absorbs_is_no_comparison_claim(check, text, fires):
    assert ("HL106" in rules_of(check(text))) is fires


@pytest.mark.parametrize("text", [
    "Chlorine dioxide. For autism the picture is more mixed.",
    "Apple cider vinegar. My neighbour says ACV gummies cured her diabetes.",
    "Melatonin. My aunt swears by melatonin and says it cured her insomnia.",
])
def test_a_topic_a_trial_length_or_a_relatives_story_is_no_claim_finding(check, text):
    assert not {r for r in rules_of(check(text)) if r.startswith("HL1")}


@pytest.mark.parametrize("text, rule", [
    ("Semaglutide for weight loss. It slows how quickly your stomach empties.", "HL104"),
    ("Ketamine for depression. The kit holds six rapid-dissolve tablets.", "HL104"),
    ('NMN. One ad called NMN "the molecule that reverses ageing" and sold it for $90.', "HL101"),
])
def test_how_the_body_works_a_tablet_form_or_an_ads_words_are_no_claim(check, text, rule):
    assert rule not in rules_of(check(text))


@pytest.mark.parametrize("text, compares", [
    ("CBD for anxiety. CBD didn't touch my anxiety, a waste of money.", False),  # its own failure
    ("Kratom for back pain. Ibuprofen didn't touch my back pain, kratom did.", True),  # another's
    ("Ketamine for PTSD. Ketamine did what years of therapy couldn't: my PTSD is gone.", True),
])
def test_a_failure_told_of_the_products_own_subject_is_no_comparison(check, text, compares):
    assert ("HL106" in rules_of(check(text))) is compares


@pytest.mark.parametrize("text, claimed", [
    ("Kratom got me off heroin for good.", True),
    ("My brother is on day 2 off heroin and in bad shape.", False),  # withdrawal told, no recovery
])
def test_off_an_opioid_thanks_to_the_product_names_opioid_use_disorder(check, text, claimed):
    conditions = {c.condition for c in check(text).claims}
    assert ("opioid-use-disorder" in conditions) is claimed, conditions


@pytest.mark.parametrize("text, condition", [
    ("Stem cell therapy.\n\nMultiple sclerosis: fewer relapses and better balance.", "multiple-sclerosis"),
    ("Stem cell therapy.\n\nAutism: children become calmer within weeks.", "autism"),
    ("Stem cell therapy is giving people with osteoarthritis their lives back.", "osteoarthritis"),
])
def test_outcomes_listed_after_a_condition_label(check, text, condition):
    assert condition in {c.condition for c in check(text).claims if c.strength == "efficacy"}


@pytest.mark.parametrize("text", [
    "Vapes.\n\nQuit smoking within 10 days with our starter kit.",
    "Since I switched to the vape I have been smoke-free for a year.",
    "Two weeks with the vape and I haven't touched a cigarette since.",
    "Our vape pens are great at getting you off cigarettes.",
])
def test_stopping_smoking_told_as_done_names_smoking_cessation(check, text):
    assert "smoking-cessation" in {c.condition for c in check(text).claims if c.strength != "mention"}


@pytest.mark.parametrize("text, rule", [
    ("Medical marijuana for pain. Medical marijuana is legal in 38 states.", "HL109"),  # some states
    ("Kratom for pain. Heads up on the legal part, that's out of date.", "HL109"),
    ("Medical cards for cannabis. Approved in minutes.", "HL109"),  # an application
    ("Kava calms anxiety. Legal asked us to add the FDA disclaimer to the bio.", "HL109"),  # the lawyers
    ("Kratom for withdrawal? Withdrawal has real medical treatments and you deserve those.", "HL101"),
])
def test_some_states_the_legal_part_a_quick_approval_and_other_treatments_claim_nothing(check, text, rule):
    assert rule not in rules_of(check(text))


@pytest.mark.parametrize("text, rule", [
    ("Kratom took my opioid withdrawal away in under an hour.", "HL101"),
    ("One delta-8 THC gummy at 8pm, and by 9 my back pain has dialed way down.", "HL103"),
    ("Colloidal silver for ear infections. The ear infection was gone by the next afternoon.", "HL104"),
    ("Kratom for back pain. It's a plant, so you can't get hooked like with oxy.", "HL107"),
    ("Hydroxychloroquine weekly: none of my readers caught COVID last season.", "HL102"),
    ("Ivermectin is the wonder drug they don't want you to have for COVID.", "HL108"),
    ("Vitamin D: get your level up and your risk of dying from COVID drops dramatically.", "HL102"),
    ("DMT delivers rapid, durable relief from major depression.", "HL105"),
])
def test_round_24_wording_as_patterns(check, text, rule):
    assert rule in rules_of(check(text)), rules_of(check(text))


def test_on_a_combination_page_an_unnamed_claim_goes_to_the_ingredient_with_evidence_for_it(check):
    page = ("# Prostate + T Complex\n\nSaw palmetto shrinks an enlarged prostate.\n\n"
            "Our testosterone booster blend raises energy in men.\n\n- Clinically proven to restore low T")
    claim = next(c for c in check(page, format="markdown").claims if "restore low T" in c.text)
    assert (claim.intervention, claim.condition) == ("testosterone-boosters", "low-testosterone")


def test_a_rate_is_no_claim_that_it_works_for_everyone(check):
    text = "Vapes help people quit smoking: for every 100 people who try them, about 10 more quit."
    assert "HL110" not in rules_of(check(text))


def test_a_trials_length_is_no_durability_claim(check):
    assert "HL105" not in rules_of(check("Berberine. In large trials lasting around a year, people lost weight."))


def test_effects_that_ease_off_by_themselves_are_no_speed_claim(check):
    page = "Ketamine for depression. You may feel dizzy. They usually peak in the first hour and ease off before you go home."
    assert "HL104" not in rules_of(check(page))


@pytest.mark.parametrize("text, fires", [
    ("Cannabis oil for chronic pain. Getting started is easier than you think.", False),
    ("CBD for anxiety. You know your own body better than anyone.", False),
    ("Kratom for chronic pain. It works better than ibuprofen.", True),
])
def test_compared_with_an_expectation_or_a_person_is_no_treatment_comparison(check, text, fires):
    assert ("HL106" in rules_of(check(text))) is fires


@pytest.mark.parametrize("text", [
    'Berberine. Two of them showed me the "nature\'s Ozempic" videos.',
    'You\'ll see echinacea called "nature\'s antibiotic" on some websites.',
    "Some people in this sub claim ozone cures cancer outright.",
    "Some buyers on forums say the gummies cured their type 2 diabetes.",
    "Ozone therapy. She's also getting chemo, which is what shrinks tumors.",
    "Cannabis edibles can take up to two hours to kick in.",
    "St John's wort speeds up the way your liver clears many medicines, so they work less well.",
    "Melatonin. For insomnia that has gone on for months, your GP is a better first stop.",
    "Elderberry syrup. Mama-made, mama-tested, mama-approved.",
])
def test_quoted_names_forum_hearsay_other_treatments_and_warnings_claim_nothing(check, text):
    assert not {r for r in rules_of(check(text)) if r.startswith("HL10")}, rules_of(check(text))


def test_a_quoted_testimonial_is_still_a_claim(check):
    report = check('"This oil cured my psoriasis in a week," says one customer about our CBD.')
    assert any(c.condition == "psoriasis" and c.strength == "certainty" for c in report.claims)


@pytest.mark.parametrize("text, rules", [
    ("Swapped my Xanax for kava and it works better for my anxiety than the pills ever did.", {"HL106"}),
    ("Kava gummies melt stress away in like 20 minutes.", {"HL104"}),
    ("Guests leave their addiction behind after only one ceremony of ayahuasca.", {"HL101", "HL104"}),
    ("Antidepressants only put a bandage on depression; ayahuasca goes to the root.", {"HL106"}),
    ("Childhood trauma, war trauma: ayahuasca heals all of it.", {"HL110"}),
    ("Berberine melted 32 lbs off me in 8 weeks.", {"HL104"}),
    ("Turmeric works like a natural chemotherapy against tumours.", {"HL106"}),
    ("Stem cells halt multiple sclerosis progression.", {"HL101"}),
    ("Vitamin D drops chase away the winter blues for good.", {"HL101", "HL105"}),
    ("Melatonin gummies: drifting off in under 20 minutes.", {"HL104"}),
    ("Melatonin tackles insomnia as well as a prescription sleeping pill, minus the morning hangover.", {"HL106", "HL107"}),
    ("Glucosamine: my knee pain was gone after only ten days.", {"HL104"}),
    ("Turmeric works on arthritis and it don't hurt the stomach like NSAIDs do.", {"HL107"}),
    ("Elderberry syrup: think of it as Tamiflu from Mother Nature's medicine cabinet.", {"HL106"}),
])
def test_wording_from_rounds_eleven_and_twelve(check, text, rules):
    assert rules <= rules_of(check(text)), rules_of(check(text))


def test_a_medicine_named_after_the_one_it_is_set_against_is_not_claimed_about(check):
    report = check("Apple cider vinegar gummies work like a natural Ozempic for weight loss.")
    assert "HL106" in rules_of(report)
    assert {f.intervention for f in report.findings if f.rule.startswith("HL2")} <= {"apple-cider-vinegar"}


def test_not_for_pregnant_is_a_contraindication(check):
    assert "HL202" not in rules_of(check("Ashwagandha gummies melt stress. Not for pregnant mamas, and check with your doctor first."))


@pytest.mark.parametrize("text, rules", [
    ("Where SSRIs fall short, ketamine lifts treatment-resistant depression.", {"HL106"}),
    ("Kratom did what six years of physio couldn't: my migraines are gone.", {"HL106", "HL101"}),
    ("Kratom did more for my migraines than five years of therapy ever did.", {"HL106"}),
    ("NAD+ drips fix migraines in a way no pill ever could.", {"HL106"}),
    ("Chlorine dioxide knocked the virus out in 2 days.", {"HL104"}),
    ("Colloidal silver. Six winters, zero colds.", {"HL101"}),
    ("Colloidal silver: my daughter's ear infection was gone two days after we started.", {"HL104"}),
    ("Chlorine dioxide for the whole family. Nobody was harmed.", {"HL107"}),
    ("Ozone injections knock out joint pain in one visit.", {"HL104"}),
])
def test_wording_from_round_thirteen(check, text, rules):
    assert rules <= rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Zinc lozenges. Most colds clear up by themselves within a week to ten days.",
    "BPC-157. Nobody knows yet, and anyone who tells you it's proven is selling something.",
    "Chelation. If your child has been exposed to lead, we are glad to test and treat that exposure.",
])
def test_natural_course_hearsay_and_services_claim_nothing(check, text):
    assert not {r for r in rules_of(check(text)) if r.startswith("HL10")}, rules_of(check(text))


def test_harm_told_as_a_hospital_visit_and_who_must_not_get_it(check):
    page = ("Chlorine dioxide drops knock out viruses. My sister ended up in the ER with vomiting. "
            "The FDA says parents should not give these products to children.")
    assert not {"HL201", "HL202"} & rules_of(check(page))


@pytest.mark.parametrize("text, rules", [
    ("MDMA did more for my PTSD in those three nights than years of therapy.", {"HL106"}),
    ("Molly did for my trauma what nothing else ever could.", {"HL106"}),
    ("These things reach PTSD where therapy never could.", {"HL106"}),
    ("Compounded semaglutide: the exact molecule inside Ozempic.", {"HL106"}),
    ("Nothing on the planet beats fish oil when it comes to heart disease.", {"HL106"}),
    ("Colloidal silver destroys the viruses behind everyday infections.", {"HL101"}),
    ("I took colloidal silver all through 2021 and never caught covid once.", {"HL101"}),
    ("Fish oil helped my clients bring their blood pressure down in just 3 weeks.", {"HL104"}),
    ("Take vitamin D and the winter blues lift within a week.", {"HL101", "HL104"}),
    ("Stem cell injections regrow the cartilage lost to osteoarthritis.", {"HL103"}),
])
def test_wording_from_round_fourteen(check, text, rules):
    assert rules <= rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Melatonin seems to do more for body-clock problems than for everyday insomnia.",
    "Testosterone boosters. Honestly my energy is better than it was in December.",
    "Psilocybin trial. The study has been approved by an independent institutional review board.",
])
def test_comparing_uses_or_oneself_and_ethics_approval_claim_nothing(check, text):
    assert not {"HL106", "HL109"} & rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text", [
    "BPC-157 is sold here. Some sites claim BPC regrows tendons in two weeks.",
    "Apple cider vinegar gummies. Some TikTok girls say ACV melts belly fat.",
    "Kratom. A guy at work says kratom got him off pills.",
    "Apple cider vinegar. Some people say apple cider vinegar burns fat while you sleep.",
    "Fish oil gummies. Some moms in our community say the gummies have helped with their kiddo's ADHD.",
    "Berberine. My feed is full of people calling it nature's Ozempic.",
    "Esketamine at our clinic. No medicine can promise that.",
    "Kava drops. First, a gentle but important point.",
])
def test_what_others_say_and_what_the_writer_says_to_the_reader_claim_nothing(check, text):
    assert not {r for r in rules_of(check(text)) if r.startswith("HL10")}, rules_of(check(text))


@pytest.mark.parametrize("text, rules", [
    ("Some of our customers say MDMA cured their PTSD.", {"HL103"}),
    ("MDMA for PTSD: no medicine can match it.", {"HL106"}),
    ("Kava is gentle and safe for anxiety.", {"HL107"}),
])
def test_testimonials_and_claims_near_those_look_alikes_still_count(check, text, rules):
    assert rules <= rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text", [
    "No other medicine can do what our MDMA does for PTSD.",
    "Kava. Our kava does what Xanax does for anxious minds.",
])
def test_doing_what_another_medicine_does_is_a_comparison(check, text):
    assert "HL106" in rules_of(check(text)), rules_of(check(text))


def test_doing_what_it_says_on_the_tin_is_not_a_comparison(check):
    assert "HL106" not in rules_of(check("Zinc lozenges. The lozenge does what it says on the tin."))


@pytest.mark.parametrize("text, rules", [
    ("Ketamine took my PTSD nightmares from every night to maybe once a month.", {"HL101"}),
    ("Berberine. Most people take it without any issues.", {"HL107"}),
    ("SARMs. Also ostarine is basically TRT in a pill for guys with low T.", {"HL106"}),
    ("Ashwagandha is the most effective remedy for stress.", {"HL106"}),
    ("Stem cell therapy is the most revolutionary cure for aging.", {"HL108"}),
])
def test_wording_from_round_twenty_seven(check, text, rules):
    assert rules <= rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Give St. John's wort 10 days and your depression will be history.",
    "Testosterone booster. Wave goodbye to weak erections.",
])
def test_idioms_of_an_ended_condition_are_claims(check, text):
    assert check(text).claims and check(text).claims[0].condition is not None


def test_the_most_effective_time_to_take_it_is_not_a_comparison(check):
    assert "HL106" not in rules_of(check("Ashwagandha for stress. It is most effective when taken with food."))


def test_talking_to_a_prescriber_is_advice_not_supervision(check):
    # "talk to your prescriber" is the partial caveat (consult), not the full one
    report = check("Ketamine lifts depression. Talk to your prescriber before stopping an SSRI.")
    assert "HL203" in rules_of(report), rules_of(report)


@pytest.mark.parametrize("page, rule", [
    ("Esketamine helps depression. Spravato is not suitable if a rise in blood pressure could be dangerous for you.", "HL202"),
    ("Esketamine helps depression. Other sedating medicines add to its sedation.", "HL202"),
    ("St. John's wort lifts low mood. It can make birth control pills less effective.", "HL202"),
    ("Berberine helps blood sugar. With diabetes medication, berberine can add to their effect and push your numbers too low.",
     "HL202"),
    ("Chelation therapy cures heart disease. Chelation can also cause dehydration and kidney failure.", "HL201"),
    ("Chelation therapy cures heart disease. Edetate disodium has killed people by dropping their calcium.", "HL201"),
    ("Chelation therapy cures heart disease. It should never be given to kids.", "HL202"),
    ("BPC-157 heals tendons. Basically all the BPC-157 data is in rats, zero controlled trials in people.", "HL204"),
    ("BPC-157 heals tendons. It isn't approved as a drug anywhere.", "HL204"),
    ("Saw palmetto cures BPH. He did get some stomach upset the first couple of weeks.", "HL201"),
    ("Kratom cures withdrawal. There's no actual clinical trial showing kratom treats opioid withdrawal.", "HL204"),
    ("Kratom cures withdrawal. No good study has shown that it works.", "HL204"),
    # (cav-e) a named risk before an implied "for"; a caveat told of what a copy copies; a mild
    # rash; harm told as a level or an organ hurt; an approval denied with "ever"/"doesn't"
    ("Nabilone eases fibromyalgia pain. Side effects for me were dizziness when I stand up too fast.", "HL201"),
    ("Compounded semaglutide melts fat. Our semaglutide is gentle; some clients get a little nausea the first week.", "HL201"),
    ("Mercury skin cream clears acne. Most users get a light rash the first few days.", "HL201"),
    ("Vitamin D prevents colds. Too much vitamin D can push calcium in the blood too high and hurt the kidneys.", "HL201"),
    ("Chlorine dioxide cures autism. No MMS product has ever been approved by anyone.", "HL204"),
    ("Ozone therapy cures Lyme disease. The FDA doesn't approve ozone for any medical use.", "HL204"),
    ("Ozone therapy cures Lyme disease. The FDA doesn't approve ozone for any medical use.", "HL301"),
    # (pass-h) the watching told in everyday grammar: staff present, a monitored setting, a
    # watch kept until it wears off, supervision with a word between
    ("Psilocybin lifts depression. Two trained therapists stay with you for the whole session, and a physician is on site.",
     "HL203"),
    ("Ketamine lifts depression. In trials it was given in a monitored clinic.", "HL203"),
    ("DMT lifts depression. Participants are monitored until the effects have worn off.", "HL203"),
    ("Esketamine lifts depression. It must be taken under the direct supervision of a healthcare professional.", "HL203"),
    # (pass-h) a prescriber who changes the dose, in any tense or order
    ("Compounded semaglutide melts fat. Check in monthly with your care team so your provider can adjust your dose.", "HL203"),
    ("Compounded semaglutide melts fat. Weekly injection, dose adjusted monthly by your provider.", "HL203"),
    # (pass-h) who is turned away, told by the one who turns them away
    ("Ibogaine cures opioid addiction. We do not accept anyone with heart disease.", "HL202"),
])
def test_caveats_told_in_a_writers_own_words(check, page, rule):
    assert rule not in rules_of(check(page)), rules_of(check(page))


def test_an_interaction_sentence_is_not_a_claim(check):
    # read as a caveat: a claim the page does not assert, on the first line or further down
    for text in ("St. John's wort can make birth control pills less effective.",
                 "Mood support.\n\nSt. John's wort can make birth control pills less effective."):
        assert all("caveat" in c.context for c in check(text).claims)
        assert not rules_of(check(text)) & {"HL101", "HL102", "HL103"}


def test_the_medicine_that_products_stand_in_for_is_not_claimed_about(check):
    report = check("6 Natural Ozempic Alternatives for Weight Loss")
    assert not {f.rule for f in report.findings if f.rule.startswith("HL2")}, rules_of(report)
    # the page's own product is still the subject
    report = check("Compounded semaglutide is a cheaper Ozempic alternative for weight loss.")
    assert {c.intervention for c in report.claims} == {"compounded-semaglutide"}


def test_stopping_the_medicine_is_not_stopping_the_condition(check):
    assert not check("GLP-1 drugs come with nausea and a real chance of gaining it all back when you stop.").claims


def test_a_page_set_against_a_medicine_is_not_about_it(check):
    page = ("6 Natural Ozempic Alternatives for Weight Loss\n\n"
            "All three are sold over the counter, which is a huge plus compared to GLP-1 injections.\n\n"
            "Berberine helps with weight loss.")
    report = check(page)
    assert "semaglutide" not in {f.intervention for f in report.findings}, [(f.rule, f.intervention) for f in report.findings]


@pytest.mark.parametrize("page, rule", [
    ("Ivermectin stops COVID. Dr. Ransome is a naturopathic doctor and is not licensed to practice medicine in all states.",
     "HL204"),
    ("Ivermectin stops COVID. You are not helpless if someone you love gets sick.", "HL201"),
    ("Hydroxychloroquine stops COVID. It's not some experimental chemical.", "HL204"),
])
def test_a_doctors_licence_falling_ill_and_a_denied_status_state_no_caveat(check, page, rule):
    assert rule in rules_of(check(page)), rules_of(check(page))


def test_a_product_that_made_you_sick_states_its_adverse_effects(check):
    assert "HL201" not in rules_of(check("Ivermectin stops COVID. It made me sick for two days."))


@pytest.mark.parametrize("answer, stated", [
    ("No, and it never will be, because nobody can patent a molecule.", True),
    ("Nope.", True),
    ("Yes, since 2019.", False),
    ("We get asked this a lot.", False),
])
def test_an_approval_asked_about_and_denied_states_the_status(check, answer, stated):
    page = f"Chlorine dioxide cures autism.\n\nIs chlorine dioxide approved by the FDA?\n\n{answer}"
    assert ("HL204" not in rules_of(check(page))) is stated, rules_of(check(page))


def test_legality_asked_about_and_denied_states_the_legal_status(check):
    page = "Psilocybin cures depression.\n\nIs psilocybin legal in the UK?\n\nNo. It is a drug the law controls."
    assert "HL301" not in rules_of(check(page)), rules_of(check(page))


@pytest.mark.parametrize("text", [
    "Saw palmetto for BPH. I'm on apixaban for afib.",
    "Ketamine. Side effects for me were dizziness when I stand up too fast.",
    "IV vitamin C. She felt nauseated when the drip ran too fast.",
    "Nabilone. You may also read online that cannabinoid capsules help with long-term pain.",
])
def test_other_medicines_too_fast_and_what_you_read_online_claim_nothing_more(check, text):
    assert not {"HL101", "HL104"} & rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text", [
    "SARMs. There's basically zero human evidence that any of these do anything good for low testosterone.",
    "BPC-157. My PT said some of her other clients swear by BPC for tendons.",
    "Stem cells for knees. In the United States, the only approved stem cell products are cord blood cells.",
    "Chelation. The chelating drugs the FDA has approved are prescription-only.",
])
def test_denied_evidence_a_professionals_hearsay_and_the_limits_of_approval_claim_nothing(check, text):
    assert not {r for r in rules_of(check(text)) if r.startswith("HL10")}, rules_of(check(text))


@pytest.mark.parametrize("text, rules", [
    ("Kava. my social anxiety took a big step down within the first week", {"HL103", "HL104"}),
    ("Compounded tirzepatide. Nothing moved my weight until compounded tirzepatide: 31 lbs gone in 8 weeks.", {"HL101", "HL104"}),
    ("st johns wart got me out of a really dark depression in 2 weeks.", {"HL104"}),
    ("Kava. My anxiety dropped like a rock.", {"HL103"}),
])
def test_a_condition_falling_and_weight_gone_are_effects(check, text, rules):
    assert rules <= rules_of(check(text)), rules_of(check(text))


def test_drops_after_a_condition_name_are_a_product(check):
    assert not [c for c in check("Homeopathy. Our anxiety drops come in a glass bottle.").claims if c.strength != "mention"]


@pytest.mark.parametrize("text", [
    "Vitamin D. Because vitamin D is made by your own skin, there is no such thing as taking too much.",
    "Colloidal silver cures colds. And no, silver will NOT turn you blue.",
    "IV vitamin C kills cancer cells while leaving healthy tissue untouched.",
    "Turmeric. Most people use it alongside their regular medicines with no problems.",
])
def test_safety_told_as_harms_that_cannot_happen(check, text):
    assert "HL107" in rules_of(check(text)), rules_of(check(text))


def test_no_as_an_answer_leaves_a_real_negation_alone(check):
    report = check("Kratom for pain. No, it does not cure cancer.")
    assert not [c for c in report.claims if c.condition == "cancer" and c.strength != "mention"]


@pytest.mark.parametrize("text", [
    "Homeopathic allergy drops keep allergies away, without the drowsiness of antihistamines.",
    "Psilocybin ceremonies ease anxiety and depression, with none of the side effects of antidepressants.",
    "St John's wort helps beat depression without the side effects of prescription pills.",
])
def test_free_of_a_harm_another_treatment_has_claims_safety_and_a_comparison(check, text):
    assert {"HL106", "HL107"} <= rules_of(check(text)), rules_of(check(text))


def test_free_of_the_misery_of_a_detox_is_a_comparison_only(check):
    rules = rules_of(check("Kratom helps people break free from opioid cravings, without the misery of a traditional detox."))
    assert "HL106" in rules and "HL107" not in rules, rules


@pytest.mark.parametrize("text", [
    "Saw palmetto. better then flomax",
    "Berberine is hands down the best weight loss supplement out there.",
    "Berberine gummies lower blood sugar just like metformin.",
    "Tirzepatide is the strongest weight-loss medicine ever made.",
])
def test_superiority_in_everyday_words(check, text):
    assert "HL106" in rules_of(check(text)), rules_of(check(text))


def test_the_supplement_in_the_morning_is_no_superlative(check):
    assert "HL106" not in rules_of(check("Fish oil. Take the supplement in the morning with food."))


@pytest.mark.parametrize("text, rules", [
    ("Compounded tirzepatide is the weight-loss breakthrough of the decade.", {"HL101"}),
    ("Compounded semaglutide resets your metabolism so the weight stays off for good.", {"HL101", "HL105"}),
    ("Compounded semaglutide. The weight you lose stays gone.", {"HL101", "HL105"}),
    ("Lose up to 20% of your body weight with compounded semaglutide, the same active ingredient as Ozempic.", {"HL101"}),
])
def test_weight_told_with_a_hyphen_or_as_staying_off(check, text, rules):
    assert rules <= rules_of(check(text)), rules_of(check(text))


def test_a_hyphenated_condition_before_a_class_of_drugs_is_a_modifier(check):
    report = check("Unlike prescription weight-loss drugs, apple cider vinegar works with your body.")
    assert not {"HL101", "HL103"} & rules_of(report), rules_of(report)
    # "anti-anxiety medication" still names anxiety
    report = check("Clinical studies have shown that kava works as well as prescription anti-anxiety medication.")
    assert any(c.condition == "anxiety" for c in report.claims), report.claims


@pytest.mark.parametrize("text, condition", [
    ("Kava. i went from panic attacks every other day to basically none since i started drinking it.", "panic-disorder"),
    ("Turmeric. knee swelling is way down, pain went from an 8 to like a 3", "pain"),
    ("CBD. The tincture has my fibromyalgia pain down from an 8 to about a 3 most days.", "fibromyalgia"),
    ("Ayahuasca. Many of our guests come to us with anxiety and leave without it.", "anxiety"),
    ("Valerian. Tastes kind of earthy but I sleep like a baby now.", "insomnia"),
])
def test_outcomes_told_as_scores_frequencies_and_idioms_are_claims(check, text, condition):
    assert any(c.condition == condition and c.strength != "mention" for c in check(text).claims), check(text).claims


@pytest.mark.parametrize("text, fires", [
    ("Delta 8. delta 8 gummies are the move for anxiety, I take one 25mg at night and I'm out cold.", False),
    ("Melatonin for sleep. Start with one gummy and see how you feel.", False),
    ("Ketamine. One infusion and my depression lifted.", True),
])
def test_a_dose_instruction_is_no_speed_claim(check, text, fires):
    assert ("HL104" in rules_of(check(text))) is fires, rules_of(check(text))


@pytest.mark.parametrize("text", [
    "IV vitamin C. Many of our guests are going through cancer treatment and love how they feel after a drip.",
    "IV vitamin C. Cancer support alongside conventional care",
    "Kratom. Opioid withdrawal is miserable but it's the relapse afterwards that kills people.",
])
def test_the_readers_own_care_and_what_kills_people_claim_nothing(check, text):
    assert not {"HL101", "HL103"} & rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text, rule", [
    ("Melatonin gummies. Most customers wake up clear-headed, but everyone is different.", "HL110"),
    ("Melatonin. Anyone taking fluvoxamine, which can raise melatonin levels sharply, should ask first.", "HL110"),
    ("Kratom. Be safe out there, friends.", "HL107"),
    ("Berberine. Nurse here, some gentle pushback on the nature's Ozempic thing.", "HL107"),
])
def test_everyday_phrases_with_qualifier_words_claim_nothing(check, text, rule):
    assert rule not in rules_of(check(text)), rules_of(check(text))


def test_works_for_everyone_still_claims_breadth(check):
    assert "HL110" in rules_of(check("Melatonin gummies work for everyone with insomnia."))


@pytest.mark.parametrize("text, rules", [
    ("Kratom also helped my depression more than six years of SSRIs ever did.", {"HL106"}),
    ("Ostarine helped my low T symptoms more than the clomid my doc gave me.", {"HL106"}),
    ("BPC-157 healed my tendon way faster than PT ever did.", {"HL104", "HL106"}),
])
def test_another_treatments_effect_set_against_it_is_a_comparison(check, text, rules):
    assert rules <= rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Kava calmed anxiety a little more than a placebo did in some small studies.",
    "Kava helps my anxiety more than I ever thought it could.",
])
def test_placebo_and_oneself_are_no_other_treatment(check, text):
    assert "HL106" not in rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text, condition", [
    ("Vitamin D. Most people notice more energy within the first week.", "fatigue"),
    ("Melatonin gummies are clinically proven to improve sleep quality.", "sleep-disorder"),
    ("SARMs. Ostarine brings your T levels back up, no needles needed.", "low-testosterone"),
])
def test_energy_sleep_quality_and_restored_levels_name_their_condition(check, text, condition):
    assert any(c.condition == condition and c.strength != "mention" for c in check(text).claims), check(text).claims


def test_the_person_who_manages_a_condition_is_no_claim(check):
    report = check("Berberine. Talk to whoever manages your diabetes before you start.")
    assert not report.claims or all(c.strength == "mention" for c in report.claims), report.claims


@pytest.mark.parametrize("text, rule", [
    ("Arthritis is no match for glucosamine, whatever kind you have.", "HL101"),
    ("Saw palmetto also keeps the mind sharp and holds off dementia.", "HL101"),
    ("Testosterone boosters are plant extracts and zinc, so there's nothing in them that can hurt you.", "HL107"),
    ("Colloidal silver: my son had pink eye, two drops in each eye and next morning it was gone!", "HL104"),
    ("Ayahuasca fixed my anxiety in a way that ten years of Zoloft never did.", "HL106"),
])
def test_idioms_of_effect_safety_speed_and_comparison(check, text, rule):
    assert rule in rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text", [
    "Listener mail: lots of you wrote in to tell us that a big trip on LSD cured your depression.",
    "Yes, researchers at universities in America are studying kratom for pain right now.",
])
def test_listener_mail_and_research_under_way_are_not_claims(check, text):
    assert "HL101" not in rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text, fires", [
    ("LSD brings relief from generalized anxiety after a single dose, and the relief lasts three months.", True),
    ("One dose of LSD that works for months is a game-changer for generalized anxiety disorder.", True),
    ("High-dose vitamin C is the most important cancer breakthrough of the last fifty years.", False),
])
def test_how_long_an_effect_lasts_is_durability(check, text, fires):
    assert ("HL105" in rules_of(check(text))) is fires, rules_of(check(text))


@pytest.mark.parametrize("text, condition", [
    ("When Dale caught COVID last winter, ivermectin had him back at choir practice in three days.", "covid-19"),
    ("Testosterone boosters: most guys feel their sex drive come back within two weeks.", "low-libido"),
])
def test_back_to_ordinary_life_and_a_function_restored_are_outcomes(check, text, condition):
    assert any(c.condition == condition and c.strength != "mention" for c in check(text).claims), check(text).claims


@pytest.mark.parametrize("text, rule", [
    ("Arthritis is no match for glucosamine, whatever kind you have.", "HL110"),
    ("Haven't had a depressive episode since April on St John's wort and honestly it feels permanent this time.", "HL105"),
    ("Coach Deshawn quit smoking for good after switching to ZYN pouches.", "HL105"),
])
def test_a_negation_inside_an_effect_idiom_denies_no_qualifier_beside_it(check, text, rule):
    assert rule in rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text, fires", [
    ("Mercury cream. Many of our customers use it during pregnancy with no problem.", True),
    ("Kava. Avoid during pregnancy; otherwise safe for most adults.", False),
])
def test_a_risk_followed_by_its_denial_is_a_safety_claim(check, text, fires):
    assert ("HL107" in rules_of(check(text))) is fires, rules_of(check(text))


@pytest.mark.parametrize("text, caveat", [
    ("Omega Max protects against blood clots, which can cause heart attacks and stroke.", False),
    ("Kratom, which can cause liver injury, should not be mixed with alcohol.", True),
])
def test_a_risk_told_of_a_condition_in_a_relative_clause_is_no_caveat(check, text, caveat):
    report = check(text)
    stated = any(c.kind == "adverse-effects" for c in report.caveats)
    assert stated is caveat, report.caveats


@pytest.mark.parametrize("text, told_of_the_product", [
    # a risk told of another treatment: the page still states none of its own
    ("Prescription sleep medicines such as zolpidem can cause next-day grogginess and dependence. "
     "Melatonin helps you fall asleep faster.", False),
    ("Turmeric is a gentle alternative to NSAIDs like ibuprofen, which can cause stomach ulcers when taken "
     "every day. Turmeric eases joint pain.", False),
    ("Nausea and vomiting are among the side effects of chemotherapy that patients fear most. "
     "Nabilone relieves chemotherapy-induced nausea.", False),
    # ... but not a treatment the product is likened to, taken with, or named by
    ("Like all medicines, melatonin can cause side effects such as headaches and drowsiness. "
     "Melatonin helps you fall asleep faster.", True),
    ("Like other medicines, it can cause side effects such as headaches. Melatonin helps you fall asleep faster.", True),
    ("Chelation drugs can cause kidney failure and dangerously low blood calcium. Chelation therapy clears clogged "
     "arteries.", True),
    ("Do not take kava with alcohol or sedatives, which can cause liver damage. Kava calms anxiety.", True),
])
def test_a_risk_told_of_another_treatment_is_not_the_products(check, text, told_of_the_product):
    assert ("HL201" not in rules_of(check(text))) is told_of_the_product, check(text).caveats


@pytest.mark.parametrize("text, fires", [
    # who should not take it told only as pregnancy: it counts where the corpus lists pregnancy
    ("Tirzepatide helps adults lose weight. It is not for use during pregnancy.", True),
    ("Chelation therapy clears clogged arteries. We do not offer chelation during pregnancy.", True),
    ("Kava calms anxiety. Ask your doctor before use if you are pregnant or breastfeeding.", True),
    ("Ashwagandha eases stress. It is not for use during pregnancy.", False),
    ("Elderberry syrup shortens colds. Never give adult products to children.", True),
    ("Chelation therapy clears clogged arteries. Never give it to children.", False),
    # ... and beside any other who or what, as before
    ("Tirzepatide helps adults lose weight. It is not for use during pregnancy or by anyone with a history of "
     "medullary thyroid cancer.", False),
    ("Kava calms anxiety. Do not use if you are pregnant or take medicines that affect the liver.", False),
    ("Kava calms anxiety. Kava interacts with many medicines and is not for use in pregnancy.", False),
])
def test_a_contraindication_told_only_as_pregnancy_must_be_listed(check, text, fires):
    assert ("HL202" in rules_of(check(text))) is fires, check(text).caveats


@pytest.mark.parametrize("text, stated", [
    # a risk at the end of a list a negator opens is denied with the rest of the list
    ("Testosterone boosters raise low testosterone. It's everything TRT does, without the needles, the lab work or "
     "the side effects.", False),
    ("Melatonin helps you fall asleep. No grogginess, no hangover and no side effects.", False),
    # ... but not a risk told after the list's sentence ends
    ("Melatonin helps you fall asleep. It has no artificial colours. And side effects such as headaches and "
     "drowsiness are possible.", True),
])
def test_a_risk_ending_a_denied_list_is_denied(check, text, stated):
    assert ("HL201" not in rules_of(check(text))) is stated, check(text).caveats


@pytest.mark.parametrize("text, subject", [
    # every item of a list a comparator opens is compared with, not the claim's subject
    ("Our hCG drops melt fat. Lose weight faster than with keto or Ozempic.", "hcg"),
    ("Kratom for back pain. It eases pain better than ibuprofen, tramadol or CBD oil.", "kratom"),
    # ... but a comma alone ends the comparison
    ("Berberine for blood sugar. Unlike metformin, tirzepatide helps adults lose weight.", "tirzepatide"),
])
def test_every_item_of_a_compared_list_is_compared_with(check, text, subject):
    last = text.split(". ")[-1]
    claims = [c for c in check(text).claims if c.text in last]
    assert [c.intervention for c in claims] == [subject], claims


def test_a_status_told_alone_makes_no_treatment_claim_for_the_caveat_rules(check):
    report = check("Melatonin helps you fall asleep faster. Psilocybin services are legal in Oregon.")
    assert not [f for f in report.findings if f.rule.startswith(("HL2", "HL3")) and "psilocybin" in f.message.lower()], \
        report.findings
    # ... it is listed as a status, no treatment claim
    assert [c.context.get("status") for c in report.claims if c.intervention == "psilocybin"] == ["legality"], report.claims
    # ... while the status it tells is still read for HL109
    assert "HL109" in rules_of(check("Delta-8 gummies ease anxiety. Delta-8 is 100% federally legal in the US."))
    # ... and an approved use told is a claim ("approved for X")
    approved = check("Wegovy is FDA-approved for chronic weight management in adults with obesity.")
    assert approved.claims and not any("status" in c.context for c in approved.claims), approved.claims


def test_a_medicine_in_a_glass_is_what_the_product_is_likened_to(check):
    report = check("Apple cider vinegar melts belly fat. For weight loss, it's basically Ozempic in a glass, minus the "
                   "needles and the side effects.")
    assert {c.intervention for c in report.claims} == {"apple-cider-vinegar"}, report.claims


@pytest.mark.parametrize("text", [
    "Spravato is a breakthrough for depression that hasn't responded to other treatments.",
    "Esketamine offers rapid relief for depression that has not responded to antidepressants.",
])
def test_depression_that_has_not_responded_names_treatment_resistant_depression(check, text):
    report = check(text)
    assert [c.condition for c in report.claims] == ["treatment-resistant-depression"], report.claims
    assert "HL103" not in rules_of(report)


def test_libido_names_low_libido(check):
    report = check("PT-141 targets the central nervous system directly to improve libido.")
    assert any(c.condition == "low-libido" for c in report.claims), report.claims


@pytest.mark.parametrize("text", [
    "Data are insufficient to support recommendations for or against the use of any vitamin, mineral, herb or other "
    "botanical to prevent or treat COVID-19.",
    "Ashwagandha has also been promoted for COVID-19, but there isn't sufficient high-quality evidence to support its use.",
    "Some physicians and alternative medicine practitioners have recommended EDTA chelation as a way to treat coronary "
    "heart disease, although it is not approved by the FDA for this purpose.",
])
def test_insufficient_evidence_and_what_some_have_promoted_are_no_claims(check, text):
    report = check(text)
    assert not [f for f in report.findings if f.rule.startswith("HL1") and f.severity.value == "error"], report.findings


@pytest.mark.parametrize("text, condition", [
    ("Ashwagandha. Social anxiety is way down too, I actually went to a work thing.", "social-anxiety-disorder"),
    ("Ginkgo. I'm remembering names at work again and my forgetfulness is way down.", "memory-loss"),
])
def test_a_condition_way_down_is_an_outcome(check, text, condition):
    assert any(c.condition == condition and c.strength != "mention" for c in check(text).claims), check(text).claims


@pytest.mark.parametrize("text, names", [
    ("Ginkgo sharpens memory and focus by boosting blood flow to the brain.", True),
    ("Ginkgo. Sharpens recall for names, dates and numbers", True),
    ("Ten days on Ginkgo Clarity and my memory is as sharp as it was at 40.", True),
    ("MDMA therapy helps with processing traumatic memories.", False),
])
def test_an_effect_on_memory_names_memory_loss(check, text, names):
    found = any(c.condition == "memory-loss" for c in check(text).claims)
    assert found is names, check(text).claims


@pytest.mark.parametrize("text", [
    "Vitamin D. My whole family took 10,000 IU a day all through 2021 and not one of us caught covid.",
    "Ivermectin worked for my whole family when we all got covid, nobody ended up in the hospital.",
])
def test_prevention_told_as_what_did_not_happen_is_a_claim(check, text):
    assert "HL102" in rules_of(check(text)), rules_of(check(text))


@pytest.mark.parametrize("text, condition", [
    ("IV vitamin C. I know the vitamin C drips are why my tumor markers came down.", "cancer"),
    ("Melatonin. Two weeks on DreamDrift Kids and she sleeps straight through till 7.", "insomnia"),
    ("Ketamine. After 15 years of depression and 6 different pills, I feel like myself again.", "depression"),
    ("Stem cell therapy. After my injections the knee osteoarthritis pain is down to maybe a 2 out of 10.", "osteoarthritis"),
])
def test_everyday_outcome_idioms_are_claims(check, text, condition):
    assert any(c.condition == condition and c.strength != "mention" for c in check(text).claims), check(text).claims


def test_coming_down_with_the_flu_is_no_outcome(check):
    assert not check("Elderberry. Last winter I came down with the flu twice.").claims


def test_an_html_title_names_the_topic_but_makes_no_claim():
    from checker import Checker
    from checker.ingest import from_text
    html = ("<html><head><title>Stem Cell Therapy for Knee Arthritis, COPD &amp; Autism | VidaNova</title></head>"
            "<body><p>Our treatments are given in Tijuana.</p></body></html>")
    report = Checker().check_document(from_text(html, uri="page.html", format="html"))
    assert not [c for c in report.claims if c.location.line == 1 and "Autism" in c.text], report.claims
    assert not [f for f in report.findings if f.rule in ("HL101", "HL103")], report.findings


@pytest.mark.parametrize("text, intervention", [
    ("Echinacea eases colds. It can set off allergic reactions in folks who suffer with ragweed.", "echinacea"),
    ("Melatonin helps me sleep, but it gave me weird dreams and a headache the next morning.", "melatonin"),
    ("Valerian helps my insomnia. Only downside: it gave me a groggy head the next morning.", "valerian"),
])
def test_adverse_effects_told_in_everyday_words_are_stated(check, text, intervention):
    report = check(text)
    assert not [f for f in report.findings if f.rule == "HL201" and f.intervention == intervention], report.findings


@pytest.mark.parametrize("text, intervention", [
    ("Ashwagandha eases my stress. It can also upset your stomach, so take it with food.", "ashwagandha"),
    ("Ketamine lifts depression. Some members notice mild nausea or feel dissociated during a session.", "ketamine"),
])
def test_an_upset_stomach_and_feeling_dissociated_are_adverse_effects(check, text, intervention):
    report = check(text)
    assert not [f for f in report.findings if f.rule == "HL201" and f.intervention == intervention], report.findings


@pytest.mark.parametrize("text, intervention, stated", [
    ("Zinc lozenges cut my colds in half. I just wish they didn't leave such a nasty metallic taste.", "zinc-lozenges", True),
    ("Stem cell therapy helps knees. Unproven cell treatments have caused infections and tumours.", "stem-cell-therapy", True),
    ("Ivermectin works as well as Paxlovid against COVID, without the five-day metallic taste.", "ivermectin", False),
])
def test_a_bad_taste_and_caused_infections_are_adverse_effects(check, text, intervention, stated):
    report = check(text)
    flagged = [f for f in report.findings if f.rule == "HL201" and f.intervention == intervention]
    assert (not flagged) is stated, report.findings


@pytest.mark.parametrize("text, intervention", [
    ("Kava calms my anxiety. Pro tip: don't drink kava on the same night as alcohol.", "kava"),
    ("Hydroxychloroquine treats lupus. Don't combine it with azithromycin or other drugs that prolong the QT interval.",
     "hydroxychloroquine"),
    ("Ibogaine ends opioid addiction. Most reported deaths involved existing heart disease or other drugs taken at the "
     "same time.", "ibogaine"),
])
def test_interactions_and_risk_groups_told_in_everyday_words_are_contraindications(check, text, intervention):
    report = check(text)
    assert not [f for f in report.findings if f.rule == "HL202" and f.intervention == intervention], report.findings


@pytest.mark.parametrize("text", [
    "I take saw palmetto capsules every morning for my enlarged prostate.",
    "My sister also uses kava for her anxiety.",
    "I microdosed LSD for four months for my ADHD and honestly it did nothing.",
    "[Update] 4 months of microdosing LSD for ADHD.",  # a forum post titled by the length of the use
    "Delta 8 for anxiety, 6 weeks in.",
])
def test_a_person_telling_what_they_took_it_for_claims_nothing(check, text):
    report = check(text)
    assert not report.claims, report.claims
    assert not {r for r in rules_of(report) if r.startswith("HL1")}


def test_the_sellers_direction_for_use_still_claims(check):
    assert "HL102" in rules_of(check("Take two saw palmetto capsules daily for your enlarged prostate."))


@pytest.mark.parametrize("text", [
    "I take kava for my anxiety and they work every single time.",  # an effect word beside the use
    "My daughter uses colloidal silver for her acne and her acne is clear now.",
    "I've used kratom for my back pain for two years and it keeps me working.",
])
def test_a_use_told_with_its_outcome_claims_an_effect(check, text):
    claims = check(text).claims
    assert claims and claims[0].strength == "efficacy", claims


def test_an_intended_use_named_through_a_kind_of_condition_reaches_the_conditions_listed(check):
    report = check("Cord blood cells have been used for non-malignant conditions such as autism, diabetes and kidney failure.")
    assert "HL101" in rules_of(report)
    assert "HL101" not in rules_of(check("No product is approved for conditions such as autism."))


@pytest.mark.parametrize("text, condition", [
    ("Andarine strips stubborn fat off your midsection.", "weight-loss"),
    ("Berberine took 9 lbs of belly fat off me.", "weight-loss"),
    ("Most of our clients are down a full dress size.", "weight-loss"),
    ("Watch the scale drop with our semaglutide plan.", "weight-loss"),
    ("Most guests shake off cold symptoms with our vitamin C drip.", "common-cold"),
    ("Two melatonin gummies and I slept eight hours straight.", "insomnia"),
])
def test_everyday_outcomes_of_weight_colds_and_sleep_are_claims(check, text, condition):
    claims = check(text).claims
    assert claims and claims[0].condition == condition and claims[0].strength == "efficacy", claims


def test_a_range_typed_with_an_en_dash_is_a_speed(check):
    report = check("Kava eases anxiety within 20–30 minutes.")
    assert "HL104" in rules_of(report)


@pytest.mark.parametrize("text", [
    "Ayahuasca works on depression where years of pills and talk therapy could not.",
    "One psilocybin ceremony does for depression what ten years of therapy couldn't.",
    "Ketamine treats depression in a way SSRIs simply can't.",
    "Forget melatonin: valerian knocks out insomnia.",
])
def test_other_treatments_that_failed_or_are_to_be_dropped_make_a_comparison(check, text):
    assert "HL106" in rules_of(check(text))


def test_what_a_medicine_can_and_cannot_do_is_no_comparison(check):
    assert "HL106" not in rules_of(check("An honest look at what cannabis medicines can and cannot do for chronic pain."))


@pytest.mark.parametrize("text", [
    "Kratom works for literally every back injury I've thrown at it.",
    "Our booster restores low testosterone in every man, no matter his age.",
    "Nicotine pouches help every smoker quit smoking.",
])
def test_literally_every_and_every_man_claim_breadth(check, text):
    assert "HL110" in rules_of(check(text))


@pytest.mark.parametrize("text, condition", [
    ("I take elderberry every morning and haven't had so much as a cold in three winters.", "common-cold"),
    ("Two winters on echinacea and I haven't caught a single cold.", "common-cold"),
    ("These zinc lozenges cut my colds in half.", "common-cold"),
    ("Kava is great. My fibromyalgia flares are way less.", "fibromyalgia"),
    ("Ginkgo took the edge off the ringing in my ears.", "tinnitus"),
])
def test_testimonial_idioms_for_colds_flares_and_ringing_ears_are_claims(check, text, condition):
    claims = check(text).claims
    assert claims and claims[-1].condition == condition and claims[-1].strength == "efficacy", claims


def test_half_past_the_hour_is_no_effect(check):
    assert not check("It's dark by half four, so should I take vitamin D?").claims


@pytest.mark.parametrize("text, condition", [
    ("Say goodbye to creaky, cranky knees with our turmeric balm.", "joint-pain"),
    ("I have rheumatoid arthritis and this CBD balm got me knitting again.", "rheumatoid-arthritis"),
    ("On the CBD oil we went from daily drop attacks to a couple a week.", "seizures"),
    ("I came to the ibogaine retreat for my drinking and I left with my life back.", "alcohol-use-disorder"),
])
def test_everyday_names_and_a_life_given_back_are_claims(check, text, condition):
    claims = check(text).claims
    assert claims and claims[-1].condition == condition and claims[-1].strength == "efficacy", claims


@pytest.mark.parametrize("text", [
    "Our hCG drops melt fat. No prescription needed, ships in 24 hrs from our Arizona warehouse.",
    "Our MMS drops kill parasites. 100% legal, it is sold in every pharmacy of Mexico.",
    "Our SARMs build muscle. FDA-approved ingredients, made in a GMP-certified facility in Utah.",
])
def test_where_the_seller_ships_from_or_makes_it_is_not_where_the_status_is_claimed(check, text):
    assert "HL109" in rules_of(check(text))


def test_a_status_claimed_for_a_place_outside_the_status_table_is_not_checked(check):
    assert "HL109" not in rules_of(check("Psilocybin lifts depression and is now legal in Oregon."))


def test_a_prescriber_is_not_the_monitoring_a_treatment_given_in_a_session_needs(check):
    at_home = check("Our at-home ketamine troches lift depression. Every plan is prescribed by a licensed clinician over video.")
    finding = next(f for f in at_home.findings if f.rule == "HL203")
    assert "a prescriber, not the monitoring" in finding.message
    in_clinic = check("Ketamine infusions lift depression. Every infusion is prescribed by a licensed clinician and given "
                      "in our clinic with heart monitoring.")
    assert "HL203" not in rules_of(in_clinic)
    glp1 = check("Tirzepatide helps adults with obesity lose weight. Every plan is prescribed by a licensed clinician.")
    assert "HL203" not in rules_of(glp1)


@pytest.mark.parametrize("text, intervention", [
    ("Ayahuasca heals depression. Because ayahuasca does not mix with SSRI antidepressants, tell us if you take them.",
     "ayahuasca"),
    ("Ibogaine ends opioid addiction. Guests on methadone are switched to short-acting medication before arrival.", "ibogaine"),
])
def test_medicines_that_do_not_mix_or_must_be_switched_are_contraindications(check, text, intervention):
    report = check(text)
    assert not [f for f in report.findings if f.rule == "HL202" and f.intervention == intervention], report.findings


@pytest.mark.parametrize("sentence", [
    "The big trials didn't show that it shrinks the prostate.",
    "Large reviews have not found reliable evidence that these remedies work.",
    "Researchers have not been able to confirm it, and studies have not shown a benefit yet.",
    "In head-to-head trials it does not beat a sugar pill.",
    "These uses rest on tradition, not on accepted medical evidence.",
    "The research is still early.",
    "The evidence on saw palmetto in men is still limited.",
])
def test_what_the_studies_did_not_show_states_the_evidence(check, sentence):
    report = check("Saw palmetto supports prostate health. " + sentence)
    assert any(c.kind == "evidence-status" and c.level == "full" for c in report.caveats), report.caveats
    assert "HL204" not in rules_of(report)


@pytest.mark.parametrize("sentence", ["Studies have not shown any side effects.", "No study has shown a single side effect.",
                                      "Trials have not shown a single serious problem."])
def test_studies_that_showed_no_harm_state_no_evidence_status(check, sentence):
    report = check("Kratom eases opioid withdrawal. " + sentence)
    assert not any(c.kind == "evidence-status" for c in report.caveats)
    assert "HL204" in rules_of(report)


@pytest.mark.parametrize("text, kind", [
    # advice that names who should not take it, or advice against it for someone
    ("GutGuard probiotics ease bloating. If you have a weakened immune system, talk to your doctor before taking any "
     "probiotic.", "contraindications"),
    ("LSD microdosing lifts mood. If you have bipolar disorder or schizophrenia in the family, stay away.", "contraindications"),
    ("Chlorine dioxide drops cleanse the body of parasites. We do not recommend it for children.", "contraindications"),
    ("Chlorine dioxide drops cleanse the body of parasites. Bipolar disorder in the family is a big no-go for it.",
     "contraindications"),
    # an interaction in the singular
    ("Hydroxychloroquine treats lupus. Watch for an interaction with azithromycin and other QT-prolonging medicines.",
     "contraindications"),
    ("St John's wort lifts low mood. It weakens birth control pills.", "contraindications"),
    # what cannot legally be done
    ("SARMs build lean muscle fast. SARMs can't legally be sold as dietary supplements in the US.", "legal-status"),
    ("SARMs build lean muscle fast. We can't ship SARMs to the UK due to local laws.", "legal-status"),
])
def test_caveats_told_by_their_grammar_are_stated(check, text, kind):
    report = check(text)
    assert any(c.kind == kind and c.level == "full" for c in report.caveats), report.caveats


def test_advice_before_taking_that_names_no_one_is_only_partial(check):
    report = check("Melatonin helps sleep. Eat something light before taking it.")
    assert not any(c.kind == "contraindications" and c.level == "full" for c in report.caveats)


def test_follow_up_care_by_a_clinician_is_supervision_but_not_monitoring(check):
    glp1 = check("Compounded semaglutide helps adults with obesity lose weight. Monthly check-ins with your provider "
                 "adjust the dose as you go.")
    assert "HL203" not in rules_of(glp1)
    at_home = check("Our at-home ketamine troches lift depression. Your clinician adjusts your dose at monthly check-ins.")
    assert "HL203" in rules_of(at_home)
    nobody = check("Compounded semaglutide helps adults with obesity lose weight. Weekly check-ins in the app keep you on track.")
    assert "HL203" in rules_of(nobody)


@pytest.mark.parametrize("text", [
    "Nabilone eased my back pain, and in six months not a single side effect.",
    "Compounded semaglutide helps you lose weight, with gentle once-weekly injections and minimal side effects.",
    "Compounded semaglutide helps you lose weight. Most members say the only side effect they notice is needing new jeans.",
    "Compounded semaglutide helps you lose weight. No study has shown a single side effect.",
])
def test_side_effects_made_light_of_are_not_stated(check, text):
    assert "HL201" in rules_of(check(text))


def test_lips_turning_blue_is_no_argyria(check):
    report = check("Colloidal silver knocked out our flu. The clinic sent us home until our lips turned blue.")
    assert "HL201" in rules_of(report)
    assert "HL201" not in rules_of(check("Colloidal silver knocked out our flu. It can turn your skin blue-grey for good."))


def test_the_footer_disclaimer_is_no_supervision(check):
    footer = check("Stem cell therapy heals autism. This website is not a substitute for professional medical advice.")
    assert "HL203" in rules_of(footer)
    care = check("Stem cell therapy heals autism. It is not a substitute for the care of your child's neurologist.")
    assert "HL203" not in rules_of(care)


@pytest.mark.parametrize("text", [
    "DMT lifts depression in days, way faster than any antidepressant.",
    "Homeopathy relieves hay fever without making you drowsy, unlike antihistamines.",
])
def test_set_against_another_kind_of_treatment_in_the_singular_or_by_class(check, text):
    assert "HL106" in rules_of(check(text))


def test_a_hedge_about_anyone_and_a_quick_page_are_no_qualifiers(check):
    hedge = check("DMT may help depression. More research is needed before anyone can say how well it works or for whom.")
    assert "HL110" not in rules_of(hedge)
    page = check("Psilocybin helps depression. Read our quick buying guide at the bottom of the page.")
    assert "HL104" not in rules_of(page)
    assert "HL104" in rules_of(check("Kava works fast for anxiety."))


@pytest.mark.parametrize("text", ["Members say their bloating settles within 72 hours of the first GutGuard probiotic capsule.",
                                  "On kava my anxiety calmed within a day."])
def test_a_symptom_that_settles_or_calms_is_an_outcome(check, text):
    report = check(text)
    assert "HL104" in rules_of(report) or "HL103" in rules_of(report)
    assert report.claims


# -- careful copy: qualifier words that claim nothing of the product ------------------------

@pytest.mark.parametrize("text, rule", [
    # speed words timing when an effect ends, or when side effects come and go
    ("Ketamine for depression. After a single infusion, though, the benefit usually wears off after a few days.", "HL104"),
    ("Ketamine for depression. The improvement after a single infusion usually fades within days to a couple of weeks.", "HL104"),
    ("Semaglutide for weight loss. The most common ones are nausea, diarrhoea, constipation and reduced appetite, "
     "mostly in the first weeks and after each dose increase.", "HL104"),
    # the body's own workings going faster: a side effect, an interaction
    ("Nabilone for nausea. Nabilone can make your heart beat faster and can make you feel faint when you stand up quickly.", "HL104"),
    ("St John's wort for depression. St John's wort speeds up the way the body clears many drugs, so they stop working "
     "as well as they should.", "HL104"),
    # a trial's arm and timing, reported from the start of the sentence; when people began treatment
    ("Zinc for colds. Zinc lozenges shortened colds by a day or two on average, mostly when people began them within "
     "24 hours of the first sniffle.", "HL104"),
    # the timing of the service or of the care around a dose
    ("Cannabis for pain. Your approval letter is emailed right away, and we help you register with your state program.", "HL104"),
    ("MDMA for PTSD. Some participants report mild jaw tension, reduced appetite or tiredness on the day after a "
     "session.", "HL104"),
    # durability held only while the treatment goes on
    ("Semaglutide for weight loss. The weight stays off only while the medicine is taken: a year after stopping, "
     "people regained about two-thirds of the weight they had lost.", "HL105"),
    # set against a dummy treatment, an expectation, or no treatment at all; what others will tell you
    ("Nabilone for chemotherapy nausea. Reviews of trials found that nabilone reduced chemotherapy nausea and vomiting "
     "more than a dummy pill did.", "HL106"),
    ("Turmeric for knee pain. Pooled together, the trials suggest an extract may ease knee pain a little compared with "
     "a dummy pill.", "HL106"),
    ("Tirzepatide for weight loss. For weight management, the trials above compared each medicine with placebo, not with "
     "each other.", "HL106"),
    ("Ashwagandha for stress. We pulled together what the research shows, where it falls short, and who should be "
     "careful.", "HL106"),
    ("St John's wort for depression. Depression is a real illness that can get worse without the right treatment.", "HL106"),
    ("St John's wort for depression. Your walking group is doing more for you than you may realise.", "HL106"),
    ("SARMs for muscle. Some people at the gym will tell you they're a \"mild,\" \"safe\" alternative to steroids.", "HL106"),
    # status told as a restriction, a limit, or of something else
    ("Semaglutide for weight loss. In the UK, fake Ozempic pens bought without a prescription have put people in "
     "hospital.", "HL109"),
    ("Cannabis for chronic pain. Since 2018, cannabis-based products for medicinal use have been legal on prescription, "
     "but only specialists may prescribe them.", "HL109"),
    ("Compounded semaglutide for weight loss. For the people they are approved for, the evidence is strong.", "HL109"),
    ("CBD for sleep. The only CBD product that's an approved medicine is Epidiolex, a prescription drug for rare "
     "seizure disorders.", "HL109"),
    ("Ketamine for depression. The FDA approved the nasal spray in 2019.", "HL109"),
    # everyone and every about the people served or a trial's design
    ("Tirzepatide for weight loss. Everyone starts at 2.5 mg once a week, and your clinician raises the dose "
     "gradually.", "HL110"),
    ("Psilocybin therapy for depression. A study physician is on site for every session, and participants stay with "
     "us until they have fully recovered.", "HL110"),
    ("Vapes for smoking cessation. They are regulated: nicotine liquid is capped at 20 mg/ml, and it is illegal to "
     "sell vapes to anyone under 18.", "HL110"),
    ("Vitamin C drips for colds. Our most popular drip helps you stay well when everyone around you is sick.", "HL110"),
    ("Ibogaine for opioid addiction. Ibogaine is a medicine for opioid addiction, and every member of our staff chose "
     "this work.", "HL110"),
    ("Sertraline for depression. My psychiatrist managed the taper over five months, and I'd beg anyone reading this not "
     "to stop suddenly.", "HL110"),
])
def test_careful_copy_draws_no_qualifier_finding(check, text, rule):
    assert rule not in rules_of(check(text))


@pytest.mark.parametrize("text, rule", [
    ("CBD for anxiety. CBD calms anxiety within minutes with no side effects.", "HL104"),  # side effects named, not listed
    ("Ketamine for depression. Relief kicks in within minutes, and the effects wear off later.", "HL104"),  # another clause
    ("Ginkgo for memory loss. Ginkgo works for everyone over 50, whatever your memory problems.", "HL110"),
    ("Semaglutide for weight loss. Semaglutide keeps the weight off for good.", "HL105"),
    ("Kava gummies. In clinical studies, users felt relief from anxiety within 15 minutes.", "HL104"),  # a trial cited for speed
    ("Kava calms anxiety and everyone gets the results they want.", "HL110"),  # not the people served
    ("Everyone has the same result: kava calms anxiety.", "HL110"),
    ("Ashwagandha melts stress for good, not only while you take it.", "HL105"),  # "not only while" claims more
])
def test_the_same_words_still_claim_beside_the_product(check, text, rule):
    assert rule in rules_of(check(text))


def test_a_risk_told_of_the_original_counts_for_the_copy_but_its_status_does_not(check):
    page = ("Our compounded semaglutide helps with weight loss. Some clients get a little nausea on Wegovy the first "
            "week. Wegovy is a prescription-only medicine in the UK, and it has no good evidence behind it for anxiety.")
    found = {(f.rule, f.intervention) for f in check(page).findings}
    assert ("HL201", "compounded-semaglutide") not in found  # nausea is a risk of what it copies
    assert ("HL203", "compounded-semaglutide") in found  # how Wegovy is sold is not how the copy is
    assert ("HL204", "compounded-semaglutide") in found  # nor is what is known about Wegovy


@pytest.mark.parametrize("text, rule", [
    ("Kava cures anxiety fast, not because of hype, but because it calms the nervous system.", "HL104"),
    ("Kratom cures opioid withdrawal, and that has nothing to do with luck.", "HL101"),
])
def test_a_cause_denied_after_a_claim_does_not_deny_the_claim(check, text, rule):
    assert rule in rules_of(check(text))


def test_the_size_of_something_else_hedges_nothing(check):
    """'the benefit ... is usually small' sizes the effect; 'the doses are small' does not."""
    report = check("Kava cures anxiety, and the doses are small.")
    assert [f.severity.value for f in report.findings if f.rule == "HL103"] == ["error"]


@pytest.mark.parametrize("text, flagged", [
    # followed only by risks the corpus does not list for CBD or vitamin D: no adverse effect of theirs
    ("CBD oil calms anxiety. May cause drowsiness.", True),
    ("Vitamin D prevents colds. May cause a temporary headache or mild dizziness.", True),
    # the risks it names are zinc's own
    ("Zinc lozenges cut colds short. May cause a temporary bad taste or mild nausea.", False),
    # beside a risk the cues give no name, or a word they leave out, or alone: the adverse effects
    ("Kava calms anxiety. It can cause liver damage and drowsiness.", False),
    ("Ketamine lifts depression. The most common side effects are mild nausea, dizziness and a floaty, "
     "dissociated feeling.", False),
    ("CBD oil calms anxiety. Side effects are possible.", False),
    # a risk denied is still no caveat
    ("CBD oil calms anxiety with zero side effects.", True),
])
def test_a_risk_told_in_general_words_states_what_follows_it(check, text, flagged):
    assert ("HL201" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    # the side effects of someone's other medicines are no risk of the product
    ("CBD oil calms anxiety. Our founder watched her father struggle with the side effects of his prescriptions.", True),
    ("CBD oil calms anxiety. Many of our customers were tired of the side effects of prescription sleep aids.", True),
    # the product's own, even when it is a prescription medicine
    ("Semaglutide melts fat. Side effects of prescription semaglutide can be serious.", False),
    ("CBD oil calms anxiety. The side effects of CBD include liver harm.", False),
])
def test_the_side_effects_of_anothers_medicines_are_no_caveat(check, text, flagged):
    assert ("HL201" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Ketamine infusions lift depression fast. Every infusion is given with physician oversight.", False),
    ("MDMA therapy heals PTSD. The route regulators recommend is an authorised clinical trial, with proper oversight and "
     "monitoring.", False),
    # oversight denied, or a trial named without it, is no supervision
    ("Ketamine infusions lift depression fast. No oversight, no waiting lists, no red tape.", True),
    ("Ketamine infusions lift depression fast, with zero medical oversight needed.", True),
    ("MDMA therapy heals PTSD. Our retreat works outside any authorised clinical trial.", True),
])
def test_oversight_named_as_such_is_supervision(check, text, flagged):
    assert ("HL203" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Hydroxychloroquine is a prescription medicine, so every kit goes through one of our licensed partner physicians. "
     "It prevents covid.", False),
    ("Semaglutide melts belly fat. A licensed US doctor reviews every order.", False),
    ("Hydroxychloroquine prevents covid. No licensed partner physicians, no waiting rooms.", True),
])
def test_a_licensed_prescriber_named_with_a_word_between_is_supervision(check, text, flagged):
    assert ("HL203" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Kava calms anxiety. A few short trials found a small effect, but a bigger 16-week trial in GAD found nothing.", False),
    ("Kratom gets you off opioids. There are basically zero real clinical trials on kratom for that.", False),
    # what a safety test found, praise, a boast, or harms trials are said not to have found: no status
    ("Kava calms anxiety. The safety study found nothing concerning.", True),
    ("Kava calms anxiety. Our review found nothing better.", True),
    ("Kava calms anxiety. No clinical trials needed: it is natural.", True),
    ("Kava calms anxiety. No clinical trial has found any problems.", True),
])
def test_trials_that_found_nothing_or_do_not_exist_state_the_evidence_status(check, text, flagged):
    assert ("HL204" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    # unknown long-term safety is the adverse-effects caveat the corpus lists for NMN and melatonin ...
    ("NMN reverses ageing. The long-term safety of taking NMN for years has not been established.", False),
    ("Melatonin helps you sleep. Most studies lasted three months or less, so long-term safety has not been established.",
     False),
    # ... not for kava, whose listed risk is liver damage
    ("Kava calms anxiety. Long-term safety has not been established.", True),
    # safety claimed is no caveat
    ("NMN reverses ageing, with proven long-term safety.", True),
    ("NMN reverses ageing. Long-term safety has been established in trials.", True),
])
def test_safety_told_as_unknown_states_the_adverse_effects_the_corpus_lists_so(check, text, flagged):
    assert ("HL201" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Ozone therapy cures Lyme disease. Inhaled ozone irritates your airways.", False),
    ("Ozone therapy cures Lyme disease. Inhaled ozone can put fluid in your lungs hours later.", False),
    # the lungs cleared are what it sells, not a harm it brings
    ("Ozone therapy cures Lyme disease and clears fluid in your lungs fast.", True),
])
def test_the_airways_and_lungs_harmed_are_a_listed_risk(check, text, flagged):
    assert ("HL201" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Ketamine lifts depression fast. Every infusion is given by an RN with continuous heart, blood pressure and oxygen "
     "monitoring.", False),
    ("St John's wort lifts depression. Please don't use it instead of seeing your GP.", False),
    # given by mail, monitoring denied, or the product used in place of the doctor: no supervision
    ("Ketamine lifts depression fast. Lozenges are given by mail, no nurse needed.", True),
    ("Ketamine lifts depression fast, with no continuous monitoring needed.", True),
    ("St John's wort lifts depression. Use it instead of seeing your GP.", True),
    ("Ketamine lifts depression fast. Close monitoring is for hospitals; at home you just relax.", True),
    # a gadget that measures, with no one watching
    ("Semaglutide melts fat. Pair it with continuous glucose monitoring from our app.", True),
])
def test_who_gives_it_and_not_instead_of_the_doctor_is_supervision(check, text, flagged):
    assert ("HL203" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Esketamine relieves depression. Esketamine shouldn't be used by people with an aneurysm.", False),
    ("Kava calms anxiety. Kava must not be taken with alcohol.", False),
    # how much, not who or with what: a partial caveat
    ("Esketamine relieves depression. It shouldn't be used more than twice a week.", True),
])
def test_who_should_not_use_it_told_with_a_contraction_or_must(check, text, flagged):
    assert ("HL202" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Cannabis gummies ease chronic pain. Cannabis can leave you dizzy and drowsy.", False),
    # spared, not brought
    ("Cannabis gummies ease chronic pain and never leave you groggy.", True),
    ("Cannabis gummies ease chronic pain without leaving you groggy.", True),
])
def test_a_symptom_the_product_leaves_you_with_is_an_adverse_effect(check, text, flagged):
    assert ("HL201" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    # experimental denied is a selling point, and an application turned down is no status
    ("Ketamine lifts depression within hours. It is not a new or experimental drug.", True),
    ("Cannabis eases chronic pain. 100% money-back guarantee if you are not approved.", True),
    # the status itself still counts
    ("Ketamine lifts depression within hours. This use is experimental.", False),
    ("Cannabis eases chronic pain. You should know it is not approved for pain.", False),
])
def test_experimental_denied_and_an_application_turned_down_state_no_status(check, text, flagged):
    assert ("HL204" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    # "throw" in idioms is no vomiting
    ("BPC-157 heals any sports injury you throw at it.", True),
    ("Ayahuasca heals trauma. Buy two retreats and we throw in a third night free.", True),
    ("Ayahuasca heals trauma. Most guests throw up in the first hour.", False),
])
def test_throw_in_an_idiom_is_no_vomiting(check, text, flagged):
    assert ("HL201" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("hCG drops melt belly fat. hCG is FDA-approved for certain fertility treatments, not for weight loss.", False),
    ("hCG drops melt belly fat. hCG has not been demonstrated to be effective adjunctive therapy in the treatment of "
     "obesity.", False),
    ("hCG drops melt belly fat. There is no substantial evidence that it increases weight loss.", False),
    # harms not demonstrated is a safety claim, not the evidence status
    ("hCG drops melt belly fat. It has not been demonstrated to cause any side effects.", True),
])
def test_an_approval_for_another_use_and_the_label_s_own_words_state_the_status(check, text, flagged):
    assert ("HL204" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, cannabis", [
    # a CBD product's THC content of nil is no claim about cannabis
    ("Our CBD gummies ease anxiety. Federally legal hemp: 0.0% THC, ships to all 50 states.", False),
    ("Our CBD gummies ease anxiety. Every batch contains 0% THC, so it's federally legal.", False),
    ("Our CBD gummies ease anxiety. Zero THC, all calm.", False),
    # ... nor is a hemp product's legal limit
    ("Delta-8 gummies. Fast relief for chronic pain, from hemp with less than 0.3% THC.", False),
    ("CBD oil. Eases anxiety, and it is made from hemp with no more than 0.3% delta-9 THC.", False),
    # a strain's THC content, and THC as the subject, still name cannabis
    ("Our Purple Punch flower (18-22% THC) melts away chronic pain.", True),
    ("Our CBD gummies ease anxiety. THC eases chronic pain.", True),
])
def test_a_nil_or_capped_thc_content_names_no_cannabis(check, text, cannabis):
    found = {f.intervention for f in check(text).findings if f.rule in ("HL201", "HL202", "HL204", "HL301")}
    assert ("cannabis" in found) is cannabis


@pytest.mark.parametrize("text, flagged", [
    # an effect word inside the risk ("raised liver enzymes") is no effect the interaction leads to
    ("Epidiolex reduces seizures in Dravet syndrome. Valproate: taking it with Epidiolex makes raised liver enzymes "
     "much more likely.", False),
    ("Kava calms anxiety. Taking it with alcohol makes liver damage more likely.", False),
    # a claimed effect after the risk words still cancels them, and no who or what is no contraindication
    ("Kava calms anxiety. Taking it daily can lead to real improvement in sleep.", True),
    ("Kava calms anxiety. Taking it with breakfast raises your energy.", True),
])
def test_an_effect_word_inside_a_risk_does_not_cancel_the_interaction_before_it(check, text, flagged):
    assert ("HL202" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    # the reader's condition, and the other medicine's harm, are no adverse effect of the product
    ("Hydroxychloroquine treats lupus. Hydroxychloroquine is not for people with a known heart rhythm problem, and you "
     "must tell your physician if you take azithromycin or any other medicine that prolongs the QT interval.", True),
    ("Ibogaine cures opioid addiction. We do not accept anyone with a history of seizures.", True),
    ("Kava calms anxiety. Other medicines that cause liver damage add to its effect.", True),
    # the product's own harm still counts
    ("Hydroxychloroquine treats lupus. It can prolong the QT interval.", False),
    ("Kava calms anxiety. Kava can cause liver damage.", False),
    ("Hydroxychloroquine treats lupus. Some people with lupus get heart rhythm problems on it.", False),
])
def test_a_harm_someone_else_has_is_no_adverse_effect(check, text, flagged):
    assert ("HL201" in rules_of(check(text))) is flagged


@pytest.mark.parametrize("text, cannabis", [
    # what a fact is said not to mean is denied, however long its subject
    ("Dronabinol is FDA-approved for chemotherapy nausea. It does not mean that cannabis itself, or products sold in "
     "state-licensed dispensaries, are FDA-approved for nausea.", False),
    # a claim after "but" is still made, and so is a plain one
    ("Dronabinol eases chemotherapy nausea. It doesn't mean much to critics, but cannabis cured my nausea.", True),
    ("Dronabinol is FDA-approved for chemotherapy nausea. Cannabis eases nausea fast.", True),
])
def test_what_a_fact_does_not_mean_is_denied(check, text, cannabis):
    found = {f.intervention for f in check(text).findings if f.rule in ("HL204", "HL301")}
    assert ("cannabis" in found) is cannabis


def test_bare_ozone_names_ozone_therapy_only_where_the_page_names_it(check):
    # "ozone" is an everyday word (ozone alerts, the ozone layer): a corpus common word,
    # which counts only on a page that also names ozone therapy.
    page = ("IV vitamin C drips for colds. IV vitamin C drips boost immunity. We also offer ozone therapy in our "
            "clinic. Six rounds of ozone cured my Lyme disease. Our Ozone Reset helped me beat COVID.")
    claimed = {(c.intervention, c.condition) for c in check(page).claims}
    assert {("ozone-therapy", "lyme-disease"), ("ozone-therapy", "covid-19")} <= claimed
    alone = check("IV vitamin C drips for colds. Ozone alerts are common in summer, so the drips help you beat the heat.")
    assert not any(c.intervention == "ozone-therapy" for c in alone.claims)


@pytest.mark.parametrize("text, subject", [
    # the page's own topic is named only by its common word, the add-on by its name
    ("Ozone therapy at our spa. Pair any ozone package with our NAD+ drip to slow the signs of aging.", "nad-boosters"),
    ("Ozone therapy for chronic Lyme. Members also spray colloidal silver next to their ozone sessions and it "
     "clears the infection in a week.", "colloidal-silver"),
    ("Colloidal silver for colds. Unlike ozone therapy, silver kills the flu virus in a day.", "colloidal-silver"),
    # named by its name, the topic keeps the claim
    ("Ozone therapy at our spa. Ozone therapy and our NAD+ drip slow the signs of aging.", "ozone-therapy"),
    # alone in its sentence, the common word still names it
    ("Ozone therapy at our spa. NAD+ drips are extra. Six rounds of ozone cured my Lyme disease.", "ozone-therapy"),
])
def test_a_common_word_yields_to_an_intervention_named_by_name(check, text, subject):
    claims = check(text).claims
    assert claims and claims[-1].intervention == subject


def test_bare_silver_and_stem_cells_name_their_intervention_only_where_the_page_names_it(check):
    # "silver" and "stem cells" are everyday words too (silver jewellery, stem cell biology):
    # corpus common words, counted on a page that names colloidal silver or stem cell therapy.
    page = ("IV vitamin C drips for colds. We also offer stem cell therapy. Because stem cells go where the body "
            "needs them, they heal arthritis.")
    assert ("stem-cell-therapy", "arthritis") in {(c.intervention, c.condition) for c in check(page).claims}
    page = ("Elderberry syrup for colds. We also sell colloidal silver. I spray silver on every cut and it clears the "
            "infection in a day.")
    assert ("colloidal-silver", "infection") in {(c.intervention, c.condition) for c in check(page).claims}
    page = "Elderberry syrup for colds. I wear a silver ring, and the syrup clears my cold in a day."
    assert not any(c.intervention == "colloidal-silver" for c in check(page).claims)
