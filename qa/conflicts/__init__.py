"""Contradiction flags: explained rule checks, a learned scorer, candidate pairs, the map."""

from qa.conflicts.evaluate import LabelledPair, PairReport, evaluate_pairs, load_pairs
from qa.conflicts.rules import CONFLICT_THRESHOLD, INSTRUMENT_TOPICS, RuleScorer
from qa.conflicts.scorers import CombinedScorer, make_scorer
from qa.conflicts.types import (
    AMENDED_WORDING,
    FLAG_WORDING,
    ClauseText,
    ConflictKind,
    PairScorer,
    Verdict,
)

__all__ = [
    "AMENDED_WORDING",
    "CONFLICT_THRESHOLD",
    "FLAG_WORDING",
    "INSTRUMENT_TOPICS",
    "ClauseText",
    "CombinedScorer",
    "ConflictKind",
    "LabelledPair",
    "PairReport",
    "PairScorer",
    "RuleScorer",
    "Verdict",
    "evaluate_pairs",
    "load_pairs",
    "make_scorer",
]
