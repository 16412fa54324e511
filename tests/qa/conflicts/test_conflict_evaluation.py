"""evaluate_pairs and load_pairs with a scripted scorer and tiny files."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from qa.conflicts.evaluate import Counts, LabelledPair, evaluate_pairs, load_pairs
from qa.conflicts.types import ClauseText, ConflictKind, Verdict


class ScriptedScorer:
    """Flags a pair when side A contains "X"; reports the kind written after it."""

    def score(self, a: ClauseText, b: ClauseText) -> Verdict:
        if "X" not in a.text:
            return Verdict(conflict=False, score=0.1)
        kind = ConflictKind(a.text.split("X ")[1]) if "X " in a.text else None
        return Verdict(conflict=True, score=0.9, kind=kind)

    def score_many(self, pairs: Sequence[tuple[ClauseText, ClauseText]]) -> list[Verdict]:
        return [self.score(a, b) for a, b in pairs]


def pair(name: str, a: str, conflict: bool, kind: str, subtle: bool = False) -> LabelledPair:
    return LabelledPair(name, ClauseText(a), ClauseText("b"), conflict, kind, subtle=subtle)


def test_counts() -> None:
    counts = (
        Counts().add(True, True).add(True, False).add(False, True).add(False, False).add(True, True)
    )
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (2, 1, 1, 1)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(2 / 3)
    assert counts.f1 == pytest.approx(2 / 3)
    assert (
        Counts(tn=3).precision is None and Counts(tn=3).recall is None and Counts(tn=3).f1 is None
    )


def test_evaluate_pairs() -> None:
    pairs = [
        pair("1", "X numeric", True, "numeric"),
        pair("2", "X modal", True, "numeric", subtle=True),  # flagged, wrong kind
        pair("3", "plain", True, "modal"),  # missed
        pair("4", "X party", False, "party", subtle=True),  # false flag
        pair("5", "plain", False, "none"),
    ]
    report = evaluate_pairs(ScriptedScorer(), pairs)
    assert report.overall == Counts(tp=2, fp=1, fn=1, tn=1)
    assert report.by_kind == {
        "numeric": Counts(tp=2),
        "modal": Counts(fn=1),
        "party": Counts(fp=1),
        "none": Counts(tn=1),
    }
    assert report.subtle == Counts(tp=1, fp=1)
    assert report.kind_agreement == 0.5
    assert [(e.pair.id, e.error) for e in report.errors] == [("3", "missed"), ("4", "false flag")]
    assert report.pairs_per_second > 0
    lines = report.summary().splitlines()
    assert lines[1] == "overall         P 0.667  R 0.667  F1 0.667  (tp 2 fp 1 fn 1 tn 1)"
    assert lines[-1] == "kind agreement on flagged conflicts: 0.500"
    assert "none            P   -    R   -    F1   -    (tp 0 fp 0 fn 0 tn 1)" in lines


def test_load_pairs_reads_both_formats(tmp_path: Path) -> None:
    rows = [
        {
            "id": "P1",
            "a": "one",
            "b": "two",
            "conflict": True,
            "kind": "numeric",
            "note": "n",
            "subtle": True,
        },
        {
            "id": "C1",
            "expected": "amended",
            "kind": "party",
            "a": {"file": "a.md", "section": "Article 2", "text": "three"},
            "b": {"text": "four"},
        },
        {"id": "N1", "expected": "consistent", "a": "five", "b": "six"},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n", encoding="utf-8")
    first, second, third = load_pairs(path)
    assert first == LabelledPair(
        "P1",
        ClauseText("one", "clause A"),
        ClauseText("two", "clause B"),
        True,
        "numeric",
        "n",
        True,
    )
    assert second.a == ClauseText("three", "a.md, Article 2")
    assert second.b == ClauseText("four", "clause B")
    assert (second.conflict, second.kind) == (True, "party")
    assert (third.conflict, third.kind) == (False, "none")


def test_amended_pairs_can_count_as_consistent(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps({"id": "A1", "expected": "amended", "a": "x", "b": "y"}), "utf-8")
    assert load_pairs(path)[0].conflict
    assert not load_pairs(path, amended_is_conflict=False)[0].conflict
