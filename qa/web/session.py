"""What every page shares: the engine (one per server), the viewer, the filters, the session's
questions and pins, and the audit trail.

Library errors become `st.error` messages and stop the page; they never show a traceback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from ingest.markings import ClassificationScale
from ingest.settings import Settings, load_settings
from qa.records import Answer, Filters

if TYPE_CHECKING:
    from qa.accounts import Accounts
    from qa.audit import AuditLog
    from qa.engine import Engine
    from qa.web.viewer import Viewer

VIEWER = "accord.viewer"
FILTERS = "accord.filters"
HISTORY = "accord.history"
SHOWN = "accord.shown"
PINS = "accord.pins"


def settings() -> Settings:
    """Settings from the ACCORD_* environment (`accord serve` passes ACCORD_INDEX)."""
    return load_settings()


def scale() -> ClassificationScale:
    """The configured classification scale."""
    return ClassificationScale.with_levels(settings().security.levels)


def known_errors() -> tuple[type[BaseException], ...]:
    """Library errors whose message is a complete sentence to show as it is."""
    from qa.cli.common import known_errors as library_errors

    return library_errors()


@st.cache_resource(show_spinner="Loading the index…")
def _load_engine(index_dir: str, model: str, _settings: Settings) -> Engine:
    from qa.engine import Engine

    del model  # part of the cache key only
    return Engine.load(Path(index_dir), _settings)


def engine() -> Engine:
    """The server's engine, switched to the newest published generation."""
    current = settings()
    try:
        loaded = _load_engine(str(current.index.path.resolve()), current.models.embedding, current)
        loaded.refresh()
    except known_errors() as error:
        st.error(str(error))
        st.stop()
        raise  # st.stop() returns only outside `streamlit run`
    return loaded


@st.cache_resource
def _audit_log(path: str, _settings: Settings) -> AuditLog:
    from qa.audit import AuditLog

    del path  # part of the cache key only
    return AuditLog.open(_settings)


@st.cache_resource
def accounts(path: str, _settings: Settings) -> Accounts:
    """The accounts file, shared by all sessions (it remembers failed sign-ins)."""
    from qa.accounts import Accounts

    del path  # part of the cache key only
    return Accounts.open(_settings)


def audit_as(user: str, event: str, **details: Any) -> None:
    """Append to the audit trail; raises when it cannot (an action must not go unrecorded)."""
    current = settings()
    _audit_log(str(current.security.audit_path), current).record(event, user, **details)


def audit(event: str, **details: Any) -> None:
    """Record what the signed-in viewer did; stop the page if the trail cannot be written."""
    from qa.audit import AuditRefused

    try:
        audit_as(viewer().name, event, **details)
    except (OSError, AuditRefused) as error:
        st.error(f"The audit trail could not be written, so this was not done: {error}")
        st.stop()


def viewer() -> Viewer:
    """Who is signed in (app.py sets it before any page runs)."""
    found: Viewer | None = st.session_state.get(VIEWER)
    if found is None:
        st.error("Please sign in.")
        st.stop()
    return found


def filters() -> Filters:
    """The sidebar filters."""
    found: Filters = st.session_state.get(FILTERS, Filters())
    return found


def history() -> list[Answer]:
    """This session's answers, oldest first."""
    found: list[Answer] = st.session_state.setdefault(HISTORY, [])
    return found


def shown() -> Answer | None:
    """The answer the Ask page shows."""
    answers, index = history(), st.session_state.get(SHOWN)
    return answers[index] if index is not None and 0 <= index < len(answers) else None


def _record_shown(answer: Answer) -> None:
    passages = [p.clause_id for p in answer.passages]
    flagged = sorted({s.clause_id for f in answer.conflicts for s in (f.a, f.b)} - set(passages))
    audit("passages_shown", clause_ids=passages, conflict_clause_ids=flagged)


def show(index: int) -> None:
    """Show an earlier answer again."""
    st.session_state[SHOWN] = index
    _record_shown(history()[index])


def ask(loaded: Engine, question: str) -> Answer | None:
    """Ask as the viewer with the sidebar filters; the answer joins the history."""
    audit("question", question=question, generation=loaded.generation)
    try:
        answer = loaded.ask(question, filters=filters(), user=viewer().clearance)
    except known_errors() as error:
        st.error(str(error))
        return None
    history().append(answer)
    show(len(history()) - 1)
    return answer


def pins() -> list[Answer]:
    """Answers pinned for the briefing, in pinning order."""
    found: list[Answer] = st.session_state.setdefault(PINS, [])
    return found


def is_pinned(answer: Answer) -> bool:
    """Whether this very answer is pinned."""
    return any(pinned is answer for pinned in pins())


def toggle_pin(answer: Answer) -> None:
    """Pin an answer, or unpin it."""
    kept = [pinned for pinned in pins() if pinned is not answer]
    st.session_state[PINS] = kept if len(kept) < len(pins()) else [*kept, answer]


def deferred_export(build: Callable[[], bytes | str], **details: Any) -> Callable[[], bytes]:
    """A download built when its button is clicked, and recorded as an export when it is.

    Streamlit runs it outside the script run, so it takes the viewer's name now.
    """
    user = viewer().name

    def run() -> bytes:
        data = build()
        audit_as(user, "export", **details)
        return data.encode("utf-8") if isinstance(data, str) else data

    return run


def now() -> dt.datetime:
    """The time printed on exports (UTC)."""
    return dt.datetime.now(dt.UTC)
