"""The Conflict map page: corpus-wide flags, narrowed by topic, kind and document, and a matrix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qa.access import Clearance
from qa.conflicts import corpus_map
from qa.records import ConflictFlag
from qa.web.conflict_table import NO_TOPIC, PairCell, documents_in, pair_cells, select_flags
from tests.app.helpers import PAGES, conflict, html_of, passage, run_app, sign_in

A, B, C = (passage(n, f"clause {n}", source=f"/corpus/doc-{n}.md", doc_id=f"d{n}") for n in "abc")
FLAGS = [
    conflict(A, B),
    conflict(A, C, kind="jurisdiction", topic="courts"),
    conflict(B, C, topic="", status="amended", explanation="B is amended by C"),
]


def test_select_flags_by_topic_kind_and_document() -> None:
    assert select_flags(FLAGS) == FLAGS
    assert select_flags(FLAGS, topics={"retention"}) == [FLAGS[0]]
    assert select_flags(FLAGS, topics={NO_TOPIC}) == [FLAGS[2]]
    assert select_flags(FLAGS, kinds={"jurisdiction"}) == [FLAGS[1]]
    assert select_flags(FLAGS, doc_ids={"dc"}) == FLAGS[1:]
    assert select_flags(FLAGS, topics={"retention"}, doc_ids={"dc"}) == []


def test_pair_cells_are_symmetric_and_split_conflicts_from_amendments() -> None:
    assert pair_cells(FLAGS) == [
        PairCell("doc-a.md", "doc-b.md", 1, 0),
        PairCell("doc-a.md", "doc-c.md", 1, 0),
        PairCell("doc-b.md", "doc-a.md", 1, 0),
        PairCell("doc-b.md", "doc-c.md", 0, 1),
        PairCell("doc-c.md", "doc-a.md", 1, 0),
        PairCell("doc-c.md", "doc-b.md", 0, 1),
    ]
    assert documents_in(FLAGS) == {"da": "doc-a.md", "db": "doc-b.md", "dc": "doc-c.md"}


@pytest.fixture
def stub_map(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Replace the corpus map with FLAGS; records the clearance each call was made with."""
    calls: list[Any] = []

    def fake(engine: Any, user: Clearance | None) -> list[ConflictFlag]:
        calls.append(user)
        return FLAGS

    monkeypatch.setattr(corpus_map, "conflict_map", fake)
    return calls


def test_page_lists_flags_draws_the_matrix_and_filters(app_env: Path, stub_map: list[Any]) -> None:
    app = run_app("conflict_map")
    assert not app.exception and stub_map == [None]
    assert app.caption[0].value == "3 of 3 flags · worded “possible conflict — review”"
    (chart,) = app.get("vega_lite_chart")
    assert '"document"' in chart.proto.spec and '"rect"' in chart.proto.spec
    html = html_of(app)
    assert html.count("⚠ possible conflict — review") == 2 and html.count("⚠ amended by") == 1
    app.multiselect(key="map.kinds").set_value(["jurisdiction"]).run()
    assert app.caption[0].value == "1 of 3 flags · worded “possible conflict — review”"
    assert "jurisdiction · courts" in html_of(app) and "numeric · retention" not in html_of(app)
    app.multiselect(key="map.kinds").set_value([])
    app.multiselect(key="map.documents").set_value(["dc"]).run()
    assert app.caption[0].value == "2 of 3 flags · worded “possible conflict — review”"


def test_page_asks_the_map_with_the_signed_in_clearance(
    app_env: Path, accounts: Any, stub_map: list[Any]
) -> None:
    app = sign_in(run_app(), "carol")
    app.switch_page(f"{PAGES}/conflict_map.py").run()
    assert stub_map[-1] == Clearance("carol", 2)


def test_page_on_the_real_corpus_map(app_env: Path) -> None:
    app = run_app("conflict_map")
    assert not app.exception and not app.error
    shown, total = app.caption[0].value.split(" flags")[0].split(" of ")
    assert shown == total and int(total) > 0
    assert "possible conflict — review" in html_of(app)
