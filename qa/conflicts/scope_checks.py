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


WAIVER_SCORE = 0.6  # a waiver with a fault exception against one without


def check_waivers(a: ClauseAnalysis, b: ClauseAnalysis) -> list[Finding]:
    """A waiver of claims that excludes gross negligence or wilful misconduct against one that
    does not (judged per clause: a clause may state the exception in a sentence of its own)."""
    if not a.waivers or not b.waivers:
        return []
    fault_a = any(w.excludes_fault for w in a.waivers)
    fault_b = any(w.excludes_fault for w in b.waivers)
    harms = set().union(*(w.harms for w in a.waivers)) & set().union(*(w.harms for w in b.waivers))
    if fault_a == fault_b or not harms:
        return []
    x = next(w for w in a.waivers if w.excludes_fault == fault_a)
    y = next(w for w in b.waivers if w.excludes_fault == fault_b)
    excluded, plain = "except gross negligence or wilful misconduct", "without that exception"
    return [
        Finding(
            ConflictKind.EXCEPTION,
            WAIVER_SCORE,
            "waiver of claims",
            excluded if fault_a else plain,
            excluded if fault_b else plain,
            x.sentence,
            y.sentence,
        )
    ]
