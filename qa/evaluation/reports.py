"""The two evaluations behind `accord eval`, as JSON-ready reports.

`retrieval_report` indexes a BEIR corpus (cached in a work folder) and scores each method,
optionally every fusion variant and the bm25s library; `questions_report` asks the labelled
questions over `corpus/` and optionally calibrates the abstention threshold.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ingest.embed import Embedder
from ingest.settings import Settings
from qa import beir
from qa.evaluation import DEFAULT_CORPUS, EVAL_ROOT
from qa.retrieval import Method


@dataclass(frozen=True)
class RetrievalSpec:
    """What `accord eval retrieval` was asked to measure."""

    queries: Path
    qrels: Path
    corpus: Path
    methods: tuple[Method, ...] = (Method.DENSE, Method.LEXICAL, Method.HYBRID)
    work: Path | None = None  # default: var/eval/<corpus folder name>
    fusion: bool = False  # also score every fusion variant
    bm25s: bool = False  # also compare with the bm25s library
    rebuild: bool = False
    sample_queries: int | None = None  # only this many queries (fixed sample) ...
    distractors: int = 0  # ... over their relevant documents and this many others
    seed: int = 0

    def work_folder(self) -> Path:
        """Where the documents and the index are cached."""
        if self.work is not None:
            return self.work
        name = self.corpus.parent.name if self.corpus.is_file() else self.corpus.name
        if self.sample_queries is not None:
            name += f"-q{self.sample_queries}-d{self.distractors}-s{self.seed}"
        return EVAL_ROOT / name


def sample_task(
    spec: RetrievalSpec, queries: dict[str, str], qrels: beir.Qrels
) -> tuple[dict[str, str], beir.Qrels, list[beir.CorpusDocument]]:
    """The queries, judgements and documents to use (all, or the spec's fixed sample)."""
    documents = list(beir.load_corpus(spec.corpus))
    judged = sorted(q for q in qrels if q in queries)
    if spec.sample_queries is None:
        return {q: queries[q] for q in judged}, {q: qrels[q] for q in judged}, documents
    chosen = sorted(random.Random(spec.seed).sample(judged, min(spec.sample_queries, len(judged))))
    keep = {doc for q in chosen for doc in qrels[q]}
    kept = beir.subset(documents, keep, spec.distractors, spec.seed)
    return {q: queries[q] for q in chosen}, {q: qrels[q] for q in chosen}, kept


def retrieval_report(
    spec: RetrievalSpec, settings: Settings, embedder: Embedder | None = None
) -> dict[str, Any]:
    """Index the corpus (or reuse the cached index) and score the requested methods.

    Args:
        spec: the task files, methods and options.
        settings: model and chunking settings.
        embedder: an already loaded embedder for the settings' model.
    """
    from index import IndexReader
    from ingest.embed import make_embedder
    from qa.evaluation.retrieval import RetrievalTask, fusion_study
    from qa.query_model import query_embedder

    queries, qrels = (
        beir.load_queries(spec.queries),
        beir.relevant_only(beir.load_qrels(spec.qrels)),
    )
    queries, qrels, documents = sample_task(spec, queries, qrels)
    embedder = embedder or make_embedder(settings.models.embedding, settings.models.batch_size)
    index_dir = beir.index_corpus(documents, spec.work_folder(), settings, spec.rebuild, embedder)
    reader = IndexReader.open(index_dir, model=embedder.name)
    questions = query_embedder(settings.models.query, embedder)  # as `ask` searches
    task = RetrievalTask(reader, questions or embedder, queries, qrels)
    report: dict[str, Any] = {
        "model": embedder.name,
        "query_model": questions.name if questions else embedder.name,
        "index": str(index_dir),
        "queries": len(task.queries),
        "documents": len(reader.documents()),
        "clauses": len(task.corpus_of_row),
        "methods": {m.value: _method_figures(task, m) for m in spec.methods},
    }
    if spec.fusion:
        report["fusion"] = {k: v.as_dict() for k, v in fusion_study(task).items()}
    if spec.bm25s:
        from qa.evaluation.bm25s_check import compare_with_bm25s

        report["bm25s"] = compare_with_bm25s(task)
    return report


def _method_figures(task: Any, method: Method) -> dict[str, Any]:
    rankings, milliseconds = task.rankings(method)
    return {**task.score(rankings).as_dict(), "search_ms": round(milliseconds, 2)}


def corpus_index(corpus: Path | Sequence[Path], settings: Settings) -> Path:
    """An index of the corpus (folders or files) under var/eval for the settings' model,
    brought up to date."""
    from index import IngestRun
    from ingest.embed import make_embedder
    from qa.hooks import after_publish_steps, ingest_hooks

    folders = [corpus] if isinstance(corpus, Path) else list(corpus)
    name = "+".join(dict.fromkeys(p.name if p.is_dir() else p.parent.name for p in folders))
    index_dir = EVAL_ROOT / name / f"index-{beir.model_slug(settings.models.embedding)}"
    local = replace(settings, index=replace(settings.index, path=index_dir))
    embedder = make_embedder(local.models.embedding, local.models.batch_size)
    hooks, after = ingest_hooks(local), after_publish_steps(local)
    summary = IngestRun(local, embedder, hooks=hooks, after_publish=after).run(folders)
    if summary.rejected:
        rejected = ", ".join(f"{Path(r.source).name} ({r.reason})" for r in summary.rejected[:3])
        raise ValueError(f"{name}: {len(summary.rejected)} files were rejected: {rejected}")
    return index_dir


def questions_report(
    questions: Path,
    settings: Settings,
    index_dir: Path | None = None,
    corpus: Path | Sequence[Path] = DEFAULT_CORPUS,
    top_k: int = 5,
    calibrate: bool = False,
    split: str | None = None,
) -> dict[str, Any]:
    """Ask the labelled questions; recall@k, MRR, abstentions, latency; optionally calibrate.

    Args:
        split: report only this split's questions ("dev" or "test"); with `calibrate`, the
            threshold is chosen on the other questions of the set when it has splits
            (dev for test), else on the questions themselves with cross-validation.
    """
    from qa.engine import Engine
    from qa.evaluation.questions import load_questions, run_questions, score_questions

    labelled = load_questions(questions)
    if split is not None and not any(q.split == split for q in labelled):
        raise ValueError(f"{questions.name}: no question is in split {split!r}")
    folder = index_dir or corpus_index(corpus, settings)
    engine = Engine.load(folder, replace(settings, index=replace(settings.index, path=folder)))
    chosen = [q for q in labelled if split is None or q.split == split]
    results = run_questions(engine, chosen, top_k)
    report: dict[str, Any] = {
        "model": engine.embedder.name,
        "index": str(folder),
        "questions_file": questions.name,
        "split": split or "all",
        "threshold": engine.threshold,
        **score_questions(results).as_dict(top_k),
        "missed": [r.id for r in results if r.answerable and not r.complete],
        "questions": [_question_figures(r) for r in results],
    }
    report.update(_cold_figures(engine, chosen, top_k))
    if calibrate:
        others = [q for q in labelled if split is not None and q.split not in ("", split)]
        tuning = run_questions(engine, others, top_k) if others else []
        report.update(_calibrations(results, tuning))
    return report


def _calibrations(results: Sequence[Any], tuning: Sequence[Any]) -> dict[str, Any]:
    """Thresholds chosen on `tuning` (when given) or on `results` (cross-validated)."""
    from qa.evaluation.calibrate import MAX_WRONG, abstention_rates
    from qa.evaluation.calibrate import calibrate as choose_threshold

    source = tuning or results
    evidence = [r.evidence for r in source]
    answerable = [r.answerable for r in source]
    out: dict[str, Any] = {}
    for name, cap in (("calibration", MAX_WRONG), ("calibration_youden", None)):
        chosen = choose_threshold(evidence, answerable, max_wrong=cap)
        figures = _calibration(chosen)
        if tuning:
            rates = abstention_rates(
                [r.evidence for r in results], [r.answerable for r in results], chosen.threshold
            )
            figures["chosen_on"] = f"{len(tuning)} other questions (dev)"
            figures["on_reported_split"] = _rates(rates)
        out[name] = figures
    return out


def _cold_figures(engine: Any, labelled: Any, top_k: int) -> dict[str, float]:
    from qa.evaluation.metrics import percentile
    from qa.evaluation.questions import cold_latencies

    cold = cold_latencies(engine, labelled, top_k)
    return {
        "cold_median_ms": round(percentile(cold, 0.5), 1),
        "cold_p95_ms": round(percentile(cold, 0.95), 1),
    }


def _question_figures(result: Any) -> dict[str, Any]:
    return {
        "id": result.id,
        "answerable": result.answerable,
        "type": result.kind,
        "rank": result.rank,
        "complete": result.complete,
        "abstained": result.abstained,
        "evidence": round(result.evidence, 4),
        "ms": round(result.milliseconds, 1),
    }


def _calibration(chosen: Any) -> dict[str, Any]:
    return {
        "threshold": round(chosen.threshold, 4),
        "in_sample": _rates(chosen.in_sample),
        "cross_validated_5_fold": _rates(chosen.cross_validated),
        "fold_thresholds": [round(t, 4) for t in chosen.fold_thresholds],
    }


def _rates(rates: Any) -> dict[str, float]:
    return {"abstained_wrongly": round(rates.wrong, 4), "abstained_rightly": round(rates.right, 4)}
