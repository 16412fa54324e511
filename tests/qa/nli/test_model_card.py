"""The model card shows the rules / model / combined figures of `accord eval conflicts --record`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from qa.nli.model import DEFAULT_MODEL_DIR, SETTINGS_FILE
from qa.nli.saving import record_comparison


def _counts(p: float, r: float, f1: float) -> dict[str, Any]:
    return {"precision": p, "recall": r, "f1": f1, "tp": 1, "fp": 0, "fn": 0, "tn": 0}


def _planted(found: int, missed: int, flags: int) -> dict[str, Any]:
    return {
        "recall": round(found / (found + missed), 4),
        "found": [f"p{i}" for i in range(found)],
        "missed": [f"m{i}" for i in range(missed)],
        "amended_shown_as_amended": ["a1"],
        "amended_not_shown_as_amended": [],
        "consistent_pairs_flagged": [],
        "total_flags": flags,
    }


def _report(model: str, planted: dict[str, Any]) -> dict[str, Any]:
    names = ["rules"] if model == "none" else ["rules", "model", "combined"]
    figures = {
        "rules": _counts(0.989, 0.796, 0.882),
        "model": _counts(0.5, 0.25, 0.3333),
        "combined": _counts(0.95, 0.85, 0.8972),
    }
    return {
        "contradiction_model": model,
        "split": "test",
        "treaty_pairs": {
            n: {"overall": figures[n], "pairs_per_s": 900.0 if n == "rules" else 40.0}
            for n in names
        },
        "labelled_pairs": {
            n: {"overall": figures[n], "pairs_per_s": 1500.0 if n == "rules" else 60.0}
            for n in names
        },
        "planted": planted,
        "out_of_domain": {
            "contractnli-heldout": {n: figures[n] for n in names},
            "scifact-dev": {n: figures[n] for n in names},
        },
    }


def test_recorded_comparison_reaches_settings_and_card(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    folder.mkdir()
    shutil.copy(DEFAULT_MODEL_DIR / SETTINGS_FILE, folder / SETTINGS_FILE)
    record_comparison(folder, _report("none", _planted(7, 6, 31)))
    record_comparison(folder, _report("default", _planted(8, 5, 35)))

    settings = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
    comparison = settings["comparison"]
    assert sorted(comparison["labelled_pairs"]) == ["combined", "model", "rules"]
    assert comparison["labelled_pairs"]["combined"]["f1"] == 0.8972
    assert sorted(comparison["planted"]) == ["combined", "rules"]
    assert comparison["planted"]["rules"]["total_flags"] == 31

    card = (folder / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert (
        "| rules | 0.989 / 0.796 / 0.882 | 1,500 | 0.989 / 0.796 / 0.882 | 0.989 / 0.796 / 0.882 |"
        in card
    )
    assert "| combined | 0.950 / 0.850 / 0.897 | 60 | " in card
    assert (
        "- rules: 7 of 13 planted conflicts flagged (recall 0.5385), 0 planted consistent pairs "
        'flagged, 1 of 1 amendments shown as "amended by", 31 flags in all'
    ) in card
    assert "- combined: 8 of 13 planted conflicts flagged (recall 0.6154)" in card
    assert card.index("## Rules, model and combined") < card.index("## Limitations")
    assert sorted(comparison["treaty_pairs"]["test"]) == ["combined", "model", "rules"]
    assert "| test | combined | 0.950 / 0.850 / 0.897 | 40 |" in card
