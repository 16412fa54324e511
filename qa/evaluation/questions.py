"""The labelled questions over `corpus/`: does `Engine.ask` find the answer, and does it
abstain when (and only when) the documents do not answer?

A passage answers a question when it comes from the named file and its text contains the
answer text (whitespace-normalised, case-insensitive).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qa.evaluation.metrics import percentile

if TYPE_CHECKING:
    from qa.engine import Engine
    from qa.records import Answer, Passage

WARM_UP_QUESTIONS = 3
_MIN_QUOTE = 20  # characters: shorter pieces ("Article 7") prove nothing
_MARKER = re.compile(r"\s*\[\d+\]\s*")


@dataclass(frozen=True)
class LabelledQuestion:
    """A question with the passages that answer it (none when it is unanswerable)."""

    id: str
    question: str
    answers: tuple[tuple[str, str], ...]  # (file name, answer text)

    @property
    def answerable(self) -> bool:
        """True when some passage of the corpus answers it."""
        return bool(self.answers)


@dataclass(frozen=True)
class QuestionResult:
    """What the engine did with one question."""

    id: str
    answerable: bool
    rank: int | None  # rank of the first answering passage, None if none was returned
    abstained: bool
    evidence: float
    milliseconds: float
    highlighted: bool = False  # the answering passage highlights the answer
    quoted: bool = False  # the short answer quotes the answer


@dataclass(frozen=True)
class QuestionScores:
    """Answer quality over a question set."""

    recall: float  # answerable questions with an answering passage in the top k
    mrr: float  # mean reciprocal rank of the first answering passage
    wrong_abstentions: float  # share of answerable questions the engine abstained on
    right_abstentions: float  # share of unanswerable questions the engine abstained on
    highlight_hits: float  # of the answering passages found, share with the answer highlighted
    quoted: float  # answerable questions whose short answer quotes the answer
    median_ms: float
    p95_ms: float
    answerable: int
    unanswerable: int

    def as_dict(self, top_k: int) -> dict[str, float | int]:
        """Rounded figures for printing and JSON."""
        return {
            f"recall@{top_k}": round(self.recall, 4),
            "mrr": round(self.mrr, 4),
            "abstained_wrongly": round(self.wrong_abstentions, 4),
            "abstained_rightly": round(self.right_abstentions, 4),
            "highlight_hits": round(self.highlight_hits, 4),
            "short_answer_quotes": round(self.quoted, 4),
            "median_ms": round(self.median_ms, 1),
            "p95_ms": round(self.p95_ms, 1),
            "answerable": self.answerable,
            "unanswerable": self.unanswerable,
        }


def normalise(text: str) -> str:
    """Lower case, runs of whitespace as one space."""
    return " ".join(text.split()).lower()


def load_questions(path: Path) -> list[LabelledQuestion]:
    """Questions from JSONL lines ``{"id", "question", "answerable", "answers": [...]}``."""
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        answers = tuple((str(a["file"]), str(a["text"])) for a in record.get("answers") or ())
        if record.get("answerable", bool(answers)) and not answers:
            raise ValueError(f"question {record['id']}: answerable but no answers listed")
        questions.append(LabelledQuestion(str(record["id"]), str(record["question"]), answers))
    return questions


def answers_question(passage: Passage, question: LabelledQuestion) -> bool:
    """True when the passage comes from a named file and contains that file's answer text."""
    name = Path(passage.source).name
    text = normalise(passage.text)
    return any(name == file and normalise(answer) in text for file, answer in question.answers)


def first_answer_rank(answer: Answer, question: LabelledQuestion) -> int | None:
    """Rank of the first passage that answers the question."""
    for passage in answer.passages:
        if answers_question(passage, question):
            return passage.rank
    return None


def _overlaps(piece: str, answers: Sequence[str]) -> bool:
    """True when a (normalised) piece lies within an answer text or contains one."""
    return len(piece) >= _MIN_QUOTE and any(piece in a or a in piece for a in answers)


def highlight_hit(answer: Answer, question: LabelledQuestion, rank: int | None) -> bool:
    """True when a highlighted sentence of the first answering passage is answer text."""
    if rank is None:
        return False
    passage = answer.passages[rank - 1]
    answers = [normalise(text) for _, text in question.answers]
    spans = [normalise(passage.text[a:b]) for a, b in passage.highlights]
    return any(_overlaps(span, answers) for span in spans)


def quotes_answer(answer: Answer, question: LabelledQuestion) -> bool:
    """True when a sentence of the short answer is answer text."""
    answers = [normalise(text) for _, text in question.answers]
    pieces = (normalise(p) for p in _MARKER.split(answer.text))
    return not answer.abstained and any(_overlaps(p, answers) for p in pieces)


def run_questions(
    engine: Engine, questions: Sequence[LabelledQuestion], top_k: int
) -> list[QuestionResult]:
    """Ask every question (after a few warm-up questions) and record what happened."""
    for question in questions[:WARM_UP_QUESTIONS]:
        engine.ask(question.question, top_k=top_k)
    results = []
    for question in questions:
        started = time.perf_counter()
        answer = engine.ask(question.question, top_k=top_k)
        elapsed = (time.perf_counter() - started) * 1000
        rank = first_answer_rank(answer, question)
        results.append(
            QuestionResult(
                question.id,
                question.answerable,
                rank,
                answer.abstained,
                answer.evidence,
                elapsed,
                highlight_hit(answer, question, rank),
                quotes_answer(answer, question),
            )
        )
    return results


def cold_latencies(
    engine: Engine, questions: Sequence[LabelledQuestion], top_k: int
) -> list[float]:
    """Milliseconds per `ask` with the sentence-vector memory emptied before each question
    (the cost of a question whose passages no earlier question returned)."""
    times = []
    for question in questions:
        engine.sentences.clear()
        started = time.perf_counter()
        engine.ask(question.question, top_k=top_k)
        times.append((time.perf_counter() - started) * 1000)
    return times


def score_questions(results: Sequence[QuestionResult]) -> QuestionScores:
    """Recall, MRR, abstention rates and latency of a run."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    times = [r.milliseconds for r in results]
    return QuestionScores(
        recall=_share(answerable, lambda r: r.rank is not None),
        mrr=sum(1.0 / r.rank for r in answerable if r.rank) / max(len(answerable), 1),
        wrong_abstentions=_share(answerable, lambda r: r.abstained),
        right_abstentions=_share(unanswerable, lambda r: r.abstained),
        highlight_hits=_share([r for r in answerable if r.rank], lambda r: r.highlighted),
        quoted=_share(answerable, lambda r: r.quoted),
        median_ms=percentile(times, 0.5),
        p95_ms=percentile(times, 0.95),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
    )


def _share(results: Sequence[QuestionResult], test: Callable[[QuestionResult], bool]) -> float:
    if not results:
        return 0.0
    return sum(1 for r in results if test(r)) / len(results)
