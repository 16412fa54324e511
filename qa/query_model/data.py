"""Training questions as index rows: each gold passage becomes the rows that hold its quote."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from index import IndexReader
from qa.evaluation.questions import LabelledQuestion, normalise


@dataclass(frozen=True)
class TrainingQuestion:
    """A question and, for each passage it needs, the rows holding that passage."""

    id: str
    question: str
    positives: tuple[tuple[int, ...], ...]


def training_questions(
    reader: IndexReader, questions: Sequence[LabelledQuestion]
) -> tuple[list[TrainingQuestion], list[str]]:
    """The answerable questions with every gold passage found in the index, and the ids of
    the answerable ones whose passage was not found (a quote no clause holds)."""
    rows = range(len(reader.rows.document))
    clauses = reader.clauses(list(rows))
    names = {d.doc_id: Path(d.source).name for d in reader.documents()}
    texts = {row: normalise(c.text) for row, c in clauses.items()}
    files = {row: names[c.doc_id] for row, c in clauses.items()}
    usable, missing = [], []
    for question in questions:
        if not question.answerable:
            continue
        positives = []
        for gold in question.answers:
            alternatives = [(file, normalise(quote)) for file, quote in gold.alternatives]
            found = tuple(
                row
                for row in rows
                if any(files[row] == file and quote in texts[row] for file, quote in alternatives)
            )
            if found:
                positives.append(found)
        if positives and len(positives) == len(question.answers):
            usable.append(TrainingQuestion(question.id, question.question, tuple(positives)))
        else:
            missing.append(question.id)
    return usable, missing


def beir_training_questions(
    reader: IndexReader, queries: dict[str, str], qrels: dict[str, dict[str, int]]
) -> list[TrainingQuestion]:
    """BEIR train queries over an index of their corpus: any row of a relevant document
    answers (one passage, many alternatives)."""
    from qa.beir import corpus_id

    sources = {d.doc_id: corpus_id(d.source) for d in reader.documents()}
    rows_of: dict[str, list[int]] = {}
    for row, document in enumerate(reader.rows.document.tolist()):
        rows_of.setdefault(sources[reader.rows.doc_ids[document]], []).append(row)
    usable = []
    for qid, judged in sorted(qrels.items()):
        rows = tuple(r for doc in sorted(judged) if judged[doc] > 0 for r in rows_of.get(doc, ()))
        if qid in queries and rows:
            usable.append(TrainingQuestion(f"beir-{qid}", queries[qid], (rows,)))
    return usable
