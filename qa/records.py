"""What the question-answering stage hands to its shells: passages, answers, conflict flags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from ingest.records import DocumentKind, Marking

NOT_ANSWERED = "The indexed documents do not answer this question."
CLOSEST_PASSAGES = "Closest passages (they do not answer the question)"
CITATION_FORMAT = "{title}, {section}{page}"


class MatchStrength(StrEnum):
    """How well a passage matches, in words a non-specialist reads."""

    STRONG = "strong match"
    PARTIAL = "partial match"
    WEAK = "weak match"


@dataclass(frozen=True)
class Filters:
    """Restrictions a user puts on a question (all optional)."""

    kinds: frozenset[DocumentKind] = frozenset()
    parties: frozenset[str] = frozenset()  # a document matches if it names any of them
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    doc_ids: frozenset[str] = frozenset()

    def is_empty(self) -> bool:
        """True when nothing is filtered."""
        return not (self.kinds or self.parties or self.date_from or self.date_to or self.doc_ids)


@dataclass(frozen=True)
class Passage:
    """A retrieved clause with its citation, score and highlighted sentences."""

    rank: int
    clause_id: str
    doc_id: str
    title: str
    source: str
    section: str
    text: str
    score: float
    strength: MatchStrength
    highlights: tuple[tuple[int, int], ...] = ()
    page: int | None = None
    page_end: int | None = None
    page_label: str | None = None
    heading: str = ""
    language: str = "en"
    kind: DocumentKind = DocumentKind.AGREEMENT
    marking: Marking | None = None
    start: int = 0
    end: int = 0

    def citation(self) -> str:
        """ "Title, Article 7 › 2, p. 4" — enough to find the passage in the original."""
        page = ""
        if self.page is not None:
            label = self.page_label or str(self.page)
            page = (
                f", p. {label}"
                if label == str(self.page)
                else f", p. {label} (PDF page {self.page})"
            )
        if not self.section:
            return f"{self.title}{page}"
        return CITATION_FORMAT.format(title=self.title, section=self.section, page=page)


@dataclass(frozen=True)
class ConflictFlag:
    """Two clauses that may say incompatible things ("possible conflict — review")."""

    kind: str
    topic: str
    explanation: str
    score: float
    a: Passage
    b: Passage
    status: str = "conflict"  # "conflict" or "amended" (b amends a)
    evidence: tuple[str, str] | None = None


@dataclass(frozen=True)
class Answer:
    """The answer to one question: short text with [n] markers, passages, conflicts."""

    question: str
    text: str
    abstained: bool
    passages: tuple[Passage, ...]
    conflicts: tuple[ConflictFlag, ...] = ()
    evidence: float = 0.0
    generation: int = 0
    timings_ms: dict[str, float] = field(default_factory=dict)
