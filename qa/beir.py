"""BEIR-style retrieval tasks: queries, relevance judgements, and a corpus written as files.

The corpus is indexed through the real ingest pipeline (one text file per document, its title
on the first line), so chunking, the embedding text and BM25 are exactly what users get.
Third-party text is only ever written under the work folder (``var/eval/...``), never into
the repository.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.embed import Embedder
from ingest.settings import Settings

DOCS_FOLDER = "docs"
DOC_SUFFIX = ".txt"

Qrels = dict[str, dict[str, int]]


@dataclass(frozen=True)
class CorpusDocument:
    """One corpus entry: its BEIR id, title and passage text."""

    doc_id: str
    title: str
    text: str

    def file_text(self) -> str:
        """The file written for ingestion: the title on the first line, then the text."""
        title = " ".join(self.title.split())
        body = " ".join(self.text.split())
        return f"{title}\n\n{body}\n" if title else f"{body}\n"


def load_queries(path: Path) -> dict[str, str]:
    """Query id → text, from a BEIR ``queries.jsonl`` (``_id``, ``text``)."""
    queries: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            queries[str(record["_id"])] = str(record["text"])
    return queries


def load_qrels(path: Path) -> Qrels:
    """Query id → {corpus id: relevance}, from a BEIR qrels TSV (header line, any line ends)."""
    qrels: Qrels = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        parts = line.strip().split("\t")
        if len(parts) < 3 or (number == 0 and not parts[2].lstrip("-").isdigit()):
            continue  # the header, or a blank line
        query, doc, score = parts[0], parts[1], int(parts[2])
        qrels.setdefault(query, {})[doc] = score
    return qrels


def load_corpus(path: Path) -> Iterator[CorpusDocument]:
    """Documents of a corpus JSONL: BEIR (``_id``, ``title``, ``text``) or SciFact
    (``doc_id``, ``title``, ``abstract`` = list of sentences, joined with spaces)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            doc_id = str(record.get("_id", record.get("doc_id")))
            text = record.get("text")
            if text is None:
                text = " ".join(record.get("abstract", []))
            yield CorpusDocument(doc_id, str(record.get("title", "")), str(text))


def subset(
    documents: Sequence[CorpusDocument], keep: set[str], distractors: int, seed: int = 0
) -> list[CorpusDocument]:
    """The documents in `keep` plus a fixed random sample of `distractors` others."""
    others = sorted(d.doc_id for d in documents if d.doc_id not in keep)
    sampled = set(random.Random(seed).sample(others, min(distractors, len(others))))
    return [d for d in documents if d.doc_id in keep or d.doc_id in sampled]


def write_documents(documents: Sequence[CorpusDocument], folder: Path) -> int:
    """Write one text file per document (unchanged files are left alone); returns the count."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {f"{d.doc_id}{DOC_SUFFIX}": d.file_text() for d in documents}
    for stale in folder.glob(f"*{DOC_SUFFIX}"):
        if stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return len(wanted)


def corpus_id(source: str) -> str:
    """The corpus id of an ingested file (its name without the suffix)."""
    return Path(source).name.removesuffix(DOC_SUFFIX)


def index_corpus(
    documents: Sequence[CorpusDocument],
    work: Path,
    settings: Settings,
    rebuild: bool = False,
    embedder: Embedder | None = None,
) -> Path:
    """Index `documents` under `work` with the settings' model; reuse the index when present.

    Args:
        documents: the corpus (or the sample of it) to index.
        work: folder for the document files and the index.
        settings: the model and chunking settings (the index path is replaced).
        rebuild: index again even when an index is present.
        embedder: an already loaded embedder for the settings' model.

    Returns:
        The index folder (``work/index-<model>``).
    """
    from index import IngestRun, current_generation
    from ingest.embed import make_embedder

    index_dir = work / f"index-{model_slug(settings.models.embedding)}"
    docs = work / DOCS_FOLDER
    if current_generation(index_dir) is not None and not rebuild and docs.is_dir():
        return index_dir
    write_documents(documents, docs)
    embedder = embedder or make_embedder(settings.models.embedding, settings.models.batch_size)
    run_settings = _with_index(settings, index_dir)
    summary = IngestRun(run_settings, embedder).run([docs], rebuild=rebuild)
    if summary.rejected:
        raise ValueError(
            f"{len(summary.rejected)} corpus files were rejected: {summary.rejected[:3]}"
        )
    return index_dir


def relevant_only(qrels: Mapping[str, Mapping[str, int]]) -> Qrels:
    """Drop zero and negative judgements (they count as not relevant)."""
    kept = {q: {d: s for d, s in docs.items() if s > 0} for q, docs in qrels.items()}
    return {q: docs for q, docs in kept.items() if docs}


def _with_index(settings: Settings, index_dir: Path) -> Settings:
    from dataclasses import replace

    return replace(settings, index=replace(settings.index, path=index_dir))


def model_slug(model: str) -> str:
    """A folder-name-safe short name of a model ("all-MiniLM-L6-v2", "hashing")."""
    return Path(model.rstrip("/")).name.replace(" ", "-") or "model"
