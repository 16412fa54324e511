"""The documents page's data: what is indexed that a user may see, and what the last ingest
rejected."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

import numpy as np

from index import last_ingest
from qa.access import Clearance
from qa.filtering import document_matches
from qa.records import Filters

if TYPE_CHECKING:
    from qa.engine import Engine


@dataclass(frozen=True)
class DocumentEntry:
    """One row of the documents table."""

    doc_id: str
    title: str
    file_name: str
    kind: str
    parties: str
    date: str
    classification: str
    clauses: int  # clauses the user may see
    pages: int
    ingested_at: str
    in_filters: bool  # passes the sidebar filters


@dataclass(frozen=True)
class RejectedFile:
    """A file the last ingest could not take, and why."""

    source: str
    reason: str


def document_entries(
    engine: Engine, user: Clearance | None, filters: Filters | None = None
) -> list[DocumentEntry]:
    """The documents `user` may see, with metadata and their visible clause counts."""
    rows = engine.reader.rows
    mask = engine.allowed(user)
    counts = np.bincount(rows.document[mask], minlength=len(rows.doc_ids))
    visible = {doc_id: int(counts[i]) for i, doc_id in enumerate(rows.doc_ids) if counts[i]}
    ingested = engine.reader.ingested_at()
    entries = []
    for document in engine.documents.values():
        if document.doc_id not in visible:
            continue
        entries.append(
            DocumentEntry(
                doc_id=document.doc_id,
                title=document.title,
                file_name=PurePath(document.source).name,
                kind=document.kind.value,
                parties=", ".join(document.parties),
                date=document.date or "",
                classification=document.marking.label(),
                clauses=visible[document.doc_id],
                pages=len(document.pages),
                ingested_at=ingested.get(document.doc_id, "")[:19].replace("T", " "),
                in_filters=filters is None or document_matches(document, filters),
            )
        )
    return sorted(entries, key=lambda entry: entry.title.lower())


def rejected_files(engine: Engine) -> list[RejectedFile]:
    """Files the last ingest rejected, with the reasons (for analysts and admins)."""
    report = last_ingest(engine.index_dir) or {}
    rejected = report.get("rejected") or []
    if not isinstance(rejected, list):
        return []
    return [
        RejectedFile(str(item.get("source", "")), str(item.get("reason", "")))
        for item in rejected
        if isinstance(item, dict)
    ]
