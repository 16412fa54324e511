"""Ranking metrics over document ids, as BEIR reports them (pytrec_eval conventions).

nDCG uses the judgement as the gain (``rel / log2(rank + 1)``), ideal ordering from the
judgements; recall is the share of relevant documents retrieved; the reciprocal rank is that
of the first relevant document within the cut-off.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


def ndcg_at(ranked: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    """Normalised discounted cumulative gain of the top `k` (0.0 when nothing is relevant)."""
    gains = sorted((g for g in relevant.values() if g > 0), reverse=True)[:k]
    ideal = sum(g / math.log2(rank + 2) for rank, g in enumerate(gains))
    if ideal == 0:
        return 0.0
    found = sum(
        max(relevant.get(doc, 0), 0) / math.log2(rank + 2) for rank, doc in enumerate(ranked[:k])
    )
    return found / ideal


def recall_at(ranked: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    """Share of the relevant documents found in the top `k`."""
    wanted = {doc for doc, gain in relevant.items() if gain > 0}
    if not wanted:
        return 0.0
    return len(wanted.intersection(ranked[:k])) / len(wanted)


def reciprocal_rank(ranked: Sequence[str], relevant: Mapping[str, int], k: int = 100) -> float:
    """1 / rank of the first relevant document in the top `k` (0.0 if there is none)."""
    for rank, doc in enumerate(ranked[:k], start=1):
        if relevant.get(doc, 0) > 0:
            return 1.0 / rank
    return 0.0


@dataclass(frozen=True)
class RankingScores:
    """Mean metrics of one method over a query set."""

    ndcg_10: float
    recall_10: float
    recall_100: float
    mrr: float  # mean reciprocal rank within the top 100
    queries: int

    def as_dict(self) -> dict[str, float | int]:
        """Rounded figures for printing and JSON."""
        return {
            "ndcg@10": round(self.ndcg_10, 4),
            "recall@10": round(self.recall_10, 4),
            "recall@100": round(self.recall_100, 4),
            "mrr": round(self.mrr, 4),
            "queries": self.queries,
        }


def score_rankings(
    rankings: Mapping[str, Sequence[str]], qrels: Mapping[str, Mapping[str, int]]
) -> RankingScores:
    """Mean nDCG@10, recall@10, recall@100 and MRR over the judged queries.

    A judged query missing from `rankings` counts as retrieving nothing.
    """
    queries = [q for q, judged in qrels.items() if any(g > 0 for g in judged.values())]
    if not queries:
        return RankingScores(0.0, 0.0, 0.0, 0.0, 0)
    totals = [0.0, 0.0, 0.0, 0.0]
    for query in queries:
        ranked, relevant = rankings.get(query, ()), qrels[query]
        totals[0] += ndcg_at(ranked, relevant, 10)
        totals[1] += recall_at(ranked, relevant, 10)
        totals[2] += recall_at(ranked, relevant, 100)
        totals[3] += reciprocal_rank(ranked, relevant, 100)
    n = len(queries)
    return RankingScores(totals[0] / n, totals[1] / n, totals[2] / n, totals[3] / n, n)


def percentile(values: Sequence[float], share: float) -> float:
    """The `share` quantile (0–1) by linear interpolation between closest ranks."""
    if not values:
        return 0.0
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
