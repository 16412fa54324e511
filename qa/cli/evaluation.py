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

    _register_questions(kinds)

    _register_conflicts(kinds)


def _register_conflicts(kinds: Any) -> None:
    """Add `eval conflicts`."""
    from qa.evaluation import DEFAULT_CORPUS
    from qa.evaluation.conflicts import ConflictSets

    sets = ConflictSets()
    conflicts = kinds.add_parser(
        "conflicts", help="conflict flags: treaty pairs, labelled, planted, NLI sets, real map"
    )
    conflicts.add_argument("--pairs", type=Path, default=sets.pairs, metavar="FILE")
    conflicts.add_argument("--planted", type=Path, default=sets.planted, metavar="FILE")
    conflicts.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, metavar="DIR")
    conflicts.add_argument("--treaty-pairs", type=Path, default=sets.treaty_pairs, metavar="FILE")
    conflicts.add_argument("--differences", type=Path, default=sets.differences, metavar="FILE")
    conflicts.add_argument("--judgements", type=Path, default=sets.judgements, metavar="FILE")
    conflicts.add_argument(
        "--split",
        choices=("dev", "test", "all"),
        default=sets.split,
        help="split of the treaty pairs and real differences (tune on dev; report test)",
    )
    conflicts.add_argument(
        "--data", type=Path, metavar="DIR", help="../shared/data: NLI sets, real agreements"
    )
    conflicts.add_argument("--nli-model", metavar="NAME", help='"default", "none" or a model')
    add_model_option(conflicts)
    conflicts.add_argument("--json", action="store_true", help="print JSON")
    conflicts.add_argument(
        "--choose-threshold",
        action="store_true",
        help="choose the model's threshold beside the rules on the dev split and store it",
    )
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


def _register_questions(kinds: Any) -> None:
    """Add `eval questions`."""
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
    from qa.evaluation.conflicts import ConflictSets, conflict_report

    sets = ConflictSets(
        args.pairs,
        args.planted,
        args.corpus,
        args.treaty_pairs,
        args.differences,
        args.judgements,
        args.split,
    )
    for path in (args.pairs, args.planted, args.corpus, args.treaty_pairs, args.differences):
        if not path.exists():
            raise CliError(f"{path}: no such file or folder", code=2)
    if args.data is not None and not (args.data / "agreements").is_dir():
        raise CliError(f"{args.data}: no agreements/ folder (expected ../shared/data)", code=2)
    settings = settings_from(args, **{"models.contradiction": args.nli_model, "ingest.workers": 0})
    if args.record and settings.models.contradiction not in ("default", "none"):
        raise CliError(
            "--record stores figures of the shipped model: use --nli-model default or none", code=2
        )
    if args.choose_threshold:
        return _choose_threshold(sets, settings.models.contradiction)
    report = conflict_report(settings, sets, args.data)
    if args.record:
        from qa.nli.model import DEFAULT_MODEL_DIR
        from qa.nli.saving import record_comparison

        record_comparison(DEFAULT_MODEL_DIR, report)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print_conflicts(report, args.corpus)
    return 0


def _choose_threshold(sets: Any, model: str) -> int:
    """`--choose-threshold`: on the dev split, for the shipped model; printed and stored."""
    from qa.conflicts.evaluate import load_pairs
    from qa.evaluation.conflicts import choose_combined_threshold
    from qa.nli.model import DEFAULT_MODEL_DIR
    from qa.nli.saving import record_combined_threshold

    if sets.split != "dev" or model != "default":
        raise CliError("--choose-threshold needs --split dev and the shipped model", code=2)
    chosen = choose_combined_threshold(load_pairs(sets.treaty_pairs, split="dev"), model)
    record_combined_threshold(DEFAULT_MODEL_DIR, chosen)
    print(json.dumps(chosen, indent=2))
    return 0


def print_conflicts(report: dict[str, Any], corpus: Path) -> None:
    """The conflict figures as short tables."""
    for section in ("treaty_pairs", "labelled_pairs"):
        split = f", {report['split']} split" if section == "treaty_pairs" else ""
        print(f"{section.replace('_', ' ')}{split}:")
        for name, figures in report[section].items():
            overall = figures["overall"]
            print(
                f"  {name:9} P {overall['precision']}  R {overall['recall']}  F1 {overall['f1']}"
                f"  ({figures['pairs_per_s']} pairs/s)"
            )
    planted = report["planted"]
    print(
        f"planted conflicts in {corpus}: recall {planted['recall']}, precision on labelled "
        f"pairs {planted['precision_labelled']}, planted share of all "
        f"{planted['total_flags']} flags {planted['precision_all_flags']}"
    )
    for set_name, by_scorer in report.get("out_of_domain", {}).items():
        for name, figures in by_scorer.items():
            scores = f"P {figures['precision']}  R {figures['recall']}  F1 {figures['f1']}"
            print(f"{set_name:20} {name:9} {scores}")
    real = report.get("real_map")
    if real:
        for split, found in real["differences"].items():
            print(
                f"real differences ({split}): {found['found']} of {found['differences']} flagged, "
                f"{len(found['consistent_flagged'])} of {found['consistent_pairs']} consistent "
                f"pairs flagged, {found['total_flags']} flags in all"
            )
        top = real["top"]
        print(
            f"top {top['flags']} flags: {top['worth']} of {top['judged']} judged worth review "
            f"(precision {top['precision']}); unjudged ranks {top['unjudged_ranks']}"
        )
