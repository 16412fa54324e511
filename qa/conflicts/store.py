"""The corpus-wide conflict map, stored beside the index generations (``conflicts.sqlite``).

It is updated after each publish: pairs touching clauses that no longer exist are dropped,
new clauses are scanned for candidates and scored, and everything is committed per batch,
so an interrupted pass resumes where it stopped. A change of scorer starts the map afresh.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

STORE_NAME = "conflicts.sqlite"
FLAG_SCORE = 0.5  # scores from here are flags; below, differences kept on the map
SCHEMA = """
CREATE TABLE IF NOT EXISTS flags (
    a_clause TEXT NOT NULL,
    b_clause TEXT NOT NULL,
    a_doc TEXT NOT NULL,
    b_doc TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    score REAL NOT NULL,
    topic TEXT NOT NULL,
    explanation TEXT NOT NULL,
    evidence_a TEXT NOT NULL,
    evidence_b TEXT NOT NULL,
    similarity REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (a_clause, b_clause)
);
CREATE INDEX IF NOT EXISTS flags_b ON flags(b_clause);
CREATE TABLE IF NOT EXISTS checked (pair TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS scanned (clause_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class StoredFlag:
    """One flagged pair as stored: a is shown first (for amendments: the amended clause)."""

    a_clause: str
    b_clause: str
    a_doc: str
    b_doc: str
    kind: str
    status: str
    score: float
    topic: str
    explanation: str
    evidence_a: str
    evidence_b: str
    similarity: float = 0.0  # of the two clauses' vectors: ranks flags of equal score

    @property
    def rank(self) -> float:
        """How much a flag deserves an analyst's time. Explained conflicts first, then the
        model's unexplained flags, then differences that are no contradiction; within each, the
        score times the similarity of the two clauses (a strong finding between clauses about
        different things is usually a misread)."""
        tier = 0 if self.score < FLAG_SCORE else 1 if self.kind == "semantic" else 2
        return tier + self.score * self.similarity


def pair_key(a: str, b: str) -> str:
    """Order-free key of a clause pair."""
    return f"{min(a, b)}|{max(a, b)}"


class ConflictStore:
    """Read and update ``conflicts.sqlite`` of an index folder."""

    def __init__(self, path: Path, readonly: bool = False):
        self.path = path
        if readonly:
            self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        else:
            self.db = sqlite3.connect(path)
            self._upgrade()
            self.db.executescript(SCHEMA)

    @classmethod
    def for_index(cls, index_dir: Path, readonly: bool = False) -> ConflictStore | None:
        """The store of an index; None when reading and there is none yet."""
        path = index_dir / STORE_NAME
        if readonly and not path.exists():
            return None
        return cls(path, readonly)

    def _upgrade(self) -> None:
        """A map stored before flags had a similarity is dropped and rebuilt (it is derived)."""
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(flags)")}
        if columns and "similarity" not in columns:
            for table in ("flags", "checked", "scanned", "info"):
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
            self.db.commit()

    def close(self) -> None:
        """Close the database."""
        with contextlib.suppress(sqlite3.Error):
            self.db.close()

    def info(self, key: str) -> str | None:
        """A stored setting (scorer fingerprint, last generation)."""
        row = self.db.execute("SELECT value FROM info WHERE key=?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_info(self, key: str, value: str) -> None:
        """Store a setting."""
        self.db.execute("INSERT OR REPLACE INTO info VALUES (?, ?)", (key, value))

    def reset(self) -> None:
        """Forget everything (the scorer changed)."""
        for table in ("flags", "checked", "scanned"):
            self.db.execute(f"DELETE FROM {table}")

    def keep_only(self, clause_ids: set[str]) -> int:
        """Drop flags and scan marks of clauses that no longer exist; returns flags dropped."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS live (clause_id TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM live")
        self.db.executemany("INSERT INTO live VALUES (?)", ((c,) for c in clause_ids))
        dropped = self.db.execute(
            "DELETE FROM flags WHERE a_clause NOT IN (SELECT clause_id FROM live) "
            "OR b_clause NOT IN (SELECT clause_id FROM live)"
        ).rowcount
        self.db.execute("DELETE FROM scanned WHERE clause_id NOT IN (SELECT clause_id FROM live)")
        self.db.commit()
        return int(dropped)

    def scanned(self) -> set[str]:
        """Clause ids whose candidate pairs have been scored."""
        return {row[0] for row in self.db.execute("SELECT clause_id FROM scanned")}

    def is_checked(self, a: str, b: str) -> bool:
        """Whether a pair has been scored before."""
        found = self.db.execute("SELECT 1 FROM checked WHERE pair=?", (pair_key(a, b),))
        return found.fetchone() is not None

    def record(
        self,
        checked: Iterable[tuple[str, str]],
        flags: Iterable[StoredFlag],
        scanned: Iterable[str],
    ) -> None:
        """Commit one batch: pairs scored, flags raised, clauses fully scanned."""
        self.db.executemany(
            "INSERT OR IGNORE INTO checked VALUES (?)", ((pair_key(a, b),) for a, b in checked)
        )
        self.db.executemany(
            "INSERT OR REPLACE INTO flags VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [tuple(f.__dict__.values()) for f in flags],
        )
        self.db.executemany("INSERT OR IGNORE INTO scanned VALUES (?)", ((c,) for c in scanned))
        self.db.commit()

    def flags(self) -> Iterator[StoredFlag]:
        """Every stored flag."""
        columns = ", ".join(StoredFlag.__dataclass_fields__)
        query = f"SELECT {columns} FROM flags ORDER BY topic, a_doc, b_doc, a_clause"
        for row in self.db.execute(query):
            yield StoredFlag(*row)
