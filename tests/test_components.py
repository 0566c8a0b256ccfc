"""The spaCy components on their own: registered factories, spans, scores, serialisation."""

from __future__ import annotations

import pytest
import spacy

import checker.nlp  # noqa: F401  (the entry points make this unnecessary once installed)
from checker.nlp import PIPE_NAMES, build_pipeline


def mentions(nlp, text):
    doc = nlp(text)
    return [(s.text, s.label_, s.id_, s._.hl_via, s._.hl_score) for s in doc.spans["hl_mentions"]]


def test_components_add_to_a_blank_pipeline():
    nlp = spacy.blank("en")
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    doc = nlp("Ecstasy cures post traumatic stress disorder.")
    assert [s.id_ for s in doc.spans["hl_mentions"]] == ["mdma", "ptsd"]
    claims = list(doc.spans["hl_claims"])
    claim = claims[0]._.hl_claim
    assert (claim.intervention, claim.condition, claim.strength) == ("mdma", "ptsd", "certainty")


def test_misspellings_and_fuzzy_matches_keep_their_score():
    nlp = build_pipeline()
    listed = mentions(nlp, "Buy ecstacy for PTSD.")
    assert listed[0][:4] == ("ecstacy", "INTERVENTION", "mdma", "misspelling") and 80 <= listed[0][4] < 100
    fuzzy = mentions(nlp, "Psilocybinn for depression.")
    assert fuzzy[0][:4] == ("Psilocybinn", "INTERVENTION", "psilocybin", "fuzzy") and 86 <= fuzzy[0][4] < 100
    exact = mentions(nlp, "MDMA for PTSD.")
    assert exact[0][3:] == ("name", 100.0)


def test_words_the_corpus_uses_are_no_misspelt_names():
    # "syndromes" is 87.5 from the dronabinol brand "Syndros", "melanin" near "melatonin";
    # both are ordinary words of the corpus (a condition's name, an evidence summary).
    nlp = build_pipeline()
    assert mentions(nlp, "It helps children with rare epilepsy syndromes.")[-1][:3] != ("syndromes", "INTERVENTION", "dronabinol")
    assert "melatonin" not in [m[2] for m in mentions(nlp, "Our serum evens out melanin in the skin.")]
    # a misspelling that is no word of the corpus is still found
    assert mentions(nlp, "Melattonin helps you fall asleep.")[0][:4] == ("Melattonin", "INTERVENTION", "melatonin", "fuzzy")


def test_street_names_count_only_beside_the_real_name():
    nlp = build_pipeline()
    assert mentions(nlp, "Molly and I went to the shop.") == []
    found = mentions(nlp, "MDMA, also sold as Molly, is not a cure for PTSD.")
    assert ("Molly", "INTERVENTION", "mdma", "street", 100.0) in found


def test_common_words_count_only_beside_the_real_name():
    nlp = build_pipeline()
    assert mentions(nlp, "The ozone layer is thinning.") == []
    found = mentions(nlp, "Ozone therapy uses ozone gas.")
    assert ("ozone", "INTERVENTION", "ozone-therapy", "common", 100.0) in found


def test_lines_start_sentences():
    nlp = build_pipeline()
    doc = nlp("Benefits\n- Rapid relief: many report it\nConclusion. Last one")
    assert [s.text.strip() for s in doc.sents] == ["Benefits", "- Rapid relief: many report it", "Conclusion.", "Last one"]


def test_topic_is_inherited_from_the_heading():
    nlp = build_pipeline()
    doc = nlp.make_doc("How MDMA for PTSD Works\n- Rapid Relief: many people feel better within days.")
    doc.user_data["hl_blocks"] = [(0, 23, "heading"), (24, len(doc.text), "list-item")]
    doc = nlp(doc)
    claims = list(doc.spans["hl_claims"])
    claim = claims[-1]._.hl_claim
    assert claim.intervention == "mdma" and claim.intervention_inherited


def test_pipeline_round_trips_through_disk(tmp_path):
    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    text = "MDMA offers instant and lasting relief from PTSD."
    assert mentions(loaded, text) == mentions(nlp, text)
    loaded_doc, original_doc = loaded(text), nlp(text)
    assert [s.text for s in loaded_doc.spans["hl_claims"]] == [s.text for s in original_doc.spans["hl_claims"]]


