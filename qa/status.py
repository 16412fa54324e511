"""What `accord status` reports: documents, markings, clause counts, the last ingest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from index import IndexReader, last_ingest
from ingest.records import MarkingSource


def index_status(index_dir: Path) -> dict[str, Any]:
    """The index's documents with metadata and counts, as JSON-ready data."""
    reader = IndexReader.open(index_dir)
    try:
        counts = reader.clause_counts()
        documents = []
        for doc in reader.documents():
            documents.append(
                {
                    "doc_id": doc.doc_id,
                    "title": doc.title,
                    "source": doc.source,
                    "kind": doc.kind.value,
                    "classification": doc.marking.label(),
                    "level": doc.marking.level,
                    "releasable_to": sorted(doc.marking.releasable_to),
                    "marking_as_found": doc.marking.as_found,
                    "unmarked": doc.marking_source is MarkingSource.DEFAULT,
                    "parties": list(doc.parties),
                    "date": doc.date,
                    "language": doc.language,
                    "amends": list(doc.amends),
                    "clauses": counts.get(doc.doc_id, 0),
                    "pages": len(doc.pages),
                    "size": doc.size,
                    "sha256": doc.sha256,
                    "warnings": list(doc.warnings),
                }
            )
        return {
            "index": str(index_dir),
            "generation": reader.generation,
            "model": reader.manifest.model,
            "documents": documents,
            "unmarked": [d["source"] for d in documents if d["unmarked"]],
            "totals": {"documents": len(documents), "clauses": sum(counts.values())},
            "last_ingest": last_ingest(index_dir),
        }
    finally:
        reader.close()
