"""Time limits written in words, and which differences of time limits are conflicts."""

from __future__ import annotations

import pytest

from qa.conflicts.numbers import Bound
from qa.conflicts.quantities import Timing, find_quantities
from qa.conflicts.rules import RuleScorer
from qa.conflicts.types import ClauseText


@pytest.mark.parametrize(
    ("sentence", "days", "bound", "display"),
    [
        (
            "Notice of the exercise shall be given not later than a fortnight before it begins.",
            14.0,
            Bound.LOWER,
            "not later than a fortnight (14 days)",
        ),
        (
            "The amendment shall enter into force on the sixtieth day following its signature.",
            60.0,
            Bound.EXACT,
            "the sixtieth day after (60 days)",
        ),
        (
            "The Agreement shall enter into force on the first day of the fourth month following"
            " the last notification.",
            90.0,
            Bound.EXACT,
            "the first day of the fourth month after",
        ),
        (
            "Copies shall be destroyed no later than the tenth anniversary of their receipt.",
            3650.0,
            Bound.UPPER,
            "no later than the tenth anniversary (10 years)",
        ),
    ],
)
def test_periods_written_in_words(sentence: str, days: float, bound: Bound, display: str) -> None:
    (quantity,) = find_quantities(sentence)
    assert (quantity.value, quantity.bound, quantity.display) == (days, bound, display)


def test_no_earlier_than_before_an_event_caps_the_lead_time() -> None:
    (quantity,) = find_quantities(
        "The movement of ammunition shall be notified no earlier than seven days before it starts."
    )
    assert (quantity.value, quantity.bound, quantity.timing) == (7.0, Bound.UPPER, Timing.LEAD)
    verdict = RuleScorer().score(
        ClauseText(
            "The movement of ammunition shall be notified not later than a fortnight before it"
            " starts."
        ),
        ClauseText(
            "The movement of ammunition shall be notified no earlier than seven days before it"
            " starts."
        ),
    )
    assert verdict.conflict and verdict.score == 0.85  # 14 days ahead at least, 7 at most


def test_two_deadlines_differ_but_a_permitted_longer_period_conflicts() -> None:
    handover = (
        "An arrested member of the force shall be handed over to the sending State not later than"
        " forty-eight hours after the arrest."
    )
    sooner = (
        "An arrested member of the force shall be handed over to the sending State within"
        " twenty-four hours of the arrest."
    )
    custody = (
        "The receiving State may keep an arrested member of the force in its custody for up to"
        " five days after the arrest."
    )
    scorer = RuleScorer()
    deadlines = scorer.score(ClauseText(handover), ClauseText(sooner))
    assert (deadlines.conflict, deadlines.score) == (False, 0.45)
    assert deadlines.explanation.endswith("— the values differ; both can be met")
    permitted = scorer.score(ClauseText(handover), ClauseText(custody))
    assert (permitted.conflict, permitted.score) == (True, 0.9)


def test_counts_of_states_with_or_more() -> None:
    six, two = (
        find_quantities("As soon as six signatory States have deposited their instruments.")[0],
        find_quantities("As soon as two or more signatory States have deposited them.")[0],
    )
    assert (six.value, six.unit, six.bound) == (6.0, "state", Bound.EXACT)
    assert (two.value, two.unit, two.bound) == (2.0, "state", Bound.LOWER)
