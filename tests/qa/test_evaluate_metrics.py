"""Ranking metrics, calibration and BEIR loading on hand-made inputs."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from qa import beir
from qa.evaluation.calibrate import abstention_rates, best_threshold, calibrate, folds_of
from qa.evaluation.metrics import (
    ndcg_at,
    percentile,
    recall_at,
    reciprocal_rank,
    score_rankings,
)
from qa.evaluation.retrieval import documents_in_order


def test_ndcg_of_a_perfect_ranking_is_one() -> None:
    assert ndcg_at(["a", "b", "x"], {"a": 1, "b": 1}, 10) == 1.0


def test_ndcg_discounts_a_relevant_document_at_rank_two() -> None:
    # DCG = 1/log2(3); ideal DCG = 1/log2(2) = 1
    assert ndcg_at(["x", "a"], {"a": 1}, 10) == pytest.approx(1 / math.log2(3))


def test_ndcg_uses_graded_gains_and_the_cut_off() -> None:
    relevant = {"a": 2, "b": 1}
    # ranked b, a: DCG = 1 + 2/log2(3); ideal = 2 + 1/log2(3)
    expected = (1 + 2 / math.log2(3)) / (2 + 1 / math.log2(3))
    assert ndcg_at(["b", "a"], relevant, 10) == pytest.approx(expected)
    assert ndcg_at(["x", "b", "a"], relevant, 1) == 0.0


def test_ndcg_without_relevant_documents_is_zero() -> None:
    assert ndcg_at(["a"], {"a": 0}, 10) == 0.0


def test_recall_counts_relevant_documents_within_the_cut_off() -> None:
    ranked = ["x", "a", "y", "b"]
    relevant = {"a": 1, "b": 1, "c": 1, "z": 0}
    assert recall_at(ranked, relevant, 2) == pytest.approx(1 / 3)
    assert recall_at(ranked, relevant, 10) == pytest.approx(2 / 3)


def test_reciprocal_rank_of_the_first_relevant_document() -> None:
    assert reciprocal_rank(["x", "y", "a", "b"], {"a": 1, "b": 1}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x", "y", "a"], {"a": 1}, k=2) == 0.0
    assert reciprocal_rank([], {"a": 1}) == 0.0


def test_scores_average_over_judged_queries_and_count_missing_ones_as_empty() -> None:
    qrels = {"q1": {"a": 1}, "q2": {"b": 1}, "q3": {"c": 0}}
    scores = score_rankings({"q1": ["a"]}, qrels)
    assert scores.queries == 2  # q3 has no relevant document
    assert scores.ndcg_10 == 0.5
    assert scores.recall_10 == 0.5
    assert scores.recall_100 == 0.5
    assert scores.mrr == 0.5
    assert scores.as_dict()["ndcg@10"] == 0.5


def test_percentile_interpolates_between_closest_ranks() -> None:
    values = [10.0, 20.0, 30.0, 40.0]
    assert percentile(values, 0.5) == 25.0
    assert percentile(values, 0.95) == pytest.approx(38.5)
    assert percentile([], 0.5) == 0.0


def test_a_document_ranks_at_its_best_clause() -> None:
    corpus_of_row = ["d1", "d1", "d2", "d3"]
    assert documents_in_order([1, 0, 3, 2], corpus_of_row) == ["d1", "d3", "d2"]
    assert documents_in_order([1, 0, 3, 2], corpus_of_row, limit=2) == ["d1", "d3"]


def test_abstention_rates_split_by_answerability() -> None:
    evidence = [0.2, 0.6, 0.7, 0.3, 0.65]
    answerable = [True, True, True, False, False]
    rates = abstention_rates(evidence, answerable, 0.5)
    assert rates.wrong == pytest.approx(1 / 3)
    assert rates.right == 0.5


def test_best_threshold_separates_the_classes_in_the_widest_gap() -> None:
    evidence = [0.9, 0.8, 0.7, 0.3, 0.2]
    answerable = [True, True, True, False, False]
    assert best_threshold(evidence, answerable) == pytest.approx(0.5)


def test_the_cap_on_wrong_abstentions_overrides_youden() -> None:
    # Twenty answerable questions, two of them weak; two unanswerable ones in between.
    evidence = [0.9] * 18 + [0.30, 0.35] + [0.40, 0.45]
    answerable = [True] * 20 + [False] * 2
    # Youden: abstain below 0.6 (10% wrong, 100% right: J = 0.9).
    assert best_threshold(evidence, answerable, max_wrong=None) == pytest.approx(0.675)
    # Capped at 5% wrong: only the weakest answerable question may be refused, which
    # catches no unanswerable one, so the fewest wrong abstentions win.
    assert best_threshold(evidence, answerable, max_wrong=0.05) < 0.30
    assert best_threshold(evidence, answerable, max_wrong=0.10) == pytest.approx(0.675)


def test_folds_are_stratified() -> None:
    answerable = [True] * 10 + [False] * 5
    folds = folds_of(answerable, 5)
    assert folds[:10] == [0, 1, 2, 3, 4, 0, 1, 2, 3, 4]
    assert folds[10:] == [0, 1, 2, 3, 4]


def test_cross_validation_reports_held_out_rates() -> None:
    evidence = [0.9, 0.85, 0.8, 0.75, 0.7, 0.3, 0.25, 0.2, 0.15, 0.1]
    answerable = [True] * 5 + [False] * 5
    result = calibrate(evidence, answerable)
    assert result.threshold == pytest.approx(0.5)
    assert (result.in_sample.wrong, result.in_sample.right) == (0.0, 1.0)
    assert (result.cross_validated.wrong, result.cross_validated.right) == (0.0, 1.0)
    assert len(result.fold_thresholds) == 5


def test_qrels_with_header_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "test.tsv"
    path.write_bytes(b"query-id\tcorpus-id\tscore\r\n1\t31715818\t1\r\n1\t42\t0\r\n3\t7\t2\r\n")
    assert beir.load_qrels(path) == {"1": {"31715818": 1, "42": 0}, "3": {"7": 2}}
    assert beir.relevant_only(beir.load_qrels(path)) == {"1": {"31715818": 1}, "3": {"7": 2}}


def test_corpus_in_scifact_and_beir_shapes(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        '{"doc_id": 4, "title": "A title.", "abstract": ["One.", "Two."]}\n'
        '{"_id": "d9", "title": "", "text": "Plain  text."}\n',
        encoding="utf-8",
    )
    documents = list(beir.load_corpus(path))
    assert documents == [
        beir.CorpusDocument("4", "A title.", "One. Two."),
        beir.CorpusDocument("d9", "", "Plain  text."),
    ]
    assert documents[0].file_text() == "A title.\n\nOne. Two.\n"
    assert documents[1].file_text() == "Plain text.\n"


def test_subset_keeps_judged_documents_and_a_fixed_sample(tmp_path: Path) -> None:
    documents = [beir.CorpusDocument(str(i), f"T{i}", "x") for i in range(20)]
    first = beir.subset(documents, {"3", "7"}, 5, seed=1)
    again = beir.subset(documents, {"3", "7"}, 5, seed=1)
    assert [d.doc_id for d in first] == [d.doc_id for d in again]
    assert len(first) == 7
    assert {"3", "7"} <= {d.doc_id for d in first}
    assert beir.write_documents(first, tmp_path / "docs") == 7
    assert beir.corpus_id(str(tmp_path / "docs" / "3.txt")) == "3"
    assert (tmp_path / "docs" / "3.txt").read_text(encoding="utf-8") == "T3\n\nx\n"
