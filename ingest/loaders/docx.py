"""Word (.docx) documents: paragraphs and tables in body order; Word heading styles recorded."""

from __future__ import annotations

import io
import re
import zipfile

from ingest.loaders.errors import RejectedFile
from ingest.records import Heading, LoadedText

_HEADING_STYLE = re.compile(r"^(?:Heading|Überschrift|Titre|Kop)\s*(\d)$", re.IGNORECASE)
_MAX_UNCOMPRESSED = 500 * 1024 * 1024


def _check_archive(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
            if "word/document.xml" not in archive.namelist():
                raise RejectedFile("not a Word document: word/document.xml is missing")
    except zipfile.BadZipFile as error:
        raise RejectedFile(f"corrupt Word document: {error}") from error
    if total > _MAX_UNCOMPRESSED:
        raise RejectedFile(
            f"Word document expands to {total // (1024 * 1024)} MB: refused as a zip bomb"
        )


def load_docx(data: bytes) -> LoadedText:
    """Extract a Word document's text; headings come from Title/Heading N styles."""
    _check_archive(data)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a broken file
        raise RejectedFile(f"corrupt Word document: {error}") from error
    lines: list[str] = []
    headings: list[Heading] = []
    offset = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = " ".join(block.text.split())
            style = block.style.name if block.style is not None else ""
            match = _HEADING_STYLE.match(style or "")
            level = 1 if style == "Title" else int(match.group(1)) if match else 0
            rows = [text]
        elif isinstance(block, Table):
            level = 0
            rows = [" | ".join(" ".join(c.text.split()) for c in row.cells) for row in block.rows]
        else:  # pragma: no cover - python-docx yields only these two
            continue
        for row in rows:
            if not row:
                continue
            if level:
                headings.append(Heading(offset, offset + len(row), level))
            lines.append(row)
            offset += len(row) + 2
    title = document.core_properties.title or None
    return LoadedText(text="\n\n".join(lines) + "\n", headings=tuple(headings), title=title)
