"""Labelled questions: does `Engine.ask` find the passages that answer them, and does it
abstain when (and only when) the documents do not answer?

A question lists the passages its answer needs, each as a file and a quote (or several
alternative quotes). A passage answers a part when it comes from the named file and its text
contains the quote (whitespace-normalised, case-insensitive). A question is found at k when
every part it needs is among the k passages (``"match": "all"``, the default: a comparison of
two agreements needs a passage of each), or any part is (``"match": "any"``: the parts are
alternatives). Questions may carry a type (paraphrase, lookup, comparison, multi,
unanswerable) and a split (dev, test): tuning reads dev, figures are reported on test.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qa.evaluation.metrics import percentile
from qa.jsonl import numbered_records

if TYPE_CHECKING:
    from qa.engine import Engine
    from qa.records import Answer, Passage

WARM_UP_QUESTIONS = 3
_MIN_QUOTE = 20  # characters: shorter pieces ("Article 7") prove nothing
_MARKER = re.compile(r"\s*\[\d+\]\s*")
MATCHES = ("all", "any")
UNANSWERABLE = "unanswerable"


@dataclass(frozen=True)
class Gold:
    """One passage an answer needs: (file name, quote) alternatives, any of which will do."""

    alternatives: tuple[tuple[str, str], ...]

    def texts(self) -> list[str]:
        """The normalised quotes."""
        return [normalise(text) for _, text in self.alternatives]


@dataclass(frozen=True)
class LabelledQuestion:
    """A question with the passages that answer it (none when it is unanswerable)."""

    id: str
    question: str
    answers: tuple[Gold, ...]
    match: str = "all"  # "all": every gold passage is needed; "any": one of them suffices
    kind: str = ""  # paraphrase, lookup, comparison, multi, unanswerable ("" if not given)
    split: str = ""  # dev or test ("" if not given)

    @property
    def answerable(self) -> bool:
        """True when some passage of the corpus answers it."""
        return bool(self.answers)

    def quotes(self) -> list[str]:
        """Every normalised quote of every gold passage."""
        return [text for gold in self.answers for text in gold.texts()]


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
    complete: bool = False  # every part the question needs was returned
    kind: str = ""
    found_parts: int = 0  # gold passages returned
    parts: int = 0  # gold passages needed


@dataclass(frozen=True)
class QuestionScores:
    """Answer quality over a question set."""

    recall: float  # answerable questions with every needed passage in the top k
    mrr: float  # mean reciprocal rank of the first answering passage
    wrong_abstentions: float  # share of answerable questions the engine abstained on
    right_abstentions: float  # share of unanswerable questions the engine abstained on
    highlight_hits: float  # of the answering passages found, share with the answer highlighted
    quoted: float  # answerable questions whose short answer quotes the answer
    median_ms: float
    p95_ms: float
    answerable: int
    unanswerable: int
    recall_by_kind: tuple[tuple[str, int, int], ...] = ()  # (kind, found, questions)
    part_recall: float = 0.0  # gold passages returned, of all needed

    def as_dict(self, top_k: int) -> dict[str, object]:
        """Rounded figures for printing and JSON."""
        return {
            f"recall@{top_k}": round(self.recall, 4),
            "mrr": round(self.mrr, 4),
            "abstained_wrongly": round(self.wrong_abstentions, 4),
            "abstained_rightly": round(self.right_abstentions, 4),
            "highlight_hits": round(self.highlight_hits, 4),
            "short_answer_quotes": round(self.quoted, 4),
            "gold_passages_found": round(self.part_recall, 4),
            "recall_by_type": {
                kind: f"{found}/{total}" for kind, found, total in self.recall_by_kind
            },
            "median_ms": round(self.median_ms, 1),
            "p95_ms": round(self.p95_ms, 1),
            "answerable": self.answerable,
            "unanswerable": self.unanswerable,
        }


def normalise(text: str) -> str:
    """Lower case, runs of whitespace as one space."""
    return " ".join(text.split()).lower()


def _gold(answer: dict[str, object], where: str) -> Gold:
    alternatives = [answer, *(answer.get("or") or ())]  # type: ignore[misc]
    try:
        return Gold(tuple((str(a["file"]), str(a["text"])) for a in alternatives))
    except (KeyError, TypeError) as error:
        raise ValueError(f"{where}: an answer needs a 'file' and a 'text'") from error


def _question(record: dict[str, object], where: str) -> LabelledQuestion:
    answers = tuple(_gold(a, where) for a in record.get("answers") or ())  # type: ignore[attr-defined]
    if record.get("answerable", bool(answers)) and not answers:
        raise ValueError(f"{where}: answerable but no answers listed")
    match = str(record.get("match", "all"))
    if match not in MATCHES:
        raise ValueError(f"{where}: match {match!r} is not one of {', '.join(MATCHES)}")
    kind = str(record.get("type", "" if answers else UNANSWERABLE))
    return LabelledQuestion(
        str(record["id"]),
        str(record["question"]),
        answers,
        match,
        kind,
        str(record.get("split", "")),
    )


def load_questions(path: Path, split: str | None = None) -> list[LabelledQuestion]:
    """Questions from JSONL lines ``{"id", "question", "answers": [{"file", "text", "or"?}],
    "match"?, "type"?, "split"?}``; with `split`, only that split's questions."""
    questions = [_question(record, where) for where, record in numbered_records(path)]
    if split is not None:
        questions = [q for q in questions if q.split == split]
    return questions


