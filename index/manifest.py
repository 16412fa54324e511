"""The manifest that says what an index generation holds and how it was built."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"


class IndexMismatch(RuntimeError):
    """The index on disk was built differently from what the caller expects."""


class IndexMissing(FileNotFoundError):
    """There is no published index at the given place."""


@dataclass(frozen=True)
class Manifest:
    """Format version, model, chunking settings and the vector index type of a generation."""

    generation: int
    model: str
    dim: int
    chunking: dict[str, Any]
    vector_index: dict[str, Any]
    counts: dict[str, int]
    created_at: str
    format_version: int = FORMAT_VERSION
    lexical: dict[str, Any] = field(default_factory=dict)

    def write(self, folder: Path) -> None:
        """Write the manifest into a generation folder."""
        (folder / MANIFEST_NAME).write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        """Read a generation's manifest, refusing other format versions."""
        path = folder / MANIFEST_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise IndexMissing(f"{folder}: no {MANIFEST_NAME}; the index is incomplete") from error
        version = data.get("format_version")
        if version != FORMAT_VERSION:
            raise IndexMismatch(
                f"index {folder.parent} has format version {version}; this Accord reads version "
                f"{FORMAT_VERSION}. Rebuild it: "
                f"accord ingest --rebuild --index {folder.parent} PATH..."
            )
        return cls(**data)

    def check_model(self, model: str, index_dir: Path) -> None:
        """Fail with what to do when the index was built with another embedding model."""
        if model != self.model:
            raise IndexMismatch(
                f"index {index_dir} was built with embedding model {self.model!r} "
                f"(dim {self.dim}), "
                f"but the configured model is {model!r}. Either set ACCORD_MODEL={self.model} "
                f"(or --model), or rebuild: accord ingest --rebuild --index {index_dir} PATH..."
            )
