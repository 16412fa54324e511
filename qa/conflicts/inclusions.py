"""Exceptions to a benefit against clauses that give it to the excepted group.

"Salaries ... shall be exempt from taxation ..., except for the income of staff recruited locally"
against "Remuneration ..., including persons recruited locally, shall be free of tax": what one
excepts, the other includes. A clause that only regulates the excepted group some other way
("Visas required by members of the civilian component shall be issued free of charge") is no
conflict: the benefit must be the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.conflicts.conditions import carve_out
from qa.conflicts.topics import overlap, stems

_BENEFIT = re.compile(
    r"\b(?:exempt\w*\s+from|free\s+of|without(?:\s+(?:a|any|the))?|not\s+(?:be\s+)?subject\s+to"
    r"|immun\w*\s+from)\s+(?P<what>(?:[\w-]+\s*){1,4})",
    re.IGNORECASE,
)
MIN_NAMED = 0.5  # share of the excepted group's words the other clause must name


@dataclass(frozen=True)
class BenefitClaim:
    """A benefit a sentence grants, and whom it excepts from it."""

    benefit: frozenset[str]  # first letters of what the benefit frees from ("tax", "vis")
    excepted: frozenset[str]  # stems of the excepted group; empty when none
    words: frozenset[str]  # stems of the whole sentence
    sentence: str


def find_benefits(sentence: str) -> list[BenefitClaim]:
    """The benefit of a sentence ("exempt from", "free of", "without"), with its carve-out."""
    match = _BENEFIT.search(sentence)
    if match is None:
        return []
    benefit = frozenset(stem[:3] for stem in stems(match.group("what")))
    if not benefit:
        return []
    return [BenefitClaim(benefit, carve_out(sentence), stems(sentence), sentence)]


def inclusion_clash(x: BenefitClaim, y: BenefitClaim) -> bool:
    """Whether `y` grants the benefit of `x` to the group `x` excepts from it."""
    if not x.excepted or not x.benefit & y.benefit:
        return False
    if y.excepted and overlap(x.excepted, y.excepted) >= MIN_NAMED:
        return False  # both except the same group
    return len(x.excepted & y.words) / len(x.excepted) >= MIN_NAMED


_WAIVER = re.compile(
    r"\bwaiv\w*|\b(?:is|are|shall\s+be)\s+not\s+applicable\b|\bshall\s+not\s+apply\b", re.I
)
_WAIVES = re.compile(r"\bwaiv\w*", re.I)
_HARM = re.compile(r"\b(?:injur\w*|death|damage|loss|property)\b", re.I)
_FAULT = re.compile(r"gross\s+negligence|wil(?:l)?ful\s+misconduct|wil(?:l)?fully", re.I)


@dataclass(frozen=True)
class WaiverClaim:
    """A waiver of claims, or a sentence saying when it does not apply."""

    excludes_fault: bool  # no waiver for damage caused by gross negligence or wilful misconduct
    harms: frozenset[str]  # "injur", "death", "damag", "loss", "prope"
    sentence: str


def find_waivers(sentence: str) -> list[WaiverClaim]:
    """The waiver a sentence states (or limits), with the harms it covers."""
    harms = frozenset(match.group(0).lower()[:5] for match in _HARM.finditer(sentence))
    if not harms or not _WAIVER.search(sentence):
        return []
    fault = _FAULT.search(sentence) is not None
    if not fault and not _WAIVES.search(sentence):
        return []  # "shall not apply" without a fault exception is not about the waiver
    return [WaiverClaim(fault, harms, sentence)]