def test_fast_pattern_docs_tokenize_like_the_tokenizer():
    """Corpus and lexicon phrases are turned into pattern Docs without the tokenizer where
    that is safe; for every shipped phrase the tokens must be the tokenizer's."""
    from checker.corpus import load_corpus
    from checker.lexicon import load_lexicon
    from checker.nlp.lexmatch import phrase_docs

    nlp = spacy.blank("en")
    corpus = load_corpus()
    phrases = [n for r in corpus.conditions.values() for n in (r.name, *r.synonyms)]
    phrases += [n for r in corpus.interventions.values() for n in (r.name, *r.names, *r.misspellings, *r.street_names, *r.common_words)]
    phrases += [p for e in load_lexicon().entries.values() for p in e.phrases]
    phrases += ["cannot", "Cannot cure", "e.g. cure", "U.S. approved"]
    built = phrase_docs(nlp.vocab, nlp.tokenizer, phrases)
    got = sorted(tuple(t.text for t in d) for d in built)
    expected = sorted(tuple(t.text for t in nlp.tokenizer(p)) for p in phrases)
    assert got == expected


def test_a_quote_at_the_start_of_a_line_opens_the_next_sentence():
    nlp = build_pipeline()
    doc = nlp('It works.\n"Amazing" results.\nShe said "yes." Then left.')
    assert [s.text.strip() for s in doc.sents] == ["It works.", '"Amazing" results.', 'She said "yes."', "Then left."]


def test_an_ellipsis_before_a_lower_case_word_is_a_pause():
    nlp = build_pipeline()
    doc = nlp("The withdrawal was just... gone. Then... Nothing came back.")
    assert [s.text.strip() for s in doc.sents] == ["The withdrawal was just... gone.", "Then...", "Nothing came back."]


def test_an_ellipsis_glued_between_words_separates_a_list_and_ends_no_sentence():
    nlp = build_pipeline()
    doc = nlp("Benefits are being shown for: Autism…Diabetes…Lyme Disease. It was gone… Then it came back.")
    assert [s.text.strip() for s in doc.sents] == ["Benefits are being shown for: Autism…Diabetes…Lyme Disease.",
                                                   "It was gone…", "Then it came back."]


def test_a_semicolon_ends_a_clause_as_a_sentence():
    nlp = build_pipeline()
    doc = nlp("It relieves a symptom; it does not treat the cancer itself. Take it with food.")
    assert [s.text.strip() for s in doc.sents] == ["It relieves a symptom;", "it does not treat the cancer itself.",
                                                   "Take it with food."]


def test_words_glued_by_an_ellipsis_are_words_and_a_run_of_dots_is_one_pause():
    nlp = build_pipeline()
    doc = nlp("Can help….with the prevention of …..stroke. Visit www.example.com today.")
    assert [t.text for t in doc][:9] == ["Can", "help", "….", "with", "the", "prevention", "of", "…..", "stroke"]
    assert "www.example.com" in [t.text for t in doc]
    assert [s.text.strip() for s in doc.sents] == ["Can help….with the prevention of …..stroke.", "Visit www.example.com today."]


def test_a_number_range_typed_with_a_dash_is_split_like_one_typed_with_a_hyphen():
    nlp = build_pipeline()
    assert [t.text for t in nlp.make_doc("within 20–30 minutes, 2—3 days or 2-3 weeks")] == [
        "within", "20", "–", "30", "minutes", ",", "2", "—", "3", "days", "or", "2", "-", "3", "weeks"]


def test_a_context_entry_may_set_its_own_scope(tmp_path):
    import pytest

    from checker.errors import DataError
    from checker.lexicon import load_lexicon_file

    path = tmp_path / "context.toml"
    path.write_text('[[entry]]\nid = "h"\ncategory = "hedged"\ndirection = "forward"\nmax_scope = 25\nphrases = ["some studies"]\n')
    assert load_lexicon_file(path)[0].get("max_scope") == 25
    # 0 is allowed: the trigger flags only the cues it overlaps (a word in scare quotes)
    path.write_text('[[entry]]\nid = "h"\ncategory = "hedged"\ndirection = "forward"\nmax_scope = 0\nphrases = ["x"]\n')
    assert load_lexicon_file(path)[0].get("max_scope") == 0
    for bad in ("-1", "true", '"long"', "500"):
        path.write_text(f'[[entry]]\nid = "h"\ncategory = "hedged"\ndirection = "forward"\nmax_scope = {bad}\nphrases = ["x"]\n')
        with pytest.raises(DataError, match="max_scope"):
            load_lexicon_file(path)
    path.write_text('[[entry]]\nid = "h"\nmax_scope = 5\ncategory = "hedged"\ndirection = "forward"\nphrases = ["x"]\n')
    assert load_lexicon_file(path)[0]["direction"] == "forward"
    effects = tmp_path / "effects.toml"
    effects.write_text('[[entry]]\nid = "e"\nstrength = "efficacy"\nrole = "effect"\nmax_scope = 5\nphrases = ["x"]\n')
    with pytest.raises(DataError, match="unknown key"):
        load_lexicon_file(effects)


