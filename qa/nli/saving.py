"""Writing the model folder: fp16 weights, tokenizer, accord.json and MODEL_CARD.md."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qa.nli.examples import LABELS
from qa.nli.model import SETTINGS_FILE
from qa.nli.model_card import render_model_card

FORMAT_VERSION = 1
KEEP = (
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "tokenizer_config.json",
    SETTINGS_FILE,
    "MODEL_CARD.md",
)


def folder_megabytes(folder: Path) -> float:
    """Size of the files in a folder, in MB (10^6 bytes)."""
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 1e6


def save_model(model: Any, tokenizer: Any, out: Path, report: dict[str, Any]) -> None:
    """Save the network in fp16 with its tokenizer, settings and model card.

    Written to a sibling temporary folder first and then swapped in, so a failed run never
    leaves a half-written model where the scorer looks for it.
    """
    staging = out.with_name(out.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    model.half().save_pretrained(staging)
    tokenizer.save_pretrained(staging)
    for extra in staging.iterdir():
        if extra.name not in KEEP:
            extra.unlink()
    settings = {"format": FORMAT_VERSION, "labels": [label.value for label in LABELS]} | report
    settings["size_mb"] = round(folder_megabytes(staging), 1)
    (staging / SETTINGS_FILE).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    (staging / "MODEL_CARD.md").write_text(render_model_card(settings), encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    staging.rename(out)


def _update_settings(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Apply `change` to the folder's accord.json and re-render its model card."""
    path = folder / SETTINGS_FILE
    settings = json.loads(path.read_text(encoding="utf-8"))
    change(settings)
    path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    (folder / "MODEL_CARD.md").write_text(render_model_card(settings), encoding="utf-8")


def record_evaluation(
    folder: Path, figures: dict[str, Any], extra: dict[str, Any] | None = None
) -> None:
    """Store `python -m qa.nli.evaluate` figures of the shipped file and re-render the card."""

    def change(settings: dict[str, Any]) -> None:
        settings.update(extra or {})
        settings.setdefault("evaluation", {})["shipped"] = figures

    _update_settings(folder, change)


def record_combined_threshold(folder: Path, chosen: dict[str, Any]) -> None:
    """Store the threshold of model flags beside the rules (chosen on the treaty pairs, dev)."""

    def change(settings: dict[str, Any]) -> None:
        settings.update(chosen)
        settings["combined_threshold_source"] = (
            "tests/fixtures/treaty_pairs.jsonl, dev split: best F1 of rules + model with"
            " precision >= 0.8 (accord eval conflicts --split dev --choose-threshold)"
        )

    _update_settings(folder, change)


def record_comparison(folder: Path, report: dict[str, Any]) -> None:
    """Store `accord eval conflicts --record` figures (rules, model, combined); re-render the card.

    Labelled-pair and out-of-domain figures are kept per scorer; the planted-conflict figures
    under "rules" when the run had the model switched off, else under "combined".
    """

    def change(settings: dict[str, Any]) -> None:
        comparison = settings.setdefault("comparison", {})
        labelled = comparison.setdefault("labelled_pairs", {})
        for name, figures in report["labelled_pairs"].items():
            labelled[name] = {**figures["overall"], "pairs_per_s": figures["pairs_per_s"]}
        for set_name, by_scorer in report.get("out_of_domain", {}).items():
            comparison.setdefault("out_of_domain", {}).setdefault(set_name, {}).update(by_scorer)
        treaty = comparison.setdefault("treaty_pairs", {}).setdefault(report["split"], {})
        for name, figures in report["treaty_pairs"].items():
            treaty[name] = {**figures["overall"], "pairs_per_s": figures["pairs_per_s"]}
        scorer = "rules" if report["contradiction_model"] == "none" else "combined"
        comparison.setdefault("planted", {})[scorer] = report["planted"]
        if "real_map" in report:
            comparison.setdefault("real_map", {})[scorer] = report["real_map"]

    _update_settings(folder, change)
