"""Precision, recall and F1 of the contradiction class, and the thresholds chosen from them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

THRESHOLD_GRID = tuple(round(0.05 + 0.01 * i, 2) for i in range(91))  # 0.05 … 0.95


@dataclass(frozen=True)
class BinaryScores:
    """Contradiction (positive) against the rest, at one threshold."""

    precision: float
    recall: float
    f1: float
    positives: int
    negatives: int

    def as_dict(self) -> dict[str, float | int]:
        """Rounded for JSON and the model card."""
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(self).items()}


def binary_scores(truth: Sequence[bool], predicted: Sequence[bool]) -> BinaryScores:
    """P/R/F1 of the positive class (0.0 where undefined)."""
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    positives = sum(truth)
    return BinaryScores(precision, recall, f1, positives, len(truth) - positives)


def best_threshold(truth: Sequence[bool], scores: Sequence[float]) -> tuple[float, BinaryScores]:
    """The grid threshold with the highest F1 (the higher threshold on ties: fewer flags)."""
    best = (THRESHOLD_GRID[0], binary_scores(truth, [s >= THRESHOLD_GRID[0] for s in scores]))
    for threshold in THRESHOLD_GRID[1:]:
        result = binary_scores(truth, [s >= threshold for s in scores])
        if result.f1 >= best[1].f1:
            best = (threshold, result)
    return best


def precise_threshold(
    truth: Sequence[bool], scores: Sequence[float], precision: float
) -> tuple[float, BinaryScores]:
    """The lowest grid threshold whose precision reaches `precision` (else the top of the grid).

    Extends the grid up to 0.99: a model that is confident on easy in-domain pairs needs it.
    """
    grid = sorted({*THRESHOLD_GRID, *(round(0.96 + 0.01 * i, 2) for i in range(4))})
    for threshold in grid:
        result = binary_scores(truth, [s >= threshold for s in scores])
        if result.precision >= precision:
            return threshold, result
    return grid[-1], binary_scores(truth, [s >= grid[-1] for s in scores])


def accuracy(truth: Sequence[int], predicted: Sequence[int]) -> float:
    """Share of exact matches (0.0 for no items)."""
    return sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(truth) if truth else 0.0
