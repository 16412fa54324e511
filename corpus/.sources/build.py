"""Build the binary and HTML documents of the sample corpus from their sources.

Run from anywhere with a Python that has fpdf2 (>= 2.8) and python-docx:

    python corpus/.sources/build.py

Every source is a small line-oriented markup file in this folder (see README.md).
The output is deterministic: fixed creation dates and metadata, fixed ZIP
timestamps in the DOCX, no clock or random input, so a rebuild yields the same
text (and, with the same library versions, the same bytes).
"""

from __future__ import annotations

import html
import io
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from fpdf import FPDF

SOURCES = Path(__file__).resolve().parent
CORPUS = SOURCES.parent

# A lettered "(a)" or roman "(iv)" list item, rendered indented (PDF, DOCX) or as <li> (HTML).
LIST_ITEM = re.compile(r"^\(([a-z]{1,4})\) ")
AUTHOR = "Accord sample corpus (fictional)"


@dataclass(frozen=True)
class Target:
    source: str  # file in this folder
    output: str  # file in corpus/
    title: str  # document metadata title
    date: datetime  # fixed creation date written into the metadata
    page_labels: bool = False  # PDF only: roman front matter, then 1, 2, ...


def _date(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(hour=9, tzinfo=UTC)


TARGETS = [
    Target(
        "mda-intelligence-sharing-agreement.md",
        "mda-intelligence-sharing-agreement.pdf",
        "Agreement among the Members of the Meridian Defence Alliance on the Sharing of "
        "Intelligence",
        _date("2017-11-15"),
        page_labels=True,
    ),
    Target(
        "cal-dor-intelligence-cooperation-agreement.md",
        "cal-dor-intelligence-cooperation-agreement.pdf",
        "Agreement between the Federal Republic of Calvenia and the Republic of Dorenia "
        "on Cooperation in Intelligence Matters",
        _date("2018-09-27"),
    ),
    Target(
        "dor-est-counter-terrorism-mou.md",
        "dor-est-counter-terrorism-mou.pdf",
        "Memorandum of Understanding between the State Security and Intelligence Agency of "
        "Dorenia and the Estmark Defence Intelligence Service on Counter-Terrorism Information",
        _date("2022-06-21"),
    ),
    Target(
        "brv-est-maritime-intelligence-mou.md",
        "brv-est-maritime-intelligence-mou.docx",
        "Memorandum of Understanding between the Ministries of Defence of Brevia and Estmark "
        "concerning Cooperation in Maritime Intelligence",
        _date("2020-02-14"),
    ),
    Target(
        "mda-fusion-centre-administrative-arrangement.md",
        "mda-fusion-centre-administrative-arrangement.html",
        "Administrative Arrangement on the Organisation and Functioning of the MDA Intelligence "
        "Fusion Centre",
        _date("2018-04-10"),
    ),
]


# ---------------------------------------------------------------------------
# Source markup
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    kind: str  # banner, page-label, vspace, title, center, newpage, h2, h3, lines, table, para
    text: str = ""
    lines: tuple[str, ...] = ()


def parse(path: Path) -> list[Block]:
    """Split a source file into blocks; one paragraph per source line."""
    blocks: list[Block] = []
    raw = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(raw):
        line = raw[i].rstrip()
        i += 1
        if not line:
            continue
        if line in ("::lines", "::table"):
            body: list[str] = []
            while raw[i].rstrip() != "::end":
                body.append(raw[i].rstrip())
                i += 1
            i += 1
            blocks.append(Block(line[2:], lines=tuple(body)))
        elif line == "::newpage":
            blocks.append(Block("newpage"))
        elif line.startswith("::"):
            kind, _, text = line[2:].partition(" ")
            blocks.append(Block(kind, text))
        elif line.startswith("### "):
            blocks.append(Block("h3", line[4:]))
        elif line.startswith("## "):
            blocks.append(Block("h2", line[3:]))
        else:
            blocks.append(Block("para", line))
    return blocks


def banner_of(blocks: list[Block]) -> str:
    return next(b.text for b in blocks if b.kind == "banner")


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------


class MarkedPDF(FPDF):
    """A4 PDF whose every page carries the classification banner at top and bottom."""

    def __init__(self, banner: str, page_labels: bool) -> None:
        super().__init__(format="A4")
        self.banner = banner
        self.page_labels = page_labels
        self.set_margins(25, 25, 25)
        self.set_auto_page_break(True, margin=28)

    def header(self) -> None:
        self.set_font("Helvetica", "B", 10)
        self.set_y(10)
        self.cell(0, 5, self.banner, align="C")
        self.set_y(25)

    def footer(self) -> None:
        self.set_y(-20)
        self.set_font("Helvetica", "B", 10)
        self.cell(0, 5, self.banner, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 9)
        number = self.get_page_label() if self.page_labels else f"Page {self.page_no()} of {{nb}}"
        self.cell(0, 5, number, align="C")


def _latin1(text: str, where: str) -> str:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError as err:
        raise SystemExit(f"{where}: PDF core fonts are latin-1 only: {err}") from err
    return text


def build_pdf(target: Target, blocks: list[Block]) -> bytes:
    pdf = MarkedPDF(banner_of(blocks), target.page_labels)
    pdf.set_title(target.title)
    pdf.set_author(AUTHOR)
    pdf.set_creator("corpus/.sources/build.py")
    pdf.set_producer("fpdf2")
    pdf.set_creation_date(target.date)
    pdf.set_lang("en")
    pdf.add_page()
    for block in blocks:
        text = _latin1(block.text, target.source)
        if block.kind == "page-label":
            # Applies from the current page on; a new label range restarts at 1.
            if target.page_labels:
                pdf.set_page_label(label_style="r" if text == "roman" else "D", label_start=1)
        elif block.kind == "newpage":
            pdf.add_page()
        else:
            _render_pdf_block(pdf, block, text)
    return bytes(pdf.output())


def _render_pdf_block(pdf: FPDF, block: Block, text: str) -> None:
    width = pdf.epw
    if block.kind == "banner":
        return
    if block.kind == "vspace":
        pdf.ln(float(block.text))
    elif block.kind == "title":
        pdf.set_font("Helvetica", "B", 13)
        pdf.multi_cell(width, 6.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
    elif block.kind == "center":
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(width, 6, text, align="C", new_x="LMARGIN", new_y="NEXT")
    elif block.kind in ("h2", "h3"):
        if pdf.get_y() > pdf.h - 50:  # keep a heading with the start of its text
            pdf.add_page()
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 11 if block.kind == "h2" else 10)
        pdf.multi_cell(width, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    elif block.kind == "lines":
        pdf.set_font("Helvetica", "", 10.5)
        for line in block.lines:
            pdf.multi_cell(width, 5.5, _latin1(line, "lines") or " ", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    elif block.kind == "table":
        pdf.set_font("Courier", "", 9.5)
        for line in block.lines:
            pdf.cell(width, 5, _latin1(line, "table"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    elif block.kind == "para":
        pdf.set_font("Helvetica", "", 10.5)
        indent = 8 if LIST_ITEM.match(text) else 0
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, 5.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
    else:
        raise SystemExit(f"unknown block kind {block.kind!r}")


# ---------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def build_docx(target: Target, blocks: list[Block]) -> bytes:
    doc = new_docx()
    section = doc.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    banner = banner_of(blocks)
    for part in (section.header, section.footer):
        para = part.paragraphs[0]
        para.text = banner
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.runs[0].bold = True
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = target.title, AUTHOR, AUTHOR
    props.created = props.modified = target.date.replace(tzinfo=None)
    props.revision = 1
    props.language = "en"

    first = doc.add_paragraph(banner)
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    first.runs[0].bold = True
    for block in blocks:
        if block.kind == "title":
            doc.add_paragraph(block.text, style="Title")
        elif block.kind == "h2":
            doc.add_heading(block.text, level=1)
        elif block.kind == "h3":
            doc.add_heading(block.text, level=2)
        elif block.kind == "para":
            para = doc.add_paragraph(block.text)
            if LIST_ITEM.match(block.text):
                para.paragraph_format.left_indent = Mm(8)
        elif block.kind == "lines":
            for line in block.lines:
                doc.add_paragraph(line)
        elif block.kind in ("banner", "vspace"):
            continue
        else:
            raise SystemExit(f"{target.source}: block {block.kind!r} not supported in DOCX")
    last = doc.add_paragraph(banner)
    last.alignment = WD_ALIGN_PARAGRAPH.CENTER
    last.runs[0].bold = True
    for style_name in ("Normal",):
        doc.styles[style_name].font.size = Pt(11)

    buffer = io.BytesIO()
    doc.save(buffer)
    return _freeze_zip(buffer.getvalue())


def _freeze_zip(data: bytes) -> bytes:
    """Rewrite a ZIP with fixed timestamps so that rebuilding gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------


def build_html(target: Target, blocks: list[Block]) -> bytes:
    banner = html.escape(banner_of(blocks))
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta name="classification" content="{banner}">',
        f'<meta name="date" content="{target.date.date().isoformat()}">',
        f"<title>{html.escape(target.title)}</title>",
        "</head>",
        "<body>",
        f'<p class="classification">{banner}</p>',
        "<main>",
    ]
    in_list = False
    for block in blocks:
        is_item = block.kind == "para" and LIST_ITEM.match(block.text)
        if in_list and not is_item:
            out.append("</ol>")
            in_list = False
        text = html.escape(block.text, quote=False)
        if block.kind == "title":
            out.append(f"<h1>{text}</h1>")
        elif block.kind == "h2":
            out.append(f"<h2>{text}</h2>")
        elif block.kind == "h3":
            out.append(f"<h3>{text}</h3>")
        elif is_item:
            if not in_list:
                out.append('<ol type="a">')
                in_list = True
            out.append(f"<li>{html.escape(LIST_ITEM.sub('', block.text), quote=False)}</li>")
        elif block.kind == "para":
            out.append(f"<p>{text}</p>")
        elif block.kind == "lines":
            out.append('<p class="signatures">')
            out.append("<br>\n".join(html.escape(line, quote=False) for line in block.lines))
            out.append("</p>")
        elif block.kind in ("banner", "vspace"):
            continue
        else:
            raise SystemExit(f"{target.source}: block {block.kind!r} not supported in HTML")
    if in_list:
        out.append("</ol>")
    out += ["</main>", f'<p class="classification">{banner}</p>', "</body>", "</html>", ""]
    return "\n".join(out).encode("utf-8")


BUILDERS = {".pdf": build_pdf, ".docx": build_docx, ".html": build_html}


def main() -> int:
    for target in TARGETS:
        blocks = parse(SOURCES / target.source)
        data = BUILDERS[Path(target.output).suffix](target, blocks)
        (CORPUS / target.output).write_bytes(data)
        print(f"{target.output}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
