"""The recipes make the edits their labels promise."""

from __future__ import annotations

import random

import pytest

from qa.nli.clause_templates import CLAUSE_TEMPLATES, SEMANTIC_TRIPLES
from qa.nli.examples import NliLabel
from qa.nli.generated import clause_pairs, generated_pairs
from qa.nli.recipes import (
    CONTRADICTION_RECIPES,
    ENTAILMENT_RECIPES,
    change_number,
    equivalent_number,
    flip_exception,
    flip_modal,
    reorder,
    swap_level,
    swap_party,
    swap_synonym,
)

RETAIN = "The Receiving Party shall retain Intelligence for five years."


def rng() -> random.Random:
    return random.Random(0)


def test_change_number_gives_a_different_duration() -> None:
    edited = change_number(RETAIN, rng())
    assert edited is not None and "five years" not in edited
    assert edited.startswith("The Receiving Party shall retain Intelligence for ")


def test_equivalent_number_keeps_the_duration() -> None:
    text = "Each Party shall notify the other within 72 hours."
    outputs = {equivalent_number(text, random.Random(seed)) for seed in range(20)}
    assert "Each Party shall notify the other within three days." in outputs
    assert outputs <= {
        "Each Party shall notify the other within three days.",
        "Each Party shall notify the other within 3 days.",
        "Each Party shall notify the other within seventy-two hours.",
    } | {None}


def test_equivalent_number_months_and_years() -> None:
    text = "The review takes place every 24 months."
    outputs = {equivalent_number(text, random.Random(seed)) for seed in range(20)}
    assert "The review takes place every two years." in outputs


def test_flip_modal_negates_and_un_negates() -> None:
    assert flip_modal("The Parties shall not retain it.", rng()) == "The Parties shall retain it."
    assert (
        flip_modal("Either Party may terminate it.", rng()) == "Either Party may not terminate it."
    )
    assert flip_modal("Copying is permitted.", rng()) == "Copying is prohibited."
    assert flip_modal("No modal verb here.", rng()) is None


def test_flip_exception_removes_the_consent_exception() -> None:
    text = (
        "The Receiving Party shall not release Intelligence "
        "except with the prior written consent of the Originating Party."
    )
    assert (
        flip_exception(text, rng())
        == "The Receiving Party shall not release Intelligence under any circumstances."
    )


def test_flip_exception_adds_consent_to_a_bare_permission() -> None:
    edited = flip_exception("The Receiving Party may release Intelligence to the Alliance.", rng())
    assert edited is not None
    assert edited.startswith(
        "The Receiving Party may release Intelligence to the Alliance, "
        "but only with the prior written consent of "
    )


def test_flip_exception_turns_without_into_only_with() -> None:
    text = "The Receiving Party may translate Intelligence without the consent of the originator."
    assert (
        flip_exception(text, rng())
        == "The Receiving Party may translate Intelligence only with the prior written consent "
        "of the originator."
    )


def test_swap_party_moves_the_duty() -> None:
    text = "The costs shall be borne by the Receiving Party."
    assert swap_party(text, rng()) == "The costs shall be borne by the Originating Party."
    assert swap_party("Aldorian liaison officers report to Aldoria.", rng()) in {
        "Brevian liaison officers report to Brevia.",
        "Calderan liaison officers report to Caldera.",
    }


def test_swap_level_changes_the_level() -> None:
    edited = swap_level("Information classified TOP SECRET shall be logged.", rng())
    assert (
        edited is not None and "TOP SECRET" not in edited and edited.endswith(" shall be logged.")
    )


def test_swap_synonym_and_reorder_keep_the_meaning() -> None:
    assert swap_synonym("The Parties shall notify each other without delay.", rng()) in {
        "The Parties must notify each other without delay.",
        "The Parties shall inform each other without delay.",
        "The Parties shall notify each other promptly.",
    }
    assert (
        reorder("Intelligence may be translated and reproduced.", rng())
        == "Intelligence may be reproduced and translated."
    )


def test_recipes_apply_to_most_templates() -> None:
    assert len(CLAUSE_TEMPLATES) >= 60 and len(SEMANTIC_TRIPLES) >= 10
    for recipes in (CONTRADICTION_RECIPES, ENTAILMENT_RECIPES):
        applied = [t for t in CLAUSE_TEMPLATES if any(r(t, rng()) for r in recipes.values())]
        assert len(applied) >= 0.8 * len(CLAUSE_TEMPLATES)


@pytest.mark.parametrize("recipe", ["flip_modal", "swap_level", "change_number"])
def test_clause_pairs_label_contradicting_edits(recipe: str) -> None:
    clause = "Information classified SECRET shall be destroyed within 30 days."
    pairs = clause_pairs(clause, ["Decisions are taken by consensus.", clause], random.Random(3))
    labels = {p.recipe: p.label for p in pairs}
    assert labels.get(recipe, NliLabel.CONTRADICTION) == NliLabel.CONTRADICTION
    assert labels["other_clause"] == NliLabel.NEUTRAL
    assert all(p.group == pairs[0].group for p in pairs)


def test_generated_pairs_are_reproducible() -> None:
    first = generated_pairs([], seed=5)
    assert first == generated_pairs([], seed=5)
    assert {p.label for p in first} == set(NliLabel)
