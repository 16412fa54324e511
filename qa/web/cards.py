"""How answers, passages and conflict flags look on the page (shared by the pages).

Document text only ever reaches the page through `qa.web.markup` (escaped HTML in `st.html`);
widget labels that could carry a title are built from fixed words.
"""

from __future__ import annotations

import streamlit as st

from qa.records import CLOSEST_PASSAGES, NOT_ANSWERED, Answer, ConflictFlag, Passage
from qa.web import markup

SOURCE_PAGE = "qa/web/pages/source.py"


def source_link(passage: Passage) -> None:
    """A link that opens the passage's document at the passage."""
    st.page_link(
        SOURCE_PAGE,
        label="Open in source",
        icon=":material/article:",
        query_params={"doc": passage.doc_id, "clause": passage.clause_id},
    )


def passage(item: Passage, anchored: bool = True) -> None:
    """A passage: [n], citation, marking, strength, highlighted text, and its source link."""
    st.html(markup.passage_html(item, anchored=anchored))
    source_link(item)


def conflict(flag: ConflictFlag) -> None:
    """A conflict flag: wording, kind and explanation, then both clauses side by side."""
    with st.container(border=True):
        st.html(markup.conflict_heading_html(flag))
        evidence = flag.evidence or (None, None)
        amended = flag.status == "amended"
        for column, side, label, sentence in zip(
            st.columns(2),
            (flag.a, flag.b),
            ("A: ", "B (amends A): " if amended else "B: "),
            evidence,
            strict=True,
        ):
            with column:
                st.html(markup.conflict_side_html(side, label, sentence))
                source_link(side)


def answer(item: Answer) -> None:
    """The whole answer: short text with linked [n], passages, then conflicts."""
    ranks = [p.rank for p in item.passages]
    if item.abstained:
        st.warning(NOT_ANSWERED, icon=":material/help:")
        if item.passages:
            st.subheader(CLOSEST_PASSAGES, anchor=False)
    else:
        st.html(markup.answer_html(item.text, ranks))
        st.subheader("Cited passages", anchor=False)
    for found in item.passages:
        passage(found, anchored=not item.abstained)
    if item.conflicts:
        st.subheader(f"Possible conflicts ({len(item.conflicts)})", anchor=False)
        for flag in item.conflicts:
            conflict(flag)
