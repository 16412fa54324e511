"""Turn a staged generation into a complete one: contiguous rows, vectors, lexical matrix,
vector index. Vectors and lexical rows of unchanged clause texts are copied from the previous
generation, never recomputed."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from index import lexical, vectors
from index.lexical import Vocabulary
from ingest.records import embedding_text

STAGING_TABLE = (
    "CREATE TABLE IF NOT EXISTS staging (row INTEGER PRIMARY KEY, old INTEGER, new INTEGER)"
)


def renumber(db: sqlite3.Connection) -> np.ndarray:
    """Make clause rows 0..N-1 in their current order.

    Returns:
        An (N, 2) array of (previous-generation row or -1, new-vector index or -1).
    """
    db.execute(
        "CREATE TEMP TABLE order_map AS SELECT row AS old_row, "
        "ROW_NUMBER() OVER (ORDER BY row) - 1 AS new_row FROM clauses"
    )
    db.execute("CREATE INDEX temp.order_map_old ON order_map(old_row)")
    sources = db.execute(
        "SELECT COALESCE(s.old, -1), COALESCE(s.new, -1) FROM order_map m "
        "LEFT JOIN staging s ON s.row = m.old_row ORDER BY m.new_row"
    ).fetchall()
    db.execute("UPDATE clauses SET row = -1 - (SELECT new_row FROM order_map WHERE old_row = row)")
    db.execute("UPDATE clauses SET row = -1 - row")
    db.execute("DROP TABLE staging")
    db.execute("DROP TABLE temp.order_map")
    return np.array(sources, dtype=np.int64).reshape(-1, 2)


def write_vectors(
    folder: Path, sources: np.ndarray, previous: np.ndarray | None, fresh: np.ndarray, dim: int
) -> np.ndarray:
    """Write ``vectors.npy`` from previous rows and freshly embedded ones; returns a memmap."""
    out = np.lib.format.open_memmap(
        folder / vectors.VECTORS_NAME, mode="w+", dtype=np.float32, shape=(len(sources), dim)
    )
    for start in range(0, len(sources), 65536):
        chunk = sources[start : start + 65536]
        old, new = chunk[:, 0], chunk[:, 1]
        block = np.zeros((len(chunk), dim), dtype=np.float32)
        if previous is not None and (old >= 0).any():
            block[old >= 0] = previous[old[old >= 0]]
        if (new >= 0).any():
            block[new >= 0] = fresh[new[new >= 0]]
        out[start : start + len(chunk)] = block
    out.flush()
    return out


def write_lexical(
    folder: Path,
    db: sqlite3.Connection,
    sources: np.ndarray,
    previous: tuple[sparse.csr_matrix, Vocabulary] | None,
) -> dict[str, Any]:
    """Write the term-count matrix: rows copied from the previous generation or counted anew."""
    vocabulary = previous[1] if previous else Vocabulary()
    fresh_rows = np.flatnonzero(sources[:, 0] < 0)
    texts = [embedding_text(*parts) for parts in _texts(db, fresh_rows.tolist())]
    fresh = lexical.count_rows(texts, vocabulary)
    width = max(len(vocabulary.terms), 1)
    kept_rows = np.flatnonzero(sources[:, 0] >= 0)
    parts = [fresh]
    if previous is not None and len(kept_rows):
        parts.insert(0, previous[0][sources[kept_rows, 0]])
    stacked = lexical.stack_rows(parts, width)
    order = np.concatenate([kept_rows, fresh_rows]) if previous is not None else fresh_rows
    inverse = np.empty_like(order)
    inverse[order] = np.arange(len(order))
    matrix = stacked[inverse] if len(order) else stacked
    lexical.save(folder, matrix, vocabulary)
    return {"scorer": "bm25", "k1": lexical.K1, "b": lexical.B, "terms": len(vocabulary.terms)}


def _texts(db: sqlite3.Connection, rows: list[int]) -> list[tuple[str, str, str]]:
    found: dict[int, tuple[str, str, str]] = {}
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        marks = ",".join("?" * len(chunk))
        query = (
            "SELECT c.row, d.title, c.heading, c.text FROM clauses c "
            f"JOIN documents d ON d.doc_id = c.doc_id WHERE c.row IN ({marks})"
        )
        for row, title, heading, text in db.execute(query, chunk):
            found[row] = (title, heading, text)
    return [found[row] for row in rows]
