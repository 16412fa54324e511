"""What a question asks for before any passage is read: the words it implies and the
documents it names.

Two measured aids for questions in everyday words (`accord eval questions --set agreements
--split dev`): the synonyms of `qa.expansion` reach BM25 at a lower weight and, spelled out
after the question, a second question vector; and the documents the question names
(`qa.naming`: "the Qatar deal", "the WEU pact") lift their clauses, so that the right one of
several near-identical agreements wins.

A question that compares agreements ("Which government is the depositary of the North
Atlantic Treaty, and which one for the CFE Treaty?") is cut at its joints ("and which",
"versus", ";"); when its parts name different documents, each of them is searched on its own
as well (`qa.comparison`), so the second agreement's clause is not crowded out by the first's.
Measured on the dev split: comparisons 4/10 -> 8/10 at 5 passages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from index import RowAttributes
from ingest.records import Document
from qa.expansion import expand
from qa.naming import DocumentNames, name_terms
from qa.retrieval import Candidate

# A named document's clauses gain this much (on the 0–1 blended scale) at the best name match.
NAME_WEIGHT = 0.3
# Where a question joins two questions: "and"/"but"/"while" before a question word, an
# auxiliary, a preposition or an article ("..., and which one for ...", "... and under ..."),
# "versus" / "compared with" / "as opposed to", and semicolons.
_JOINT = re.compile(
    r",?\s+(?:and|but|while|whereas)\s+(?=(?:under|in|for|at|what|which|who|whom|how|when|"
    r"where|whether|does|do|is|are|can|may|must|did|the|its|their|to)\b)"
    r"|,?\s+(?:versus|vs\.?|as against|as opposed to|compared (?:with|to))\s+"
    r"|;\s+",
    re.IGNORECASE,
)
# A part needs this many words to be asked on its own.
MIN_PART_WORDS = 3
# Naming a part's document, a word that is not name-like (capitalised, an acronym, a demonym)
# counts this much (dev split: 1.0 found 42 of 52, 0.5 and 0.25 found 43).
PART_COMMON_WORDS = 0.5


@dataclass(frozen=True)
class QueryPlan:
    """A question, ready for retrieval."""

    question: str
    expansion: Mapping[str, float] = field(default_factory=dict)  # implied stemmed words
    rewritten: str = ""  # the question with its implied phrases spelled out ("" if none)
    prior: Mapping[str, float] = field(default_factory=dict)  # doc_id -> 0..1 name match
    # The documents the question's parts name, one per part, when they name at least two.
    compared: tuple[str, ...] = ()


def question_parts(question: str) -> tuple[str, ...]:
    """The questions a question joins ("A, and which one for B?" -> "A", "which one for B");
    () when it is one question."""
    parts = [part.strip(" ,;?") for part in _JOINT.split(question)]
    parts = [part for part in parts if len(part.split()) >= MIN_PART_WORDS]
    return tuple(parts) if len(parts) >= 2 else ()


class Planner:
    """Plans questions over one set of documents (those a user may see)."""

    def __init__(self, documents: Mapping[str, Document], openings: Mapping[str, str]):
        terms = {
            doc_id: name_terms(d.title, d.parties, openings.get(doc_id, ""))
            for doc_id, d in documents.items()
        }
        self.names = DocumentNames.build(terms)

    def plan(self, question: str) -> QueryPlan:
        """The expansion and the name prior of a question."""
        scores = self.names.scores(question)
        best = max(scores.values(), default=0.0)
        prior = {doc_id: score / best for doc_id, score in scores.items()} if best else {}
        expansion = expand(question)
        return QueryPlan(
            question, expansion.words, expansion.rewritten, prior, self.compared(question)
        )

    def compared(self, question: str) -> tuple[str, ...]:
        """The best-named document of each part of the question, when they differ."""
        named: list[str] = []
        for part in question_parts(question):
            scores = self.names.scores(part, PART_COMMON_WORDS)
            if scores:
                named.append(min(scores, key=lambda doc_id: (-scores[doc_id], doc_id)))
        distinct = tuple(dict.fromkeys(named))
        return distinct if len(distinct) >= 2 else ()


def lift_named(
    candidates: Sequence[Candidate], rows: RowAttributes, prior: Mapping[str, float]
) -> list[Candidate]:
    """Candidates re-ranked with their document's name match added (NAME_WEIGHT at best)."""
    if not prior:
        return list(candidates)
    lifted = [
        replace(c, score=c.score + NAME_WEIGHT * prior.get(rows.doc_ids[rows.document[c.row]], 0.0))
        for c in candidates
    ]
    return sorted(lifted, key=lambda c: (-c.score, c.row))
