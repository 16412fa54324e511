"""How far a rule reaches: absolute wording, carve-outs, the only means allowed, inclusions.

"No member ... may be arrested, even when caught in the act" rules out the exception that
"save in the case of an offence detected in the act" allows. "..., with the exception of mail
bearing an official seal" carves out what another clause may regulate the other way without
contradicting it. "shall be transmitted only through government channels" names the only means,
so a permission to use commercial couriers breaks it.
"""

from __future__ import annotations

import re

from qa.conflicts.topics import stems

_F = re.IGNORECASE
_ABSOLUTE = re.compile(
    r"\beven\s+(?:when|if|where|in|though|after)\b|\bin\s+(?:all|any)\s+cases?\b"
    r"|\bunder\s+(?:no|any)\s+circumstances\b|\bin\s+no\s+case\b|\bwhatever\s+the\b"
    r"|\bwithout\s+exception\b|\bwhoever\s+the\b|\bat\s+any\s+time\b",
    _F,
)
_UNIVERSAL = re.compile(
    r"\banywhere\b|\beverywhere\b|\bthroughout\s+the\s+territory\b|\bin\s+all\s+cases\b"
    r"|\bat\s+all\s+times\b|\bwhether\s+(?:on|in)\s+or\b",
    _F,
)
_CARVE = re.compile(
    r"\b(?:with\s+the\s+exception\s+of|except\s+for|excluding|other\s+than|save\s+for"
    r"|except\s+(?=the\s|members|persons|staff|mail|goods|those|income))\s+(?P<what>[^,;.]{3,80})",
    _F,
)
_INCLUDING = re.compile(
    r"\b(?:including|includ\w+|even)\s+(?P<what>[^,;.]{3,80})|\bthis\s+obligation\s+binds\s+all\b",
    _F,
)
_ONLY_MEANS = re.compile(
    r"\bonly\s+(?:through|by|via|using|by\s+means\s+of)\s+(?P<how>[^;.]{3,100})", _F
)
_MEANS = re.compile(r"\b(?:through|by|via|using|by\s+means\s+of)\s+(?P<how>[^,;.]{3,80})", _F)
_MEANS_NOISE = frozenset("other appro natio secur autho gover".split())


def is_absolute(text: str) -> bool:
    """Whether a clause rules out every exception ("in all cases", "even when ...")."""
    return _ABSOLUTE.search(text) is not None


def is_universal(text: str) -> bool:
    """Whether a clause applies in every place or setting ("anywhere in the territory")."""
    return _UNIVERSAL.search(text) is not None


def carve_out(text: str) -> frozenset[str]:
    """Stems of what a clause excepts from its rule ("with the exception of mail ...")."""
    match = _CARVE.search(text)
    return stems(match.group("what")) if match else frozenset()


def inclusion(text: str) -> frozenset[str]:
    """Stems of what a clause expressly includes ("including persons recruited locally")."""
    match = _INCLUDING.search(text)
    if match is None:
        return frozenset()
    return stems(match.group("what") or "all persons")


def only_means(text: str) -> frozenset[str]:
    """Stems of the only means a clause allows ("only through diplomatic courier ...")."""
    match = _ONLY_MEANS.search(text)
    return stems(match.group("how")) - _MEANS_NOISE if match else frozenset()


def means(text: str) -> frozenset[str]:
    """Stems of the means a clause names ("by commercial courier companies")."""
    found: frozenset[str] = frozenset()
    for match in _MEANS.finditer(text):
        found |= stems(match.group("how"))
    return found - _MEANS_NOISE
