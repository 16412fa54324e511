"""`accord ask`: one question, or a JSONL batch with the model loaded once."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from qa.cli.common import (
    CliError,
    add_index_option,
    add_model_option,
    add_user_option,
    clearance_for,
    settings_from,
)


def register(commands: Any) -> None:
    """Add the ask subcommand."""
    ask = commands.add_parser("ask", help="ask a question; get an answer with cited passages")
    ask.add_argument("question", nargs="?", help="the question (or use --questions)")
    ask.add_argument(
        "--questions", type=Path, metavar="FILE", help='JSONL lines {"id", "question"}'
    )
    add_index_option(ask)
    add_model_option(ask)
    ask.add_argument("--top-k", type=int, metavar="N", help="passages to return (default 5)")
    ask.add_argument(
        "--json", action="store_true", help="print JSON (one object per line in batch mode)"
    )
    ask.add_argument(
        "--kind", action="append", choices=["agreement", "reference"], help="only this kind"
    )
    ask.add_argument(
        "--party", action="append", metavar="NAME", help="only documents naming this party"
    )
    ask.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="documents dated on or after"
    )
    ask.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="documents dated on or before"
    )
    ask.add_argument("--doc", action="append", metavar="DOC_ID", help="only these documents")
    add_user_option(ask)
    ask.set_defaults(handler=run_ask)


def _filters(args: argparse.Namespace) -> Any:
    from ingest.records import DocumentKind
    from qa.records import Filters

    try:
        date_from = dt.date.fromisoformat(args.date_from) if args.date_from else None
        date_to = dt.date.fromisoformat(args.date_to) if args.date_to else None
    except ValueError as error:
        raise CliError(f"dates must be YYYY-MM-DD ({error})", code=2) from error
    return Filters(
        kinds=frozenset(DocumentKind(k) for k in args.kind or ()),
        parties=frozenset(args.party or ()),
        date_from=date_from,
        date_to=date_to,
        doc_ids=frozenset(args.doc or ()),
    )


def _questions(path: Path) -> list[tuple[str, str]]:
    items = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise CliError(f"{path}: {error.strerror}", code=2) from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            items.append((str(record["id"]), str(record["question"])))
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise CliError(
                f'{path}:{number}: expected {{"id", "question"}} ({error})', code=2
            ) from error
    return items


def run_ask(args: argparse.Namespace) -> int:
    """Answer one question or a batch."""
    from qa.engine import Engine
    from qa.serialize import answer_json

    if bool(args.question) == bool(args.questions):
        raise CliError("give either a QUESTION or --questions FILE", code=2)
    settings = settings_from(args)
    user = clearance_for(settings, args.user)
    engine = Engine.load(settings.index.path, settings)
    filters = _filters(args)
    batch = _questions(args.questions) if args.questions else [("", args.question)]
    for identifier, question in batch:
        answer = engine.ask(question, top_k=args.top_k, filters=filters, user=user)
        if args.json:
            record = answer_json(answer)
            if args.questions:
                record = {"id": identifier, **record}
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            print_answer(answer, sys.stdout)
    return 0


def _marked(text: str, spans: list[tuple[int, int]], tty: bool) -> str:
    on, off = ("\033[1m", "\033[0m") if tty else ("»", "«")
    out, last = [], 0
    for start, end in sorted(spans):
        out += [text[last:start], on, text[start:end], off]
        last = end
    return "".join([*out, text[last:]])


def print_answer(answer: Any, out: TextIO) -> None:
    """A readable answer: short text, passages with citations and highlights, conflicts."""
    from qa.records import CLOSEST_PASSAGES

    tty = out.isatty()
    out.write(f"Q: {answer.question}\n\n{answer.text}\n\n")
    if answer.abstained and answer.passages:
        out.write(f"{CLOSEST_PASSAGES}:\n")
    for passage in answer.passages:
        strength = f"{passage.strength.value}, {passage.score:.2f}"
        out.write(f"[{passage.rank}] {passage.citation()}  ({strength})\n")
        body = _marked(passage.text, list(passage.highlights), tty)
        out.write("    " + body.replace("\n", "\n    ") + "\n\n")
    for flag in answer.conflicts:
        label = "amended by" if flag.status == "amended" else "possible conflict — review"
        out.write(f"⚠ {label} ({flag.kind}): {flag.explanation}\n")
        out.write(f"    A: {flag.a.citation()}\n    B: {flag.b.citation()}\n")
