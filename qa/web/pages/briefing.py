"""Briefing: the answers pinned on Ask, exported for trainers as Markdown, PDF or Word."""

from collections.abc import Callable

import streamlit as st

from qa.briefing import briefing_banner, briefing_docx, briefing_markdown, briefing_pdf
from qa.briefing import escape_markdown as md
from qa.web import session

st.title("Briefing", anchor=False)
pinned = list(session.pins())
if not pinned:
    st.info("Pin answers on Ask to collect them here for a briefing.")
    st.stop()

scale = session.scale()
st.text(f"Classification banner: {briefing_banner(pinned, scale)}")
for number, answer in enumerate(pinned):
    left, right = st.columns([5, 1], vertical_alignment="center")
    counts = f"{len(answer.passages)} passages, {len(answer.conflicts)} possible conflicts"
    left.markdown(f"**{md(answer.question)}** — {counts}")
    right.button("Unpin", key=f"unpin-{number}", on_click=session.toggle_pin, args=(answer,))

details = {
    "questions": len(pinned),
    "clause_ids": sorted({p.clause_id for a in pinned for p in a.passages}),
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
formats: list[tuple[str, Callable[..., str | bytes], str, str]] = [
    ("Markdown", briefing_markdown, "md", "text/markdown"),
    ("PDF", briefing_pdf, "pdf", "application/pdf"),
    ("Word", briefing_docx, "docx", DOCX),
]


def build(render: Callable[..., str | bytes]) -> Callable[[], str | bytes]:
    """The export in one format, dated when the button is clicked."""
    return lambda: render(pinned, session.now(), scale)


stamp = session.now().strftime("%Y%m%d-%H%M")
for column, (label, render, suffix, mime) in zip(st.columns(3), formats, strict=True):
    column.download_button(
        f"Download {label}",
        data=session.deferred_export(build(render), format=suffix, **details),
        file_name=f"accord-briefing-{stamp}.{suffix}",
        mime=mime,
        on_click="ignore",
        icon=":material/download:",
        key=f"export-{suffix}",
    )
