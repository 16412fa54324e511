"""Print briefing blocks as a Word document, the classification banner in header and footer."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Cm, Pt

from qa.briefing import Block, Style

_HEADINGS = {Style.TITLE: 0, Style.QUESTION: 1, Style.HEADING: 2}
# (size in points, bold) for the plain paragraph styles.
_LOOK: dict[Style, tuple[float, bool]] = {
    Style.META: (9, False),
    Style.ANSWER: (11, False),
    Style.CITATION: (9, True),
    Style.PASSAGE: (10, False),
    Style.FLAG: (10, True),
}


def _banner(paragraph: Any, banner: str) -> None:
    paragraph.text = ""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(banner)
    run.bold = True
    run.font.size = Pt(10)


def render_docx(blocks: list[Block], banner: str) -> bytes:
    """The blocks as a .docx file."""
    document = Document()
    document.core_properties.title = f"Accord briefing ({banner})"
    section = document.sections[0]
    _banner(section.header.paragraphs[0], banner)
    _banner(section.footer.paragraphs[0], banner)
    for block in blocks:
        level = _HEADINGS.get(block.style)
        if level is not None:
            document.add_heading(block.text, level=level)
            continue
        size, bold = _LOOK[block.style]
        paragraph = document.add_paragraph()
        if block.style is Style.PASSAGE:
            paragraph.paragraph_format.left_indent = Cm(0.8)
        for span in block.spans:
            run = paragraph.add_run(span.text)
            run.font.size = Pt(size)
            run.bold = bold or span.highlighted
            if span.highlighted:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
