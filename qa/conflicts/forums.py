"""Where disputes go and which law, court or text governs.

One sentence can name several things: "Disputes not settled by negotiation within 90 days shall be
referred to arbitration" uses negotiation and arbitration (an escalation, not a contradiction).
A forum named after "shall not be referred to any ..." or "to the exclusion of any ..." is excluded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from qa.conflicts.parties import actor_in, actor_key, is_probable_name

_F = re.IGNORECASE


class Aspect(StrEnum):
    """What a claim settles; the value is how explanations name it."""

    FORUM = "dispute settlement"
    JURISDICTION = "jurisdiction"
    LAW = "governing law"
    SEAT = "seat of arbitration"
    TEXT = "authentic text"


class Forum(StrEnum):
    """Ways of settling a dispute."""

    NEGOTIATION = "negotiation between the Parties"
    ARBITRATION = "arbitration"
    COURTS = "national courts"
    INTERNATIONAL_COURT = "an international court"
    BODY = "a decision of a joint body"


# Forums that decide a dispute; two different ones for the same disputes cannot both be final.
DECIDING = frozenset({Forum.ARBITRATION, Forum.COURTS, Forum.INTERNATIONAL_COURT, Forum.BODY})

_FORUMS: tuple[tuple[Forum, re.Pattern[str]], ...] = (
    (
        Forum.INTERNATIONAL_COURT,
        re.compile(r"\bInternational\s+Court\s+of\s+Justice|\binternational\s+courts?\b", _F),
    ),
    (Forum.NEGOTIATION, re.compile(r"\bnegotiat\w*|\bconsultations?\b|\bamicabl\w*", _F)),
    (Forum.ARBITRATION, re.compile(r"\barbitra\w*|\btribunals?\b", _F)),
    (Forum.COURTS, re.compile(r"(?<!international\s)\bcourts?\b(?!\s+of\s+Justice)", _F)),
    (
        Forum.BODY,
        re.compile(
            r"\b(?:settled|decided|resolved|determined)\s+by\s+the\s+(?:Council|Joint\s+Committee|Commission)\b"
            r"(?:\s+of\s+the(?:\s+[A-Z]\w+)+)?",
            _F,
        ),
    ),
)
_CLAUSE_BREAK = re.compile(r"[,;]")
_DISPUTE_WORDS = re.compile(r"\bdisput|\bdifferences?\b|\bdisagree|\bsettle", _F)
_NEGATION = re.compile(r"\b(?:not|no|never)\b|\bexclusion\s+of\b|\bwithout\s+recourse\s+to\b", _F)
_ANY_BEFORE = re.compile(r"\b(?:any|exclusion\s+of|recourse\s+to)\s+(?:\w+\s+){0,3}$", _F)
_THIRD_PARTY = re.compile(r"\bany\s+(?:\w+\s+){0,3}third\s+part(?:y|ies)\b", _F)
_EXCLUSIVELY = re.compile(
    r"\b(?:exclusively|only|solely)\s+(?:by|through)\s+(?:\w+\s+)?(?:negotiat|consult)", _F
)
_PLACE = (
    r"(?P<place>(?:receiving|sending|host|respondent|requesting|originating)\s+(?:State|Party)"
    r"|[A-Z][a-z]+)"
)
_COURTS_OF = re.compile(
    rf"\bcourts?\s+of\s+(?:the\s+)?(?:Republic\s+of\s+|Kingdom\s+of\s+)?{_PLACE}"
)
_ADJ_COURTS = re.compile(r"\b(?P<place>[A-Z][a-z]+(?:an|ish|ese))\s+courts?\b")
_HOLDER_OF = re.compile(r"\bjurisdiction\s+of\s+(?:the\s+)?(?P<who>[^,;.]{1,60})", _F)
_HOLDER_HAS = re.compile(
    r"(?P<who>[^,;.]{1,60}?)\s+(?:shall|will)\s+have\s+(?:\w+\s+){0,2}jurisdiction\b"
)
_LAW = re.compile(
    r"\blaws?\s+of\s+(?:the\s+)?(?:Republic\s+of\s+|Kingdom\s+of\s+)?(?P<place>[A-Z][a-z]+)"
    r"|\b(?P<adj>[A-Z][a-z]+(?:an|ish|ese))\s+law\b|\b(?P<intl>international)\s+law\b"
)
_SEAT = re.compile(
    r"\b(?:seated|sitting|seat\s+(?:of\s+arbitration\s+)?shall\s+be)\s+in\s+(?P<place>[A-Z][a-z]+)"
)
_PREVAILS = re.compile(r"\b(?P<lang>[A-Z][a-z]+)\s+(?:text|version)\s+shall\s+prevail\b")
_MATTER = re.compile(
    r"\b(?:disputes?|disagreements?|differences?|claims?|offences?|contracts?|agreement"
    r"|arrangement|tribunal)\b",
    _F,
)
_PROPER = re.compile(r"(?<=\s)[A-Z][a-z]{2,}\b")
_GENERIC = frozenset("Party Parties State States Agreement Arrangement Government".split())
_GOVERNED = re.compile(r"\bgoverned\s+by\b|\bgoverning\s+law\b|\bapplicable\s+law\b", _F)
_ROLE_WORDS = frozenset("receiving sending host respondent requesting originating".split())


@dataclass(frozen=True)
class ForumClaim:
    """One thing a sentence says about how disputes are settled or what governs."""

    aspect: Aspect
    value: str  # a Forum's value, a place, a role, a language
    excluded: bool  # named only to be ruled out
    matter: str  # what is being settled or governed: "dispu", "claim", "agree" ...
    names: frozenset[str]  # other state names in the sentence ("the Aldorian facilities")
    uses: frozenset[str]  # every forum the sentence uses (an escalation uses several)
    sentence: str


def _excluded(sentence: str, start: int) -> bool:
    before = sentence[:start]
    clause = _CLAUSE_BREAK.split(before)[-1]
    return bool(_ANY_BEFORE.search(before)) and bool(_NEGATION.search(clause))


def _forums(sentence: str) -> list[tuple[str, bool, tuple[int, int]]]:
    found: list[tuple[str, bool, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for forum, pattern in _FORUMS:
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            found.append((forum.value, _excluded(sentence, match.start()), match.span()))
    about_disputes = _DISPUTE_WORDS.search(sentence) is not None  # "any third party" is common
    if about_disputes and (_EXCLUSIVELY.search(sentence) or _THIRD_PARTY.search(sentence)):
        named = {value for value, excluded, _ in found if not excluded}
        found += [(forum.value, True, (0, 0)) for forum in DECIDING if forum.value not in named]
    return found


def _places(sentence: str) -> list[tuple[Aspect, str, tuple[int, int]]]:
    lower = sentence.lower()
    if not any(word in lower for word in ("court", "jurisdiction", "law", "seat", "prevail")):
        return []  # cheap test first: the patterns below are costly on long sentences
    found: list[tuple[Aspect, str, tuple[int, int]]] = []
    for pattern in (_COURTS_OF, _ADJ_COURTS):
        found += [
            (Aspect.JURISDICTION, m.group("place"), m.span()) for m in pattern.finditer(sentence)
        ]
    for pattern in (_HOLDER_OF, _HOLDER_HAS):
        for match in pattern.finditer(sentence):
            who = actor_in(match.group("who"))
            if who is not None:
                found.append((Aspect.JURISDICTION, who, match.span()))
    for match in _LAW.finditer(sentence):
        place = match.group("place") or match.group("adj") or match.group("intl")
        found.append((Aspect.LAW, place.lower() if match.group("intl") else place, match.span()))
    found += [(Aspect.SEAT, m.group("place"), m.span()) for m in _SEAT.finditer(sentence)]
    found += [(Aspect.TEXT, m.group("lang"), m.span()) for m in _PREVAILS.finditer(sentence)]
    return [item for item in found if item[1].split()[-1] not in _GENERIC or " " in item[1]]


def find_forums(sentence: str) -> list[ForumClaim]:
    """Forum, jurisdiction, law, seat and authentic-text claims of one sentence."""
    forums = _forums(sentence)
    places = _places(sentence)
    if not forums and not places:
        return []
    matter_match = _MATTER.search(sentence)
    matter = matter_match.group(0).lower()[:5] if matter_match else ""
    matter = "dispu" if matter in ("disag", "diffe") else matter
    matter = "instr" if matter in ("agree", "arran") else matter
    spans = [span for *_, span in forums] + [span for *_, span in places]
    names = frozenset(
        m.group(0)
        for m in _PROPER.finditer(sentence)
        if is_probable_name(m.group(0)) and not any(s <= m.start() < e for s, e in spans)
    )
    uses = frozenset(value for value, excluded, _ in forums if not excluded)
    said = {(Aspect.FORUM, value, excluded) for value, excluded, _ in forums}
    said |= {(aspect, value, _excluded(sentence, span[0])) for aspect, value, span in places}
    return [ForumClaim(a, v, ex, matter, names, uses, sentence) for a, v, ex in sorted(said)]


def _differ(a: str, b: str) -> bool:
    return _place_key(a) != _place_key(b)


def _place_key(value: str) -> str:
    """ "receiving State", "host State" and "host nation" are one place."""
    key = actor_key(value)
    return "host " if key in ("recei", "host ") else key


def forum_clash(x: ForumClaim, y: ForumClaim) -> tuple[float, str] | None:
    """Score and note when two claims about the same matter cannot both hold."""
    if (
        x.aspect is not y.aspect
        or x.names != y.names
        or (x.matter and y.matter and x.matter != y.matter)
    ):
        return None
    stated = x.matter and x.matter == y.matter
    if not stated and x.aspect in (Aspect.FORUM, Aspect.LAW, Aspect.JURISDICTION):
        return None  # named for no stated matter ("shall not hold proceedings", "entitled to")
    governed = all(_GOVERNED.search(claim.sentence) for claim in (x, y))
    if x.aspect is Aspect.LAW and x.matter == "instr" and not governed:
        return None  # "in accordance with international law" said of amending the instrument
    if x.aspect is Aspect.FORUM:
        if x.value == y.value:
            return (0.9, "one excludes what the other uses") if x.excluded != y.excluded else None
        deciding = {forum.value for forum in DECIDING}
        escalation = x.value in y.uses or y.value in x.uses
        if not x.excluded and not y.excluded and {x.value, y.value} <= deciding and not escalation:
            return 0.75, "two different deciding forums"
        return None
    if x.excluded or y.excluded or not _differ(x.value, y.value):
        return None
    if x.aspect is Aspect.JURISDICTION and _is_role(x.value) != _is_role(y.value):
        return None  # "courts of the receiving State" and "German courts" may be the same courts
    return 0.9, ""


def _is_role(value: str) -> bool:
    words = value.split()
    return words[-1] in _GENERIC or words[0].lower() in _ROLE_WORDS