def test_an_effect_entry_may_name_words_it_does_not_follow(tmp_path):
    from checker.errors import DataError
    from checker.lexicon import load_lexicon_file

    path = tmp_path / "effects.toml"
    path.write_text('[[entry]]\nid = "e"\nstrength = "possibility"\nrole = "implied"\nbefore_condition = 4\n'
                    'not_after = ["Approved", "sold"]\nphrases = ["for"]\n')
    assert load_lexicon_file(path)[0].get("not_after") == ("approved", "sold")
    path.write_text('[[entry]]\nid = "e"\nstrength = "possibility"\nrole = "implied"\nnot_after = ["approved by"]\nphrases = ["for"]\n')
    with pytest.raises(DataError, match="single words"):
        load_lexicon_file(path)
    # after_condition may be 0: the condition's name ends right before the cue
    path.write_text('[[entry]]\nid = "e"\nstrength = "efficacy"\nrole = "effect"\nafter_condition = 0\nphrases = ["treatment"]\n')
    assert load_lexicon_file(path)[0].get("after_condition") == 0


def test_a_lookalike_silences_only_qualifiers_that_exist(tmp_path):
    from checker.errors import DataError
    from checker.lexicon import load_lexicon_file

    path = tmp_path / "lookalikes.toml"
    path.write_text('[[entry]]\nid = "l"\nlooks_like = "qualifier"\nsilences = ["speed"]\nphrases = ["wears off"]\n')
    assert load_lexicon_file(path)[0].get("silences") == ("speed",)
    path.write_text('[[entry]]\nid = "l"\nlooks_like = "qualifier"\nsilences = ["sped"]\nphrases = ["wears off"]\n')
    with pytest.raises(DataError, match="'silences' names qualifiers"):
        load_lexicon_file(path)


def test_the_not_helped_by_other_treatment_patterns_are_the_same_in_both_files():
    # The look-alike hides the effect word, the pseudo-negation the negation: one wording, two
    # stages, and the two lists must not drift apart.
    from checker.lexicon import load_lexicon

    lexicon = load_lexicon(None)
    assert lexicon.entries["pseudo.not-helped-by-other-treatment"].patterns == \
        lexicon.entries["lookalike.not-helped-by-other-treatment"].patterns


def test_a_qualifier_may_claim_beside_a_condition(tmp_path):
    from checker.errors import DataError
    from checker.lexicon import load_lexicon_file

    path = tmp_path / "qualifiers.toml"
    path.write_text('[[entry]]\nid = "q"\nqualifier = "speed"\nbeside_condition = true\nphrases = ["within days"]\n')
    assert load_lexicon_file(path)[0].get("beside_condition") is True
    path.write_text('[[entry]]\nid = "q"\nqualifier = "speed"\nbeside_condition = "yes"\nphrases = ["within days"]\n')
    with pytest.raises(DataError, match="beside_condition"):
        load_lexicon_file(path)


def test_a_capital_letter_before_a_full_stop_ends_the_name_and_the_sentence():
    nlp = build_pipeline()
    doc = nlp("Men with low T. Take vitamin D. It helps.")
    assert [s.text for s in doc.sents] == ["Men with low T.", "Take vitamin D.", "It helps."]
    assert [s.id_ for s in doc.spans["hl_mentions"]] == ["low-testosterone", "vitamin-d"]
    assert [t.text for t in nlp("U.S. law, e.g. here")][:2] == ["U.S.", "law"]  # other abbreviations stay whole


def test_a_caveat_entry_may_list_the_risks_it_names(tmp_path):
    import pytest

    from checker.errors import DataError
    from checker.lexicon import load_lexicon_file

    path = tmp_path / "caveats.toml"
    path.write_text('[[entry]]\nid = "a"\nkind = "adverse-effects"\nlevel = "full"\nnames = ["Nause|vomit", "headache"]\n'
                    'phrases = ["some nausea"]\n')
    assert load_lexicon_file(path)[0].get("names") == ("nause|vomit", "headache")
    for bad in ("[]", '"nausea"', '[""]', "[1]"):
        path.write_text(f'[[entry]]\nid = "a"\nkind = "adverse-effects"\nlevel = "full"\nnames = {bad}\nphrases = ["x"]\n')
        with pytest.raises(DataError, match="names"):
            load_lexicon_file(path)


