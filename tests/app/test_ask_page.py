"""The Ask page under AppTest: answers, abstention, history, filters, conflicts, errors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from ingest.records import DocumentKind
from ingest.settings import Settings
from qa.access import Clearance
from qa.engine import Engine
from qa.records import CLOSEST_PASSAGES, NOT_ANSWERED, ConflictFlag, Passage
from tests.app.helpers import ask, audit_rows, html_of, run_app
from tests.conftest import build_index

RETENTION = "How long may the Receiving Party retain intelligence?"
OFF_TOPIC = "What colour are zebras?"


def test_answer_links_its_markers_to_the_cited_passages(app_env: Path) -> None:
    app = ask(run_app(), RETENTION)
    assert not app.exception and not app.error
    answer = app.session_state["accord.history"][-1]
    assert not answer.abstained and len(answer.passages) == 5
    html = html_of(app)
    assert html.startswith('<div class="accord-answer">')
    for passage in answer.passages:
        assert f'<div class="accord-card" id="passage-{passage.rank}">' in html
        assert passage.citation() in html and passage.strength.value in html
    assert 'href="#passage-1"' in html and "<mark>" in html
    assert [s.value for s in app.subheader][:2] == [RETENTION, "Cited passages"]
    links = [link.proto for link in app.get("page_link")]
    assert all(link.label == "Open in source" for link in links)
    wanted = [f"doc={p.doc_id}&clause={p.clause_id}" for p in answer.passages]
    assert [link.query_string for link in links][:5] == wanted


def test_questions_and_shown_passages_are_audited_by_id(app_env: Path) -> None:
    app = ask(run_app(), RETENTION)
    answer = app.session_state["accord.history"][-1]
    rows = [(user, event, json.loads(details)) for user, event, details in audit_rows(app_env)]
    assert rows[0] == ("cli", "question", {"question": RETENTION, "generation": 1})
    user, event, details = rows[1]
    assert (user, event) == ("cli", "passages_shown")
    assert details["clause_ids"] == [p.clause_id for p in answer.passages]


def test_abstention_is_said_plainly_with_closest_passages_apart(app_env: Path) -> None:
    app = ask(run_app(), OFF_TOPIC)
    assert [w.value for w in app.warning] == [NOT_ANSWERED]
    assert CLOSEST_PASSAGES in [s.value for s in app.subheader]
    html = html_of(app)
    assert "accord-answer" not in html and 'id="passage-' not in html
    assert html.count('<div class="accord-card">') == 5


def test_earlier_questions_can_be_shown_again(app_env: Path) -> None:
    app = ask(ask(run_app(), RETENTION), OFF_TOPIC)
    history = {b.label: b for b in app.button if b.key and b.key.startswith("history-")}
    assert list(history) == [OFF_TOPIC, RETENTION]  # newest first
    history[RETENTION].click()
    app.run()
    assert app.subheader[0].value == RETENTION and not app.warning


def test_empty_question_asks_for_one(app_env: Path) -> None:
    app = ask(run_app(), "   ")
    assert [w.value for w in app.warning] == ["Type a question first."]
    assert app.session_state["accord.history"] == []


def test_sidebar_filters_act_on_the_question(app_env: Path) -> None:
    app = run_app()
    app.sidebar.multiselect(key="filter.kinds").set_value(["reference"]).run()
    app = ask(app, RETENTION)
    answer = app.session_state["accord.history"][-1]
    assert answer.passages and {p.kind for p in answer.passages} == {DocumentKind.REFERENCE}
    assert app.text[0].value == "Filters: reference"
    parties = app.sidebar.multiselect(key="filter.parties")
    assert "Kingdom of Brevia" in parties.options
    parties.set_value(["Republic of Dorenia"])
    app.sidebar.multiselect(key="filter.kinds").set_value([])
    app = ask(app.run(), RETENTION)
    sources = {
        p.source.rsplit("/", 1)[-1] for p in app.session_state["accord.history"][-1].passages
    }
    assert sources and all(("dor" in s or "mda" in s) for s in sources)


def stub_conflicts(
    engine: Engine, passages: Sequence[Passage], user: Clearance | None
) -> tuple[ConflictFlag, ...]:
    """Flags the first passage against the second, twice: once a conflict, once an amendment."""
    del engine, user
    a, b = passages[0], passages[1]
    return (
        ConflictFlag("numeric", "retention", "retention: 10 years vs 5 years", 0.9, a, b),
        ConflictFlag("numeric", "retention", "Protocol replaces 10 with 5", 0.8, a, b, "amended"),
    )


def test_conflicts_are_shown_side_by_side_under_the_answer(
    app_env: Path, app_index: Settings
) -> None:
    Engine.load(app_index.index.path, app_index, conflict_finder=stub_conflicts)
    app = ask(run_app(), RETENTION)
    answer = app.session_state["accord.history"][-1]
    assert "Possible conflicts (2)" in [s.value for s in app.subheader]
    html = html_of(app)
    assert "⚠ possible conflict — review" in html and "⚠ amended by" in html
    assert "retention: 10 years vs 5 years" in html and "Protocol replaces 10 with 5" in html
    assert f"A: {answer.passages[0].citation()}" in html
    assert f"B: {answer.passages[1].citation()}" in html
    assert f"B (amends A): {answer.passages[1].citation()}" in html
    assert len(app.columns) >= 4  # two columns per flag (they stack on a narrow screen)


def test_a_missing_index_is_a_message_not_a_traceback(
    app_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCORD_INDEX", str(tmp_path / "nothing-here"))
    app = run_app()
    assert not app.exception
    assert app.error[0].value.startswith("no index at")


def test_hostile_document_text_renders_inert(
    app_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "hostile.txt").write_text(
        "UNCLASSIFIED\n\nAnnex on retention\n\n"
        "Intelligence shall be retained for ten years <script>alert('x')</script> and "
        "[see annex](javascript:alert(1)) **bold** $x^2$ retained.\n",
        encoding="utf-8",
    )
    settings = build_index(tmp_path / "hostile-index", folder, "hashing")
    monkeypatch.setenv("ACCORD_INDEX", str(settings.index.path))
    html = html_of(ask(run_app(), "How long is intelligence retained?"))
    assert "<script" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "[see annex](javascript:alert(1)) **bold** $x^2$" in html
