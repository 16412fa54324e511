"""Durations, deadlines, amounts, percentages and frequencies, with their bounds.

"no more than five (5) years" is read as an upper bound of 5 years; "at least 72 hours" as a lower
bound; "for a period of ten years" as an exact value. A number in the subject of a clause ("Claims
below EUR 5,000 shall ...") is a threshold that selects cases, not a rule value, and is only
compared with other thresholds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from qa.conflicts.context import MODAL_VERB, Context, context_of, segment_at
from qa.conflicts.numbers import (
    DIGITS_NUMBER,
    NUMBER,
    WORDS_NUMBER,
    Bound,
    UnitFamily,
    apply_scale,
    currency,
    every_per_year,
    format_amount,
    parse_number,
    read_bound,
    time_unit,
    times_per_year,
)
from qa.conflicts.parties import name_near
from qa.conflicts.time_words import worded_periods
from qa.conflicts.topics import stems


class Timing(StrEnum):
    """Whether a time limit runs before an event (notice) or after one (a deadline)."""

    LEAD = "lead time"  # "60 days in advance", "20 days before the visit"
    DEADLINE = "deadline"  # "within 72 hours of its discovery"
    OPEN = "open"  # not said; compared with either


class Role(StrEnum):
    """Whether a value is what a rule requires, or a threshold selecting the cases it covers."""

    RULE = "rule"
    THRESHOLD = "threshold"


@dataclass(frozen=True)
class Quantity:
    """One amount in a clause, normalised (days, per year, currency units, percent, count)."""

    value: float
    family: UnitFamily
    unit: str  # currency code or counted noun; "" where the family fixes the unit
    bound: Bound
    display: str  # as an explanation should show it: "no more than 5 years"
    role: Role
    timing: Timing
    context: Context
    deadline: bool = False  # an upper bound that is a time by which to act ("within 3 days")


@dataclass(frozen=True)
class _Raw:
    value: float
    family: UnitFamily
    unit: str
    display: str
    span: tuple[int, int]


_FLAGS = re.IGNORECASE
_TIME = re.compile(
    rf"\b{NUMBER}[\s-]+(?P<unit>(?:working|business|calendar)\s+days?|hours?|days?|weeks?|months?"
    r"|years?)(?:'s|'|’s|’)?(?!\w)",
    _FLAGS,
)
_PERCENT = re.compile(rf"\b{NUMBER}\s*(?:%|per\s+cent\b|percent\b)", _FLAGS)
_MONEY_BEFORE = re.compile(
    rf"(?P<cur>\bEUR|\bUSD|\bGBP|€|\$|£)\s?(?P<num>{DIGITS_NUMBER})(?:\s+(?P<scale>million|billion"
    r"|thousand)\b)?",
    _FLAGS,
)
_MONEY_AFTER = re.compile(
    rf"\b{NUMBER}(?:\s+(?P<scale>million|billion))?\s+(?P<cur>euros?|dollars?|pounds?)\b", _FLAGS
)
_COUNT = re.compile(
    rf"\b(?P<num>{DIGITS_NUMBER}|{WORDS_NUMBER})(?:\s*\([^)]{{1,25}}\))?(?P<more>\s+or\s+more)?"
    r"\s+(?P<unit>cop(?:y|ies)|arbitrators?|members?|representatives?|persons?|officers?|experts?"
    r"|judges?|(?:signatory\s+)?States|ratifications|instruments\s+of\s+ratification)\b",
    _FLAGS,
)
_TIMES = re.compile(
    rf"\b(?P<times>once|twice|thrice|(?:{DIGITS_NUMBER}|{WORDS_NUMBER})\s+times)\s+(?:a|per|each"
    r"|every|in\s+(?:a|each|every))\s+(?P<per>week|month|year|annum|calendar\s+year)\b",
    _FLAGS,
)
_EVERY = re.compile(
    rf"\bevery\s+(?:(?P<num>{DIGITS_NUMBER}|{WORDS_NUMBER})\s+)?(?P<per>weeks?|months?|years?)\b",
    _FLAGS,
)
_ADVERB = re.compile(
    r"\b(?P<adv>annually|yearly|quarterly|monthly|weekly|semi-annually|biannually)(?=\s*(?:[.,;]|$))",
    _FLAGS,
)
_ADVERB_PER_YEAR = {
    "annually": 1.0,
    "yearly": 1.0,
    "quarterly": 4.0,
    "monthly": 12.0,
    "weekly": 52.0,
    "semi-annually": 2.0,
    "biannually": 2.0,
}
_BEFORE_EVENT = re.compile(r"^\s*(?:(?:in\s+)?advance|before|prior\s+to|ahead)\b", _FLAGS)
_IDIOM = re.compile(r"\b(?:could|may|might|will|would|some)\s+$", _FLAGS)  # "could one day be"
_VAGUE = re.compile(
    r"\b(?:promptly|without\s+(?:undue\s+)?delay|as\s+soon\s+as\s+(?:possible|practicable"
    r"|reasonably\s+practicable)|immediately|forthwith|in\s+a\s+timely\s+manner|expeditiously)\b",
    _FLAGS,
)


def _number(match: re.Match[str]) -> float | None:
    value = parse_number(match.group("num"))
    if value is None and match.groupdict().get("alt"):
        value = parse_number(match.group("alt"))
    return value


def _plural(value: float, unit: str) -> str:
    return f"{format_amount(value)} {unit}{'' if value == 1 else 's'}"


def _times(sentence: str) -> Iterator[_Raw]:
    for match in _TIME.finditer(sentence):
        number = _number(match)
        if number is not None and not _IDIOM.search(sentence[: match.start()]):
            name, days = time_unit(match.group("unit"))
            yield _Raw(number * days, UnitFamily.TIME, "", _plural(number, name), match.span())


def _worded_times(sentence: str) -> Iterator[_Raw]:
    for days, display, span in worded_periods(sentence):
        yield _Raw(days, UnitFamily.TIME, "", display, span)


def _percents(sentence: str) -> Iterator[_Raw]:
    for match in _PERCENT.finditer(sentence):
        number = _number(match)
        if number is not None:
            yield _Raw(number, UnitFamily.PERCENT, "", f"{format_amount(number)}%", match.span())


def _money(sentence: str) -> Iterator[_Raw]:
    for pattern in (_MONEY_BEFORE, _MONEY_AFTER):
        for match in pattern.finditer(sentence):
            number = _number(match)
            if number is not None:
                amount = apply_scale(number, match.group("scale"))
                code = currency(match.group("cur"))
                shown = f"{code} {format_amount(amount)}"
                yield _Raw(amount, UnitFamily.MONEY, code, shown, match.span())


def _counts(sentence: str) -> Iterator[_Raw]:
    for match in _COUNT.finditer(sentence):
        number = parse_number(match.group("num"))
        if number is not None:
            noun = " ".join(match.group("unit").lower().split())
            unit = "copy" if noun.startswith("cop") else noun.rstrip("s")
            unit = "state" if "state" in unit or "ratification" in unit else unit
            # "two or more signatory States": the bound is read from the "or more" after the number
            span = (match.start("num"), match.end("num")) if match.group("more") else match.span()
            yield _Raw(number, UnitFamily.COUNT, unit, f"{format_amount(number)} {noun}", span)


def _frequency_text(per_year: float) -> str:
    if per_year >= 1:
        words = {1.0: "once", 2.0: "twice"}
        return f"{words.get(per_year, format_amount(per_year) + ' times')} a year"
    return f"every {_plural(1 / per_year, 'year')}"


def _frequencies(sentence: str) -> Iterator[_Raw]:
    for match in _TIMES.finditer(sentence):
        value = times_per_year(match.group("times"), match.group("per"))
        yield _Raw(value, UnitFamily.FREQUENCY, "", _frequency_text(value), match.span())
    for match in _ADVERB.finditer(sentence):
        value = _ADVERB_PER_YEAR[match.group("adv").lower()]
        yield _Raw(value, UnitFamily.FREQUENCY, "", _frequency_text(value), match.span())
    for match in _EVERY.finditer(sentence):
        count = parse_number(match.group("num")) if match.group("num") else 1.0
        if count:
            value = every_per_year(count, match.group("per"))
            yield _Raw(value, UnitFamily.FREQUENCY, "", _frequency_text(value), match.span())


# Frequencies first: "every six months" must not also be read as a duration of six months. Each
# finder runs only when a cheap keyword test passes: most sentences hold no amount at all.
_KEYWORDS = (
    r"once|twice|thrice|times|every|annually|yearly|quarterly|monthly|weekly",
    r"EUR|USD|GBP|€|\$|£|euro|dollar|pound",
    r"fortnight|anniversar|(?:day|month)\s+(?:following|after|from)",
    r"%|per\s*cent",
    r"cop(?:y|ies)|arbitrator|member|representative|person|officer|expert|judge|States|ratification",
    r"hour|day|week|month|year",
)
_FINDERS: tuple[tuple[Callable[[str], Iterator[_Raw]], re.Pattern[str]], ...] = tuple(
    (finder, re.compile(keywords, _FLAGS))
    for finder, keywords in zip(
        (_frequencies, _money, _worded_times, _percents, _counts, _times), _KEYWORDS, strict=True
    )
)


def _role(segment_text: str, offset: int, bound: Bound, cue_start: int) -> Role:
    """A bounded value in the clause's subject, after a noun, is a threshold ("Claims below")."""
    verb = MODAL_VERB.search(segment_text)
    if bound is Bound.EXACT or verb is None or offset > verb.start():
        return Role.RULE
    return Role.THRESHOLD if stems(segment_text[:cue_start]) else Role.RULE


