"""PDF documents via pypdf: text per page with page numbers and printed page labels.

Repeated page headers and footers (classification banners, running titles, page numbers) are
removed from the text and returned as `furniture`, so the banner still counts as the marking.
Pages without a text layer are reported by number; the rest of the document is kept.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from ingest.loaders.errors import RejectedFile
from ingest.records import LoadedText, PageSpan
from ingest.structure import parse_heading

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*(?:of\s*\d{1,4})?\s*[-–—]?$", re.I
)
_PAGE_WORD = re.compile(r"\b(?:page|pg\.?|p\.)\s*\d", re.I)
_STARTS_STRUCTURE = re.compile(
    r"^(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]|\([a-z]{1,4}\)|[a-z]\)|"
    r"(?:article|section|annex|appendix|chapter|part|schedule)\b)",
    re.I,
)


def _open(data: bytes) -> object:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt_without_password(reader)
        if len(reader.pages) == 0:
            raise RejectedFile("PDF has no pages")
    except RejectedFile:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as error:
        raise RejectedFile(f"corrupt or unreadable PDF: {error}") from error
    except Exception as error:  # pypdf raises assorted errors on broken files
        raise RejectedFile(f"corrupt or unreadable PDF: {type(error).__name__}: {error}") from error
    return reader


def _decrypt_without_password(reader: object) -> None:
    """Open PDFs encrypted with an empty user password; refuse the rest."""
    try:
        opened = reader.decrypt("")  # type: ignore[attr-defined]
    except Exception as error:
        raise RejectedFile(
            f"encrypted PDF: cannot be opened without its password ({error})"
        ) from error
    if not opened:
        raise RejectedFile("encrypted PDF: a password is required to read it")


def _page_labels(reader: object) -> list[str] | None:
    try:
        root = reader.root_object  # type: ignore[attr-defined]
        if "/PageLabels" not in root:
            return None
        return list(reader.page_labels)  # type: ignore[attr-defined]
    except Exception:  # a broken label tree is not worth rejecting the document for
        return None


def _has_images(page: object) -> bool:
    try:
        resources = page.get("/Resources") or {}  # type: ignore[attr-defined]
        return "/XObject" in resources
    except Exception:
        return False


def _extract_pages(reader: object) -> tuple[list[list[str]], list[str]]:
    from pypdf.errors import LimitReachedError

    pages: list[list[str]] = []
    warnings: list[str] = []
    for number, page in enumerate(reader.pages, start=1):  # type: ignore[attr-defined]
        try:
            text = page.extract_text() or ""
        except LimitReachedError as error:
            raise RejectedFile(
                f"page {number}: a stream decompresses beyond pypdf's limit "
                f"(possible decompression bomb): {error}"
            ) from error
        except Exception as error:
            warnings.append(f"page {number}: text could not be extracted ({error})")
            text = ""
        lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
        lines = [line for line in lines if line]
        if not lines and _has_images(page):
            warnings.append(f"page {number}: no text layer (scanned image?); not indexed")
        pages.append(lines)
    return pages, warnings


def _furniture(pages: list[list[str]]) -> set[str]:
    """Lines that repeat at the top or bottom of most pages (digits ignored)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = {_shape(line) for line in lines[:2] + lines[-2:]}
        counts.update(edge)
    threshold = max(2, int(0.6 * len(pages)))
    return {
        shape
        for shape, count in counts.items()
        if count >= threshold and parse_heading(shape) is None
    }


def _shape(line: str) -> str:
    """Lines that differ only in a page number count as the same running header/footer."""
    if _PAGE_WORD.search(line) or _PAGE_NUMBER.match(line):
        return re.sub(r"\d+", "#", line.lower())
    return line.lower()


def _strip_edges(lines: list[str], furniture: set[str]) -> tuple[list[str], list[str]]:
    removed: list[str] = []
    body = list(lines)
    for edge in (0, -1):
        for _ in range(2):
            if not body:
                break
            line = body[edge]
            if _shape(line) in furniture or _PAGE_NUMBER.match(line):
                removed.append(line)
                body.pop(edge)
            else:
                break
    return body, removed


def _unwrap(lines: list[str]) -> str:
    """Join soft-wrapped lines into paragraphs; undo end-of-line hyphenation."""
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line):
            if out[-1].endswith("-") and line[:1].islower():
                out[-1] = out[-1][:-1] + line
            else:
                out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _continues(previous: str, line: str) -> bool:
    if _STARTS_STRUCTURE.match(line) or previous.endswith((".", ":", ";", "?", "!")):
        return False
    # a heading line stands alone
    return not (
        previous.isupper() or re.match(r"^(article|section|annex|appendix)\b", previous, re.I)
    )


def load_pdf(data: bytes, max_stream_mb: float = 75.0) -> LoadedText:
    """Extract a PDF's text with page spans; raises RejectedFile for unusable PDFs."""
    del max_stream_mb  # pypdf 7 enforces its own decompression limits (75 MB per stream)
    reader = _open(data)
    raw_pages, warnings = _extract_pages(reader)
    if not any(raw_pages):
        raise RejectedFile(
            f"no text layer on any of its {len(raw_pages)} pages (scanned PDF? run OCR first)"
        )
    labels = _page_labels(reader)
    furniture = _furniture(raw_pages)
    parts: list[str] = []
    spans: list[PageSpan] = []
    removed: list[str] = []
    offset = 0
    for index, lines in enumerate(raw_pages):
        body, cut = _strip_edges(lines, furniture)
        removed.extend(cut if index == 0 else [c for c in cut if not _PAGE_NUMBER.match(c)])
        text = _unwrap(body)
        if not text:
            continue
        label = labels[index] if labels and index < len(labels) else None
        spans.append(PageSpan(number=index + 1, start=offset, end=offset + len(text), label=label))
        parts.append(text)
        offset += len(text) + 2
    title = _metadata_title(reader)
    return LoadedText(
        text="\n\n".join(parts) + "\n",
        pages=tuple(spans),
        title=title,
        furniture=tuple(dict.fromkeys(removed)),
        warnings=tuple(warnings),
    )


def _metadata_title(reader: object) -> str | None:
    try:
        metadata = reader.metadata  # type: ignore[attr-defined]
        title = metadata.title if metadata else None
    except Exception:
        return None
    return " ".join(str(title).split()) or None if title else None
