"""The indexes and questions the query benchmarks share: the real base index, grown indexes,
and a fixed list of questions."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from bench.config import BenchConfig
from bench.corpora import base_corpus
from bench.grow import grow
from bench.ingestion import index_settings
from bench.machine import REPO
from bench.measure import rounded
from index import IngestRun
from ingest.embed import Embedder

PROJECT_QUESTIONS = REPO / "tests" / "fixtures" / "corpus_questions.jsonl"
# Of every three questions, two are the project's agreement questions, one a SciFact query.
SCIFACT_EVERY = 3


def base_index(config: BenchConfig, embedder: Embedder) -> tuple[Path, dict[str, Any]]:
    """The real index the grown ones start from (an unchanged corpus is not re-ingested)."""
    corpus = base_corpus(
        config.work / "corpora" / f"base-{config.mode}",
        config.data,
        config.base_sources,
        config.scifact_abstracts,
    )
    index_dir = config.work / f"base-index-{config.mode}"
    started = time.perf_counter()
    summary = IngestRun(index_settings(config, index_dir), embedder, after_publish=()).run(
        [corpus.folder]
    )
    info = {
        "files": corpus.files,
        "text_mb": rounded(corpus.text_bytes / 1e6, 2),
        "clauses": summary.clauses_total or _clause_count(index_dir),
        "embedded_now": summary.embedded,
        "seconds": rounded(time.perf_counter() - started),
    }
    return index_dir, info


def _clause_count(index_dir: Path) -> int:
    from index import IndexReader

    return int(IndexReader.open(index_dir).manifest.counts.get("clauses", 0))


def grown_index(config: BenchConfig, base_dir: Path, size: int) -> Path:
    """The base grown to `size` clauses (built once, reused while the base is unchanged)."""
    settings = index_settings(config, base_dir)
    return grow(
        base_dir,
        config.work / f"grown-{config.mode}-{size}",
        size,
        config.exact_max_clauses,
        settings.index.ivf_nprobe,
    )


def questions(config: BenchConfig, count: int) -> list[str]:
    """`count` questions: the project's own labelled questions mixed with SciFact queries."""
    lines = PROJECT_QUESTIONS.read_text(encoding="utf-8").splitlines()
    project = [json.loads(line)["question"] for line in lines if line.strip()]
    scifact: list[str] = []
    if config.data is not None:
        path = config.data / "beir-scifact" / "queries.jsonl"
        scifact = [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
    chosen: list[str] = []
    while len(chosen) < count and (project or scifact):
        source = (
            scifact if (len(chosen) % SCIFACT_EVERY == 2 and scifact) or not project else project
        )
        chosen.append(source.pop(0))
    return chosen
