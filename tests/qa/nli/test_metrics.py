"""Contradiction-class P/R/F1 and the threshold search."""

from __future__ import annotations

from qa.nli.metrics import accuracy, best_threshold, binary_scores


def test_binary_scores_exact_values() -> None:
    scores = binary_scores([True, True, False, False], [True, False, True, False])
    assert (scores.precision, scores.recall, scores.f1) == (0.5, 0.5, 0.5)
    assert (scores.positives, scores.negatives) == (2, 2)


def test_binary_scores_without_predictions_are_zero() -> None:
    assert binary_scores([True], [False]).f1 == 0.0


def test_best_threshold_separates_and_prefers_the_higher_tie() -> None:
    threshold, scores = best_threshold([True, True, False], [0.9, 0.7, 0.3])
    assert scores.f1 == 1.0
    assert threshold == 0.7


def test_accuracy() -> None:
    assert accuracy([0, 1, 2, 2], [0, 1, 1, 2]) == 0.75
    assert accuracy([], []) == 0.0
