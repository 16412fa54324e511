"""Counting word pieces without loading the embedding model.

The `tokenizers` library reads the model's ``tokenizer.json`` in milliseconds and without
torch, so parser processes can size clauses exactly as the model will see them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ingest.chunking import CountTokens

_PIECES = re.compile(r"\w+|[^\w\s]")


def approximate_count(texts: Sequence[str]) -> list[int]:
    """Word pieces estimated from words and punctuation (for models without a tokenizer file)."""
    counts = []
    for text in texts:
        pieces = _PIECES.findall(text)
        long_words = sum(len(p) // 8 for p in pieces if len(p) > 8)
        counts.append(len(pieces) + long_words)
    return counts


@lru_cache(maxsize=4)
def _load(path: str) -> object:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(path)
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def token_counter(model_dir: Path | None) -> CountTokens:
    """A counter using the model's own tokenizer when its folder has one, else an estimate."""
    if model_dir is None or not (model_dir / "tokenizer.json").is_file():
        return approximate_count
    path = str(model_dir / "tokenizer.json")

    def count(texts: Sequence[str]) -> list[int]:
        if not texts:
            return []
        tokenizer = _load(path)
        encodings = tokenizer.encode_batch(list(texts), add_special_tokens=False)  # type: ignore[attr-defined]
        return [len(encoding.ids) for encoding in encodings]

    return count
