"""What an update costs: a full build of a 1,000-document index against changing one document
and deleting one (each an `accord ingest --no-conflicts` run over the folder)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from bench.config import BenchConfig
from bench.corpora import split_corpus
from bench.ingestion import index_settings
from bench.measure import median, rounded
from index import IngestRun
from ingest.embed import Embedder
from ingest.settings import Settings


def _ingest(settings: Settings, embedder: Embedder, folder: Path, rebuild: bool) -> dict[str, Any]:
    summary = IngestRun(settings, embedder, after_publish=()).run([folder], rebuild=rebuild)
    return {
        "seconds": summary.seconds,
        "embedded": summary.embedded,
        "reused": summary.reused,
        "clauses": summary.clauses_total,
        "changed": len(summary.added) + len(summary.updated) + len(summary.removed),
    }


def change_one_word(path: Path) -> str:
    """Edit one word in the middle of a document (one clause changes); returns the old text."""
    text = path.read_text(encoding="utf-8")
    middle = len(text) // 2
    space = text.find(" ", middle)
    space = space if space >= 0 else middle
    path.write_text(f"{text[:space]} amended{text[space:]}", encoding="utf-8")
    return text


def _updates(
    settings: Settings, embedder: Embedder, folder: Path, repeats: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Change one document, restore it; delete one document, restore it — `repeats` times."""
    files = sorted(p for p in folder.iterdir() if p.is_file())
    changes, deletions = [], []
    for repeat in range(repeats):
        target = files[(repeat * 7 + len(files) // 3) % len(files)]
        original = change_one_word(target)
        changes.append(_ingest(settings, embedder, folder, rebuild=False))
        target.write_text(original, encoding="utf-8")
        _ingest(settings, embedder, folder, rebuild=False)  # back to the full corpus
        kept = target.read_bytes()
        target.unlink()
        deletions.append(_ingest(settings, embedder, folder, rebuild=False))
        target.write_bytes(kept)
        _ingest(settings, embedder, folder, rebuild=False)
    return changes, deletions


def run(config: BenchConfig, embedder: Embedder) -> dict[str, Any]:
    """Full builds, one-document changes and one-document deletions, `repeats` of each."""
    sources = ("agreements", "cuad-txt") if config.data else ("corpus",)
    corpus = split_corpus(
        config.work / "corpora" / f"split-{config.incremental_docs}",
        config.data,
        sources,
        config.incremental_docs,
    )
    settings = index_settings(config, config.work / "incremental-index")
    builds = []
    for _ in range(config.repeats):
        shutil.rmtree(settings.index.path, ignore_errors=True)
        builds.append(_ingest(settings, embedder, corpus.folder, rebuild=True))
    changes, deletions = _updates(settings, embedder, corpus.folder, config.repeats)
    shutil.rmtree(settings.index.path, ignore_errors=True)
    build_s = median([b["seconds"] for b in builds])
    change_s = median([c["seconds"] for c in changes])
    return {
        "documents": corpus.files,
        "text_mb": rounded(corpus.text_bytes / 1e6, 2),
        "clauses": builds[0]["clauses"],
        "full_build_s": rounded(build_s),
        "change_one_s": rounded(change_s),
        "change_one_embedded": median([c["embedded"] for c in changes]),
        "change_share_of_build": rounded(change_s / build_s, 4) if build_s else 0.0,
        "delete_one_s": rounded(median([d["seconds"] for d in deletions])),
        "runs": {
            "full_build_s": [rounded(b["seconds"]) for b in builds],
            "change_one_s": [rounded(c["seconds"]) for c in changes],
            "delete_one_s": [rounded(d["seconds"]) for d in deletions],
        },
    }
