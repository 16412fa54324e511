"""Everything the rule checks read from one clause, computed once per distinct text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.conflicts.allocation import Allocation, find_allocations
from qa.conflicts.classification import Equivalence, LevelClaim, find_classification
from qa.conflicts.duties import DutyClaim, find_duty
from qa.conflicts.forums import ForumClaim, find_forums
from qa.conflicts.inclusions import BenefitClaim, WaiverClaim, find_benefits, find_waivers
from qa.conflicts.modality import Statement, find_statements
from qa.conflicts.quantities import Quantity, VagueDeadline, find_quantities, find_vague_deadlines
from qa.conflicts.segments import split_segments, split_sentences
from qa.conflicts.topics import Topic, topics_in

ANALYSIS_CACHE_SIZE = 8192  # distinct clause texts kept; a corpus-wide map reuses each many times
_ENUMERATOR = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\([a-z]{1,4}\)|[a-z][.)](?=\s))\s*")
_DUTY_MODAL = re.compile(r"\b(?:shall|must|will|may)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ClauseAnalysis:
    """What one clause says, in the forms the checks compare."""

    keys: frozenset[str]  # topics and acts named; pairs sharing none are not compared
    sentences: tuple[str, ...]  # as read (list numbering removed)
    quantities: tuple[Quantity, ...]
    vague: tuple[VagueDeadline, ...]
    statements: tuple[Statement, ...]
    duties: tuple[DutyClaim, ...]
    equivalences: tuple[Equivalence, ...]
    levels: tuple[LevelClaim, ...]
    forums: tuple[ForumClaim, ...]
    allocations: tuple[Allocation, ...] = ()
    benefits: tuple[BenefitClaim, ...] = ()
    waivers: tuple[WaiverClaim, ...] = ()


def _duties(sentence: str) -> list[DutyClaim]:
    found: list[DutyClaim] = []
    subject = ""
    for segment in split_segments(sentence):
        modal = _DUTY_MODAL.search(segment.text)
        if modal is None:
            continue
        own = segment.text[: modal.start()]
        subject = own if own.strip() else subject
        duty = find_duty(subject, segment.text[modal.end() :], sentence)
        if duty is not None:
            found.append(duty)
    return found


@lru_cache(maxsize=ANALYSIS_CACHE_SIZE)
def analyse(text: str) -> ClauseAnalysis:
    """Read a clause once; cached on the text, since a map compares each clause many times."""
    quantities: list[Quantity] = []
    vague: list[VagueDeadline] = []
    statements: list[Statement] = []
    duties: list[DutyClaim] = []
    equivalences: list[Equivalence] = []
    levels: list[LevelClaim] = []
    forums: list[ForumClaim] = []
    allocations: list[Allocation] = []
    benefits: list[BenefitClaim] = []
    waivers: list[WaiverClaim] = []
    # "15.No compensation" reads "No compensation"
    sentences = tuple(_ENUMERATOR.sub("", numbered) for numbered in split_sentences(text))
    for sentence in sentences:
        quantities += find_quantities(sentence)
        vague += find_vague_deadlines(sentence)
        statements += find_statements(sentence)
        duties += _duties(sentence)
        found_equivalences, found_levels = find_classification(sentence)
        equivalences += found_equivalences
        levels += found_levels
        forums += find_forums(sentence)
        allocations += find_allocations(sentence)
        benefits += find_benefits(sentence)
        waivers += find_waivers(sentence)
    keys = {topic.value for topic in topics_in(text)}
    keys |= {f"act:{statement.action}" for statement in statements}
    if equivalences or levels:
        keys.add(Topic.CLASSIFICATION.value)
    if forums:
        keys.add(Topic.DISPUTES.value)
    if allocations:
        keys.add(Topic.JURISDICTION.value)
    if benefits:
        keys.add("benefit")
    if waivers:
        keys.add(Topic.LIABILITY.value)
    return ClauseAnalysis(
        frozenset(keys),
        sentences,
        tuple(quantities),
        tuple(vague),
        tuple(statements),
        tuple(duties),
        tuple(equivalences),
        tuple(levels),
        tuple(forums),
        tuple(allocations),
        tuple(benefits),
        tuple(waivers),
    )
