"""`accord ask --json` and the JSONL batch mode, end to end in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ingest.settings import Settings
from qa.records import NOT_ANSWERED
from tests.conftest import REPO

ANSWERABLE = "Who chairs the Intelligence Steering Board?"
OFF_TOPIC = "Can you recommend a good recipe for mushroom risotto?"
SOURCE = "mda-intelligence-sharing-agreement.pdf"
PASSAGE_KEYS = {
    "rank",
    "doc_id",
    "clause_id",
    "title",
    "source",
    "section",
    "page",
    "page_label",
    "text",
    "score",
    "strength",
    "highlights",
    "classification",
    "citation",
}


def accord(*args: str, index: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI with the hashing embedder and rules-only conflict checks."""
    env = {
        **os.environ,
        "ACCORD_MODEL": "hashing",
        "ACCORD_NLI_MODEL": "none",
        "ACCORD_INDEX": str(index),
    }
    return subprocess.run(
        [sys.executable, "-m", "qa.cli", "ask", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_ask_json_returns_cited_highlighted_passages(corpus_hashing: Settings) -> None:
    result = accord(ANSWERABLE, "--json", index=corpus_hashing.index.path)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["question"] == ANSWERABLE
    assert answer["abstained"] is False
    assert answer["answer"] != NOT_ANSWERED and "[1]" in answer["answer"]
    assert [p["rank"] for p in answer["passages"]] == [1, 2, 3, 4, 5]
    first = answer["passages"][0]
    assert set(first) == PASSAGE_KEYS
    assert Path(first["source"]).name == SOURCE
    assert "chair" in first["text"].lower()
    start, end = first["highlights"][0]
    assert 0 <= start < end <= len(first["text"])
    assert first["citation"].startswith(first["title"])
    assert answer["evidence"] >= 0.173  # the hashing embedder's abstention threshold


def test_ask_json_abstains_on_an_off_topic_question(corpus_hashing: Settings) -> None:
    result = accord(OFF_TOPIC, "--json", "--top-k", "2", index=corpus_hashing.index.path)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["abstained"] is True
    assert answer["answer"] == NOT_ANSWERED
    assert len(answer["passages"]) == 2  # the closest passages are still shown


def test_batch_mode_answers_one_line_per_question_in_order(
    corpus_hashing: Settings, tmp_path: Path
) -> None:
    questions = tmp_path / "questions.jsonl"
    lines: list[dict[str, str | int]] = [
        {"id": "first", "question": ANSWERABLE},
        {"id": 2, "question": OFF_TOPIC},
        {"id": "third", "question": "How fast must a breach be reported to Aldoria?"},
    ]
    text = "\n".join(json.dumps(line) for line in lines)
    questions.write_text(text + "\n\n", encoding="utf-8")
    result = accord("--questions", str(questions), "--json", index=corpus_hashing.index.path)
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in answers] == ["first", "2", "third"]
    assert [a["question"] for a in answers] == [line["question"] for line in lines]
    assert [a["abstained"] for a in answers[:2]] == [False, True]
    assert all(len(a["passages"]) == 5 for a in answers)


def test_batch_mode_names_the_bad_line(corpus_hashing: Settings, tmp_path: Path) -> None:
    questions = tmp_path / "questions.jsonl"
    questions.write_text('{"id": "a", "question": "Who?"}\n{"id": "b"}\n', encoding="utf-8")
    result = accord("--questions", str(questions), "--json", index=corpus_hashing.index.path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"{questions}:2:" in result.stderr
    assert "Traceback" not in result.stderr


def test_question_and_batch_file_together_is_a_usage_error(
    corpus_hashing: Settings, tmp_path: Path
) -> None:
    result = accord(
        ANSWERABLE, "--questions", str(tmp_path / "q.jsonl"), index=corpus_hashing.index.path
    )
    assert result.returncode == 2
    assert "either a QUESTION or --questions FILE" in result.stderr
