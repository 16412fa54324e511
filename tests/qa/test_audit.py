"""The audit trail: append-only in the database, no document text, filters."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from qa.audit import (
    APPEND_ONLY,
    QUESTION_MAX_CHARS,
    AuditEvent,
    AuditLog,
    AuditRecord,
    AuditRefused,
)
from tests.conftest import make_settings

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


class Clock:
    """A UTC clock that moves one minute per reading."""

    def __init__(self) -> None:
        self.now = START - timedelta(minutes=1)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    settings = make_settings(
        tmp_path / "index", **{"security.audit_path": tmp_path / "var" / "audit.sqlite"}
    )
    return AuditLog.open(settings, clock=Clock())


def test_record_stores_time_user_event_and_details(log: AuditLog) -> None:
    record = log.record(AuditEvent.PASSAGES_SHOWN, "alice", clause_ids=["c1", "c2"], count=2)
    assert record == AuditRecord(
        1,
        "2026-03-01T09:00:00+00:00",
        "alice",
        AuditEvent.PASSAGES_SHOWN,
        {"clause_ids": ["c1", "c2"], "count": 2},
    )
    assert log.query() == [record]
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600


def test_update_and_delete_are_refused_by_the_database(log: AuditLog) -> None:
    log.record(AuditEvent.SIGN_IN, "alice")
    with sqlite3.connect(log.path) as db:
        with pytest.raises(sqlite3.DatabaseError, match=f"^{APPEND_ONLY}$"):
            db.execute("UPDATE audit SET user = 'bob'")
        with pytest.raises(sqlite3.DatabaseError, match=f"^{APPEND_ONLY}$"):
            db.execute("DELETE FROM audit")
    db.close()
    assert [(r.user, r.event) for r in log.query()] == [("alice", AuditEvent.SIGN_IN)]


def test_reopening_keeps_records_and_triggers(log: AuditLog, tmp_path: Path) -> None:
    log.record(AuditEvent.SIGN_IN, "alice")
    settings = make_settings(tmp_path / "index", **{"security.audit_path": log.path})
    again = AuditLog.open(settings)
    again.record(AuditEvent.SIGN_OUT, "alice")
    assert [r.event for r in again.query()] == [AuditEvent.SIGN_IN, AuditEvent.SIGN_OUT]
    with sqlite3.connect(log.path) as db, pytest.raises(sqlite3.DatabaseError):
        db.execute("DELETE FROM audit WHERE id = 1")
    db.close()


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ({"text": "Article 4"}, "audit detail 'text' would hold document text"),
        ({"content": "x"}, "audit detail 'content' would hold document text"),
        ({"passage_text": "x"}, "audit detail 'passage_text' would hold document text"),
        ({"clause_text": "x"}, "audit detail 'clause_text' would hold document text"),
        ({"note": "x" * 201}, "audit detail 'note': 201 characters is free text"),
        ({"ids": ["c1", "y" * 300]}, "audit detail 'ids': 300 characters is free text"),
        ({"nested": {"a": 1}}, "audit detail 'nested': dict is not allowed"),
        ({"ids": list(range(1001))}, "audit detail 'ids': more than 1000 items"),
        ({"Bad-Key": 1}, "audit detail key 'Bad-Key'"),
    ],
)
def test_document_text_is_refused(log: AuditLog, details: dict[str, object], message: str) -> None:
    with pytest.raises(AuditRefused) as caught:
        log.record(AuditEvent.SOURCE_VIEW, "alice", **details)
    assert str(caught.value).startswith(message)
    assert log.query() == []


def test_questions_are_kept_but_cut_to_length(log: AuditLog) -> None:
    short = log.record(AuditEvent.QUESTION, "alice", question="Who may share data?")
    long = log.record(AuditEvent.QUESTION, "alice", question="why " * 200)
    assert short.details["question"] == "Who may share data?"
    assert long.details["question"] == ("why " * 200)[:QUESTION_MAX_CHARS]
    assert len(log.query()[1].details["question"]) == QUESTION_MAX_CHARS == 500


def test_unknown_events_and_empty_users_are_refused(log: AuditLog) -> None:
    with pytest.raises(ValueError, match="'shred' is not a valid AuditEvent"):
        log.record("shred", "alice")
    with pytest.raises(AuditRefused, match="audit user must be a name"):
        log.record(AuditEvent.SIGN_IN, "")


def test_query_filters_by_user_time_and_event(log: AuditLog) -> None:
    log.record(AuditEvent.SIGN_IN, "alice")  # 09:00
    log.record(AuditEvent.QUESTION, "alice", question="q1")  # 09:01
    log.record(AuditEvent.SIGN_IN, "bob")  # 09:02
    log.record(AuditEvent.QUESTION, "bob", question="q2")  # 09:03

    def ids(**filters: object) -> list[int]:
        return [record.id for record in log.query(**filters)]  # type: ignore[arg-type]

    assert ids() == [1, 2, 3, 4]
    assert ids(user="alice") == [1, 2]
    assert ids(event=AuditEvent.QUESTION) == [2, 4]
    assert ids(event="sign_in", user="bob") == [3]
    assert ids(since=datetime(2026, 3, 1, 9, 2, tzinfo=UTC)) == [3, 4]
    assert ids(since=datetime(2026, 3, 1, 9, 2)) == [3, 4]  # naive = UTC
    assert ids(since=datetime(2026, 3, 1, 10, 1, tzinfo=UTC) + timedelta(hours=-1)) == [2, 3, 4]
    assert ids(user="carol") == []
