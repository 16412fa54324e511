"""Held-out figures of the contradiction model: `python -m qa.nli.evaluate [--model PATH]`.

Sets: ContractNLI held-out documents and SciFact dev (P/R/F1 of contradiction against entailment,
plus 3-way accuracy with neutral pairs), and issue C's labelled clause pairs
(tests/fixtures/conflict_pairs.jsonl, conflict vs not, scored by CrossEncoderScorer alone).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.conflicts.types import ClauseText
from qa.nli.datasets import contractnli_pairs, scifact_pairs, shared_data_dir
from qa.nli.examples import NliExample, NliLabel
from qa.nli.metrics import accuracy, binary_scores
from qa.nli.model import LoadedModel, load_model, predict_proba, read_settings, resolve_model

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "conflict_pairs.jsonl"
POSITIVE_EXPECTED = {"conflict", "amended"}  # amended pairs do contradict in their wording
EVAL_SEED = 7  # draws the neutral pairs of the evaluation sets
SEEN_JACCARD = 0.6  # word-set overlap above which a fixture clause counts as seen in training


@dataclass(frozen=True)
class ClausePair:
    """One labelled pair of issue C's fixture."""

    a: str
    b: str
    conflict: bool


def nli_sets(data: Path) -> dict[str, list[NliExample]]:
    """The held-out NLI sets, with neutral pairs for the 3-way accuracy."""
    return {
        "contractnli-heldout": contractnli_pairs(data, held_out=True, seed=EVAL_SEED),
        "scifact-dev": scifact_pairs(data, "dev", seed=EVAL_SEED),
    }


def _side(value: Any) -> str:
    return str(value.get("text", "")) if isinstance(value, dict) else str(value or "")


def read_clause_pairs(path: Path) -> list[ClausePair]:
    """Issue C's pairs: sides `a`/`b` (text or {"text": ...}); `expected` or `conflict` label."""
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    pairs: list[ClausePair] = []
    for row in rows:
        a = _side(row.get("a", row.get("text_a")))
        b = _side(row.get("b", row.get("text_b")))
        label = row.get("expected", row.get("label", row.get("conflict")))
        conflict = label in POSITIVE_EXPECTED if isinstance(label, str) else bool(label)
        if a and b:
            pairs.append(ClausePair(a, b, conflict))
    return pairs


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", text.lower()))


def seen_in_training(pairs: list[ClausePair]) -> list[bool]:
    """Pairs with a side worded like a training source clause (template or corpus paragraph).

    Written independently in the same treaty register, some fixture clauses came out close to
    clauses the generator edits; figures without them show how the model does on new wording.
    """
    from qa.nli.clause_templates import CLAUSE_TEMPLATES, SEMANTIC_TRIPLES
    from qa.nli.generated import corpus_clauses, fixture_texts

    fixtures = FIXTURE.parent
    sources = [*CLAUSE_TEMPLATES, *(c for triple in SEMANTIC_TRIPLES for c in triple)]
    sources += corpus_clauses(fixtures.parents[1] / "corpus", fixture_texts(fixtures))
    known = [_words(s) for s in sources]

    def seen(text: str) -> bool:
        words = _words(text)
        return any(len(words & k) >= SEEN_JACCARD * len(words | k) for k in known)

    return [seen(p.a) or seen(p.b) for p in pairs]


def score_nli_set(
    loaded: LoadedModel, examples: list[NliExample], threshold: float
) -> dict[str, Any]:
    """P/R/F1 on contradiction-vs-entailment pairs, 3-way accuracy on all, pairs per second."""
    started = time.perf_counter()
    probs = predict_proba(loaded, [(e.premise, e.hypothesis) for e in examples])
    seconds = time.perf_counter() - started
    labelled = [i for i, e in enumerate(examples) if e.label != NliLabel.NEUTRAL]
    truth = [examples[i].label == NliLabel.CONTRADICTION for i in labelled]
    scores = binary_scores(truth, [bool(probs[i, 0] >= threshold) for i in labelled])
    three_way = accuracy([e.label_id for e in examples], [int(i) for i in probs.argmax(axis=1)])
    return scores.as_dict() | {
        "accuracy_3way": round(three_way, 4),
        "pairs": len(examples),
        "pairs_per_s": round(len(examples) / seconds, 1),
    }


