"""Accord's ingestion: files in, documents and clauses (and their embeddings) out."""

from ingest.chunking import split_into_clauses
from ingest.documents import parse_document
from ingest.embed import (
    Embedder,
    HashingEmbedder,
    ModelNotAvailable,
    SentenceTransformerEmbedder,
    make_embedder,
)
from ingest.loaders import RejectedFile, load_bytes
from ingest.markings import DEFAULT_SCALE, ClassificationScale
from ingest.records import (
    Clause,
    Document,
    DocumentKind,
    LoadedText,
    Marking,
    MarkingSource,
    PageSpan,
    ParsedDocument,
    Rejection,
)
from ingest.settings import Settings, load_settings

__all__ = [
    "DEFAULT_SCALE",
    "ClassificationScale",
    "Clause",
    "Document",
    "DocumentKind",
    "Embedder",
    "HashingEmbedder",
    "LoadedText",
    "Marking",
    "MarkingSource",
    "ModelNotAvailable",
    "PageSpan",
    "ParsedDocument",
    "RejectedFile",
    "Rejection",
    "SentenceTransformerEmbedder",
    "Settings",
    "load_bytes",
    "load_settings",
    "make_embedder",
    "parse_document",
    "split_into_clauses",
]
