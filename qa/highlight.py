"""Mark the sentences of a passage that answer the question.

Sentences of the few top passages are embedded in one call and compared with the question
(cosine similarity), with a small bonus for sharing the question's content words. Only the
top passages are scored, so highlighting costs one small embedding call per question; the
vectors are remembered (`SentenceVectors`), so clauses that come back for later questions
cost nothing. Embedding the sentences is still most of `ask` on long clauses, which is why
the engine embeds them with `ingest.embed.highlight_embedder` (small batches, float32).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from index.lexical import tokenize
from ingest.embed import Embedder
from ingest.sentences import sentence_spans

# A sentence within this much of the best one in its passage is highlighted too.
RUNNER_UP_MARGIN = 0.06
# Weight of the share of question terms a sentence contains.
TERM_BONUS = 0.15
_MIN_SENTENCE_CHARS = 12
# Sentence vectors remembered across questions (384 floats each: about 1.5 KB apiece).
SENTENCE_CACHE = 20_000


class SentenceVectors:
    """An embedder that remembers the vectors of the texts it embedded (least recently used
    are forgotten first); safe to share between threads."""

    def __init__(self, embedder: Embedder, size: int = SENTENCE_CACHE):
        self.embedder = embedder
        self.size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """The wrapped model's name."""
        return self.embedder.name

    @property
    def dim(self) -> int:
        """The wrapped model's dimension."""
        return self.embedder.dim

    def clear(self) -> None:
        """Forget every vector (to measure the cost of a question about unseen clauses)."""
        with self._lock:
            self._vectors.clear()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for `texts`; only the ones not seen before are embedded (in one batch)."""
        with self._lock:
            known = {t: self._vectors[t] for t in texts if t in self._vectors}
            for text in known:
                self._vectors.move_to_end(text)
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            fresh = dict(zip(missing, self.embedder.embed(missing), strict=True))
            known.update(fresh)
            with self._lock:
                self._vectors.update(fresh)
                while len(self._vectors) > self.size:
                    self._vectors.popitem(last=False)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([known[t] for t in texts]).astype(np.float32, copy=False)


@dataclass(frozen=True)
class SentenceScore:
    """A sentence of a passage: offsets into the passage text and its scores."""

    start: int
    end: int
    similarity: float  # cosine similarity with the question
    score: float  # similarity plus the term bonus


@dataclass(frozen=True)
class Highlight:
    """Highlighted spans of one passage and the evidence it offers."""

    spans: tuple[tuple[int, int], ...]
    best: SentenceScore | None
    sentences: tuple[SentenceScore, ...]


def _term_share(question_terms: set[str], sentence: str) -> float:
    if not question_terms:
        return 0.0
    return len(question_terms & set(tokenize(sentence))) / len(question_terms)


def _is_evidence(sentence: str) -> bool:
    """Headings in capitals, signature lines and fragments do not answer questions."""
    letters = [c for c in sentence if c.isalpha()]
    if len(sentence) < _MIN_SENTENCE_CHARS or not letters:
        return False
    capitals = sum(1 for c in letters if c.isupper()) / len(letters)
    return capitals < 0.8 and not sentence.lstrip().startswith(
        ("For the ", "Done at ", "IN WITNESS")
    )


def split_passage(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a passage that can serve as evidence (all of them if none can)."""
    spans = sentence_spans(text)
    kept = [(a, b) for a, b in spans if _is_evidence(text[a:b])]
    return kept or spans


def highlight_passages(
    embedder: Embedder, question: str, query_vector: np.ndarray, texts: Sequence[str]
) -> list[Highlight]:
    """Score every sentence of every passage against the question; mark the best ones."""
    spans = [split_passage(text) for text in texts]
    sentences = [text[a:b] for text, parts in zip(texts, spans, strict=True) for a, b in parts]
    if not sentences:
        return [Highlight((), None, ()) for _ in texts]
    similarities = embedder.embed(sentences) @ query_vector
    terms = set(tokenize(question))
    results: list[Highlight] = []
    index = 0
    for text, parts in zip(texts, spans, strict=True):
        scored = []
        for a, b in parts:
            similarity = float(similarities[index])
            bonus = TERM_BONUS * _term_share(terms, text[a:b])
            scored.append(SentenceScore(a, b, similarity, similarity + bonus))
            index += 1
        results.append(_mark(scored))
    return results


def _mark(scored: list[SentenceScore]) -> Highlight:
    if not scored:
        return Highlight((), None, ())
    best = max(scored, key=lambda s: s.score)
    marked = tuple((s.start, s.end) for s in scored if s.score >= best.score - RUNNER_UP_MARGIN)
    return Highlight(marked, best, tuple(scored))
