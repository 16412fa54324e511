"""Sign-in: a name and password form, or the trusted single-sign-on header, when accounts exist.

Without an accounts file the page serves the single local operator (see `qa.web.viewer`).
"""

from __future__ import annotations

import streamlit as st

from ingest.settings import Settings
from qa.accounts import AccountError, Accounts, SignInError, user_from_trusted_header
from qa.web import session
from qa.web.viewer import LOCAL_OPERATOR, Viewer, accounts_in_use, viewer_of


def _open_accounts() -> Accounts:
    current = session.settings()
    try:
        return session.accounts(str(current.security.accounts_path), current)
    except AccountError as error:
        st.error(str(error))
        st.stop()


def current_viewer() -> Viewer | None:
    """The session's viewer; None when someone still has to sign in."""
    settings = session.settings()
    if not accounts_in_use(settings):
        st.session_state[session.VIEWER] = LOCAL_OPERATOR
        return LOCAL_OPERATOR
    found: Viewer | None = st.session_state.get(session.VIEWER)
    if found is not None and not found.local:
        return found
    st.session_state.pop(session.VIEWER, None)
    user = user_from_trusted_header(_proxy_header(settings), settings, _open_accounts())
    if user is None:
        return None
    return _signed_in(viewer_of(user, settings, sso=True), "trusted_header")


def _proxy_header(settings: Settings) -> dict[str, str]:
    """The trusted header as sent, or nothing when it is off, absent or sent more than once."""
    name = settings.security.trusted_user_header.strip()
    values = st.context.headers.get_all(name) if name else []
    return {name: values[0]} if len(values) == 1 else {}


def _signed_in(viewer: Viewer, method: str) -> Viewer:
    session.audit_as(viewer.name, "sign_in", method=method)
    st.session_state[session.VIEWER] = viewer
    return viewer


def _attempt(name: str, password: str) -> None:
    try:
        user = _open_accounts().authenticate(name, password)
    except SignInError as error:
        attempted = " ".join(name.split())[:64].lower() or "(empty)"
        session.audit_as(attempted, "sign_in_failed", locked=error.locked_minutes is not None)
        st.error(str(error).capitalize())
        return
    _signed_in(viewer_of(user, session.settings()), "password")
    st.rerun()


def sign_in_page() -> None:
    """The form shown until someone signs in."""
    st.title("Accord")
    st.caption("Question answering over alliance and intelligence-sharing agreements.")
    with st.form("sign-in"):
        name = st.text_input("Name", autocomplete="username")
        password = st.text_input("Password", type="password", autocomplete="current-password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        _attempt(name, password)


def sign_out() -> None:
    """End the session's sign-in (button callback)."""
    viewer = st.session_state.get(session.VIEWER)
    if viewer is not None and not viewer.local:
        session.audit_as(viewer.name, "sign_out")
    st.session_state.clear()
