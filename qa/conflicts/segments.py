"""Sentences and the clauses inside them: a number or a modal is read within its own clause."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_CACHE = 16384  # sentences seen; the same ones are read by several checks
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[\"'(A-Z0-9])")
# Clause boundaries inside a sentence: a second verb phrase, a relative tail, a semicolon.
_SEGMENT_END = re.compile(
    r";|:\s|,\s*(?:and|but|or|whereas|while|after\s+which)\b|\s+(?:and|but)\s+(?=(?:shall|may|must|will)\b)"
    r"|\s+but\s+|,\s*(?=(?:shall|may|must|will)\b)",
    re.IGNORECASE,
)
_AND_CLAUSE = re.compile(
    r",?\s+and\s+(?=(?:[\w'’-]+\s+){1,4}(?:shall|may|must|will)\b)", re.IGNORECASE
)
_MODAL_WORD = re.compile(r"\b(?:shall|may|must|will)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Segment:
    """A clause inside a sentence, with where it starts."""

    start: int
    text: str


def split_sentences(text: str) -> list[str]:
    """Sentences (semicolons included as boundaries), whitespace-normalised."""
    flat = " ".join(text.split())
    return [part for part in _SENTENCE_END.split(flat) if part.strip()]


@lru_cache(maxsize=_CACHE)
def split_segments(sentence: str) -> tuple[Segment, ...]:
    """The clauses of a sentence; a number or modal is read within its own clause."""
    segments: list[Segment] = []
    start = 0
    for match in _SEGMENT_END.finditer(sentence):
        if match.start() > start:
            segments.extend(_split_coordination(Segment(start, sentence[start : match.start()])))
        start = match.end()
    if start < len(sentence):
        segments.extend(_split_coordination(Segment(start, sentence[start:])))
    return tuple(segments)


def _split_coordination(segment: Segment) -> list[Segment]:
    """Split "X shall ... and the Committee shall ..." into two clauses.

    Only when the left part already has its own modal: "The host Party and the participating
    Parties shall ..." is one clause with a coordinated subject.
    """
    for match in _AND_CLAUSE.finditer(segment.text):
        left = segment.text[: match.start()]
        if _MODAL_WORD.search(left):
            right = Segment(segment.start + match.end(), segment.text[match.end() :])
            return [Segment(segment.start, left), *_split_coordination(right)]
    return [segment]


_INVERTED = re.compile(
    r"^\s*(?P<lead>under\s+no\s+circumstances|in\s+no\s+case|at\s+no\s+time|on\s+no\s+account)"
    r",?\s+(?P<modal>shall|may|will|must|can)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_INVERTED_SUBJECT = re.compile(
    r"^(?P<subject>.+?)\s+(?=be\s|have\s)|^(?P<actor>the\s+(?:[\w-]+\s+){0,3}?(?:Party|State"
    r"|Parties|States|recipient|originator|authorities|nation))\s+",
    re.IGNORECASE,
)


def uninvert(segment: Segment) -> Segment:
    """ "Under no circumstances shall X be released" read as "X shall not be released ..."."""
    match = _INVERTED.match(segment.text)
    if match is None:
        return segment
    rest = match.group("rest")
    subject = _INVERTED_SUBJECT.match(rest)
    if subject is None:
        return segment
    head = subject.group("subject") or subject.group("actor")
    tail = f"{rest[subject.end() :]}, {match.group('lead')}"
    return Segment(segment.start, f"{head} {match.group('modal')} not {tail}")
