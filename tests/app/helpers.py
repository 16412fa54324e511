"""Helpers for the web page tests: running the app, asking, reading what it rendered, and
hand-made answers for the briefing and markup tests."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.testing.v1 import AppTest

from ingest.records import DocumentKind, Marking
from qa.engine import Engine
from qa.records import Answer, ConflictFlag, MatchStrength, Passage
from tests.conftest import REPO

APP = REPO / "app.py"
PASSWORD = "correct horse battery"
PAGES = "qa/web/pages"


def forget_engines() -> None:
    """Drop engines cached by the library and by Streamlit (each test starts afresh)."""
    Engine.forget()
    st.cache_resource.clear()


def run_app(page: str | None = None) -> AppTest:
    """Run app.py once, then switch to `page` ("ask", "source" ...) and run it."""
    app = AppTest.from_file(str(APP), default_timeout=30).run()
    if page is not None:
        app.switch_page(f"{PAGES}/{page}.py").run()
    return app


def ask(app: AppTest, question: str) -> AppTest:
    """Type a question on Ask and submit it."""
    app.text_area[0].input(question)
    app.get("form_submit_button")[0].click()
    return app.run()


def html_of(app: AppTest) -> str:
    """Every st.html body on the page but the style sheet, joined."""
    bodies = (element.proto.body for element in app.html)
    return "\n".join(body for body in bodies if not body.startswith("<style>"))


def audit_rows(folder: Path) -> list[tuple[str, str, str]]:
    """(user, event, details JSON) of every audit record."""
    if not (folder / "audit.sqlite").exists():
        return []
    with sqlite3.connect(folder / "audit.sqlite") as db:
        return list(db.execute("SELECT user, event, details FROM audit ORDER BY id"))


def passage(rank: int, text: str, **changes: Any) -> Passage:
    """A hand-made passage (briefing and markup tests)."""
    values: dict[str, Any] = {
        "rank": rank,
        "clause_id": f"c{rank}",
        "doc_id": f"d{rank}",
        "title": f"Agreement {rank}",
        "source": f"/corpus/agreement-{rank}.md",
        "section": f"Article {rank}",
        "text": text,
        "score": 0.5,
        "strength": MatchStrength.STRONG,
        "marking": Marking("RESTRICTED", 1),
        "kind": DocumentKind.AGREEMENT,
    }
    values.update(changes)
    return Passage(**values)


def conflict(a: Passage, b: Passage, **changes: Any) -> ConflictFlag:
    """A hand-made conflict flag."""
    values: dict[str, Any] = {
        "kind": "numeric",
        "topic": "retention",
        "explanation": f"retention: 5 years ({a.title}) vs 10 years ({b.title})",
        "score": 0.9,
        "a": a,
        "b": b,
    }
    values.update(changes)
    return ConflictFlag(**values)


GENERATED = dt.datetime(2026, 3, 4, 9, 30, tzinfo=dt.UTC)


def answer(question: str, text: str, passages: list[Passage], **changes: Any) -> Answer:
    """A hand-made answer."""
    return Answer(question, text, changes.pop("abstained", False), tuple(passages), **changes)


def sign_in(app: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    """Fill in the sign-in form and submit it."""
    app.text_input[0].input(name)
    app.text_input[1].input(password)
    app.get("form_submit_button")[0].click()
    return app.run()
