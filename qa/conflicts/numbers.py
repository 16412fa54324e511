"""Reading amounts in treaty text: number words, units, bounds and their conventions.

Conventions (stated once, used everywhere):
- time is measured in days: 1 hour = 1/24 day, 1 week = 7 days, 1 month = 30 days,
  1 year = 365 days, 1 working day = 7/5 calendar days (five working days make a week);
- two amounts are the same when they differ by at most 4 %, so 12 months = 1 year (360 vs
  365 days), 72 hours = 3 days and 6 months = 180 days, but 4 weeks (28 days) != 1 month;
- money is compared only within one currency (no exchange rates);
- frequencies are counted per year ("twice a year" = 2, "every three years" = 1/3).
"""

from __future__ import annotations

import re
from enum import StrEnum

SAME_TOLERANCE = 0.04  # relative difference under which two amounts count as equal

_SMALL = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    word: 10 * (index + 2)
    for index, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
NUMBER_WORDS = (*_SMALL, *_TENS)  # "zero" ... "ninety"
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUM_WORD = "|".join([*_SMALL, *_TENS, "hundred", "thousand"])
WORDS_NUMBER = rf"(?:{_NUM_WORD})(?:(?:[\s-]+(?:and[\s-]+)?)(?:{_NUM_WORD}))*"
DIGITS_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A number as written, optionally repeated in parentheses: "thirty (30)", "30 (thirty)".
NUMBER = rf"(?P<num>{DIGITS_NUMBER}|{WORDS_NUMBER}|an?)(?:\s*\((?P<alt>[^)]{{1,25}})\))?"


class Bound(StrEnum):
    """How a value limits what is allowed."""

    EXACT = "exact"
    UPPER = "upper"
    LOWER = "lower"


def bounds_clash(a: Bound, x: float, b: Bound, y: float, same: bool) -> bool:
    """Whether two bounded values on the same matter contradict each other.

    Differing exact values and differing upper limits (deadlines, caps) clash. Two differing
    minimums do not: both are met by the larger, which is how a stricter national floor sits on top
    of a treaty floor. An upper and a lower limit clash only when nothing satisfies both, and an
    exact value clashes with a limit it breaks.
    """
    if same:
        return False
    if a is b:
        return a is not Bound.LOWER
    if {a, b} == {Bound.UPPER, Bound.LOWER}:
        upper, lower = (x, y) if a is Bound.UPPER else (y, x)
        return upper < lower
    exact, limit, bound = (x, y, b) if a is Bound.EXACT else (y, x, a)
    return exact > limit if bound is Bound.UPPER else exact < limit


class UnitFamily(StrEnum):
    """Amounts are only compared within one family."""

    TIME = "time"
    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    FREQUENCY = "frequency"


_TIME_UNITS: dict[str, float] = {
    "hour": 1 / 24,
    "day": 1.0,
    "working day": 7 / 5,
    "business day": 7 / 5,
    "calendar day": 1.0,
    "week": 7.0,
    "month": 30.0,
    "year": 365.0,
}
_CURRENCIES = {
    "eur": "EUR",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "usd": "USD",
    "$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "gbp": "GBP",
    "£": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
}
_WORD_SPLIT = re.compile(r"[\s-]+")
_PLAIN_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_TIMES_WORD = re.compile(r"\s+times$")
_FREQUENCY_WORDS = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_PERIODS_PER_YEAR = {"week": 52.0, "month": 12.0, "year": 1.0, "annum": 1.0, "calendar year": 1.0}


_ORDINALS = {
    word: value
    for value, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
        " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
    )
} | {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60}
_ORDINALS |= {"ninetieth": 90, "hundredth": 100}
ORDINAL = rf"(?:{'|'.join(_ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))"


def ordinal_value(text: str) -> int | None:
    """Value of an ordinal in words or digits ("thirtieth" -> 30, "5th" -> 5)."""
    word = text.lower()
    if word in _ORDINALS:
        return _ORDINALS[word]
    digits = word.rstrip("stndrh")
    return int(digits) if digits.isdigit() else None


