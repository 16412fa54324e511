"""Amendments: a document that declares it amends another supersedes the amended clauses.

The declaration is the sidecar's ``amends = ["file"]``; a flagged pair between an amending
and an amended document is shown as "amended by", never as a conflict.
"""

from __future__ import annotations

from pathlib import PurePath

from ingest.records import Document
from qa.conflicts.types import AMENDED_WORDING


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
