"""The question-answering engine: load an index once, answer questions with cited passages.

engine = Engine.load(index_dir)
answer = engine.ask("How long may Brevia keep our reports?", top_k=5)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

import numpy as np

from index import IndexReader, current_generation
from ingest.embed import Embedder, highlight_embedder, make_embedder
from ingest.records import Clause, Document
from ingest.sentences import guess_language
from ingest.settings import Settings, load_settings
from qa import calibration
from qa.access import Clearance, visible_rows
from qa.allocator import steady_allocator
from qa.comparison import compared_passages, merge
from qa.compose import compose_answer
from qa.filtering import filter_rows
from qa.highlight import Highlight, SentenceVectors, highlight_passages
from qa.planning import Planner, QueryPlan, lift_named
from qa.query_model import query_embedder
from qa.records import Answer, ConflictFlag, Filters, Passage
from qa.retrieval import Candidate, Method, Retriever
from qa.selection import select

ConflictFinder = Callable[["Engine", Sequence[Passage], Clearance | None], tuple[ConflictFlag, ...]]


class Engine:
    """Answers questions over one index folder; picks up newly published generations."""

    _engines: ClassVar[dict[Path, Engine]] = {}
    _engines_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self,
        index_dir: Path,
        settings: Settings,
        embedder: Embedder,
        conflict_finder: ConflictFinder | None = None,
    ):
        self.index_dir = index_dir
        self.settings = settings
        self.embedder = embedder
        self.sentences = SentenceVectors(highlight_embedder(embedder))
        self.query_encoder = query_embedder(settings.models.query, embedder)
        self.conflict_finder = conflict_finder
        self._lock = threading.Lock()
        self._masks: dict[object, np.ndarray] = {}
        self.reader = IndexReader.open(index_dir, model=embedder.name)
        self.documents = {d.doc_id: d for d in self.reader.documents()}
        self.openings = self.reader.openings()  # where preambles name the parties
        self._planners: dict[object, Planner] = {}
        self.threshold = calibration.abstain_threshold(
            embedder.name, settings.answers.abstain_below
        )

    @classmethod
    def load(
        cls,
        index_dir: Path | None = None,
        settings: Settings | None = None,
        embedder: Embedder | None = None,
        conflict_finder: ConflictFinder | None = None,
    ) -> Engine:
        """The engine for an index folder: built once per process, refreshed when re-indexed."""
        settings = settings or load_settings()
        folder = (index_dir or settings.index.path).resolve()
        with cls._engines_lock:
            engine = cls._engines.get(folder)
            if engine is None:
                steady_allocator()  # the engine lives as long as the server: keep memory flat
                embedder = embedder or make_embedder(
                    settings.models.embedding, settings.models.batch_size
                )
                if conflict_finder is None:
                    from qa.conflicts.finder import default_conflict_finder

                    conflict_finder = default_conflict_finder(settings)
                engine = cls(folder, settings, embedder, conflict_finder)
                cls._engines[folder] = engine
        engine.refresh()
        return engine

    @classmethod
    def forget(cls) -> None:
        """Drop every cached engine (tests, or after deleting an index)."""
        with cls._engines_lock:
            cls._engines.clear()

    @property
    def generation(self) -> int:
        """The generation being served."""
        return self.reader.generation

    def refresh(self) -> bool:
        """Switch to the published generation if it changed; True when it did."""
        current = current_generation(self.index_dir)
        if current is None or current == self.reader.folder:
            return False
        with self._lock:
            if current == self.reader.folder:
                return False
            reader = IndexReader.open(self.index_dir, model=self.embedder.name)
            self.reader, self._masks, self._planners = reader, {}, {}
            self.documents = {d.doc_id: d for d in reader.documents()}
            self.openings = reader.openings()
        return True

    def allowed(self, user: Clearance | None, filters: Filters | None = None) -> np.ndarray:
        """Rows the user may see that pass the filters (cached per generation)."""
        key = (self.reader.generation, user.key() if user else None, filters)
        mask = self._masks.get(key)
        if mask is None:
            mask = visible_rows(self.reader.rows, user)
            if filters is not None and not filters.is_empty():
                mask = mask & filter_rows(self.reader.rows, self.documents, filters)
            if len(self._masks) > 256:
                self._masks.clear()
            self._masks[key] = mask
        return mask

    def planner(self, user: Clearance | None, filters: Filters | None = None) -> Planner:
        """The query planner over the documents the user may see (cached per generation): a
        hidden document never shapes how a question is read."""
        key = (self.reader.generation, user.key() if user else None, filters)
        planner = self._planners.get(key)
        if planner is None:
            documents = {d.doc_id: d for d in self.visible_documents(user, filters)}
            planner = Planner(documents, self.openings)
            if len(self._planners) > 64:
                self._planners.clear()
            self._planners[key] = planner
        return planner

    def visible_documents(
        self, user: Clearance | None, filters: Filters | None = None
    ) -> list[Document]:
        """Documents the user may see (documents with no visible clause are not listed)."""
        mask = self.allowed(user, filters)
        rows = self.reader.rows
        visible = {rows.doc_ids[i] for i in np.unique(rows.document[mask]).tolist()}
        return [d for d in self.documents.values() if d.doc_id in visible]

    def retrieve(
        self,
        question: str,
        k: int,
        method: Method = Method.HYBRID,
        user: Clearance | None = None,
        filters: Filters | None = None,
    ) -> list[Candidate]:
        """Ranked candidate rows (for evaluation and the conflict finder)."""
        encoder = self.query_encoder or self.embedder
        vector = encoder.embed([question])[0] if method is not Method.LEXICAL else None
        return Retriever(self.reader).search(
            question, vector, k, self.allowed(user, filters), method
        )

    def ask(
        self,
        question: str,
        top_k: int | None = None,
        filters: Filters | None = None,
        user: Clearance | None = None,
    ) -> Answer:
        """Answer a question with cited, highlighted passages — or say the documents do not.

        Args:
            question: the question in the user's own words.
            top_k: passages to return (default from settings).
            filters: document kind, parties, dates, chosen documents.
            user: whose clearance applies; None is the trusted local operator (sees all).
        """
        question = " ".join(question.split())
        if not question:
            raise ValueError("the question is empty")
        top_k = top_k or self.settings.answers.top_k
        timings: dict[str, float] = {}
        started = time.perf_counter()
        reader = self.reader
        plan = self.planner(user, filters).plan(question)
        vector, search_vector = self._query_vectors(plan)
        timings["embed"] = _ms(started)
        allowed = self.allowed(user, filters)
        pool = max(self.settings.answers.candidates, top_k * 4)
        candidates = Retriever(reader).search(
            question, search_vector, pool, allowed, extra=plan.expansion
        )
        candidates = lift_named(candidates, reader.rows, plan.prior)
        clauses = reader.clauses([c.row for c in candidates])
        language = guess_language(question)
        chosen = select(candidates, clauses, reader.matrix, language, top_k)
        if plan.compared:
            compared = compared_passages(reader, plan, search_vector, allowed, language)
            chosen = merge(chosen, compared, top_k)
        timings["search"] = _ms(started) - timings["embed"]
        highlights = highlight_passages(
            self.sentences, question, vector, [c.text for _, c in chosen]
        )
        timings["highlight"] = _ms(started) - timings["embed"] - timings["search"]
        evidence = max((h.best.similarity for h in highlights if h.best), default=0.0)
        abstained = evidence < self.threshold
        passages = tuple(
            self._passage(rank, clause, highlight)
            for rank, ((_, clause), highlight) in enumerate(
                zip(chosen, highlights, strict=True), start=1
            )
        )
        text = compose_answer([c.text for _, c in chosen], highlights, self.threshold, abstained)
        mark = time.perf_counter()
        conflicts = self.conflict_finder(self, passages, user) if self.conflict_finder else ()
        timings["conflicts"] = _ms(mark)
        timings["total"] = _ms(started)
        return Answer(
            question,
            text,
            abstained or text == "",
            passages,
            conflicts,
            evidence,
            reader.generation,
            timings,
        )

    def _query_vectors(self, plan: QueryPlan) -> tuple[np.ndarray, np.ndarray]:
        """The vector sentences are scored against and the one to search with: both the
        question encoder's when there is one (measured on the treaties' dev split: its
        similarity to the best sentence is the better evidence for abstaining), else the
        question's own, and to search, averaged with its spelled-out form (when it has one)."""
        if self.query_encoder is not None:
            search = np.asarray(self.query_encoder.embed([plan.question])[0], dtype=np.float32)
            return search, search
        if not plan.rewritten:
            vector = np.asarray(self.embedder.embed([plan.question])[0], dtype=np.float32)
            return vector, vector
        both = self.embedder.embed([plan.question, plan.rewritten])
        mean = both.mean(axis=0)
        mean = np.asarray(mean / max(float(np.linalg.norm(mean)), 1e-12), dtype=np.float32)
        return np.asarray(both[0], dtype=np.float32), mean

    def passage_for(self, rank: int, clause: Clause, score: float) -> Passage:
        """A Passage for a clause found some other way (conflict partners, source viewer)."""
        return self._passage(rank, clause, Highlight((), None, ()), score)

    def _passage(
        self, rank: int, clause: Clause, highlight: Highlight, score: float | None = None
    ) -> Passage:
        document = self.documents[clause.doc_id]
        value = highlight.best.similarity if highlight.best else (score or 0.0)
        return Passage(
            rank=rank,
            clause_id=clause.clause_id,
            doc_id=clause.doc_id,
            title=document.title,
            source=document.source,
            section=clause.section,
            text=clause.text,
            score=round(value, 4),
            strength=calibration.strength(value, self.threshold),
            highlights=highlight.spans,
            page=clause.page_start,
            page_end=clause.page_end,
            page_label=clause.page_label,
            heading=clause.heading,
            language=clause.language,
            kind=document.kind,
            marking=clause.marking,
            start=clause.start,
            end=clause.end,
        )


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