def words_to_number(text: str) -> float | None:
    """Value of a number written in words ("seventy-two", "one hundred and eighty")."""
    total = 0
    current = 0
    for word in _WORD_SPLIT.split(text.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current += 1
        elif word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
    return float(total + current)


def parse_number(text: str) -> float | None:
    """Value of a number in digits or words; None when it is neither."""
    cleaned = text.strip().replace(",", "")
    if _PLAIN_DIGITS.fullmatch(cleaned):
        return float(cleaned)
    return words_to_number(text)


def apply_scale(value: float, scale: str | None) -> float:
    """Multiply by "million"/"billion"/"thousand" written after a number."""
    return value * _SCALES[scale.lower()] if scale else value


def time_unit(unit: str) -> tuple[str, float]:
    """Canonical singular unit name and its length in days ("months'" -> ("month", 30.0))."""
    name = " ".join(unit.lower().replace("’", "'").rstrip("'s").split())
    return name, _TIME_UNITS[name]


def currency(symbol: str) -> str:
    """ISO code of a currency symbol, code or word."""
    return _CURRENCIES[symbol.lower()]


def times_per_year(count: str, period: str) -> float:
    """Frequency per year of "<count> a <period>" ("twice", "year") -> 2.0."""
    times = _FREQUENCY_WORDS.get(count.lower())
    if times is None:
        times = parse_number(_TIMES_WORD.sub("", count.lower())) or 1.0
    period_name = period.lower().rstrip("s")
    return times * _PERIODS_PER_YEAR[period_name]


def every_per_year(count: float, period: str) -> float:
    """Frequency per year of "every <count> <period>" (every three years -> 1/3)."""
    return _PERIODS_PER_YEAR[period.lower().rstrip("s")] / count


def same_amount(a: float, b: float) -> bool:
    """Equal within the stated tolerance."""
    return abs(a - b) <= SAME_TOLERANCE * max(abs(a), abs(b))


def format_amount(value: float) -> str:
    """Compact number for explanations: 5, 1.5, 250,000."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


_UPPER_BEFORE = re.compile(
    r"\b(?:at\s+most|no\s+more\s+than|not\s+more\s+than|no\s+longer\s+than|not\s+longer\s+than"
    r"|not\s+exceeding|not\s+to\s+exceed|(?:shall|may|must|does|do|will)\s+not\s+exceed|up\s+to"
    r"|within|no\s+later\s+than|not\s+later\s+than|(?:a\s+)?maximum(?:\s+of)?|limited\s+to"
    r"|capped\s+at|less\s+than|fewer\s+than|below|by\s+the\s+end\s+of|during\s+the(?:\s+first)?)"
    r"\s+(?:(?:a|the)\s+(?:period|total|term)\s+of\s+|the\s+)?$",
    re.IGNORECASE,
)
_LOWER_BEFORE = re.compile(
    r"\b(?:at\s+least|not\s+less\s+than|no\s+less\s+than|no\s+fewer\s+than|not\s+fewer\s+than"
    r"|(?:a\s+)?minimum(?:\s+of)?|more\s+than|over|in\s+excess\s+of|not\s+shorter\s+than"
    r"|no\s+shorter\s+than|above)\s+(?:(?:a|the)\s+(?:period|total|term)\s+of\s+)?$",
    re.IGNORECASE,
)
_UPPER_AFTER = re.compile(
    r"^\s*(?:or\s+less|or\s+fewer|at\s+the\s+(?:latest|most)|at\s+most)\b", re.IGNORECASE
)
_LOWER_AFTER = re.compile(
    r"^\s*(?:or\s+more|or\s+longer|at\s+(?:a|the)\s+minimum|at\s+least)\b", re.IGNORECASE
)
_EARLIER_BEFORE = re.compile(r"\b(?:no|not)\s+earlier\s+than\s+$", re.IGNORECASE)
_NOT_EXCEED = re.compile(r"^(?:shall|may|must|does|do|will) not exceed$")
_LEAD_TIME = re.compile(r"^\s*(?:before|prior\s+to|in\s+advance)\b", re.IGNORECASE)
_LATEST = re.compile(r"(?:no|not)\s+later\s+than", re.IGNORECASE)


def read_bound(before: str, after: str) -> tuple[Bound, str, int]:
    """The bound of a value from the text `before` and `after` it.

    Returns the bound, the words that say so (lower-case; "" when exact) and where in `before`
    they start.
    """
    upper = _UPPER_BEFORE.search(before)
    if upper:
        cue = " ".join(upper.group(0).lower().split()).removesuffix(" the")
        cue = _NOT_EXCEED.sub("not exceeding", cue)
        if _LATEST.match(cue) and _LEAD_TIME.match(after):
            # "no later than 5 days before the visit" asks for at least 5 days' lead time.
            return Bound.LOWER, cue, upper.start()
        return Bound.UPPER, cue, upper.start()
    earlier = _EARLIER_BEFORE.search(before)
    if earlier:
        # "no earlier than 10 days before the move" caps the lead time; after an event, a floor.
        bound = Bound.UPPER if _LEAD_TIME.match(after) else Bound.LOWER
        return bound, " ".join(earlier.group(0).lower().split()), earlier.start()
    lower = _LOWER_BEFORE.search(before)
    if lower:
        return Bound.LOWER, " ".join(lower.group(0).lower().split()), lower.start()
    if _UPPER_AFTER.match(after):
        return Bound.UPPER, "at most", len(before)
    if _LOWER_AFTER.match(after):
        return Bound.LOWER, "at least", len(before)
    return Bound.EXACT, "", len(before)
