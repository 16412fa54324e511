"""The act a modal statement is about: its verb class, the noun explanations use, its recipient.

"shall not release", "shall not be disclosed", "may pass ... on" are all the act "release"; the
recipient ("to a third State", "to its contractors") says which release it is.
"""

from __future__ import annotations

import re

from qa.conflicts.topics import stems

_FIRST_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
_ACTIONS: tuple[tuple[str, str], ...] = (
    ("access", r"ha(?:ve|s|ving)\s+(?:\w+\s+)?access"),
    (
        "release",
        r"releas|disclos|publi|transfer|pass|disseminat|shar|communicat|forward"
        r"|ma(?:k\w*|de)\s+available"
        r"|hand\w*\s+over|giv\w*\s+access|given\s+access",
    ),
    ("use", r"us(?:e|ed|ing)\b|employ|exploit"),
    ("inspect", r"inspect|carr(?:y|ied)\s+out\s+(?:\w+\s+)?inspections|search"),
    ("retain", r"retain|keep|kept|stor"),
    ("destroy", r"destr|eras|delet|dispos"),
    ("return", r"return"),
    ("reproduce", r"reproduc|cop(?:y|ied)\b|ma(?:k\w*|de)\s+(?:\w+\s+)?cop(?:y|ies)"),
    ("translate", r"translat"),
    ("downgrade", r"downgrad|declassif|reclassif"),
    ("notify", r"notif|inform|report|alert"),
    ("grant access", r"grant|admit"),
    ("take part", r"take\s+part|tak\w*\s+part|participat"),
    ("conduct", r"conduct|carr(?:y|ied)\s+out"),
    ("carry", r"carr(?:y|ied)"),
    ("wear", r"wear|worn"),
    ("exchange", r"exchang"),
    ("provide", r"provid|suppl|furnish"),
    ("designate", r"designat|appoint"),
    ("withdraw", r"withdr[ae]w"),
    ("terminate", r"terminat|ended\b|end\b"),
)
# Words for one object: "intelligence", "information", "documents", "material" name what is
# exchanged; "breach", "compromise" and "incident" the security event; "weapons" and "arms".
_INFORMATION = {
    "intel": "info",
    "infor": "info",
    "docum": "info",
    "mater": "info",
    "detai": "info",
    "breac": "incid",
    "compr": "incid",
    "viola": "incid",
    "weapo": "arms",
    "firea": "arms",
}
# Qualifiers that say where the object came from, not what it is.
# Role nouns too: "notify the sending State" and "notify the sending Party" name one addressee.
_OBJECT_NOISE = frozenset(
    "recei excha trans class under state party parti natio count gover".split()
)
_NOUNS = {
    "destroy": "destruction",
    "retain": "retention",
    "reproduce": "reproduction",
    "translate": "translation",
    "downgrade": "downgrading",
    "notify": "notification",
    "grant access": "granting access",
    "take part": "taking part",
    "carry": "carrying",
    "wear": "wearing",
    "provide": "provision",
    "designate": "designation",
    "withdraw": "withdrawal",
    "terminate": "termination",
}  # how explanations name each act
ACTION_NAMES = frozenset(name for name, _ in _ACTIONS)
_ACTION_RES = tuple(
    (name, re.compile(rf"(?:{pattern})\w*", re.IGNORECASE)) for name, pattern in _ACTIONS
)
_TARGETS: tuple[tuple[str, str], ...] = (
    (
        "third parties",
        r"third\s+(?:part(?:y|ies)|States?|countr(?:y|ies)|organi[sz]ations?)"
        r"|non-member\s+States?|any\s+other\s+State",
    ),
    ("contractors", r"contractors?"),
    ("law enforcement", r"law\s+enforcement|police|judicial\s+proceedings|prosecut\w*"),
    (
        "government departments",
        r"government\s+departments?|other\s+(?:departments|agencies|ministries)",
    ),
    ("its own forces", r"(?:its|their)\s+(?:own\s+)?(?:national\s+)?(?:armed\s+)?forces"),
    ("the public", r"the\s+public|publicly|publi(?:sh\w*|cation)|the\s+(?:press|media)"),
)
_TARGET_RES = tuple(
    (name, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for name, pattern in _TARGETS
)


def read_action(text: str) -> tuple[str, int] | None:
    """The verb class a text opens with, and how long the verb is."""
    for name, pattern in _ACTION_RES:
        match = pattern.match(text)
        if match:
            return name, match.end()
    word = _FIRST_WORD.match(text)
    return (word.group(0).lower()[:5], word.end()) if word else None


def read_target(text: str) -> tuple[str, str] | None:
    """The recipient class a text names ("third parties", "contractors") and its wording."""
    for name, pattern in _TARGET_RES:
        match = pattern.search(text)
        if match:
            return name, match.group(0)
    return None


def act_noun(action: str) -> str:
    """How explanations name an act ("destroy" -> "destruction")."""
    return _NOUNS.get(action, action)


def object_stems(text: str) -> frozenset[str]:
    """Content stems of an object, with the words for exchanged information made one."""
    return frozenset(_INFORMATION.get(stem, stem) for stem in stems(text) - _OBJECT_NOISE)
