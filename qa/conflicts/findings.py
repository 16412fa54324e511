"""What a rule check reports: one explained difference between two clauses, and its score.

Scores: a clear contradiction ~0.9, a softer one (a fixed deadline against "promptly", a permission
silent on the consent the other requires) 0.55-0.75, a difference that is no contradiction 0.45.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.conflicts.types import ConflictKind

STRONG = 0.9  # values that cannot both hold
CROSSED = 0.85  # a value that breaks the other side's limit, or a duty given to two holders
SOFT_DEADLINE = 0.6  # a fixed deadline against an unquantified one ("promptly")
# Values that differ but can both be met (two deadlines, two minimum periods): below the flag
# threshold of a pair check, shown on the corpus map as a difference between instruments.
DIFFERENT = 0.45
DIFFERENT_NOTE = "the values differ; both can be met"


@dataclass(frozen=True)
class Finding:
    """One explained difference between side A and side B."""

    kind: ConflictKind
    score: float
    topic: str
    value_a: str
    value_b: str
    sentence_a: str
    sentence_b: str
    note: str = ""
    label: str = ""  # a fuller name of the matter for the explanation, when it has one
