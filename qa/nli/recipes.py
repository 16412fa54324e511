"""Recipes that turn one clause into a labelled pair: contradicting or meaning-preserving edits.

Each recipe takes a clause and a random generator and returns the edited clause, or None when it
does not apply. Contradiction recipes change what the clause requires (a number, a modal, an
exception, the party, the classification level); entailment recipes change only the wording.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

Recipe = Callable[[str, random.Random], str | None]

UNIT_HOURS = {"hour": 1, "day": 24, "week": 168, "month": 730, "year": 8760}  # month = year / 12
WORDS = ("zero one two three four five six seven eight nine ten eleven twelve").split()
NUMBER_WORDS = {w: i for i, w in enumerate(WORDS)} | {
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "sixty": 60,
    "ninety": 90,
}
_NUM = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
DURATION = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{_NUM})(?: \((?P<d>\d{{1,3}})\))?(?P<sep>[ -])"
    rf"(?P<q>working |calendar )?(?P<u>hour|day|week|month|year)s?(?P<pos>'|’)?",
    re.IGNORECASE,
)
MODALS = {
    "shall not": "shall",
    "may not": "may",
    "must not": "must",
    "shall": "shall not",
    "may": "may not",
    "must": "must not",
    "is prohibited": "is permitted",
    "are prohibited": "are permitted",
    "is permitted": "is prohibited",
    "are permitted": "are prohibited",
    "is required to": "is not required to",
    "are required to": "are not required to",
    "is entitled to": "is not entitled to",
    "neither party shall": "either Party may",
    "no party shall": "each Party may",
}
MODAL = re.compile(
    r"(?<!as )(?<!that )(?<!which )\b(" + "|".join(sorted(MODALS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
CONSENT = r"(?:the )?(?:prior )?(?:written )?(?:consent|approval|authori[sz]ation|permission)"
EXCEPT = re.compile(
    rf",? (?:except|unless|other than) with {CONSENT} of (?:the )?[\w ]*?(?=[,.;]|$)"
)
WITHOUT = re.compile(rf"\bwithout {CONSENT}\b")
PERMISSION = re.compile(
    r"\bmay (?:be )?(?:release|disclose|share|pass|transmit|communicate|use|translate|reproduce"
    r"|store|released|disclosed|shared|passed|transmitted|used)"
)
NEGATIVE = re.compile(
    r"\b(?:shall not|may not|must not|not be|neither|no party|prohibited)\b", re.IGNORECASE
)
PARTY_PAIRS = (
    ("Originating Party", "Receiving Party"),
    ("originating Party", "receiving Party"),
    ("Aldoria", "Brevia"),
    ("Brevia", "Caldera"),
    ("Caldera", "Aldoria"),
    ("host Party", "sending Party"),
    ("Originator", "Recipient"),
)
LEVELS = ("TOP SECRET", "SECRET", "CONFIDENTIAL", "RESTRICTED")
LEVEL = re.compile(r"\b(TOP SECRET|SECRET|CONFIDENTIAL|RESTRICTED)\b")
SYNONYMS = (
    ("prior written consent", "written consent given in advance"),
    ("without delay", "promptly"),
    ("in accordance with", "in conformity with"),
    ("notify", "inform"),
    ("costs", "expenses"),
    ("at least", "not less than"),
    ("no later than", "not later than"),
    ("shall ensure", "shall make sure"),
    ("measures", "steps"),
    ("appropriate", "suitable"),
    ("reciprocal", "mutual"),
    ("amend", "modify"),
    ("by mutual agreement", "by common accord"),
    ("in writing", "in written form"),
    ("prohibited", "forbidden"),
    ("permitted", "allowed"),
    ("pursuant to", "under"),
    ("remain in force", "remain in effect"),
    ("immediately", "at once"),
    ("approval", "consent"),
    ("shall", "must"),
    ("release", "disclose"),
    ("Intelligence", "intelligence material"),
    ("Classified Information", "classified material"),
    ("request", "ask for"),
    ("submitted", "sent"),
    ("designate", "appoint"),
    ("each year", "annually"),
    ("twice a year", "every six months"),
)
COORDINATION = re.compile(r"\b([a-z]{4,}) (and|or) ([a-z]{4,})\b")
NOT_COORDINATED = frozenset(
    "shall must will which that with from into such their other this these those been have".split()
)


def _render(value: int, unit: str, as_word: bool, possessive: bool = False) -> str:
    words = {v: k for k, v in NUMBER_WORDS.items()}
    number = words[value] if as_word and value in words else str(value)
    plural = "s" if value != 1 else ""
    suffix = ("'" if plural else "'s") if possessive else ""
    return f"{number} {unit}{plural}{suffix}"


def _value(match: re.Match[str]) -> int:
    raw = match["n"].lower()
    return NUMBER_WORDS[raw] if raw in NUMBER_WORDS else int(raw)


def _replace(text: str, match: re.Match[str], new: str) -> str:
    return text[: match.start()] + new + text[match.end() :]


def _pick(pattern: re.Pattern[str], text: str, rng: random.Random) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return rng.choice(matches) if matches else None


def change_number(text: str, rng: random.Random) -> str | None:
    """Contradiction: a duration becomes another (5 years → 10 years, 24 hours → 30 days)."""
    match = _pick(DURATION, text, rng)
    if match is None:
        return None
    hours = _value(match) * UNIT_HOURS[match["u"].lower()]
    unit = rng.choice(list(UNIT_HOURS)) if rng.random() < 0.3 else match["u"].lower()
    choices = [
        v
        for v in (1, 2, 3, 5, 6, 7, 10, 12, 14, 15, 20, 24, 30, 48, 60, 72, 90)
        if v * UNIT_HOURS[unit] != hours
    ]
    new = _render(rng.choice(choices), unit, match["n"].isalpha(), possessive=bool(match["pos"]))
    return _replace(text, match, new)


def equivalent_number(text: str, rng: random.Random) -> str | None:
    """Entailment: a duration said another way (72 hours → three days, 12 months → one year)."""
    match = _pick(DURATION, text, rng)
    if match is None or match["q"] or match["pos"]:
        return None
    hours = _value(match) * UNIT_HOURS[match["u"].lower()]
    options = [
        _render(hours // per, unit, as_word)
        for unit, per in UNIT_HOURS.items()
        for as_word in (True, False)
        if hours % per == 0 and 0 < hours // per <= 120
    ]
    options = [o for o in options if o.lower() != match.group(0).lower().replace("-", " ")]
    return _replace(text, match, rng.choice(options)) if options else None


def flip_modal(text: str, rng: random.Random) -> str | None:
    """Contradiction: shall ↔ shall not, may ↔ may not, is permitted ↔ is prohibited."""
    match = _pick(MODAL, text, rng)
    if match is None:
        return None
    new = MODALS[match.group(0).lower()]
    if match.group(0)[0].isupper():
        new = new[0].upper() + new[1:]
    return _replace(text, match, new)


def flip_exception(text: str, rng: random.Random) -> str | None:
    """Contradiction: drop or invert a consent exception, or add one to a bare permission."""
    exception = EXCEPT.search(text)
    if exception and NEGATIVE.search(text):
        return _replace(text, exception, " under any circumstances")
    without = WITHOUT.search(text)
    if without and not NEGATIVE.search(text):
        return _replace(text, without, "only with the prior written consent")
    permission = PERMISSION.search(text)
    if permission and not NEGATIVE.search(text) and text.rstrip().endswith("."):
        who = rng.choice(("the Originating Party", "the Party that provided it", "the originator"))
        return text.rstrip()[:-1] + f", but only with the prior written consent of {who}."
    return None


def swap_party(text: str, rng: random.Random) -> str | None:
    """Contradiction: the duty or right moves to the other party (when only one is named)."""
    options = [(a, b) for a, b in PARTY_PAIRS if a in text and b not in text]
    options += [(b, a) for a, b in PARTY_PAIRS if b in text and a not in text]
    if not options:
        return None
    old, new = rng.choice(options)
    return re.sub(rf"\b{old}", new, text)


def swap_level(text: str, rng: random.Random) -> str | None:
    """Contradiction: a classification level becomes another one."""
    match = _pick(LEVEL, text, rng)
    if match is None:
        return None
    return _replace(text, match, rng.choice([lv for lv in LEVELS if lv != match.group(0)]))


def swap_synonym(text: str, rng: random.Random) -> str | None:
    """Entailment: a phrase becomes an equivalent one."""
    options = [(a, b) for a, b in SYNONYMS if a != b and re.search(rf"\b{re.escape(a)}\b", text)]
    options += [(b, a) for a, b in SYNONYMS if a != b and re.search(rf"\b{re.escape(b)}\b", text)]
    if not options:
        return None
    old, new = rng.choice(options)
    return re.sub(rf"\b{re.escape(old)}\b", new, text, count=1)


def reorder(text: str, rng: random.Random) -> str | None:
    """Entailment: coordinated words ("storage and handling") or sentences change places."""
    matches = [m for m in COORDINATION.finditer(text) if not {m[1], m[3]} & NOT_COORDINATED]
    if matches:
        match = rng.choice(matches)
        return _replace(text, match, f"{match[3]} {match[2]} {match[1]}")
    sentences = re.split(r"(?<=\.) (?=[A-Z])", text)
    if len(sentences) > 1:
        return " ".join(sentences[1:] + sentences[:1])
    return None


CONTRADICTION_RECIPES: dict[str, Recipe] = {
    "change_number": change_number,
    "flip_modal": flip_modal,
    "flip_exception": flip_exception,
    "swap_party": swap_party,
    "swap_level": swap_level,
}
ENTAILMENT_RECIPES: dict[str, Recipe] = {
    "equivalent_number": equivalent_number,
    "swap_synonym": swap_synonym,
    "reorder": reorder,
}
