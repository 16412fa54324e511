"""The benchmark scripts run end to end at a tiny size (project corpus, hashing embedder)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bench.__main__ import BEGIN, END, main, update_readme
from bench.corpora import repeated_corpus, split_corpus
from bench.grow import plan_rows
from bench.measure import percentile
from bench.report import markdown_table
from bench.serving import memory_trend


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    work = tmp_path_factory.mktemp("bench")
    out = work / "results.json"
    assert main(["--tiny", "--work", str(work / "scratch"), "--out", str(out)]) == 0
    data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_results_have_every_section_and_the_machine(results: dict[str, object]) -> None:
    assert {"machine", "load_before", "load_after", "command", "seconds"} <= set(results)
    assert {"ingest", "incremental", "latency", "ivf", "serving"} <= set(results)
    machine = results["machine"]
    assert isinstance(machine, dict)
    assert {"cpu", "cores", "ram_gib", "python", "torch_threads", "date", "commit"} <= set(machine)
    assert results["command"] == "python -m bench --tiny"


def test_ingest_compares_pipeline_and_model_on_the_same_texts(
    results: dict[str, object],
) -> None:
    case = results["ingest"]["cases"]["corpus x2"]  # type: ignore[index]
    assert case["pipeline"]["embedded"] == case["distinct_texts"] > 0
    assert len(case["pipeline"]["runs_s"]) == len(case["model"]["runs_s"]) == 2
    assert case["pipeline"]["peak_rss_mb"] > 0
    assert case["ratio"] == pytest.approx(
        case["pipeline"]["texts_per_s"] / case["model"]["texts_per_s"], abs=1e-3
    )


def test_update_figures(results: dict[str, object]) -> None:
    section = results["incremental"]
    assert isinstance(section, dict)
    assert section["documents"] == 12
    assert section["change_one_embedded"] == 1  # one word changed: one clause re-embedded
    assert section["change_one_s"] > 0
    assert section["delete_one_s"] > 0


def test_latency_switches_to_ivf_above_the_threshold(results: dict[str, object]) -> None:
    sizes = results["latency"]["sizes"]  # type: ignore[index]
    assert sizes["600"]["vector_index"]["type"] == "flat"
    assert sizes["3000"]["vector_index"]["type"] == "ivf"
    assert sizes["3000"]["clauses"] == 3000
    for figures in sizes.values():
        assert 0 < figures["median_ms"] <= figures["p95_ms"]


def test_ivf_sweep_and_serving(results: dict[str, object]) -> None:
    ivf = results["ivf"]
    assert isinstance(ivf, dict)
    assert [s["nprobe"] for s in ivf["settings"]] == [4, 16]
    assert all(0 <= s["recall_at_10"] <= 1 for s in ivf["settings"])
    assert ivf["load"]["type"] == "ivf"
    assert ivf["load"]["rss_mb"] > 0  # measured in a fresh process, not masked by the sweep
    serving = results["serving"]
    assert isinstance(serving, dict)
    assert serving["errors"] == 0
    assert len(serving["rss_after_waves_mb"]) == 2
    assert serving["rss_trend_mb"] == serving["rss_growth_after_first_wave_mb"]  # one each end


def test_memory_trend_compares_medians_of_five_waves_at_each_end() -> None:
    waves = [100.0, 110, 90, 100, 100, 500, 101, 103, 99, 102, 102]
    assert memory_trend(waves) == {"rss_trend_mb": 2.0, "rss_trend_share": 0.02}
    assert memory_trend([100.0, 104.0]) == {"rss_trend_mb": 4.0, "rss_trend_share": 0.04}


def test_readme_section_is_replaced(results: dict[str, object], tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Benchmarks\n\n{BEGIN}\nold\n{END}\n\nmethod\n", encoding="utf-8")
    update_readme(results, readme)
    text = readme.read_text(encoding="utf-8")
    assert "old" not in text and text.endswith(f"{END}\n\nmethod\n")
    assert markdown_table(results) in text


def test_repeated_corpus_makes_every_copy_new(tmp_path: Path) -> None:
    corpus = repeated_corpus(tmp_path, None, ("corpus",), 300_000)
    first = sorted((tmp_path / "copy-1" / "corpus").glob("*.md"))[0]
    second = tmp_path / "copy-2" / "corpus" / first.name
    assert second.read_bytes().startswith(first.read_bytes()) and second.read_bytes() != (
        first.read_bytes()
    )
    assert f'title = "Copy 2 of {first.stem}"' in (second.parent / "accord.toml").read_text()
    assert corpus.text_bytes >= 300_000


def test_split_corpus_gives_the_asked_number_of_documents(tmp_path: Path) -> None:
    assert split_corpus(tmp_path, None, ("corpus",), 30).files == 30


def test_grown_rows_keep_the_base_once_then_pair_copies() -> None:
    rows, copies, partners = plan_rows(np.arange(5), 12, seed=0)
    assert rows.tolist() == [0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1]
    assert copies.tolist() == [0] * 5 + [1] * 5 + [2] * 2
    assert partners[:5].tolist() == [0, 1, 2, 3, 4]
    assert sorted(partners[5:10].tolist()) == [0, 1, 2, 3, 4]


def test_percentile_interpolates() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.95) == pytest.approx(4.8)
