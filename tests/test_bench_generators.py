"""The benchmarks' generated inputs stay valid as the corpus schema grows (a generated
corpus that no longer loads turns the benchmark into a traceback, not a figure)."""

from __future__ import annotations

from pathlib import Path

from checker.corpus import load_corpus, validate_corpus
from conftest import load_bench


def test_corpus_scale_generates_a_corpus_that_validates(tmp_path: Path):
    corpus_scale = load_bench("corpus_scale")
    generated = tmp_path / "generated"
    generated.mkdir()
    counts = corpus_scale.generate_corpus(generated, load_corpus(), factor=2)
    corpus, problems = validate_corpus([generated])
    assert not problems, [str(p) for p in problems[:3]]
    assert counts["interventions"] > 0
