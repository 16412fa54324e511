"""Choose the passages to show: prefer the question's language, drop translations and
near-duplicates so that one clause cannot crowd the top results."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ingest.records import Clause
from qa.retrieval import Candidate

# Two clauses this similar are the same clause (a second version, a copy).
NEAR_DUPLICATE = 0.97
# Score factor for a clause in another language than the question's.
OTHER_LANGUAGE = 0.5
_KINDS = {
    "artikel": "article",
    "art.": "article",
    "bijlage": "annex",
    "annexe": "annex",
    "anhang": "annex",
    "hoofdstuk": "chapter",
    "deel": "part",
    "teil": "part",
    "partie": "part",
    "préambule": "preamble",
    "preambule": "preamble",
    "präambel": "preamble",
}
_STRUCTURAL = {"article", "section", "annex", "appendix", "chapter", "part", "schedule", "preamble"}


def section_key(section: str) -> str:
    """A language-neutral key of a section path: "Artikel 7 › 2" and "Article 7 › 2" agree."""
    parts = section.split(" › ")
    for index, part in enumerate(parts):
        word, _, rest = part.partition(" ")
        kind = _KINDS.get(word.lower(), word.lower())
        if kind in _STRUCTURAL:
            tail = [f"{kind} {rest}".strip(), *parts[index + 1 :]]
            return re.sub(r"\s+", " ", " › ".join(tail)).lower()
    return section.lower()


def select(
    candidates: Sequence[Candidate],
    clauses: dict[int, Clause],
    vectors: np.ndarray,
    language: str,
    top_k: int,
) -> list[tuple[Candidate, Clause]]:
    """The top_k distinct passages, in the question's language where the corpus has it."""
    ranked = sorted(
        (c for c in candidates if c.row in clauses),
        key=lambda c: -c.score * (1.0 if clauses[c.row].language == language else OTHER_LANGUAGE),
    )
    kept: list[tuple[Candidate, Clause]] = []
    kept_keys: set[tuple[str, str]] = set()
    kept_vectors: list[np.ndarray] = []
    for candidate in ranked:
        clause = clauses[candidate.row]
        key = (clause.doc_id, section_key(clause.section))
        vector = np.asarray(vectors[candidate.row], dtype=np.float32)
        if key in kept_keys and not _same_language(kept, key, clause):
            continue  # a translation of a clause already shown
        if any(float(vector @ other) >= NEAR_DUPLICATE for other in kept_vectors):
            continue
        kept.append((candidate, clause))
        kept_keys.add(key)
        kept_vectors.append(vector)
        if len(kept) == top_k:
            break
    return kept


def _same_language(
    kept: list[tuple[Candidate, Clause]], key: tuple[str, str], clause: Clause
) -> bool:
    """True when the kept clause with this key is in the same language (a split clause)."""
    return any(
        (c.doc_id, section_key(c.section)) == key and c.language == clause.language for _, c in kept
    )
