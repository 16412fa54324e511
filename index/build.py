"""An ingest run: scan, plan, parse in workers while embedding, assemble, publish.

Only new or changed files are parsed; only clause texts never embedded before are embedded.
The new generation is built beside the published one and switched in atomically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import shutil
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index import assemble, generations, lexical, store, vectors
from index.embedding import EMBED_WINDOW, EmbedWorker
from index.manifest import Manifest
from index.plan import Plan, make_plan, meta_hash, read_indexed
from index.progress import Progress, SilentProgress
from index.scan import Candidate, scan
from index.summary import IngestSummary
from index.workers import ParseJob, ParserConfig, ParserPool
from ingest.embed import Embedder, model_tokenizer_dir
from ingest.records import ParsedDocument, Rejection
from ingest.settings import Settings

BLOBS = "blobs"
LAST_INGEST = "last_ingest.json"


@dataclass
class BuildContext:
    """What a post-build hook may read and change before a generation is published."""

    folder: Path
    db: sqlite3.Connection
    previous: Path | None
    vectors: np.ndarray
    added_clauses: set[str]
    removed_clauses: set[str]
    embedder: Embedder
    progress: Progress


BuildHook = Callable[[BuildContext], None]
# Runs under the writer lock once a generation is published (or was already current):
# (index folder, progress) -> a line for the closing summary, or None.
AfterPublish = Callable[[Path, Progress], str | None]


def embed_hash(model: str, text: str) -> str:
    """Key of an embedding: the same model on the same text gives the same vector."""
    return hashlib.sha256(f"{model}\x00{text}".encode()).hexdigest()[:16]


@dataclass
class _State:
    """Mutable bookkeeping of one run."""

    db: sqlite3.Connection
    previous_db: sqlite3.Connection | None
    next_row: int
    pending: list[str] = field(default_factory=list)
    fresh_index: dict[str, int] = field(default_factory=dict)
    added_clauses: set[str] = field(default_factory=set)
    removed_clauses: set[str] = field(default_factory=set)
    reused: int = 0


class IngestRun:
    """One `accord ingest` over some paths into one index folder."""

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder,
        progress: Progress | None = None,
        hooks: Sequence[BuildHook] = (),
        batch: int = EMBED_WINDOW,
        after_publish: Sequence[AfterPublish] = (),
    ):
        self.settings = settings
        self.embedder = embedder
        self.progress = progress or SilentProgress()
        self.hooks = list(hooks)
        self.after_publish = list(after_publish)
        self.batch = batch
        self.index_dir = settings.index.path

    def run(
        self, paths: Sequence[Path], rebuild: bool = False, wait: bool = False
    ) -> IngestSummary:
        """Bring the index in step with `paths`; returns what happened."""
        started = time.perf_counter()
        with generations.writer_lock(self.index_dir, wait=wait):
            generations.remove_stale(self.index_dir, self.settings.index.keep_generations)
            previous = None if rebuild else generations.current_generation(self.index_dir)
            if previous is not None:
                Manifest.read(previous).check_model(self.embedder.name, self.index_dir)
            previous_db = (
                store.connect(previous / store.DB_NAME, readonly=True) if previous else None
            )
            scanned = scan(list(paths))
            plan = make_plan(scanned, read_indexed(previous_db), self.settings, self.embedder.name)
            summary = IngestSummary.from_plan(plan, scanned.warnings)
            if not plan.is_empty():
                self._build(plan, previous, previous_db, summary)
            if previous_db is not None:
                previous_db.close()
            summary.publish_seconds = time.perf_counter() - started
            if generations.current_generation(self.index_dir) is not None:
                for step in self.after_publish:
                    note = step(self.index_dir, self.progress)
                    if note:
                        summary.notes.append(note)
            summary.seconds = time.perf_counter() - started
            generations.write_json_atomic(self.index_dir / LAST_INGEST, summary.to_json())
        return summary

    def _build(
        self,
        plan: Plan,
        previous: Path | None,
        previous_db: sqlite3.Connection | None,
        summary: IngestSummary,
    ) -> None:
        staging, number = generations.new_generation_dir(self.index_dir)
        try:
            if previous is not None:
                shutil.copyfile(previous / store.DB_NAME, staging / store.DB_NAME)
            db = store.connect(staging / store.DB_NAME)
            db.execute(assemble.STAGING_TABLE)
            db.execute("INSERT INTO staging SELECT row, row, NULL FROM clauses")
            next_row = (db.execute("SELECT MAX(row) FROM clauses").fetchone()[0] or 0) + 1
            state = _State(db, previous_db, next_row)
            self._apply_plan(state, plan)
            embedding = EmbedWorker(self.embedder, staging / "fresh.f32", self.progress)
            embedding.start()
            self._parse_all(plan, state, embedding, summary)
            self._flush(state, embedding, final=True)
            embedding.join()
            if embedding.error is not None:
                raise embedding.error
            summary.embedded, summary.reused = embedding.count, state.reused
            summary.embed_seconds = embedding.seconds
            if not (summary.added or summary.updated or plan.removed or plan.renamed):
                state.db.close()
                shutil.rmtree(staging, ignore_errors=True)  # every parse failed: nothing changes
                return
            self._assemble(staging, number, state, previous, summary)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise

    def _delete_document(self, state: _State, doc_id: str) -> None:
        ids = [
            r[0]
            for r in state.db.execute("SELECT clause_id FROM clauses WHERE doc_id=?", (doc_id,))
        ]
        state.removed_clauses.update(ids)
        state.db.execute(
            "DELETE FROM staging WHERE row IN (SELECT row FROM clauses WHERE doc_id=?)", (doc_id,)
        )
        state.db.execute("DELETE FROM clauses WHERE doc_id=?", (doc_id,))
        state.db.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))

    def _apply_plan(self, state: _State, plan: Plan) -> None:
        for item in plan.removed:
            self._delete_document(state, item.doc_id)
        for old, candidate in plan.renamed:
            state.db.execute(
                "UPDATE documents SET source=?, abs_path=?, mtime_ns=? WHERE doc_id=?",
                (candidate.source, str(candidate.path), candidate.mtime_ns, old.doc_id),
            )

    def _parse_all(
        self, plan: Plan, state: _State, embedding: EmbedWorker, summary: IngestSummary
    ) -> None:
        config = ParserConfig(
            chunking=self.settings.chunking,
            tokenizer_dir=str(model_tokenizer_dir(self.settings.models.embedding) or "") or None,
            levels=self.settings.security.levels,
            default_level=self.settings.security.default_level,
            max_bytes=int(self.settings.ingest.max_file_mb * 2**20),
            portion_mode=self.settings.security.portion_markings,
        )
        pool = ParserPool(
            config,
            self.settings.ingest.workers,
            self.settings.ingest.worker_memory_mb,
            self.settings.ingest.file_timeout_s,
        )
        by_source = {c.source: c for c in plan.parse}
        jobs = [ParseJob(str(c.path), c.source, c.sidecar) for c in plan.parse]
        self.progress.begin(len(jobs), sum(c.size for c in plan.parse))
        for job, result in pool.run(jobs):
            candidate = by_source[job.source]
            if isinstance(result, Rejection):
                summary.reject(result, kept=self._has_path(state, candidate))
                self.progress.file_done(job.source, candidate.size, 0, rejected=True)
                continue
            self._store(state, candidate, result, summary)
            self.progress.file_done(job.source, candidate.size, len(result.clauses), rejected=False)
            self._flush(state, embedding)
        self.progress.end()

    def _has_path(self, state: _State, candidate: Candidate) -> bool:
        query = "SELECT 1 FROM documents WHERE abs_path=?"
        return state.db.execute(query, (str(candidate.path),)).fetchone() is not None

    def _store(
        self, state: _State, candidate: Candidate, parsed: ParsedDocument, summary: IngestSummary
    ) -> None:
        document = parsed.document
        old = state.db.execute(
            "SELECT doc_id FROM documents WHERE abs_path=?", (str(candidate.path),)
        ).fetchone()
        if old is not None:
            self._delete_document(state, old[0])
        twin = state.db.execute(
            "SELECT source FROM documents WHERE doc_id=?", (document.doc_id,)
        ).fetchone()
        if twin is not None:
            summary.duplicates.append((candidate.source, twin[0]))
            return
        summary.record_parsed(candidate.source, updated=old is not None, warnings=document.warnings)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        fingerprint = meta_hash(candidate, self.settings, self.embedder.name)
        store.insert_document(
            state.db, document, str(candidate.path), candidate.mtime_ns, fingerprint, now
        )
        rows = []
        for clause in parsed.clauses:
            text = clause.embedding_text(document.title)
            key = embed_hash(self.embedder.name, text)
            rows.append((state.next_row, clause, key))
            self._source_vector(state, state.next_row, key, text)
            state.added_clauses.add(clause.clause_id)
            state.next_row += 1
        store.insert_clauses(state.db, rows)
        self._keep_blob(candidate.path, document.sha256)

    def _source_vector(self, state: _State, row: int, key: str, text: str) -> None:
        """Point a new clause row at a vector: reused from before, or queued for embedding."""
        old = None
        if state.previous_db is not None:
            found = state.previous_db.execute(
                "SELECT row FROM clauses WHERE embed_hash=? LIMIT 1", (key,)
            ).fetchone()
            old = found[0] if found else None
        if old is not None:
            state.db.execute("INSERT INTO staging VALUES (?,?,NULL)", (row, old))
            state.reused += 1
            return
        if key not in state.fresh_index:
            state.fresh_index[key] = len(state.fresh_index)
            state.pending.append(text)
        else:
            state.reused += 1
        state.db.execute("INSERT INTO staging VALUES (?,NULL,?)", (row, state.fresh_index[key]))

    def _flush(self, state: _State, embedding: EmbedWorker, final: bool = False) -> None:
        state.pending = embedding.hand_over(state.pending, self.batch, final)

    def _keep_blob(self, path: Path, digest: str) -> None:
        blobs = self.index_dir / BLOBS
        blobs.mkdir(exist_ok=True)
        target = blobs / digest
        if not target.exists():
            tmp = blobs / f"{digest}.tmp-copy"
            shutil.copyfile(path, tmp)
            tmp.replace(target)

    def _assemble(
        self,
        staging: Path,
        number: int,
        state: _State,
        previous: Path | None,
        summary: IngestSummary,
    ) -> None:
        db, dim = state.db, self.embedder.dim
        self.progress.stage("vectors")
        sources = assemble.renumber(db)
        fresh_path = staging / "fresh.f32"
        fresh = np.fromfile(fresh_path, dtype=np.float32).reshape(-1, dim)
        old = np.load(previous / vectors.VECTORS_NAME, mmap_mode="r") if previous else None
        matrix = assemble.write_vectors(staging, sources, old, fresh, dim)
        fresh_path.unlink()
        self.progress.stage("lexical index")
        lexical_info = assemble.write_lexical(
            staging, db, sources, lexical.load_rows(previous) if previous else None
        )
        index_info = vectors.build(
            staging,
            matrix,
            self.settings.index.exact_max_clauses,
            self.settings.index.ivf_nprobe,
            previous,
        )
        db.commit()
        context = BuildContext(
            staging,
            db,
            previous,
            matrix,
            state.added_clauses,
            state.removed_clauses,
            self.embedder,
            self.progress,
        )
        for hook in self.hooks:
            hook(context)
        db.commit()
        counts = {
            "documents": db.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
            "clauses": len(sources),
        }
        db.close()
        Manifest(
            generation=number,
            model=self.embedder.name,
            dim=dim,
            chunking=self.settings.chunking.__dict__,
            vector_index=index_info,
            counts=counts,
            created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            lexical=lexical_info,
        ).write(staging)
        self.progress.stage("switching to the new generation")
        generations.publish(self.index_dir, staging, number)
        summary.generation, summary.clauses_total = number, counts["clauses"]
        generations.remove_stale(self.index_dir, self.settings.index.keep_generations)
        self._collect_blobs()

    def _collect_blobs(self) -> None:
        """Delete original files no kept generation refers to."""
        wanted: set[str] = set()
        for folder in self.index_dir.glob("gen-*"):
            if ".tmp-" in folder.name:
                continue
            with contextlib.closing(store.connect(folder / store.DB_NAME, readonly=True)) as db:
                wanted.update(row[0] for row in db.execute("SELECT sha256 FROM documents"))
        for blob in (self.index_dir / BLOBS).glob("*"):
            if blob.name not in wanted:
                blob.unlink(missing_ok=True)
