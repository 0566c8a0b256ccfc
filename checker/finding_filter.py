"""An optional learned filter over the sentence-level HL1xx findings (``min_confidence``).

The rules are hand-written patterns; tuned on the dev pages' wording, they carry over only in
part to writers they have not seen, and most of their false positives on unseen pages sit on
sentences that annotators do not count as claims. This filter is a small spaCy text
classifier (bag of words and word pairs, ``spacy.TextCatBOW.v3``) trained on the annotated dev
pages in ``eval/data/documents``: given a finding's rule, the words it points at and its
sentence, how likely is it that an annotator made the same finding? With ``min_confidence``
set, findings below it are dropped. Page-level findings (HL2xx, HL301, HL302) and findings
with no sentence are never dropped.

It is off by default: the rules alone decide, and every finding can be traced to a pattern
and a corpus row. What it buys and costs is measured by ``bench/learned_filter.py``, which
also retrains the shipped model (``--save``) after rule changes.
"""

from __future__ import annotations

import random
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from .errors import DataError

MODEL_DIR = Path(__file__).resolve().parent / "models" / "finding-filter"
SEED = 0
EPOCHS = 8
BATCH = 32
# 65,536 hashed features: a 0.5 MB model; four times as many scored the same within 0.002 F1
# on the dev pages (two-fold cross-validation).
FEATURES = 65536


def applies_to(rule: str, sentence: str) -> bool:
    """The findings the filter judges: sentence-level claim rules."""
    return rule.startswith("HL1") and bool(sentence)


def features(rule: str, words: str, sentence: str) -> str:
    """The text the classifier reads: the rule and the finding's words as single tokens,
    then the sentence."""
    return f"__{rule} __words_{words.lower().replace(' ', '_')} {sentence}"


#: The shipped classifier: bag of words and word pairs.
BOW = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
       "no_output_layer": False, "length": FEATURES}


def train(examples: Sequence[tuple[str, bool]], model: dict | None = None):
    """A classifier from (features, annotators made this finding) pairs; deterministic.
    ``model`` is a spaCy textcat architecture config (default :data:`BOW`; the bench compares
    others)."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed

    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    nlp.add_pipe("textcat", config={"model": model or BOW})
    data = [Example.from_dict(nlp.make_doc(text), {"cats": {"YES": float(yes), "NO": float(not yes)}})
            for text, yes in examples]
    optimizer = nlp.initialize(lambda: data)
    order = random.Random(SEED)
    for _ in range(EPOCHS):
        order.shuffle(data)
        for i in range(0, len(data), BATCH):
            nlp.update(data[i:i + BATCH], sgd=optimizer, drop=0.1)
    return nlp


def scores(nlp, texts: Iterable[str]) -> list[float]:
    return [doc.cats["YES"] for doc in nlp.pipe(texts)]


@lru_cache(maxsize=None)
def load(path: str | None = None):
    """The shipped classifier (or one saved at ``path``), loaded once per process."""
    import spacy

    folder = Path(path) if path else MODEL_DIR
    try:
        return spacy.load(folder)
    except (OSError, ValueError) as exc:
        raise DataError(f"finding filter model not readable at {folder}: {exc}") from None


def confidences(findings: Sequence, nlp=None) -> list[float | None]:
    """For each finding (with .rule, .text and .claim), the classifier's confidence that an
    annotator would make it; None where the filter does not judge."""
    judged = [i for i, f in enumerate(findings) if applies_to(f.rule, f.claim)]
    out: list[float | None] = [None] * len(findings)
    if judged:
        nlp = nlp or load()
        for i, value in zip(judged, scores(nlp, (features(findings[i].rule, findings[i].text, findings[i].claim)
                                                  for i in judged))):
            out[i] = value
    return out


def keep(findings: list, min_confidence: float, nlp=None) -> list:
    """The findings the filter lets through at ``min_confidence`` (0 keeps everything), each
    judged one carrying its confidence."""
    if min_confidence <= 0:
        return findings
    values = confidences(findings, nlp)
    return [f if value is None else replace(f, confidence=round(value, 4))
            for f, value in zip(findings, values) if value is None or value >= min_confidence]
