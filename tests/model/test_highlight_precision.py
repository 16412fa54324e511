"""The copy of the model that embeds answer sentences for highlighting (bfloat16 where the
CPU has it natively): same model, same vectors to within rounding, same answers."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from ingest.embed import (
    HIGHLIGHT_BATCH,
    HashingEmbedder,
    SentenceTransformerEmbedder,
    highlight_embedder,
    native_bfloat16,
    resolve_precision,
)
from ingest.settings import Settings
from qa.engine import Engine
from qa.evaluation import DEFAULT_QUESTIONS
from qa.evaluation.questions import load_questions, run_questions, score_questions

SENTENCES = [
    "The Recipient shall not disclose Classified Information to a third party without consent.",
    "Each Party shall afford Classified Information a degree of protection at least equal.",
    "This Agreement shall remain in force for five years.",
    "Visits by personnel of one Party to facilities of the other require prior approval.",
    "A breach of security shall be reported to the originating Party without delay.",
]


def test_precision_choices() -> None:
    assert resolve_precision("float32") == "float32"
    assert resolve_precision("bfloat16") == "bfloat16"
    assert resolve_precision("auto") == ("bfloat16" if native_bfloat16() else "float32")
    with pytest.raises(ValueError, match=r"precision 'fp8' is not one of auto, float32"):
        resolve_precision("fp8")


def test_other_embedders_are_used_as_they_are() -> None:
    hashing = HashingEmbedder()
    assert highlight_embedder(hashing, "bfloat16") is hashing


@pytest.mark.model
def test_bfloat16_copy_of_the_loaded_model(real_embedder: SentenceTransformerEmbedder) -> None:
    copy = highlight_embedder(real_embedder, "bfloat16")
    assert isinstance(copy, SentenceTransformerEmbedder)
    assert (copy.name, copy.precision, copy.batch_size) == (
        real_embedder.name,
        "bfloat16",
        HIGHLIGHT_BATCH,
    )
    assert highlight_embedder(real_embedder, "bfloat16") is copy  # one copy, kept
    fast, exact = copy.embed(SENTENCES), real_embedder.embed(SENTENCES)
    assert fast.dtype == np.float32 and fast.shape == exact.shape == (5, 384)
    np.testing.assert_allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    cosine = (fast * exact).sum(axis=1)
    assert cosine.min() > 0.99
    # the original model is untouched: still float32, same vectors as before the copy
    np.testing.assert_array_equal(real_embedder.embed(SENTENCES), exact)
    assert highlight_embedder(real_embedder, "float32").precision == "float32"  # type: ignore[attr-defined]


@pytest.mark.model
def test_answers_are_the_same_in_either_precision(
    corpus_real: Settings, real_embedder: SentenceTransformerEmbedder
) -> None:
    questions = load_questions(DEFAULT_QUESTIONS)
    figures = {}
    for precision in ("float32", "bfloat16"):
        models = replace(corpus_real.models, highlight_precision=precision)
        engine = Engine(corpus_real.index.path, replace(corpus_real, models=models), real_embedder)
        assert engine.sentences.embedder.precision == precision  # type: ignore[attr-defined]
        figures[precision] = score_questions(run_questions(engine, questions, top_k=5))
    exact, fast = figures["float32"], figures["bfloat16"]
    # measured: recall@5 0.806, highlight hits 0.879, abstained wrongly 5.6% in both
    assert (fast.recall, fast.mrr, fast.highlight_hits, fast.quoted) == (
        exact.recall,
        exact.mrr,
        exact.highlight_hits,
        exact.quoted,
    )
    assert (fast.wrong_abstentions, fast.right_abstentions) == (
        exact.wrong_abstentions,
        exact.right_abstentions,
    )
