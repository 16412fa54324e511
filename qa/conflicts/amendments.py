"""Relations between documents: amendments and instrument families.

An amendment is declared by the sidecar's ``amends = ["file"]``; a flagged pair between an
amending and an amended document is shown as "amended by", never as a conflict. A family is
an agreement with its protocols and arrangements: documents linked by an amendment or
concluded between exactly the same parties. Flags about the instrument itself (termination,
duration, depositary ...) only contradict within one family — two unrelated agreements may
each have their own notice period. Between families they are differences: shown on the map,
ranked below conflicts, never flagged under an answer.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from ingest.records import Document
from qa.conflicts.types import AMENDED_WORDING, Verdict

ACROSS_NOTE = "different instruments, each with its own terms"


def amendment_links(documents: list[Document]) -> set[tuple[str, str]]:
    """(amending doc id, amended doc id) pairs, resolving file names against sources."""
    by_name: dict[str, str] = {}
    for document in documents:
        by_name[PurePath(document.source).name] = document.doc_id
        by_name[document.source] = document.doc_id
    links: set[tuple[str, str]] = set()
    for document in documents:
        for target in document.amends:
            amended = by_name.get(target) or by_name.get(PurePath(target).name)
            if amended and amended != document.doc_id:
                links.add((document.doc_id, amended))
    return links


def as_amendment(explanation: str) -> str:
    """Reword a difference between an amended clause and its amendment."""
    detail = f": {explanation}" if explanation else ""
    return f"{AMENDED_WORDING} a later instrument (the later text prevails){detail}"


def same_family(a: Document, b: Document, links: set[tuple[str, str]]) -> bool:
    """Whether two documents belong to one instrument family."""
    if (a.doc_id, b.doc_id) in links or (b.doc_id, a.doc_id) in links:
        return True
    return len(a.parties) >= 2 and set(a.parties) == set(b.parties)


def relevant(topic: str, a: Document, b: Document, links: set[tuple[str, str]]) -> bool:
    """False for a flag about the instrument itself between unrelated instruments."""
    from qa.conflicts.rules import INSTRUMENT_TOPICS

    return topic not in INSTRUMENT_TOPICS or same_family(a, b, links)


def across_instruments(
    verdict: Verdict, a: Document, b: Document, links: set[tuple[str, str]]
) -> Verdict:
    """A flag about the instrument itself between unrelated instruments, made a difference."""
    from qa.conflicts.findings import DIFFERENT

    if relevant(verdict.topic, a, b, links) or verdict.score <= DIFFERENT:
        return verdict
    return replace(
        verdict,
        conflict=False,
        score=DIFFERENT,
        explanation=f"{verdict.explanation} — {ACROSS_NOTE}",
    )
