"""The Source page under AppTest: a document opened at a clause, and its original file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from ingest.settings import Settings
from qa.engine import Engine
from qa.sources import SOURCE_NOT_FOUND
from tests.app.helpers import PAGES, audit_rows, html_of, run_app
from tests.conftest import REPO

CAL_DOR = "cal-dor-intelligence-cooperation-agreement.pdf"


def clause_ids(settings: Settings, file_name: str) -> tuple[str, list[str]]:
    engine = Engine.load(settings.index.path, settings)
    doc = next(d for d in engine.documents.values() if Path(d.source).name == file_name)
    return doc.doc_id, [c.clause_id for _, c in engine.reader.clauses_of(doc.doc_id)]


def open_source(params: dict[str, str]) -> AppTest:
    app = run_app()
    app.query_params.update(params)
    return app.switch_page(f"{PAGES}/source.py").run()


def test_opens_the_document_at_the_clause_with_its_neighbours(
    app_env: Path, app_index: Settings
) -> None:
    doc_id, ids = clause_ids(app_index, CAL_DOR)
    app = open_source({"doc": doc_id, "clause": ids[10]})
    assert not app.exception and not app.error
    html = html_of(app)
    assert "Agreement between the Federal Republic of Calvenia" in html
    assert "SECRET//REL TO CAL, DOR · agreement · 2018-09-27 · 5 pages" in html
    assert html.count('<div class="accord-card') == 5
    assert html.count("accord-focus") == 1 and ", p. " in html  # PDF page numbers
    assert app.get("download_button")[0].proto.label == "Download the original file"
    (row,) = [r for r in audit_rows(app_env) if r[1] == "source_view"]
    assert json.loads(row[2]) == {"doc_id": doc_id, "clause_id": ids[10]}


def test_all_shows_every_clause(app_env: Path, app_index: Settings) -> None:
    doc_id, ids = clause_ids(app_index, CAL_DOR)
    app = open_source({"doc": doc_id, "clause": ids[0]})
    app.segmented_control(key="source.around").set_value("all").run()
    assert html_of(app).count('<div class="accord-card') == len(ids) == 49


def test_download_gives_the_original_and_is_audited(
    app_env: Path, app_index: Settings, downloads: dict[str, Callable[[], Any]]
) -> None:
    doc_id, ids = clause_ids(app_index, CAL_DOR)
    open_source({"doc": doc_id, "clause": ids[0]})
    assert downloads[CAL_DOR]() == (REPO / "corpus" / CAL_DOR).read_bytes()
    (row,) = [r for r in audit_rows(app_env) if r[1] == "export"]
    assert json.loads(row[2]) == {"format": "original", "doc_id": doc_id}


def test_unknown_ids_give_the_not_found_message(app_env: Path) -> None:
    app = open_source({"doc": "0123456789abcdef", "clause": "x"})
    assert not app.exception and [e.value for e in app.error] == [SOURCE_NOT_FOUND]


def test_without_a_document_it_says_where_to_open_one(app_env: Path) -> None:
    app = run_app("source")
    assert app.main.info[0].value == "Open a document from a citation on Ask, or from Documents."
