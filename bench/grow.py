"""Grow a real index to 100k or 1M clauses without embedding 1M texts.

The base is a real index: real documents ingested with the real model. A grown index of N
clauses holds the base clauses once (copy 0, unchanged) and then copies 1, 2, ... of every
base clause until N rows. A copy of clause i borrows from a random partner clause j (a fresh
random pairing per copy), the way a standard clause reappears in another agreement with some
wording of its own:

* vector: normalise(v_i + MIX · v_j + NOISE · g), g standard normal — a new point near v_i
  (cosine ~0.9 to it, ~0.85 between two copies of it), never an exact duplicate;
* terms: each term count of i kept with probability KEEP_TERMS, plus each term count of j
  with probability BORROW_TERMS — posting lists grow with N as in a real collection;
* metadata: the base clause's row (text, section, marking) under new clause and document ids
  (documents are copied whole, so documents grow with clauses).

The generation is written with the `index` package's own functions (`vectors.build` picks
exact or IVF search by size, as at publish) and published like any other.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from scipy import sparse

from index import Manifest, current_generation, generations, lexical, store, vectors

MIX = 0.35
NOISE = 0.015
KEEP_TERMS = 0.9
BORROW_TERMS = 0.35
RECIPE = 1  # bump when the recipe changes, so cached grown indexes are rebuilt
GROWN_NAME = "grown.json"
_NEW_ID = "CASE WHEN p.copy = 0 THEN {col} ELSE substr({col}, 1, 10) || printf('%06x', p.copy) END"


def base_order(db: sqlite3.Connection) -> np.ndarray:
    """Base rows with agreement-like documents first and SciFact abstracts last."""
    query = (
        "SELECT c.row FROM clauses c JOIN documents d ON d.doc_id = c.doc_id "
        "ORDER BY d.abs_path LIKE '%/scifact/%', c.row"
    )
    return np.array([row for (row,) in db.execute(query)], dtype=np.int64)


def plan_rows(order: np.ndarray, size: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(base row, copy number, partner row) for each of `size` new rows."""
    assert len(order), "the base index has no clauses"
    rng = np.random.default_rng(seed)
    base, copy, partner = [], [], []
    number = done = 0
    while done < size:
        rows = order[: size - done]
        done += len(rows)
        base.append(rows)
        copy.append(np.full(len(rows), number, dtype=np.int64))
        partner.append(rows if number == 0 else rng.permutation(order)[: len(rows)])
        number += 1
    return np.concatenate(base), np.concatenate(copy), np.concatenate(partner)


def _vectors(
    folder: Path, base: np.ndarray, plan: tuple[np.ndarray, np.ndarray, np.ndarray], seed: int
) -> np.ndarray:
    rows, copies, partners = plan
    out = np.lib.format.open_memmap(
        folder / vectors.VECTORS_NAME, mode="w+", dtype=np.float32, shape=(len(rows), base.shape[1])
    )
    rng = np.random.default_rng(seed + 1)
    for start in range(0, len(rows), 32768):
        part = slice(start, start + 32768)
        block = base[rows[part]].astype(np.float32)
        mixed = copies[part] > 0
        if mixed.any():
            noise = rng.standard_normal((int(mixed.sum()), base.shape[1]), dtype=np.float32)
            block[mixed] += MIX * base[partners[part][mixed]] + NOISE * noise
            block[mixed] /= np.linalg.norm(block[mixed], axis=1, keepdims=True)
        out[part] = block
    out.flush()
    return out


def _lexical(
    folder: Path,
    base: sparse.csr_matrix,
    vocabulary: lexical.Vocabulary,
    plan: tuple[np.ndarray, np.ndarray, np.ndarray],
    seed: int,
) -> None:
    rows, copies, partners = plan
    rng = np.random.default_rng(seed + 2)
    parts = []
    for number in np.unique(copies):
        where = copies == number
        own = base[rows[where]]
        if number > 0:
            own.data = own.data * (rng.random(own.nnz) < KEEP_TERMS)
            borrowed = base[partners[where]]
            borrowed.data = borrowed.data * (rng.random(borrowed.nnz) < BORROW_TERMS)
            own = (own + borrowed).tocsr()
            own.eliminate_zeros()
        parts.append(own)
    matrix = lexical.stack_rows(parts, base.shape[1])
    lexical.save(folder, matrix, vocabulary)


