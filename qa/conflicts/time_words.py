"""Periods written without a number and a unit: a fortnight, the fifth anniversary, the
thirtieth day following, the first day of the third month following (two whole months later)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.conflicts.numbers import ORDINAL, format_amount, ordinal_value

_FLAGS = re.IGNORECASE
_FORTNIGHT = re.compile(r"\b(?:a|one)\s+fortnight\b|\bfortnight\b", _FLAGS)
_ANNIVERSARY = re.compile(rf"\b(?P<ord>{ORDINAL})\s+anniversary\b", _FLAGS)
_ORDINAL_DAY = re.compile(
    rf"\b(?:on\s+)?the\s+(?P<ord>{ORDINAL})\s+day\s+(?:following|after|from)\b", _FLAGS
)
_MONTH_START = re.compile(
    rf"\bfirst\s+day\s+of\s+the\s+(?P<ord>{ORDINAL})\s+(?:calendar\s+)?month\s+(?:following"
    r"|after)\b",
    _FLAGS,
)


def worded_periods(sentence: str) -> Iterator[tuple[float, str, tuple[int, int]]]:
    """(length in days, how to show it, span) of each period written in words."""
    for match in _FORTNIGHT.finditer(sentence):
        yield 14.0, "a fortnight (14 days)", match.span()
    for pattern, days, shown in (
        (_ANNIVERSARY, 365.0, "the {n} anniversary ({v} years)"),
        (_ORDINAL_DAY, 1.0, "the {n} day after ({v} days)"),
        (_MONTH_START, 30.0, "the first day of the {n} month after"),
    ):
        for match in pattern.finditer(sentence):
            number = ordinal_value(match.group("ord"))
            if number is None:
                continue
            count = number - 1 if pattern is _MONTH_START else number
            text = shown.format(n=match.group("ord").lower(), v=format_amount(number))
            yield count * days, text, match.span()
