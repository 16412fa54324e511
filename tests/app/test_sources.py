"""The source viewer's data refuses what a user may not see, exactly like what does not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.settings import Settings
from qa.access import Clearance
from qa.engine import Engine
from qa.sources import SOURCE_NOT_FOUND, SourceNotFound, source_view

CONFIDENTIAL = Clearance("carol", 2)
SECRET_ALD = Clearance("sam", 3, frozenset({"ALD"}))
MARITIME = "brv-est-maritime-intelligence-mou.docx"  # CONFIDENTIAL, one SECRET paragraph
CAL_DOR = "cal-dor-intelligence-cooperation-agreement.pdf"  # SECRET//REL TO CAL, DOR


@pytest.fixture(scope="module")
def engine(app_index: Settings) -> Engine:
    return Engine.load(app_index.index.path, app_index)


def doc_id(engine: Engine, file_name: str) -> str:
    return next(d.doc_id for d in engine.documents.values() if Path(d.source).name == file_name)


def clause_ids(engine: Engine, file_name: str, rank: int | None = None) -> list[str]:
    rows = engine.reader.clauses_of(doc_id(engine, file_name))
    return [c.clause_id for _, c in rows if rank is None or (c.marking and c.marking.rank == rank)]


def test_opens_at_the_clause_with_two_neighbours_each_side(engine: Engine) -> None:
    ids = clause_ids(engine, CAL_DOR)
    view = source_view(engine, doc_id(engine, CAL_DOR), ids[10], None)
    assert [p.clause_id for p in view.clauses] == ids[8:13]
    assert view.focus == 2 and view.focused.clause_id == ids[10]
    assert [p.rank for p in view.clauses] == [9, 10, 11, 12, 13]
    assert all(p.page is not None for p in view.clauses)  # a PDF: every clause has its page
    assert view.visible_clauses == len(ids) == 49
    assert view.file_name == CAL_DOR and view.mime == "application/pdf"
    assert view.original is not None and view.original.read_bytes()[:5] == b"%PDF-"
    assert view.document.text == ""  # metadata only


def test_window_is_clipped_at_the_ends_and_all_shows_everything(engine: Engine) -> None:
    ids = clause_ids(engine, CAL_DOR)
    first = source_view(engine, doc_id(engine, CAL_DOR), None, None)
    assert [p.clause_id for p in first.clauses] == ids[:3] and first.focus == 0
    whole = source_view(engine, doc_id(engine, CAL_DOR), ids[-1], None, around=None)
    assert len(whole.clauses) == 49 and whole.focus == 48


def test_clauses_above_the_clearance_are_left_out_and_the_original_withheld(
    engine: Engine,
) -> None:
    (secret,) = clause_ids(engine, MARITIME, rank=3)
    everything = clause_ids(engine, MARITIME)
    view = source_view(engine, doc_id(engine, MARITIME), None, CONFIDENTIAL, around=None)
    assert [p.clause_id for p in view.clauses] == [c for c in everything if c != secret]
    assert view.visible_clauses == 32 and view.original is None
    cleared = source_view(engine, doc_id(engine, MARITIME), secret, SECRET_ALD)
    assert cleared.focused.clause_id == secret and cleared.original is not None


@pytest.mark.parametrize(
    ("file_name", "which", "user"),
    [
        (MARITIME, "secret clause", CONFIDENTIAL),  # exists, above the clearance
        (CAL_DOR, "first clause", SECRET_ALD),  # exists, not releasable to ALD
        (CAL_DOR, "no such clause", None),
        ("no such document", None, None),
    ],
)
def test_refusals_read_exactly_like_a_missing_id(
    engine: Engine, file_name: str, which: str | None, user: Clearance | None
) -> None:
    if file_name == "no such document":
        document, clause = "0123456789abcdef", None
    else:
        document = doc_id(engine, file_name)
        clause = {
            "secret clause": (clause_ids(engine, MARITIME, rank=3) or [""])[0],
            "first clause": clause_ids(engine, CAL_DOR)[0],
            "no such clause": "fedcba9876543210",
        }[str(which)]
    with pytest.raises(SourceNotFound) as refused:
        source_view(engine, document, clause, user)
    assert str(refused.value) == SOURCE_NOT_FOUND
