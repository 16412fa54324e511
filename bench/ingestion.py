"""Is ingestion bound by the model? Pipeline throughput against the bare model on the same texts.

The pipeline is `IngestRun` from files to a published index without the conflict map
(`accord ingest --no-conflicts`): scan, plan, parse in a worker process, embed in a thread,
assemble, publish. The bare model embeds the same distinct embedding texts in one call
(sentence-transformers sorts them by length over the whole set). Runs alternate
(pipeline, model, pipeline, model, ...) so that drifting machine load hits both alike.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.config import BenchConfig, IngestCase
from bench.corpora import Corpus, repeated_corpus
from bench.measure import PeakRss, Stopwatch, median, rounded
from bench.padding import padding_figures
from index import IngestRun, current_generation, store
from index.embedding import EMBED_WINDOW
from ingest.embed import Embedder
from ingest.records import embedding_text
from ingest.settings import Settings, load_settings


@dataclass
class Timeline:
    """A Progress that records when things happened (seconds since it was made)."""

    started: float = field(default_factory=time.perf_counter)
    first_file: float | None = None
    parse_end: float | None = None
    last_embedded: float | None = None
    stages: dict[str, float] = field(default_factory=dict)

    def _now(self) -> float:
        return time.perf_counter() - self.started

    def begin(self, files: int, total_bytes: int) -> None:
        """Parsing starts."""
        self.stages["parse"] = self._now()

    def file_done(self, source: str, size: int, clauses: int, rejected: bool) -> None:
        """A file was parsed."""
        if self.first_file is None:
            self.first_file = self._now()

    def embedded(self, clauses: int) -> None:
        """A batch was embedded."""
        self.last_embedded = self._now()

    def stage(self, name: str) -> None:
        """A publishing stage starts."""
        self.stages[name] = self._now()

    def end(self) -> None:
        """Parsing is over."""
        self.parse_end = self._now()


def index_settings(config: BenchConfig, index_dir: Path, **overrides: object) -> Settings:
    """Default settings (no ACCORD_* variables) on a private index with the run's model."""
    values: dict[str, object] = {
        "index.path": index_dir,
        "models.embedding": config.model,
        "ingest.workers": config.parse_workers,
    }
    values.update(overrides)
    return load_settings(env={}, overrides=values)


def embedding_texts(index_dir: Path) -> list[str]:
    """The distinct embedding texts of the published generation, in row order."""
    folder = current_generation(index_dir)
    assert folder is not None, f"nothing published in {index_dir}"
    db = store.connect(folder / store.DB_NAME, readonly=True)
    query = (
        "SELECT c.embed_hash, d.title, c.heading, c.text FROM clauses c "
        "JOIN documents d ON d.doc_id = c.doc_id ORDER BY c.row"
    )
    seen: dict[str, str] = {}
    for key, title, heading, text in db.execute(query):
        seen.setdefault(key, embedding_text(title, heading, text))
    db.close()
    return list(seen.values())


def pipeline_once(
    settings: Settings, embedder: Embedder, corpus: Corpus, batch: int = EMBED_WINDOW
) -> dict[str, Any]:
    """One ingest into an empty index: time to publish, where the time went, peak memory."""
    shutil.rmtree(settings.index.path, ignore_errors=True)
    timeline = Timeline()
    with PeakRss() as peak:
        run = IngestRun(settings, embedder, progress=timeline, after_publish=(), batch=batch)
        summary = run.run([corpus.folder], rebuild=True)
    seconds = summary.publish_seconds
    last = timeline.last_embedded or 0.0
    return {
        "seconds": seconds,
        "clauses": summary.clauses_total,
        "embedded": summary.embedded,
        "rejected": len(summary.rejected),
        "embed_busy_s": summary.embed_seconds,
        "embedder_idle_s": max(0.0, last - summary.embed_seconds),
        "after_last_batch_s": max(0.0, seconds - last),
        "first_file_s": timeline.first_file or 0.0,
        "parse_end_s": timeline.parse_end or 0.0,
        "peak_rss_mb": peak.peak_mb,
    }


def model_once(embedder: Embedder, texts: list[str]) -> dict[str, Any]:
    """The bare model on all `texts` in one call."""
    with PeakRss() as peak, Stopwatch() as watch:
        embedder.embed(texts)
    return {"seconds": watch.seconds, "peak_rss_mb": peak.peak_mb}


def _summarise(runs: list[dict[str, Any]], count: int) -> dict[str, Any]:
    """Medians of every figure of a list of runs, plus the throughput in texts per second."""
    keys = [k for k in runs[0] if isinstance(runs[0][k], int | float)]
    out: dict[str, Any] = {k: rounded(median([r[k] for r in runs])) for k in keys}
    out["texts_per_s"] = rounded(count / out["seconds"], 2) if out["seconds"] else 0.0
    out["runs_s"] = [rounded(r["seconds"]) for r in runs]
    return out


def run_case(
    config: BenchConfig, case: IngestCase, embedder: Embedder, diagnose: bool
) -> dict[str, Any]:
    """Pipeline and bare-model runs of one corpus, alternated, `config.repeats` times each.

    With `diagnose`, the pipeline also runs with the 256-text windows it used before
    (alternated with the others) and the padding of each scheme is counted.
    """
    corpus = repeated_corpus(
        config.work / "corpora" / case.name.replace(" ", "-"),
        config.data,
        case.sources,
        case.target_bytes,
    )
    settings = index_settings(config, config.work / "ingest-index")
    runs: dict[str, list[dict[str, Any]]] = {"pipeline": [], "model": []}
    if diagnose:
        runs["pipeline_256"] = []
    texts: list[str] = []
    for _ in range(config.repeats):
        runs["pipeline"].append(pipeline_once(settings, embedder, corpus))
        texts = texts or embedding_texts(settings.index.path)
        runs["model"].append(model_once(embedder, texts))
        if diagnose:
            runs["pipeline_256"].append(pipeline_once(settings, embedder, corpus, batch=256))
    result: dict[str, Any] = {
        "corpus": {"files": corpus.files, "text_mb": rounded(corpus.text_bytes / 1e6, 2)},
        "distinct_texts": len(texts),
        "pipeline_window": EMBED_WINDOW,
    }
    result.update({name: _summarise(found, len(texts)) for name, found in runs.items()})
    result["ratio"] = rounded(
        result["pipeline"]["texts_per_s"] / max(result["model"]["texts_per_s"], 1e-9)
    )
    if diagnose:
        result["ratio_256"] = rounded(
            result["pipeline_256"]["texts_per_s"] / max(result["model"]["texts_per_s"], 1e-9)
        )
        result["padded_over_useful_tokens"] = padding_figures(
            texts, config.model, (256, EMBED_WINDOW, 0)
        )
    shutil.rmtree(settings.index.path, ignore_errors=True)
    return result


def run(config: BenchConfig, embedder: Embedder) -> dict[str, Any]:
    """Every ingest case of the configuration."""
    cases = {}
    for number, case in enumerate(config.ingest_cases):
        cases[case.name] = run_case(
            config, case, embedder, diagnose=number == 0 and config.diagnose_batches
        )
    return {"cases": cases, "target_ratio": 0.9}
