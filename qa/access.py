"""Who may see which clause: clearance level and releasability, as row masks.

Every retrieval filters with these masks *inside* the search (never fetch-then-hide), so a
passage above a user's clearance cannot reach them by any route.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from index import RowAttributes


@dataclass(frozen=True)
class Clearance:
    """What a user may see: the highest level rank and the nationality/releasability groups.

    A clause marked REL TO {A, B} is visible only to users in group A or B; unrestricted
    clauses are visible to anyone cleared for their level.
    """

    name: str
    level_rank: int
    groups: frozenset[str] = frozenset()

    def key(self) -> tuple[int, frozenset[str]]:
        """What determines visibility (two users with equal keys see the same rows)."""
        return self.level_rank, self.groups

    def may_see(self, rank: int, releasable_to: frozenset[str]) -> bool:
        """Whether a single marking is within this clearance."""
        return rank <= self.level_rank and (not releasable_to or bool(releasable_to & self.groups))


def visible_rows(rows: RowAttributes, user: Clearance | None) -> np.ndarray:
    """Boolean mask of the rows `user` may see; None (the trusted CLI operator) sees all."""
    if user is None:
        return np.ones(len(rows.level_rank), dtype=bool)
    caveat_ok = np.array([not c or bool(c & user.groups) for c in rows.caveats], dtype=bool)
    mask: np.ndarray = (rows.level_rank <= user.level_rank) & caveat_ok[rows.releasability]
    return mask
