"""The clause pairs written for training: checked on load, read both ways when symmetric, and
independent of every evaluation set."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from qa.nli.examples import NliLabel
from qa.nli.generated import fixture_texts
from qa.nli.written_pairs import KINDS, WRITTEN_PAIRS, WrittenPairError, load_written, written_pairs
from tests.conftest import FIXTURES

EVALUATION_SETS = ("treaty_pairs.jsonl", "conflict_pairs.jsonl", "agreement_differences.jsonl")
RUN = 10  # words in a row a training clause may not share with an evaluation clause


def write(path: Path, *rows: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_symmetric_pairs_are_read_both_ways(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pairs.jsonl",
        {"id": "x1", "a": "A shall.", "b": "A shall not.", "label": "contradiction",
         "kind": "modal"},
        {"id": "x2", "a": "Six months.", "b": "Half a year.", "label": "entailment",
         "kind": "numeric"},
    )  # fmt: skip
    examples = written_pairs(path, repeats=1)
    assert [(e.premise, e.hypothesis, e.label, e.group, e.recipe) for e in examples] == [
        ("A shall.", "A shall not.", NliLabel.CONTRADICTION, "written:x1", "modal"),
        ("A shall not.", "A shall.", NliLabel.CONTRADICTION, "written:x1", "modal"),
        ("Six months.", "Half a year.", NliLabel.ENTAILMENT, "written:x2", "numeric"),
    ]
    assert {e.source for e in examples} == {"written"}
    assert written_pairs(path, repeats=3) == [*examples[:2]] * 3 + [examples[2]] * 3


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "pairs.jsonl:1: not JSON"),
        ('{"id": "x", "a": "A", "b": " ", "label": "neutral", "kind": "modal"}', "'b' missing"),
        ('{"id": "x", "a": "A", "b": "B", "label": "conflict", "kind": "modal"}', "unknown label"),
        ('{"id": "x", "a": "A", "b": "B", "label": "neutral", "kind": "tone"}', "unknown kind"),
    ],
)
def test_a_bad_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(WrittenPairError, match=re.escape(message)):
        load_written(path)


def _runs(text: str, run: int = RUN) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + run]) for i in range(len(words) - run + 1)}


def test_the_shipped_pairs_are_varied_and_independent_of_the_evaluation_sets() -> None:
    rows = load_written()
    assert len(rows) >= 550 and len({r["id"] for r in rows}) == len(rows)
    kinds = Counter(r["kind"] for r in rows)
    assert set(kinds) == KINDS and min(kinds.values()) >= 40
    share = sum(r["label"] == "contradiction" for r in rows) / len(rows)
    assert 0.35 <= share <= 0.6
    quoted = fixture_texts(FIXTURES, EVALUATION_SETS)
    evaluation = {run for text in quoted for run in _runs(text)}
    shared = [r["id"] for r in rows if (_runs(r["a"]) | _runs(r["b"])) & evaluation]
    assert shared == []
    assert WRITTEN_PAIRS.parent == FIXTURES


def test_no_clause_is_copied_from_the_real_agreements(shared_data: Path) -> None:
    treaties: set[tuple[str, ...]] = set()
    for path in sorted((shared_data / "agreements").glob("*.md")):
        treaties |= _runs(path.read_text(encoding="utf-8"), 12)
    copied = [r["id"] for r in load_written() if (_runs(r["a"], 12) | _runs(r["b"], 12)) & treaties]
    assert copied == []
