"""Accord's index: clauses, their vectors and terms, in atomically published generations."""

from index.build import AfterPublish, BuildContext, BuildHook, IngestRun, embed_hash
from index.generations import IndexBusy, current_generation
from index.manifest import IndexMismatch, IndexMissing, Manifest
from index.progress import BarProgress, Progress, SilentProgress
from index.reader import IndexReader, RowAttributes, last_ingest
from index.summary import EXIT_OK, EXIT_SOME_REJECTED, EXIT_USAGE, IngestSummary

__all__ = [
    "EXIT_OK",
    "EXIT_SOME_REJECTED",
    "EXIT_USAGE",
    "AfterPublish",
    "BarProgress",
    "BuildContext",
    "BuildHook",
    "IndexBusy",
    "IndexMismatch",
    "IndexMissing",
    "IndexReader",
    "IngestRun",
    "IngestSummary",
    "Manifest",
    "Progress",
    "RowAttributes",
    "SilentProgress",
    "current_generation",
    "embed_hash",
    "last_ingest",
]
