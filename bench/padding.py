"""How much padding a batching scheme costs: padded tokens over useful tokens.

The model computes every position of a batch up to its longest text, so a batch of mixed
lengths wastes work. Counted exactly with the model's tokenizer (no timing noise).
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.embed import model_tokenizer_dir
from ingest.tokens import token_counter

MODEL_BATCH = 64  # texts per forward pass (sentence-transformers' batch_size in Accord)
MAX_TOKENS = 256  # the model truncates longer texts
SPECIAL_TOKENS = 2  # [CLS] and [SEP]


def padded_share(lengths: Sequence[int], window: int, batch: int = MODEL_BATCH) -> float:
    """Padded over useful tokens when each window is sorted by length and cut into batches."""
    useful = sum(lengths)
    padded = 0
    for start in range(0, len(lengths), window):
        ordered = sorted(lengths[start : start + window], reverse=True)
        for first in range(0, len(ordered), batch):
            chunk = ordered[first : first + batch]
            padded += chunk[0] * len(chunk)
    return padded / useful if useful else 1.0


def padding_figures(texts: Sequence[str], model: str, windows: Sequence[int]) -> dict[str, float]:
    """Padded/useful token ratio for each window size (0 = the whole set at once)."""
    counts = token_counter(model_tokenizer_dir(model))(list(texts))
    lengths = [min(MAX_TOKENS, count + SPECIAL_TOKENS) for count in counts]
    return {
        str(window or "all"): round(padded_share(lengths, window or len(lengths)), 4)
        for window in windows
    }
