"""The metadata database of a generation (SQLite): documents, clauses, conflicts.

Clause `row` numbers are contiguous from 0 in every generation and equal the clause's row in
``vectors.npy`` and in the lexical matrix, so one number joins all three.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from ingest.records import Clause, Document, DocumentKind, Marking, MarkingSource, PageSpan

DB_NAME = "meta.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    abs_path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    level TEXT NOT NULL,
    level_rank INTEGER NOT NULL,
    releasable_to TEXT NOT NULL,
    marking_as_found TEXT NOT NULL,
    marking_source TEXT NOT NULL,
    parties TEXT NOT NULL,
    date TEXT,
    language TEXT NOT NULL,
    amends TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    meta_hash TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    warnings TEXT NOT NULL,
    pages TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS clauses (
    row INTEGER PRIMARY KEY,
    clause_id TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    position INTEGER NOT NULL,
    section TEXT NOT NULL,
    heading TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    page_start INTEGER,
    page_end INTEGER,
    page_label TEXT,
    language TEXT NOT NULL,
    level TEXT NOT NULL,
    level_rank INTEGER NOT NULL,
    releasable_to TEXT NOT NULL,
    tokens INTEGER NOT NULL,
    embed_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS clauses_doc ON clauses(doc_id, position);
CREATE INDEX IF NOT EXISTS clauses_embed ON clauses(embed_hash);
CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_CLAUSE_COLUMNS = (
    "row, clause_id, doc_id, position, section, heading, text, start, end, page_start, "
    "page_end, page_label, language, level, level_rank, releasable_to, tokens"
)
_DOCUMENT_COLUMNS = (
    "doc_id, source, sha256, title, kind, level, level_rank, releasable_to, marking_as_found, "
    "marking_source, parties, date, language, amends, size, warnings, pages, text"
)


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """Open a generation database (read-only connections may be shared between threads)."""
    if readonly:
        uri = f"file:{path}?mode=ro&immutable=1"
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        connection.executescript(SCHEMA)
    connection.row_factory = sqlite3.Row
    return connection


def _marking(row: sqlite3.Row) -> Marking:
    return Marking(
        level=row["level"],
        rank=row["level_rank"],
        releasable_to=frozenset(json.loads(row["releasable_to"])),
        as_found=row["marking_as_found"] if "marking_as_found" in row else row["level"],
    )


def row_to_document(row: sqlite3.Row, with_text: bool = True) -> Document:
    """A Document from a documents row."""
    return Document(
        doc_id=row["doc_id"],
        source=row["source"],
        sha256=row["sha256"],
        title=row["title"],
        kind=DocumentKind(row["kind"]),
        marking=_marking(row),
        marking_source=MarkingSource(row["marking_source"]),
        text=row["text"] if with_text else "",
        parties=tuple(json.loads(row["parties"])),
        date=row["date"],
        language=row["language"],
        amends=tuple(json.loads(row["amends"])),
        pages=tuple(PageSpan(**p) for p in json.loads(row["pages"])),
        size=row["size"],
        warnings=tuple(json.loads(row["warnings"])),
    )


def row_to_clause(row: sqlite3.Row) -> Clause:
    """A Clause from a clauses row."""
    return Clause(
        clause_id=row["clause_id"],
        doc_id=row["doc_id"],
        position=row["position"],
        section=row["section"],
        text=row["text"],
        start=row["start"],
        end=row["end"],
        heading=row["heading"],
        page_start=row["page_start"],
        page_end=row["page_end"],
        page_label=row["page_label"],
        language=row["language"],
        marking=_marking(row),
        tokens=row["tokens"],
    )


def insert_document(
    db: sqlite3.Connection,
    document: Document,
    abs_path: str,
    mtime_ns: int,
    meta_hash: str,
    ingested_at: str,
) -> None:
    """Add one document row."""
    marking = document.marking
    db.execute(
        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            document.doc_id,
            document.source,
            abs_path,
            document.sha256,
            document.title,
            document.kind.value,
            marking.level,
            marking.rank,
            json.dumps(sorted(marking.releasable_to)),
            marking.as_found,
            document.marking_source.value,
            json.dumps(list(document.parties)),
            document.date,
            document.language,
            json.dumps(list(document.amends)),
            document.size,
            mtime_ns,
            meta_hash,
            ingested_at,
            json.dumps(list(document.warnings)),
            json.dumps([p.__dict__ for p in document.pages]),
            document.text,
        ),
    )


def insert_clauses(db: sqlite3.Connection, rows: Iterable[tuple[int, Clause, str]]) -> None:
    """Add clause rows: (row number, clause, embedding hash)."""
    db.executemany(
        "INSERT INTO clauses VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                row,
                c.clause_id,
                c.doc_id,
                c.position,
                c.section,
                c.heading,
                c.text,
                c.start,
                c.end,
                c.page_start,
                c.page_end,
                c.page_label,
                c.language,
                c.marking.level if c.marking else "",
                c.marking.rank if c.marking else 0,
                json.dumps(sorted(c.marking.releasable_to)) if c.marking else "[]",
                c.tokens,
                embed_hash,
            )
            for row, c, embed_hash in rows
        ],
    )


def clauses_by_rows(db: sqlite3.Connection, rows: Sequence[int]) -> dict[int, Clause]:
    """Clauses for vector rows, keyed by row."""
    found: dict[int, Clause] = {}
    for start in range(0, len(rows), 500):
        chunk = [int(r) for r in rows[start : start + 500]]
        marks = ",".join("?" * len(chunk))
        query = f"SELECT {_CLAUSE_COLUMNS} FROM clauses WHERE row IN ({marks})"
        for row in db.execute(query, chunk):
            found[row["row"]] = row_to_clause(row)
    return found


def document_rows(db: sqlite3.Connection, with_text: bool = False) -> list[Document]:
    """All documents, ordered by source."""
    columns = (
        _DOCUMENT_COLUMNS if with_text else _DOCUMENT_COLUMNS.replace(", text", ", '' AS text")
    )
    rows = db.execute(f"SELECT {columns} FROM documents ORDER BY source")
    return [row_to_document(row, with_text) for row in rows]
