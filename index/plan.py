"""Decide what an ingest run must do: which files are new, changed, renamed, gone or the same."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from index.scan import Candidate, ScanResult
from ingest.documents import document_id
from ingest.records import Rejection
from ingest.settings import Settings

# Bump when parsing or chunking changes in a way that alters clauses of unchanged files.
PARSER_VERSION = 2


@dataclass(frozen=True)
class Indexed:
    """What the previous generation knows of one document."""

    doc_id: str
    source: str
    abs_path: str
    size: int
    mtime_ns: int
    meta_hash: str


@dataclass
class Plan:
    """The changes an ingest run will make."""

    parse: list[Candidate] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    renamed: list[tuple[Indexed, Candidate]] = field(default_factory=list)
    removed: list[Indexed] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # source -> doc_id of parsed files

    def is_empty(self) -> bool:
        """True when nothing in the index would change."""
        return not (self.parse or self.renamed or self.removed)


def meta_hash(candidate: Candidate, settings: Settings, model: str) -> str:
    """Fingerprint of everything besides the bytes that shapes a document's clauses."""
    parts = (
        PARSER_VERSION,
        repr(candidate.sidecar),
        repr(settings.chunking),
        model,
        settings.security.levels,
        settings.security.default_level,
        settings.security.portion_markings,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def read_indexed(db: sqlite3.Connection | None) -> list[Indexed]:
    """The documents of the previous generation."""
    if db is None:
        return []
    query = "SELECT doc_id, source, abs_path, size, mtime_ns, meta_hash FROM documents"
    return [Indexed(*row) for row in db.execute(query)]


def _in_scope(indexed: Indexed, scopes: list[Path]) -> bool:
    path = Path(indexed.abs_path)
    return any(path == scope or scope in path.parents for scope in scopes)


def make_plan(scanned: ScanResult, indexed: list[Indexed], settings: Settings, model: str) -> Plan:
    """Compare the scan with the index; only changed files are read and hashed."""
    plan = Plan(rejected=list(scanned.rejected))
    by_path = {i.abs_path: i for i in indexed}
    by_id = {i.doc_id: i for i in indexed}
    seen_paths = {str(c.path) for c in scanned.candidates}
    kept: set[str] = set()
    for candidate in scanned.candidates:
        previous = by_path.get(str(candidate.path))
        fingerprint = meta_hash(candidate, settings, model)
        same_stat = previous is not None and (previous.size, previous.mtime_ns) == (
            candidate.size,
            candidate.mtime_ns,
        )
        if previous is not None and same_stat and previous.meta_hash == fingerprint:
            plan.unchanged.append(candidate.source)
            kept.add(previous.doc_id)
            continue
        try:
            doc_id, _ = document_id(candidate.path.read_bytes())
        except OSError as error:
            plan.rejected.append(Rejection(candidate.source, f"unreadable: {error.strerror}"))
            if previous is not None:
                kept.add(previous.doc_id)  # keep the last good version
            continue
        twin = by_id.get(doc_id)
        if twin is not None and twin.meta_hash == fingerprint and doc_id not in kept:
            if twin.abs_path == str(candidate.path):
                plan.unchanged.append(candidate.source)
            elif twin.abs_path in seen_paths or (
                not _in_scope(twin, scanned.scopes) and Path(twin.abs_path).exists()
            ):
                plan.duplicates.append((candidate.source, twin.source))
                continue
            else:
                plan.renamed.append((twin, candidate))
            kept.add(doc_id)
            continue
        if twin is not None and doc_id in kept:
            plan.duplicates.append((candidate.source, twin.source))
            continue
        plan.parse.append(candidate)
        plan.hashes[candidate.source] = doc_id
    renamed_from = {old.doc_id for old, _ in plan.renamed}
    for item in indexed:
        if (
            item.doc_id in kept
            or item.doc_id in renamed_from
            or not _in_scope(item, scanned.scopes)
        ):
            continue
        if item.abs_path in seen_paths:
            continue  # re-parsed in place: an update, decided when the parse succeeds
        plan.removed.append(item)
    return plan
