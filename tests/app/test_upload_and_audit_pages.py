"""Adding documents from the web page (re-index in a separate process) and the audit page."""

from __future__ import annotations

import json
from pathlib import Path

from qa.reindex import reindex
from qa.uploads import save_upload
from tests.app.helpers import audit_rows, run_app
from tests.conftest import DOCS, make_settings


def test_reindex_runs_accord_ingest_and_returns_its_summary(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "index", **{"models.contradiction": "none"})
    folder = tmp_path / "uploads"
    saved = save_upload(
        "../../Exchange Agreement.md",
        (DOCS / "exchange-agreement.md").read_bytes(),
        folder,
        settings,
    )
    assert saved == folder / "Exchange Agreement.md"
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 nothing")
    lines: list[str] = []
    result = reindex(settings, [folder], on_progress=lines.append)
    assert result.ok and result.exit_code == 3
    assert [Path(p).name for p in result.summary["added"]] == ["Exchange Agreement.md"]
    assert [Path(r["source"]).name for r in result.summary["rejected"]] == ["broken.pdf"]
    assert any("files 2/2" in line for line in lines)
    again = reindex(settings, [folder])
    assert (again.summary["unchanged"], again.summary["generation"]) == (1, None)


def test_upload_page_is_for_analysts_and_the_operator(app_env: Path) -> None:
    app = run_app("upload")
    assert not app.exception
    assert [title.value for title in app.title] == ["Add documents"]
    assert "Files are checked (name, size, type by content)" in app.caption[0].value


def test_audit_page_lists_records_and_audits_its_reading(app_env: Path) -> None:
    run_app("ask")
    before = len(audit_rows(app_env))
    app = run_app("audit")
    assert not app.exception
    assert len(app.dataframe) == 1, "the records table is shown to the local operator (an admin)"
    rows = audit_rows(app_env)
    assert rows[-1][1] == "audit_read"
    assert json.loads(rows[-1][2])["rows"] == before
