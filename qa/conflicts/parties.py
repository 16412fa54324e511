"""Who holds a duty: actors named in a clause, and duties only one of them can hold.

Actors are roles ("the originating Party", "the host State"), named states ("the Government of
Aldoria", "Brevia") or collective forms ("each Party ... its own", "both Parties jointly").
"Each Party" / "either Party" are not actors: they bind everyone, so they never contradict a
named holder of an ordinary duty.
"""

from __future__ import annotations

import re

EACH_OWN = "each Party (its own)"
JOINT = "both Parties jointly"
SHARED = "the Parties in shares"

_ROLE_LABELS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), label)
    for pattern, label in (
        (r"originat\w*|providing|provider|supplying|transmitting|lending|releasing", "originating"),
        (r"receiving|recipient", "receiving"),
        (r"host(?:ing)?", "host"),
        (r"requesting", "requesting"),
        (r"sending", "sending"),
        (r"respondent", "respondent"),
        (r"unsuccessful|losing", "losing"),
    )
)
_NOUNS = (
    r"Party|Parties|State|States|Nation|Government|authorit(?:y|ies)|Participant|country|nation"
)
_ROLE = re.compile(
    r"\b(?:(?P<role>originat\w*|providing|supplying|transmitting|lending|releasing|receiving|host"
    rf"|requesting|sending|respondent|unsuccessful|losing)\s+(?P<noun>{_NOUNS})\b"
    r"|(?P<solo>originator|recipient|provider)\b"
    r"|Party\s+(?P<after>hosting|(?:that|which)\s+leads|against\s+wh(?:ich|om)))",
    re.IGNORECASE,
)
_NAMED = re.compile(
    r"\b(?:Government|Republic|Kingdom|Ministry\s+of\s+Defence)\s+of\s+(?:the\s+)?(?P<name>[A-Z][a-z]+)"
)
_BY = re.compile(r"\bby\s+(?:the\s+)?(?P<who>[^,;.]{1,60})")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
_NAME_SUFFIXES = (
    "tion",
    "sion",
    "ment",
    "ance",
    "ence",
    "ity",
    "ship",
    "al",
    "ure",
    "ery",
    "ing",
    "s",
    "ice",
    "ness",
    "el",
    "ed",
    "er",
    "ly",
    "ive",
    "ous",
    "ary",
    "age",
    "cy",
)  # endings of common nouns and adjectives that open sentences; country names rarely end so
_NOT_NAMES = frozenset(
    "Each Either Neither Both Where When Unless Except With Without Once Notice Liaison Joint"
    " Annex Article Agreement Arrangement Party Parties State States Nation Government Council"
    " Committee Alliance Depositary Receipt Material Imagery Intelligence Information English"
    " International Interest Security National Authority Office Late Target Access Retention"
    " This That These Those Notification Compensation Withdrawal Amendments Official Participant"
    " Participants Centre Memorandum Member Permanent Court Tribunal Chamber Commission Secretary"
    " General Supreme European Headquarters Organisation Organization Treaty Convention Protocol"
    " Understanding Exchange Letters".split()
)
_JOINT = re.compile(r"\bjointly\b|\bboth\s+Parties\b", re.IGNORECASE)


def is_probable_name(word: str) -> bool:
    """Whether a capitalised word looks like a state's name rather than a sentence-opening noun."""
    if word in _NOT_NAMES or not word[:1].isupper() or not word[1:].islower() or len(word) < 4:
        return False
    return not word.lower().endswith(_NAME_SUFFIXES)


def _role_label(match: re.Match[str]) -> str:
    if match.group("after"):
        after = match.group("after").lower()
        role = "host" if after == "hosting" else "lead" if "leads" in after else "losing"
        return f"{role} Party"
    word = (match.group("role") or match.group("solo")).lower()
    noun = match.group("noun") or "Party"
    noun = "Party" if noun.lower().startswith(("part", "participant")) else noun
    label = next(name for pattern, name in _ROLE_LABELS if pattern.fullmatch(word))
    if label == "receiving" and noun.lower() in ("state", "nation", "country"):
        return "host State"  # in a status-of-forces agreement the receiving State is the host
    return f"{label} {noun}"


def actor_in(text: str, first: bool = False) -> str | None:
    """The actor a stretch of text names last (nearest the verb that follows it), if any;
    with `first`, the one it names first ("by the Receiving State on behalf of the Sending
    State")."""
    found: list[tuple[int, str]] = [(m.start(), _role_label(m)) for m in _ROLE.finditer(text)]
    found += [(m.start(), m.group("name")) for m in _NAMED.finditer(text)]
    if found:
        return min(found)[1] if first else max(found)[1]
    words = text.replace("The ", "").split()
    if len(words) == 1 and is_probable_name(words[0]):
        return words[0]
    return None


_NAME_BEFORE_VALUE = re.compile(
    r"\b(?:of|with|and|for)\s+(?P<name>[A-Z][a-z]{3,})(?:['’]s)?(?:\s+\w+ing|\s+(?:shall|will)\s+be)?\s*$"
)


def name_near(text: str) -> str | None:
    """A state named right before a value: "with Aldoria contributing", "that of Brevia"."""
    match = _NAME_BEFORE_VALUE.search(text)
    return match.group("name") if match and is_probable_name(match.group("name")) else None


def _name_in(text: str) -> str | None:
    names = [word for word in _CAPITALISED.findall(text) if is_probable_name(word)]
    return names[-1] if names else None


def actor_by(text: str) -> str | None:
    """The agent of a passive verb: "borne by the receiving Party", "chaired by Estmark"."""
    if _JOINT.search(text):
        return JOINT
    match = _BY.search(text)
    if match is None:
        return None
    who = match.group("who")
    return actor_in(who, first=True) or _name_in(who.split(" in ")[0]) or _body(who)


_CAPITALISED_RUN = re.compile(r"((?:[A-Z][A-Za-z]*\s?)+)")
_GENERIC_BODIES = frozenset("Party Parties State States Agreement Arrangement".split())


def _body(text: str) -> str | None:
    """A named body such as "the MDA Council" (capitalised words after the article)."""
    match = _CAPITALISED_RUN.match(text.strip())
    name = match.group(1).strip() if match else ""
    return name if name and name not in _GENERIC_BODIES else None


_GIVER_AFTER = re.compile(
    r"(?:consent|approval|authori[sz]ation|permission|agreement)\s+(?:of|from)\s+(?:the\s+)?"
    r"(?P<who>[^,;.]{1,60})",
    re.IGNORECASE,
)
_GIVER_BEFORE = re.compile(
    r"(?P<who>\w+(?:\s+\w+)?)(?:'s|’s)\s+(?:\w+\s+){0,2}(?:consent|approval|authori[sz]ation|permission)",
    re.IGNORECASE,
)


def consent_giver(clause: str, condition_at: int) -> str | None:
    """Whose consent a condition names: "consent of the MDA Council", "the originator's approval".

    Without such a phrase, the last actor named from the condition on ("unless the supplying Party
    has agreed").
    """
    for pattern in (_GIVER_AFTER, _GIVER_BEFORE):
        match = pattern.search(clause)
        if match:
            who = match.group("who")
            return actor_in(who) or _body(who)
    return actor_in(clause[condition_at:])


def actor_key(actor: str) -> str:
    """Comparison key: role or first letters of a name ("Aldoria" = "Aldorian")."""
    return actor.lower()[:5]


def actors_compatible(a: str | None, b: str | None) -> bool:
    """Unknown actors are compatible with anyone; named ones must be the same."""
    return a is None or b is None or actor_key(a) == actor_key(b)
