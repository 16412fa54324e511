"""File loaders: bytes in, clean text with page spans and known headings out.

The file type is decided by content (magic bytes), not by the name; a name that promises one
type while the bytes hold another is rejected with both stated.
"""

from __future__ import annotations

from pathlib import Path

from ingest.loaders.docx import load_docx
from ingest.loaders.errors import RejectedFile
from ingest.loaders.html import load_html
from ingest.loaders.markdown import load_markdown
from ingest.loaders.pdf import load_pdf
from ingest.loaders.text import decode_text, load_text
from ingest.records import LoadedText

SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}

__all__ = [
    "SUPPORTED_SUFFIXES",
    "RejectedFile",
    "content_problem",
    "decode_text",
    "load_bytes",
    "sniff_type",
]


def sniff_type(data: bytes) -> str:
    """The file type the bytes hold: pdf, docx, zip, binary or text."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return (
            "docx" if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:4096] else "zip"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return "text"
    head = data[:8192]
    if b"\x00" in head:
        return "binary"
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.05:
        return "binary"
    return "text"


def load_bytes(path: Path, data: bytes, max_pdf_stream_mb: float = 200.0) -> LoadedText:
    """Load a file's bytes according to its declared type, checked against its content.

    Args:
        path: the file's path (its suffix declares the type; the name is used in messages).
        data: the file's bytes.
        max_pdf_stream_mb: cap on any one decompressed PDF stream (decompression bombs).

    Returns:
        The loaded text.

    Raises:
        RejectedFile: with the reason, for every file that cannot be ingested.
    """
    suffix = path.suffix.lower()
    reason = content_problem(suffix or path.name, data)
    if reason is not None:
        raise RejectedFile(reason)
    declared = SUPPORTED_SUFFIXES[suffix]
    if declared == "pdf":
        return load_pdf(data, max_stream_mb=max_pdf_stream_mb)
    if declared == "docx":
        return load_docx(data)
    text, warnings = decode_text(data)
    if declared == "markdown":
        return load_markdown(text, warnings)
    if declared == "html":
        return load_html(text, warnings)
    return load_text(text, warnings)


def content_problem(suffix: str, data: bytes) -> str | None:
    """Why bytes cannot be a document of the type `suffix` declares, or None if they can.

    Checks the type is supported, the file is not empty, and the content (magic bytes, not
    the name) is of the declared type.
    """
    declared = SUPPORTED_SUFFIXES.get(suffix.lower())
    if declared is None:
        return f"unsupported file type '{suffix}'"
    if not data.strip():
        return "empty file"
    actual = sniff_type(data)
    expected = declared if declared in ("pdf", "docx") else "text"
    return None if actual == expected else _mismatch(suffix.lower(), actual)


def _mismatch(suffix: str, actual: str) -> str:
    content = {
        "pdf": "a PDF",
        "docx": "a Word document",
        "zip": "a ZIP archive",
        "binary": "binary data, not text",
        "text": "plain text",
    }[actual]
    return f"named '{suffix}' but the content is {content}"
