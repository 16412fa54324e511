"""Warm-up, linear decay, and sizing the run to the time budget."""

from __future__ import annotations

from qa.nli.schedule import make_plan


def test_warm_up_then_linear_decay_to_zero() -> None:
    plan = make_plan(planned=1000, warmup_steps=100, max_steps=None)
    assert (plan.warmup, plan.total) == (100, 1000)
    assert plan.lr_factor(0) == 0.01 and plan.lr_factor(99) == 1.0
    assert plan.lr_factor(100) == 1.0 and plan.lr_factor(550) == 0.5 and plan.lr_factor(1000) == 0.0


def test_sizing_to_the_budget_shortens_the_decay() -> None:
    plan = make_plan(planned=1000, warmup_steps=100, max_steps=None)
    plan.fit_to_budget(done=100, seconds_per_step=1.0, seconds_left=400.0)
    assert plan.total == 100 + 340 and plan.sized_to_budget
    assert plan.lr_factor(270) == 0.5


def test_a_fast_machine_keeps_the_plan_and_max_steps_replays() -> None:
    plan = make_plan(planned=1000, warmup_steps=100, max_steps=None)
    plan.fit_to_budget(done=100, seconds_per_step=0.1, seconds_left=4000.0)
    assert plan.total == 1000 and not plan.sized_to_budget
    assert make_plan(planned=1000, warmup_steps=100, max_steps=440).total == 440
    assert make_plan(planned=20, warmup_steps=100, max_steps=None).warmup == 2