@pytest.mark.parametrize("text, found", [
    ("it works in about 20 minutes", [(2, 6)]),
    ("in about, well, a long time; 20 minutes later", []),   # the unit is too far from the anchor
    ("minutes in about 20", []),                              # the unit comes before the anchor
    ("in about 20 minutes and in 5 minutes and in about 9 minutes", [(0, 4), (9, 13)]),
])
def test_pattern_matcher_tries_an_anchor_only_where_its_other_words_fit(text, found):
    # The matcher skips anchors whose other required words are not within the pattern's reach;
    # what it finds must be exactly what a plain left-to-right match finds.
    import spacy

    from checker.lexicon import Entry
    from checker.nlp.lexmatch import EntryMatcher

    nlp = spacy.blank("en")
    pattern = ({"LOWER": {"IN": ["in", "within"]}}, {"LOWER": {"IN": ["about", "around"]}}, {"OP": "?"},
               {"LIKE_NUM": True}, {"LOWER": "minutes"})
    entry = Entry("test.speed", "qualifiers", (), (pattern,), {})
    matcher = EntryMatcher(nlp.vocab, nlp.tokenizer, [entry])
    assert sorted((s, e) for _, s, e in matcher(nlp.make_doc(text))) == found


def test_pattern_matcher_not_in_excludes_words_and_is_never_an_anchor():
    import spacy

    from checker.lexicon import Entry
    from checker.nlp.lexmatch import EntryMatcher, compile_pattern

    nlp = spacy.blank("en")
    pattern = ({"LOWER": {"NOT_IN": ["anti"]}}, {"ORTH": "-"}, {"IS_ALPHA": True}, {"LOWER": "drugs"})
    matcher = EntryMatcher(nlp.vocab, nlp.tokenizer, [Entry("test.modifier", "lookalikes", (), (pattern,), {})])
    found = lambda text: [(s, e) for _, s, e in matcher(nlp.make_doc(text))]  # noqa: E731
    assert found("prescription weight-loss drugs") == [(1, 5)]
    assert found("prescription anti-anxiety drugs") == []
    with pytest.raises(ValueError):
        compile_pattern(({"LOWER": {"IN": ["a"], "NOT_IN": ["b"]}},))


@pytest.mark.parametrize("pattern, text, found", [
    # "can't" is two tokens ("ca", "n't"); "CAN'T" one: the step named it as one word
    (({"LOWER": {"IN": ["can't", "will"]}}, {"LOWER": "harm"}), "It can't harm you. IT CAN'T HARM. It will harm.",
     [(1, 4), (7, 9), (11, 13)]),
    # a hyphenated word and a word with a space become runs of steps
    (({"LOWER": {"IN": ["fda-approved", "has not", "licensed"]}}, {"LOWER": "yet"}),
     "not FDA-approved yet, has not yet, licensed yet", [(1, 5), (6, 9), (10, 12)]),
    # an optional step holding a split word: the whole run or nothing
    (({"LOWER": "no"}, {"LOWER": "one", "OP": "?"}, {"LOWER": {"IN": ["co-worker", "friend"]}, "OP": "?"}, {"LOWER": "knows"}),
     "no co-worker knows; no one friend knows; no knows; no co knows", [(0, 5), (6, 10), (11, 13)]),
    # clitics stay one step: "'ve" is a token after "I"
    (({"LOWER": "i"}, {"LOWER": {"IN": ["'ve", "have"]}}, {"LOWER": "tried"}), "I've tried, I have tried",
     [(0, 3), (4, 7)]),
])
def test_a_pattern_word_the_tokenizer_splits_is_matched_as_its_tokens(pattern, text, found):
    # A step naming "can't" or "FDA-approved" could never match one token (spaCy splits
    # them), so such words silently matched nothing until they were expanded at build.
    import spacy

    from checker.lexicon import Entry
    from checker.nlp.lexmatch import EntryMatcher

    nlp = spacy.blank("en")
    matcher = EntryMatcher(nlp.vocab, nlp.tokenizer, [Entry("test.split", "qualifiers", (), (pattern,), {})])
    assert sorted((s, e) for _, s, e in matcher(nlp.make_doc(text))) == found


