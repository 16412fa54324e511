"""CrossEncoderScorer: the learned contradiction scorer behind the PairScorer protocol.

A clause pair is scored as a whole and sentence by sentence (up to MAX_SENTENCES a side); the
pair's score is the highest p(contradiction) of all, and the sentence pair behind it is the
evidence. Nothing is loaded until the first pair is scored.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qa.conflicts.types import FLAG_WORDING, ClauseText, ConflictKind, Verdict
from qa.nli.model import SETTINGS_FILE, LoadedModel, load_model, predict_proba, resolve_model

if TYPE_CHECKING:
    import numpy as np

MAX_SENTENCES = 6  # per side: at most 6 × 6 sentence pairs (+ the whole pair) per clause pair
QUOTE_CHARS = 200  # longer sentences are cut in explanations
CLEAR_WORDING = "no conflict found by the model"


def _sentences(text: str) -> list[str]:
    from ingest.sentences import split_sentences

    return [s.strip() for s in split_sentences(text) if s.strip()][:MAX_SENTENCES] or [text]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


# Sentence pairs read per clause pair besides the whole pair: those sharing the most words
# (contradicting sentences speak of the same thing), so the cost stays flat for long clauses.
MAX_SENTENCE_PAIRS = 4


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]{3,}", text.lower()))


def candidate_pairs(a: str, b: str) -> list[tuple[str, str]]:
    """The whole pair first, then the sentence pairs that share the most words."""
    left, right = _sentences(a), _sentences(b)
    if len(left) == 1 and len(right) == 1:
        return [(a, b)]
    scored = []
    for x in left:
        for y in right:
            wx, wy = _words(x), _words(y)
            overlap = len(wx & wy) / max(1, len(wx | wy))
            scored.append((overlap, x, y))
    scored.sort(key=lambda item: -item[0])
    return [(a, b)] + [(x, y) for _, x, y in scored[:MAX_SENTENCE_PAIRS]]


def _fingerprint(model: str, threshold: float | None, review: bool) -> str:
    """Names the model, its settings file and the threshold choice: a stored map built with
    another model or threshold is redone."""
    settings = Path(resolve_model(model)) / SETTINGS_FILE
    digest = hashlib.sha256(settings.read_bytes()).hexdigest()[:12] if settings.is_file() else ""
    choice = f"{threshold:g}" if threshold is not None else "review" if review else "own"
    return f"CrossEncoderScorer:{model}:{digest}:{choice}"


class CrossEncoderScorer:
    """Flags clause pairs that a sequence-classification NLI model rates as contradictory.

    Args:
        model: "default" (the shipped accord-nli-minilm), a local folder, or the name of a locally
            cached HF cross-encoder whose labels include contradiction and entailment.
        batch_size: pairs per forward pass.
        threshold: p(contradiction) at or above which a pair is flagged; default: the model's own
            (accord.json), else 0.5.
        review: beside the rules, flag with the model's stricter "review_threshold" (chosen for
            precision on its validation split) where it has one.
    """

    def __init__(
        self,
        model: str = "default",
        batch_size: int = 32,
        threshold: float | None = None,
        review: bool = False,
    ):
        self.model = model
        self.batch_size = batch_size
        self._threshold = threshold
        self.review = review
        self.fingerprint = _fingerprint(model, threshold, review)

    def _loaded(self) -> LoadedModel:
        return load_model(self.model)

    @property
    def threshold(self) -> float:
        """The flagging threshold in use (loads the model to read its own)."""
        if self._threshold is not None:
            return self._threshold
        loaded = self._loaded()
        if self.review and loaded.review_threshold is not None:
            return loaded.review_threshold
        return loaded.threshold

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities (n, 3): contradiction, entailment, neutral, for each text pair."""
        return predict_proba(self._loaded(), list(pairs), self.batch_size)

    def score(self, a: ClauseText, b: ClauseText) -> Verdict:
        """Judge one clause pair."""
        return self.score_many([(a, b)])[0]

    def score_many(self, pairs: Sequence[tuple[ClauseText, ClauseText]]) -> list[Verdict]:
        """Judge many clause pairs in one batched pass over all their sentence pairs."""
        candidates = [candidate_pairs(a.text, b.text) for a, b in pairs]
        flat = [pair for group in candidates for pair in group]
        contradiction = [float(p) for p in self.predict(flat)[:, 0]] if flat else []
        verdicts: list[Verdict] = []
        start = 0
        for (a, b), group in zip(pairs, candidates, strict=True):
            scores = contradiction[start : start + len(group)]
            start += len(group)
            # Evidence is the best sentence pair; the whole pair only counts toward the score.
            sentences = range(1, len(group)) if len(group) > 1 else range(1)
            best = max(sentences, key=scores.__getitem__)
            verdicts.append(self._verdict(a, b, group[best], max(scores)))
        return verdicts

    def _verdict(
        self, a: ClauseText, b: ClauseText, evidence: tuple[str, str], p: float
    ) -> Verdict:
        conflict = p >= self.threshold
        cite_a = f" ({a.citation})" if a.citation else ""
        cite_b = f" ({b.citation})" if b.citation else ""
        quoted = f"«{_quote(evidence[0])}»{cite_a} vs «{_quote(evidence[1])}»{cite_b}"
        if conflict:
            text = f"{FLAG_WORDING}: the model rates these as contradictory (p={p:.2f}): {quoted}"
        else:
            text = f"{CLEAR_WORDING} (p={p:.2f}): {quoted}"
        return Verdict(
            conflict=conflict,
            score=p,
            kind=ConflictKind.SEMANTIC,
            explanation=text,
            evidence=evidence,
        )
