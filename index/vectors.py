"""Dense retrieval with FAISS: exact inner product while that is fast, IVF above a threshold.

Vectors are unit length, so inner product equals cosine similarity. `vectors.npy` (rows =
clause rows) is the source of truth in every generation; an IVF index, when used, is stored
beside it with its parameters in the manifest. Access control filters inside the search
(an ID selector), never after it.
"""

from __future__ import annotations

import importlib
import math
from pathlib import Path
from typing import Any

import numpy as np

VECTORS_NAME = "vectors.npy"
IVF_NAME = "ivf.faiss"


def _faiss() -> Any:
    """FAISS, imported on first use (its SWIG types are not useful to the type checker)."""
    return importlib.import_module("faiss")


# Lists per square root of the size. At 1M clauses, with a quarter of the lists probed, 2 000
# lists found recall@10 0.9945 against exact search at 31 ms a query where 1 000 lists found
# 0.978 at the same cost (bench/README.md, the IVF sweep).
NLIST_PER_SQRT = 2.0


def ivf_parameters(size: int) -> dict[str, Any]:
    """IVF list count for `size` vectors: twice the square root, within [64, 8192]."""
    return {
        "type": "ivf",
        "nlist": int(min(8192, max(64, round(NLIST_PER_SQRT * math.sqrt(size))))),
        "trained_on": 0,
    }


AUTO_NPROBE_SHARE = 4  # by default an IVF query searches 1/4 of the lists


def auto_nprobe(nlist: int) -> int:
    """The default probes: a quarter of the lists (measured at 1M clauses, nlist 2000: 250
    probes recall@10 0.981, 500 probes 0.9945 against exact search, 31 ms a query vs 108 ms)."""
    return max(1, nlist // AUTO_NPROBE_SHARE)


def build(
    folder: Path,
    vectors: np.ndarray,
    exact_max: int,
    nprobe: int,
    previous: Path | None = None,
) -> dict[str, Any]:
    """Write the vector index files of a generation; returns the manifest entry.

    Args:
        folder: generation folder (``vectors.npy`` is already written there).
        vectors: the generation's vectors (may be a memory map).
        exact_max: above this many rows, build an IVF index.
        nprobe: IVF lists searched per query; 0 = `auto_nprobe(nlist)`.
        previous: the previous generation, whose trained IVF centroids are reused when the
            size has not changed by more than half.
    """
    size, dim = vectors.shape
    if size <= exact_max:
        return {"type": "flat", "metric": "inner_product"}
    faiss = _faiss()

    params = ivf_parameters(size)
    index = _reusable_ivf(previous, size, dim, params["nlist"])
    if index is None:
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFFlat(quantizer, dim, params["nlist"], faiss.METRIC_INNER_PRODUCT)
        sample = _training_sample(vectors, params["nlist"])
        index.train(sample)
        params["trained_on"] = len(sample)
    else:
        params["trained_on"] = -1  # centroids reused from the previous generation
    for start in range(0, size, 65536):
        index.add(np.ascontiguousarray(vectors[start : start + 65536], dtype=np.float32))
    faiss.write_index(index, str(folder / IVF_NAME))
    params["nprobe"] = nprobe or auto_nprobe(params["nlist"])
    params["metric"] = "inner_product"
    return params


def _training_sample(vectors: np.ndarray, nlist: int) -> np.ndarray:
    count = min(len(vectors), max(nlist * 40, 20000))
    rows = np.sort(np.random.default_rng(0).choice(len(vectors), size=count, replace=False))
    return np.ascontiguousarray(vectors[rows], dtype=np.float32)


def _reusable_ivf(previous: Path | None, size: int, dim: int, nlist: int) -> Any:
    if previous is None or not (previous / IVF_NAME).exists():
        return None
    faiss = _faiss()

    index = faiss.read_index(str(previous / IVF_NAME))
    if index.d != dim or not (nlist / 2 <= index.nlist <= nlist * 2):
        return None
    index.reset()  # keeps the trained centroids, drops the lists
    return index


class VectorIndex:
    """Search a generation's vectors, restricted to allowed rows."""

    def __init__(self, folder: Path, params: dict[str, Any], dim: int):
        faiss = _faiss()

        self.params = params
        vectors = np.load(folder / VECTORS_NAME, mmap_mode="r")
        self.size = len(vectors)
        if params.get("type") == "ivf":
            self.index = faiss.read_index(str(folder / IVF_NAME))
            self.index.nprobe = int(params.get("nprobe") or 32)
        else:
            self.index = faiss.IndexFlatIP(dim)
            for start in range(0, self.size, 65536):
                self.index.add(
                    np.ascontiguousarray(vectors[start : start + 65536], dtype=np.float32)
                )

    def neighbours(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(rows, scores) of the k nearest rows of many queries at once; -1 marks no row."""
        if self.size == 0:
            empty = np.full((len(queries), 0), -1, dtype=np.int64)
            return empty, empty.astype(np.float32)
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        scores, rows = self.index.search(queries, min(k, self.size))
        return rows.astype(np.int64), scores

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k rows by cosine similarity among `allowed` rows (boolean mask; None = all)."""
        faiss = _faiss()

        if self.size == 0 or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        query = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        params = None
        if allowed is not None:
            if not allowed.any():
                return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
            bitmap = np.packbits(allowed.astype(np.uint8), bitorder="little")
            selector = faiss.IDSelectorBitmap(self.size, faiss.swig_ptr(bitmap))
            if self.params.get("type") == "ivf":
                params = faiss.SearchParametersIVF(sel=selector, nprobe=self.index.nprobe)
            else:
                params = faiss.SearchParameters(sel=selector)
        scores, rows = self.index.search(query, min(k, self.size), params=params)
        keep = rows[0] >= 0
        return rows[0][keep].astype(np.int64), scores[0][keep]
