"""The training command end to end on a tiny subset with a tiny encoder, in seconds."""

from __future__ import annotations

import json
from pathlib import Path

from qa.nli.model import load_model, predict_proba
from qa.nli.train import length_batches, main


def test_length_batches_group_similar_lengths() -> None:
    import random

    lengths = [5, 50, 6, 51, 7, 52, 8, 53]
    batches = length_batches(lengths, 2, random.Random(0))
    assert sorted(i for b in batches for i in b) == list(range(8))
    assert all(abs(lengths[b[0]] - lengths[b[-1]]) <= 2 for b in batches)


def test_tiny_training_writes_a_loadable_model(
    tiny_encoder: Path, mini_data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "model"
    args = [
        "--tiny",
        "--out",
        str(out),
        "--base",
        str(tiny_encoder),
        "--data",
        str(mini_data),
        "--corpus",
        str(tmp_path / "none"),
    ]
    assert main(args) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "MODEL_CARD.md",
        "accord.json",
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "tokenizer_config.json",
    ]
    settings = json.loads((out / "accord.json").read_text())
    assert settings["labels"] == ["contradiction", "entailment", "neutral"]
    assert 0.05 <= settings["threshold"] <= 0.95 and settings["max_length"] == 64
    assert settings["held_out_contracts"][0] == 9
    assert "contractnli:9" not in json.dumps(settings)
    loaded = load_model(str(out))
    assert str(loaded.model.dtype) == "torch.float32"
    probs = predict_proba(
        loaded, [("a b c", "d e f"), ("The Parties shall act.", "They shall not.")]
    )
    assert probs.shape == (2, 3) and abs(float(probs.sum()) - 2.0) < 1e-4


def test_tiny_runs_never_overwrite_the_shipped_model() -> None:
    from qa.nli.model import DEFAULT_MODEL_DIR
    from qa.nli.train import output_folder

    assert output_folder(tiny=False) == DEFAULT_MODEL_DIR
    tiny = output_folder(tiny=True)
    assert tiny.parent.name.startswith("accord-nli-tiny-") and not tiny.exists()
