"""The source viewer's data: a document opened at one clause, with the clauses around it.

Only clauses the user may see are returned, and a document or clause the user may not see is
reported exactly like one that does not exist, so the viewer cannot be used to probe for them.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.records import Document
from qa.access import Clearance
from qa.records import Passage

if TYPE_CHECKING:
    from qa.engine import Engine

SOURCE_NOT_FOUND = "No such document or passage in the index (it may have been removed)."


class SourceNotFound(LookupError):
    """The document or clause does not exist, or the user may not see it."""

    def __init__(self) -> None:
        super().__init__(SOURCE_NOT_FOUND)


@dataclass(frozen=True)
class SourceView:
    """A document opened at one clause.

    `clauses` are the visible clauses around the focus, in document order; `focus` is the index
    of the opened clause in `clauses`. `original` is the stored file, or None when the user may
    not download it (it also holds passages above their clearance) or it is no longer kept.
    """

    document: Document  # metadata only: the full text is never handed out
    clauses: tuple[Passage, ...]
    focus: int
    visible_clauses: int  # how many clauses of the document the user may see
    original: Path | None
    file_name: str
    mime: str

    @property
    def focused(self) -> Passage:
        """The opened clause."""
        return self.clauses[self.focus]


def source_view(
    engine: Engine,
    doc_id: str,
    clause_id: str | None,
    user: Clearance | None,
    around: int | None = 2,
) -> SourceView:
    """Open `doc_id` at `clause_id` (its first visible clause when None).

    Args:
        engine: the loaded engine.
        doc_id: the document's id.
        clause_id: the clause to open at, or None.
        user: whose clearance applies; None is the trusted local operator.
        around: visible clauses shown on each side of the focus; None shows them all.

    Raises:
        SourceNotFound: no such document or clause, or the user may not see it.
    """
    document = engine.documents.get(doc_id)
    if document is None:
        raise SourceNotFound
    mask = engine.allowed(user)
    rows = engine.reader.clauses_of(doc_id)
    visible = [clause for row, clause in rows if row < len(mask) and mask[row]]
    positions = [c.clause_id for c in visible]
    if not visible or (clause_id is not None and clause_id not in positions):
        raise SourceNotFound
    focus = positions.index(clause_id) if clause_id is not None else 0
    first = 0 if around is None else max(0, focus - around)
    last = len(visible) if around is None else focus + around + 1
    shown = tuple(
        engine.passage_for(rank, clause, 0.0)
        for rank, clause in enumerate(visible[first:last], start=first + 1)
    )
    return SourceView(
        document=document,
        clauses=shown,
        focus=focus - first,
        visible_clauses=len(visible),
        original=_original(engine, document, user, complete=len(visible) == len(rows)),
        file_name=Path(document.source).name,
        mime=mimetypes.guess_type(document.source)[0] or "application/octet-stream",
    )


def _original(
    engine: Engine, document: Document, user: Clearance | None, complete: bool
) -> Path | None:
    """The stored original, only for a user who may see all of it: every clause and the
    document's own marking (portion markings can put a clause below the banner)."""
    marking = document.marking
    if not complete or (user and not user.may_see(marking.rank, marking.releasable_to)):
        return None
    path = engine.reader.blob_path(document.sha256)
    return path if path.is_file() else None
