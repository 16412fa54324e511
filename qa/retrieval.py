"""Hybrid retrieval: dense (FAISS) and lexical (BM25) candidates, fused by reciprocal rank.

Both retrievers search only the rows the caller may see. Fusion by reciprocal rank (RRF)
was measured against each method alone and against score blending on BEIR SciFact; the
figures are in the README (`accord eval retrieval`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from index import IndexReader

RRF_K = 60


class Method(StrEnum):
    """Which retrieval to run."""

    DENSE = "dense"
    LEXICAL = "bm25"
    HYBRID = "hybrid"


@dataclass(frozen=True)
class Candidate:
    """A row found by retrieval, with what each retriever thought of it."""

    row: int
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None


def fuse(rankings: list[np.ndarray], k: int = RRF_K) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: score = Σ 1 / (k + rank), ranks from 1."""
    scores: dict[int, float] = {}
    for rows in rankings:
        for rank, row in enumerate(rows.tolist(), start=1):
            scores[row] = scores.get(row, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


class Retriever:
    """Runs dense, lexical or hybrid search over one index generation."""

    def __init__(self, reader: IndexReader):
        self.reader = reader

    def search(
        self,
        question: str,
        query_vector: np.ndarray | None,
        k: int,
        allowed: np.ndarray | None,
        method: Method = Method.HYBRID,
    ) -> list[Candidate]:
        """The best `k` rows for a question among `allowed` rows, best first."""
        dense_rows = np.zeros(0, dtype=np.int64)
        lexical_rows = np.zeros(0, dtype=np.int64)
        if method in (Method.DENSE, Method.HYBRID) and query_vector is not None:
            dense_rows, dense_scores = self.reader.vectors.search(query_vector, k, allowed)
            if method is Method.DENSE:
                return [
                    Candidate(int(r), float(s), dense_rank=i + 1)
                    for i, (r, s) in enumerate(zip(dense_rows, dense_scores, strict=True))
                ]
        if method in (Method.LEXICAL, Method.HYBRID):
            lexical_rows, lexical_scores = self.reader.lexical.search(question, k, allowed)
            if method is Method.LEXICAL:
                return [
                    Candidate(int(r), float(s), lexical_rank=i + 1)
                    for i, (r, s) in enumerate(zip(lexical_rows, lexical_scores, strict=True))
                ]
        dense_at = {int(r): i + 1 for i, r in enumerate(dense_rows.tolist())}
        lexical_at = {int(r): i + 1 for i, r in enumerate(lexical_rows.tolist())}
        return [
            Candidate(row, score, dense_at.get(row), lexical_at.get(row))
            for row, score in fuse([dense_rows, lexical_rows])[:k]
        ]
