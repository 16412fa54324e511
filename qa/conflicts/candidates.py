"""Candidate pairs for the corpus map: near neighbours, and clauses that state the same thing.

Two sources, both across different documents only. Nearest neighbours in the vector index find
clauses worded alike. Clauses worded differently but stating a comparable thing — a time limit on
termination, who has jurisdiction, who bears a cost, a classification equivalence — are paired by
what the rules read in them (a "comparable key"), so a six-month notice in one agreement meets a
two-month notice in another however each is phrased. Clauses in another language (the Dutch
translations of the treaties) are left out — their English text is compared already — and so
are fragments, tables and signature blocks, which state no rule.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

import numpy as np

from index import IndexReader
from ingest.records import Clause
from ingest.sentences import guess_language
from qa.conflicts.analysis import analyse
from qa.conflicts.topics import GENERIC_TOPICS

# Nearest clauses of *other* documents kept per clause, found among SEARCHED neighbours.
NEIGHBOURS = 24
SEARCHED = 128
MIN_SIMILARITY = 0.45  # neighbours less similar than this are not candidates
MAX_BUCKET = 160  # a comparable key shared by more clauses is too common to pair them all
MIN_BUCKET_SIMILARITY = 0.15  # clauses sharing a key must still be about something alike


def comparable_keys(text: str) -> frozenset[str]:
    """What the rules can compare in a clause: time limits by topic, holders, equivalences."""
    analysis = analyse(text)
    keys: set[str] = set()
    for quantity in analysis.quantities:
        for topic in quantity.context.topics - GENERIC_TOPICS:
            keys.add(f"{quantity.family.value}:{topic.value}")
    keys |= {f"duty:{duty.duty.value}" for duty in analysis.duties}
    keys |= {f"jurisdiction:{a.holder}" for a in analysis.allocations}
    keys |= {f"forum:{forum.aspect.value}" for forum in analysis.forums if not forum.excluded}
    keys |= {"equivalence" for _ in analysis.equivalences}
    keys |= {f"level:{claim.claim.value}" for claim in analysis.levels}
    keys |= {f"benefit:{'-'.join(sorted(b.benefit))}" for b in analysis.benefits}
    keys |= {"waiver" for _ in analysis.waivers}
    return frozenset(keys)


_NOT_A_RULE = re.compile(
    r"^\W*(?:DONE\b|IN\s+WITNESS\b|For\s+the\s+Government\b)|(?:\|.*){3}", re.S
)
MIN_WORDS = 6  # fewer: a heading or a fragment ("3.")


def comparable_rows(clauses: dict[int, Clause]) -> list[int]:
    """Rows of clauses that state rules in English: not the Dutch translation, not a fragment,
    a table or a signature block."""
    return [
        row
        for row, clause in clauses.items()
        if len(clause.text.split()) >= MIN_WORDS
        and not _NOT_A_RULE.search(clause.text)
        and guess_language(clause.text) == "en"
    ]


def neighbour_pairs(
    reader: IndexReader, rows: Sequence[int], clauses: dict[int, Clause], allowed: set[int]
) -> Iterator[tuple[int, int, float]]:
    """(row, row, similarity): each clause's nearest clauses in other documents."""
    for start in range(0, len(rows), 1024):
        chunk = list(rows[start : start + 1024])
        found, scores = reader.vectors.neighbours(np.asarray(reader.matrix[chunk]), SEARCHED)
        for row, neighbours, similarities in zip(chunk, found, scores, strict=True):
            kept = 0
            for other, similarity in zip(neighbours.tolist(), similarities.tolist(), strict=True):
                if kept == NEIGHBOURS or similarity < MIN_SIMILARITY:
                    break
                if other not in allowed or clauses[other].doc_id == clauses[row].doc_id:
                    continue  # allowed rows are all >= 0: a missing neighbour (-1) is not one
                kept += 1
                yield min(row, other), max(row, other), float(similarity)


def keyed_pairs(
    reader: IndexReader, rows: Sequence[int], clauses: dict[int, Clause], allowed: set[int]
) -> Iterator[tuple[int, int, float]]:
    """(row, row, similarity): clauses of other documents sharing a comparable key.

    Args:
        rows: the clauses to find partners for (new ones); partners come from `allowed`.
    """
    buckets: dict[str, list[int]] = defaultdict(list)
    for row in sorted(allowed):
        for key in comparable_keys(clauses[row].text):
            buckets[key].append(row)
    wanted = set(rows)
    for members in buckets.values():
        if len(members) > MAX_BUCKET:
            continue
        for a, b in itertools.combinations(members, 2):
            if clauses[a].doc_id == clauses[b].doc_id or not ({a, b} & wanted):
                continue
            similarity = float(np.dot(reader.matrix[a], reader.matrix[b]))
            if similarity >= MIN_BUCKET_SIMILARITY:
                yield a, b, similarity


def candidate_pairs(
    reader: IndexReader, rows: Sequence[int], clauses: dict[int, Clause]
) -> Iterator[tuple[int, int, float]]:
    """Every candidate pair touching `rows`, once, with the similarity of its two clauses."""
    allowed = set(comparable_rows(clauses))
    todo = [row for row in rows if row in allowed]
    seen: set[tuple[int, int]] = set()
    sources = itertools.chain(
        neighbour_pairs(reader, todo, clauses, allowed),
        keyed_pairs(reader, todo, clauses, allowed),
    )
    for a, b, similarity in sources:
        if (a, b) not in seen:
            seen.add((a, b))
            yield a, b, similarity
