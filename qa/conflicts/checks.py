"""The rule checks: each compares two analysed clauses and reports the differences it can explain.

A `Finding` holds the differing values as each side states them; `rules.py` turns the strongest one
into a `Verdict`. Modal checks live in `statement_checks.py`.
"""

from __future__ import annotations

from collections.abc import Callable

from qa.conflicts.analysis import ClauseAnalysis
from qa.conflicts.classification import equivalence_clash, level_clash
from qa.conflicts.context import Context
from qa.conflicts.findings import (
    CROSSED,
    DIFFERENT,
    DIFFERENT_NOTE,
    SOFT_DEADLINE,
    STRONG,
    Finding,
)
from qa.conflicts.forums import forum_clash
from qa.conflicts.numbers import Bound, UnitFamily, bounds_clash, same_amount
from qa.conflicts.parties import actor_key
from qa.conflicts.quantities import Quantity, Timing
from qa.conflicts.scope_checks import check_allocations, check_inclusions, check_waivers
from qa.conflicts.statement_checks import check_statements
from qa.conflicts.topics import (
    GENERIC_TOPICS,
    INSTRUMENT,
    Topic,
    first_topic,
    instrument_mismatch,
    jaccard,
)
from qa.conflicts.types import ConflictKind

MIN_DUTY_OVERLAP = 0.5  # Jaccard of what two duty claims are about
UNSURE = DIFFERENT + 1e-9  # a difference on one topic whose limits could not be compared
UNSURE_NOTE = "the values differ"


def _shared_topic(x: Context, y: Context) -> Topic:
    """The matter two contexts share: their main verb's topic, else a shared topic about the
    instrument itself (the notice in "notice of termination" is about termination), else the
    first shared topic."""
    if x.head is not None and x.head is y.head:
        return x.head
    shared = x.topics & y.topics
    return first_topic(shared & INSTRUMENT) or first_topic(shared) or Topic.DURATION


def check_quantities(a: ClauseAnalysis, b: ClauseAnalysis) -> list[Finding]:
    """Amounts of one unit family, role and matter that cannot both hold."""
    found: list[Finding] = []
    for x in a.quantities:
        if any(_restates(x, y) for y in b.quantities):
            continue  # the other side states the same value; its other values are about more
        for y in b.quantities:
            if any(_restates(y, z) for z in a.quantities):
                continue
            if (x.family, x.unit, x.role) != (y.family, y.unit, y.role):
                continue
            if {x.timing, y.timing} == {Timing.LEAD, Timing.DEADLINE}:
                continue  # notice before an event and a deadline after one are different limits
            if x.context.same_matter(y.context):
                score = _quantity_score(x, y)
            elif _same_topic(x, y) and not same_amount(x.value, y.value):
                score = UNSURE  # worded too differently to be sure they cannot both hold
            else:
                continue
            if score is None:
                continue
            topic = _shared_topic(x.context, y.context)
            found.append(
                Finding(
                    ConflictKind.NUMERIC,
                    score,
                    topic.value,
                    x.display,
                    y.display,
                    x.context.sentence,
                    y.context.sentence,
                    {DIFFERENT: DIFFERENT_NOTE, UNSURE: UNSURE_NOTE}.get(score, ""),
                )
            )
    return found


def _restates(x: Quantity, y: Quantity) -> bool:
    """The same amount, of one family and unit, on a shared topic."""
    shared = bool(x.context.topics & y.context.topics)
    return (x.family, x.unit) == (y.family, y.unit) and same_amount(x.value, y.value) and shared


def _same_topic(x: Quantity, y: Quantity) -> bool:
    """Same specific topic and setting, however worded: "six months' notice of termination" and
    "terminated ... two months in advance" are one matter in two agreements."""
    specific = (x.context.topics & y.context.topics) - GENERIC_TOPICS
    if instrument_mismatch(x.context.topics, y.context.topics):
        return False
    heads_agree = (
        x.context.head is None or y.context.head is None or x.context.head is y.context.head
    )
    bounded_alike = x.bound is y.bound or Bound.EXACT in (x.bound, y.bound)
    return bool(specific) and heads_agree and bounded_alike and x.context.same_setting(y.context)


def _quantity_score(x: Quantity, y: Quantity) -> float | None:
    """STRONG or CROSSED for values that cannot both hold; DIFFERENT for values that differ but
    can both be met (two deadlines: the shorter meets both; a floor and a larger value); None
    for equal amounts."""
    if same_amount(x.value, y.value):
        return None
    if x.deadline and y.deadline:
        return DIFFERENT
    if not bounds_clash(x.bound, x.value, y.bound, y.value, False):
        return DIFFERENT
    return STRONG if x.bound is y.bound else CROSSED


