"""Scoring a `PairScorer` on labelled clause pairs: precision, recall and F1, overall and per kind.

The pair set `tests/fixtures/conflict_pairs.jsonl` is for evaluation only and must never be used to
train a scorer. Lines read `{"id", "a", "b", "conflict", "kind", "note"}`; `a`/`b` may also be
objects with `text` (and `file`/`section`, used as the citation), and the label may be given as
`expected` ("conflict", "amended" or "consistent"; amended pairs contradict in their wording and
count as conflicts).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.conflicts.types import ClauseText, PairScorer, Verdict

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"
PAIR_SET = FIXTURES / "conflict_pairs.jsonl"
# Written independently of the rules and the model, in new wording; split into dev and test.
TREATY_PAIRS = FIXTURES / "treaty_pairs.jsonl"
POSITIVE_LABELS = frozenset({"conflict", "amended"})
NO_KIND = "none"  # kind of a labelled pair that resembles no conflict kind


@dataclass(frozen=True)
class LabelledPair:
    """One hand-labelled pair."""

    id: str
    a: ClauseText
    b: ClauseText
    conflict: bool
    kind: str  # a ConflictKind value, or "none"; for non-conflicts, the kind the pair resembles
    note: str = ""
    subtle: bool = False  # a near-miss or an indirect conflict
    split: str = ""  # "dev" or "test" where the set has splits (tune on dev, report test)


@dataclass(frozen=True)
class Counts:
    """Confusion counts with the derived figures."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float | None:
        """Share of flags that are conflicts (None when nothing was flagged)."""
        flagged = self.tp + self.fp
        return self.tp / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        """Share of conflicts that were flagged (None when there are none)."""
        positives = self.tp + self.fn
        return self.tp / positives if positives else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    def add(self, truth: bool, flagged: bool) -> Counts:
        """These counts with one more judged pair."""
        return Counts(
            self.tp + (truth and flagged),
            self.fp + (not truth and flagged),
            self.fn + (truth and not flagged),
            self.tn + (not truth and not flagged),
        )


@dataclass(frozen=True)
class PairError:
    """A pair the scorer got wrong, with its verdict."""

    pair: LabelledPair
    verdict: Verdict

    @property
    def error(self) -> str:
        """ "missed" (a conflict not flagged) or "false flag"."""
        return "missed" if self.pair.conflict else "false flag"


@dataclass(frozen=True)
class PairReport:
    """How a scorer did on a labelled pair set."""

    overall: Counts
    by_kind: dict[str, Counts]  # grouped by the labelled kind
    subtle: Counts  # the subtle pairs only
    kind_agreement: float | None  # of flagged conflicts (semantic aside), share with the right kind
    pairs_per_second: float
    errors: tuple[PairError, ...]

    def summary(self) -> str:
        """A small table for the command line."""
        total = self.overall.tp + self.overall.fp + self.overall.fn + self.overall.tn
        lines = [f"{total} pairs, {self.pairs_per_second:,.0f} pairs/s"]
        rows = [("overall", self.overall), ("subtle", self.subtle), *sorted(self.by_kind.items())]
        for name, counts in rows:
            confusion = f"tp {counts.tp} fp {counts.fp} fn {counts.fn} tn {counts.tn}"
            lines.append(
                f"{name:<15} P {_fmt(counts.precision)}  R {_fmt(counts.recall)}  "
                f"F1 {_fmt(counts.f1)}  ({confusion})"
            )
        lines.append(f"kind agreement on flagged conflicts: {_fmt(self.kind_agreement)}")
        return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def _side(value: Any, fallback: str) -> ClauseText:
    if isinstance(value, dict):
        citation = ", ".join(str(value[key]) for key in ("file", "section") if value.get(key))
        return ClauseText(str(value.get("text", "")), citation or fallback)
    return ClauseText(str(value), fallback)


def _pair(row: dict[str, Any], line: int, positive: frozenset[str]) -> LabelledPair:
    label = row.get("conflict", row.get("expected"))
    conflict = label in positive if isinstance(label, str) else bool(label)
    return LabelledPair(
        id=str(row.get("id", f"line {line}")),
        a=_side(row["a"], "clause A"),
        b=_side(row["b"], "clause B"),
        conflict=conflict,
        kind=str(row.get("kind") or NO_KIND),
        note=str(row.get("note", "")),
        subtle=bool(row.get("subtle", False)),
        split=str(row.get("split", "")),
    )


def load_pairs(
    path: Path = PAIR_SET, amended_is_conflict: bool = True, split: str = "all"
) -> list[LabelledPair]:
    """Read a labelled pair file (JSON lines; blank lines are skipped).

    Args:
        path: the file; by default the hand-written evaluation set.
        amended_is_conflict: whether `"expected": "amended"` counts as a conflict (the wording does
            contradict; the map shows such pairs as "amended by" rather than as a conflict).
        split: "all", or only the pairs of one split ("dev", "test").
    """
    positive = POSITIVE_LABELS if amended_is_conflict else POSITIVE_LABELS - {"amended"}
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [(n, json.loads(text)) for n, text in enumerate(lines, 1) if text.strip()]
    pairs = [_pair(row, n, positive) for n, row in rows]
    return [pair for pair in pairs if split in ("all", pair.split)]


def _kind_agreement(judged: Iterable[tuple[LabelledPair, Verdict]]) -> float | None:
    hits = [
        (pair, verdict)
        for pair, verdict in judged
        if pair.conflict and verdict.conflict and pair.kind not in ("semantic", NO_KIND)
    ]
    if not hits:
        return None
    return sum(1 for pair, verdict in hits if verdict.kind == pair.kind) / len(hits)


def evaluate_pairs(scorer: PairScorer, pairs: list[LabelledPair]) -> PairReport:
    """Score every pair once (timed) and compare the flags with the labels.

    Args:
        scorer: any `PairScorer`; its `score_many` is timed over the whole set.
        pairs: labelled pairs, e.g. from `load_pairs()`.

    Returns:
        Counts overall, per labelled kind and on the subtle pairs, the share of flagged conflicts
        whose kind matches the label, throughput, and the pairs it got wrong.
    """
    started = time.perf_counter()
    verdicts = scorer.score_many([(pair.a, pair.b) for pair in pairs])
    elapsed = max(time.perf_counter() - started, 1e-9)
    overall, subtle = Counts(), Counts()
    by_kind: dict[str, Counts] = {}
    errors: list[PairError] = []
    for pair, verdict in zip(pairs, verdicts, strict=True):
        overall = overall.add(pair.conflict, verdict.conflict)
        by_kind[pair.kind] = by_kind.get(pair.kind, Counts()).add(pair.conflict, verdict.conflict)
        if pair.subtle:
            subtle = subtle.add(pair.conflict, verdict.conflict)
        if pair.conflict != verdict.conflict:
            errors.append(PairError(pair, verdict))
    return PairReport(
        overall=overall,
        by_kind=by_kind,
        subtle=subtle,
        kind_agreement=_kind_agreement(zip(pairs, verdicts, strict=True)),
        pairs_per_second=len(pairs) / elapsed,
        errors=tuple(errors),
    )
