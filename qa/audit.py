"""The audit trail: who did what and when, append-only, in SQLite.

Each record holds a UTC timestamp, the user name ("cli" for the local operator), the event and
details as JSON. Details are ids, counts, names and short labels only — never document text:
`AuditLog.record` refuses keys that name text (``text``, ``content``, ``passage_text`` ...),
strings over 200 characters, nested structures and long lists.

One exception: a ``question`` detail holds the user's own words (that is what an auditor needs
to see) and is cut to 500 characters, so pasting a document into the question box cannot copy
it into the log in full.

Append-only is enforced by the database: triggers abort every UPDATE and DELETE. The file is
created with mode 0600; SQLite cannot stop someone with write access to the file from dropping
the triggers, so that access must stay with the service account.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from ingest.settings import Settings

MAX_DETAIL_CHARS = 200
QUESTION_MAX_CHARS = 500
MAX_LIST_ITEMS = 1000
MAX_DETAILS_BYTES = 32_768
APPEND_ONLY = "the audit log is append-only"
# Keys that would hold document text; also refused: any key ending in _text or _content.
FORBIDDEN_KEYS = frozenset(
    {"text", "content", "passage", "passage_text", "body", "excerpt", "snippet", "quote", "answer"}
)
_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    event TEXT NOT NULL,
    details TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_at ON audit (at);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END;
"""


class AuditEvent(StrEnum):
    """What happened."""

    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    QUESTION = "question"
    PASSAGES_SHOWN = "passages_shown"
    SOURCE_VIEW = "source_view"
    EXPORT = "export"
    UPLOAD = "upload"
    REINDEX = "reindex"
    USER_ADDED = "user_added"
    USER_CHANGED = "user_changed"
    USER_REMOVED = "user_removed"
    AUDIT_READ = "audit_read"


class AuditRefused(ValueError):
    """A detail that may not go into the audit log (it could hold document text)."""


@dataclass(frozen=True)
class AuditRecord:
    """One line of the audit trail."""

    id: int
    at: str  # UTC, ISO 8601 to the second
    user: str
    event: AuditEvent
    details: Mapping[str, Any]

    def to_json(self) -> dict[str, Any]:
        """The record as JSON-ready data."""
        return {
            "id": self.id,
            "at": self.at,
            "user": self.user,
            "event": self.event.value,
            "details": dict(self.details),
        }


def _check_scalar(key: str, value: object) -> None:
    if value is None or isinstance(value, bool | int | float):
        return
    if not isinstance(value, str):
        raise AuditRefused(f"audit detail {key!r}: {type(value).__name__} is not allowed")
    if len(value) > MAX_DETAIL_CHARS:
        raise AuditRefused(
            f"audit detail {key!r}: {len(value)} characters is free text "
            f"(at most {MAX_DETAIL_CHARS}; the audit log never holds document text)"
        )


def _clean_value(key: str, value: object) -> object:
    if key == "question" and isinstance(value, str):
        return value[:QUESTION_MAX_CHARS]
    if isinstance(value, list | tuple | set | frozenset):
        if len(value) > MAX_LIST_ITEMS:
            raise AuditRefused(f"audit detail {key!r}: more than {MAX_LIST_ITEMS} items")
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        for item in items:
            _check_scalar(key, item)
        return items
    _check_scalar(key, value)
    return value


def clean_details(details: Mapping[str, object]) -> dict[str, object]:
    """Details checked for the log; raises AuditRefused for anything that could be text."""
    cleaned: dict[str, object] = {}
    for key, value in details.items():
        if not _KEY.fullmatch(key):
            raise AuditRefused(f"audit detail key {key!r}: use lower-case letters, digits and _")
        if key in FORBIDDEN_KEYS or key.endswith(("_text", "_content")):
            raise AuditRefused(f"audit detail {key!r} would hold document text")
        cleaned[key] = _clean_value(key, value)
    if len(json.dumps(cleaned)) > MAX_DETAILS_BYTES:
        raise AuditRefused(f"audit details exceed {MAX_DETAILS_BYTES} bytes")
    return cleaned


def _utc(moment: datetime) -> datetime:
    """Naive datetimes are taken as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class AuditLog:
    """The append-only audit database."""

    def __init__(self, path: Path, clock: Callable[[], datetime] | None = None):
        self.path = path
        self.clock = clock or (lambda: datetime.now(UTC))

    @classmethod
    def open(cls, settings: Settings, clock: Callable[[], datetime] | None = None) -> AuditLog:
        """Open the audit database at `security.audit_path`, creating it (mode 0600) if new."""
        log = cls(settings.security.audit_path, clock)
        log.path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(log.path, os.O_RDWR | os.O_CREAT, 0o600))
        with log._connect() as db:
            db.executescript(_SCHEMA)
        return log

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # a connection per call: safe from any thread, and other processes see each commit
        with closing(sqlite3.connect(self.path, timeout=30)) as db, db:
            yield db

    def record(self, event: AuditEvent | str, user: str, **details: object) -> AuditRecord:
        """Append one record; raises AuditRefused for details that could hold document text.

        Args:
            event: what happened.
            user: who did it ("cli" for the local operator).
            details: ids, counts, names, short labels; ``question`` for the user's question.

        Returns:
            The stored record.
        """
        kind = AuditEvent(event)
        if not user or len(user) > MAX_DETAIL_CHARS:
            raise AuditRefused("audit user must be a name of 1-200 characters")
        cleaned = clean_details(details)
        at = _utc(self.clock()).isoformat(timespec="seconds")
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO audit (at, user, event, details) VALUES (?, ?, ?, ?)",
                (at, user, kind.value, json.dumps(cleaned, ensure_ascii=False)),
            )
        return AuditRecord(int(cursor.lastrowid or 0), at, user, kind, cleaned)

    def query(
        self,
        user: str | None = None,
        since: datetime | None = None,
        event: AuditEvent | str | None = None,
    ) -> list[AuditRecord]:
        """Records in the order they were written, optionally for one user, event or period."""
        clauses: list[str] = []
        values: list[str] = []
        if user is not None:
            clauses.append("user = ?")
            values.append(user)
        if since is not None:
            clauses.append("at >= ?")
            values.append(_utc(since).isoformat(timespec="seconds"))
        if event is not None:
            clauses.append("event = ?")
            values.append(AuditEvent(event).value)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._connect() as db:
            rows = db.execute(
                f"SELECT id, at, user, event, details FROM audit {where} ORDER BY id", values
            ).fetchall()
        return [
            AuditRecord(row[0], row[1], row[2], AuditEvent(row[3]), json.loads(row[4]))
            for row in rows
        ]
