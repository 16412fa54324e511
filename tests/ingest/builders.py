"""Build binary test documents (PDF, DOCX) from the project's own text at test time."""

from __future__ import annotations

import datetime as dt
import io


def make_pdf(
    pages: list[list[str]],
    banner: str | None = None,
    labels: bool = False,
    blank_image_page: bool = False,
) -> bytes:
    """A PDF with one page per list of paragraphs, optional banner header/footer and labels."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    pdf.set_auto_page_break(False)
    for number, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        if labels and number <= 2:
            # a roman-numbered cover page, then arabic numbers from 1
            pdf.set_page_label(label_style="r" if number == 1 else "D", label_start=1)
        pdf.set_font("Helvetica", size=10)
        if banner:
            pdf.set_xy(10, 8)
            pdf.cell(0, 5, banner, align="C")
        pdf.set_xy(10, 20)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 5, paragraph)
            pdf.ln(3)
        pdf.set_xy(10, 280)
        pdf.cell(0, 5, f"{banner or ''}   Page {number}", align="C")
    if blank_image_page:
        pdf.add_page()
        png = _tiny_png()
        pdf.image(io.BytesIO(png), x=10, y=10, w=50)
    return bytes(pdf.output())


def _tiny_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 200, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def make_docx(blocks: list[tuple[str, str]], title: str | None = None) -> bytes:
    """A Word document from (style, text) blocks; style "table" takes "a|b;c|d" rows."""
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for style, text in blocks:
        if style == "table":
            rows = [row.split("|") for row in text.split(";")]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif style.startswith("Heading"):
            document.add_heading(text, level=int(style.split()[-1]))
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_encrypted_pdf(text: str) -> bytes:
    """A password-protected PDF."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(make_pdf([[text]])))
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
