"""The shipped model: loads offline from the repository and gets clear cases right."""

from __future__ import annotations

import json
import os

import pytest

from qa.conflicts.evaluate import evaluate_pairs, load_pairs
from qa.conflicts.rules import RuleScorer
from qa.conflicts.scorers import CombinedScorer
from qa.conflicts.types import ClauseText, ConflictKind
from qa.nli.model import DEFAULT_MODEL_DIR, load_model
from qa.nli.saving import folder_megabytes
from qa.nli.scorer import CrossEncoderScorer

pytestmark = pytest.mark.model

CONFLICTS = [
    (
        "The Parties shall retain the information for five years.",
        "The Parties shall not retain the information.",
    ),
    (
        "The Receiving Party shall not release Intelligence to a Third Party except with the "
        "prior written consent of the Originating Party.",
        "The Receiving Party may release Intelligence to a Third Party without the consent of "
        "the Originating Party.",
    ),
]
AGREEMENTS = [
    (
        "The Parties shall retain the information for five years.",
        "The Parties must keep the information for five years.",
    ),
    (
        "Each Party shall notify the other of a security incident within 72 hours.",
        "Each Party shall inform the other of a security incident within three days.",
    ),
    (
        "The Parties shall retain the information for five years.",
        "Decisions of the Joint Committee shall be taken by consensus.",
    ),
]


@pytest.fixture(scope="module")
def scorer() -> CrossEncoderScorer:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    scorer = CrossEncoderScorer()
    scorer.predict([("warm", "up")])
    return scorer


def test_folder_is_small_and_described() -> None:
    assert folder_megabytes(DEFAULT_MODEL_DIR) <= 50
    settings = json.loads((DEFAULT_MODEL_DIR / "accord.json").read_text())
    assert settings["labels"] == ["contradiction", "entailment", "neutral"]
    assert (DEFAULT_MODEL_DIR / "MODEL_CARD.md").is_file()


def test_loads_once_in_fp32(scorer: CrossEncoderScorer) -> None:
    loaded = load_model("default")
    assert loaded is load_model(str(DEFAULT_MODEL_DIR))
    assert str(loaded.model.dtype) == "torch.float32"
    assert loaded.columns == (0, 1, 2)


@pytest.mark.parametrize(("a", "b"), CONFLICTS)
def test_flags_clear_conflicts(scorer: CrossEncoderScorer, a: str, b: str) -> None:
    verdict = scorer.score(ClauseText(a), ClauseText(b))
    assert verdict.conflict, verdict.explanation
    assert verdict.kind is ConflictKind.SEMANTIC
    assert verdict.explanation.startswith(
        "possible conflict — review: the model rates these as contradictory (p="
    )


@pytest.mark.parametrize(("a", "b"), AGREEMENTS)
def test_clears_paraphrases_and_unrelated_clauses(
    scorer: CrossEncoderScorer, a: str, b: str
) -> None:
    verdict = scorer.score(ClauseText(a), ClauseText(b))
    assert not verdict.conflict, verdict.explanation


def test_predict_gives_probabilities(scorer: CrossEncoderScorer) -> None:
    probs = scorer.predict(CONFLICTS)
    assert probs.shape == (2, 3)
    assert abs(float(probs.sum()) - 2.0) < 1e-4
    assert (probs.argmax(axis=1) == 0).all()


def test_combined_beats_the_rules_on_the_labelled_pairs() -> None:
    """Issue C's labelled pairs (never trained on): the shipped model adds to the rules."""
    pairs = load_pairs()
    rules = evaluate_pairs(RuleScorer(), pairs).overall
    combined = evaluate_pairs(CombinedScorer(RuleScorer(), CrossEncoderScorer(review=True)), pairs)
    # Rules alone: tp 86, fp 1 of 174 pairs (F1 0.882); measured combined: tp 88, fp 2 (0.889).
    assert (rules.tp, rules.fp) == (86, 1)
    assert combined.overall.tp >= 88 and combined.overall.fp <= 2
    assert combined.overall.f1 is not None and rules.f1 is not None
    assert combined.overall.f1 > rules.f1
    # Every model-only flag is a semantic verdict with its driving sentence pair as evidence.
    semantic = [e for e in combined.errors if e.verdict.kind is ConflictKind.SEMANTIC]
    assert all(e.verdict.evidence[0] and e.verdict.evidence[1] for e in semantic)


def test_review_threshold_is_stricter_and_recorded() -> None:
    settings = json.loads((DEFAULT_MODEL_DIR / "accord.json").read_text(encoding="utf-8"))
    assert settings["review_threshold"] > settings["threshold"]
    assert settings["review_validation"]["precision"] >= settings["review_precision"] == 0.95
    assert CrossEncoderScorer(review=True).threshold == settings["review_threshold"]
    assert CrossEncoderScorer().threshold == settings["threshold"]
