"""Contradiction flags: explained rule checks, a learned scorer, candidate pairs, the map."""

from qa.conflicts.types import (
    AMENDED_WORDING,
    FLAG_WORDING,
    ClauseText,
    ConflictKind,
    PairScorer,
    Verdict,
)

__all__ = ["AMENDED_WORDING", "FLAG_WORDING", "ClauseText", "ConflictKind", "PairScorer", "Verdict"]
