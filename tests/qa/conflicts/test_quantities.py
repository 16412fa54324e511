"""Amounts: number words, units and their conventions, bounds, thresholds, frequencies."""

from __future__ import annotations

import pytest

from qa.conflicts.numbers import (
    Bound,
    UnitFamily,
    bounds_clash,
    parse_number,
    read_bound,
    same_amount,
    words_to_number,
)
from qa.conflicts.quantities import Role, Timing, find_quantities, find_vague_deadlines
from qa.conflicts.topics import Topic


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("seventy-two", 72.0),
        ("twenty four", 24.0),
        ("one hundred and eighty", 180.0),
        ("two thousand", 2000.0),
        ("a", 1.0),
        ("fifteen", 15.0),
    ],
)
def test_number_words(words: str, value: float) -> None:
    assert words_to_number(words) == value


def test_digits_with_separators_and_unknown_words() -> None:
    assert parse_number("250,000") == 250_000.0
    assert parse_number("1.5") == 1.5
    assert parse_number("several") is None


def test_duration_in_words_with_digits_in_parentheses_is_read_once() -> None:
    sentence = (
        "Reports shall be retained for no more than five (5) years, after which they are destroyed."
    )
    (quantity,) = find_quantities(sentence)
    assert quantity.value == 5 * 365
    assert quantity.family is UnitFamily.TIME
    assert quantity.bound is Bound.UPPER
    assert quantity.display == "no more than 5 years"
    assert quantity.context.topics == {Topic.RETENTION}


def test_possessive_unit_and_exact_value() -> None:
    (quantity,) = find_quantities(
        "Either Party may terminate it on six (6) months' written notice."
    )
    assert (quantity.value, quantity.bound, quantity.display) == (180.0, Bound.EXACT, "6 months")


def test_value_restated_in_parentheses_after_its_unit_is_not_counted_twice() -> None:
    found = find_quantities("Costs are shared, with Aldoria contributing sixty per cent (60%).")
    assert [(q.value, q.family, q.context.actor) for q in found] == [
        (60.0, UnitFamily.PERCENT, "Aldoria")
    ]


def test_money_with_scale_and_currency_code() -> None:
    (quantity,) = find_quantities("The annual contribution shall be EUR 2 million.")
    assert (quantity.value, quantity.unit, quantity.display) == (
        2_000_000.0,
        "EUR",
        "EUR 2,000,000",
    )


@pytest.mark.parametrize(
    ("sentence", "per_year", "bound"),
    [
        ("The Committee shall meet at least twice a year.", 2.0, Bound.LOWER),
        ("This Arrangement shall be reviewed every three years.", 1 / 3, Bound.EXACT),
        ("The Committee shall meet quarterly.", 4.0, Bound.EXACT),
        ("Reports shall be exchanged every six months.", 2.0, Bound.EXACT),
    ],
)
def test_frequencies_are_counted_per_year(sentence: str, per_year: float, bound: Bound) -> None:
    (quantity,) = find_quantities(sentence)
    assert quantity.family is UnitFamily.FREQUENCY
    assert quantity.value == pytest.approx(per_year)
    assert quantity.bound is bound


def test_count_of_copies() -> None:
    (quantity,) = find_quantities(
        "No more than three (3) copies of any SECRET document may be made."
    )
    assert (quantity.value, quantity.unit, quantity.bound) == (3.0, "copy", Bound.UPPER)
    assert quantity.display == "no more than 3 copies"


def test_bounded_value_in_the_subject_is_a_threshold() -> None:
    (threshold,) = find_quantities(
        "Claims below EUR 5,000 shall be settled by the host State alone."
    )
    (cap,) = find_quantities("Compensation shall not exceed EUR 250,000 per incident.")
    assert threshold.role is Role.THRESHOLD
    assert (cap.role, cap.bound, cap.display) == (
        Role.RULE,
        Bound.UPPER,
        "not exceeding EUR 250,000",
    )


def test_latest_date_before_an_event_is_a_minimum_lead_time() -> None:
    (quantity,) = find_quantities(
        "Requests shall be submitted no later than five days before the visit."
    )
    assert quantity.bound is Bound.LOWER


@pytest.mark.parametrize(
    ("before", "after", "bound", "cue"),
    [
        ("retained for at least ", "", Bound.LOWER, "at least"),
        ("notified within ", " of discovery", Bound.UPPER, "within"),
        ("kept for ", " or longer", Bound.LOWER, "at least"),
        ("retained for a maximum of ", "", Bound.UPPER, "a maximum of"),
        ("retained for ", "", Bound.EXACT, ""),
    ],
)
def test_read_bound(before: str, after: str, bound: Bound, cue: str) -> None:
    assert read_bound(before, after)[:2] == (bound, cue)


def test_unit_conventions() -> None:
    (hours,) = find_quantities("within 72 hours")
    (days,) = find_quantities("within three days")
    (months,) = find_quantities("for twelve months")
    (year,) = find_quantities("for one year")
    (weeks,) = find_quantities("for four weeks")
    (month,) = find_quantities("for one month")
    (working,) = find_quantities("within ten working days")
    assert same_amount(hours.value, days.value)
    assert same_amount(months.value, year.value)
    assert not same_amount(weeks.value, month.value)
    assert working.value == pytest.approx(14.0)


@pytest.mark.parametrize(
    ("a", "x", "b", "y", "clash"),
    [
        (Bound.EXACT, 5, Bound.EXACT, 10, True),
        (Bound.UPPER, 5, Bound.UPPER, 10, True),  # two different ceilings on one matter
        (Bound.LOWER, 5, Bound.LOWER, 7, False),  # both minimums are met by the larger
        (Bound.LOWER, 5, Bound.UPPER, 10, False),
        (Bound.LOWER, 10, Bound.UPPER, 5, True),
        (Bound.EXACT, 2, Bound.UPPER, 3, False),
        (Bound.EXACT, 4, Bound.UPPER, 3, True),
        (Bound.EXACT, 4, Bound.LOWER, 5, True),
    ],
)
def test_bounds_clash(a: Bound, x: float, b: Bound, y: float, clash: bool) -> None:
    assert bounds_clash(a, x, b, y, same=x == y) is clash
    assert bounds_clash(b, y, a, x, same=x == y) is clash


def test_vague_deadlines() -> None:
    found = find_vague_deadlines("Any breach shall be notified promptly and without undue delay.")
    assert [v.wording for v in found] == ["promptly", "without undue delay"]
    assert Topic.NOTIFICATION in found[0].context.topics


def test_timing_of_time_limits() -> None:
    (lead,) = find_quantities("Changes shall be notified at least sixty days in advance.")
    (deadline,) = find_quantities("Breaches shall be notified within 72 hours of their discovery.")
    (notice,) = find_quantities("Either Party may terminate it on six months' notice.")
    assert (lead.timing, deadline.timing, notice.timing) == (
        Timing.LEAD,
        Timing.DEADLINE,
        Timing.OPEN,
    )


def test_one_day_as_an_idiom_is_not_a_duration() -> None:
    assert find_quantities("Every such document could one day be compromised.") == []
