"""The records ingestion hands downstream: documents, their pages and their clauses."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class DocumentKind(StrEnum):
    """What a document is: a binding text or background reading."""

    AGREEMENT = "agreement"
    REFERENCE = "reference"


class MarkingSource(StrEnum):
    """Where a document's classification marking came from."""

    BANNER = "banner"  # a banner line in the document text
    DEFAULT = "default"  # no marking found: the configured default level applies


@dataclass(frozen=True)
class Marking:
    """A classification level on the configured scale plus releasability caveats.

    `releasable_to` empty means no releasability restriction.
    """

    level: str
    rank: int
    releasable_to: frozenset[str] = frozenset()
    as_found: str = ""

    def label(self) -> str:
        """The marking as printed on a banner, e.g. ``SECRET//REL TO ALD, BRV``."""
        if not self.releasable_to:
            return self.level
        return f"{self.level}//REL TO {', '.join(sorted(self.releasable_to))}"


@dataclass(frozen=True)
class PageSpan:
    """A page's character range in the document text; `label` is the printed page label."""

    number: int
    start: int
    end: int
    label: str | None = None


@dataclass(frozen=True)
class Heading:
    """A structural heading a loader knows for certain (Markdown `#`, Word heading styles)."""

    start: int
    end: int
    level: int


@dataclass(frozen=True)
class LoadedText:
    """What a loader returns: clean text, page spans, known headings and notes."""

    text: str
    pages: tuple[PageSpan, ...] = ()
    headings: tuple[Heading, ...] = ()
    title: str | None = None
    furniture: tuple[str, ...] = ()  # page headers/footers removed from the text
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One ingested file with its metadata and full text."""

    doc_id: str
    source: str
    sha256: str
    title: str
    kind: DocumentKind
    marking: Marking
    marking_source: MarkingSource
    text: str
    parties: tuple[str, ...] = ()
    date: str | None = None
    language: str = "en"
    amends: tuple[str, ...] = ()
    pages: tuple[PageSpan, ...] = ()
    size: int = 0
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clause:
    """A passage cut at clause boundaries, with its place in the document.

    `section` is the heading path ("Article 7 › 2"); `heading` the nearest heading's title
    words; `start`/`end` are character offsets into the document text.
    """

    clause_id: str
    doc_id: str
    position: int
    section: str
    text: str
    start: int
    end: int
    heading: str = ""
    page_start: int | None = None
    page_end: int | None = None
    page_label: str | None = None
    language: str = "en"
    marking: Marking | None = None
    tokens: int = field(default=0, compare=False)

    def embedding_text(self, title: str = "") -> str:
        """What the embedder and BM25 read: the document's short title and the heading words
        give a clause its context ("which agreement, what matter"), then the clause itself."""
        return embedding_text(title, self.heading, self.text)


@dataclass(frozen=True)
class Rejection:
    """A file that could not be ingested, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class ParsedDocument:
    """A document and its clauses, as produced by parsing one file."""

    document: Document
    clauses: tuple[Clause, ...]


# Title words kept in a clause's embedding text (a title can be longer than a clause).
TITLE_WORDS = 16


def embedding_text(title: str, heading: str, text: str) -> str:
    """ "Short title. Heading. Clause text" — the same for the embedder and for BM25."""
    words = title.split()
    short = " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")
    parts = [p for p in (short, heading) if p]
    return ". ".join([*parts, text]) if parts else text
