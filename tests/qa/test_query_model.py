"""The question encoder: when it is used, what it is trained on, and its loss."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from index import IndexReader
from ingest.embed import HashingEmbedder
from ingest.settings import Settings
from qa.engine import Engine
from qa.evaluation.questions import Gold, LabelledQuestion
from qa.query_model import QueryModelMismatch, query_embedder
from qa.query_model.data import training_questions


def test_no_encoder_when_switched_off_or_tuned_for_another_model(tmp_path: Path) -> None:
    hashing = HashingEmbedder()
    assert query_embedder("none", hashing) is None
    # the shipped encoder serves the shipped embedding model only
    assert query_embedder("default", hashing) is None
    folder = tmp_path / "encoder"
    folder.mkdir()
    (folder / "accord.json").write_text(json.dumps({"base": "some/other-model"}))
    with pytest.raises(QueryModelMismatch, match=r"tuned for 'some/other-model'.*hashing-384"):
        query_embedder(str(folder), hashing)
    with pytest.raises(QueryModelMismatch, match="no such folder"):
        query_embedder(str(tmp_path / "missing"), hashing)


def test_the_loss_leaves_a_questions_other_passage_out() -> None:
    import torch

    from qa.query_model.train import question_loss

    scores = torch.tensor([2.0, 1.0, 0.0])
    one = float(question_loss(scores, ((0,),)))
    assert one == pytest.approx(math.log(math.e**2 + math.e + 1) - 2, abs=1e-6)
    # a comparison needing rows 0 and 1: each is scored without the other in the denominator
    both = float(question_loss(scores, ((0,), (1,))))
    expected = (math.log(math.e**2 + 1) - 2 + math.log(math.e + 1) - 1) / 2
    assert both == pytest.approx(expected, abs=1e-6)
    # any row of a passage's alternatives will do: the best of them dominates
    assert float(question_loss(scores, ((0, 1),))) == pytest.approx(
        math.log(math.e**2 + math.e + 1) - math.log(math.e**2 + math.e), abs=1e-6
    )


def question(qid: str, *golds: tuple[str, str]) -> LabelledQuestion:
    return LabelledQuestion(qid, f"question {qid}", tuple(Gold((g,)) for g in golds))


def test_training_questions_become_the_rows_holding_their_quotes(
    corpus_hashing: Settings,
) -> None:
    reader = IndexReader.open(corpus_hashing.index.path, model="hashing-384")
    clauses = reader.clauses(list(range(len(reader.rows.document))))
    names = {d.doc_id: Path(d.source).name for d in reader.documents()}
    row, clause = next((r, c) for r, c in sorted(clauses.items()) if len(c.text) > 80)
    file, quote = names[clause.doc_id], "  ".join(clause.text[10:70].split()).upper()
    usable, missing = training_questions(
        reader,
        [
            question("found", (file, quote)),
            question("lost", (file, quote), (file, "no clause says this at all")),
            question("wrong-file", ("elsewhere.md", quote)),
            LabelledQuestion("unanswerable", "what is not there?", ()),
        ],
    )
    assert [(q.id, row in q.positives[0]) for q in usable] == [("found", True)]
    assert missing == ["lost", "wrong-file"]


class PointsAt:
    """A question encoder that sends every question to one stored clause vector."""

    name = "points-at"
    dim = 384

    def __init__(self, vector: np.ndarray):
        self.vector = vector

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.tile(self.vector, (len(texts), 1)).astype(np.float32)


def test_the_engine_searches_with_the_question_encoder(corpus_hashing: Settings) -> None:
    from qa.planning import QueryPlan
    from qa.retrieval import Method

    engine = Engine(corpus_hashing.index.path, corpus_hashing, HashingEmbedder(), None)
    assert engine.query_encoder is None  # the shipped encoder is not for the hashing model
    text = "Which court hears disputes about shared intelligence?"
    reader = engine.reader
    first = engine.retrieve(text, 1, method=Method.DENSE)[0].row
    target = next(r for r in range(len(reader.rows.document)) if r != first)
    engine.query_encoder = PointsAt(np.asarray(reader.matrix[target]))
    own, search = engine._query_vectors(QueryPlan(text))
    # highlighting and abstention score sentences with the encoder's vector too
    assert np.array_equal(search, np.asarray(reader.matrix[target], dtype=np.float32))
    assert np.array_equal(own, search)
    assert not np.array_equal(own, HashingEmbedder().embed([text])[0])
    assert engine.retrieve(text, 1, method=Method.DENSE)[0].row == target
