"""The shipped model: loads offline from the repository and gets clear cases right."""

from __future__ import annotations

import json
import os

import pytest

from qa.conflicts.evaluate import TREATY_PAIRS, evaluate_pairs, load_pairs
from qa.conflicts.rules import RuleScorer
from qa.conflicts.scorers import CombinedScorer
from qa.conflicts.types import ClauseText, ConflictKind
from qa.nli.model import DEFAULT_MODEL_DIR, load_model
from qa.nli.saving import folder_megabytes
from qa.nli.scorer import CrossEncoderScorer

pytestmark = pytest.mark.model

RETAIN = (
    "The Parties shall retain the information for five years.",
    "The Parties shall not retain the information.",
)
RELEASE = (
    "The Receiving Party shall not release Intelligence to a Third Party except with the "
    "prior written consent of the Originating Party.",
    "The Receiving Party may release Intelligence to a Third Party without the consent of "
    "the Originating Party.",
)
CONFLICTS = [
    pytest.param(
        *RETAIN,
        marks=pytest.mark.xfail(
            strict=True,
            reason="known miss of the model trained with the written pairs: p=0.16, neutral "
            "0.73 (the one before flagged it); the rules flag it, so the product does (below)",
        ),
    ),
    RELEASE,
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


def test_the_rules_flag_what_the_model_misses(scorer: CrossEncoderScorer) -> None:
    combined = CombinedScorer(RuleScorer(), CrossEncoderScorer(review=True))
    verdict = combined.score(ClauseText(RETAIN[0]), ClauseText(RETAIN[1]))
    assert verdict.conflict and verdict.kind is not ConflictKind.SEMANTIC, verdict.explanation


def test_predict_gives_probabilities(scorer: CrossEncoderScorer) -> None:
    probs = scorer.predict([RETAIN, RELEASE])
    assert probs.shape == (2, 3)
    assert abs(float(probs.sum()) - 2.0) < 1e-4
    assert probs[1].argmax() == 0  # contradiction (RETAIN: see the known miss above)


def test_combined_on_the_treaty_pairs_and_the_labelled_pairs() -> None:
    """Never trained on; the threshold beside the rules was chosen on the dev split only."""
    combined = CombinedScorer(RuleScorer(), CrossEncoderScorer(review=True))
    test = evaluate_pairs(combined, load_pairs(TREATY_PAIRS, split="test")).overall
    dev = evaluate_pairs(combined, load_pairs(TREATY_PAIRS, split="dev")).overall
    labelled = evaluate_pairs(combined, load_pairs()).overall
    # Measured: test P 0.714 R 0.455 F1 0.556 (20 tp, 8 fp); dev P 0.889 R 0.696 F1 0.780;
    # labelled P 0.952 R 0.731 F1 0.827. The gap between dev and test is the rules': they were
    # built on dev (rules alone: dev F1 0.704, test 0.214), the model was not (README).
    assert test.f1 is not None and test.f1 >= 0.53 and test.tp >= 19 and test.fp <= 9
    assert dev.f1 is not None and dev.f1 >= 0.75
    assert labelled.f1 is not None and labelled.f1 >= 0.80 and labelled.fp <= 6
    model = evaluate_pairs(CrossEncoderScorer(), load_pairs(TREATY_PAIRS, split="test")).overall
    assert model.f1 is not None and model.f1 >= 0.69  # measured 0.721 (P 0.738, R 0.705)


def test_model_flags_beside_the_rules_are_semantic_with_evidence() -> None:
    combined = CombinedScorer(RuleScorer(), CrossEncoderScorer(review=True))
    report = evaluate_pairs(combined, load_pairs(TREATY_PAIRS, split="dev"))
    semantic = [e for e in report.errors if e.verdict.kind is ConflictKind.SEMANTIC]
    assert semantic and all(e.verdict.evidence and all(e.verdict.evidence) for e in semantic)


def test_thresholds_are_recorded_with_their_sources() -> None:
    settings = json.loads((DEFAULT_MODEL_DIR / "accord.json").read_text(encoding="utf-8"))
    assert settings["review_threshold"] > settings["threshold"]
    assert settings["review_validation"]["precision"] >= settings["review_precision"] == 0.95
    assert settings["combined_threshold"] == 0.95
    assert (
        settings["combined_dev"]["f1"] >= 0.75
        and "dev split" in settings["combined_threshold_source"]
    )
    assert CrossEncoderScorer(review=True).threshold == settings["combined_threshold"]
    assert CrossEncoderScorer().threshold == settings["threshold"]
