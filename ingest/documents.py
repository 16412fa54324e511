"""From one file's bytes to a Document and its Clauses."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from pathlib import Path

from ingest.chunking import ClauseSpan, CountTokens, split_into_clauses
from ingest.loaders import load_bytes
from ingest.markings import ClassificationScale, combine, highest
from ingest.records import (
    Clause,
    Document,
    DocumentKind,
    LoadedText,
    Marking,
    MarkingSource,
    PageSpan,
    ParsedDocument,
)
from ingest.sentences import guess_language
from ingest.settings import ChunkSettings
from ingest.sidecar import SidecarEntry

ID_LENGTH = 16
_DONE_AT = re.compile(
    r"(?:done|signed)\s+(?:at|in)\s+[^,\n]{2,60},?\s+(?:on\s+|this\s+)?(?:the\s+)?"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?P<month>[A-Z][a-z]+),?\s+(?P<year>\d{4})",
    re.IGNORECASE,
)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}


def document_id(data: bytes) -> tuple[str, str]:
    """(doc_id, sha256) for a file's bytes: the id is the digest's first 16 hex digits."""
    digest = hashlib.sha256(data).hexdigest()
    return digest[:ID_LENGTH], digest


def clause_id(doc_id: str, position: int, text: str) -> str:
    """Content-derived clause id: the same clause at the same place keeps its id."""
    return hashlib.sha256(f"{doc_id}\x00{position}\x00{text}".encode()).hexdigest()[:ID_LENGTH]


def _marking(
    loaded: LoadedText, scale: ClassificationScale, default: str
) -> tuple[Marking, MarkingSource]:
    lines = [*loaded.furniture, *loaded.text.split("\n")[:40]]
    found = scale.find_banner(lines, limit=14)
    tail = scale.find_banner(list(reversed(loaded.text.rstrip().split("\n")[-6:])), limit=3)
    marking = highest([m for m in (found, tail) if m is not None])
    if marking is None:
        return scale.marking(default, as_found=""), MarkingSource.DEFAULT
    return marking, MarkingSource.BANNER


# Words that make a heading read as English: English-only function words (not "in", which
# Dutch shares) and English names of instruments (not "protocol" or "memorandum", which are
# Dutch too) — bilingual treaties open with their Dutch title.
_ENGLISH_MARKS = frozenset(
    "the of and to shall be by or for with this that as which on are between concerning "
    "regarding agreement treaty convention arrangement exchange letters notes understanding "
    "charter procedures statute declaration".split()
)
# A heading that only labels a part ("Article I", "Nr. 2", "Annex A") names no document.
_PART_LABEL = re.compile(
    r"^(?:article|art\.|nr\.?|no\.?|number|section|chapter|part|annex|appendix|schedule|"
    r"preamble|artikel|hoofdstuk|bijlage)\s*[0-9ivxlcA-Z]*\.?$",
    re.IGNORECASE,
)
# Web-page furniture that can open a saved article.
_FURNITURE = frozenset({"skip to content", "skip to main content", "menu", "home", "search"})


def _title_candidate(text: str) -> str:
    """A heading or line as a title: no Markdown marks, no part labels or page furniture."""
    line = " ".join(text.lstrip("#").split()).strip()
    if not line or _PART_LABEL.match(line) or line.lower() in _FURNITURE:
        return ""
    return line


def _reads_english(title: str) -> bool:
    words = re.findall(r"[a-z]+", title.lower())
    marks = _ENGLISH_MARKS.intersection(words)
    # "THE HAGUE" (a place line of a letter) is English but names nothing
    return guess_language(title) == "en" and bool(marks) and (len(words) > 2 or marks != {"the"})


def _title(
    loaded: LoadedText, sidecar: SidecarEntry | None, path: Path, scale: ClassificationScale
) -> str:
    """The sidecar's or the file's own title, else the first heading that reads as an English
    title (bilingual treaties open with a translated title), else any heading, else a line."""
    if sidecar and sidecar.title:
        return sidecar.title
    if loaded.title:
        return loaded.title
    headings = [_title_candidate(loaded.text[h.start : h.end]) for h in loaded.headings[:4]]
    headings = [h for h in headings if len(h.split()) > 1]
    english = [h for h in headings if _reads_english(h)]
    if english or headings:
        return (english or headings)[0]
    for raw in loaded.text.split("\n")[:12]:
        line = _title_candidate(raw)
        if 1 < len(line.split()) <= 30 and scale.parse_banner(line) is None:
            return line
    return path.stem.replace("_", " ").replace("-", " ")


def _signature_date(text: str) -> str | None:
    matches = list(_DONE_AT.finditer(text))
    for match in reversed(matches):
        month = _MONTHS.get(match.group("month").lower())
        if month:
            return f"{int(match.group('year')):04d}-{month:02d}-{int(match.group('day')):02d}"
    return None


def _page_of(pages: tuple[PageSpan, ...], starts: list[int], offset: int) -> PageSpan | None:
    if not pages:
        return None
    return pages[max(0, bisect_right(starts, offset) - 1)]


def _portion_marking(text: str, scale: ClassificationScale) -> Marking | None:
    paragraphs = re.split(r"\n+", text)
    return highest(m for m in (scale.portion(p) for p in paragraphs) if m is not None)


def clause_marking(document: Marking, portion: Marking | None, mode: str) -> Marking:
    """A clause's marking: its portion marking ("exact"), or never below the banner ("raise").

    Unmarked paragraphs carry the document's banner marking. A portion without its own
    releasability caveat keeps the document's ("REL TO" is never widened by omission).
    """
    if portion is None:
        return document
    if mode != "exact":
        return combine(document, portion)
    releasable = portion.releasable_to or document.releasable_to
    return Marking(portion.level, portion.rank, releasable, portion.as_found)


def build_clauses(
    doc_id: str,
    loaded: LoadedText,
    spans: list[ClauseSpan],
    marking: Marking,
    scale: ClassificationScale,
    portion_mode: str = "exact",
) -> tuple[Clause, ...]:
    """Clause records for the spans: ids, pages, language and effective markings."""
    starts = [p.start for p in loaded.pages]
    portioned = scale.uses_portion_markings(loaded.text)
    clauses = []
    for position, span in enumerate(spans):
        text = loaded.text[span.start : span.end]
        first = _page_of(loaded.pages, starts, span.start)
        last = _page_of(loaded.pages, starts, max(span.start, span.end - 1))
        portion = _portion_marking(text, scale) if portioned else None
        clauses.append(
            Clause(
                clause_id=clause_id(doc_id, position, text),
                doc_id=doc_id,
                position=position,
                section=span.section,
                text=text,
                start=span.start,
                end=span.end,
                heading=span.heading,
                page_start=first.number if first else None,
                page_end=last.number if last else None,
                page_label=first.label if first else None,
                language=guess_language(text),
                marking=clause_marking(marking, portion, portion_mode),
                tokens=span.tokens,
            )
        )
    return tuple(clauses)


def parse_document(
    path: Path,
    data: bytes,
    *,
    source: str,
    sidecar: SidecarEntry | None,
    chunking: ChunkSettings,
    count: CountTokens,
    scale: ClassificationScale,
    default_level: str,
    portion_mode: str = "exact",
) -> ParsedDocument:
    """Load, describe and chunk one file.

    Raises:
        RejectedFile: when the file cannot be ingested (the message says why).
    """
    doc_id, digest = document_id(data)
    loaded = load_bytes(path, data)
    marking, marking_source = _marking(loaded, scale, default_level)
    spans = split_into_clauses(loaded, chunking, count, scale)
    clauses = build_clauses(doc_id, loaded, spans, marking, scale, portion_mode)
    has_articles = any(
        c.section.split(" › ")[0].startswith(("Article", "Section")) for c in clauses
    )
    kind = (sidecar.kind if sidecar else None) or (
        DocumentKind.AGREEMENT if has_articles else DocumentKind.REFERENCE
    )
    document = Document(
        doc_id=doc_id,
        source=source,
        sha256=digest,
        title=_title(loaded, sidecar, path, scale),
        kind=kind,
        marking=marking,
        marking_source=marking_source,
        text=loaded.text,
        parties=sidecar.parties if sidecar else (),
        date=(sidecar.date if sidecar else None) or _signature_date(loaded.text),
        language=(sidecar.language if sidecar else None) or guess_language(loaded.text[:5000]),
        amends=sidecar.amends if sidecar else (),
        pages=loaded.pages,
        size=len(data),
        warnings=loaded.warnings,
    )
    return ParsedDocument(document=document, clauses=clauses)
