"""The training and evaluation unit of the contradiction model: a labelled text pair."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class NliLabel(StrEnum):
    """The three classes of the model, in the order of its output logits."""

    CONTRADICTION = "contradiction"
    ENTAILMENT = "entailment"
    NEUTRAL = "neutral"


LABELS: tuple[NliLabel, ...] = (NliLabel.CONTRADICTION, NliLabel.ENTAILMENT, NliLabel.NEUTRAL)


@dataclass(frozen=True)
class NliExample:
    """One labelled pair.

    `source` names where it came from ("scifact", "contractnli", "generated"); `group` is the unit
    that must not straddle a split (a claim, a contract, a source clause).
    """

    premise: str
    hypothesis: str
    label: NliLabel
    source: str
    group: str
    recipe: str = ""  # generated pairs: the recipe that made the hypothesis

    @property
    def label_id(self) -> int:
        """The label's index in LABELS."""
        return LABELS.index(self.label)


def in_validation(group: str, fraction: float) -> bool:
    """Whether a group falls in the validation split: a stable hash, the same on every run."""
    digest = hashlib.sha256(group.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < fraction


def split_by_group(
    examples: Iterable[NliExample], fraction: float
) -> tuple[list[NliExample], list[NliExample]]:
    """(train, validation): whole groups go to one side, chosen by `in_validation`."""
    train: list[NliExample] = []
    validation: list[NliExample] = []
    for example in examples:
        (validation if in_validation(example.group, fraction) else train).append(example)
    return train, validation


def label_counts(examples: Iterable[NliExample]) -> dict[str, dict[str, int]]:
    """Counts per source and label, for logs and the model card."""
    counts: dict[str, Counter[str]] = {}
    for example in examples:
        counts.setdefault(example.source, Counter())[example.label.value] += 1
    return {source: dict(sorted(c.items())) for source, c in sorted(counts.items())}
