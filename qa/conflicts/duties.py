"""Duties only one holder can have: paying costs, chairing, acting as depositary, investigating.

Two agreements that give such a duty to different holders ("the originating Party shall bear the
costs" vs "the costs shall be borne by the receiving Party") contradict each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from qa.conflicts.parties import EACH_OWN, SHARED, actor_by, actor_in
from qa.conflicts.topics import stems

_EACH_OWN = re.compile(
    r"\beach\s+(?:Party|State|member\s+State|Participant)\b.*\bits\s+own\b", re.I
)
_SHARED = re.compile(r"\bshared\b|\bequal\s+(?:shares|parts)\b|\bequally\b|\bsplit\b", re.I)


class Duty(StrEnum):
    """Duties that only one holder can have: two agreements naming different holders collide."""

    COSTS = "costs"
    DEPOSITARY = "depositary"
    CHAIR = "chair"
    INVESTIGATION = "investigation"
    CLAIMS = "handling of claims"
    SECURITY = "security of facilities"
    CLASSIFYING = "assigning the classification"


# Each duty: a cue right after the modal (active voice) or a cue in the subject with a passive verb.
_ACTIVE: dict[Duty, re.Pattern[str]] = {
    Duty.COSTS: re.compile(
        r"^(?:bear|meet|pay|defray|cover|reimburse)\b.*\b(?:costs?|expenses?|fees?)\b", re.I
    ),
    Duty.DEPOSITARY: re.compile(
        r"^(?:act|serve)\s+as\s+(?:the\s+)?Depositary|^be\s+the\s+Depositary", re.I
    ),
    Duty.CHAIR: re.compile(r"^(?:chair|preside)\b", re.I),
    Duty.INVESTIGATION: re.compile(r"^investigate\b", re.I),
    Duty.CLAIMS: re.compile(r"^(?:deal\s+with|handle|settle|process)\s+(?:\w+\s+)?claims\b", re.I),
    Duty.SECURITY: re.compile(
        r"^(?:provide|ensure|be\s+responsible\s+for)\s+(?:the\s+)?security\b", re.I
    ),
    Duty.CLASSIFYING: re.compile(
        r"^(?:assign|determine|decide)\s+(?:the\s+)?(?:security\s+)?classif", re.I
    ),
}
_PASSIVE: dict[Duty, tuple[re.Pattern[str], re.Pattern[str]]] = {
    Duty.COSTS: (
        re.compile(r"\bcosts?\b|\bexpenses?\b", re.I),
        re.compile(r"^be\s+(?:borne|paid|met|shared|covered|charged|divided)\b", re.I),
    ),
    Duty.CHAIR: (re.compile(r"\bchair\b", re.I), re.compile(r"^be\s+held\s+by\b", re.I)),
    Duty.INVESTIGATION: (re.compile(r"."), re.compile(r"^be\s+investigated\b", re.I)),
    Duty.CLAIMS: (
        re.compile(r"\bclaims?\b", re.I),
        re.compile(r"^be\s+(?:dealt\s+with|handled|settled|processed)\b", re.I),
    ),
    Duty.CLASSIFYING: (
        re.compile(r"\bclassification\b", re.I),
        re.compile(r"^be\s+(?:assigned|determined|decided)\b", re.I),
    ),
}
_CHAIRED = re.compile(r"^be\s+chaired\s+by\b", re.IGNORECASE)
_DUTY_WORDS = frozenset(
    "costs cost expen bear borne paid meet share chair chair held depos act inves claim dealt"
    " handl secur provi respo assig deter gover arisi incur inclu relat own equal joint".split()
)


@dataclass(frozen=True)
class DutyClaim:
    """ "<actor> holds <duty> for <matter>", read from one clause."""

    duty: Duty
    actor: str
    matter: frozenset[str]  # content stems of what the duty is about
    sentence: str


def _duty_of(subject: str, rest: str) -> tuple[Duty, bool] | None:
    """Which duty a modal clause assigns, and whether it does so in the passive voice."""
    for duty, pattern in _ACTIVE.items():
        if pattern.search(rest):
            return duty, False
    if _CHAIRED.search(rest):
        return Duty.CHAIR, True
    for duty, (in_subject, verb) in _PASSIVE.items():
        if verb.search(rest) and in_subject.search(subject):
            return duty, True
    return None


def find_duty(subject: str, rest: str, sentence: str) -> DutyClaim | None:
    """A duty claim from the text before (`subject`) and after (`rest`) a modal verb."""
    found = _duty_of(subject, rest.strip())
    if found is None:
        return None
    duty, passive = found
    actor: str | None
    if duty is Duty.COSTS and _SHARED.search(rest):
        actor = SHARED
    elif _EACH_OWN.search(subject + " " + rest):
        actor = EACH_OWN
    else:
        actor = actor_by(rest) if passive else actor_in(subject)
    if actor is None:
        return None
    text = subject + " " + rest
    if duty is Duty.COSTS:
        text = cost_object(text)
    drop = stems(actor) | _DUTY_WORDS
    matter = frozenset(s for s in stems(text) if s not in drop)
    return DutyClaim(duty, actor, matter, sentence)


_COST_OBJECT = re.compile(
    r"(?P<before>(?:[\w-]+\s+){0,2})(?:costs?|expenses?|fees?)\b(?:\s+(?:of|for|arising\s+from"
    r"|related\s+to|incurred\s+in|it\s+incurs\s+in)\s+(?P<after>[^,;.]*))?",
    re.IGNORECASE,
)
_COST_MODIFIERS = re.compile(
    r"\b(?:the|all|its|their|own|any|such|associated|related|relevant|remaining|bear|meet|pay|shall"
    r"|be|borne|and)\b",
    re.IGNORECASE,
)


def cost_object(text: str) -> str:
    """What costs are for: "the travel costs of its visitors" -> "travel its visitors"."""
    match = _COST_OBJECT.search(text)
    if match is None:
        return ""
    return _COST_MODIFIERS.sub(" ", f"{match.group('before')} {match.group('after') or ''}")
