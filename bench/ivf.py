"""Exact against IVF search on the largest grown index: recall@10, time per query, build and
load time, memory per million clauses.

Queries are real questions embedded with the run's model. Recall@10 is the share of the
exact top 10 (inner product over all rows) that the IVF index returns in its top 10. Each
query is timed alone, as `Engine.ask` searches, with the all-rows bitmap selector.
"""

from __future__ import annotations

import gc
import importlib
import math
import multiprocessing
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.measure import Stopwatch, median, rounded, rss_tree_mb
from index import Manifest, current_generation, vectors

RECALL_TARGET = 0.98
K = 10


def _faiss() -> Any:
    return importlib.import_module("faiss")


def _per_query_ms(index: Any, queries: np.ndarray, selector: Any, nprobe: int | None) -> float:
    faiss = _faiss()
    if nprobe is None:
        params = faiss.SearchParameters(sel=selector)
    else:
        params = faiss.SearchParametersIVF(sel=selector, nprobe=nprobe)
    times = []
    for row in range(len(queries)):
        started = time.perf_counter()
        index.search(queries[row : row + 1], K, params=params)
        times.append((time.perf_counter() - started) * 1000)
    return median(times)


def _recall(found: np.ndarray, truth: np.ndarray) -> float:
    hits = [len(set(f.tolist()) & set(t.tolist())) / K for f, t in zip(found, truth, strict=True)]
    return float(np.mean(hits))


def _build_ivf(matrix: np.ndarray, nlist: int) -> tuple[Any, float]:
    faiss = _faiss()
    with Stopwatch() as watch:
        quantizer = faiss.IndexFlatIP(matrix.shape[1])
        index = faiss.IndexIVFFlat(quantizer, matrix.shape[1], nlist, faiss.METRIC_INNER_PRODUCT)
        index.train(vectors._training_sample(matrix, nlist))
        for start in range(0, len(matrix), 65536):
            index.add(np.ascontiguousarray(matrix[start : start + 65536], dtype=np.float32))
    return index, watch.seconds


def _exact(matrix: np.ndarray) -> Any:
    index = _faiss().IndexFlatIP(matrix.shape[1])
    for start in range(0, len(matrix), 65536):
        index.add(np.ascontiguousarray(matrix[start : start + 65536], dtype=np.float32))
    return index


def sweep(
    matrix: np.ndarray, queries: np.ndarray, factors: tuple[float, ...], nprobes: tuple[int, ...]
) -> dict[str, Any]:
    """Recall@10 and per-query time for each (nlist, nprobe) against exact search."""
    faiss = _faiss()
    size = len(matrix)
    bitmap = np.packbits(np.ones(size, dtype=np.uint8), bitorder="little")
    selector = faiss.IDSelectorBitmap(size, faiss.swig_ptr(bitmap))
    exact = _exact(matrix)
    truth = exact.search(queries, K)[1]
    out: dict[str, Any] = {"exact_ms": rounded(_per_query_ms(exact, queries, selector, None), 2)}
    del exact
    gc.collect()
    settings = []
    for factor in factors:
        nlist = max(1, min(size // 39, round(factor * math.sqrt(size))))
        index, build_s = _build_ivf(matrix, nlist)
        for nprobe in nprobes:
            index.nprobe = nprobe
            settings.append(
                {
                    "nlist": nlist,
                    "nprobe": nprobe,
                    "recall_at_10": rounded(_recall(index.search(queries, K)[1], truth), 4),
                    "ms_per_query": rounded(_per_query_ms(index, queries, selector, nprobe), 2),
                    "build_s": rounded(build_s, 1),
                }
            )
        del index
        gc.collect()
    out["settings"] = settings
    good = [s for s in settings if s["recall_at_10"] >= RECALL_TARGET]
    out["fastest_meeting_target"] = min(good, key=lambda s: s["ms_per_query"]) if good else None
    return out


def _load_in_this_process(folder: Path) -> tuple[float, float, int]:
    """(seconds, resident MiB gained, rows) loading the generation's vector index here."""
    manifest = Manifest.read(folder)
    gc.collect()
    before = rss_tree_mb()
    with Stopwatch() as watch:
        index = vectors.VectorIndex(folder, manifest.vector_index, manifest.dim)
    return watch.seconds, rss_tree_mb() - before, index.size


def load_figures(folder: Path) -> dict[str, Any]:
    """Load time and resident memory of the generation's own vector index, per million rows.

    Measured in a fresh process: in this one, the sweep's freed indexes leave memory that the
    allocator hands straight back, so a load here gained no resident memory at all.
    """
    manifest = Manifest.read(folder)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        seconds, grown, size = pool.apply(_load_in_this_process, (folder,))
    per_million = 1e6 / max(size, 1)
    return {
        "type": manifest.vector_index.get("type"),
        "params": manifest.vector_index,
        "load_s": rounded(seconds, 2),
        "load_s_per_million": rounded(seconds * per_million, 2),
        "rss_mb": rounded(grown, 1),
        "rss_mb_per_million": rounded(grown * per_million, 1),
    }


def run(
    index_dir: Path, queries: np.ndarray, factors: tuple[float, ...], nprobes: tuple[int, ...]
) -> dict[str, Any]:
    """The sweep and the load figures on one published index."""
    folder = current_generation(index_dir)
    assert folder is not None
    matrix = np.load(folder / vectors.VECTORS_NAME, mmap_mode="r")
    queries = np.ascontiguousarray(queries, dtype=np.float32)
    result: dict[str, Any] = {
        "clauses": len(matrix),
        "queries": len(queries),
        "recall_target": RECALL_TARGET,
    }
    result.update(sweep(matrix, queries, factors, nprobes))
    del matrix
    result["load"] = load_figures(folder)
    return result
