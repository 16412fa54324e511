"""Documents: what is indexed that you may see, and what the last ingest rejected."""

from dataclasses import asdict

import streamlit as st

from qa.catalog import document_entries, rejected_files
from qa.web import cards, session

COLUMNS = ["title", "kind", "parties", "date", "classification", "clauses", "pages"]
COLUMNS += ["ingested_at", "in_filters", "file_name"]

engine = session.engine()
viewer = session.viewer()
st.title("Documents", anchor=False)

entries = document_entries(engine, viewer.clearance, session.filters())
matching = sum(entry.in_filters for entry in entries)
st.caption(f"{len(entries)} documents you may see · {matching} pass the sidebar filters")
st.dataframe(
    [asdict(entry) for entry in entries],
    column_order=COLUMNS,
    column_config={
        "title": st.column_config.TextColumn("Title", width="large"),
        "kind": "Kind",
        "parties": "Parties",
        "date": "Date",
        "classification": "Classification",
        "clauses": st.column_config.NumberColumn("Clauses", help="clauses you may see"),
        "pages": "Pages",
        "ingested_at": "Ingested (UTC)",
        "in_filters": st.column_config.CheckboxColumn("In filters"),
        "file_name": "File",
    },
    hide_index=True,
)

titles = {entry.doc_id: entry.title for entry in entries}
if titles:
    chosen = st.selectbox("Open a document", list(titles), format_func=titles.__getitem__)
    st.page_link(
        cards.SOURCE_PAGE,
        label="Open in source",
        icon=":material/article:",
        query_params={"doc": chosen},
    )

if viewer.analyst:
    rejected = rejected_files(engine)
    st.subheader(f"Rejected by the last ingest ({len(rejected)})", anchor=False)
    if rejected:
        st.dataframe([asdict(r) for r in rejected], hide_index=True)
    else:
        st.caption("The last ingest took every file.")
