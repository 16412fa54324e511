"""The contract of contradiction scoring: what a scorer reads and what it says.

Flags are worded "possible conflict — review": a Verdict is a reason to look, never a ruling.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

FLAG_WORDING = "possible conflict — review"
AMENDED_WORDING = "amended by"


class ConflictKind(StrEnum):
    """What kind of difference a conflict flag is about."""

    NUMERIC = "numeric"  # durations, deadlines, amounts, percentages, bounds
    MODAL = "modal"  # shall / may / shall not / is prohibited ...
    EXCEPTION = "exception"  # "except with prior written consent" vs "without consent"
    CLASSIFICATION = "classification"  # levels and equivalences
    JURISDICTION = "jurisdiction"  # which court, arbitration, law
    PARTY = "party"  # which party, state or body holds the duty or right
    SEMANTIC = "semantic"  # found by the learned model, no rule explains it


@dataclass(frozen=True)
class ClauseText:
    """One side of a pair: the clause text and how to cite it in an explanation."""

    text: str
    citation: str = ""  # e.g. "Agreement A, Article 7 › 2"; empty for raw `accord check`


@dataclass(frozen=True)
class Verdict:
    """A scorer's view of a clause pair.

    `score` is in [0, 1] (higher = more likely a conflict). `explanation` names the differing
    values and cites both sides, e.g. "retention: 5 years (Agreement A, Article 7 › 2) vs
    10 years (Agreement B, Article 4)". `evidence` holds the sentence of each side that drives
    the verdict, when known.
    """

    conflict: bool
    score: float
    kind: ConflictKind | None = None
    explanation: str = ""
    evidence: tuple[str, str] | None = None
    topic: str = ""  # the matter both clauses are about, e.g. "retention", "breach notification"


@runtime_checkable
class PairScorer(Protocol):
    """Anything that judges whether two clauses say incompatible things."""

    def score(self, a: ClauseText, b: ClauseText) -> Verdict:
        """Judge one pair."""
        ...

    def score_many(self, pairs: Sequence[tuple[ClauseText, ClauseText]]) -> list[Verdict]:
        """Judge many pairs (learned scorers batch them)."""
        ...


def cite(side: ClauseText, fallback: str) -> str:
    """The citation to print for a side: its own, or "clause A"/"clause B"."""
    return side.citation or fallback
