"""Simultaneous sessions: `threads` sessions ask questions at the same time through one shared
engine, as Streamlit's script threads do (`Engine.load` in every session returns the server's
engine). Each session has its own clearance, so the visibility masks differ."""

from __future__ import annotations

import multiprocessing
import threading
import time
from pathlib import Path
from typing import Any

from bench.config import BenchConfig
from bench.ingestion import index_settings
from bench.latency import forget_sentences
from bench.measure import Stopwatch, median, percentile, rounded, rss_tree_mb
from ingest.embed import make_embedder
from qa.access import Clearance
from qa.engine import Engine

LEVELS = 4  # clearance ranks 1..4 (RESTRICTED .. TOP SECRET) rotate over the sessions


def _session(
    config: BenchConfig,
    index_dir: Path,
    number: int,
    questions: list[str],
    start: threading.Barrier,
    latencies: list[float],
    errors: list[str],
) -> None:
    user = Clearance(f"session-{number}", 1 + number % LEVELS, frozenset())
    start.wait()
    for turn in range(config.serving_rounds):
        question = questions[(number * config.serving_rounds + turn) % len(questions)]
        started = time.perf_counter()
        try:
            engine = Engine.load(index_dir, index_settings(config, index_dir))
            engine.ask(question, user=user)
        except Exception as error:  # counted and reported, never fatal to the benchmark
            errors.append(f"{type(error).__name__}: {error}")
        latencies.append((time.perf_counter() - started) * 1000)


def one_wave(config: BenchConfig, index_dir: Path, questions: list[str]) -> dict[str, Any]:
    """All sessions at once; returns throughput, latency and errors of the wave."""
    latencies: list[float] = []
    errors: list[str] = []
    start = threading.Barrier(config.serving_threads + 1)
    threads = [
        threading.Thread(
            target=_session,
            args=(config, index_dir, number, questions, start, latencies, errors),
        )
        for number in range(config.serving_threads)
    ]
    for thread in threads:
        thread.start()
    with Stopwatch() as watch:
        start.wait()
        for thread in threads:
            thread.join()
    return {
        "seconds": watch.seconds,
        "questions": len(latencies),
        "per_s": len(latencies) / watch.seconds if watch.seconds else 0.0,
        "median_ms": median(latencies),
        "p95_ms": percentile(latencies, 0.95),
        "errors": errors,
        "rss_mb": rss_tree_mb(),
    }


def run(config: BenchConfig, index_dir: Path, questions: list[str]) -> dict[str, Any]:
    """`serving_waves` waves of simultaneous sessions after a warm-up; throughput and
    latency are medians over the waves, memory is read after each.

    Runs in a fresh process that loads its own model, as a server does: in the benchmark's
    process the earlier suites (a 1M-clause engine, IVF sweeps) left gigabytes of freed memory
    behind, whose reuse would be read as the sessions' growth.
    """
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        result: dict[str, Any] = pool.apply(_serve, (config, index_dir, questions))
    return result


def _serve(config: BenchConfig, index_dir: Path, questions: list[str]) -> dict[str, Any]:
    embedder = make_embedder(config.model)
    embedder.embed(["warm-up"])
    Engine.forget()
    engine = Engine.load(index_dir, index_settings(config, index_dir), embedder)
    for question in questions[:3]:
        engine.ask(question)
    before = rss_tree_mb()
    waves = []
    for _ in range(config.serving_waves):
        forget_sentences(engine)  # each wave starts cold
        waves.append(one_wave(config, index_dir, questions))
    errors = [e for wave in waves for e in wave["errors"]]
    result = {
        "clauses": engine.reader.manifest.counts.get("clauses", 0),
        "sessions": config.serving_threads,
        "questions_per_session": config.serving_rounds,
        "waves": len(waves),
        "questions_per_s": rounded(median([w["per_s"] for w in waves]), 2),
        "median_ms": rounded(median([w["median_ms"] for w in waves]), 1),
        "p95_ms": rounded(median([w["p95_ms"] for w in waves]), 1),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
        "rss_before_mb": rounded(before, 1),
        "rss_after_waves_mb": [rounded(w["rss_mb"], 1) for w in waves],
        "rss_growth_mb": rounded(waves[-1]["rss_mb"] - before, 1),
        "rss_growth_after_first_wave_mb": rounded(waves[-1]["rss_mb"] - waves[0]["rss_mb"], 1),
        **memory_trend([w["rss_mb"] for w in waves]),
    }
    Engine.forget()
    return result


TREND_WAVES = 5  # waves compared at each end


def memory_trend(rss_mb: list[float]) -> dict[str, float]:
    """Median resident memory of the last waves against the first ones (MiB and share).

    A single wave's reading moves by ~1% either way (threads, caches); comparing medians of
    `TREND_WAVES` waves at each end keeps that noise out while a leak of 2 MiB a wave over 20
    waves still shows as ~3%.
    """
    count = max(1, min(TREND_WAVES, len(rss_mb) // 2))
    first, last = median(rss_mb[:count]), median(rss_mb[-count:])
    return {
        "rss_trend_mb": rounded(last - first, 1),
        "rss_trend_share": rounded((last - first) / first, 4) if first else 0.0,
    }
