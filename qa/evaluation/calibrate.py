"""Choose the abstention threshold from labelled questions, and say honestly how it does.

The engine abstains when the evidence is below the threshold. Two objectives:

- capped (the default, `max_wrong`): abstain on as many unanswerable questions as possible
  while abstaining on at most that share of answerable ones. A wrong abstention tells the
  analyst "the documents do not answer" when they do, so it is kept rare.
- Youden's J (`max_wrong=None`): unanswerable share abstained on minus answerable share
  abstained on (balanced accuracy).

Candidates are the midpoints between neighbouring evidence values; among equally good ones
the fewest wrong abstentions, then the widest gap, win. Cross-validation chooses the
threshold on four fifths of the questions and applies it to the fifth left out.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

FOLDS = 5
# Share of answerable questions the capped objective may abstain on.
MAX_WRONG = 0.05


@dataclass(frozen=True)
class Rates:
    """Abstention rates at some threshold."""

    wrong: float  # share of answerable questions abstained on
    right: float  # share of unanswerable questions abstained on


@dataclass(frozen=True)
class Calibration:
    """The chosen threshold with its in-sample and cross-validated abstention rates."""

    threshold: float
    in_sample: Rates
    cross_validated: Rates
    fold_thresholds: tuple[float, ...]


def abstention_rates(
    evidence: Sequence[float], answerable: Sequence[bool], threshold: float
) -> Rates:
    """How often a threshold abstains on answerable and on unanswerable questions."""
    wrong = [e < threshold for e, a in zip(evidence, answerable, strict=True) if a]
    right = [e < threshold for e, a in zip(evidence, answerable, strict=True) if not a]
    return Rates(sum(wrong) / max(len(wrong), 1), sum(right) / max(len(right), 1))


def candidate_thresholds(evidence: Sequence[float]) -> list[tuple[float, float]]:
    """(threshold, gap) pairs: midpoints between neighbouring values, and just outside."""
    values = sorted(set(evidence))
    if not values:
        return [(0.0, 0.0)]
    pairs = [((a + b) / 2, b - a) for a, b in itertools.pairwise(values)]
    return [(values[0] - 1e-6, 0.0), *pairs, (values[-1] + 1e-6, 0.0)]


def best_threshold(
    evidence: Sequence[float], answerable: Sequence[bool], max_wrong: float | None = MAX_WRONG
) -> float:
    """The best threshold under the capped objective, or Youden's J when `max_wrong` is None."""
    best = (-2.0, -2.0, -1.0, 0.0)
    for threshold, gap in candidate_thresholds(evidence):
        rates = abstention_rates(evidence, answerable, threshold)
        if max_wrong is None:
            gain = rates.right - rates.wrong
        elif rates.wrong <= max_wrong + 1e-9:
            gain = rates.right
        else:
            continue
        best = max(best, (round(gain, 9), -rates.wrong, gap, threshold))
    return best[3]


def folds_of(answerable: Sequence[bool], folds: int = FOLDS) -> list[int]:
    """A fold number per question, stratified: each class dealt round-robin in order."""
    assigned = [0] * len(answerable)
    counters = {True: 0, False: 0}
    for index, label in enumerate(answerable):
        assigned[index] = counters[label] % folds
        counters[label] += 1
    return assigned


def calibrate(
    evidence: Sequence[float],
    answerable: Sequence[bool],
    max_wrong: float | None = MAX_WRONG,
    folds: int = FOLDS,
) -> Calibration:
    """The best threshold on all questions and its cross-validated abstention rates."""
    threshold = best_threshold(evidence, answerable, max_wrong)
    fold = folds_of(answerable, folds)
    held_out: list[bool] = [False] * len(evidence)
    chosen = []
    for number in range(folds):
        train = [i for i in range(len(evidence)) if fold[i] != number]
        test = [i for i in range(len(evidence)) if fold[i] == number]
        if not test:
            continue
        local = best_threshold(
            [evidence[i] for i in train], [answerable[i] for i in train], max_wrong
        )
        chosen.append(local)
        for i in test:
            held_out[i] = evidence[i] < local
    wrong = [h for h, a in zip(held_out, answerable, strict=True) if a]
    right = [h for h, a in zip(held_out, answerable, strict=True) if not a]
    return Calibration(
        threshold,
        abstention_rates(evidence, answerable, threshold),
        Rates(sum(wrong) / max(len(wrong), 1), sum(right) / max(len(right), 1)),
        tuple(chosen),
    )
