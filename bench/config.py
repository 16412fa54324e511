"""The benchmark sizes of each mode: full (`make bench`), quick (`make bench-quick`), tiny (tests).

Full and quick read the real third-party data in ``../shared/data`` at run time and use the
real embedding model; tiny uses the project's own ``corpus/`` and the hashing embedder so the
test suite can prove the scripts work in seconds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from bench.machine import REPO

DEFAULT_MODEL = "all-MiniLM-L6-v2"
MB = 1_000_000


@dataclass(frozen=True)
class IngestCase:
    """One corpus pushed through the ingest pipeline and through the bare model."""

    name: str
    sources: tuple[str, ...]  # "agreements", "cuad-txt", "cuad-pdf", "corpus", "corpus-text"
    target_bytes: int = 0  # repeat perturbed copies until this much text (0: sources once)


@dataclass(frozen=True)
class BenchConfig:
    """Sizes, repeats and data of one benchmark run."""

    mode: str  # "full", "quick" or "tiny"
    model: str  # embedding model ("hashing" for tiny)
    work: Path  # scratch folder for corpora and indexes
    data: Path | None  # the shared third-party data (None: only the project's corpus/)
    repeats: int  # every timed figure is the median over this many runs
    ingest_cases: tuple[IngestCase, ...]
    incremental_docs: int  # documents of the incremental-update index
    base_sources: tuple[str, ...]  # real clauses the query-latency indexes are grown from
    scifact_abstracts: int  # SciFact abstracts added to the base (grouped 20 per file)
    latency_sizes: tuple[int, ...]  # clauses of the indexes whose query latency is measured
    questions: int  # distinct questions per latency measurement
    ivf_nlist_factors: tuple[float, ...]  # IVF list counts tried, as multiples of sqrt(size)
    ivf_nprobes: tuple[int, ...]  # IVF probes tried
    exact_max_clauses: int  # exact search up to this size in the grown indexes
    serving_size: int  # clauses of the index served to the simultaneous sessions
    serving_threads: int = 10
    serving_rounds: int = 3  # questions per session
    serving_waves: int = 20  # waves of sessions (memory must level off across them)
    parse_workers: int | None = None  # parser processes (None: the settings' default)
    diagnose_batches: bool = True  # also time the bare model in the pipeline's batches

    @property
    def real_model(self) -> bool:
        """True when the run loads sentence-transformers (and so torch)."""
        return self.model != "hashing"


def shared_data_dir() -> Path | None:
    """The third-party data folder (ACCORD_SHARED_DATA, ../shared/data), if present."""
    for candidate in (
        os.environ.get("ACCORD_SHARED_DATA"),
        str(REPO.parent / "shared" / "data"),
        "/work/shared/data",
    ):
        if candidate and (Path(candidate) / "README.md").is_file():
            return Path(candidate)
    return None


REAL = ("agreements", "cuad-txt", "cuad-pdf")


def full_config(work: Path) -> BenchConfig:
    """`make bench`: the brief's sizes (7.5 MB ingest, 1,000 documents, 10k/100k/1M)."""
    return BenchConfig(
        mode="full",
        model=DEFAULT_MODEL,
        work=work,
        data=shared_data_dir(),
        repeats=3,
        ingest_cases=(
            IngestCase("agreements+cuad", REAL),
            IngestCase("7.5 MB", REAL, target_bytes=int(7.5 * MB)),
            IngestCase("project corpus/", ("corpus",)),
            IngestCase("33 agreements", ("agreements",)),
        ),
        incremental_docs=1000,
        base_sources=("corpus", "agreements", "cuad-txt"),
        scifact_abstracts=5183,
        latency_sizes=(10_000, 100_000, 1_000_000),
        questions=60,
        ivf_nlist_factors=(1.0, 2.0),
        ivf_nprobes=(32, 64, 128, 250, 500),
        exact_max_clauses=200_000,
        serving_size=100_000,
    )


def quick_config(work: Path) -> BenchConfig:
    """`make bench-quick`: every measurement at a size that takes under two minutes."""
    return replace(
        full_config(work),
        mode="quick",
        ingest_cases=(IngestCase("project corpus, text files", ("corpus-text",)),),
        incremental_docs=20,
        base_sources=("corpus",),
        scifact_abstracts=0,
        latency_sizes=(10_000,),
        questions=20,
        ivf_nlist_factors=(1.0,),
        ivf_nprobes=(16, 32, 64),
        serving_size=10_000,
        serving_rounds=2,
        serving_waves=4,
        diagnose_batches=False,
    )


def tiny_config(work: Path) -> BenchConfig:
    """The test suite's run: the project's corpus, the hashing embedder, a few seconds."""
    return BenchConfig(
        mode="tiny",
        model="hashing",
        work=work,
        data=None,
        repeats=2,
        ingest_cases=(IngestCase("corpus x2", ("corpus",), target_bytes=300_000),),
        incremental_docs=12,
        base_sources=("corpus",),
        scifact_abstracts=0,
        latency_sizes=(600, 3000),
        questions=4,
        ivf_nlist_factors=(1.0,),
        ivf_nprobes=(4, 16),
        exact_max_clauses=1000,
        serving_size=600,
        serving_threads=4,
        serving_rounds=2,
        serving_waves=2,
        parse_workers=0,
    )
