"""Everything the rule checks read from one clause, computed once per distinct text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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


def _read(sentence: str) -> tuple[list[Any], ...]:
    """Everything the checks compare, read from one sentence, in ClauseAnalysis field order."""
    equivalences, levels = find_classification(sentence)
    return (
        find_quantities(sentence),
        find_vague_deadlines(sentence),
        find_statements(sentence),
        _duties(sentence),
        equivalences,
        levels,
        find_forums(sentence),
        find_allocations(sentence),
        find_benefits(sentence),
        find_waivers(sentence),
    )


def _keys(text: str, parts: tuple[tuple[Any, ...], ...]) -> frozenset[str]:
    """Topics named, acts stated, and the topics each kind of claim implies."""
    _, _, statements, _, equivalences, levels, forums, allocations, benefits, waivers = parts
    keys = {topic.value for topic in topics_in(text)}
    keys |= {f"act:{statement.action}" for statement in statements}
    implied = (
        (equivalences or levels, Topic.CLASSIFICATION.value),
        (forums, Topic.DISPUTES.value),
        (allocations, Topic.JURISDICTION.value),
        (benefits, "benefit"),
        (waivers, Topic.LIABILITY.value),
    )
    keys |= {key for present, key in implied if present}
    return frozenset(keys)


@lru_cache(maxsize=ANALYSIS_CACHE_SIZE)
def analyse(text: str) -> ClauseAnalysis:
    """Read a clause once; cached on the text, since a map compares each clause many times."""
    # "15.No compensation" reads "No compensation"
    sentences = tuple(_ENUMERATOR.sub("", numbered) for numbered in split_sentences(text))
    read = [_read(sentence) for sentence in sentences]
    parts = tuple(tuple(item for found in read for item in found[i]) for i in range(10))
    return ClauseAnalysis(_keys(text, parts), sentences, *parts)
