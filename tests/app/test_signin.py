"""Sign-in when an accounts file exists: the form, the trusted header, clearance everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.context import StreamlitHeaders

from ingest.settings import load_settings
from qa.accounts import Accounts
from qa.sources import SOURCE_NOT_FOUND
from tests.app.helpers import PAGES, ask, audit_rows, run_app, sign_in


def events(folder: Path) -> list[tuple[str, str]]:
    return [(user, event) for user, event, _ in audit_rows(folder)]


def test_sign_in_is_required_and_a_wrong_password_refused(
    app_env: Path, accounts: Accounts
) -> None:
    app = run_app()
    assert [t.label for t in app.text_input] == ["Name", "Password"]
    assert not app.text_area and not app.sidebar.multiselect  # nothing else until signed in
    app = sign_in(app, "carol", "wrong password!")
    assert [e.value for e in app.error] == ["The name or the password is not correct"]
    assert events(app_env) == [("carol", "sign_in_failed")]


def test_repeated_failures_lock_the_account(app_env: Path, accounts: Accounts) -> None:
    app = run_app()
    for _ in range(5):
        app = sign_in(app, "carol", "wrong password!")
    assert app.error[0].value.startswith("Too many failed sign-ins: this account is locked")
    app = sign_in(app, "carol")  # the right password does not open a locked account
    assert app.error and app.text_input


def test_signed_in_user_sees_only_their_clearance(app_env: Path, accounts: Accounts) -> None:
    app = sign_in(run_app(), "carol")
    assert not app.exception and not app.error
    assert app.sidebar.text[0].value == "Signed in: carol — CONFIDENTIAL, reader"
    app = ask(app, "How long may the Receiving Party retain intelligence?")
    passages = app.session_state["accord.history"][-1].passages
    assert passages and all(p.marking and p.marking.rank <= 2 for p in passages)
    app.switch_page(f"{PAGES}/documents.py").run()
    titles = [row["title"] for row in app.dataframe[0].value.to_dict("records")]
    assert len(titles) == 14 and not any(
        "Calvenia and the Republic of Dorenia" in t for t in titles
    )
    assert not any("Rejected" in s.value for s in app.subheader)  # readers do not see rejections
    assert events(app_env)[:3] == [
        ("carol", "sign_in"),
        ("carol", "question"),
        ("carol", "passages_shown"),
    ]


def test_source_view_refuses_a_document_above_the_clearance(
    app_env: Path, accounts: Accounts
) -> None:
    from qa.engine import Engine

    settings = load_settings()
    engine = Engine.load(settings.index.path, settings)
    secret = next(d.doc_id for d in engine.documents.values() if d.marking.rank == 3)
    app = sign_in(run_app(), "carol")
    app.query_params["doc"] = secret
    app.switch_page(f"{PAGES}/source.py").run()
    assert [e.value for e in app.error] == [SOURCE_NOT_FOUND]
    user, event, details = audit_rows(app_env)[-1]
    assert (user, event) == ("carol", "source_view")
    assert json.loads(details) == {"doc_id": secret, "clause_id": None, "refused": True}


def test_analysts_see_the_rejected_files(app_env: Path, accounts: Accounts) -> None:
    app = sign_in(run_app(), "ana")
    app.switch_page(f"{PAGES}/documents.py").run()
    assert "Rejected by the last ingest (0)" in [s.value for s in app.subheader]


def test_sign_out_is_audited_and_asks_to_sign_in_again(app_env: Path, accounts: Accounts) -> None:
    app = sign_in(run_app(), "carol")
    app.sidebar.button[0].click()
    app.run()
    assert [t.label for t in app.text_input] == ["Name", "Password"]
    assert events(app_env) == [("carol", "sign_in"), ("carol", "sign_out")]


def test_trusted_header_signs_in_without_a_password(
    app_env: Path, accounts: Accounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCORD_TRUSTED_USER_HEADER", "X-Forwarded-User")
    headers = StreamlitHeaders([("X-Forwarded-User", "ana"), ("Host", "localhost")])
    monkeypatch.setattr(type(st.context), "headers", property(lambda self: headers))
    app = run_app()
    assert not app.text_input and not app.exception
    assert app.sidebar.text[0].value == "Signed in: ana — SECRET (ALD), analyst"
    assert not app.sidebar.button  # the proxy signs people out, not the page
    (row,) = audit_rows(app_env)
    assert row[:2] == ("ana", "sign_in") and json.loads(row[2]) == {"method": "trusted_header"}


def test_without_an_accounts_file_the_local_operator_is_named(app_env: Path) -> None:
    app = run_app()
    assert app.sidebar.info[0].value.startswith("No accounts file: running as the single local")
    assert not app.text_input


def test_a_trusted_header_sent_twice_signs_nobody_in(
    app_env: Path, accounts: Accounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCORD_TRUSTED_USER_HEADER", "X-Forwarded-User")
    headers = StreamlitHeaders([("X-Forwarded-User", "carol"), ("x-forwarded-user", "ana")])
    monkeypatch.setattr(type(st.context), "headers", property(lambda self: headers))
    app = run_app()
    assert [t.label for t in app.text_input] == ["Name", "Password"]
    assert audit_rows(app_env) == []
