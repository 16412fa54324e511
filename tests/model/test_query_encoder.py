"""The shipped question encoder with the real model: used, fp32, trainable, saved and loaded."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest

from index import IndexReader
from ingest.embed import SentenceTransformerEmbedder
from ingest.settings import Settings
from qa.engine import Engine
from qa.evaluation import DEFAULT_QUESTIONS
from qa.evaluation.questions import load_questions
from qa.query_model import DEFAULT_QUERY_MODEL_DIR, query_embedder, read_query_settings
from qa.query_model.data import training_questions
from qa.query_model.train import QueryTrainSettings, save_encoder, train_encoder

pytestmark = pytest.mark.model


def test_the_shipped_encoder_serves_the_shipped_model(
    corpus_real: Settings, real_embedder: SentenceTransformerEmbedder
) -> None:
    assert read_query_settings(DEFAULT_QUERY_MODEL_DIR)["base"] == real_embedder.name
    engine = Engine(corpus_real.index.path, corpus_real, real_embedder, None)
    encoder = engine.query_encoder
    assert isinstance(encoder, SentenceTransformerEmbedder)
    vectors = encoder.embed(["Can we walk away from the agreement?", "Who pays?"])
    assert vectors.dtype == np.float32 and vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    model = encoder._load()
    assert {str(p.dtype) for p in model.parameters()} == {"torch.float32"}  # type: ignore[attr-defined]
    # a different encoder from the clause model, in the same space
    own = real_embedder.embed(["Can we walk away from the agreement?"])[0]
    assert 0.5 < float(own @ vectors[0]) < 0.999


def test_training_brings_questions_to_their_clauses_and_survives_saving(
    corpus_real: Settings, real_embedder: SentenceTransformerEmbedder, tmp_path: Path
) -> None:
    reader = IndexReader.open(corpus_real.index.path, model=real_embedder.name)
    questions, missing = training_questions(reader, load_questions(DEFAULT_QUESTIONS)[:8])
    assert missing == [] and len(questions) >= 4
    model = copy.deepcopy(real_embedder._load())
    report = train_encoder(
        model, [(reader.matrix, questions[:4])], QueryTrainSettings(epochs=3, batch_size=4)
    )
    losses = report["epoch_losses"]
    assert len(losses) == 3 and losses[2] < losses[0]
    folder = tmp_path / "encoder"
    save_encoder(model, folder, {"base": real_embedder.name, "questions": 4,
                                 "questions_file": "corpus_questions.jsonl", "beir_queries": 0,
                                 "index_clauses": 1, "settings": QueryTrainSettings().__dict__,
                                 **report})  # fmt: skip
    assert (folder / "MODEL_CARD.md").read_text().startswith("# accord-query-minilm")
    assert not folder.with_name("encoder.partial").exists()
    loaded = query_embedder(str(folder), real_embedder)
    assert loaded is not None
    text = [questions[0].question]
    trained = model.encode(text, normalize_embeddings=True, convert_to_numpy=True)[0]
    assert float(loaded.embed(text)[0] @ trained) > 0.999  # fp16 storage, fp32 at run time
