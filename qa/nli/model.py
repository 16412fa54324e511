"""Loading and running a sequence-classification cross-encoder, once per process, on CPU.

The shipped model stores fp16 weights to stay small; they are converted to fp32 at load time,
because fp16 matrix products are slow (and on some CPUs unsupported) without an accelerator.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa.nli.examples import LABELS, NliLabel

if TYPE_CHECKING:
    import numpy as np

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "accord-nli-minilm"
SETTINGS_FILE = "accord.json"  # labels order, threshold, max_length, training figures
DEFAULT_THRESHOLD = 0.5  # for models without accord.json
DEFAULT_MAX_LENGTH = 256
LABEL_KEYS = {
    NliLabel.CONTRADICTION: "contradict",
    NliLabel.ENTAILMENT: "entail",
    NliLabel.NEUTRAL: "neutral",
}

_CACHE: dict[str, LoadedModel] = {}
_LOCK = threading.Lock()


class ModelUnavailable(RuntimeError):
    """The cross-encoder cannot be loaded (missing folder, not a classifier, unknown labels)."""


@dataclass(frozen=True)
class LoadedModel:
    """A model ready for inference and how to read its outputs."""

    name: str
    model: Any  # transformers PreTrainedModel, in eval mode, fp32
    tokenizer: Any
    columns: tuple[int | None, ...]  # output column of each label in LABELS (None: absent)
    threshold: float  # p(contradiction) at or above which a pair is flagged
    max_length: int
    # The threshold of a flag of the model beside the rules: accord.json's "combined_threshold"
    # (chosen for the combination on the treaty pairs' dev split), else its "review_threshold"
    # (validation precision >= REVIEW_PRECISION); else `threshold`.
    review_threshold: float | None = None


def resolve_model(model: str) -> str:
    """A folder path or a model name: "default" is the shipped model folder."""
    if model == "default":
        return str(DEFAULT_MODEL_DIR)
    path = Path(model).expanduser()
    return str(path.resolve()) if path.is_dir() else model


def label_columns(id2label: dict[int, str]) -> tuple[int | None, ...]:
    """The output column of each of LABELS, matched by name prefix, case-insensitively.

    "CONTRADICTION", "contradictory" and "Entailment" match; "not_entailment" does not.

    Raises:
        ModelUnavailable: when the model has no contradiction or no entailment label.
    """
    columns: list[int | None] = []
    for label in LABELS:
        found = [
            int(i)
            for i, name in id2label.items()
            if str(name).lower().startswith(LABEL_KEYS[label])
        ]
        columns.append(found[0] if found else None)
    if columns[0] is None or columns[1] is None:
        raise ModelUnavailable(f"labels {sorted(id2label.values())} lack contradiction/entailment")
    return tuple(columns)


def read_settings(folder: str) -> dict[str, Any]:
    """The Accord settings stored beside a model (empty for other models)."""
    path = Path(folder) / SETTINGS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def load_model(model: str = "default") -> LoadedModel:
    """Load a cross-encoder once per process (thread-safe), offline, on CPU, in fp32.

    Args:
        model: "default", a local folder, or the name of a locally cached HF model.

    Raises:
        ModelUnavailable: when it cannot be loaded.
    """
    name = resolve_model(model)
    with _LOCK:
        if name not in _CACHE:
            _CACHE[name] = _load(name)
        return _CACHE[name]


def _load(name: str) -> LoadedModel:
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(name, local_files_only=True)
        network = AutoModelForSequenceClassification.from_pretrained(
            name, local_files_only=True, dtype=torch.float32
        )
    except OSError as error:
        raise ModelUnavailable(f"cannot load cross-encoder {name!r}: {error}") from error
    return wrap_model(name, network.float().eval(), tokenizer, read_settings(name))


def wrap_model(name: str, network: Any, tokenizer: Any, settings: dict[str, Any]) -> LoadedModel:
    """A LoadedModel around an in-memory network (also used by training and evaluation)."""
    return LoadedModel(
        name=name,
        model=network,
        tokenizer=tokenizer,
        columns=label_columns(dict(network.config.id2label)),
        threshold=float(settings.get("threshold", DEFAULT_THRESHOLD)),
        max_length=int(settings.get("max_length", DEFAULT_MAX_LENGTH)),
        review_threshold=_beside_rules(settings),
    )


def _beside_rules(settings: dict[str, Any]) -> float | None:
    """The threshold of a model-only flag beside the rules: the one chosen for the combination
    on the dev split of the treaty pairs ("combined_threshold"), else the validation one."""
    for key in ("combined_threshold", "review_threshold"):
        if key in settings:
            return float(settings[key])
    return None


def predict_proba(
    loaded: LoadedModel, pairs: list[tuple[str, str]], batch_size: int = 32
) -> np.ndarray:
    """Probabilities (n, 3) in LABELS order; batched by length, padded per batch.

    Absent labels (a two-way model has no neutral) get probability 0.
    """
    import numpy as np
    import torch

    out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            encoded = loaded.tokenizer(
                [pairs[i][0] for i in batch],
                [pairs[i][1] for i in batch],
                truncation=True,
                max_length=loaded.max_length,
                padding=True,
                return_tensors="pt",
            )
            probs = torch.softmax(loaded.model(**encoded).logits.float(), dim=-1).numpy()
            for column, source in enumerate(loaded.columns):
                if source is not None:
                    out[batch, column] = probs[:, source]
    return out
