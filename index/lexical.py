"""Lexical retrieval: Okapi BM25 over a sparse term-frequency matrix.

Why not a precomputed-weight library (bm25s): its matrix bakes corpus-wide IDF and average
length into every weight, so removing one document means rebuilding everything (1.9 s for
50k clauses here) and a user's scores would be shaped by documents they may not see. Here the
matrix holds raw term counts: an update copies the kept rows and appends new ones, and the
statistics (document frequency, average length) are computed at query time over the rows the
user is allowed to see. `accord eval retrieval --also-bm25s` checks it against bm25s on BEIR
SciFact: identical nDCG@10 on the same tokens.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

MATRIX_NAME = "lexical.npz"
VOCAB_NAME = "vocab.json"
K1 = 1.2
B = 0.75
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
# A short English stop list: words that carry no topic in treaty text.
STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves
    """.split()
)


@lru_cache(maxsize=1)
def _stemmer() -> object:
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    """Lower-cased, stop-word-free, Snowball-stemmed terms of `text`."""
    words = [w for w in _TOKEN.findall(text.lower()) if w not in STOPWORDS]
    return list(_stemmer().stemWords(words))  # type: ignore[attr-defined]


class Vocabulary:
    """Term ↔ id; ids are stable, new terms are appended."""

    def __init__(self, terms: Sequence[str] = ()):
        self.terms = list(terms)
        self.ids = {term: index for index, term in enumerate(self.terms)}

    def id_of(self, term: str, grow: bool) -> int | None:
        """The term's id; with `grow`, new terms get the next id."""
        found = self.ids.get(term)
        if found is None and grow:
            found = len(self.terms)
            self.terms.append(term)
            self.ids[term] = found
        return found


def count_rows(texts: Sequence[str], vocabulary: Vocabulary) -> sparse.csr_matrix:
    """Term-count rows for `texts`, growing the vocabulary."""
    indptr = [0]
    indices: list[int] = []
    data: list[int] = []
    for text in texts:
        counts: dict[int, int] = {}
        for term in tokenize(text):
            term_id = vocabulary.id_of(term, grow=True)
            assert term_id is not None
            counts[term_id] = counts.get(term_id, 0) + 1
        indices.extend(counts)
        data.extend(counts.values())
        indptr.append(len(indices))
    shape = (len(texts), max(len(vocabulary.terms), 1))
    return sparse.csr_matrix(
        (np.array(data, dtype=np.float32), np.array(indices, dtype=np.int32), indptr), shape=shape
    )


def stack_rows(parts: Sequence[sparse.csr_matrix], width: int) -> sparse.csr_matrix:
    """Stack row blocks, widening each to the final vocabulary size."""
    widened = [
        sparse.csr_matrix((p.data, p.indices, p.indptr), shape=(p.shape[0], width)) for p in parts
    ]
    if not widened:
        return sparse.csr_matrix((0, width), dtype=np.float32)
    return sparse.vstack(widened, format="csr").astype(np.float32)


def save(folder: Path, matrix: sparse.csr_matrix, vocabulary: Vocabulary) -> None:
    """Write the matrix and vocabulary into a generation folder."""
    with (folder / MATRIX_NAME).open("wb") as handle:
        sparse.save_npz(handle, matrix, compressed=False)
    (folder / VOCAB_NAME).write_text(json.dumps(vocabulary.terms), encoding="utf-8")


def load_rows(folder: Path) -> tuple[sparse.csr_matrix, Vocabulary]:
    """Read the matrix (rows = clauses) and vocabulary of a generation."""
    matrix = sparse.load_npz(folder / MATRIX_NAME).tocsr()
    terms = json.loads((folder / VOCAB_NAME).read_text(encoding="utf-8"))
    return matrix, Vocabulary(terms)


class LexicalIndex:
    """BM25 search with statistics over the rows a caller may see."""

    def __init__(self, matrix: sparse.csr_matrix, vocabulary: Vocabulary):
        self.columns = matrix.tocsc()
        self.lengths = np.asarray(matrix.sum(axis=1)).ravel().astype(np.float32)
        self.vocabulary = vocabulary
        self.size = matrix.shape[0]

    def search(
        self,
        query: str,
        k: int,
        allowed: np.ndarray | None = None,
        extra: Mapping[str, float] | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k rows by BM25 among `allowed` rows (a boolean mask; None = all rows).

        Args:
            extra: stemmed terms the query implies, with their weight (a query term counts 1).

        Returns:
            (rows, scores), best first; only rows with a positive score.
        """
        weights: dict[int, float] = {}
        for term in tokenize(query):
            term_id = self.vocabulary.id_of(term, grow=False)
            if term_id is not None:
                weights[term_id] = weights.get(term_id, 0.0) + 1.0
        for term, weight in (extra or {}).items():
            term_id = self.vocabulary.id_of(term, grow=False)
            if term_id is not None and term_id not in weights:
                weights[term_id] = weight
        if not weights or self.size == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        visible = self.lengths if allowed is None else self.lengths[allowed]
        count = len(visible)
        if count == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        average = float(visible.mean()) or 1.0
        scores = np.zeros(self.size, dtype=np.float32)
        for term_id, repeats in sorted(weights.items()):
            start, end = self.columns.indptr[term_id], self.columns.indptr[term_id + 1]
            rows = self.columns.indices[start:end]
            counts = self.columns.data[start:end]
            if allowed is not None:
                keep = allowed[rows]
                rows, counts = rows[keep], counts[keep]
            if len(rows) == 0:
                continue
            idf = np.log(1.0 + (count - len(rows) + 0.5) / (len(rows) + 0.5))
            norm = K1 * (1.0 - B + B * self.lengths[rows] / average)
            scores[rows] += repeats * idf * counts * (K1 + 1.0) / (counts + norm)
        candidates = np.flatnonzero(scores > 0)
        if len(candidates) > k:
            candidates = candidates[np.argpartition(-scores[candidates], k - 1)[:k]]
        order = candidates[np.argsort(-scores[candidates], kind="stable")]
        return order.astype(np.int64), scores[order]
