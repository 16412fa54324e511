"""FAISS search (exact and IVF) on random unit vectors; BM25 over the term matrix."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index import lexical, vectors
from index.lexical import LexicalIndex, Vocabulary, count_rows, tokenize
from index.vectors import VectorIndex


def unit_vectors(count: int, dim: int, seed: int = 0) -> np.ndarray:
    matrix = np.random.default_rng(seed).standard_normal((count, dim)).astype(np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def write(folder: Path, matrix: np.ndarray, exact_max: int) -> VectorIndex:
    np.save(folder / vectors.VECTORS_NAME, matrix)
    params = vectors.build(folder, matrix, exact_max=exact_max, nprobe=16)
    return VectorIndex(folder, params, matrix.shape[1])


def test_exact_search_returns_the_true_nearest_rows(tmp_path: Path) -> None:
    matrix = unit_vectors(500, 32)
    index = write(tmp_path, matrix, exact_max=10_000)
    rows, scores = index.search(matrix[17], 5)
    truth = np.argsort(-(matrix @ matrix[17]))[:5]
    assert rows.tolist() == truth.tolist()
    assert abs(scores[0] - 1.0) < 1e-5


def test_allowed_rows_are_filtered_inside_the_search(tmp_path: Path) -> None:
    matrix = unit_vectors(500, 32)
    index = write(tmp_path, matrix, exact_max=10_000)
    allowed = np.zeros(500, dtype=bool)
    allowed[::5] = True
    rows, _ = index.search(matrix[17], 10, allowed)
    expected = np.flatnonzero(allowed)[np.argsort(-(matrix[allowed] @ matrix[17]))[:10]]
    assert rows.tolist() == expected.tolist()
    assert index.search(matrix[17], 10, np.zeros(500, dtype=bool))[0].size == 0


def test_ivf_above_the_threshold_keeps_recall_high(tmp_path: Path) -> None:
    # embeddings cluster by topic; uniform random vectors (no clusters) would be IVF's worst case
    centres = unit_vectors(200, 32, seed=2)
    matrix = centres[np.arange(20_000) % 200] + 0.3 * unit_vectors(20_000, 32, seed=3)
    matrix = (matrix / np.linalg.norm(matrix, axis=1, keepdims=True)).astype(np.float32)
    index = write(tmp_path, matrix, exact_max=1_000)
    assert index.params["type"] == "ivf" and index.params["nlist"] == 283  # 2 * sqrt(20 000)
    queries = matrix[:50] + 0.05 * unit_vectors(50, 32, seed=1)
    hits = 0
    for query in queries:
        truth = set(np.argsort(-(matrix @ query))[:10].tolist())
        hits += len(truth & set(index.search(query, 10)[0].tolist()))
    assert hits / 500 >= 0.9


def test_tokenize_stems_and_drops_stop_words() -> None:
    assert tokenize("The Parties shall retain the Reports for five years") == [
        "parti",
        "shall",
        "retain",
        "report",
        "five",
        "year",
    ]


def test_bm25_prefers_rare_matching_terms_and_respects_the_mask() -> None:
    vocabulary = Vocabulary()
    texts = [
        "retention of intelligence reports for five years",
        "retention of personal data for ninety days",
        "visits by liaison officers",
        "intelligence reports shall be marked",
    ]
    index = LexicalIndex(count_rows(texts, vocabulary), vocabulary)
    rows, scores = index.search("retention of intelligence reports", 4)
    assert rows.tolist()[:2] == [0, 3]
    assert scores[0] > scores[1] > 0
    masked, _ = index.search(
        "retention of intelligence reports", 4, np.array([False, True, True, True])
    )
    assert masked.tolist() == [3, 1]
    assert index.search("zebra", 4)[0].size == 0


def test_statistics_come_from_visible_rows_only() -> None:
    vocabulary = Vocabulary()
    texts = ["submarine tracks", "submarine tracks", "submarine tracks", "tracks of convoys"]
    index = LexicalIndex(count_rows(texts, vocabulary), vocabulary)
    visible = np.array([False, False, False, True])
    _, hidden_shaped = index.search("tracks", 4)
    _, own = index.search("tracks", 4, visible)
    # with the three hidden rows invisible, "tracks" is in every visible row: a different IDF
    assert not np.isclose(own[0], hidden_shaped[-1])


def test_saved_matrix_round_trips(tmp_path: Path) -> None:
    vocabulary = Vocabulary()
    matrix = count_rows(["alpha beta beta", "gamma"], vocabulary)
    lexical.save(tmp_path, matrix, vocabulary)
    loaded, words = lexical.load_rows(tmp_path)
    assert (loaded != matrix).nnz == 0 and words.terms == vocabulary.terms


def test_ivf_probes_a_quarter_of_the_lists_unless_told(tmp_path: Path) -> None:
    matrix = unit_vectors(3_000, 16, seed=4)
    auto = vectors.build(tmp_path, matrix, exact_max=1_000, nprobe=0)
    assert (auto["nlist"], auto["nprobe"]) == (110, 27)  # nlist 2 * sqrt(3 000); 110 // 4
    told = vectors.build(tmp_path, matrix, exact_max=1_000, nprobe=5)
    assert told["nprobe"] == 5
    assert vectors.auto_nprobe(1000) == 250 and vectors.auto_nprobe(3) == 1
