"""Pin answers on Ask, export them on Briefing: the files hold what was pinned, under its banner."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from tests.app.helpers import PAGES, ask, audit_rows, run_app

RETENTION = "How long may the Receiving Party retain intelligence?"
BREACH = "How fast must a security breach be reported?"


def pin_two() -> AppTest:
    app = ask(run_app(), RETENTION)
    next(b for b in app.button if b.label == "Pin to briefing").click()
    app = ask(app.run(), BREACH)
    next(b for b in app.button if b.label == "Pin to briefing").click()
    return app.run()


def export(downloads: dict[str, Callable[[], Any]], suffix: str) -> bytes:
    (name,) = [n for n in downloads if n.startswith("accord-briefing-") and n.endswith(suffix)]
    data: bytes = downloads[name]()
    return data


def test_pinned_answers_are_listed_and_can_be_unpinned(app_env: Path) -> None:
    app = pin_two()
    assert [b.label for b in app.button if b.label.startswith(("Pin", "Unpin"))] == [
        "Unpin from briefing"
    ]
    app.switch_page(f"{PAGES}/briefing.py").run()
    assert [m.value.split("**")[1] for m in app.main.markdown] == [RETENTION, BREACH]
    assert app.main.text[0].value == "Classification banner: SECRET//REL TO DOR"
    app.button(key="unpin-0").click().run()
    assert [m.value.split("**")[1] for m in app.main.markdown] == [BREACH]


def test_exports_hold_the_pinned_answers_and_are_audited(
    app_env: Path, downloads: dict[str, Callable[[], Any]]
) -> None:
    app = pin_two()
    pinned = app.session_state["accord.pins"]
    app.switch_page(f"{PAGES}/briefing.py").run()
    assert [b.label for b in app.get("download_button")] == [
        "Download Markdown",
        "Download PDF",
        "Download Word",
    ]
    markdown = export(downloads, ".md").decode("utf-8")
    banner = "SECRET//REL TO DOR"  # SECRET//REL TO CAL, DOR with CONFIDENTIAL//REL TO ALD, DOR
    assert markdown.startswith(f"**{banner}**\n") and markdown.endswith(f"**{banner}**\n")
    assert f"## 1\\. {RETENTION}" in markdown and f"## 2\\. {BREACH}" in markdown
    for answer in pinned:
        for passage in answer.passages:
            assert passage.citation().replace("[", "\\[") in markdown
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(export(downloads, ".pdf"))).pages]
    assert all(p.strip().splitlines()[0] == banner for p in pages)
    assert all(p.strip().splitlines()[-1] == banner for p in pages)
    assert RETENTION in " ".join(pages)
    word = docx.Document(io.BytesIO(export(downloads, ".docx")))
    assert word.sections[0].header.paragraphs[0].text == banner
    assert f"2. {BREACH}" in [p.text for p in word.paragraphs]
    exports = [json.loads(d) for _, event, d in audit_rows(app_env) if event == "export"]
    assert [e["format"] for e in exports] == ["md", "pdf", "docx"]
    assert exports[0]["questions"] == 2
    assert exports[0]["clause_ids"] == sorted({p.clause_id for a in pinned for p in a.passages})


def test_without_pins_it_says_how_to_pin(app_env: Path) -> None:
    app = run_app("briefing")
    assert app.main.info[0].value == "Pin answers on Ask to collect them here for a briefing."
