"""Ask: a question in, a short answer with [n] markers, cited passages and possible conflicts."""

import streamlit as st

from qa.briefing import escape_markdown
from qa.web import cards, session
from qa.web.filters import describe

engine = session.engine()
st.title("Ask", anchor=False)

with st.form("ask", border=False):
    question = st.text_area(
        "Question",
        placeholder="e.g. How long may Brevia keep intelligence we send them?",
        height=80,
    )
    asked = st.form_submit_button("Ask", type="primary", icon=":material/search:")
if asked:
    if question.strip():
        session.ask(engine, question)
    else:
        st.warning("Type a question first.")

filters = session.filters()
if not filters.is_empty():
    titles = {d.doc_id: d.title for d in engine.documents.values()}
    st.text(f"Filters: {describe(filters, titles)}")

earlier = session.history()
answer = session.shown()
if len(earlier) > 1:
    with st.expander(f"This session's questions ({len(earlier)})", icon=":material/history:"):
        for index in reversed(range(len(earlier))):
            st.button(
                escape_markdown(earlier[index].question),
                key=f"history-{index}",
                on_click=session.show,
                args=(index,),
                type="tertiary",
                disabled=earlier[index] is answer,
            )
if answer is not None:
    st.subheader(escape_markdown(answer.question), anchor=False)
    pinned = session.is_pinned(answer)
    st.button(
        "Unpin from briefing" if pinned else "Pin to briefing",
        icon=":material/keep_off:" if pinned else ":material/keep:",
        on_click=session.toggle_pin,
        args=(answer,),
    )
    cards.answer(answer)
    st.caption(f"Answered in {answer.timings_ms.get('total', 0):.0f} ms")
