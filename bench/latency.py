"""Query latency of `Engine.ask` end to end, with the model loaded, in one process.

Each size is a grown index (see `bench.grow`); every question is asked `repeats` times (one
pass over the list per repeat) and each figure is the median over the passes. The engine's
sentence-vector cache is emptied before every question, so each pays for highlighting as a
question about unseen clauses would; one more pass without emptying it gives the warm
figures. The engine's
own `timings_ms` split the time into embedding the question, searching (dense + BM25 +
fusion + fetching and choosing passages), highlighting and conflicts; the dense and BM25
searches are also timed alone on the same questions.

Sentences are embedded for highlighting in float32 (`ingest.embed.highlight_embedder`), as
everything else: the figures do not depend on whether the CPU has native bfloat16.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.config import BenchConfig
from bench.indexes import grown_index
from bench.ingestion import index_settings
from bench.measure import Stopwatch, median, percentile, rounded, rss_tree_mb
from ingest.embed import Embedder
from qa.engine import Engine

WARM_UP = 3
PARTS = ("embed", "search", "highlight", "conflicts")


def load_engine(
    config: BenchConfig, index_dir: Path, embedder: Embedder, **overrides: object
) -> tuple[Engine, float]:
    """A fresh engine on `index_dir` (settings `overrides`) and the seconds loading it took."""
    Engine.forget()
    gc.collect()
    with Stopwatch() as watch:
        engine = Engine.load(index_dir, index_settings(config, index_dir, **overrides), embedder)
    return engine, watch.seconds


def forget_sentences(engine: Engine) -> None:
    """Empty the engine's sentence-vector cache, if it has one (a question about clauses
    never highlighted before pays for embedding their sentences)."""
    cache = getattr(engine, "sentences", None)
    if cache is not None and hasattr(cache, "clear"):
        cache.clear()


def _pass(engine: Engine, questions: list[str], cold: bool = True) -> dict[str, float]:
    totals: list[float] = []
    parts: dict[str, list[float]] = {part: [] for part in PARTS}
    for question in questions:
        if cold:
            forget_sentences(engine)
        started = time.perf_counter()
        answer = engine.ask(question)
        totals.append((time.perf_counter() - started) * 1000)
        for part in PARTS:
            parts[part].append(answer.timings_ms.get(part, 0.0))
    out = {"median_ms": median(totals), "p95_ms": percentile(totals, 0.95), "max_ms": max(totals)}
    out.update({f"{part}_ms": median(values) for part, values in parts.items()})
    out.update({f"{part}_p95_ms": percentile(values, 0.95) for part, values in parts.items()})
    return out


def cold_passes(engine: Engine, questions: list[str], repeats: int) -> list[dict[str, float]]:
    """A few warm-up questions, then `repeats` cold passes over all of them."""
    for question in questions[:WARM_UP]:
        engine.ask(question)
    return [_pass(engine, questions) for _ in range(repeats)]


def search_parts(engine: Engine, questions: list[str]) -> dict[str, float]:
    """Dense search and BM25 search alone (the engine's pool size, all rows allowed)."""
    reader, allowed = engine.reader, engine.allowed(None)
    pool = max(engine.settings.answers.candidates, engine.settings.answers.top_k * 4)
    vectors = engine.embedder.embed(questions)
    dense, lexical = [], []
    for question, vector in zip(questions, vectors, strict=True):
        started = time.perf_counter()
        reader.vectors.search(np.asarray(vector), pool, allowed)
        middle = time.perf_counter()
        reader.lexical.search(question, pool, allowed)
        dense.append((middle - started) * 1000)
        lexical.append((time.perf_counter() - middle) * 1000)
    return {
        "dense_ms": median(dense),
        "dense_p95_ms": percentile(dense, 0.95),
        "bm25_ms": median(lexical),
        "bm25_p95_ms": percentile(lexical, 0.95),
    }


def measure(engine: Engine, questions: list[str], repeats: int) -> dict[str, Any]:
    """Medians over `repeats` cold passes (sentence cache emptied before every question) of
    the per-pass median, p95 and parts; then, after one untimed pass that embeds every chosen
    passage's sentences, one warm pass."""
    passes = cold_passes(engine, questions, repeats)
    out: dict[str, Any] = {k: rounded(median([p[k] for p in passes]), 1) for k in passes[0]}
    for question in questions:  # every passage's sentences embedded once, then timed
        engine.ask(question)
    warm = _pass(engine, questions, cold=False)
    out["warm_median_ms"] = rounded(warm["median_ms"], 1)
    out["warm_p95_ms"] = rounded(warm["p95_ms"], 1)
    parts = [search_parts(engine, questions) for _ in range(repeats)]
    out.update({k: rounded(median([p[k] for p in parts]), 2) for k in parts[0]})
    out["p95_runs_ms"] = [rounded(p["p95_ms"], 1) for p in passes]
    return out


def run_size(
    config: BenchConfig, base_dir: Path, size: int, embedder: Embedder, questions: list[str]
) -> dict[str, Any]:
    """Grow (or reuse) the index of `size` clauses, load it and time the questions."""
    with Stopwatch() as building:
        index_dir = grown_index(config, base_dir, size)
    before = rss_tree_mb()
    engine, load_s = load_engine(config, index_dir, embedder)
    loaded = rss_tree_mb()
    result: dict[str, Any] = {
        "clauses": size,
        "documents": len(engine.documents),
        "vector_index": engine.reader.manifest.vector_index,
        "grow_s": rounded(building.seconds, 1),
        "engine_load_s": rounded(load_s, 2),
        "engine_rss_mb": rounded(loaded - before, 1),
    }
    result.update(measure(engine, questions, config.repeats))
    result["process_rss_mb"] = rounded(rss_tree_mb(), 1)
    Engine.forget()
    return result


TARGETS_MS = {10_000: 150.0, 1_000_000: 300.0}


def run(
    config: BenchConfig, base_dir: Path, embedder: Embedder, questions: list[str]
) -> dict[str, Any]:
    """Latency at every configured size."""
    sizes = {}
    for size in config.latency_sizes:
        sizes[str(size)] = run_size(config, base_dir, size, embedder, questions)
        gc.collect()
    return {"questions": len(questions), "sizes": sizes, "p95_targets_ms": TARGETS_MS}
