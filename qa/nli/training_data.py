"""The training set of the contradiction model: every source, built at run time, then split."""

from __future__ import annotations

import hashlib
import logging
import random
from dataclasses import dataclass
from pathlib import Path

from qa.nli.datasets import contractnli_pairs, scifact_pairs, shared_data_dir
from qa.nli.examples import NliExample, label_counts, split_by_group
from qa.nli.generated import (
    AGREEMENT_PARAGRAPHS,
    agreement_clauses,
    corpus_clauses,
    fixture_texts,
    generated_pairs,
)
from qa.nli.register_pairs import register_pairs
from qa.nli.written_pairs import WRITTEN_PAIRS, written_pairs

log = logging.getLogger(__name__)
REPO = Path(__file__).resolve().parents[2]
VALIDATION_FRACTION = 0.1  # of groups; the threshold is chosen on this split
REGISTER_ROUNDS = 60  # draws of the treaty-register families (~7,000 pairs)
TINY_TRAIN, TINY_VALIDATION = 48, 24  # --tiny: enough to run every step, in seconds


@dataclass(frozen=True)
class TrainingData:
    """The two splits and what went into them."""

    train: list[NliExample]
    validation: list[NliExample]
    counts: dict[str, dict[str, int]]  # all pairs, per source and label
    corpus_clauses: int  # clause paragraphs taken from corpus/
    agreement_clauses: int  # English paragraphs sampled from the real agreements
    excluded_fixture_texts: int  # fixture quotes whose paragraphs were kept out


def collect_pairs(
    data: Path | None, corpus: Path, fixtures: Path, seed: int
) -> tuple[list[NliExample], int, int, int]:
    """All training pairs: SciFact train, ContractNLI minus held-out documents, generated,
    register, and the pairs written for training (`qa.nli.written_pairs`).

    Returns:
        The pairs, the number of corpus clauses, of agreement paragraphs, of fixture quotes.
    """
    quotes = fixture_texts(fixtures)
    own = corpus_clauses(corpus, quotes) if corpus.is_dir() else []
    real: list[str] = []
    pairs: list[NliExample] = []
    if data is not None:
        pairs += scifact_pairs(data, "train", seed)
        pairs += contractnli_pairs(data, held_out=False, seed=seed)
        real = agreement_clauses(data / "agreements", AGREEMENT_PARAGRAPHS, seed)
    else:
        log.warning("shared data not found: training on generated pairs only")
    pairs += generated_pairs(own + real, seed)
    pairs += register_pairs(seed, REGISTER_ROUNDS)
    if WRITTEN_PAIRS.is_file():
        pairs += written_pairs()
    pairs = without_fixture_texts(pairs, quotes)
    return pairs, len(own), len(real), len(quotes)


def without_fixture_texts(pairs: list[NliExample], quotes: list[str]) -> list[NliExample]:
    """Pairs none of whose sides is a clause of an evaluation set (a generated sentence can
    coincide with one word for word; it must not reach training even as one side)."""
    quoted = {" ".join(quote.split()) for quote in quotes}
    kept = [
        p
        for p in pairs
        if not {" ".join(p.premise.split()), " ".join(p.hypothesis.split())} & quoted
    ]
    if len(kept) < len(pairs):
        log.info(
            "left out %d pairs with a side quoted by an evaluation set", len(pairs) - len(kept)
        )
    return kept


def build_training_data(
    seed: int, tiny: bool = False, data: Path | None = None, corpus: Path | None = None
) -> TrainingData:
    """Collect every source and split by group into train and validation.

    Args:
        seed: drives every sampling step.
        tiny: keep a small random subset (for the end-to-end test).
        data: the shared data folder (default: found beside the repository).
        corpus: Accord's own corpus folder (default: corpus/ in the repository).

    Returns:
        The splits and their provenance counts.
    """
    folder = data if data is not None else shared_data_dir()
    pairs, own, real, quotes = collect_pairs(
        folder, corpus or REPO / "corpus", REPO / "tests" / "fixtures", seed
    )
    train, validation = split_by_group(pairs, VALIDATION_FRACTION)
    rng = random.Random(seed)
    rng.shuffle(train)
    if tiny:
        train, validation = train[:TINY_TRAIN], validation[:TINY_VALIDATION]
    return TrainingData(train, validation, label_counts(pairs), own, real, quotes)


def fingerprint(examples: list[NliExample]) -> str:
    """sha256 of the pairs in order: two runs trained on the same data share it."""
    digest = hashlib.sha256()
    for e in examples:
        digest.update(f"{e.premise}\x1f{e.hypothesis}\x1f{e.label}\x1f{e.group}\x1e".encode())
    return digest.hexdigest()
