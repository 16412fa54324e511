"""Explained reasons why two clauses do not conflict, which a learned model may not overrule.

The rules settle a pair they did not flag only when they can say why it holds together: the
amounts compared can both be met; one clause is about what the other excepts; the two apply in
complementary settings (on duty / off duty, inside / outside the installations); one is the
next step when the other's forum fails; both only forbid things (two bans are kept by not
acting); or both speak of one act and the rules can say why they agree (different recipients,
levels, holders or situations; the same rule; an obligation and a permission). Anything else
is left to the model.
"""

from __future__ import annotations

import re

from qa.conflicts.allocation import escalates
from qa.conflicts.analysis import ClauseAnalysis
from qa.conflicts.findings import DIFFERENT_NOTE, Finding
from qa.conflicts.modality import Modality, Statement
from qa.conflicts.parties import actors_compatible
from qa.conflicts.topics import overlap, stems
from qa.conflicts.types import ConflictKind

_F = re.IGNORECASE
_EXCEPTED = re.compile(
    r"\b(?:save|except|unless|with\s+the\s+exception\s+of|other\s+than)\s+(?:for\s+|in\s+|where\s+"
    r"|when\s+|if\s+)?(?P<what>[^,;.]{3,80})",
    _F,
)
_SETTINGS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(
            r"(?<!not\s)\bon\s+duty\b|\bofficial\s+dut|\bin\s+the\s+(?:course|performance)\s+of", _F
        ),
        re.compile(r"\boff\s+duty\b|\bnot\s+on\s+duty\b|\bprivate\b", _F),
    ),
    (
        re.compile(r"\b(?:within|inside|on)\s+the\s+(?:installations|premises|facilities)", _F),
        re.compile(r"\boutside\s+the\s+(?:installations|premises|facilities)", _F),
    ),
)
MIN_EXCEPTION_NAMED = 0.6  # share of an exception's words the other clause must name
MIN_SAME_OBJECT = 0.5  # share of object words two statements on one act have in common


_IN_THE_ACT = re.compile(r"\bflagrante?\s+delicto\b|\bflagrant\s+delict\b", _F)


def _sentences(analysis: ClauseAnalysis) -> str:
    """The clause as read, with "in flagrante delicto" said as "caught in the act"."""
    return _IN_THE_ACT.sub("caught in the act", " ".join(analysis.sentences))


def _is_the_exception(a: ClauseAnalysis, b: ClauseAnalysis) -> bool:
    """`b` regulates what `a` excepts from its rule."""
    words = stems(_sentences(b))
    for match in _EXCEPTED.finditer(_sentences(a)):
        excepted = stems(match.group("what"))
        if excepted and len(excepted & words) / len(excepted) >= MIN_EXCEPTION_NAMED:
            return True
    return False


def _complementary(a: str, b: str) -> bool:
    for one, other in _SETTINGS:
        left = (bool(one.search(a)), bool(other.search(a)))
        right = (bool(one.search(b)), bool(other.search(b)))
        if sum(left) == 1 and sum(right) == 1 and left != right:
            return True
    return False


def _only_bans(a: ClauseAnalysis, b: ClauseAnalysis) -> bool:
    statements = (*a.statements, *b.statements)
    return (
        bool(a.statements and b.statements)
        and all(s.modality is Modality.PROHIBITION for s in statements)
        and len({s.action for s in statements}) > 1
    )


def _setting_apart(x: Statement, y: Statement) -> str | None:
    """What sets two statements on one act apart: recipient, level, holder or situation."""
    if x.target and y.target and x.target != y.target:
        return "recipients"
    cx, cy = x.context, y.context
    if cx.levels and cy.levels and not cx.levels & cy.levels:
        return "classification levels"
    if cx.actor and cy.actor and not actors_compatible(cx.actor, cy.actor):
        return "holders"
    if cx.situation != cy.situation:
        return "situations"
    return None


def _same_act_reason(a: ClauseAnalysis, b: ClauseAnalysis) -> str | None:
    """Both clauses state something about one act, and the rules can say why they agree."""
    for x in a.statements:
        for y in b.statements:
            same_object = bool(x.matter) == bool(y.matter) and (
                not x.matter or overlap(x.matter, y.matter) > MIN_SAME_OBJECT
            )
            if x.action != y.action or not same_object:
                continue
            if (apart := _setting_apart(x, y)) is not None:
                return f"the same act for different {apart}"
            if (x.modality, x.condition) == (y.modality, y.condition):
                return "both state the same rule"
            if {x.modality, y.modality} == {Modality.OBLIGATION, Modality.PERMISSION}:
                return "what is obligatory is also permitted"
    return None


def settling_reason(a: ClauseAnalysis, b: ClauseAnalysis, found: list[Finding]) -> str | None:
    """Why the pair holds together, when the rules can say it; None when they cannot."""
    if any(f.kind is ConflictKind.NUMERIC and f.note == DIFFERENT_NOTE for f in found):
        return "the values compared can both be met"
    same_value = any(
        (x.family, x.unit) == (y.family, y.unit)
        and abs(x.value - y.value) <= 0.04 * max(x.value, y.value)
        and overlap(x.context.words, y.context.words) >= 0.3
        for x in a.quantities
        for y in b.quantities
    )
    if same_value:
        return "the same amount on both sides"
    if _is_the_exception(a, b) or _is_the_exception(b, a):
        return "one clause is about what the other excepts"
    if _complementary(_sentences(a), _sentences(b)):
        return "they apply in complementary settings"
    for one, other in ((a, b), (b, a)):
        if (one.forums or one.allocations) and escalates(_sentences(other)):
            return "one is the next step when the other's forum fails"
    if _only_bans(a, b):
        return "both only forbid, different acts"
    return _same_act_reason(a, b)
