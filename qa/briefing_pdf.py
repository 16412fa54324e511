"""Print briefing blocks as PDF (fpdf2), the classification banner atop and below every page.

DejaVu Sans is embedded when installed, so any script prints; without it the built-in
Helvetica is used and characters outside Latin-1 are replaced by close ASCII equivalents.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fpdf import FPDF

from qa.briefing import Block, Style

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
_ASCII = str.maketrans(
    {"›": ">", "—": "-", "–": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "⚠": "!"}
)
# (size, bold, space after) per block style.
_LOOK: dict[Style, tuple[float, bool, float]] = {
    Style.TITLE: (18, True, 3),
    Style.META: (9, False, 1),
    Style.QUESTION: (13, True, 2),
    Style.ANSWER: (11, False, 3),
    Style.HEADING: (11, True, 1),
    Style.CITATION: (9, True, 0.5),
    Style.PASSAGE: (10, False, 3),
    Style.FLAG: (10, True, 1),
}


def unicode_font() -> tuple[Path, Path] | None:
    """DejaVu Sans regular and bold, if installed."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


class _BriefingPDF(FPDF):
    """A page with the banner in its header and footer."""

    def __init__(self, banner: str, stamp: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.banner, self.stamp = banner, stamp
        fonts = unicode_font()
        self.family = "DejaVu" if fonts else "Helvetica"
        if fonts:
            self.add_font("DejaVu", "", str(fonts[0]))
            self.add_font("DejaVu", "B", str(fonts[1]))

    def fit(self, text: str) -> str:
        """Text the current font can print."""
        if self.family == "DejaVu":
            return text
        return text.translate(_ASCII).encode("latin-1", "replace").decode("latin-1")

    def header(self) -> None:
        self.set_font(self.family, "B", 10)
        self.cell(0, 6, self.fit(self.banner), align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(3)

    def footer(self) -> None:
        self.set_y(-16)
        self.set_font(self.family, "", 8)
        note = f"Accord briefing · {self.stamp} · page {self.page_no()} of {{nb}}"
        self.cell(0, 5, self.fit(note), align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_font(self.family, "B", 10)
        self.cell(0, 6, self.fit(self.banner), align="C")


def render_pdf(blocks: list[Block], banner: str, generated_at: dt.datetime) -> bytes:
    """The blocks as a PDF document."""
    stamp = generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    pdf = _BriefingPDF(banner, stamp, format="A4")
    pdf.set_title(pdf.fit(f"Accord briefing ({banner})"))
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.add_page()
    for block in blocks:
        size, bold, after = _LOOK[block.style]
        indent = 6 if block.style is Style.PASSAGE else 0
        pdf.set_left_margin(pdf.l_margin + indent)
        pdf.set_x(pdf.l_margin)
        for span in block.spans:
            pdf.set_font(pdf.family, "B" if bold or span.highlighted else "", size)
            pdf.write(size * 0.5, pdf.fit(span.text))
        pdf.set_left_margin(pdf.l_margin - indent)
        pdf.ln(size * 0.5 + after)
    return bytes(pdf.output())
