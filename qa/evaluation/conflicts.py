"""`accord eval conflicts`: rules alone, the model alone and both combined, on the labelled
pairs, on out-of-domain NLI sets, and the corpus-wide map against the planted conflicts."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ingest.settings import Settings
from qa.conflicts.evaluate import Counts, LabelledPair, evaluate_pairs, load_pairs
from qa.conflicts.rules import RuleScorer
from qa.conflicts.scorers import CombinedScorer
from qa.conflicts.types import ClauseText, PairScorer


def _counts(counts: Counts) -> dict[str, Any]:
    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 4)

    return {
        "precision": rounded(counts.precision),
        "recall": rounded(counts.recall),
        "f1": rounded(counts.f1),
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
        "tn": counts.tn,
    }


def scorers(contradiction: str) -> dict[str, PairScorer]:
    """Rules alone, and — unless the model is switched off — the model alone and combined."""
    rules = RuleScorer()
    found: dict[str, PairScorer] = {"rules": rules}
    if contradiction != "none":
        from qa.nli.scorer import CrossEncoderScorer

        # The model alone flags at its F1 threshold; beside the rules, at its review threshold.
        found["model"] = CrossEncoderScorer(contradiction)
        found["combined"] = CombinedScorer(rules, CrossEncoderScorer(contradiction, review=True))
    return found


def labelled_figures(chosen: dict[str, PairScorer], pairs: list[LabelledPair]) -> dict[str, Any]:
    """Precision, recall, F1 overall and per kind, and pairs per second, for each scorer."""
    figures = {}
    for name, scorer in chosen.items():
        report = evaluate_pairs(scorer, pairs)
        figures[name] = {
            "overall": _counts(report.overall),
            "subtle": _counts(report.subtle),
            "per_kind": {kind: _counts(c) for kind, c in sorted(report.by_kind.items())},
            "pairs_per_s": round(report.pairs_per_second, 1),
        }
    return figures


def _binary(chosen: PairScorer, pairs: Sequence[tuple[str, str, bool]]) -> dict[str, Any]:
    started = time.perf_counter()
    verdicts = chosen.score_many([(ClauseText(a), ClauseText(b)) for a, b, _ in pairs])
    seconds = time.perf_counter() - started
    counts = Counts()
    for (_, _, truth), verdict in zip(pairs, verdicts, strict=True):
        counts = counts.add(truth, verdict.conflict)
    return {**_counts(counts), "pairs": len(pairs), "pairs_per_s": round(len(pairs) / seconds, 1)}


def out_of_domain(chosen: dict[str, PairScorer], data: Path) -> dict[str, Any]:
    """Contradiction vs entailment pairs of SciFact dev and the held-out ContractNLI documents."""
    from qa.nli.evaluate import nli_sets
    from qa.nli.examples import NliLabel

    figures: dict[str, Any] = {}
    for name, examples in nli_sets(data).items():
        pairs = [
            (e.premise, e.hypothesis, e.label == NliLabel.CONTRADICTION)
            for e in examples
            if e.label != NliLabel.NEUTRAL
        ]
        figures[name] = {label: _binary(scorer, pairs) for label, scorer in chosen.items()}
    return figures


def planted_figures(corpus: Path, planted: Path, settings: Settings) -> dict[str, Any]:
    """The conflict map of `corpus` (built with the configured scorer) against planted pairs."""
    from qa.conflicts.mapping import update_conflict_map
    from qa.conflicts.planted import load_planted, score_planted
    from qa.conflicts.scorers import make_scorer
    from qa.evaluation.reports import corpus_index

    index_dir = corpus_index(corpus, settings)
    # An unchanged corpus publishes nothing, so the map is brought in step with this scorer here
    # (a no-op when it was built by the same one; rebuilt when the rules or the model changed).
    update_conflict_map(index_dir, make_scorer(settings))
    return score_planted(index_dir, load_planted(planted)).as_json()


def conflict_report(
    settings: Settings, pairs: Path, planted: Path, corpus: Path, data: Path | None
) -> dict[str, Any]:
    """Every conflict figure the README reports."""
    chosen = scorers(settings.models.contradiction)
    report: dict[str, Any] = {
        "contradiction_model": settings.models.contradiction,
        "labelled_pairs": labelled_figures(chosen, load_pairs(pairs, amended_is_conflict=True)),
        "planted": planted_figures(corpus, planted, settings),
    }
    if data is not None:
        report["out_of_domain"] = out_of_domain(chosen, data)
    return report
