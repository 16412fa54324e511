"""Labelled question files: parts that must all be found, alternatives, types and splits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.evaluation.questions import (
    QuestionResult,
    is_complete,
    judge,
    load_questions,
    score_questions,
)
from qa.records import Answer, MatchStrength, Passage

NATO = "The present Agreement may be denounced after four years."
QATAR = "Either Party may terminate this Agreement by six months written notice."


def passage(rank: int, source: str, text: str) -> Passage:
    return Passage(rank, f"c{rank}", "d", "T", source, "Article 1", text, 0.5, MatchStrength.STRONG)


def write(tmp_path: Path, *records: dict[str, object]) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


COMPARISON = {
    "id": "Q1",
    "question": "How do NATO and Qatar differ on walking away?",
    "type": "comparison",
    "split": "test",
    "answers": [
        {"file": "nato.md", "text": "may be denounced after four years"},
        {
            "file": "qatar.md",
            "text": "by six months written notice",
            "or": [{"file": "qatar.md", "text": "terminate this agreement"}],
        },
    ],
}


def test_a_comparison_needs_a_passage_of_each_agreement(tmp_path: Path) -> None:
    (question,) = load_questions(write(tmp_path, COMPARISON))
    assert (question.kind, question.split, question.match, len(question.answers)) == (
        "comparison",
        "test",
        "all",
        2,
    )
    one = Answer("q", "", False, (passage(1, "/x/nato.md", NATO),))
    both = Answer("q", "", False, (passage(1, "other.md", QATAR), passage(2, "nato.md", NATO)))
    assert not is_complete(one, question)
    assert not is_complete(both, question)  # the Qatar text came from another file
    both = Answer("q", "", False, (passage(1, "qatar.md", QATAR), passage(2, "nato.md", NATO)))
    assert is_complete(both, question)
    result = judge(one, question, 1.0)
    assert (result.rank, result.complete, result.found_parts, result.parts) == (1, False, 1, 2)


def test_alternatives_and_any_match(tmp_path: Path) -> None:
    anyone = {**COMPARISON, "id": "Q2", "match": "any"}
    (question,) = load_questions(write(tmp_path, anyone))
    alternative = passage(1, "qatar.md", "Either Party may TERMINATE this   Agreement.")
    assert is_complete(Answer("q", "", False, (alternative,)), question)


def test_splits_and_unanswerable_questions(tmp_path: Path) -> None:
    unanswerable = {"id": "Q3", "question": "Who pays per diem?", "answers": [], "split": "dev"}
    path = write(tmp_path, COMPARISON, unanswerable)
    assert [q.id for q in load_questions(path, split="dev")] == ["Q3"]
    (dev,) = load_questions(path, split="dev")
    assert (dev.answerable, dev.kind) == (False, "unanswerable")


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "Q", "question": "?", "answerable": True, "answers": []}, "answerable but no"),
        (
            {"id": "Q", "question": "?", "answers": [{"file": "a.md"}]},
            "an answer needs a 'file' and a 'text'",
        ),
        ({**COMPARISON, "match": "some"}, "match 'some' is not one of all, any"),
    ],
)
def test_bad_lines_are_named(tmp_path: Path, record: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=rf"questions.jsonl:1: {message}"):
        load_questions(write(tmp_path, record))


def test_scores_count_complete_answers_per_type() -> None:
    def result(id_: str, kind: str, complete: bool, abstained: bool) -> QuestionResult:
        answerable = kind != "unanswerable"
        return QuestionResult(
            id_, answerable, 1 if complete else None, abstained, 0.5, 10.0,
            complete=complete, kind=kind, found_parts=2 if complete else 1, parts=2,
        )  # fmt: skip

    scores = score_questions(
        [
            result("a", "comparison", True, False),
            result("b", "comparison", False, False),
            result("c", "lookup", True, True),
            result("d", "unanswerable", False, True),
            result("e", "unanswerable", False, False),
        ]
    )
    assert (scores.recall, scores.wrong_abstentions, scores.right_abstentions) == (
        2 / 3,
        1 / 3,
        0.5,
    )
    assert scores.recall_by_kind == (("comparison", 1, 2), ("lookup", 1, 1))
    assert scores.part_recall == 5 / 6
