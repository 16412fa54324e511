"""`accord eval retrieval` and `accord eval questions` end to end with the hashing embedder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ingest.settings import Settings
from tests.conftest import REPO

DOCUMENTS = [
    ("d1", "Retention of exchanged intelligence", "Reports are destroyed after ten years."),
    ("d2", "Notification of security breaches", "A breach is reported within 72 hours."),
    ("d3", "Settlement of disputes", "Disputes are settled by negotiation between the Parties."),
]
QUERIES = [("q1", "when are reports destroyed"), ("q2", "how fast is a breach reported")]


def accord(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ACCORD_MODEL": "hashing", "ACCORD_NLI_MODEL": "none"}
    return subprocess.run(
        [sys.executable, "-m", "qa.cli", "eval", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def write_task(folder: Path) -> list[str]:
    corpus, queries, qrels = folder / "corpus.jsonl", folder / "queries.jsonl", folder / "q.tsv"
    corpus.write_text(
        "".join(json.dumps({"_id": i, "title": t, "text": x}) + "\n" for i, t, x in DOCUMENTS),
        encoding="utf-8",
    )
    queries.write_text(
        "".join(json.dumps({"_id": i, "text": t}) + "\n" for i, t in QUERIES), encoding="utf-8"
    )
    qrels.write_bytes(b"query-id\tcorpus-id\tscore\r\nq1\td1\t1\r\nq2\td2\t1\r\n")
    return ["--queries", str(queries), "--qrels", str(qrels), "--corpus", str(corpus)]


def test_eval_retrieval_indexes_once_and_scores_each_method(tmp_path: Path) -> None:
    task = write_task(tmp_path)
    work = tmp_path / "work"
    result = accord("retrieval", *task, "--work", str(work), "--fusion", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["queries"], report["documents"], report["model"]) == (2, 3, "hashing-384")
    assert set(report["methods"]) == {"dense", "bm25", "hybrid"}
    assert report["methods"]["bm25"]["ndcg@10"] == 1.0
    assert report["methods"]["hybrid"]["mrr"] == 1.0
    assert report["methods"]["hybrid"]["recall@100"] == 1.0
    assert "rrf k=60" in report["fusion"] and "blend w=0.5" in report["fusion"]
    assert sorted(p.name for p in (work / "docs").iterdir()) == ["d1.txt", "d2.txt", "d3.txt"]
    index = work / "index-hashing"
    generation = (index / "CURRENT").read_text(encoding="utf-8")
    again = accord("retrieval", *task, "--work", str(work), "--methods", "bm25")
    assert again.returncode == 0, again.stderr
    assert (index / "CURRENT").read_text(encoding="utf-8") == generation  # reused
    lines = again.stdout.splitlines()
    assert lines[0] == "hashing-384: 2 queries, 3 documents"
    assert lines[-1].split()[:5] == ["bm25", "1.0000", "1.0000", "1.0000", "1.0000"]


def test_eval_retrieval_rejects_an_unknown_method(tmp_path: Path) -> None:
    result = accord("retrieval", *write_task(tmp_path), "--methods", "dense,splade")
    assert result.returncode == 2
    assert "'splade' is not a valid Method" in result.stderr


def test_eval_questions_reports_and_calibrates(corpus_hashing: Settings) -> None:
    index = str(corpus_hashing.index.path)
    result = accord("questions", "--index", index, "--calibrate", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["threshold"] == 0.173
    assert (report["answerable"], report["unanswerable"]) == (72, 12)
    assert len(report["questions"]) == 84
    assert report["recall@5"] >= 0.72
    assert 0 < report["median_ms"] <= report["p95_ms"]
    calibration = report["calibration"]
    assert calibration["in_sample"]["abstained_wrongly"] <= 0.10
    assert len(calibration["fold_thresholds"]) == 5
    assert set(report["calibration_youden"]) == set(calibration)


def test_eval_questions_on_a_split_calibrates_on_the_other(
    tmp_path: Path, corpus_hashing: Settings
) -> None:
    """A question file with splits: figures on test, the threshold chosen on dev."""
    from qa.evaluation import DEFAULT_QUESTIONS

    lines = DEFAULT_QUESTIONS.read_text(encoding="utf-8").splitlines()
    split = [
        json.dumps({**json.loads(line), "split": "dev" if i % 2 else "test"})
        for i, line in enumerate(lines)
    ]
    questions = tmp_path / "split.jsonl"
    questions.write_text("\n".join(split) + "\n", encoding="utf-8")
    index = str(corpus_hashing.index.path)
    args = ("questions", "--questions", str(questions), "--index", index, "--split", "test")
    result = accord(*args, "--calibrate", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["split"], len(report["questions"])) == ("test", 42)
    assert report["calibration"]["chosen_on"] == "42 other questions (dev)"
    assert set(report["calibration"]["on_reported_split"]) == {
        "abstained_wrongly",
        "abstained_rightly",
    }
    assert "comparison" not in report["recall_by_type"]  # corpus questions have no types


def test_eval_questions_agreements_needs_the_shared_data(tmp_path: Path) -> None:
    result = accord("questions", "--set", "agreements", "--data", str(tmp_path / "none"))
    assert result.returncode == 2
    assert "the agreements set needs ../shared/data" in result.stderr
