"""The sidebar on every page: who is signed in, and the filters questions are asked with."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from ingest.records import Document, DocumentKind
from qa.web import session, signin
from qa.web.filters import date_bounds, filters_from, party_options
from qa.web.viewer import LOCAL_MODE_NOTE, Viewer

if TYPE_CHECKING:
    from qa.engine import Engine


def _identity(viewer: Viewer) -> None:
    if viewer.local:
        st.info(LOCAL_MODE_NOTE, icon=":material/person:")
        return
    st.text(f"Signed in: {viewer.label}")
    if not viewer.sso:
        st.button("Sign out", on_click=signin.sign_out, icon=":material/logout:")


def _filters(documents: list[Document]) -> None:
    titles = {d.doc_id: d.title for d in sorted(documents, key=lambda d: d.title.lower())}
    st.subheader("Filters", anchor=False)
    st.caption("Questions on Ask search only the documents that pass these filters.")
    kinds = st.multiselect("Kind", [k.value for k in DocumentKind], key="filter.kinds")
    parties = st.multiselect("Party", party_options(documents), key="filter.parties")
    bounds = date_bounds(documents)
    dates = st.date_input(
        "Dated between",
        value=[],
        min_value=bounds[0] if bounds else None,
        max_value=bounds[1] if bounds else None,
        key="filter.dates",
    )
    doc_ids = st.multiselect(
        "Documents",
        list(titles),
        format_func=lambda doc_id: titles.get(doc_id, doc_id),
        key="filter.documents",
    )
    chosen = dates if isinstance(dates, tuple | list) else ()
    st.session_state[session.FILTERS] = filters_from(kinds, parties, chosen, doc_ids)


def render(engine: Engine, viewer: Viewer) -> None:
    """Identity, filters and the index generation, in the sidebar."""
    with st.sidebar:
        _identity(viewer)
        documents = engine.visible_documents(viewer.clearance)
        _filters(documents)
        st.caption(f"Index generation {engine.generation} · {len(documents)} documents")
