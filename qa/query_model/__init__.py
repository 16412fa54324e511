"""Accord's question encoder: all-MiniLM-L6-v2 fine-tuned on questions in everyday words, so
that "walk away from the treaty" lands near "may denounce this Agreement".

Only the question side is tuned: clause vectors in the index stay those of the embedding
model, so an index built without it needs no re-embedding, and a deployment that changes the
embedding model simply stops using it (the encoder names the model it was tuned against).
Trained by `python -m qa.query_model.train` on the project's training questions over the real
treaties (`tests/fixtures/agreement_training_questions.jsonl`, written apart from the evaluation
questions); measured by `accord eval questions --set agreements --split test`.
"""

from qa.query_model.encoder import (
    DEFAULT_QUERY_MODEL_DIR,
    QueryModelMismatch,
    query_embedder,
    read_query_settings,
)

__all__ = ["DEFAULT_QUERY_MODEL_DIR", "QueryModelMismatch", "query_embedder", "read_query_settings"]
