"""The sidebar's filter choices, turned into `Filters` for `Engine.ask`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from ingest.records import Document, DocumentKind
from qa.records import Filters


def party_options(documents: Iterable[Document]) -> list[str]:
    """Every party named by the documents, sorted."""
    return sorted({party for document in documents for party in document.parties})


def date_bounds(documents: Iterable[Document]) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest document dates, if any document is dated."""
    dates = sorted(dt.date.fromisoformat(d.date) for d in documents if d.date)
    return (dates[0], dates[-1]) if dates else None


def filters_from(
    kinds: Iterable[str] = (),
    parties: Iterable[str] = (),
    dates: Sequence[dt.date] = (),
    doc_ids: Iterable[str] = (),
) -> Filters:
    """Filters from the widgets' values; `dates` is the date-range widget's 0, 1 or 2 dates."""
    return Filters(
        kinds=frozenset(DocumentKind(kind) for kind in kinds),
        parties=frozenset(parties),
        date_from=dates[0] if len(dates) > 0 else None,
        date_to=dates[1] if len(dates) > 1 else None,
        doc_ids=frozenset(doc_ids),
    )


def describe(filters: Filters, titles: dict[str, str]) -> str:
    """ "agreement; parties: Kingdom of Brevia; from 2015-01-01" — or "" when empty."""
    parts = []
    if filters.kinds:
        parts.append(", ".join(sorted(filters.kinds)))
    if filters.parties:
        parts.append("parties: " + ", ".join(sorted(filters.parties)))
    if filters.date_from:
        parts.append(f"from {filters.date_from.isoformat()}")
    if filters.date_to:
        parts.append(f"to {filters.date_to.isoformat()}")
    if filters.doc_ids:
        names = sorted(titles.get(doc_id, doc_id) for doc_id in filters.doc_ids)
        parts.append(f"{len(names)} chosen document" + ("s" if len(names) > 1 else ""))
    return "; ".join(parts)
