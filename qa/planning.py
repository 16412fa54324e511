"""What a question asks for before any passage is read: the words it implies and the
documents it names.

Two measured aids for questions in everyday words (`accord eval questions --set agreements
--split dev`): the synonyms of `qa.expansion` reach BM25 at a lower weight and, spelled out
after the question, a second question vector; and the documents the question names
(`qa.naming`: "the Qatar deal", "the WEU pact") lift their clauses, so that the right one of
several near-identical agreements wins.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from index import RowAttributes
from ingest.records import Document
from qa.expansion import expand
from qa.naming import DocumentNames, name_terms
from qa.retrieval import Candidate

# A named document's clauses gain this much (on the 0–1 blended scale) at the best name match.
NAME_WEIGHT = 0.3


@dataclass(frozen=True)
class QueryPlan:
    """A question, ready for retrieval."""

    question: str
    expansion: Mapping[str, float] = field(default_factory=dict)  # implied stemmed words
    rewritten: str = ""  # the question with its implied phrases spelled out ("" if none)
    prior: Mapping[str, float] = field(default_factory=dict)  # doc_id -> 0..1 name match


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
        return QueryPlan(question, expansion.words, expansion.rewritten, prior)


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
