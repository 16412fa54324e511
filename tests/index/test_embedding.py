"""The embedding thread: length-sorted slices, vectors in hand-over order, adaptive windows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.embedding import EMBED_SLICE, EmbedWorker
from index.progress import SilentProgress


class LengthEmbedder:
    """Vectors (length of the text, its number); records the texts of every call."""

    name = "length"
    dim = 2

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return np.array([[len(t), int(t.split()[-1])] for t in texts], dtype=np.float32)


def test_a_window_is_embedded_longest_first_and_stored_in_order(tmp_path: Path) -> None:
    embedder = LengthEmbedder()
    texts = [f"{'word ' * ((i * 37) % 50)}{i}" for i in range(EMBED_SLICE + 44)]
    worker = EmbedWorker(embedder, tmp_path / "fresh.f32", SilentProgress())
    worker.start()
    assert worker.hand_over(list(texts), window=len(texts), final=True) == []
    worker.join()
    assert worker.error is None and worker.count == len(texts)
    assert [len(call) for call in embedder.calls] == [EMBED_SLICE, 44]
    lengths = [len(t) for call in embedder.calls for t in call]
    assert lengths == sorted(lengths, reverse=True)
    stored = np.fromfile(tmp_path / "fresh.f32", dtype=np.float32).reshape(-1, 2)
    assert stored[:, 1].tolist() == list(range(len(texts)))


def test_pending_texts_wait_for_a_full_window_unless_the_embedder_is_idle(
    tmp_path: Path,
) -> None:
    worker = EmbedWorker(LengthEmbedder(), tmp_path / "fresh.f32", SilentProgress())
    assert worker.hand_over(["a 0", "b 1"], window=4, final=False) == ["a 0", "b 1"]
    worker.hungry.set()  # the worker is waiting with nothing queued
    assert worker.hand_over(["a 0", "b 1"], window=4, final=False) == []
    assert worker.batches.get_nowait() == ["a 0", "b 1"]
    assert not worker.hungry.is_set()
    assert worker.hand_over(["c 2"] * 5, window=4, final=False) == ["c 2"]
