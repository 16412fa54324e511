"""Checks of who a rule reaches: jurisdiction over a matter, and benefits with their exceptions."""

from __future__ import annotations

from qa.conflicts.allocation import allocation_clash
from qa.conflicts.analysis import ClauseAnalysis
from qa.conflicts.findings import Finding
from qa.conflicts.inclusions import inclusion_clash
from qa.conflicts.types import ConflictKind

INCLUSION_SCORE = 0.75  # one side excepts a group, the other grants it the same benefit


def check_allocations(a: ClauseAnalysis, b: ClauseAnalysis) -> list[Finding]:
    """The same matter given to different holders, or given and taken away."""
    found: list[Finding] = []
    for x in a.allocations:
        for y in b.allocations:
            if (clash := allocation_clash(x, y)) is not None:
                score, note = clash
                found.append(
                    Finding(
                        ConflictKind.JURISDICTION,
                        score,
                        "jurisdiction",
                        f"{'not ' if x.denied else ''}{x.holder}",
                        f"{'not ' if y.denied else ''}{y.holder}",
                        x.sentence,
                        y.sentence,
                        note,
                    )
                )
    return found


def check_inclusions(a: ClauseAnalysis, b: ClauseAnalysis) -> list[Finding]:
    """A group excepted from a benefit on one side and granted it on the other."""
    found: list[Finding] = []
    for left, right, swap in ((a, b, False), (b, a, True)):
        for x in left.benefits:
            for y in right.benefits:
                if not inclusion_clash(x, y):
                    continue
                values = ("the group excepted", "the same group included")
                sentences = (x.sentence, y.sentence)
                values, sentences = (values[::-1], sentences[::-1]) if swap else (values, sentences)
                found.append(
                    Finding(
                        ConflictKind.EXCEPTION,
                        INCLUSION_SCORE,
                        "exceptions",
                        *values,
                        *sentences,
                        "what one excepts from the benefit, the other grants it",
                    )
                )
    return found