def _timing(cue: str, after: str) -> Timing:
    if _BEFORE_EVENT.match(after):
        return Timing.LEAD
    return Timing.DEADLINE if cue in ("within", "no later than", "not later than") else Timing.OPEN


_DEADLINE_CUES = frozenset({"within", "no later than", "not later than", "by the end of"})


def _quantity(sentence: str, raw: _Raw) -> Quantity:
    start, end = raw.span
    segment = segment_at(sentence, start)
    offset = start - segment.start
    window = max(0, offset - 60)
    bound, cue, cue_at = read_bound(segment.text[window:offset], sentence[end:])
    role = _role(segment.text, offset, bound, window + cue_at)
    timing = _timing(cue, sentence[end:])
    near = name_near(segment.text[max(0, offset - 40) : offset])
    context = context_of(sentence, segment, actor=near)
    display = f"{cue} {raw.display}" if cue else raw.display
    deadline = bound is Bound.UPPER and cue in _DEADLINE_CUES
    return Quantity(
        raw.value, raw.family, raw.unit, bound, display, role, timing, context, deadline
    )


def _restated(sentence: str, span: tuple[int, int]) -> bool:
    """A value repeated in parentheses after its words: the "(60%)" of "sixty per cent (60%)"."""
    return sentence[: span[0]].rstrip().endswith("(") and sentence[span[1] :].lstrip().startswith(
        ")"
    )


def find_quantities(sentence: str) -> list[Quantity]:
    """All amounts in a sentence, each read once (a frequency is not also a duration)."""
    taken: list[tuple[int, int]] = []
    found: list[Quantity] = []
    for finder, keywords in _FINDERS:
        if not keywords.search(sentence):
            continue
        for raw in finder(sentence):
            if any(raw.span[0] < end and start < raw.span[1] for start, end in taken):
                continue
            if _restated(sentence, raw.span):
                continue
            taken.append(raw.span)
            found.append(_quantity(sentence, raw))
    return found


@dataclass(frozen=True)
class VagueDeadline:
    """ "promptly", "without delay": a time limit that is not a number."""

    wording: str
    context: Context


def find_vague_deadlines(sentence: str) -> list[VagueDeadline]:
    """Unquantified deadlines in a sentence."""
    return [
        VagueDeadline(
            match.group(0).lower(), context_of(sentence, segment_at(sentence, match.start()))
        )
        for match in _VAGUE.finditer(sentence)
    ]
