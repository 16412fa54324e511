"""Data sources: splits by document and by claim, never a held-out item in training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.nli.datasets import HELD_OUT_CONTRACTS, choose_held_out, contractnli_pairs, scifact_pairs
from qa.nli.examples import NliExample, NliLabel, in_validation, split_by_group
from qa.nli.training_data import build_training_data

HELD_OUT_IDS = (9, 32, 35, 63, 70, 72, 81, 152, 405, 575, 582, 595)


def _doc_ids(pairs: list[NliExample]) -> set[int]:
    return {int(p.group.split(":")[1]) for p in pairs}


def test_held_out_contracts_are_fixed() -> None:
    assert HELD_OUT_CONTRACTS == HELD_OUT_IDS


def test_contractnli_split_is_by_document(mini_data: Path) -> None:
    train = contractnli_pairs(mini_data, held_out=False, seed=1)
    held = contractnli_pairs(mini_data, held_out=True, seed=1)
    assert _doc_ids(train) == {10, 11}
    assert _doc_ids(held) == {9}
    labels = {
        (p.group, p.hypothesis.split()[4], p.label) for p in train if p.label != NliLabel.NEUTRAL
    }
    assert ("contractnli:11", "share", NliLabel.CONTRADICTION) in labels
    assert ("contractnli:10", "share", NliLabel.ENTAILMENT) in labels


def test_contractnli_neutral_spans_are_not_evidence(mini_data: Path) -> None:
    neutral = [
        p
        for p in contractnli_pairs(mini_data, held_out=False, seed=1)
        if p.label == NliLabel.NEUTRAL
    ]
    assert neutral
    assert all("third party" not in p.premise and "employees" not in p.premise for p in neutral)


def test_scifact_labels_and_neutral(mini_data: Path) -> None:
    pairs = scifact_pairs(mini_data, "train", seed=1)
    labelled = {(p.premise, p.label) for p in pairs if p.label != NliLabel.NEUTRAL}
    assert labelled == {
        ("Drug A lowers blood pressure in adults.", NliLabel.ENTAILMENT),
        ("Drug A did not change heart rate.", NliLabel.CONTRADICTION),
    }
    assert {p.group for p in pairs} == {"scifact:train:10", "scifact:train:11"}


def test_training_data_never_holds_held_out_items(mini_data: Path, tmp_path: Path) -> None:
    data = build_training_data(seed=2, data=mini_data, corpus=tmp_path / "no-corpus")
    everything = data.train + data.validation
    contract_groups = {p.group for p in everything if p.source == "contractnli"}
    assert contract_groups == {"contractnli:10", "contractnli:11"}
    assert all(":dev:" not in p.group for p in everything)
    assert data.counts["generated"]["contradiction"] > 100
    # the written pairs: 242 contradictions, read both ways, three times each
    assert data.counts["written"]["contradiction"] == 242 * 2 * 3


def test_split_by_group_keeps_groups_whole() -> None:
    pairs = [NliExample("a", "b", NliLabel.NEUTRAL, "s", f"g{i % 40}") for i in range(400)]
    train, validation = split_by_group(pairs, 0.25)
    assert {p.group for p in train}.isdisjoint({p.group for p in validation})
    assert all(in_validation(p.group, 0.25) for p in validation)
    assert 0 < len(validation) < len(train)


@pytest.mark.data
def test_real_contractnli_split(shared_data: Path) -> None:
    documents = json.loads((shared_data / "contractnli" / "dev.json").read_text())["documents"]
    assert choose_held_out([d["id"] for d in documents]) == HELD_OUT_IDS
    train_ids = _doc_ids(contractnli_pairs(shared_data, held_out=False, seed=13))
    assert train_ids.isdisjoint(HELD_OUT_IDS) and len(train_ids) == 49
    assert _doc_ids(contractnli_pairs(shared_data, held_out=True, seed=13)) == set(HELD_OUT_IDS)
