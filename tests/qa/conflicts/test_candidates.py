"""Candidate pairs by comparable key, the ranked map, the real-differences report and the
judged top of a map: on a small index of three agreements written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.settings import Settings
from qa.conflicts.candidates import comparable_keys
from qa.conflicts.differences import Difference, load_differences, ranked, score_differences
from qa.conflicts.judgements import draft, judge_top
from qa.conflicts.store import ConflictStore, StoredFlag
from tests.conftest import build_index

AGREEMENTS = {
    "north.md": "# Agreement North\n\n### Article 9\n\nEither Party may terminate this Agreement"
    " by giving six months' written notice to the other Party.\n\n### Article 4\n\nThe Sending"
    " State shall bear the costs of the security measures taken for visits of its officials.\n",
    "south.md": "# Agreement South\n\n### Article 12\n\nThis Arrangement may be ended by either"
    " Participant upon two months' notice in writing.\n\n### Article 3\n\nMeteorological data"
    " may be exchanged without restriction.\n",
    "east.md": "# Agreement East\n\n### Article 2\n\nThe receiving State shall have jurisdiction"
    " over offences committed by members of the force off duty.\n",
}


@pytest.fixture(scope="module")
def agreements(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder = tmp_path_factory.mktemp("agreements")
    for name, text in AGREEMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return build_index(tmp_path_factory.mktemp("index"), folder, "hashing")


def test_comparable_keys_name_what_the_rules_can_compare() -> None:
    assert comparable_keys(
        "Either Party may terminate this Agreement by giving six months' written notice."
    ) == {"time:termination"}
    assert comparable_keys(
        "Offences committed off duty shall be tried by the courts of the receiving State."
    ) == {"jurisdiction:the host State", "forum:dispute settlement", "forum:jurisdiction"}


def test_notice_periods_worded_apart_are_paired_and_shown_as_a_difference(
    agreements: Settings,
) -> None:
    store = ConflictStore.for_index(agreements.index.path, readonly=True)
    assert store is not None
    flags = list(store.flags())
    store.close()
    assert [(f.topic, f.score) for f in flags] == [("termination", 0.45)]
    assert flags[0].explanation.endswith("— different instruments, each with its own terms")


def _flag(a: str, b: str, topic: str, score: float, similarity: float) -> StoredFlag:
    return StoredFlag(a, b, a[0], b[0], "numeric", "conflict", score, topic, "", "", "", similarity)


def test_ranked_puts_one_flag_per_document_pair_and_topic_first() -> None:
    flags = [
        _flag("x1", "y1", "costs", 0.9, 0.8),
        _flag("x2", "y2", "costs", 0.9, 0.7),
        _flag("x3", "z1", "retention", 0.6, 0.5),
        _flag("x4", "y3", "retention", 0.45, 0.9),
    ]
    assert [f.a_clause for f in ranked(flags)] == ["x1", "x3", "x4", "x2"]


def test_differences_found_by_the_map_with_their_place(agreements: Settings) -> None:
    pairs = [
        Difference(
            "D1",
            "numeric",
            "termination notice",
            ("north.md", "six months' written notice"),
            ("south.md", "two months' notice in writing"),
            False,
            "dev",
        ),
        Difference(
            "C1",
            "other",
            "costs",
            ("north.md", "bear the costs of the security measures"),
            ("south.md", "Meteorological data may be exchanged"),
            True,
            "dev",
        ),
        Difference(
            "D2", "other", "", ("east.md", "no such text"), ("south.md", "x"), False, "test"
        ),
    ]
    report = score_differences(agreements.index.path, pairs).as_json()
    assert (report["found_at_rank"], report["missed"], report["unresolved"]) == (
        {"D1": 1},
        [],
        ["D2"],
    )
    assert (report["consistent_pairs"], report["consistent_flagged"]) == (1, [])


def test_the_fixture_has_dev_and_test_splits() -> None:
    assert (len(load_differences(split="dev")), len(load_differences(split="test"))) == (28, 26)
    assert sum(not d.consistent for d in load_differences(split="test")) == 22
    with pytest.raises(ValueError, match="split must be one of dev, test, all"):
        load_differences(split="train")


def test_judged_top_counts_verdicts_and_reports_the_unjudged(
    agreements: Settings, tmp_path: Path
) -> None:
    (row,) = draft(agreements.index.path, 30)
    assert (row["a"]["file"], row["b"]["file"], row["verdict"]) == ("north.md", "south.md", "")
    judgements = tmp_path / "judgements.jsonl"
    assert judge_top(agreements.index.path, judgements, 30)["unjudged_ranks"] == [1]
    row |= {"verdict": "worth", "why": "two notice periods for the same step"}
    judgements.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert judge_top(agreements.index.path, judgements, 30) == {
        "flags": 1,
        "judged": 1,
        "worth": 1,
        "precision": 1.0,
        "unjudged_ranks": [],
    }
