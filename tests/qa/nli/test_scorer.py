"""CrossEncoderScorer without a model: sentence pairs, evidence, wording, label mapping."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from qa.conflicts.types import ClauseText, ConflictKind, PairScorer
from qa.nli.model import ModelUnavailable, label_columns, resolve_model
from qa.nli.scorer import CrossEncoderScorer, candidate_pairs


class NegationScorer(CrossEncoderScorer):
    """p(contradiction) = 0.9 when the sides differ only by a "not", else 0.1."""

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        rows = []
        for a, b in pairs:
            contra = 0.9 if a != b and a.replace(" not", "") == b.replace(" not", "") else 0.1
            rows.append([contra, 1 - contra, 0.0])
        return np.array(rows, dtype=np.float32)


def test_candidate_pairs_whole_then_sentences() -> None:
    assert candidate_pairs("One sentence here.", "Another one.") == [
        ("One sentence here.", "Another one.")
    ]
    pairs = candidate_pairs("First rule applies. Second rule applies.", "Third rule.")
    assert pairs[0] == ("First rule applies. Second rule applies.", "Third rule.")
    assert pairs[1:] == [
        ("First rule applies.", "Third rule."),
        ("Second rule applies.", "Third rule."),
    ]


def test_candidate_pairs_are_the_whole_pair_and_the_most_overlapping_sentences() -> None:
    many = " ".join(f"Sentence number {i} is here." for i in range(10))
    assert len(candidate_pairs(many, many)) == 1 + 4
    a = "Visits need notice. The Receiving Party shall retain reports for five years."
    b = "Costs are shared. Reports may be retained by the Receiving Party for ten years."
    pairs = candidate_pairs(a, b)
    assert pairs[0] == (a, b)
    assert pairs[1] == (
        "The Receiving Party shall retain reports for five years.",
        "Reports may be retained by the Receiving Party for ten years.",
    )


def test_score_uses_the_strongest_sentence_pair_as_evidence() -> None:
    scorer = NegationScorer(threshold=0.5)
    a = ClauseText(
        "Records are kept in a registry. The Parties shall retain the data.",
        "Agreement A, Article 7",
    )
    b = ClauseText("The Parties shall not retain the data.", "Agreement B, Article 4")
    verdict = scorer.score(a, b)
    assert verdict.conflict and verdict.kind is ConflictKind.SEMANTIC
    assert verdict.score == pytest.approx(0.9)
    assert verdict.evidence == (
        "The Parties shall retain the data.",
        "The Parties shall not retain the data.",
    )
    assert verdict.explanation == (
        "possible conflict — review: the model rates these as contradictory (p=0.90): "
        "«The Parties shall retain the data.» (Agreement A, Article 7) vs "
        "«The Parties shall not retain the data.» (Agreement B, Article 4)"
    )


def test_score_many_keeps_order_and_clears_agreeing_pairs() -> None:
    scorer = NegationScorer(threshold=0.5)
    pairs = [
        (ClauseText("X shall apply."), ClauseText("X shall apply.")),
        (ClauseText("X shall apply."), ClauseText("X shall not apply.")),
    ]
    verdicts = scorer.score_many(pairs)
    assert [v.conflict for v in verdicts] == [False, True]
    assert verdicts[0].explanation.startswith("no conflict found by the model (p=0.10)")
    assert scorer.score_many([]) == []


def test_is_a_pair_scorer_and_loads_nothing_when_built() -> None:
    scorer = CrossEncoderScorer("/nonexistent/folder")
    assert isinstance(scorer, PairScorer)


def test_label_columns_by_name() -> None:
    assert label_columns({0: "contradiction", 1: "entailment", 2: "neutral"}) == (0, 1, 2)
    assert label_columns({0: "ENTAILMENT", 1: "NEUTRAL", 2: "CONTRADICTION"}) == (2, 0, 1)
    assert label_columns({0: "not_entailment", 1: "entailment", 2: "contradiction"}) == (2, 1, None)
    with pytest.raises(ModelUnavailable):
        label_columns({0: "LABEL_0", 1: "LABEL_1"})


def test_resolve_model() -> None:
    assert resolve_model("default").endswith("models/accord-nli-minilm")
    assert resolve_model("cross-encoder/nli-deberta-v3-base") == "cross-encoder/nli-deberta-v3-base"