def test_a_split_word_in_a_repeating_step_is_a_data_error():
    import spacy

    from checker.errors import DataError
    from checker.lexicon import Entry
    from checker.nlp.lexmatch import EntryMatcher

    nlp = spacy.blank("en")
    pattern = ({"LOWER": "no"}, {"LOWER": {"IN": ["can't", "will"]}, "OP": "*"}, {"LOWER": "harm"})
    with pytest.raises(DataError, match=r"test.split.*'ca n't' is more than one token"):
        EntryMatcher(nlp.vocab, nlp.tokenizer, [Entry("test.split", "qualifiers", (), (pattern,), {})])


def test_every_word_of_the_shipped_lexicons_patterns_can_match():
    # After expansion no step names a word the tokenizer never makes one token.
    from checker.lexicon import load_lexicon
    from checker.nlp import build_pipeline
    from checker.nlp.lexmatch import SplitWords, tokenized_patterns

    split = SplitWords(build_pipeline().tokenizer)
    dead = set()
    for entry in load_lexicon().entries.values():
        for pattern in entry.patterns:
            for steps in tokenized_patterns(split, pattern) or (pattern,):
                for step in steps:
                    for key in ("LOWER", "ORTH", "TEXT"):
                        value = step.get(key)
                        words = value.get("IN", []) if isinstance(value, dict) else [value] if value else []
                        for word in words:
                            if all(len(tokens) > 1 for tokens in split.tokens(word, key == "LOWER")):
                                dead.add((entry.id, word))
    assert not dead


def test_longest_first_keeps_a_nested_match_only_where_asked():
    from checker.lexicon import Entry
    from checker.nlp.lexmatch import longest_first

    def entry(ident):
        return Entry(ident, "qualifiers", (), (), {})

    comparison, safety, inner = entry("comparison"), entry("safety"), entry("inner")
    matches = [(comparison, 0, 8), (safety, 0, 4), (inner, 1, 3)]
    assert [e.id for e, _, _ in longest_first(matches)] == ["comparison"]
    # kept inside the comparison, but nothing is kept inside what was kept that way
    keep = longest_first(matches, keep_nested=lambda e, outer: outer.id == "comparison")
    assert [(e.id, s, t) for e, s, t in keep] == [("comparison", 0, 8), ("safety", 0, 4)]


def test_a_run_of_the_same_optional_step_is_one_bounded_step():
    # Ten optional words in a row branch 2**10 ways when tried one by one; as one step of
    # 0 to 10 they match the same tokens.
    import spacy

    from checker.lexicon import Entry
    from checker.nlp.lexmatch import EntryMatcher, compile_pattern

    pattern = ({"LOWER": "i"},) + ({"OP": "?"},) * 10 + ({"LOWER": "for"}, {"LOWER": "my"})
    steps = compile_pattern(pattern)
    assert [(s.min, s.max) for s in steps] == [(1, 1), (0, 10), (1, 1), (1, 1)]
    nlp = spacy.blank("en")
    matcher = EntryMatcher(nlp.vocab, nlp.tokenizer, [Entry("test.use", "lookalikes", (), (pattern,), {})])
    found = lambda text: [(s, e) for _, s, e in matcher(nlp.make_doc(text))]  # noqa: E731
    assert found("I give it to my son every morning in spring for my hay fever") == [(0, 12)]
    assert found("I give it to my son every single morning in the spring for my hay fever") == []


def test_a_bounded_op_repeats_a_step_and_a_bad_one_is_refused():
    import spacy

    from checker.lexicon import Entry
    from checker.nlp.lexmatch import EntryMatcher, compile_pattern

    pattern = ({"LOWER": "i"}, {"OP": "{0,3}"}, {"LOWER": "for"})
    assert [(s.min, s.max) for s in compile_pattern(pattern)] == [(1, 1), (0, 3), (1, 1)]
    nlp = spacy.blank("en")
    # a bounded step may hold a word the tokenizer splits: it is read as that many steps
    split = ({"LOWER": "a"}, {"LOWER": {"IN": ["best-selling", "new"]}, "OP": "{1,2}"}, {"LOWER": "tea"})
    matcher = EntryMatcher(nlp.vocab, nlp.tokenizer, [Entry("test.any", "lookalikes", (), (pattern, split), {})])
    found = lambda text: sorted((s, e) for _, s, e in matcher(nlp.make_doc(text)))  # noqa: E731
    assert found("I take it daily for sleep") == [(0, 5)]
    assert found("I take it every single day for sleep") == []
    assert found("a best-selling new tea") == [(0, 6)]
    for op in ("{3,1}", "{,2}", "many"):
        with pytest.raises(ValueError):
            compile_pattern(({"LOWER": "i", "OP": op},))
