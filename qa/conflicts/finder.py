"""Conflicts at question time.

Among the returned passages, the explained rules run live (they take microseconds); for each
passage, the corpus map adds known conflicts with clauses elsewhere that the user may see.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ingest.records import Document
from ingest.settings import Settings
from qa.access import Clearance
from qa.conflicts.amendments import amendment_links, as_amendment, relevant
from qa.conflicts.corpus_map import to_flag
from qa.conflicts.store import ConflictStore, StoredFlag
from qa.conflicts.types import ClauseText, PairScorer
from qa.records import ConflictFlag, Passage

if TYPE_CHECKING:
    from qa.engine import ConflictFinder, Engine


class QuestionTimeConflicts:
    """Finds the conflicts to show under an answer."""

    def __init__(self, rules: PairScorer):
        self.rules = rules
        self._lock = threading.Lock()
        self._cache: tuple[object, dict[str, list[StoredFlag]]] | None = None
        self._links: tuple[dict[str, Document], set[tuple[str, str]]] | None = None

    def _amendment_links(self, engine: Engine) -> set[tuple[str, str]]:
        """Amendment links of the engine's documents, computed once per documents mapping
        (an engine replaces the mapping when it switches generation): at 1M clauses there
        are tens of thousands of documents, too many to scan on every question."""
        documents = engine.documents
        with self._lock:
            if self._links is None or self._links[0] is not documents:
                self._links = (documents, amendment_links(list(documents.values())))
            return self._links[1]

    def _flags_by_clause(self, engine: Engine) -> dict[str, list[StoredFlag]]:
        path = engine.index_dir / "conflicts.sqlite"
        version = (engine.generation, path.stat().st_mtime_ns if path.exists() else 0)
        with self._lock:
            if self._cache is not None and self._cache[0] == version:
                return self._cache[1]
            by_clause: dict[str, list[StoredFlag]] = {}
            store = ConflictStore.for_index(engine.index_dir, readonly=True)
            if store is not None:
                try:
                    for flag in store.flags():
                        by_clause.setdefault(flag.a_clause, []).append(flag)
                        by_clause.setdefault(flag.b_clause, []).append(flag)
                finally:
                    store.close()
            self._cache = (version, by_clause)
            return by_clause

    def __call__(
        self, engine: Engine, passages: Sequence[Passage], user: Clearance | None
    ) -> tuple[ConflictFlag, ...]:
        found: dict[frozenset[str], ConflictFlag] = {}
        for live in self._live(engine, passages):
            found.setdefault(frozenset((live.a.clause_id, live.b.clause_id)), live)
        allowed = engine.allowed(user)
        stored = self._flags_by_clause(engine)
        for passage in passages:
            for flag in stored.get(passage.clause_id, []):
                key = frozenset((flag.a_clause, flag.b_clause))
                rows = {c: engine.reader.row_of(c) for c in key}
                if key in found or any(r is None or not allowed[r] for r in rows.values()):
                    continue
                known = {c: int(r) for c, r in rows.items() if r is not None}
                found[key] = to_flag(engine, flag, known)
        return tuple(found.values())

    def _live(self, engine: Engine, passages: Sequence[Passage]) -> list[ConflictFlag]:
        """Rule checks between returned passages of different documents."""
        pairs = [(a, b) for a, b in itertools.combinations(passages, 2) if a.doc_id != b.doc_id]
        if not pairs:
            return []
        inputs = [(ClauseText(a.text, _cite(a)), ClauseText(b.text, _cite(b))) for a, b in pairs]
        links = self._amendment_links(engine)
        flags = []
        for (first, second), verdict in zip(pairs, self.rules.score_many(inputs), strict=True):
            documents = engine.documents
            topic_ok = relevant(
                verdict.topic, documents[first.doc_id], documents[second.doc_id], links
            )
            if not verdict.conflict or not topic_ok:
                continue
            a, b = first, second
            status, explanation = "conflict", verdict.explanation
            if (a.doc_id, b.doc_id) in links or (b.doc_id, a.doc_id) in links:
                if (a.doc_id, b.doc_id) in links:
                    a, b = b, a  # the amended clause is shown first
                status, explanation = "amended", as_amendment(verdict.explanation)
            kind = verdict.kind.value if verdict.kind else "semantic"
            flags.append(
                ConflictFlag(
                    kind, verdict.topic, explanation, verdict.score, a, b, status, verdict.evidence
                )
            )
        return flags


def _cite(passage: Passage) -> str:
    words = passage.title.split()
    title = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
    return f"{title}, {passage.section}"


def default_conflict_finder(settings: Settings) -> ConflictFinder | None:
    """The finder `Engine.load` uses: live rules plus the stored corpus map."""
    del settings
    from qa.conflicts.rules import RuleScorer

    return QuestionTimeConflicts(RuleScorer())
