"""Clause pairs written by hand for training, in the register of the real agreements.

`tests/fixtures/treaty_training_pairs.jsonl`: pairs written for training by four people who
never opened the evaluation sets (`treaty_pairs.jsonl`, `conflict_pairs.jsonl`, the real
differences), each told a mix of kinds (jurisdiction, exceptions, modal scope, classification
equivalences, time limits in words and digits, compatible numbers, paraphrases, near-misses)
and to word every clause themselves. Generated recipes give the model volume; these give it
wording no recipe has. Contradiction and neutral pairs are read both ways round (the relation
is symmetric); an entailment only as written.
"""

from __future__ import annotations

from pathlib import Path

from qa.jsonl import numbered_records
from qa.nli.examples import NliExample, NliLabel

REPO = Path(__file__).resolve().parents[2]
WRITTEN_PAIRS = REPO / "tests" / "fixtures" / "treaty_training_pairs.jsonl"
KINDS = frozenset(
    {
        "jurisdiction",
        "exception",
        "numeric",
        "modal",
        "classification",
        "near-miss",
        "compatible-number",
        "paraphrase",
    }
)
SYMMETRIC = frozenset({NliLabel.CONTRADICTION, NliLabel.NEUTRAL})
LABEL_NAMES = frozenset(label.value for label in NliLabel)
# Times each written pair is given: they are a few hundred among ~17,000 generated and
# third-party pairs, and the only ones worded like the agreements analysts compare.
REPEATS = 3


class WrittenPairError(ValueError):
    """A line of the written pairs that cannot be used, with its file and line number."""


def load_written(path: Path = WRITTEN_PAIRS) -> list[dict[str, str]]:
    """The pairs of `path`, checked: text on both sides, a known label and kind, an id."""
    rows: list[dict[str, str]] = []
    for where, row in numbered_records(path, WrittenPairError):
        for field in ("id", "a", "b", "label", "kind"):
            if not isinstance(row.get(field), str) or not row[field].strip():
                raise WrittenPairError(f"{where}: {field!r} missing or empty")
        if row["label"] not in LABEL_NAMES:
            raise WrittenPairError(f"{where}: unknown label {row['label']!r}")
        if row["kind"] not in KINDS:
            raise WrittenPairError(f"{where}: unknown kind {row['kind']!r}")
        rows.append(row)
    return rows


def written_pairs(path: Path = WRITTEN_PAIRS, repeats: int = REPEATS) -> list[NliExample]:
    """The written pairs as training examples, each `repeats` times; both orders of a
    symmetric pair share its group (so they fall on one side of the validation split)."""
    examples: list[NliExample] = []
    for row in load_written(path):
        label = NliLabel(row["label"])
        group = f"written:{row['id']}"
        once = [NliExample(row["a"], row["b"], label, "written", group, row["kind"])]
        if label in SYMMETRIC:
            once.append(NliExample(row["b"], row["a"], label, "written", group, row["kind"]))
        examples += once * repeats
    return examples
