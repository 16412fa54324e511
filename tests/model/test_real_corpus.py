"""corpus/ ingested once with the real model (all-MiniLM-L6-v2): counts, markings, metadata,
and answers that cite the right clause."""

from __future__ import annotations

from pathlib import PurePath

import pytest

from ingest.settings import Settings
from qa.engine import Engine
from qa.status import index_status

pytestmark = pytest.mark.model

EXPECTED = {
    # file: (clauses, classification, kind, unmarked, pages)
    "ald-brv-classified-information-agreement.md": (48, "UNCLASSIFIED", "agreement", False, 0),
    "ald-brv-defence-intelligence-agreement.md": (53, "RESTRICTED", "agreement", False, 0),
    "ald-brv-implementing-arrangement-secure-transmission.txt": (
        32,
        "RESTRICTED",
        "agreement",
        False,
        0,
    ),
    "ald-brv-protocol-amending-intelligence-agreement.md": (
        28,
        "UNCLASSIFIED",
        "agreement",
        False,
        0,
    ),
    "ald-dor-signals-intelligence-agreement.md": (
        18,
        "CONFIDENTIAL//REL TO ALD, DOR",
        "agreement",
        False,
        0,
    ),
    "ald-est-exchange-of-notes-intelligence-liaison.md": (24, "RESTRICTED", "agreement", False, 0),
    "brv-cal-military-intelligence-agreement.txt": (49, "CONFIDENTIAL", "agreement", False, 0),
    "brv-est-maritime-intelligence-mou.docx": (33, "CONFIDENTIAL", "agreement", False, 0),
    "cal-dor-intelligence-cooperation-agreement.pdf": (
        49,
        "SECRET//REL TO CAL, DOR",
        "agreement",
        False,
        5,
    ),
    "cal-est-geospatial-intelligence-agreement.md": (43, "SECRET", "agreement", False, 0),
    "dor-est-counter-terrorism-mou.pdf": (44, "RESTRICTED", "agreement", False, 5),
    "mda-fusion-centre-administrative-arrangement.html": (15, "RESTRICTED", "agreement", False, 0),
    "mda-intelligence-sharing-agreement.pdf": (81, "CONFIDENTIAL", "agreement", False, 10),
    "ref-classification-equivalence.md": (6, "UNCLASSIFIED", "reference", False, 0),
    "ref-oversight-of-shared-intelligence.md": (6, "RESTRICTED", "reference", True, 0),
    "ref-third-party-rule.md": (6, "UNCLASSIFIED", "reference", False, 0),
}


def test_every_document_with_its_clause_count_and_marking(corpus_real: Settings) -> None:
    status = index_status(corpus_real.index.path)
    found = {
        PurePath(d["source"]).name: (
            d["clauses"],
            d["classification"],
            d["kind"],
            d["unmarked"],
            d["pages"],
        )
        for d in status["documents"]
    }
    assert found == EXPECTED
    assert status["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert status["totals"] == {"documents": 16, "clauses": 535}


def test_sidecar_metadata_reaches_the_index(corpus_real: Settings) -> None:
    documents = {
        PurePath(d["source"]).name: d for d in index_status(corpus_real.index.path)["documents"]
    }
    protocol = documents["ald-brv-protocol-amending-intelligence-agreement.md"]
    assert protocol["amends"] == ["ald-brv-defence-intelligence-agreement.md"]
    assert protocol["parties"] == ["Republic of Aldoria", "Kingdom of Brevia"]
    assert documents["mda-intelligence-sharing-agreement.pdf"]["date"] == "2017-11-15"


def test_a_real_question_cites_the_answering_clause(corpus_real: Settings) -> None:
    Engine.forget()
    engine = Engine.load(corpus_real.index.path, corpus_real)
    answer = engine.ask("How many years may intelligence reports from Dorenia be kept by Calvenia?")
    assert not answer.abstained
    top = answer.passages[0]
    assert PurePath(top.source).name == "cal-dor-intelligence-cooperation-agreement.pdf"
    assert "ten years" in top.text
    assert top.page is not None
    assert any("ten years" in top.text[a:b] for a, b in top.highlights)
    assert "[1]" in answer.text
