"""`accord eval conflicts`: rules alone, the model alone and both combined, on the treaty pairs
(one split), the project's labelled pairs and out-of-domain NLI sets; the corpus map against the
planted conflicts, and the map of the real agreements against their real differences."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ingest.settings import Settings
from qa.conflicts.differences import DIFFERENCES, FIXTURES
from qa.conflicts.evaluate import (
    PAIR_SET,
    TREATY_PAIRS,
    Counts,
    LabelledPair,
    evaluate_pairs,
    load_pairs,
)
from qa.conflicts.rules import RuleScorer
from qa.conflicts.scorers import CombinedScorer
from qa.conflicts.types import ClauseText, PairScorer

JUDGEMENTS = FIXTURES / "agreement_map_judgements.jsonl"  # the top of the real map, judged
TOP_JUDGED = 30


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


@dataclass(frozen=True)
class ConflictSets:
    """The labelled sets `accord eval conflicts` reads, and which split of the split ones."""

    pairs: Path = PAIR_SET
    planted: Path = PAIR_SET.parent / "corpus_conflicts.jsonl"
    corpus: Path = Path(__file__).resolve().parents[2] / "corpus"
    treaty_pairs: Path = TREATY_PAIRS
    differences: Path = DIFFERENCES
    judgements: Path = JUDGEMENTS
    split: str = "test"  # of the treaty pairs and the real differences; tune on "dev" only


def conflict_report(settings: Settings, sets: ConflictSets, data: Path | None) -> dict[str, Any]:
    """Every conflict figure the README reports (the real map needs `data`/agreements)."""
    chosen = scorers(settings.models.contradiction)
    treaty = load_pairs(sets.treaty_pairs, split=sets.split)
    report: dict[str, Any] = {
        "contradiction_model": settings.models.contradiction,
        "split": sets.split,
        "treaty_pairs": labelled_figures(chosen, treaty),
        "labelled_pairs": labelled_figures(chosen, load_pairs(sets.pairs)),
        "planted": planted_figures(sets.corpus, sets.planted, settings),
    }
    if data is not None:
        report["out_of_domain"] = out_of_domain(chosen, data)
        report["real_map"] = real_map_figures(data / "agreements", sets, settings)
    return report


def agreements_index(agreements: Path, settings: Settings) -> Path:
    """An index of the real agreements under var/eval with its conflict map, brought up to date
    (index.tsv, a table of contents, is rejected as unsupported: that is expected)."""
    from index import IngestRun
    from ingest.embed import make_embedder
    from qa import beir
    from qa.evaluation import EVAL_ROOT
    from qa.hooks import after_publish_steps

    slug = beir.model_slug(settings.models.embedding)
    index_dir = EVAL_ROOT / agreements.name / f"index-{slug}"
    local = replace(settings, index=replace(settings.index, path=index_dir))
    embedder = make_embedder(local.models.embedding, local.models.batch_size)
    IngestRun(local, embedder, after_publish=after_publish_steps(local)).run([agreements])
    return index_dir


def real_map_figures(agreements: Path, sets: ConflictSets, settings: Settings) -> dict[str, Any]:
    """Real differences found by the map (the split and all), and the top 30 as judged."""
    from qa.conflicts.differences import load_differences, score_differences
    from qa.conflicts.judgements import judge_top

    index_dir = agreements_index(agreements, settings)
    found = {
        split: score_differences(index_dir, load_differences(sets.differences, split)).as_json()
        for split in dict.fromkeys((sets.split, "all"))
    }
    return {"differences": found, "top": judge_top(index_dir, sets.judgements, TOP_JUDGED)}


MIN_COMBINED_PRECISION = 0.8  # a combined threshold is only chosen where precision stays above


def choose_combined_threshold(pairs: list[LabelledPair], model: str) -> dict[str, Any]:
    """The model threshold beside the rules with the best F1 of the combination on `pairs`
    (the dev split only: choosing on test would report a tuned figure), precision >= 0.8;
    on equal F1 the higher threshold."""
    from qa.nli.scorer import CrossEncoderScorer

    if any(pair.split != "dev" for pair in pairs):
        raise ValueError("a combined threshold is chosen on dev pairs only")
    rules = RuleScorer()
    inputs = [(pair.a, pair.b) for pair in pairs]
    flagged = [verdict.conflict for verdict in rules.score_many(inputs)]
    readable = [
        not f and not rules.settled(a, b) for f, (a, b) in zip(flagged, inputs, strict=True)
    ]
    learned = [v.score for v in CrossEncoderScorer(model, threshold=0.0).score_many(inputs)]
    best: tuple[float, float, Counts] | None = None
    for threshold in sorted({round(p, 2) for p in learned} | {0.5}):
        counts = Counts()
        for pair, rule, may, p in zip(pairs, flagged, readable, learned, strict=True):
            counts = counts.add(pair.conflict, rule or (may and p >= threshold))
        precise = (counts.precision or 0.0) >= MIN_COMBINED_PRECISION
        if precise and (best is None or (counts.f1 or 0.0) >= best[0]):
            best = (counts.f1 or 0.0, threshold, counts)
    if best is None:
        raise ValueError(f"no threshold keeps precision >= {MIN_COMBINED_PRECISION}")
    return {"combined_threshold": best[1], "combined_dev": _counts(best[2])}
