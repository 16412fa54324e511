"""Build and update the corpus-wide conflict map.

Candidate pairs (`candidates.py`) are clauses of *different* documents that are nearest
neighbours in the vector index or state a comparable thing (a time limit on the same topic, a
holder of jurisdiction, a cost) — so the pass grows with the number of clauses, never with all
pairs. Only clauses not scanned before are paired, which covers every new pair an update can
create. Flags between an amending and an amended document are shown as "amended by"; differences
about the instruments themselves (notice periods, entry into force) are kept across agreements:
how two alliances' agreements differ is what an analyst compares.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from index import IndexReader, Progress
from ingest.records import Clause, Document
from qa.conflicts.amendments import across_instruments, amendment_links, as_amendment
from qa.conflicts.candidates import candidate_pairs
from qa.conflicts.findings import DIFFERENT
from qa.conflicts.scorers import CombinedScorer
from qa.conflicts.store import ConflictStore, StoredFlag
from qa.conflicts.topics import topics_in
from qa.conflicts.types import ClauseText, ConflictKind, PairScorer, Verdict

# The learned model only reads pairs that share a topic and are at least MODEL_SIMILARITY similar
# (a contradiction is about one matter; this bounds its cost). Rule differences (values that
# differ but can both be met, score DIFFERENT) are kept on the map though no pair check flags them.
MODEL_SIMILARITY = 0.7  # on the real treaties, model flags below this were almost all misreads
BATCH = 64
_SHORT_TITLE_WORDS = 8


@dataclass(frozen=True)
class MapStats:
    """What one update of the map did."""

    scanned: int
    pairs: int
    flags: int
    dropped: int

    def line(self) -> str:
        """The closing-summary line."""
        return (
            f"conflict map: {self.scanned} clauses scanned, {self.pairs} candidate pairs scored, "
            f"{self.flags} new flags, {self.dropped} flags dropped with removed clauses"
        )


def short_title(document: Document) -> str:
    """The first words of a title, for explanations."""
    words = document.title.split()
    return " ".join(words[:_SHORT_TITLE_WORDS]) + (" …" if len(words) > _SHORT_TITLE_WORDS else "")


def clause_text(clause: Clause, document: Document) -> ClauseText:
    """A scorer input citing "Short title, Article 7 › 2"."""
    return ClauseText(clause.text, f"{short_title(document)}, {clause.section}")


def _worth_scoring(a: Clause, b: Clause, similarity: float) -> bool:
    return similarity >= MODEL_SIMILARITY or bool(topics_in(a.text) & topics_in(b.text))


def scorer_fingerprint(scorer: PairScorer) -> str:
    """Identity of a scorer; the map is rebuilt when it changes."""
    name = getattr(scorer, "fingerprint", None) or type(scorer).__name__
    return hashlib.sha256(str(name).encode()).hexdigest()[:16]


def map_is_stale(index_dir: Path, scorer: PairScorer) -> bool:
    """Whether the stored map was built by another scorer (or not built at all)."""
    store = ConflictStore.for_index(index_dir, readonly=True)
    if store is None:
        return True
    try:
        return store.info("scorer") != scorer_fingerprint(scorer)
    finally:
        store.close()


def update_conflict_map(
    index_dir: Path, scorer: PairScorer, progress: Progress | None = None
) -> MapStats:
    """Bring ``conflicts.sqlite`` in step with the published generation."""
    reader = IndexReader.open(index_dir)
    store = ConflictStore(index_dir / "conflicts.sqlite")
    try:
        fingerprint = scorer_fingerprint(scorer)
        if store.info("scorer") != fingerprint:
            store.reset()
            store.set_info("scorer", fingerprint)
        documents = {d.doc_id: d for d in reader.documents()}
        all_rows = list(range(reader.manifest.counts.get("clauses", 0)))
        clauses = reader.clauses(all_rows)
        dropped = store.keep_only({c.clause_id for c in clauses.values()})
        done = store.scanned()
        todo = [row for row, clause in clauses.items() if clause.clause_id not in done]
        if progress is not None and todo:
            progress.stage(f"conflict map ({len(todo)} new clauses)")
        pairs = [
            (a, b, similarity)
            for a, b, similarity in candidate_pairs(reader, todo, clauses)
            if not store.is_checked(clauses[a].clause_id, clauses[b].clause_id)
            and _worth_scoring(clauses[a], clauses[b], similarity)
        ]
        links = amendment_links(list(documents.values()))
        flags = _score(store, scorer, pairs, clauses, documents, links)
        store.record([], [], (clauses[row].clause_id for row in todo))
        store.set_info("generation", str(reader.generation))
        store.db.commit()
        return MapStats(len(todo), len(pairs), flags, dropped)
    finally:
        store.close()
        reader.close()


def _verdicts(
    scorer: PairScorer, inputs: list[tuple[ClauseText, ClauseText]], similarities: list[float]
) -> list[Verdict]:
    """Rules on every pair; the learned model only on similar pairs the rules left open."""
    if not isinstance(scorer, CombinedScorer):
        return scorer.score_many(inputs)
    model_may_read = [
        similarity >= MODEL_SIMILARITY and bool(topics_in(a.text) & topics_in(b.text))
        for (a, b), similarity in zip(inputs, similarities, strict=True)
    ]
    return scorer.score_many(inputs, model_may_read)


def _score(
    store: ConflictStore,
    scorer: PairScorer,
    pairs: list[tuple[int, int, float]],
    clauses: dict[int, Clause],
    documents: dict[str, Document],
    links: set[tuple[str, str]],
) -> int:
    raised = 0
    for start in range(0, len(pairs), BATCH):
        batch = pairs[start : start + BATCH]
        inputs = [
            (
                clause_text(clauses[a], documents[clauses[a].doc_id]),
                clause_text(clauses[b], documents[clauses[b].doc_id]),
            )
            for a, b, _ in batch
        ]
        verdicts = _verdicts(scorer, inputs, [similarity for _, _, similarity in batch])
        verdicts = [
            across_instruments(
                verdict, documents[clauses[a].doc_id], documents[clauses[b].doc_id], links
            )
            for (a, b, _), verdict in zip(batch, verdicts, strict=True)
        ]
        flags = [
            _stored(clauses[a], clauses[b], verdict, links, similarity)
            for (a, b, similarity), verdict in zip(batch, verdicts, strict=True)
            if on_map(verdict)
        ]
        raised += len(flags)
        checked = ((clauses[a].clause_id, clauses[b].clause_id) for a, b, _ in batch)
        store.record(checked, flags, ())
    return raised


def on_map(verdict: Verdict) -> bool:
    """A flag, or a difference the rules explain (values that differ but can both be met)."""
    explained = verdict.kind is not None and verdict.kind is not ConflictKind.SEMANTIC
    return verdict.conflict or (explained and verdict.score >= DIFFERENT)


def _stored(
    a: Clause, b: Clause, verdict: Verdict, links: set[tuple[str, str]], similarity: float
) -> StoredFlag:
    """A flag in display order; an amendment shows the amended clause first."""
    status = "conflict"
    if (b.doc_id, a.doc_id) in links:  # b's document amends a's
        status = "amended"
    elif (a.doc_id, b.doc_id) in links:
        a, b = b, a
        status = "amended"
    evidence = verdict.evidence or ("", "")
    explanation = as_amendment(verdict.explanation) if status == "amended" else verdict.explanation
    return StoredFlag(
        a.clause_id,
        b.clause_id,
        a.doc_id,
        b.doc_id,
        verdict.kind.value if verdict.kind else "semantic",
        status,
        float(verdict.score),
        verdict.topic or "",
        explanation,
        evidence[0],
        evidence[1],
        round(similarity, 4),
    )
