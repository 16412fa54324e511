"""Build and update the corpus-wide conflict map.

Candidate pairs are clauses of *different* documents that are nearest neighbours in the
vector index (k per clause) and share a topic term — so the pass grows with the number of
clauses times k, never with all pairs. Only clauses not scanned before are queried, which
by the symmetry of nearest neighbours covers every new pair an update can create.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index import IndexReader, Progress
from ingest.records import Clause, Document
from qa.conflicts.amendments import amendment_links, as_amendment, relevant
from qa.conflicts.scorers import CombinedScorer
from qa.conflicts.store import ConflictStore, StoredFlag
from qa.conflicts.topics import topics_in
from qa.conflicts.types import ClauseText, PairScorer, Verdict

# Nearest clauses of *other* documents kept per clause, found among SEARCHED neighbours.
NEIGHBOURS = 24
SEARCHED = 128
# Candidates must be this similar, and share a topic term unless they are TOPICAL_SIMILARITY
# similar; the learned model only reads pairs that share a topic and are at least
# MODEL_SIMILARITY similar (a contradiction is about one matter; this bounds its cost).
MIN_SIMILARITY = 0.45
TOPICAL_SIMILARITY = 0.6
MODEL_SIMILARITY = 0.6
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


def candidate_pairs(
    reader: IndexReader, rows: Sequence[int], clauses: dict[int, Clause]
) -> Iterator[tuple[int, int, float]]:
    """(row, row, similarity): each clause's nearest clauses in other documents, pairs once."""
    seen: set[tuple[int, int]] = set()
    for start in range(0, len(rows), 1024):
        chunk = list(rows[start : start + 1024])
        found, scores = reader.vectors.neighbours(np.asarray(reader.matrix[chunk]), SEARCHED)
        for row, neighbours, similarities in zip(chunk, found, scores, strict=True):
            kept = 0
            for other, similarity in zip(neighbours.tolist(), similarities.tolist(), strict=True):
                if kept == NEIGHBOURS or similarity < MIN_SIMILARITY:
                    break
                if other < 0 or clauses[other].doc_id == clauses[row].doc_id:
                    continue
                kept += 1
                pair = (min(row, other), max(row, other))
                if pair not in seen:
                    seen.add(pair)
                    yield pair[0], pair[1], float(similarity)


def _worth_scoring(a: Clause, b: Clause, similarity: float) -> bool:
    return similarity >= TOPICAL_SIMILARITY or bool(topics_in(a.text) & topics_in(b.text))


def scorer_fingerprint(scorer: PairScorer) -> str:
    """Identity of a scorer; the map is rebuilt when it changes."""
    name = getattr(scorer, "fingerprint", None) or type(scorer).__name__
    return hashlib.sha256(str(name).encode()).hexdigest()[:16]


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
        flags = [
            _stored(clauses[a], clauses[b], verdict, links)
            for (a, b, _), verdict in zip(batch, verdicts, strict=True)
            if verdict.conflict
            and relevant(
                verdict.topic, documents[clauses[a].doc_id], documents[clauses[b].doc_id], links
            )
        ]
        raised += len(flags)
        checked = ((clauses[a].clause_id, clauses[b].clause_id) for a, b, _ in batch)
        store.record(checked, flags, ())
    return raised


def _stored(a: Clause, b: Clause, verdict: Verdict, links: set[tuple[str, str]]) -> StoredFlag:
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
    )
