"""`accord ingest` and `accord status` as an analyst runs them: output, JSON, exit codes."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from index import IndexReader
from tests.conftest import DOCS, REPO, cli_environment, run_accord


def accord(*args: str, index: Path) -> subprocess.CompletedProcess[str]:
    return run_accord(*args, index=index)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("exchange-agreement.md", "reference-note.md", "portion-marked.txt"):
        shutil.copy(DOCS / name, folder / name)
    (folder / "accord.toml").write_text(
        '[parties]\nALD = "Republic of Aldoria"\nBRV = "Kingdom of Brevia"\n\n'
        '["exchange-agreement.md"]\ntitle = "Maritime Surveillance Data Agreement"\n'
        'kind = "agreement"\nparties = ["ALD", "BRV"]\ndate = "2016-05-12"\n'
    )
    return folder


def test_ingest_then_status_json(tmp_path: Path, corpus: Path) -> None:
    index = tmp_path / "index"
    result = accord("ingest", str(corpus), "--quiet", index=index)
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.splitlines()[0]
        == "added 3, updated 0, renamed 0, removed 0, unchanged 0, rejected 0"
    )
    status = json.loads(accord("status", "--json", index=index).stdout)
    by_title = {d["title"]: d for d in status["documents"]}
    agreement = by_title["Maritime Surveillance Data Agreement"]
    assert {
        k: agreement[k]
        for k in ("kind", "classification", "clauses", "parties", "date", "unmarked")
    } == {
        "kind": "agreement",
        "classification": "RESTRICTED",
        "clauses": 7,
        "parties": ["Republic of Aldoria", "Kingdom of Brevia"],
        "date": "2016-05-12",
        "unmarked": False,
    }
    assert agreement["source"] == str(corpus / "exchange-agreement.md")
    annex = by_title["LIAISON ARRANGEMENTS"]  # "ANNEX C" is a part label, not a title
    assert (annex["classification"], annex["releasable_to"], annex["clauses"]) == (
        "SECRET//REL TO ALD, BRV",
        ["ALD", "BRV"],
        3,
    )
    assert status["unmarked"] == [str(corpus / "reference-note.md")]
    assert status["totals"] == {"documents": 3, "clauses": 12}


def test_second_ingest_embeds_nothing_and_text_status_lists_unmarked(
    tmp_path: Path, corpus: Path
) -> None:
    index = tmp_path / "index"
    accord("ingest", str(corpus), "--quiet", index=index)
    again = accord("ingest", str(corpus), "--quiet", "--json", index=index)
    summary = json.loads(again.stdout)
    assert (
        again.returncode,
        summary["clauses_embedded"],
        summary["generation"],
        summary["unchanged"],
    ) == (0, 0, None, 3)
    text = accord("status", index=index).stdout
    assert "Unmarked documents (given the default level; add a banner line to fix):" in text
    assert "[UNMARKED: default level]" in text


def test_exit_status_3_names_every_rejected_file(tmp_path: Path, corpus: Path) -> None:
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 nothing else")
    (corpus / "notes.xlsx").write_bytes(b"PK\x03\x04")
    result = accord("ingest", str(corpus), "--quiet", index=tmp_path / "index")
    assert result.returncode == 3
    rejected = [line for line in result.stdout.splitlines() if line.startswith("rejected:")]
    assert rejected[0] == f"rejected: {corpus / 'notes.xlsx'}: unsupported file type '.xlsx'"
    assert rejected[1].startswith(f"rejected: {corpus / 'broken.pdf'}: corrupt or unreadable PDF")


def test_usage_errors_exit_2_and_missing_index_is_a_clear_message(tmp_path: Path) -> None:
    assert accord("ingest", index=tmp_path / "i").returncode == 2
    missing = accord("status", index=tmp_path / "nothing")
    assert missing.returncode == 1
    assert missing.stderr.strip() == (
        f"accord: error: no index at {tmp_path / 'nothing'}: build one with "
        f"`accord ingest PATH --index {tmp_path / 'nothing'}`"
    )
    assert "Traceback" not in missing.stderr


def test_progress_is_reported_on_stderr(tmp_path: Path, corpus: Path) -> None:
    result = accord("ingest", str(corpus), index=tmp_path / "index")
    assert "files 3/3" in result.stderr and "ETA" in result.stderr and "clauses 12" in result.stderr


def test_killing_an_ingest_midway_leaves_the_last_index_loadable(
    tmp_path: Path, corpus: Path, shared_data: Path
) -> None:
    index = tmp_path / "index"
    accord("ingest", str(corpus), "--quiet", index=index)
    env = cli_environment(index)
    for delay in (0.5, 1.5, 3.0):
        process = subprocess.Popen(
            [sys.executable, "-m", "qa.cli", "ingest", str(shared_data / "agreements"), "--quiet"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        children = psutil.Process(process.pid).children(recursive=True)
        process.send_signal(signal.SIGKILL)
        process.wait()
        _, alive = psutil.wait_procs(children, timeout=10)
        assert alive == []  # parser workers notice their parent is gone and exit
        reader = IndexReader.open(index)
        assert reader.manifest.counts["documents"] in (3, 36)
        reader.close()
    finished = accord("ingest", str(shared_data / "agreements"), "--quiet", index=index)
    assert finished.returncode == 3  # index.tsv is not a document
    assert json.loads(accord("status", "--json", index=index).stdout)["totals"]["documents"] == 36