def score_clause_pairs(model: str, pairs: list[ClausePair], threshold: float) -> dict[str, Any]:
    """Issue C's pairs through CrossEncoderScorer (sentence pairs, max), conflict vs not."""
    from qa.nli.scorer import CrossEncoderScorer

    scorer = CrossEncoderScorer(model, threshold=threshold)
    started = time.perf_counter()
    verdicts = scorer.score_many([(ClauseText(p.a), ClauseText(p.b)) for p in pairs])
    seconds = time.perf_counter() - started
    scores = binary_scores([p.conflict for p in pairs], [v.conflict for v in verdicts])
    return scores.as_dict() | {"pairs": len(pairs), "pairs_per_s": round(len(pairs) / seconds, 1)}


def evaluate_fixture(model: str, threshold: float) -> dict[str, Any]:
    """Issue C's pairs (model alone), all and those worded unlike any training source."""
    pairs = read_clause_pairs(FIXTURE) if FIXTURE.is_file() else []
    if not pairs:
        return {}
    unseen = [p for p, seen in zip(pairs, seen_in_training(pairs), strict=True) if not seen]
    return {
        "conflict-pairs": score_clause_pairs(model, pairs, threshold),
        "conflict-pairs, unseen wording": score_clause_pairs(model, unseen, threshold),
    }


def evaluate_loaded(loaded: LoadedModel, threshold: float, data: Path | None) -> dict[str, Any]:
    """Figures of an in-memory model on the held-out NLI sets (empty without shared data)."""
    if data is None:
        return {}
    return {
        name: score_nli_set(loaded, examples, threshold)
        for name, examples in nli_sets(data).items()
    }


def _print(figures: dict[str, Any], title: str) -> None:
    print(title)
    for name, row in figures.items():
        extra = f"  acc3={row['accuracy_3way']:.3f}" if "accuracy_3way" in row else ""
        print(
            f"  {name:22s} P={row['precision']:.3f} R={row['recall']:.3f} F1={row['f1']:.3f}"
            f"{extra}  n={row['pairs']} (+{row['positives']} contra)  {row['pairs_per_s']} pairs/s"
        )


def main(argv: list[str] | None = None) -> int:
    """Evaluate a model folder and print its figures beside the ones recorded at training."""
    parser = argparse.ArgumentParser(prog="python -m qa.nli.evaluate", description=__doc__)
    parser.add_argument(
        "--model", default="default", help="model folder or name (default: shipped)"
    )
    parser.add_argument("--threshold", type=float, default=None, help="default: the model's own")
    parser.add_argument(
        "--record", action="store_true", help="store the figures in accord.json and the card"
    )
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(2)
    loaded = load_model(args.model)
    threshold = args.threshold if args.threshold is not None else loaded.threshold
    print(f"model {loaded.name}  threshold {threshold:.2f}")
    figures = evaluate_loaded(loaded, threshold, shared_data_dir())
    figures |= evaluate_fixture(args.model, threshold)
    _print(
        figures,
        "as loaded (fp16 weights, fp32 inference)" if args.model == "default" else "as loaded",
    )
    recorded = read_settings(resolve_model(args.model)).get("evaluation", {})
    for precision in ("fp32", "fp16"):
        if precision in recorded:
            _print(recorded[precision], f"recorded at training, {precision}")
    if args.record:
        from qa.nli.saving import record_evaluation

        folder = Path(resolve_model(args.model))
        record_evaluation(folder, figures, review_from_training_data(loaded, folder))
    return 0


def review_from_training_data(loaded: LoadedModel, folder: Path) -> dict[str, Any]:
    """Re-choose the review threshold on the run's own validation split, rebuilt from its seed.

    The split is rebuilt from the recorded seed and checked against the recorded data sha256;
    when the data differ (another shared-data folder), nothing is re-chosen.
    """
    from qa.nli.train import review_threshold, validation_scores
    from qa.nli.training_data import build_training_data, fingerprint

    settings = read_settings(str(folder))
    data_dir = shared_data_dir()
    if data_dir is None or "seed" not in settings:
        return {}
    data = build_training_data(int(settings["seed"]), data=data_dir)
    if fingerprint(data.train + data.validation) != settings.get("data", {}).get("sha256"):
        print("training data differ from the recorded run: review threshold kept")
        return {}
    review = review_threshold(*validation_scores(loaded, data.validation))
    print(f"review threshold {review['review_threshold']:.2f}  {review['review_validation']}")
    return review


if __name__ == "__main__":
    sys.exit(main())
