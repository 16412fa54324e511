"""Source: a document opened at a clause, with the clauses around it and the original file."""

import streamlit as st

from qa.sources import SourceNotFound, source_view
from qa.web import markup, session

engine = session.engine()
viewer = session.viewer()
st.title("Source", anchor=False)

doc_id, clause_id = st.query_params.get("doc"), st.query_params.get("clause")
if not doc_id:
    st.info("Open a document from a citation on Ask, or from Documents.")
    st.stop()

around = st.segmented_control(
    "Clauses around it", ["2", "5", "10", "all"], default="2", required=True, key="source.around"
)
try:
    view = source_view(
        engine, doc_id, clause_id, viewer.clearance, None if around == "all" else int(around)
    )
except SourceNotFound as error:
    session.audit("source_view", doc_id=doc_id, clause_id=clause_id, refused=True)
    st.error(str(error))
    st.stop()
session.audit("source_view", doc_id=doc_id, clause_id=view.focused.clause_id)

st.html(markup.document_html(view))
if view.original is not None:
    st.download_button(
        "Download the original file",
        data=session.deferred_export(view.original.read_bytes, format="original", doc_id=doc_id),
        file_name=view.file_name,
        mime=view.mime,
        on_click="ignore",
        icon=":material/download:",
    )
else:
    st.caption("The original file is not offered: it is not kept, or holds more than you may see.")

for number, clause in enumerate(view.clauses):
    st.html(markup.clause_html(clause, focused=number == view.focus))
