"""Comparison questions over corpus/: each compared agreement's best passages are shown, and
only among the documents the user may see."""

from __future__ import annotations

import pytest

from ingest.settings import Settings
from qa.access import Clearance
from qa.engine import Engine
from qa.retrieval import Method, Retriever

QUESTION = (
    "How long may imagery be kept under the Calvenia-Estmark geospatial agreement, and how "
    "long under the Aldoria-Dorenia signals intelligence agreement?"
)


@pytest.fixture(scope="module")
def engine(corpus_hashing: Settings) -> Engine:
    Engine.forget()
    return Engine.load(corpus_hashing.index.path, corpus_hashing)


def doc_id(engine: Engine, file: str) -> str:
    return next(d.doc_id for d in engine.documents.values() if d.source.endswith(file))


def test_each_compared_agreement_gets_its_best_passages(engine: Engine) -> None:
    geo = doc_id(engine, "cal-est-geospatial-intelligence-agreement.md")
    sigint = doc_id(engine, "ald-dor-signals-intelligence-agreement.md")
    assert engine.planner(None).plan(QUESTION).compared == (geo, sigint)
    answer = engine.ask(QUESTION, top_k=5)
    docs = [p.doc_id for p in answer.passages]
    # the best passage overall (geospatial), then the two agreements' best in turn; without
    # the comparison two passages of the Aldoria-Brevia agreements come before sigint's first
    assert docs[:4] == [geo, sigint, geo, sigint]
    # each compared document's passages are its best for the whole question
    for doc in (geo, sigint):
        mask = engine.allowed(None) & (
            engine.reader.rows.document == engine.reader.rows.doc_ids.index(doc)
        )
        vector = engine.embedder.embed([QUESTION])[0]
        best = Retriever(engine.reader).search(QUESTION, vector, 1, mask, Method.HYBRID)[0]
        best_id = engine.reader.clauses([best.row])[best.row].clause_id
        assert best_id in {p.clause_id for p in answer.passages}


def test_a_document_the_user_may_not_see_is_never_compared(engine: Engine) -> None:
    sigint = doc_id(engine, "ald-dor-signals-intelligence-agreement.md")
    outsider = Clearance("cal-only", 4, frozenset({"CAL"}))  # not releasable to ALD or DOR
    assert sigint not in engine.planner(outsider).plan(QUESTION).compared
    answer = engine.ask(QUESTION, user=outsider)
    assert answer.passages and sigint not in {p.doc_id for p in answer.passages}
