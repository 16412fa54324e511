"""Generated treaty-register pairs: seeded, balanced, one change per contradiction, no
evaluation text."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest

from qa.nli.examples import NliExample, NliLabel
from qa.nli.register_pairs import _numeric_label, register_pairs, statement
from qa.nli.training_data import without_fixture_texts
from tests.conftest import FIXTURES

C, E, N = NliLabel.CONTRADICTION, NliLabel.ENTAILMENT, NliLabel.NEUTRAL


def test_the_draw_is_seeded_and_balanced() -> None:
    pairs = register_pairs(13, 60)
    assert len(pairs) == 7272
    counts = Counter((pair.recipe, pair.label) for pair in pairs)
    assert counts[("modal", C)] == 915 and counts[("jurisdiction", N)] == 622
    assert counts[("classification", E)] == 88
    assert {pair.source for pair in pairs} == {"register"}
    assert pairs == register_pairs(13, 60)


def test_families_are_drawn_by_their_share_of_the_rounds() -> None:
    few = Counter(pair.recipe for pair in register_pairs(13, 2))
    assert few == {"classification": 27, "exception": 66, "jurisdiction": 56, "numeric": 63}


@pytest.mark.parametrize(
    ("kind", "x", "y", "label"),
    [
        ("exact", 180, 365, C),  # a fixed period changed
        ("allowed", 3, 10, C),  # a wider permission breaks the narrower one
        ("deadline", 2, 5, N),  # two deadlines: the shorter meets both
        ("floor", 14, 30, N),  # two minimums: the larger meets both
        ("deadline", 30, 30, E),
    ],
)
def test_numeric_labels_follow_what_can_both_hold(
    kind: str, x: int, y: int, label: NliLabel
) -> None:
    assert _numeric_label(kind, x, y) is label


def test_a_statement_says_its_holder_modal_act_and_setting() -> None:
    sentence = statement(
        "host",
        "prohibition",
        "arrest members of the force",
        "within the installations of the force",
        random.Random(3),
    )
    assert sentence == (
        "The host State may not arrest members of the force within the installations of the force."
    )


def test_pairs_with_a_side_quoted_by_an_evaluation_set_are_left_out() -> None:
    quote = "Each Party shall bear its own costs."
    pairs = [
        NliExample(quote, "The host pays.", C, "register", "g1"),
        NliExample("The host pays.", "The sender pays.", C, "register", "g2"),
    ]
    assert without_fixture_texts(pairs, ["Each  Party shall bear its own costs."]) == pairs[1:]


def test_no_pair_quotes_an_evaluation_set() -> None:
    quoted: set[str] = set()
    for name in ("treaty_pairs.jsonl", "conflict_pairs.jsonl"):
        for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            quoted |= {" ".join(str(row[k]).split()) for k in ("a", "b")}
    texts = {text for pair in register_pairs(13, 60) for text in (pair.premise, pair.hypothesis)}
    assert not texts & quoted
