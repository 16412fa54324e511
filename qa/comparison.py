"""Questions that compare agreements: each compared agreement's best passages.

A question such as "Which government is the depositary of the North Atlantic Treaty, and
which one for the CFE Treaty?" has one answer in each agreement, but one question vector
ranks the clauses of whichever agreement it matches best: the other agreement's clause fell
to 8th-17th place on the dev split. When the question's parts name different documents
(`qa.planning.Planner.compared`), each of them is searched on its own with the whole
question, and their best passages take turns after the best passage overall.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from index import IndexReader
from ingest.records import Clause
from qa.planning import QueryPlan
from qa.retrieval import Candidate, Retriever
from qa.selection import select

# Passages taken from each compared document (dev split: 2 found 7/10 comparisons, 1 found 6).
PER_DOCUMENT = 2
# Candidates searched in each compared document.
POOL = 20

Chosen = list[tuple[Candidate, Clause]]


def compared_passages(
    reader: IndexReader,
    plan: QueryPlan,
    vector: np.ndarray,
    allowed: np.ndarray,
    language: str,
) -> list[Chosen]:
    """The best PER_DOCUMENT passages of each document the question compares, among the
    `allowed` rows (a document the user may not see has no rows there)."""
    at = {doc_id: index for index, doc_id in enumerate(reader.rows.doc_ids)}
    retriever = Retriever(reader)
    found: list[Chosen] = []
    for doc_id in plan.compared:
        if doc_id not in at:
            continue
        mask = allowed & (reader.rows.document == at[doc_id])
        if not mask.any():
            continue
        candidates = retriever.search(plan.question, vector, POOL, mask, extra=plan.expansion)
        clauses = reader.clauses([c.row for c in candidates])
        found.append(select(candidates, clauses, reader.matrix, language, PER_DOCUMENT))
    return found


def merge(chosen: Chosen, compared: Sequence[Chosen], top_k: int) -> Chosen:
    """The best passage overall, then the compared documents' passages in turn (each one's
    best, then each one's second), then the rest of `chosen`; each passage once, top_k."""
    turns = [each[rank] for rank in range(PER_DOCUMENT) for each in compared if rank < len(each)]
    kept: Chosen = []
    rows: set[int] = set()
    for candidate, clause in [*chosen[:1], *turns, *chosen[1:]]:
        if candidate.row in rows:
            continue
        kept.append((candidate, clause))
        rows.add(candidate.row)
        if len(kept) == top_k:
            break
    return kept
