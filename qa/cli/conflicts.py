"""`accord conflicts` (the corpus map) and `accord check` (two clauses, or a JSONL batch)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from qa.cli.common import (
    CliError,
    add_index_option,
    add_model_option,
    add_user_option,
    clearance_for,
    settings_from,
)


def register(commands: Any) -> None:
    """Add the conflicts and check subcommands."""
    conflicts = commands.add_parser("conflicts", help="list possible conflicts across the corpus")
    add_index_option(conflicts)
    add_model_option(conflicts)
    conflicts.add_argument("--refresh", action="store_true", help="update the map first")
    conflicts.add_argument(
        "--top", type=int, metavar="N", help="the N flags most worth review, best first"
    )
    conflicts.add_argument("--json", action="store_true", help="print JSON")
    add_user_option(conflicts)
    conflicts.set_defaults(handler=run_conflicts)

    check = commands.add_parser("check", help="check two clauses for a possible conflict")
    check.add_argument("clauses", nargs="*", metavar="CLAUSE", help='"CLAUSE A" "CLAUSE B"')
    check.add_argument("--pairs", type=Path, metavar="FILE", help='JSONL lines {"id", "a", "b"}')
    check.add_argument("--nli-model", metavar="NAME", help='"default", "none" or a cross-encoder')
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(handler=run_check)


def run_conflicts(args: argparse.Namespace) -> int:
    """Print the conflict map grouped by topic and document pair."""
    from index import generations
    from qa.conflicts.corpus_map import conflict_map
    from qa.engine import Engine
    from qa.hooks import after_publish_steps
    from qa.serialize import conflict_json

    settings = settings_from(args)
    if args.top is not None and args.top < 1:
        raise CliError("--top must be at least 1", code=2)
    refresh = args.refresh or _stale(settings)
    if refresh:
        from index import SilentProgress

        with generations.writer_lock(settings.index.path):
            for step in after_publish_steps(settings):
                print(step(settings.index.path, SilentProgress()), file=sys.stderr)
    user = clearance_for(settings, args.user)
    engine = Engine.load(settings.index.path, settings)
    flags = conflict_map(engine, user, ranked=args.top is not None)[: args.top]
    if args.json:
        print(
            json.dumps(
                {"generation": engine.generation, "conflicts": [conflict_json(f) for f in flags]},
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    if args.top is not None:
        _print_ranked(flags)
    else:
        _print_grouped(flags, engine.generation)
    return 0


def _print_grouped(flags: list[Any], generation: int) -> None:
    """The map grouped by topic and document pair."""
    groups: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for flag in flags:
        groups[(flag.topic or flag.kind, flag.a.title, flag.b.title)].append(flag)
    count = f"{len(flags)} possible conflicts in {len(groups)} groups"
    print(f"{count} (generation {generation})\n")
    for (topic, title_a, title_b), members in sorted(groups.items()):
        print(f"{topic}: {title_a}  ↔  {title_b}")
        for flag in members:
            label = "amended by" if flag.status == "amended" else "possible conflict — review"
            print(f"  [{label}; {flag.kind}, {flag.score:.2f}] {flag.explanation}")
            print(f"    A: {flag.a.citation()}\n    B: {flag.b.citation()}")
        print()


def _stale(settings: Any) -> bool:
    """A map built by another scorer (new rules or model): say so, and bring it in step."""
    from index import IndexMissing
    from qa.conflicts.mapping import map_is_stale
    from qa.conflicts.scorers import make_scorer

    try:
        stale = map_is_stale(settings.index.path, make_scorer(settings))
    except IndexMissing:
        return False  # Engine.load below gives the clear error
    if stale:
        print("conflict map built by another scorer: bringing it in step", file=sys.stderr)
    return stale


def _print_ranked(flags: list[Any]) -> None:
    """The flags most worth review, best first, one line of explanation each."""
    for rank, flag in enumerate(flags, 1):
        label = "amended by" if flag.status == "amended" else "possible conflict — review"
        print(f"{rank}. [{label}; {flag.kind}, {flag.score:.2f}] {flag.explanation}")
        print(f"   A: {flag.a.citation()}\n   B: {flag.b.citation()}")


def _pairs(path: Path) -> list[tuple[str, str, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise CliError(f"{path}: {error.strerror}", code=2) from error
    out = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            out.append((str(record["id"]), str(record["a"]), str(record["b"])))
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise CliError(
                f'{path}:{number}: expected {{"id", "a", "b"}} ({error})', code=2
            ) from error
    return out


def run_check(args: argparse.Namespace) -> int:
    """Score one pair, or every pair of a JSONL file with the model loaded once."""
    from qa.conflicts.scorers import make_scorer
    from qa.conflicts.types import FLAG_WORDING, ClauseText

    if (args.pairs and args.clauses) or (not args.pairs and len(args.clauses) != 2):
        raise CliError('give two clauses ("CLAUSE A" "CLAUSE B") or --pairs FILE', code=2)
    settings = settings_from(args, **{"models.contradiction": args.nli_model})
    scorer = make_scorer(settings)
    items = _pairs(args.pairs) if args.pairs else [("", args.clauses[0], args.clauses[1])]
    verdicts = scorer.score_many(
        [(ClauseText(a, "clause A"), ClauseText(b, "clause B")) for _, a, b in items]
    )
    for (identifier, _, _), verdict in zip(items, verdicts, strict=True):
        record = {
            "conflict": verdict.conflict,
            "score": round(verdict.score, 4),
            "kind": verdict.kind.value if verdict.kind else None,
            "explanation": verdict.explanation,
        }
        if args.pairs:
            record = {"id": identifier, **record}
        if args.json or args.pairs:
            print(json.dumps(record, ensure_ascii=False), flush=True)
        elif verdict.conflict:
            label = f"{FLAG_WORDING} ({record['kind']}, score {verdict.score:.2f})"
            print(f"{label}: {verdict.explanation}")
        else:
            detail = f": {verdict.explanation}" if verdict.explanation else ""
            print(f"no conflict found (score {verdict.score:.2f}){detail}")
    return 0
