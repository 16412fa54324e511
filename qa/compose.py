"""The short answer: one to three verbatim sentences from the passages, each with its [n]."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.highlight import Highlight
from qa.records import NOT_ANSWERED

MAX_SENTENCES = 3
# Sentences weaker than the best by more than this are left out of the short answer.
ANSWER_MARGIN = 0.12
_LEAD = re.compile(
    r"^(?:\((?:TS|[UNRCS]|N[URCS])(?://[^)]*)?\)\s+)?(?:\(?[0-9a-z]{1,4}[.)]\)?\s+)?"
)


def strip_lead(sentence: str) -> str:
    """Drop a leading portion marking or paragraph number ("(S) 2. The ..." → "The ...")."""
    match = _LEAD.match(sentence)
    return sentence[match.end() :] if match else sentence


def compose_answer(
    texts: Sequence[str], highlights: Sequence[Highlight], threshold: float, abstained: bool
) -> str:
    """Build the short answer from highlighted sentences; NOT_ANSWERED when abstaining."""
    if abstained:
        return NOT_ANSWERED
    picked: list[tuple[float, int, int, str]] = []
    best = max((h.best.score for h in highlights if h.best), default=0.0)
    for rank, (text, highlight) in enumerate(zip(texts, highlights, strict=True), start=1):
        for sentence in highlight.sentences:
            if (sentence.start, sentence.end) not in highlight.spans:
                continue
            if sentence.similarity < threshold or sentence.score < best - ANSWER_MARGIN:
                continue
            picked.append(
                (sentence.score, rank, sentence.start, text[sentence.start : sentence.end])
            )
    chosen: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for _, rank, start, words in sorted(picked, key=lambda p: -p[0]):
        clean = strip_lead(words).strip()
        if clean.lower() in seen:
            continue
        seen.add(clean.lower())
        chosen.append((rank, start, clean))
        if len(chosen) == MAX_SENTENCES:
            break
    if not chosen:
        return NOT_ANSWERED
    return " ".join(f"{sentence} [{rank}]" for rank, _, sentence in sorted(chosen))
