"""`accord eval`: retrieval quality on a BEIR task, answer quality on the labelled questions."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from qa.cli.common import CliError, add_index_option, add_model_option, settings_from

_METRICS = ("ndcg@10", "recall@10", "recall@100", "mrr")
QUESTION_SETS = ("corpus", "agreements")


def register(commands: Any) -> None:
    """Add `eval retrieval` and `eval questions`."""
    from qa.conflicts.evaluate import PAIR_SET
    from qa.evaluation import DEFAULT_CORPUS

    PLANTED = PAIR_SET.parent / "corpus_conflicts.jsonl"

    evaluate = commands.add_parser("eval", help="measure retrieval and answer quality")
    kinds = evaluate.add_subparsers(dest="evaluation", required=True, metavar="WHAT")
    retrieval = kinds.add_parser("retrieval", help="nDCG@10, recall@10/100, MRR on a BEIR task")
    retrieval.add_argument("--queries", type=Path, required=True, metavar="FILE")
    retrieval.add_argument("--qrels", type=Path, required=True, metavar="FILE")
    retrieval.add_argument("--corpus", type=Path, required=True, metavar="FILE")
    retrieval.add_argument("--methods", default="dense,bm25,hybrid", metavar="LIST")
    retrieval.add_argument("--work", type=Path, metavar="DIR", help="cache (var/eval/<corpus>)")
    retrieval.add_argument("--fusion", action="store_true", help="also every fusion variant")
    retrieval.add_argument("--also-bm25s", action="store_true", help="compare with bm25s")
    retrieval.add_argument("--rebuild", action="store_true", help="re-index the corpus")
    retrieval.add_argument("--sample-queries", type=int, metavar="N", help="fixed sample")
    retrieval.add_argument("--distractors", type=int, default=0, metavar="N")
    add_model_option(retrieval)
    retrieval.add_argument("--json", action="store_true", help="print JSON")
    retrieval.set_defaults(handler=run_retrieval)

    questions = kinds.add_parser("questions", help="recall, abstention, latency of `ask`")
    questions.add_argument(
        "--set",
        choices=QUESTION_SETS,
        default="corpus",
        help="corpus: the questions over corpus/; agreements: the questions over the real "
        "treaties in ../shared/data (agreements and reference articles)",
    )
    questions.add_argument("--questions", type=Path, metavar="FILE", help="another question file")
    add_index_option(questions)
    questions.add_argument(
        "--corpus", type=Path, action="append", metavar="PATH", help="folder or file (repeatable)"
    )
    questions.add_argument("--data", type=Path, metavar="DIR", help="../shared/data")
    questions.add_argument("--split", choices=("dev", "test"), help="only this split's questions")
    add_model_option(questions)
    questions.add_argument("--top-k", type=int, default=5, metavar="N")
    questions.add_argument(
        "--calibrate", action="store_true", help="choose the threshold (on dev when --split test)"
    )
    questions.add_argument("--json", action="store_true", help="print JSON")
    questions.set_defaults(handler=run_questions)

    conflicts = kinds.add_parser("conflicts", help="conflict flags: labelled, planted, NLI sets")
    conflicts.add_argument("--pairs", type=Path, default=PAIR_SET, metavar="FILE")
    conflicts.add_argument("--planted", type=Path, default=PLANTED, metavar="FILE")
    conflicts.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, metavar="DIR")
    conflicts.add_argument("--data", type=Path, metavar="DIR", help="../shared/data (NLI sets)")
    conflicts.add_argument("--nli-model", metavar="NAME", help='"default", "none" or a model')
    add_model_option(conflicts)
    conflicts.add_argument("--json", action="store_true", help="print JSON")
    conflicts.add_argument(
        "--record",
        action="store_true",
        help="store the figures in the shipped model's accord.json and MODEL_CARD.md",
    )
    conflicts.set_defaults(handler=run_conflicts)


def run_retrieval(args: argparse.Namespace) -> int:
    """Score the methods on the task and print a table or JSON."""
    from qa.evaluation.reports import RetrievalSpec, retrieval_report
    from qa.retrieval import Method

    for path in (args.queries, args.qrels, args.corpus):
        if not path.exists():
            raise CliError(f"{path}: no such file", code=2)
    try:
        methods = tuple(Method(m.strip()) for m in args.methods.split(",") if m.strip())
    except ValueError as error:
        raise CliError(f"--methods: {error} (choose from dense, bm25, hybrid)", code=2) from error
    spec = RetrievalSpec(
        args.queries,
        args.qrels,
        args.corpus,
        methods,
        args.work,
        args.fusion,
        args.also_bm25s,
        args.rebuild,
        args.sample_queries,
        args.distractors,
    )
    report = retrieval_report(spec, settings_from(args, **{"ingest.workers": 0}))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{report['model']}: {report['queries']} queries, {report['documents']} documents")
    for section in ("methods", "fusion", "bm25s"):
        if section in report:
            print_table(section, report[section])
    return 0


def print_table(title: str, rows: dict[str, dict[str, Any]]) -> None:
    """One line per method with the four metrics (and timings when present)."""
    print(f"\n{title:<24}" + "".join(f"{m:>11}" for m in _METRICS))
    for name, figures in rows.items():
        extra = {k: v for k, v in figures.items() if k.endswith("_ms")}
        notes = "  " + ", ".join(f"{k} {v}" for k, v in extra.items()) if extra else ""
        print(f"{name:<24}" + "".join(f"{figures[m]:>11.4f}" for m in _METRICS) + notes)


def question_set(args: argparse.Namespace) -> tuple[Path, list[Path]]:
    """The question file and the corpus paths the options name."""
    from qa.evaluation import AGREEMENT_QUESTIONS, DEFAULT_CORPUS, DEFAULT_QUESTIONS
    from qa.evaluation.questions import agreement_corpus

    if args.set == "agreements":
        questions, corpus = AGREEMENT_QUESTIONS, None
        if not args.corpus and args.index is None:
            corpus = agreement_corpus(args.data)
            if corpus is None:
                raise CliError(
                    "the agreements set needs ../shared/data (agreements/ and "
                    "reference-articles/): pass --data DIR or set ACCORD_SHARED_DATA",
                    code=2,
                )
    else:
        questions, corpus = DEFAULT_QUESTIONS, [DEFAULT_CORPUS]
    questions = args.questions or questions
    corpus = args.corpus or corpus or []
    for path in [questions, *corpus]:
        if not path.exists():
            raise CliError(f"{path}: no such file or folder", code=2)
    return questions, corpus


def run_questions(args: argparse.Namespace) -> int:
    """Ask the labelled questions and print the figures."""
    from qa.evaluation.reports import questions_report

    if args.top_k < 1:
        raise CliError("--top-k must be at least 1", code=2)
    questions, corpus = question_set(args)
    settings = settings_from(args, **{"ingest.workers": 0})
    report = questions_report(
        questions, settings, args.index, corpus, args.top_k, args.calibrate, args.split
    )
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for key, value in report.items():
        if key == "questions":
            continue  # per-question detail: --json only
        if key.startswith("calibration"):
            for name, part in value.items():
                print(f"{key} {name}: {part}")
        else:
            print(f"{key}: {value}")
    return 0


def run_conflicts(args: argparse.Namespace) -> int:
    """Score rules, model and combined; print tables or JSON."""
    from qa.evaluation.conflicts import conflict_report

    for path in (args.pairs, args.planted, args.corpus):
        if not path.exists():
            raise CliError(f"{path}: no such file or folder", code=2)
    settings = settings_from(args, **{"models.contradiction": args.nli_model, "ingest.workers": 0})
    if args.record and settings.models.contradiction not in ("default", "none"):
        raise CliError(
            "--record stores figures of the shipped model: use --nli-model default or none", code=2
        )
    report = conflict_report(settings, args.pairs, args.planted, args.corpus, args.data)
    if args.record:
        from qa.nli.model import DEFAULT_MODEL_DIR
        from qa.nli.saving import record_comparison

        record_comparison(DEFAULT_MODEL_DIR, report)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"labelled pairs ({args.pairs.name}):")
    for name, figures in report["labelled_pairs"].items():
        overall = figures["overall"]
        print(
            f"  {name:9} P {overall['precision']}  R {overall['recall']}  F1 {overall['f1']}"
            f"  ({figures['pairs_per_s']} pairs/s)"
        )
    planted = report["planted"]
    print(
        f"planted conflicts in {args.corpus}: recall {planted['recall']}, precision on labelled "
        f"pairs {planted['precision_labelled']}, planted share of all "
        f"{planted['total_flags']} flags {planted['precision_all_flags']}"
    )
    for set_name, by_scorer in report.get("out_of_domain", {}).items():
        for name, figures in by_scorer.items():
            scores = f"P {figures['precision']}  R {figures['recall']}  F1 {figures['f1']}"
            print(f"{set_name:20} {name:9} {scores}")
    return 0
