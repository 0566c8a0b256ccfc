"""The accuracy harness's scoring (bench/accuracy.py): matching by overlap, precision and
recall, and undoing FDA's editorial marks. The figures themselves are not asserted here:
they are what the harness measures."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import load_bench

PATH = Path(__file__).resolve().parent.parent / "bench" / "accuracy.py"
accuracy = load_bench("accuracy")


def test_overlapping_spans_match_and_the_rest_are_errors():
    gold = [(0, 50), (60, 100), (120, 130)]
    predicted = [(10, 15), (20, 25), (200, 210)]  # two inside the first sentence, one stray
    counts, missed, wrong = accuracy.match_spans(gold, predicted)
    assert (counts.gold, counts.predicted, counts.matched_gold, counts.matched_predicted) == (3, 3, 1, 2)
    assert missed == [1, 2] and wrong == [2]
    assert counts.precision == pytest.approx(2 / 3) and counts.recall == pytest.approx(1 / 3)
    assert counts.f1 == pytest.approx(2 * (2 / 3) * (1 / 3) / (2 / 3 + 1 / 3))


def test_touching_spans_do_not_overlap():
    assert not accuracy.overlaps((0, 10), (10, 20))
    assert accuracy.overlaps((0, 11), (10, 20))


def test_page_level_rules_match_by_intervention():
    counts = accuracy.match_keys({"kratom", "kava"}, {"kava", "cbd"})
    assert (counts.precision, counts.recall) == (0.5, 0.5)


def test_empty_sides_have_no_figure_instead_of_a_perfect_one():
    assert accuracy.Counts().precision is None and accuracy.Counts().recall is None
    assert accuracy.fmt(None) == "—"
    assert accuracy.Counts(gold=2, predicted=0).recall == 0.0


def test_fda_editorial_marks_are_undone():
    assert accuracy.page_text("[A]lleviates the symptoms of BPH[,] urgency") == "Alleviates the symptoms of BPH, urgency"
    assert accuracy.page_text("Testicules [sic] Cancers") == "Testicules Cancers"
    assert accuracy.page_text("inflammation […] Antibacterial") == "inflammation … Antibacterial"


def test_locate_tolerates_folded_whitespace():
    assert accuracy.locate("Rapid relief\nfor everyone.", "Rapid relief for everyone.") == (0, 26)
    assert accuracy.locate("abc", "xyz") is None


def test_every_annotation_points_at_text_in_its_document(checker):
    """An annotation that the harness cannot find would silently count as a miss."""
    import json

    from checker.ingest import read_path

    golds = sorted(accuracy.DOCUMENTS.glob("*.gold.json"))
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = read_path(accuracy.DOCUMENTS / gold["file"]).text
        for item in gold["claims"] + [f for f in gold["findings"] if "text" in f]:
            assert accuracy.locate(text, item["text"]) is not None, (gold["id"], item["text"][:80])
        assert gold["split"] in accuracy.SPLITS
        assert {f["rule"] for f in gold["findings"]} <= set(accuracy.SCORED_RULES)


def test_causal_language_rows_split_by_position_and_score(tmp_path):
    causal = load_bench("causal_language")
    data = tmp_path / "pubmed.csv"
    # the file's codes: 0 none, 1 causal, 2 conditional, 3 correlational
    rows = ["Smoking causes cancer.,1", "Coffee was associated with longer life.,3",
            '"Exercise may reduce falls, we think.",2', "The trial was registered.,0",
            "Statins lower cholesterol.,1", "Salt intake was linked to stroke.,3"]
    data.write_text("sentence,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    loaded = causal.load(data)
    assert [level for *_, level in loaded] == [3, 1, 2, 0, 3, 1]  # this project's scale
    assert loaded[2][1] == "Exercise may reduce falls, we think."  # a quoted comma stays in the sentence
    assert [causal.split_of(i) for i, *_ in loaded] == ["dev"] * 4 + ["held-out", "dev"]
    figures = causal.evaluate(data)
    assert figures["dev"]["n"] == 5 and figures["held-out"]["n"] == 1
    assert len(figures["dev"]["errors"]) == round(5 * (1 - figures["dev"]["accuracy"]))


def test_causal_language_bad_label_names_file_and_line(tmp_path):
    causal = load_bench("causal_language")
    data = tmp_path / "pubmed.csv"
    data.write_text("sentence,label\nFine.,0\nBroken.,7\n", encoding="utf-8")
    with pytest.raises(causal.DataFileError, match=r"pubmed\.csv:3: label must be 0-3"):
        causal.load(data)
    data.write_text("text,gold\nFine.,0\n", encoding="utf-8")
    with pytest.raises(causal.DataFileError, match="columns 'sentence' and 'label'"):
        causal.load(data)


PAGE = "Kava calms anxiety in minutes. It is totally safe. Is kava legal? Buy now."
FIRST = {"id": "d0", "claims": [{"text": "Kava calms anxiety in minutes.", "intervention": "kava", "condition": "anxiety"},
                                {"text": "It is totally safe.", "intervention": "kava", "condition": None}],
         "findings": [{"rule": "HL104", "text": "Kava calms anxiety in minutes."},
                      {"rule": "HL107", "text": "It is totally safe."},
                      {"rule": "HL201", "intervention": "kava"}],
         "caveats_present": {"kava": ["legal-status"]}}


def test_an_annotation_scored_against_itself_agrees_fully():
    agreement = load_bench("agreement")
    scores = accuracy.DocumentScores()
    accuracy.score_page(PAGE, FIRST, *agreement.as_found(PAGE, FIRST), scores)
    for counts in (scores.claims, scores.family("HL1"), scores.family("HL2"), scores.caveats):
        assert (counts.precision, counts.recall) == (1.0, 1.0)
    assert not scores.errors


def test_a_second_annotation_that_differs_is_scored_like_the_checker():
    agreement = load_bench("agreement")
    second = {"claims": FIRST["claims"][:1], "findings": [{"rule": "HL104", "text": "Kava calms anxiety in minutes."},
                                                          {"rule": "HL202", "intervention": "kava"}],
              "caveats_present": {"kava": []}}
    scores = accuracy.DocumentScores()
    accuracy.score_page(PAGE, FIRST, *agreement.as_found(PAGE, second), scores)
    assert (scores.claims.precision, scores.claims.recall) == (1.0, 0.5)
    assert (scores.family("HL1").precision, scores.family("HL1").recall) == (1.0, 0.5)
    assert (scores.family("HL2").precision, scores.family("HL2").recall) == (0.0, 0.0)
    assert scores.caveats.recall == 0.0
    assert "d0: HL107 missed: 'It is totally safe.'" in scores.errors


def test_learned_filter_labels_claims_and_findings_by_the_gold_sentences():
    learned = load_bench("learned_filter")
    calms, safe, buy = PAGE.index("Kava calms"), PAGE.index("It is totally"), PAGE.index("Buy now")
    claims = [(calms, calms + 30, "Kava calms anxiety in minutes.", ""), (buy, buy + 8, "Buy now.", "")]
    findings = [accuracy.Found("HL104", calms + 19, calms + 29, "in minutes", claims[0][2], None),
                accuracy.Found("HL103", calms + 5, calms + 10, "calms", claims[0][2], None),
                accuracy.Found("HL107", safe + 14, safe + 18, "safe", "It is totally safe.", None)]
    claim_labels, finding_labels = learned.label(PAGE, FIRST, claims, findings)
    assert claim_labels == [True, False]
    assert finding_labels == [True, False, True]


def test_writing_rounds_are_the_ranges_the_data_readme_lists():
    """Cross-validation folds by writing round: each round's first and last page, as
    eval/data/README.md lists the rounds in order, fall in that round."""
    import re

    learned = load_bench("learned_filter")
    readme = (PATH.parent.parent / "eval" / "data" / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"in [a-z][a-z -]* rounds \((d\d+.d\d+(?:, d\d+.d\d+)*)\)", readme)  # "in a hundred and three rounds"
    assert listed, "eval/data/README.md no longer lists the rounds' page ranges"
    ranges = [tuple(int(n) for n in re.findall(r"\d+", pair)) for pair in listed.group(1).split(", ")]
    assert len(ranges) >= 32
    for number, (first, last) in enumerate(ranges, start=1):
        assert learned.writing_round(f"d{first:02d}") == learned.writing_round(f"d{last:02d}") == number, (first, last)


def test_learned_filter_drops_sentence_findings_on_rejected_claims_only():
    learned = load_bench("learned_filter")
    page = learned.Page(FIRST, PAGE, [(0, 10, "a", ""), (20, 30, "b", "")],
                        [accuracy.Found("HL103", 2, 5, "x", "a", None), accuracy.Found("HL104", 22, 25, "y", "b", None),
                         accuracy.Found("HL201", 0, 0, "", "", "kava")], set(), [], [])
    claims, findings = learned.filtered(page, [False, True], None)
    assert claims == [(20, 30, "b")]
    assert [f.rule for f in findings] == ["HL104", "HL201"]
    claims, findings = learned.filtered(page, None, [True, False, False])
    assert len(claims) == 2 and [f.rule for f in findings] == ["HL103", "HL201"]


def test_claim_detector_cuts_sentences_and_labels_them_by_the_rules_and_the_gold():
    detector = load_bench("claim_detector")
    text = "Kava calms anxiety in minutes.  It is totally safe!\n\nBuy now."
    assert [text[a:b] for a, b in detector.sentences(text)] == [
        "Kava calms anxiety in minutes.", "It is totally safe!", "Buy now."]
    page = type("P", (), {"text": text, "claims": [(0, 30, "Kava calms anxiety in minutes.", "")],
                          "gold": {"claims": [{"text": "It is totally safe!"}]}})()
    units = detector.units(page)
    assert [(u["rules"], u["gold"]) for u in units] == [(True, False), (False, True), (False, False)]
    assert detector.features(units[0]).startswith("__rules_claim ") and detector.features(units[1]).startswith("__rules_none ")
    page.gold = {"id": "d0", "claims": [], "findings": [
        {"rule": "HL103", "text": "Kava calms anxiety"}, {"rule": "HL107", "text": "totally safe"},
        {"rule": "HL110", "text": "Buy now."}, {"rule": "HL201", "intervention": "kava"}]}
    where = detector.gold_findings_by_detector([page], {"d0": {"units": units, "p": [0.1, 0.9, 0.2]}})
    assert where == {"gold": 3, "rules' claims": 1, "classifier's claims only": 1, "neither": 1}


def test_both_parts_add_the_counts_of_dev_and_held_out():
    def part(matched):
        counts = {"gold": 4, "predicted": 5, "matched_gold": matched, "matched_predicted": matched}
        return {"documents": {"families": {"HL1": counts, "HL2": counts}, "claims": counts}}
    together = dict(accuracy.both_parts({"dev": part(4), "held-out": part(0)}))
    assert (together["HL1xx"].gold, together["HL1xx"].predicted) == (8, 10)
    assert (together["claims"].recall, together["claims"].precision) == (0.5, 0.4)


@pytest.mark.parametrize("architecture", ["bow", "ensemble", "cnn"])
def test_learned_filter_architectures_train_and_score(architecture):
    from checker import finding_filter

    learned = load_bench("learned_filter")
    examples = [("__HL104 __words_in_minutes Kava calms anxiety in minutes.", True),
                ("__HL108 __words_quick Read our quick guide.", False)] * 4
    model = finding_filter.train(examples, learned.ARCHITECTURES[architecture])
    scores = finding_filter.scores(model, [text for text, _ in examples[:2]])
    assert all(0.0 <= s <= 1.0 for s in scores) and scores[0] != scores[1]


def test_each_page_keeps_its_own_counts_and_they_add_up_to_the_totals():
    agreement = load_bench("agreement")
    second = {"claims": FIRST["claims"][:1], "findings": [{"rule": "HL104", "text": "Kava calms anxiety in minutes."}],
              "caveats_present": {"kava": []}}
    scores = accuracy.DocumentScores()
    accuracy.score_page(PAGE, FIRST, *agreement.as_found(PAGE, second), scores)
    accuracy.score_page(PAGE, FIRST | {"id": "d1"}, *agreement.as_found(PAGE, FIRST), scores)
    assert set(scores.pages) == {"d0", "d1"}
    for key, total in (("HL1", scores.family("HL1")), ("HL2", scores.family("HL2")), ("claims", scores.claims)):
        summed = accuracy.Counts()
        for page in scores.pages.values():
            summed.add(page[key])
        assert vars(summed) == vars(total)
    assert scores.pages["d1"]["HL1"].recall == 1.0 and scores.pages["d0"]["HL1"].recall == 0.5


def _page(gold, predicted, matched):
    return {"HL1": accuracy.Counts(gold, predicted, matched, matched)}


def test_a_page_interval_holds_the_figure_and_narrows_to_it_when_pages_agree():
    same = [_page(10, 10, 8)] * 30
    interval = accuracy.page_interval(same, "HL1")
    assert interval["precision"] == interval["recall"] == pytest.approx((0.8, 0.8))
    mixed = [_page(10, 10, 9)] * 20 + [_page(10, 12, 3)] * 10
    total = accuracy.Counts()
    for page in mixed:
        total.add(page["HL1"])
    low, high = accuracy.page_interval(mixed, "HL1")["f1"]
    assert low < total.f1 < high
    assert accuracy.page_interval(mixed, "HL1") == accuracy.page_interval(mixed, "HL1")  # seeded
    assert accuracy.page_interval([], "HL1")["f1"] is None


def test_a_paired_difference_is_zero_for_the_same_run_and_signed_for_a_change():
    before = {f"d{i}": _page(10, 10, 6) for i in range(40)}
    same = accuracy.paired_difference(before, before, "HL1")
    assert same["f1"]["change"] == 0 and same["f1"]["interval"] == (0, 0)
    better = dict(before) | {f"d{i}": _page(10, 10, 9) for i in range(10)}  # a quarter of the pages improve
    changed = accuracy.paired_difference(before, better, "HL1")
    assert changed["pages"] == 40
    assert changed["precision"]["change"] == pytest.approx(30 / 400)
    low, high = changed["precision"]["interval"]
    assert 0 < low <= changed["precision"]["change"] <= high
    worse = accuracy.paired_difference(better, before, "HL1")
    assert worse["f1"]["change"] < 0 and worse["f1"]["interval"][1] < 0


def test_compare_refuses_a_run_without_page_counts(tmp_path):
    compare = load_bench("compare")
    old = tmp_path / "old.json"
    old.write_text('{"dev": {"documents": {}}, "held-out": {"documents": {}}}', encoding="utf-8")
    with pytest.raises(SystemExit, match="old.json: not the output of"):
        compare.load(str(old))
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(SystemExit, match="broken.json: cannot read"):
        compare.load(str(broken))


def test_compliant_pages_are_counted_apart_from_pages_with_violations():
    scores = accuracy.DocumentScores()
    scores.pages = {"d1": _page(0, 3, 0), "d2": _page(0, 1, 0), "d3": _page(10, 8, 6)}
    kinds = accuracy.by_page_kind(scores, {"d1": True, "d2": True, "d3": False})
    assert kinds["compliant"]["pages"] == 2 and kinds["compliant"]["per_page"] == 2.0
    assert kinds["compliant"]["precision"] == 0.0
    assert (kinds["with violations"]["precision"], kinds["with violations"]["recall"]) == (0.75, 0.6)


def test_typographic_printing_changes_only_apostrophes_inside_words():
    assert accuracy.typographic("I'm sure it's 'natural', John's said") == "I\u2019m sure it\u2019s 'natural', John\u2019s said"


def test_a_page_scored_in_typographic_print_finds_its_annotations(checker):
    # --typographic rewrites the page and its gold quotes alike, so every quote is still found
    import json

    gold = json.loads((accuracy.DOCUMENTS / "d01.gold.json").read_text(encoding="utf-8"))
    assert any("'" in item["text"] for item in gold["claims"] + gold["findings"] if "text" in item)
    plain, printed = accuracy.DocumentScores(), accuracy.DocumentScores()
    accuracy.score_document(checker, gold, plain)
    accuracy.score_document(checker, gold, printed, accuracy.typographic)
    assert not [e for e in printed.errors if "not found" in e]
    assert vars(printed.family("HL1")) == vars(plain.family("HL1"))
