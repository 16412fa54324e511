"""The Documents page and its data: visible documents with metadata, the last ingest's rejects."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from index import IngestRun
from ingest.embed import HashingEmbedder
from ingest.records import DocumentKind
from ingest.settings import Settings
from qa.access import Clearance
from qa.catalog import RejectedFile, document_entries, rejected_files
from qa.engine import Engine
from qa.records import Filters
from tests.app.helpers import run_app
from tests.conftest import REPO, make_settings


@pytest.fixture(scope="module")
def engine(app_index: Settings) -> Engine:
    return Engine.load(app_index.index.path, app_index)


def test_entries_hold_metadata_and_visible_clause_counts(engine: Engine) -> None:
    entries = {e.file_name: e for e in document_entries(engine, Clearance("carol", 2))}
    assert len(entries) == 14  # the two SECRET agreements are not listed
    maritime = entries["brv-est-maritime-intelligence-mou.docx"]
    assert (maritime.kind, maritime.parties, maritime.date, maritime.classification) == (
        "agreement",
        "Kingdom of Brevia, Kingdom of Estmark",
        "2020-02-14",
        "CONFIDENTIAL",
    )
    assert maritime.clauses == 32  # its one SECRET paragraph is not counted
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", maritime.ingested_at)
    everything = {e.file_name: e for e in document_entries(engine, None)}
    assert everything["brv-est-maritime-intelligence-mou.docx"].clauses == 33
    assert everything["cal-dor-intelligence-cooperation-agreement.pdf"].pages == 5


def test_entries_say_which_documents_pass_the_filters(engine: Engine) -> None:
    filters = Filters(kinds=frozenset({DocumentKind.REFERENCE}))
    passing = [e.file_name for e in document_entries(engine, None, filters) if e.in_filters]
    assert sorted(passing) == [
        "ref-classification-equivalence.md",
        "ref-oversight-of-shared-intelligence.md",
        "ref-third-party-rule.md",
    ]


@pytest.fixture
def index_with_a_reject(tmp_path: Path) -> Settings:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(REPO / "corpus" / "ref-third-party-rule.md", folder)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7 this is not a PDF")
    settings = make_settings(tmp_path / "index")
    IngestRun(settings, HashingEmbedder()).run([folder])
    return settings


def test_rejected_files_come_with_their_reasons(index_with_a_reject: Settings) -> None:
    engine = Engine.load(index_with_a_reject.index.path, index_with_a_reject)
    (rejected,) = rejected_files(engine)
    assert isinstance(rejected, RejectedFile)
    assert rejected.source.endswith("broken.pdf") and rejected.reason


def test_page_lists_documents_and_rejects_for_the_local_operator(
    app_env: Path, index_with_a_reject: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCORD_INDEX", str(index_with_a_reject.index.path))
    app = run_app("documents")
    assert not app.exception
    (listing, rejects) = app.dataframe
    rows = listing.value.to_dict("records")
    assert [r["file_name"] for r in rows] == ["ref-third-party-rule.md"]
    assert rows[0]["in_filters"] is True and rows[0]["clauses"] > 0
    assert "Rejected by the last ingest (1)" in [s.value for s in app.subheader]
    assert rejects.value["source"].iloc[0].endswith("broken.pdf")
    link = app.get("page_link")[0].proto
    assert link.label == "Open in source" and link.query_string.startswith("doc=")


def test_a_new_generation_is_picked_up_without_a_restart(
    app_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "growing"
    folder.mkdir()
    shutil.copy(REPO / "corpus" / "ref-third-party-rule.md", folder)
    settings = make_settings(tmp_path / "growing-index")
    IngestRun(settings, HashingEmbedder()).run([folder])
    monkeypatch.setenv("ACCORD_INDEX", str(settings.index.path))
    app = run_app("documents")
    assert app.sidebar.caption[-1].value == "Index generation 1 · 1 documents"
    shutil.copy(REPO / "corpus" / "ref-oversight-of-shared-intelligence.md", folder)
    IngestRun(settings, HashingEmbedder()).run([folder])
    app.run()
    assert app.sidebar.caption[-1].value == "Index generation 2 · 2 documents"
    assert len(app.dataframe[0].value) == 2
