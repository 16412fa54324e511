"""Loading the question encoder for an embedding model (or deciding not to use one)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from ingest.embed import Embedder, SentenceTransformerEmbedder
from ingest.settings import PROJECT_ROOT

log = logging.getLogger("qa.query_model")

DEFAULT_QUERY_MODEL_DIR = PROJECT_ROOT / "models" / "accord-query-minilm"
SETTINGS_FILE = "accord.json"  # the base model it was tuned against, training figures
NONE = "none"


class QueryModelMismatch(ValueError):
    """A configured question encoder that cannot serve the index's embedding model."""


def read_query_settings(folder: Path) -> dict[str, Any]:
    """The Accord settings stored beside a question encoder (empty when there are none)."""
    path = folder / SETTINGS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def query_embedder(setting: str, embedder: Embedder) -> Embedder | None:
    """The encoder for questions beside `embedder` (which encodes clauses), or None to encode
    questions with `embedder` itself.

    Args:
        setting: "default" (the shipped encoder, used when it was tuned for this embedding
            model), "none", or a folder holding a sentence-transformers model.
        embedder: the index's embedding model.

    Raises:
        QueryModelMismatch: a folder that is missing, or tuned for another embedding model.
    """
    if setting == NONE:
        return None
    folder = DEFAULT_QUERY_MODEL_DIR if setting == "default" else Path(setting).expanduser()
    if not folder.is_dir():
        if setting == "default":
            log.warning("no question encoder at %s: questions use %s", folder, embedder.name)
            return None
        raise QueryModelMismatch(f"question encoder {setting!r}: no such folder")
    base = str(read_query_settings(folder).get("base", ""))
    if base != embedder.name:
        if setting == "default":
            return None  # tuned for the shipped model only; another model searches alone
        raise QueryModelMismatch(
            f"question encoder {folder} was tuned for {base or 'an unknown model'!r}, "
            f"but the index is embedded with {embedder.name!r}"
        )
    return SentenceTransformerEmbedder(str(folder.resolve()), batch_size=16)
