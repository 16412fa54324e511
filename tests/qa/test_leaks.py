"""Need-to-know, exhaustively: for every clearance × releasability combination, every labelled
question and every view, nothing the user may not see reaches them — checked on clause and
document ids against the markings stored in the index, not only on the text shown."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest

from ingest.markings import ClassificationScale
from ingest.records import Clause
from ingest.settings import Settings
from qa.access import Clearance
from qa.briefing import briefing_markdown
from qa.catalog import document_entries
from qa.conflicts.corpus_map import conflict_map
from qa.engine import Engine
from qa.records import Answer
from qa.sources import SourceNotFound, source_view
from tests.conftest import FIXTURES

LEVELS = range(5)  # UNCLASSIFIED .. TOP SECRET
GROUPS = [frozenset(), frozenset({"ALD"}), frozenset({"CAL"}), frozenset({"DOR", "EST"})]
USERS = [
    Clearance(f"u{level}-{'-'.join(sorted(g)) or 'none'}", level, g)
    for level, g in itertools.product(LEVELS, GROUPS)
]
QUESTIONS = [
    json.loads(line)["question"]
    for line in (FIXTURES / "corpus_questions.jsonl").read_text().splitlines()
    if line.strip()
] + [
    # comparisons: each compared agreement is searched on its own too (qa.comparison)
    "How long may imagery be kept under the Calvenia-Estmark geospatial agreement, and how "
    "long under the Aldoria-Dorenia signals intelligence agreement?",
    "Who may see Brevian reports under the Aldoria-Brevia defence intelligence agreement "
    "versus the Calvenia-Dorenia cooperation agreement?",
]


@pytest.fixture(scope="module")
def engine(corpus_hashing: Settings) -> Engine:
    Engine.forget()
    return Engine.load(corpus_hashing.index.path, corpus_hashing)


@pytest.fixture(scope="module")
def truth(engine: Engine) -> dict[str, tuple[int, frozenset[str], str]]:
    """clause id → (level rank, releasable to, doc id), read straight from the index."""
    rows = engine.reader.query("SELECT clause_id, level_rank, releasable_to, doc_id FROM clauses")
    return {cid: (rank, frozenset(json.loads(rel)), doc) for cid, rank, rel, doc in rows}


def visible(
    user: Clearance, clause_id: str, truth: dict[str, tuple[int, frozenset[str], str]]
) -> bool:
    rank, releasable, _ = truth[clause_id]
    return user.may_see(rank, releasable)


def clause_ids(answer: Answer) -> set[str]:
    ids = {p.clause_id for p in answer.passages}
    for flag in answer.conflicts:
        ids |= {flag.a.clause_id, flag.b.clause_id}
    return ids


def test_the_users_cover_every_level_and_caveat_case(
    truth: dict[str, tuple[int, frozenset[str], str]],
) -> None:
    ranks = {rank for rank, _, _ in truth.values()}
    caveats = {rel for _, rel, _ in truth.values() if rel}
    assert ranks >= {0, 1, 2, 3}  # the corpus has unclassified to secret clauses
    assert caveats >= {frozenset({"ALD", "DOR"}), frozenset({"CAL", "DOR"})}
    assert len(USERS) == 20 and len(QUESTIONS) >= 80


@pytest.mark.parametrize("user", USERS, ids=lambda u: u.name)
def test_answers_and_their_conflicts_hold_only_visible_clauses(
    engine: Engine, truth: dict[str, tuple[int, frozenset[str], str]], user: Clearance
) -> None:
    answers = [engine.ask(question, user=user) for question in QUESTIONS]
    shown = set().union(*(clause_ids(a) for a in answers))
    leaked = {cid for cid in shown if not visible(user, cid, truth)}
    assert leaked == set()
    visible_docs = {d.doc_id for d in engine.visible_documents(user)}
    assert {p.doc_id for a in answers for p in a.passages} <= visible_docs
    hidden_texts = [
        c.text
        for _, c in _all_clauses(engine)
        if not visible(user, c.clause_id, truth) and len(c.text) > 80
    ]
    export = briefing_markdown(
        answers[:10], dt.datetime(2026, 1, 1, tzinfo=dt.UTC), ClassificationScale()
    )
    assert not any(text in export for text in hidden_texts)


@pytest.mark.parametrize("user", USERS, ids=lambda u: u.name)
def test_map_source_viewer_and_document_list(
    engine: Engine, truth: dict[str, tuple[int, frozenset[str], str]], user: Clearance
) -> None:
    for flag in conflict_map(engine, user):
        assert visible(user, flag.a.clause_id, truth) and visible(user, flag.b.clause_id, truth)
    for _row, clause in _all_clauses(engine):
        if not visible(user, clause.clause_id, truth):
            with pytest.raises(SourceNotFound):
                source_view(engine, clause.doc_id, clause.clause_id, user)
            continue
        view = source_view(engine, clause.doc_id, clause.clause_id, user, around=None)
        assert all(visible(user, p.clause_id, truth) for p in view.clauses)
        assert view.document.text == ""  # metadata only
    listed = {e.doc_id: e.clauses for e in document_entries(engine, user)}
    expected: dict[str, int] = {}
    for clause_id, (_, _, doc_id) in truth.items():
        if visible(user, clause_id, truth):
            expected[doc_id] = expected.get(doc_id, 0) + 1
    assert listed == expected  # documents and counts reveal nothing hidden


def _all_clauses(engine: Engine) -> list[tuple[int, Clause]]:
    found = []
    for doc_id in engine.documents:
        found.extend(engine.reader.clauses_of(doc_id))
    return found
