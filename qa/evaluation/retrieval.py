"""Retrieval quality on a BEIR task, over an index built by the real ingest pipeline.

A document's place in a ranking is that of its best clause. Each method is run through
`Retriever.search`, exactly as `Engine` runs it; the fusion study reuses one dense and one
BM25 candidate list per query and fuses them in several ways.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from index import IndexReader
from ingest.embed import Embedder
from qa.beir import corpus_id
from qa.evaluation.metrics import RankingScores, score_rankings
from qa.retrieval import Method, Retriever, blend, fuse

# Clauses fetched per retriever: enough for 100 distinct documents of a few clauses each.
CLAUSE_POOL = 300
DOCUMENT_DEPTH = 100
RRF_KS = (1, 5, 10, 20, 30, 60, 100)
BLEND_WEIGHTS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)

Rankings = dict[str, list[str]]


@dataclass(frozen=True)
class CandidateLists:
    """One query's dense and BM25 clause candidates (rows and scores, best first)."""

    dense: tuple[np.ndarray, np.ndarray]
    lexical: tuple[np.ndarray, np.ndarray]


def documents_in_order(
    rows: Iterable[int], corpus_of_row: Sequence[str], limit: int = DOCUMENT_DEPTH
) -> list[str]:
    """Corpus ids in the order of their best clause, at most `limit`."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.setdefault(corpus_of_row[row], None)
        if len(seen) == limit:
            break
    return list(seen)


class RetrievalTask:
    """Queries and judgements over one index; query vectors are embedded once."""

    def __init__(
        self,
        reader: IndexReader,
        embedder: Embedder,
        queries: Mapping[str, str],
        qrels: Mapping[str, Mapping[str, int]],
    ):
        self.reader = reader
        self.embedder = embedder
        self.qrels = {q: dict(judged) for q, judged in qrels.items() if q in queries}
        self.queries = {q: queries[q] for q in self.qrels}
        self.corpus_of_row = self._corpus_ids()
        started = time.perf_counter()
        texts = list(self.queries.values())
        self.vectors = dict(zip(self.queries, embedder.embed(texts), strict=True))
        self.embed_seconds = time.perf_counter() - started

    def _corpus_ids(self) -> list[str]:
        sources = {d.doc_id: corpus_id(d.source) for d in self.reader.documents()}
        rows = self.reader.rows
        return [sources[rows.doc_ids[i]] for i in rows.document.tolist()]

    def rankings(self, method: Method, pool: int = CLAUSE_POOL) -> tuple[Rankings, float]:
        """Document rankings of one method, and the mean search time per query (ms)."""
        retriever = Retriever(self.reader)
        rankings: Rankings = {}
        started = time.perf_counter()
        for query, text in self.queries.items():
            found = retriever.search(text, self.vectors[query], pool, None, method)
            rankings[query] = documents_in_order((c.row for c in found), self.corpus_of_row)
        elapsed = (time.perf_counter() - started) * 1000 / max(len(self.queries), 1)
        return rankings, elapsed

    def score(self, rankings: Mapping[str, Sequence[str]]) -> RankingScores:
        """nDCG@10, recall@10, recall@100 and MRR of some rankings."""
        return score_rankings(rankings, self.qrels)

    def candidate_lists(self, pool: int = CLAUSE_POOL) -> dict[str, CandidateLists]:
        """Each query's dense and BM25 candidates, for the fusion study."""
        lists = {}
        for query, text in self.queries.items():
            dense = self.reader.vectors.search(self.vectors[query], pool, None)
            lexical = self.reader.lexical.search(text, pool, None)
            lists[query] = CandidateLists(dense, lexical)
        return lists


Fuser = Callable[[CandidateLists], list[tuple[int, float]]]


def rrf_fuser(k: int) -> Fuser:
    """Reciprocal rank fusion with offset `k`."""
    return lambda lists: fuse([lists.dense[0], lists.lexical[0]], k)


def blend_fuser(weight: float) -> Fuser:
    """Min-max normalised score blending with dense share `weight`."""
    return lambda lists: blend(lists.dense, lists.lexical, weight)


def fusion_variants() -> dict[str, Fuser]:
    """Every fusion measured: RRF with several k, and blends with several dense weights."""
    variants = {f"rrf k={k}": rrf_fuser(k) for k in RRF_KS}
    variants.update({f"blend w={w}": blend_fuser(w) for w in BLEND_WEIGHTS})
    return variants


def fusion_study(task: RetrievalTask, pool: int = CLAUSE_POOL) -> dict[str, RankingScores]:
    """Scores of every fusion variant on the same candidate lists."""
    lists = task.candidate_lists(pool)
    results = {}
    for name, fuser in fusion_variants().items():
        rankings = {
            query: documents_in_order((row for row, _ in fuser(found)), task.corpus_of_row)
            for query, found in lists.items()
        }
        results[name] = task.score(rankings)
    return results
