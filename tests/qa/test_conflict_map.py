"""The corpus-wide conflict map, question-time conflicts and the conflict CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from index import IngestRun
from ingest.embed import HashingEmbedder
from ingest.records import Document
from ingest.settings import Settings
from qa.access import Clearance
from qa.conflicts.corpus_map import conflict_map
from qa.conflicts.planted import load_planted, score_planted
from qa.conflicts.store import ConflictStore
from qa.engine import Engine
from qa.hooks import after_publish_steps
from tests.conftest import FIXTURES, REPO, make_settings, run_accord

PLANTED = FIXTURES / "corpus_conflicts.jsonl"


def test_rules_alone_find_planted_conflicts_and_show_amendments(corpus_hashing: Settings) -> None:
    # bag-of-words neighbours and rules only: the floor for the weakest configuration
    report = score_planted(corpus_hashing.index.path, load_planted(PLANTED)).as_json()
    assert report["unresolved_rows"] == []
    assert report["recall"] >= 0.35
    assert {"C01", "C04", "C09"} <= set(report["found"])  # retention, release, courts
    assert report["consistent_pairs_flagged"] == []
    assert report["amended_not_shown_as_amended"] == []


def test_an_unchanged_reingest_scores_nothing_new(corpus_hashing: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "index"
    settings = make_settings(folder, **{"models.contradiction": "none"})
    run = IngestRun(settings, HashingEmbedder(), after_publish=after_publish_steps(settings))
    first = run.run([REPO / "corpus"])
    second = run.run([REPO / "corpus"])
    assert first.notes[0].startswith(f"conflict map: {first.clauses_total} clauses scanned")
    assert second.notes == [
        "conflict map: 0 clauses scanned, 0 candidate pairs scored, 0 new flags, "
        "0 flags dropped with removed clauses"
    ]


def test_the_map_only_shows_pairs_a_user_may_see(corpus_hashing: Settings) -> None:
    Engine.forget()
    engine = Engine.load(corpus_hashing.index.path, corpus_hashing)
    everything = conflict_map(engine, None)
    restricted = conflict_map(engine, Clearance("r", level_rank=1, groups=frozenset()))
    assert len(restricted) < len(everything)
    for flag in restricted:
        for side in (flag.a, flag.b):
            assert side.marking is not None and side.marking.rank <= 1
            assert not side.marking.releasable_to


def test_question_time_conflicts_sit_under_the_answer(corpus_hashing: Settings) -> None:
    Engine.forget()
    engine = Engine.load(corpus_hashing.index.path, corpus_hashing)
    answer = engine.ask(
        "How quickly must a security incident be reported to the originating party?", top_k=5
    )
    assert answer.conflicts, "a breach-notification question shows the differing deadlines"
    shown = {p.clause_id for p in answer.passages}
    for flag in answer.conflicts:
        assert flag.a.doc_id != flag.b.doc_id
        assert flag.a.clause_id in shown or flag.b.clause_id in shown


def test_amendment_links_are_computed_once_per_generation(
    corpus_hashing: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qa.conflicts import finder

    calls: list[int] = []
    original = finder.amendment_links

    def counted(documents: list[Document]) -> set[tuple[str, str]]:
        calls.append(len(documents))
        return original(documents)

    monkeypatch.setattr(finder, "amendment_links", counted)
    Engine.forget()
    engine = Engine.load(corpus_hashing.index.path, corpus_hashing)
    for question in ("How quickly must a breach be reported?", "How long may reports be kept?"):
        engine.ask(question, top_k=5)
    assert calls == [len(engine.documents)]


def test_stored_flags_are_dropped_with_their_clauses(corpus_hashing: Settings) -> None:
    store = ConflictStore.for_index(corpus_hashing.index.path, readonly=True)
    assert store is not None
    flags = list(store.flags())
    store.close()
    assert flags and all(f.a_doc != f.b_doc for f in flags)
    assert {f.status for f in flags} <= {"conflict", "amended"}


def accord(*args: str, index: Path) -> subprocess.CompletedProcess[str]:
    return run_accord(*args, index=index)


def test_accord_conflicts_json_and_text(corpus_hashing: Settings) -> None:
    index = corpus_hashing.index.path
    data = json.loads(accord("conflicts", "--json", index=index).stdout)
    assert data["conflicts"] and {"a", "b", "kind", "explanation", "status"} <= set(
        data["conflicts"][0]
    )
    text = accord("conflicts", index=index).stdout
    assert "possible conflict — review" in text
    assert text.splitlines()[0].endswith(f"groups (generation {data['generation']})")


def test_accord_check_single_and_batch(tmp_path: Path) -> None:
    one = accord(
        "check",
        "The Receiving Party shall retain the information for no longer than five years.",
        "The Receiving Party may retain the information for up to ten years.",
        "--json",
        index=tmp_path,
    )
    verdict = json.loads(one.stdout)
    assert (verdict["conflict"], verdict["kind"]) == (True, "numeric")
    assert "5 years" in verdict["explanation"] and "10 years" in verdict["explanation"]
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps(
            {
                "id": "x",
                "a": "Disputes shall be settled by negotiation only.",
                "b": "The sky is blue.",
            }
        )
        + "\n"
    )
    batch = accord("check", "--pairs", str(pairs), index=tmp_path)
    assert [json.loads(line)["id"] for line in batch.stdout.splitlines()] == ["x"]
    assert json.loads(batch.stdout)["conflict"] is False
    assert accord("check", "only one", index=tmp_path).returncode == 2
