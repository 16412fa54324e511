"""What a question asks for before any passage is read: the words it implies, the documents
it names, and whether it compares two of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ingest.records import Document
from qa.expansion import expand
from qa.naming import DocumentNames, name_terms, proper_terms, segments

# A named document's clauses gain this much (on the 0–1 blended scale) at full name match.
NAME_WEIGHT = 0.3
# At most this many documents are searched one by one for a comparison.
MAX_SIDES = 4


@dataclass(frozen=True)
class QueryPlan:
    """A question, ready for retrieval."""

    question: str
    expansion: Mapping[str, float] = field(default_factory=dict)  # implied stemmed words
    prior: Mapping[str, float] = field(default_factory=dict)  # doc_id -> 0..1 name match
    sides: tuple[str, ...] = ()  # documents compared: each gets its best passage shown


class Planner:
    """Plans questions over one set of documents (those a user may see)."""

    def __init__(self, documents: Mapping[str, Document], openings: Mapping[str, str]):
        terms = {
            doc_id: name_terms(d.title, d.parties, openings.get(doc_id, ""))
            for doc_id, d in documents.items()
        }
        titles = {doc_id: name_terms(d.title, (), "") for doc_id, d in documents.items()}
        proper = {doc_id: proper_terms(d.title, d.parties) for doc_id, d in documents.items()}
        self.names = DocumentNames.build(terms, titles, proper)

    def plan(self, question: str) -> QueryPlan:
        """The expansion, the name prior and the compared documents of a question."""
        scores = self.names.scores(question)
        best = max(scores.values(), default=0.0)
        prior = {doc_id: score / best for doc_id, score in scores.items()} if best else {}
        return QueryPlan(question, expand(question).words, prior, self.sides(question))

    def sides(self, question: str) -> tuple[str, ...]:
        """The documents each part of a question names, when parts name different ones."""
        found: list[str] = []
        for part in segments(question):
            found += [d for d in self.names.named_by(part) if d not in found]
        return tuple(found[:MAX_SIDES]) if 1 < len(found) <= MAX_SIDES else ()
