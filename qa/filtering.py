"""User filters (kind, party, dates, documents) as row masks."""

from __future__ import annotations

import datetime as dt

import numpy as np

from index import RowAttributes
from ingest.records import Document
from qa.records import Filters


def document_matches(document: Document, filters: Filters) -> bool:
    """Whether one document passes the filters."""
    if filters.kinds and document.kind not in filters.kinds:
        return False
    if filters.parties and not set(document.parties) & filters.parties:
        return False
    if filters.doc_ids and document.doc_id not in filters.doc_ids:
        return False
    if filters.date_from or filters.date_to:
        if not document.date:
            return False
        date = dt.date.fromisoformat(document.date)
        if filters.date_from and date < filters.date_from:
            return False
        if filters.date_to and date > filters.date_to:
            return False
    return True


def filter_rows(
    rows: RowAttributes, documents: dict[str, Document], filters: Filters
) -> np.ndarray:
    """Boolean mask of rows whose document passes the filters."""
    keep = np.array(
        [
            doc_id in documents and document_matches(documents[doc_id], filters)
            for doc_id in rows.doc_ids
        ],
        dtype=bool,
    )
    return keep[rows.document] if len(keep) else np.zeros(len(rows.document), dtype=bool)
