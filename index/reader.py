"""Read a published generation: documents, clauses, vectors and lexical index."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index import generations, lexical, store
from index.lexical import LexicalIndex
from index.manifest import IndexMissing, Manifest
from index.vectors import VectorIndex
from ingest.records import Clause, Document


@dataclass(frozen=True)
class RowAttributes:
    """Per-clause-row arrays for filtering before ranking."""

    level_rank: np.ndarray  # int16 classification rank of each clause
    releasability: np.ndarray  # int32 index into `caveats` (0 = no restriction)
    caveats: tuple[frozenset[str], ...]
    document: np.ndarray  # int32 index into `doc_ids`
    doc_ids: tuple[str, ...]


# Idle read-only connections kept for reuse. The web server runs every page interaction in a
# new thread; a connection per thread meant opening one per question and, under 10 sessions,
# resident memory that kept creeping up (bench/serving.py).
POOL_SIZE = 4


class IndexReader:
    """A loaded generation; cheap to keep, safe to share between threads for reading."""

    def __init__(self, index_dir: Path, folder: Path, manifest: Manifest):
        self.index_dir = index_dir
        self.folder = folder
        self.manifest = manifest
        self._idle: list[sqlite3.Connection] = []
        self._pool_lock = threading.Lock()
        self.matrix = np.load(folder / "vectors.npy", mmap_mode="r")
        self.vectors = VectorIndex(folder, manifest.vector_index, manifest.dim)
        self.lexical = LexicalIndex(*lexical.load_rows(folder))
        self.rows = self._row_attributes()

    @classmethod
    def open(cls, index_dir: Path, model: str | None = None) -> IndexReader:
        """Load the current generation; with `model`, insist it was built with that model.

        Raises:
            IndexMissing: nothing has been published in `index_dir`.
            IndexMismatch: a different format version or embedding model.
        """
        folder = generations.current_generation(index_dir)
        if folder is None:
            raise IndexMissing(
                f"no index at {index_dir}: build one with `accord ingest PATH --index {index_dir}`"
            )
        manifest = Manifest.read(folder)
        if model is not None:
            manifest.check_model(model, index_dir)
        return cls(index_dir, folder, manifest)

    @contextlib.contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection to the generation's database, for the `with` block only
        (taken from a small pool shared by all threads, returned after)."""
        with self._pool_lock:
            connection = self._idle.pop() if self._idle else None
        if connection is None:
            connection = store.connect(self.folder / store.DB_NAME, readonly=True)
        try:
            yield connection
        finally:
            with self._pool_lock:
                keep = len(self._idle) < POOL_SIZE
                if keep:
                    self._idle.append(connection)
            if not keep:
                _close(connection)

    def query(self, sql: str, parameters: Sequence[object] = ()) -> list[sqlite3.Row]:
        """Every row of a read-only query."""
        with self.connection() as db:
            return db.execute(sql, parameters).fetchall()

    @property
    def generation(self) -> int:
        """This generation's number."""
        return self.manifest.generation

    def close(self) -> None:
        """Close the idle database connections (the reader opens new ones if used again)."""
        with self._pool_lock:
            idle, self._idle = self._idle, []
        for connection in idle:
            _close(connection)

    def _row_attributes(self) -> RowAttributes:
        caveat_ids: dict[str, int] = {"[]": 0}
        doc_ids: dict[str, int] = {}
        count = self.manifest.counts.get("clauses", 0)
        level = np.zeros(count, dtype=np.int16)
        caveat = np.zeros(count, dtype=np.int32)
        document = np.zeros(count, dtype=np.int32)
        query = "SELECT row, level_rank, releasable_to, doc_id FROM clauses ORDER BY row"
        with self.connection() as db:  # streamed: a million rows are not held at once
            for row, rank, rel, doc_id in db.execute(query):
                level[row] = rank
                caveat[row] = caveat_ids.setdefault(rel, len(caveat_ids))
                document[row] = doc_ids.setdefault(doc_id, len(doc_ids))
        caveats = tuple(frozenset(json.loads(k)) for k in caveat_ids)
        return RowAttributes(level, caveat, caveats, document, tuple(doc_ids))

    def documents(self, with_text: bool = False) -> list[Document]:
        """All documents, ordered by source."""
        with self.connection() as db:
            return store.document_rows(db, with_text)

    def openings(self, characters: int = 600) -> dict[str, str]:
        """The first characters of every document's text (where preambles name parties)."""
        query = "SELECT doc_id, substr(text, 1, ?) FROM documents"
        return {doc_id: text for doc_id, text in self.query(query, (characters,))}

    def document(self, doc_id: str) -> Document | None:
        """One document with its full text."""
        rows = self.query("SELECT * FROM documents WHERE doc_id=?", (doc_id,))
        return store.row_to_document(rows[0]) if rows else None

    def clause_counts(self) -> dict[str, int]:
        """Clauses per document id."""
        query = "SELECT doc_id, COUNT(*) FROM clauses GROUP BY doc_id"
        return {doc_id: count for doc_id, count in self.query(query)}

    def ingested_at(self) -> dict[str, str]:
        """When each document (by id) was last ingested (ISO 8601, UTC)."""
        return {
            doc_id: at for doc_id, at in self.query("SELECT doc_id, ingested_at FROM documents")
        }

    def clauses(self, rows: list[int]) -> dict[int, Clause]:
        """Clauses by row."""
        with self.connection() as db:
            return store.clauses_by_rows(db, rows)

    def clauses_of(self, doc_id: str) -> list[tuple[int, Clause]]:
        """A document's clauses in order, with their rows."""
        query = "SELECT * FROM clauses WHERE doc_id=? ORDER BY position"
        return [(r["row"], store.row_to_clause(r)) for r in self.query(query, (doc_id,))]

    def row_of(self, clause_id: str) -> int | None:
        """The row of a clause id."""
        found = self.query("SELECT row FROM clauses WHERE clause_id=?", (clause_id,))
        return int(found[0][0]) if found else None

    def vector(self, row: int) -> np.ndarray:
        """The stored vector of one row."""
        return np.asarray(self.matrix[row], dtype=np.float32)

    def blob_path(self, sha256: str) -> Path:
        """Where the original file with this digest is kept."""
        return self.index_dir / "blobs" / sha256


def last_ingest(index_dir: Path) -> dict[str, object] | None:
    """What the last ingest run reported, if any."""
    path = index_dir / "last_ingest.json"
    try:
        data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    return data


__all__ = ["IndexMissing", "IndexReader", "RowAttributes", "last_ingest"]


def _close(connection: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):
        connection.close()