def _vague_against(a: ClauseAnalysis, b: ClauseAnalysis, swap: bool) -> list[Finding]:
    found: list[Finding] = []
    deadlines = [
        q for q in a.quantities if q.family is UnitFamily.TIME and q.bound is not Bound.LOWER
    ]
    for vague in b.vague:
        if any(
            q.family is UnitFamily.TIME and q.context.same_matter(vague.context)
            for q in b.quantities
        ):
            continue  # "immediately, and in any case within 24 hours": the number is the deadline
        for deadline in deadlines:
            if deadline.context.same_matter(vague.context):
                topic = _shared_topic(deadline.context, vague.context)
                fixed, loose = deadline.display, f'"{vague.wording}" (no fixed deadline)'
                sentences = (deadline.context.sentence, vague.context.sentence)
                values = (loose, fixed) if swap else (fixed, loose)
                ordered = sentences[::-1] if swap else sentences
                found.append(
                    Finding(
                        ConflictKind.NUMERIC,
                        SOFT_DEADLINE,
                        topic.value,
                        *values,
                        *ordered,
                        note="a fixed deadline against an unspecified one",
                    )
                )
                break
    return found


def check_vague_deadlines(a: ClauseAnalysis, b: ClauseAnalysis) -> list[Finding]:
    """A fixed time limit on one side, only "promptly"/"without delay" on the other (soft)."""
    return _vague_against(a, b, swap=False) + _vague_against(b, a, swap=True)


def check_duties(a: ClauseAnalysis, b: ClauseAnalysis) -> list[Finding]:
    """A duty only one can hold (costs, chair, depositary ...) given to different holders."""
    found: list[Finding] = []
    for x in a.duties:
        for y in b.duties:
            if x.duty is not y.duty or actor_key(x.actor) == actor_key(y.actor):
                continue
            same = jaccard(x.matter, y.matter) >= MIN_DUTY_OVERLAP
            found.append(
                Finding(
                    ConflictKind.PARTY,
                    CROSSED if same else DIFFERENT,
                    x.duty.value,
                    x.actor,
                    y.actor,
                    x.sentence,
                    y.sentence,
                    "" if same else "different holders, perhaps of different duties",
                )
            )
    return found


def check_classification(a: ClauseAnalysis, b: ClauseAnalysis) -> list[Finding]:
    """Equivalence tables and required levels that disagree."""
    found: list[Finding] = []
    for x in a.equivalences:
        for y in b.equivalences:
            if (clash := equivalence_clash(x, y)) is not None:
                found.append(
                    Finding(
                        ConflictKind.CLASSIFICATION,
                        STRONG,
                        "classification equivalence",
                        *clash,
                        x.sentence,
                        y.sentence,
                    )
                )
    for p in a.levels:
        for q in b.levels:
            if (clash := level_clash(p, q)) is not None:
                found.append(
                    Finding(
                        ConflictKind.CLASSIFICATION,
                        STRONG,
                        p.claim.value,
                        *clash,
                        p.sentence,
                        q.sentence,
                    )
                )
    return found


def check_forums(a: ClauseAnalysis, b: ClauseAnalysis) -> list[Finding]:
    """Dispute settlement, courts, governing law, seat and authentic text that disagree."""
    found: list[Finding] = []
    for x in a.forums:
        for y in b.forums:
            if (clash := forum_clash(x, y)) is not None:
                score, note = clash
                value_x = f"{x.value}{' excluded' if x.excluded else ''}"
                value_y = f"{y.value}{' excluded' if y.excluded else ''}"
                found.append(
                    Finding(
                        ConflictKind.JURISDICTION,
                        score,
                        x.aspect.value,
                        value_x,
                        value_y,
                        x.sentence,
                        y.sentence,
                        note,
                    )
                )
    return found


# Specific checks first: on equal scores the first finding explains the verdict, and "disputes shall
# be referred to arbitration" is better explained as a forum than as an obligation to refer.
CHECKS: tuple[Callable[[ClauseAnalysis, ClauseAnalysis], list[Finding]], ...] = (
    check_quantities,
    check_classification,
    check_forums,
    check_allocations,
    check_inclusions,
    check_waivers,
    check_duties,
    check_vague_deadlines,
    check_statements,
)
