"""Hybrid retrieval: dense (FAISS) and lexical (BM25) candidates, fused by score blending.

Both retrievers search only the rows the caller may see. Each list's scores are min-max
normalised per query and mixed with a dense share chosen per embedding model. Blending was
measured against each method alone and against reciprocal rank fusion (RRF, k from 1 to
100) on BEIR SciFact and on the labelled questions (`accord eval retrieval --fusion`,
`accord eval questions`): with all-MiniLM-L6-v2 it gave the best nDCG@10 on SciFact
(0.735 against RRF's best 0.729, dense 0.669, BM25 0.668) and the best recall@5 on the
questions. RRF stays here as the measured alternative.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from index import IndexReader


class Method(StrEnum):
    """Which retrieval to run."""

    DENSE = "dense"
    LEXICAL = "bm25"
    HYBRID = "hybrid"


# RRF's rank offset (the measured alternative to blending).
RRF_K = 60
# Share of the dense score when blending normalised dense and BM25 scores.
DENSE_WEIGHT = 0.5
# Models whose dense scores deserve another share: the hashing embedder is a bag of words
# much weaker than BM25 (SciFact nDCG@10 0.30 against 0.67), so BM25 leads.
DENSE_WEIGHTS: dict[str, float] = {"hashing-384": 0.3}


def dense_weight(model: str) -> float:
    """The dense share of the blend for an index built with `model`."""
    return DENSE_WEIGHTS.get(model, DENSE_WEIGHT)


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


def blend(
    dense: tuple[np.ndarray, np.ndarray],
    lexical: tuple[np.ndarray, np.ndarray],
    weight: float = DENSE_WEIGHT,
) -> list[tuple[int, float]]:
    """Convex combination of per-query min-max normalised scores, best first.

    Args:
        dense: (rows, cosine similarities) from the vector index, best first.
        lexical: (rows, BM25 scores) from the lexical index, best first.
        weight: share of the dense score (1 - weight goes to BM25); a row missing from a
            list scores 0 there, like the weakest row of that list.
    """
    scores: dict[int, float] = {}
    for (rows, values), share in ((dense, weight), (lexical, 1.0 - weight)):
        if len(rows) == 0:
            continue
        low, high = float(values.min()), float(values.max())
        span = high - low
        normalised = (values - low) / span if span > 0 else np.ones(len(values))
        for row, value in zip(rows.tolist(), normalised.tolist(), strict=True):
            scores[row] = scores.get(row, 0.0) + share * value
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


class Retriever:
    """Runs dense, lexical or hybrid search over one index generation."""

    def __init__(self, reader: IndexReader):
        self.reader = reader
        self.dense_weight = dense_weight(reader.manifest.model)

    def search(
        self,
        question: str,
        query_vector: np.ndarray | None,
        k: int,
        allowed: np.ndarray | None,
        method: Method = Method.HYBRID,
        extra: Mapping[str, float] | None = None,
    ) -> list[Candidate]:
        """The best `k` rows for a question among `allowed` rows, best first (`extra`: stemmed
        words the question implies, with their BM25 weights)."""
        dense_rows = lexical_rows = np.zeros(0, dtype=np.int64)
        dense_scores = lexical_scores = np.zeros(0, dtype=np.float32)
        if method in (Method.DENSE, Method.HYBRID) and query_vector is not None:
            dense_rows, dense_scores = self.reader.vectors.search(query_vector, k, allowed)
            if method is Method.DENSE:
                return [
                    Candidate(int(r), float(s), dense_rank=i + 1)
                    for i, (r, s) in enumerate(zip(dense_rows, dense_scores, strict=True))
                ]
        if method in (Method.LEXICAL, Method.HYBRID):
            lexical_rows, lexical_scores = self.reader.lexical.search(question, k, allowed, extra)
            if method is Method.LEXICAL:
                return [
                    Candidate(int(r), float(s), lexical_rank=i + 1)
                    for i, (r, s) in enumerate(zip(lexical_rows, lexical_scores, strict=True))
                ]
        dense_at = {int(r): i + 1 for i, r in enumerate(dense_rows.tolist())}
        lexical_at = {int(r): i + 1 for i, r in enumerate(lexical_rows.tolist())}
        return [
            Candidate(row, score, dense_at.get(row), lexical_at.get(row))
            for row, score in blend(
                (dense_rows, dense_scores), (lexical_rows, lexical_scores), self.dense_weight
            )[:k]
        ]