def _metadata(folder: Path, base_db: Path, plan: tuple[np.ndarray, np.ndarray, np.ndarray]) -> int:
    """Write meta.sqlite: documents and clauses copied under new ids; returns documents."""
    rows, copies, _ = plan
    db = store.connect(folder / store.DB_NAME)
    db.execute("ATTACH DATABASE ? AS base", (str(base_db),))
    db.execute("CREATE TEMP TABLE picks (row INTEGER PRIMARY KEY, base_row INTEGER, copy INTEGER)")
    db.executemany(
        "INSERT INTO picks VALUES (?,?,?)",
        zip(range(len(rows)), rows.tolist(), copies.tolist(), strict=True),
    )
    doc, clause = _NEW_ID.format(col="d.doc_id"), _NEW_ID.format(col="c.clause_id")
    copied = "CASE WHEN p.copy = 0 THEN {col} ELSE {col} || ' (copy ' || p.copy || ')' END"
    db.execute(
        f"INSERT INTO documents SELECT {doc}, {copied.format(col='d.source')}, "
        f"{copied.format(col='d.abs_path')}, d.sha256, {copied.format(col='d.title')}, "
        "d.kind, d.level, d.level_rank, d.releasable_to, d.marking_as_found, d.marking_source, "
        "d.parties, d.date, d.language, d.amends, d.size, d.mtime_ns, d.meta_hash, "
        "d.ingested_at, d.warnings, d.pages, d.text FROM (SELECT DISTINCT k.copy AS copy, "
        "c.doc_id AS doc_id FROM picks k JOIN base.clauses c ON c.row = k.base_row) p "
        "JOIN base.documents d ON d.doc_id = p.doc_id"
    )
    db.execute(
        f"INSERT INTO clauses SELECT p.row, {clause}, {_NEW_ID.format(col='c.doc_id')}, "
        "c.position, c.section, c.heading, c.text, c.start, c.end, c.page_start, c.page_end, "
        "c.page_label, c.language, c.level, c.level_rank, c.releasable_to, c.tokens, "
        "c.embed_hash FROM picks p JOIN base.clauses c ON c.row = p.base_row ORDER BY p.row"
    )
    db.execute("INSERT OR REPLACE INTO info SELECT * FROM base.info")
    db.commit()
    documents = int(db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    db.close()
    return documents


def _recipe(base: Path, size: int, seed: int, exact_max: int, nprobe: int) -> dict[str, object]:
    return {
        "recipe": RECIPE,
        "base": str(base),
        "base_created_at": Manifest.read(base).created_at,
        "size": size,
        "seed": seed,
        "exact_max_clauses": exact_max,
        "ivf_nprobe": nprobe,
    }


def _grown_recipe(out_dir: Path) -> object:
    """The recipe the published generation of `out_dir` was grown with, if any."""
    current = current_generation(out_dir)
    if current is None or not (current / GROWN_NAME).exists():
        return None
    return json.loads((current / GROWN_NAME).read_text(encoding="utf-8"))


def grow(
    base_dir: Path, out_dir: Path, size: int, exact_max: int, nprobe: int, seed: int = 0
) -> Path:
    """Publish a generation of `size` clauses grown from `base_dir`'s (reused if it exists).

    Returns:
        `out_dir`, whose current generation is the grown one.
    """
    base = current_generation(base_dir)
    assert base is not None, f"no base index in {base_dir}"
    recipe = _recipe(base, size, seed, exact_max, nprobe)
    if _grown_recipe(out_dir) == recipe:
        return out_dir
    shutil.rmtree(out_dir, ignore_errors=True)
    with generations.writer_lock(out_dir):
        staging, number = generations.new_generation_dir(out_dir)
        manifest = Manifest.read(base)
        with contextlib.closing(store.connect(base / store.DB_NAME, readonly=True)) as db:
            plan = plan_rows(base_order(db), size, seed)
        matrix = _vectors(staging, np.load(base / vectors.VECTORS_NAME), plan, seed)
        _lexical(staging, *lexical.load_rows(base), plan, seed)
        documents = _metadata(staging, base / store.DB_NAME, plan)
        index_info = vectors.build(staging, matrix, exact_max, nprobe)
        del matrix
        Manifest(
            generation=number,
            model=manifest.model,
            dim=manifest.dim,
            chunking=manifest.chunking,
            vector_index=index_info,
            counts={"documents": documents, "clauses": size},
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            lexical=manifest.lexical,
        ).write(staging)
        (staging / GROWN_NAME).write_text(json.dumps(recipe), encoding="utf-8")
        generations.publish(out_dir, staging, number)
    return out_dir