def agreement_corpus(data: Path | None = None) -> list[Path] | None:
    """The files the agreement questions are about: the treaty texts and the reference
    articles of ../shared/data (None when that folder is not on this machine)."""
    from qa.nli.datasets import shared_data_dir

    folder = data or shared_data_dir()
    if folder is None or not (folder / "agreements").is_dir():
        return None
    treaties = sorted((folder / "agreements").glob("*.md"))
    return [*treaties, *sorted((folder / "reference-articles").glob("*.txt"))]


def _answers(passage: Passage, gold: Gold) -> bool:
    name = Path(passage.source).name
    text = normalise(passage.text)
    return any(name == file and normalise(quote) in text for file, quote in gold.alternatives)


def answers_question(passage: Passage, question: LabelledQuestion) -> bool:
    """True when the passage answers some part of the question."""
    return any(_answers(passage, gold) for gold in question.answers)


def first_answer_rank(answer: Answer, question: LabelledQuestion) -> int | None:
    """Rank of the first passage that answers some part of the question."""
    for passage in answer.passages:
        if answers_question(passage, question):
            return passage.rank
    return None


def found_parts(answer: Answer, question: LabelledQuestion) -> int:
    """How many of the question's gold passages are among the returned passages."""
    return sum(1 for gold in question.answers if any(_answers(p, gold) for p in answer.passages))


def is_complete(answer: Answer, question: LabelledQuestion) -> bool:
    """True when the passages hold every part the question needs (any part for "any")."""
    found = found_parts(answer, question)
    if question.match == "any":
        return found > 0
    return bool(question.answers) and found == len(question.answers)


def _overlaps(piece: str, answers: Sequence[str]) -> bool:
    """True when a (normalised) piece lies within an answer text or contains one."""
    return len(piece) >= _MIN_QUOTE and any(piece in a or a in piece for a in answers)


def highlight_hit(answer: Answer, question: LabelledQuestion, rank: int | None) -> bool:
    """True when a highlighted sentence of the first answering passage is answer text."""
    if rank is None:
        return False
    passage = answer.passages[rank - 1]
    spans = [normalise(passage.text[a:b]) for a, b in passage.highlights]
    return any(_overlaps(span, question.quotes()) for span in spans)


def quotes_answer(answer: Answer, question: LabelledQuestion) -> bool:
    """True when a sentence of the short answer is answer text."""
    pieces = (normalise(p) for p in _MARKER.split(answer.text))
    return not answer.abstained and any(_overlaps(p, question.quotes()) for p in pieces)


def judge(answer: Answer, question: LabelledQuestion, milliseconds: float) -> QuestionResult:
    """What one answer got right."""
    rank = first_answer_rank(answer, question)
    return QuestionResult(
        question.id,
        question.answerable,
        rank,
        answer.abstained,
        answer.evidence,
        milliseconds,
        highlight_hit(answer, question, rank),
        quotes_answer(answer, question),
        is_complete(answer, question),
        question.kind,
        found_parts(answer, question),
        len(question.answers) if question.match == "all" else min(len(question.answers), 1),
    )


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
        results.append(judge(answer, question, (time.perf_counter() - started) * 1000))
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


def _by_kind(answerable: Sequence[QuestionResult]) -> tuple[tuple[str, int, int], ...]:
    kinds = sorted({r.kind for r in answerable if r.kind})
    return tuple(
        (
            kind,
            sum(1 for r in answerable if r.kind == kind and r.complete),
            sum(1 for r in answerable if r.kind == kind),
        )
        for kind in kinds
    )


def score_questions(results: Sequence[QuestionResult]) -> QuestionScores:
    """Recall, MRR, abstention rates and latency of a run."""
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    times = [r.milliseconds for r in results]
    parts = sum(r.parts for r in answerable)
    return QuestionScores(
        recall=_share(answerable, lambda r: r.complete),
        mrr=sum(1.0 / r.rank for r in answerable if r.rank) / max(len(answerable), 1),
        wrong_abstentions=_share(answerable, lambda r: r.abstained),
        right_abstentions=_share(unanswerable, lambda r: r.abstained),
        highlight_hits=_share([r for r in answerable if r.rank], lambda r: r.highlighted),
        quoted=_share(answerable, lambda r: r.quoted),
        median_ms=percentile(times, 0.5),
        p95_ms=percentile(times, 0.95),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        recall_by_kind=_by_kind(answerable),
        part_recall=sum(min(r.found_parts, r.parts) for r in answerable) / max(parts, 1),
    )


def _share(results: Sequence[QuestionResult], test: Callable[[QuestionResult], bool]) -> float:
    if not results:
        return 0.0
    return sum(1 for r in results if test(r)) / len(results)
