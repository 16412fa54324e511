"""The labelled pair set, and RuleScorer's measured floors on it.

The set is for evaluation only: no scorer may be trained on it.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from qa.conflicts.evaluate import PAIR_SET, PairReport, evaluate_pairs, load_pairs
from qa.conflicts.rules import RuleScorer
from qa.conflicts.types import ConflictKind

KINDS = {kind.value for kind in ConflictKind} | {"none"}
MINIMUM_CONFLICTS = {
    "numeric": 25,
    "modal": 15,
    "exception": 12,
    "classification": 10,
    "jurisdiction": 10,
    "party": 10,
    "semantic": 12,
}


@pytest.fixture(scope="module")
def report() -> PairReport:
    return evaluate_pairs(RuleScorer(), load_pairs())


def test_lines_follow_the_format() -> None:
    rows = [json.loads(line) for line in PAIR_SET.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 174
    for number, row in enumerate(rows, 1):
        assert row["id"] == f"P{number:03d}"
        assert set(row) - {"subtle"} == {"id", "a", "b", "conflict", "kind", "note"}
        assert row["kind"] in KINDS
        assert isinstance(row["conflict"], bool)
        assert row["a"].strip() and row["b"].strip() and row["a"] != row["b"]


def test_composition() -> None:
    pairs = load_pairs()
    conflicts = Counter(pair.kind for pair in pairs if pair.conflict)
    for kind, minimum in MINIMUM_CONFLICTS.items():
        assert conflicts[kind] >= minimum, kind
    non_conflicts = [pair for pair in pairs if not pair.conflict]
    assert len(non_conflicts) == 66
    assert sum(pair.subtle for pair in non_conflicts) == 29  # near-misses and compatible values
    assert len({(pair.a.text, pair.b.text) for pair in pairs}) == len(pairs)


def test_overall_floors(report: PairReport) -> None:
    # Measured: P 0.987, R 0.704, F1 0.822 (76 tp, 1 fp, 32 fn, 65 tn). Recall fell from 0.796
    # when two deadlines on one duty ("within 24 hours" / "within 72 hours") became a difference
    # (both can be met by the shorter), as the independently written treaty pairs label them.
    assert report.overall.precision is not None and report.overall.precision >= 0.95
    assert report.overall.recall is not None and report.overall.recall >= 0.68
    assert report.overall.fp <= 2
    assert report.kind_agreement is not None and report.kind_agreement >= 0.9  # measured 0.987


@pytest.mark.parametrize(
    ("kind", "floor"),
    [
        ("numeric", 0.6),  # measured 19/30: 10 of the 11 misses are two deadlines, now differences
        ("modal", 0.65),  # measured 12/17
        ("exception", 0.85),  # measured 12/13
        ("classification", 0.9),  # measured 11/11
        ("jurisdiction", 0.9),  # measured 12/12
        ("party", 0.75),  # measured 10/12
    ],
)
def test_recall_floors_per_kind(report: PairReport, kind: str, floor: float) -> None:
    recall = report.by_kind[kind].recall
    assert recall is not None and recall >= floor


def test_rules_recall_on_kinds_they_cover(report: PairReport) -> None:
    counts = [c for kind, c in report.by_kind.items() if kind not in ("semantic", "none")]
    tp, fn = sum(c.tp for c in counts), sum(c.fn for c in counts)
    assert tp / (tp + fn) >= 0.78  # measured 76/95 = 0.800


def test_two_deadlines_on_one_duty_are_differences_not_flags(report: PairReport) -> None:
    """The old labels count these as conflicts; the rules explain them as differences."""
    deadlines = [
        error
        for error in report.errors
        if error.pair.kind == "numeric" and error.verdict.score == 0.45
    ]
    assert len(deadlines) == 10  # P002 P005 P006 P008 P011 P013 P017 P019 P021 P027
    assert all("the values differ; both can be met" in e.verdict.explanation for e in deadlines)


def test_semantic_pairs_are_left_to_the_learned_scorer(report: PairReport) -> None:
    assert report.by_kind["semantic"].tp <= 2  # measured 0: rules have nothing to key on
