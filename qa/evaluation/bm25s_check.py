"""Our BM25 (`index/lexical.py`) against the `bm25s` library on the same clauses.

Both score the clauses' embedding text (what our BM25 indexes) with Lucene's BM25
(k1 = 1.2, b = 0.75). bm25s runs twice: on our tokens (same terms, so only the scoring
code differs) and with its own tokenizer (English stop words, Snowball stemmer).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from index import lexical
from ingest.records import embedding_text
from qa.evaluation.retrieval import CLAUSE_POOL, RetrievalTask, documents_in_order
from qa.retrieval import Method


def clause_texts(task: RetrievalTask) -> list[str]:
    """Every row's embedding text ("title. heading. text"), in row order."""
    reader = task.reader
    titles = {d.doc_id: d.title for d in reader.documents()}
    clauses = reader.clauses(list(range(len(task.corpus_of_row))))
    return [embedding_text(titles[c.doc_id], c.heading, c.text) for _, c in sorted(clauses.items())]


def compare_with_bm25s(task: RetrievalTask) -> dict[str, dict[str, float | int]]:
    """nDCG@10 etc., index build time, query time and the cost of dropping one document."""
    texts = clause_texts(task)
    return {
        "accord bm25": _ours(task, texts),
        "bm25s, our tokens": _bm25s(task, texts, lexical.tokenize),
        "bm25s, its tokenizer": _bm25s(task, texts, None),
    }


def _ours(task: RetrievalTask, texts: Sequence[str]) -> dict[str, float | int]:
    started = time.perf_counter()
    matrix = lexical.count_rows(texts, lexical.Vocabulary())
    built = lexical.LexicalIndex(matrix, lexical.Vocabulary())
    build_ms = (time.perf_counter() - started) * 1000
    del built
    rankings, query_ms = task.rankings(Method.LEXICAL)
    # Removing a document: keep the other rows; statistics are computed at query time.
    keep = np.asarray(task.corpus_of_row) != task.corpus_of_row[0]
    started = time.perf_counter()
    lexical.LexicalIndex(matrix[keep], lexical.Vocabulary())
    update_ms = (time.perf_counter() - started) * 1000
    return _figures(task, rankings, build_ms, query_ms, update_ms)


def _bm25s(
    task: RetrievalTask, texts: Sequence[str], tokenizer: Callable[[str], list[str]] | None
) -> dict[str, float | int]:
    """bm25s on our tokens (`tokenizer`) or, with None, on its own tokenizer's."""
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    started = time.perf_counter()
    if tokenizer is None:
        corpus = _tokenize(bm25s, list(texts), stemmer)
    else:
        corpus = [tokenizer(t) for t in texts]
    model = bm25s.BM25(k1=lexical.K1, b=lexical.B, method="lucene")
    model.index(corpus, show_progress=False)
    build_ms = (time.perf_counter() - started) * 1000
    rankings: dict[str, list[str]] = {}
    started = time.perf_counter()
    for query, text in task.queries.items():
        words = tokenizer(text) if tokenizer else _tokenize(bm25s, [text], stemmer)[0]
        rows = _top_rows(model, words)
        rankings[query] = documents_in_order(rows.tolist(), task.corpus_of_row)
    query_ms = (time.perf_counter() - started) * 1000 / max(len(task.queries), 1)
    # Dropping a document changes corpus-wide IDF and average length baked into the
    # weights: bm25s has to index everything again.
    return _figures(task, rankings, build_ms, query_ms, build_ms)


def _tokenize(bm25s: Any, texts: list[str], stemmer: Any) -> list[list[str]]:
    found: list[list[str]] = bm25s.tokenize(
        texts, stopwords="en", stemmer=stemmer, return_ids=False, show_progress=False
    )
    return found


def _top_rows(model: Any, words: list[str]) -> np.ndarray:
    known = [w for w in words if w in model.vocab_dict]
    if not known:
        return np.zeros(0, dtype=np.int64)
    scores = np.asarray(model.get_scores(known), dtype=np.float32)
    k = min(CLAUSE_POOL, len(scores))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[scores[top] > 0]
    return np.asarray(top[np.argsort(-scores[top], kind="stable")], dtype=np.int64)


def _figures(
    task: RetrievalTask,
    rankings: dict[str, list[str]],
    build_ms: float,
    query_ms: float,
    update_ms: float,
) -> dict[str, float | int]:
    return {
        **task.score(rankings).as_dict(),
        "build_ms": round(build_ms, 1),
        "query_ms": round(query_ms, 2),
        "drop_one_document_ms": round(update_ms, 1),
    }
