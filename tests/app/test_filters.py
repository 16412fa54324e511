"""The sidebar's widget values become the `Filters` questions are asked with."""

from __future__ import annotations

import datetime as dt

from ingest.records import Document, DocumentKind, Marking, MarkingSource
from qa.records import Filters
from qa.web.filters import date_bounds, describe, filters_from, party_options


def document(doc_id: str, parties: tuple[str, ...], date: str | None) -> Document:
    return Document(
        doc_id=doc_id,
        source=f"{doc_id}.md",
        sha256="0" * 64,
        title=doc_id.title(),
        kind=DocumentKind.AGREEMENT,
        marking=Marking("RESTRICTED", 1),
        marking_source=MarkingSource.BANNER,
        text="",
        parties=parties,
        date=date,
    )


DOCS = [
    document("a", ("Kingdom of Brevia", "Republic of Aldoria"), "2016-05-12"),
    document("b", ("Republic of Aldoria",), "2014-11-03"),
    document("c", (), None),
]


def test_options_come_from_the_visible_documents() -> None:
    assert party_options(DOCS) == ["Kingdom of Brevia", "Republic of Aldoria"]
    assert date_bounds(DOCS) == (dt.date(2014, 11, 3), dt.date(2016, 5, 12))
    assert date_bounds(DOCS[2:]) is None


def test_widget_values_become_filters() -> None:
    assert filters_from() == Filters()
    start, end = dt.date(2015, 1, 1), dt.date(2020, 12, 31)
    assert filters_from(["reference"], ["Republic of Aldoria"], (start, end), ["a"]) == Filters(
        kinds=frozenset({DocumentKind.REFERENCE}),
        parties=frozenset({"Republic of Aldoria"}),
        date_from=start,
        date_to=end,
        doc_ids=frozenset({"a"}),
    )
    assert filters_from(dates=(start,)) == Filters(date_from=start)  # the range half chosen


def test_describe_says_what_is_filtered() -> None:
    filters = filters_from(["agreement"], ["Kingdom of Brevia"], (dt.date(2015, 1, 1),), ["a"])
    assert describe(filters, {"a": "A"}) == (
        "agreement; parties: Kingdom of Brevia; from 2015-01-01; 1 chosen document"
    )
    assert describe(Filters(), {}) == ""
