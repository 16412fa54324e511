"""Incremental ingestion: add, change, rename, delete, bad files, crashes, the writer lock."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from index import (
    IndexBusy,
    IndexMismatch,
    IndexReader,
    IngestRun,
    IngestSummary,
    current_generation,
    generations,
)
from index.workers import ParseJob, ParserConfig, ParserPool
from ingest.embed import HashingEmbedder
from ingest.settings import ChunkSettings, Settings
from tests.conftest import DOCS, make_settings
from tests.ingest.builders import make_encrypted_pdf, make_pdf


def ingest(settings: Settings, *paths: Path, **options: bool) -> IngestSummary:
    return IngestRun(settings, HashingEmbedder()).run(list(paths), **options)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("exchange-agreement.md", "reference-note.md", "portion-marked.txt"):
        shutil.copy(DOCS / name, folder / name)
    return folder


def clause_texts(settings: Settings) -> dict[str, list[str]]:
    reader = IndexReader.open(settings.index.path)
    try:
        by_source: dict[str, list[str]] = {}
        for doc in reader.documents():
            by_source[Path(doc.source).name] = [c.text for _, c in reader.clauses_of(doc.doc_id)]
        return by_source
    finally:
        reader.close()


def test_first_ingest_indexes_everything_and_a_second_embeds_nothing(
    settings: Settings, corpus: Path
) -> None:
    first = ingest(settings, corpus)
    assert (sorted(Path(s).name for s in first.added), first.rejected, first.generation) == (
        ["exchange-agreement.md", "portion-marked.txt", "reference-note.md"],
        [],
        1,
    )
    assert first.embedded + first.reused == first.clauses_total == 12
    second = ingest(settings, corpus)
    assert (second.added, second.updated, second.removed, second.embedded, second.generation) == (
        [],
        [],
        [],
        0,
        None,
    )
    assert len(second.unchanged) == 3
    assert current_generation(settings.index.path) == settings.index.path / "gen-000001"


def test_change_reembeds_only_changed_clauses(settings: Settings, corpus: Path) -> None:
    ingest(settings, corpus)
    path = corpus / "exchange-agreement.md"
    path.write_text(path.read_text().replace("five years", "ten years"))
    summary = ingest(settings, corpus)
    assert [Path(s).name for s in summary.updated] == ["exchange-agreement.md"]
    assert (summary.embedded, summary.reused) == (1, 6)
    assert any("ten years" in text for text in clause_texts(settings)["exchange-agreement.md"])


def test_rename_moves_the_document_without_embedding(settings: Settings, corpus: Path) -> None:
    ingest(settings, corpus)
    (corpus / "reference-note.md").rename(corpus / "renamed-note.md")
    summary = ingest(settings, corpus)
    assert [(Path(a).name, Path(b).name) for a, b in summary.renamed] == [
        ("reference-note.md", "renamed-note.md")
    ]
    assert (summary.embedded, summary.added, summary.removed) == (0, [], [])
    assert "renamed-note.md" in clause_texts(settings)


def test_delete_removes_the_document_and_its_clauses(settings: Settings, corpus: Path) -> None:
    ingest(settings, corpus)
    (corpus / "portion-marked.txt").unlink()
    summary = ingest(settings, corpus)
    assert [Path(s).name for s in summary.removed] == ["portion-marked.txt"]
    assert summary.clauses_total == 9
    assert sorted(clause_texts(settings)) == ["exchange-agreement.md", "reference-note.md"]


def test_documents_outside_the_ingested_folder_are_left_alone(
    settings: Settings, corpus: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.md").write_text("# A Note\n\nLiaison officers meet monthly.\n")
    ingest(settings, corpus)
    summary = ingest(settings, other)
    assert (len(summary.added), summary.removed) == (1, [])
    assert len(clause_texts(settings)) == 4


def test_incremental_result_equals_a_full_rebuild(tmp_path: Path, corpus: Path) -> None:
    incremental = make_settings(tmp_path / "inc")
    ingest(incremental, corpus)
    path = corpus / "exchange-agreement.md"
    path.write_text(path.read_text().replace("ninety days", "sixty days"))
    (corpus / "reference-note.md").unlink()
    shutil.copy(DOCS / "reference-note.md", corpus / "note-again.md")
    ingest(incremental, corpus)
    full = make_settings(tmp_path / "full")
    ingest(full, corpus)
    a, b = IndexReader.open(incremental.index.path), IndexReader.open(full.index.path)
    texts_a = {c.text: a.vector(r) for d in a.documents() for r, c in a.clauses_of(d.doc_id)}
    texts_b = {c.text: b.vector(r) for d in b.documents() for r, c in b.clauses_of(d.doc_id)}
    assert texts_a.keys() == texts_b.keys()
    assert all(np.array_equal(texts_a[t], texts_b[t]) for t in texts_a)
    for query in (
        "retain surveillance data years",
        "liaison officer",
        "retention limits destroyed",
    ):
        rows_a, scores_a = a.lexical.search(query, 5)
        rows_b, scores_b = b.lexical.search(query, 5)
        assert [a.clauses([int(r)])[int(r)].text for r in rows_a] == [
            b.clauses([int(r)])[int(r)].text for r in rows_b
        ]
        assert np.allclose(scores_a, scores_b)


def test_bad_files_are_rejected_by_name_while_good_files_go_in(
    settings: Settings, corpus: Path
) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "junk.md").write_bytes(bytes(range(256)) * 8)
    (corpus / "locked.pdf").write_bytes(make_encrypted_pdf("Secret text"))
    (corpus / "fake.pdf").write_text("Not a PDF.")
    (corpus / "scan.pdf").write_bytes(make_pdf([], blank_image_page=True))
    (corpus / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (corpus / "big.txt").write_text("Big file. " * 200_000)
    (corpus / ".hidden.md").write_text("# Hidden\n\nNot for indexing.\n")
    summary = IngestRun(
        make_settings(settings.index.path, **{"ingest.max_file_mb": 1.0}), HashingEmbedder()
    ).run([corpus])
    reasons = {Path(r.source).name: r.reason for r in summary.rejected}
    assert reasons == {
        "empty.txt": "empty file",
        "junk.md": "named '.md' but the content is binary data, not text",
        "locked.pdf": "encrypted PDF: a password is required to read it",
        "fake.pdf": "named '.pdf' but the content is plain text",
        "scan.pdf": "no text layer on any of its 1 pages (scanned PDF? run OCR first)",
        "sheet.xlsx": "unsupported file type '.xlsx'",
        "big.txt": "1.9 MB is over the 1 MB size cap",
    }
    assert summary.exit_code == 3
    assert len(summary.added) == 3


def test_a_broken_update_keeps_the_last_good_version(settings: Settings, corpus: Path) -> None:
    ingest(settings, corpus)
    (corpus / "reference-note.md").write_bytes(b"\x00\x01" * 100)
    summary = ingest(settings, corpus)
    assert [Path(s).name for s in summary.kept_previous] == ["reference-note.md"]
    assert summary.generation is None  # nothing else changed: nothing published
    assert "reference-note.md" in clause_texts(settings)


def test_a_crash_while_building_leaves_the_previous_index_loadable(
    settings: Settings, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(settings, corpus)
    (corpus / "portion-marked.txt").unlink()

    def crash(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(generations, "publish", crash)
    with pytest.raises(OSError, match="disk full"):
        ingest(settings, corpus)
    assert len(clause_texts(settings)) == 3
    assert [p.name for p in settings.index.path.iterdir() if p.name.startswith("gen-")] == [
        "gen-000001"
    ]


def test_a_crash_between_rename_and_switch_keeps_the_old_generation_current(
    settings: Settings, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(settings, corpus)
    (corpus / "portion-marked.txt").unlink()
    real_replace = generations.os.replace

    def crash_on_switch(src: str | Path, dst: str | Path) -> None:
        if Path(dst).name == generations.CURRENT:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(generations.os, "replace", crash_on_switch)
    with pytest.raises(KeyboardInterrupt):
        ingest(settings, corpus)
    monkeypatch.undo()
    assert current_generation(settings.index.path) == settings.index.path / "gen-000001"
    assert len(clause_texts(settings)) == 3
    summary = ingest(settings, corpus)
    assert summary.generation == 3 and len(clause_texts(settings)) == 2


def test_a_second_writer_fails_at_once(settings: Settings, corpus: Path) -> None:
    with (
        generations.writer_lock(settings.index.path),
        pytest.raises(IndexBusy, match="another ingest is already writing"),
    ):
        ingest(settings, corpus)


def test_an_index_built_with_another_model_is_refused(settings: Settings, corpus: Path) -> None:
    ingest(settings, corpus)
    with pytest.raises(IndexMismatch, match=r"built with embedding model 'hashing-384'.*--rebuild"):
        IndexReader.open(settings.index.path, model="sentence-transformers/all-MiniLM-L6-v2")


def test_a_copy_of_an_indexed_file_is_skipped_as_duplicate(
    settings: Settings, corpus: Path
) -> None:
    shutil.copy(corpus / "reference-note.md", corpus / "copy-of-note.md")
    summary = ingest(settings, corpus)
    assert [(Path(a).name, Path(b).name) for a, b in summary.duplicates] == [
        ("reference-note.md", "copy-of-note.md")
    ]
    assert len(summary.added) == 3


def test_parser_pool_stops_a_stuck_parser_and_goes_on(tmp_path: Path) -> None:
    import os

    stuck = tmp_path / "stuck.txt"
    os.mkfifo(stuck)  # reading a pipe with no writer blocks forever
    good = tmp_path / "good.md"
    good.write_text("# Note\n\nLiaison officers meet monthly.\n")
    config = ParserConfig(
        ChunkSettings(), None, ("UNCLASSIFIED", "RESTRICTED", "SECRET"), "RESTRICTED", 2**20
    )
    pool = ParserPool(config, workers=1, memory_mb=2048, timeout_s=3.0)
    results = {
        job.source: result
        for job, result in pool.run(
            [ParseJob(str(stuck), "stuck.txt", None), ParseJob(str(good), "good.md", None)]
        )
    }
    assert (
        getattr(results["stuck.txt"], "reason", "")
        == "parsing took longer than 3 s and was stopped"
    )
    assert len(getattr(results["good.md"], "clauses", ())) == 1


def test_parser_workers_do_not_rerun_the_parents_main_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import types

    script = tmp_path / "app.py"
    script.write_text("raise SystemExit('a web app must not run inside a parser worker')\n")
    fake_main = types.ModuleType("__main__")
    fake_main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", fake_main)  # what Streamlit does
    good = tmp_path / "good.md"
    good.write_text("# Note\n\nLiaison officers meet monthly.\n")
    config = ParserConfig(
        ChunkSettings(), None, ("UNCLASSIFIED", "RESTRICTED"), "RESTRICTED", 2**20
    )
    pool = ParserPool(config, workers=1, memory_mb=2048, timeout_s=30.0)
    (_, result), *_ = list(pool.run([ParseJob(str(good), "good.md", None)]))
    assert len(getattr(result, "clauses", ())) == 1
