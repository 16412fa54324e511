"""Conflict map: every flagged clause pair you may see, by topic, kind and document."""

from dataclasses import asdict

import altair as alt
import streamlit as st

from qa.conflicts.corpus_map import conflict_map
from qa.web import cards, session
from qa.web.conflict_table import documents_in, pair_cells, select_flags, topic_of

SHOWN = 50  # flags listed at once (each is two clauses side by side)

engine = session.engine()
viewer = session.viewer()
st.title("Conflict map", anchor=False)

flags = conflict_map(engine, viewer.clearance)
if not flags:
    st.info("No possible conflicts are recorded for the documents you may see.")
    st.stop()

names = documents_in(flags)
topic_col, kind_col, doc_col = st.columns(3)
topics = topic_col.multiselect("Topic", sorted({topic_of(f) for f in flags}), key="map.topics")
kinds = kind_col.multiselect("Kind", sorted({f.kind for f in flags}), key="map.kinds")
doc_ids = doc_col.multiselect(
    "Document", list(names), format_func=names.__getitem__, key="map.documents"
)
chosen = select_flags(flags, topics, kinds, doc_ids)
st.caption(f"{len(chosen)} of {len(flags)} flags · worded “possible conflict — review”")

cells = [asdict(cell) | {"flags": cell.flags} for cell in pair_cells(chosen)]
if cells:
    order = sorted({cell["document"] for cell in cells})
    heat = (
        alt.Chart(alt.InlineData(values=cells))
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X(
                "document:N",
                title=None,
                sort=order,
                axis=alt.Axis(labelAngle=-40, labelOverlap=False),
            ),
            y=alt.Y(
                "other:N", title=None, sort=order, axis=alt.Axis(labelOverlap=False, labelLimit=260)
            ),
            color=alt.Color("flags:Q", title="flags", scale=alt.Scale(scheme="orangered")),
            tooltip=["document:N", "other:N", "conflicts:Q", "amended:Q"],
        )
    )
    st.altair_chart(heat, width="stretch", height=26 * len(order) + 170)

for flag in chosen[:SHOWN]:
    cards.conflict(flag)
if len(chosen) > SHOWN:
    st.caption(f"Showing the first {SHOWN} flags: narrow the filters to see the others.")
