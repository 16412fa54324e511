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

import re
from dataclasses import replace
from pathlib import PurePath

from ingest.records import Document
from qa.conflicts.types import AMENDED_WORDING, Verdict

ACROSS_NOTE = "different instruments, each with its own terms"


_SUPPLEMENTS = re.compile(
    r"\b(?:to\s+supplement|supplementing|amending|(?:further\s+)?additional\s+protocol\s+to"
    r"|amendment\s+to)\s+(?:the\s+)?(?P<target>.{20,})",
    re.IGNORECASE,
)
MIN_TITLE = 20  # shorter titles ("Nr. I", "Article I") name no instrument


def _plain(title: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", " ", title.lower()).split())


def inferred_links(documents: list[Document]) -> set[tuple[str, str]]:
    """(supplementing, supplemented) pairs read from titles: "Agreement to Supplement the
    Agreement between the Parties to the North Atlantic Treaty regarding the Status of their
    Forces ..." supplements the agreement of that title (real treaties carry no sidecar)."""
    titles = {d.doc_id: _plain(d.title) for d in documents if len(d.title) >= MIN_TITLE}
    links: set[tuple[str, str]] = set()
    for document in documents:
        match = _SUPPLEMENTS.search(document.title)
        if match is None:
            continue
        target = _plain(match.group("target"))
        for doc_id, title in titles.items():
            if doc_id != document.doc_id and (target.startswith(title) or title.startswith(target)):
                links.add((document.doc_id, doc_id))
    return links


def amendment_links(documents: list[Document]) -> set[tuple[str, str]]:
    """(amending doc id, amended doc id) pairs: declared by sidecars (file names resolved
    against sources), else read from titles that say they supplement another instrument."""
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
    declared = {a for a, _ in links}
    return links | {(a, b) for a, b in inferred_links(documents) if a not in declared}


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
