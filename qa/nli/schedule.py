"""How many steps a run takes and the learning rate at each: warm-up, then linear decay.

A run is planned for whole epochs, then, once warm-up has shown how fast this machine is today,
shortened to what fits the time budget, so the decay always completes. That one decision is
recorded; `--max-steps N` replays a run exactly without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SAFETY = 0.85  # share of the remaining time the sized plan may use (machine load varies)


@dataclass
class StepPlan:
    """Warm-up and total optimiser steps; `total` may shrink once, after warm-up."""

    planned: int  # steps in the requested epochs
    warmup: int  # linear warm-up steps
    total: int  # steps the run will take
    sized_to_budget: bool = False  # total was cut to fit the time budget

    def lr_factor(self, step: int) -> float:
        """Multiplier of the peak learning rate before optimiser step `step` (0-based)."""
        if step < self.warmup:
            return (step + 1) / self.warmup
        return max(0.0, (self.total - step) / max(1, self.total - self.warmup))

    def fit_to_budget(self, done: int, seconds_per_step: float, seconds_left: float) -> None:
        """Cut `total` to the steps that fit in `seconds_left` at the measured speed."""
        fits = done + int(SAFETY * seconds_left / max(seconds_per_step, 1e-9))
        if fits < self.total:
            self.total = max(done, fits)
            self.sized_to_budget = True


def make_plan(planned: int, warmup_steps: int, max_steps: int | None) -> StepPlan:
    """The plan before training: all epochs (or `max_steps`), warm-up at most a tenth of them."""
    total = min(planned, max_steps) if max_steps else planned
    warmup = max(1, min(warmup_steps, planned // 10))
    return StepPlan(planned=planned, warmup=warmup, total=total)


def make_optimiser(
    model: Any, learning_rate: float, weight_decay: float, plan: StepPlan
) -> tuple[Any, Any]:
    """AdamW with linear warm-up and decay; the word embeddings stay frozen (speed, vocabulary)."""
    import torch

    model.base_model.embeddings.word_embeddings.weight.requires_grad_(False)
    params = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    groups = [
        {
            "params": [p for n, p in params if not _no_decay(n)],
            "weight_decay": weight_decay,
        },
        {"params": [p for n, p in params if _no_decay(n)], "weight_decay": 0.0},
    ]
    optimiser = torch.optim.AdamW(groups, lr=learning_rate)
    return optimiser, torch.optim.lr_scheduler.LambdaLR(optimiser, plan.lr_factor)


def _no_decay(name: str) -> bool:
    return name.endswith("bias") or "LayerNorm" in name
