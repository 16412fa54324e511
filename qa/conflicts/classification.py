"""Classification levels in clauses: equivalence tables and minimum handling or clearance levels.

Levels are placed on `ingest.markings.DEFAULT_SCALE` ("NATO SECRET" and "MDA SECRET" are both
SECRET). National markings that are not on the scale ("BRV HEMMELIG") are compared as written, by
the system prefix they carry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ingest.markings import DEFAULT_SCALE, ClassificationScale
from qa.conflicts.numbers import Bound, bounds_clash
from qa.conflicts.topics import jaccard, stems

_MARKING = re.compile(r"(?<![A-Za-z])[A-Z]{2,}(?:[ -][A-Z]{2,})*(?![A-Za-z])")
_EQUIVALENCE = re.compile(
    r"\bcorrespond\w*|\bequivalen\w*|\bequates?\s+to\b|\b(?:handled|protected|treated|handle|protect)\b"
    r"[^.;]{0,40}?\bas\b|=",
    re.IGNORECASE,
)
_CLEARANCE = re.compile(r"\bclearances?\b|\bcleared\b", re.IGNORECASE)
# A handling level is asserted by the predicate ("shall be marked SECRET"), not by a participle that
# only picks out material ("documents marked SECRET shall not be translated").
_HANDLING = re.compile(
    r"\b(?:be|is|are)\s+(?:\w+\s+)?(?:handled|protected|classified|marked|treated)\b"
    r"|\b(?:carry|bear)\s+the\s+marking\b|\bafford\w*\b[^.;]*\bprotection\b",
    re.IGNORECASE,
)
_LOWER_BEFORE = re.compile(
    r"\b(?:no|not)\s+lower\s+than(?:\s+that\s+of)?\s*$|\bat\s+least\s*(?:of\s+)?$|\bminimum(?:\s+of)?\s*$",
    re.IGNORECASE,
)
_UPPER_BEFORE = re.compile(r"\b(?:no|not)\s+higher\s+than\s*$|\bat\s+most\s*$|\bup\s+to\s*$", re.I)
_LOWER_AFTER = re.compile(r"^\s*(?:at\s+(?:a|the)\s+minimum|or\s+(?:higher|above))\b", re.I)
_UPPER_AFTER = re.compile(
    r"^\s*(?:or\s+(?:lower|below)|is\s+sufficient|suffices|shall\s+suffice|will\s+suffice)\b", re.I
)
# Words that say how a level applies, not what it applies to.
_NOISE = frozenset(
    "handl prote class marke marki treat affor carry level degre lower highe least minim maxim"
    " suffi than hold clear secur bear limit".split()
)


class Claim(StrEnum):
    """What a level is required for."""

    HANDLING = "handling level"
    CLEARANCE = "clearance level"
    NO_CLEARANCE = "no clearance needed"
    EXCLUDED = "outside the agreement"
    INCLUDED = "exchanged under the agreement"


# Capitalised words that are not markings (headings, acronyms of bodies).
_NOT_MARKINGS = frozenset(
    "ARTICLE ANNEX SCHEDULE CHAPTER SECTION SHAPE AGREEMENT PROTOCOL UNITED STATES AMERICA"
    " KINGDOM REPUBLIC NOTE PART".split()
)
_NO_CLEARANCE = re.compile(
    r"\bno\s+(?:\w+\s+){0,2}clearances?\s+(?:shall\s+be\s+|is\s+|will\s+be\s+)?(?:required|needed"
    r"|necessary)|\bwithout\s+(?:a\s+|any\s+)?(?:\w+\s+){0,2}clearances?\b|\bclearances?\s+"
    r"(?:is|are|shall\s+be)\s+not\s+(?:required|needed)",
    re.IGNORECASE,
)
_EXCLUDED = re.compile(
    r"\b(?:shall|does|do|will)\s+not\s+apply\s+to\b|\b(?:is|are)\s+excluded\s+from\b", re.I
)
_INCLUDED = re.compile(
    r"\bmay\s+be\s+(?:exchanged|provided|released|transmitted|communicated|transferred)\b"
    r"[^.;]*\bunder\s+this\b",
    re.I,
)


@dataclass(frozen=True)
class Marking:
    """A marking as written, with its system prefix and its place on the scale (if any)."""

    text: str  # "BRV HEMMELIG", "MDA SECRET", "SECRET"
    system: str  # "BRV", "MDA", "" for a bare level
    rank: int | None  # position on the scale; None for national markings off the scale


@dataclass(frozen=True)
class Equivalence:
    """ "<marking> corresponds to <marking>"."""

    left: Marking
    right: Marking
    sentence: str


@dataclass(frozen=True)
class LevelClaim:
    """ "<material> shall be handled at no lower than <level>"."""

    claim: Claim
    marking: Marking
    bound: Bound
    matter: frozenset[str]
    sentence: str


def _marking(text: str, scale: ClassificationScale) -> Marking | None:
    words = text.split()
    canonical = scale.canonical(text)
    if canonical is not None:
        whole = " ".join(words) in scale.levels or " ".join(words) in scale.aliases
        system = "" if whole else words[0]
        return Marking(" ".join(words), system, scale.levels.index(canonical))
    if len(words) >= 2 and len(words[0]) <= 5:
        return Marking(" ".join(words), words[0], None)
    if len(words) == 1 and len(words[0]) >= 5 and words[0] not in _NOT_MARKINGS:
        return Marking(words[0], "", None)  # a national level such as GEHEIM or HEMLIG
    return None


def find_markings(
    sentence: str, scale: ClassificationScale = DEFAULT_SCALE
) -> list[tuple[Marking, int, int]]:
    """Markings in a sentence with their spans (acronyms such as "MDA" alone are skipped)."""
    found: list[tuple[Marking, int, int]] = []
    for match in _MARKING.finditer(sentence):
        marking = _marking(match.group(0), scale)
        if marking is not None:
            found.append((marking, match.start(), match.end()))
    return found


def _bound(before: str, after: str) -> Bound:
    if _LOWER_BEFORE.search(before[-40:]) or _LOWER_AFTER.match(after):
        return Bound.LOWER
    if _UPPER_BEFORE.search(before[-40:]) or _UPPER_AFTER.match(after):
        return Bound.UPPER
    return Bound.EXACT


def _equivalences(markings: list[tuple[Marking, int, int]], sentence: str) -> list[Equivalence]:
    """ "A shall correspond to X and B to Y": consecutive national/scale pairs of one table."""
    pairs = [(markings[i][0], markings[i + 1][0]) for i in range(0, len(markings) - 1, 2)]
    if any((left.rank is None) == (right.rank is None) for left, right in pairs):
        pairs = pairs[:1]  # not an alternating table: the first two markings only
    return [Equivalence(left, right, sentence) for left, right in pairs]


def _claim(sentence: str) -> Claim | None:
    """What a sentence with a level says about it, if anything the checks compare."""
    if _NO_CLEARANCE.search(sentence):
        return Claim.NO_CLEARANCE
    if _EXCLUDED.search(sentence):
        return Claim.EXCLUDED
    if _INCLUDED.search(sentence):
        return Claim.INCLUDED
    if _CLEARANCE.search(sentence):
        return Claim.CLEARANCE
    return Claim.HANDLING if _HANDLING.search(sentence) else None


def find_classification(sentence: str) -> tuple[list[Equivalence], list[LevelClaim]]:
    """Equivalences (two markings and an equivalence cue) and level claims of one sentence."""
    markings = find_markings(sentence)
    if len(markings) >= 2 and _EQUIVALENCE.search(sentence):
        return _equivalences(markings, sentence), []
    markings = [m for m in markings if m[0].rank is not None]
    if not markings:
        return [], []
    claim = _claim(sentence)
    if claim is None:
        return [], []
    marking, start, end = markings[0]
    plain = sentence[:start] + sentence[end:]
    matter = frozenset(stem for stem in stems(plain) if stem not in _NOISE)
    return [], [
        LevelClaim(claim, marking, _bound(sentence[:start], sentence[end:]), matter, sentence)
    ]


def _same_system(a: Marking, b: Marking) -> bool:
    if a.system == b.system:
        return True
    return (not a.system or not b.system) and a.rank is not None and b.rank is not None


def equivalence_clash(x: Equivalence, y: Equivalence) -> tuple[str, str] | None:
    """The two differing targets when both map the same marking into one system differently."""
    for shared in (x.left, x.right):
        mine = x.right if shared is x.left else x.left
        for theirs_shared, theirs in ((y.left, y.right), (y.right, y.left)):
            if theirs_shared.text != shared.text or not _same_system(mine, theirs):
                continue
            differ = mine.rank != theirs.rank if mine.rank is not None else mine.text != theirs.text
            if differ:
                return f"{shared.text} = {mine.text}", f"{shared.text} = {theirs.text}"
    return None


_BOUND_WORDS = {Bound.EXACT: "", Bound.LOWER: "at least ", Bound.UPPER: "at most "}


# Claims that cannot both hold for material of one level, whatever else the sentences say.
_OPPOSED = ({Claim.NO_CLEARANCE, Claim.CLEARANCE}, {Claim.EXCLUDED, Claim.INCLUDED})


def level_clash(x: LevelClaim, y: LevelClaim, min_overlap: float = 0.5) -> tuple[str, str] | None:
    """The two levels when claims about the same material ask for incompatible levels."""
    if {x.claim, y.claim} in _OPPOSED and x.marking.rank == y.marking.rank:
        return f"{x.marking.text}: {x.claim.value}", f"{y.marking.text}: {y.claim.value}"
    if x.claim is not y.claim or x.claim not in (Claim.HANDLING, Claim.CLEARANCE):
        return None
    if jaccard(x.matter, y.matter) < min_overlap:
        return None
    rank_x, rank_y = x.marking.rank, y.marking.rank
    if rank_x is None or rank_y is None:
        return None
    if not bounds_clash(x.bound, rank_x, y.bound, rank_y, same=rank_x == rank_y):
        return None
    return f"{_BOUND_WORDS[x.bound]}{x.marking.text}", f"{_BOUND_WORDS[y.bound]}{y.marking.text}"
