"""The corpus-wide conflict map as a user may see it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qa.access import Clearance
from qa.conflicts.store import ConflictStore, StoredFlag
from qa.records import ConflictFlag

if TYPE_CHECKING:
    from qa.engine import Engine


def to_flag(engine: Engine, flag: StoredFlag, rows: dict[str, int]) -> ConflictFlag:
    """A stored flag with both clauses as passages."""
    clauses = engine.reader.clauses([rows[flag.a_clause], rows[flag.b_clause]])
    a = engine.passage_for(1, clauses[rows[flag.a_clause]], flag.score)
    b = engine.passage_for(2, clauses[rows[flag.b_clause]], flag.score)
    evidence = (flag.evidence_a, flag.evidence_b) if flag.evidence_a or flag.evidence_b else None
    return ConflictFlag(
        flag.kind, flag.topic, flag.explanation, flag.score, a, b, flag.status, evidence
    )


def visible_flags(
    engine: Engine, user: Clearance | None
) -> list[tuple[StoredFlag, dict[str, int]]]:
    """Stored flags whose two clauses exist now and are both visible to `user`."""
    store = ConflictStore.for_index(engine.index_dir, readonly=True)
    if store is None:
        return []
    try:
        stored = list(store.flags())
    finally:
        store.close()
    allowed = engine.allowed(user)
    kept = []
    for flag in stored:
        rows = {c: engine.reader.row_of(c) for c in (flag.a_clause, flag.b_clause)}
        if all(row is not None and allowed[row] for row in rows.values()):
            kept.append((flag, {c: int(r) for c, r in rows.items() if r is not None}))
    return kept


def conflict_map(
    engine: Engine, user: Clearance | None, ranked: bool = False
) -> list[ConflictFlag]:
    """Every flag of the corpus the user may see, grouped by topic then document pair; with
    `ranked`, the flags most worth review first (`differences.ranked`)."""
    visible = visible_flags(engine, user)
    if ranked:
        from qa.conflicts.differences import ranked as by_rank

        order = {id(flag): n for n, flag in enumerate(by_rank(flag for flag, _ in visible))}
        visible.sort(key=lambda item: order[id(item[0])])
    return [to_flag(engine, flag, rows) for flag, rows in visible]
