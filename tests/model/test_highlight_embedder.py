"""The copy of the model that embeds answer sentences for highlighting: float32 like the
model itself, so an answer (abstained or not, passages, short answer) is the same on any
x86-64 CPU, with or without native bfloat16."""

from __future__ import annotations

import numpy as np
import pytest

from ingest.embed import (
    HIGHLIGHT_BATCH,
    HIGHLIGHT_TOKENS,
    HashingEmbedder,
    SentenceTransformerEmbedder,
    highlight_embedder,
)
from ingest.settings import Settings
from qa.engine import Engine
from qa.evaluation import DEFAULT_QUESTIONS
from qa.evaluation.questions import load_questions

SENTENCES = [
    "The Recipient shall not disclose Classified Information to a third party without consent.",
    "Each Party shall afford Classified Information a degree of protection at least equal.",
    "This Agreement shall remain in force for five years.",
    "Visits by personnel of one Party to facilities of the other require prior approval.",
    "A breach of security shall be reported to the originating Party without delay.",
]


def test_other_embedders_are_used_as_they_are() -> None:
    hashing = HashingEmbedder()
    assert highlight_embedder(hashing) is hashing


def _dtypes(embedder: SentenceTransformerEmbedder) -> set[str]:
    model = embedder._load()
    return {str(p.dtype) for p in model.parameters()}  # type: ignore[attr-defined]


@pytest.mark.model
def test_a_float32_copy_of_the_loaded_model(real_embedder: SentenceTransformerEmbedder) -> None:
    copy = highlight_embedder(real_embedder)
    assert isinstance(copy, SentenceTransformerEmbedder)
    assert (copy.name, copy.batch_size, copy.max_tokens()) == (
        real_embedder.name,
        HIGHLIGHT_BATCH,
        HIGHLIGHT_TOKENS,
    )
    assert highlight_embedder(real_embedder) is copy  # one copy, kept
    assert _dtypes(copy) == _dtypes(real_embedder) == {"torch.float32"}
    assert real_embedder.max_tokens() == 256  # the original is untouched
    fast, exact = copy.embed(SENTENCES), real_embedder.embed(SENTENCES)
    assert fast.dtype == np.float32 and fast.shape == exact.shape == (5, 384)
    # sentences under the token limit get the model's own vectors, to rounding
    np.testing.assert_allclose(fast, exact, atol=1e-5)


@pytest.mark.model
def test_answers_use_the_models_own_sentence_vectors(
    corpus_real: Settings, real_embedder: SentenceTransformerEmbedder
) -> None:
    """Every highlight score is the float32 cosine the model itself gives (a reduced-precision
    copy moved them by up to 0.01, enough to flip an abstention)."""
    engine = Engine(corpus_real.index.path, corpus_real, real_embedder)
    tokenizer = real_embedder._load().tokenizer  # type: ignore[attr-defined]

    def tokens(text: str) -> int:
        return len(tokenizer(text)["input_ids"])

    questions = load_questions(DEFAULT_QUESTIONS)[:12]
    checked = 0
    for question in questions:
        answer = engine.ask(question.question)
        # the question's vector is the question encoder's (it searches and highlights)
        encoder = engine.query_encoder or real_embedder
        vector = encoder.embed([" ".join(question.question.split())])[0]
        for passage in answer.passages:
            sentences = [passage.text[a:b] for a, b in passage.highlights]
            if not sentences or max(map(tokens, sentences)) > HIGHLIGHT_TOKENS - 2:
                continue  # a sentence cut at the highlight limit has another vector
            similarities = (real_embedder.embed(sentences) @ vector).tolist()
            # the passage's score is its best sentence's similarity: one of these, unrounded
            assert min(abs(passage.score - s) for s in similarities) < 2e-4
            checked += 1
    assert checked >= 40
