"""`accord ingest` and `accord status`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from qa.cli.common import add_index_option, add_model_option, settings_from


def register(commands: Any) -> None:
    """Add the ingest and status subcommands."""
    ingest = commands.add_parser("ingest", help="add or re-index documents (files or folders)")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add_index_option(ingest)
    add_model_option(ingest)
    ingest.add_argument(
        "--rebuild", action="store_true", help="ignore the current index and build anew"
    )
    ingest.add_argument(
        "--wait", action="store_true", help="wait for another running ingest instead of failing"
    )
    ingest.add_argument(
        "--workers", type=int, metavar="N", help="parser processes (0: parse in this process)"
    )
    ingest.add_argument(
        "--if-missing", action="store_true", help="do nothing when an index already exists"
    )
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.add_argument(
        "--no-conflicts", action="store_true", help="skip updating the conflict map (do it later)"
    )
    ingest.add_argument("--json", action="store_true", help="print the summary as JSON")
    ingest.set_defaults(handler=run_ingest)

    status = commands.add_parser("status", help="list the indexed documents and their markings")
    add_index_option(status)
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(handler=run_status)


def run_ingest(args: argparse.Namespace) -> int:
    """Ingest paths; exit 0 when all went in, 3 when some files were rejected."""
    from index import BarProgress, IngestRun, SilentProgress, current_generation
    from ingest.embed import make_embedder
    from qa.hooks import after_publish_steps, ingest_hooks

    settings = settings_from(args, **{"ingest.workers": args.workers})
    if args.if_missing and current_generation(settings.index.path) is not None:
        print(f"index {settings.index.path} exists; nothing to do (--if-missing)")
        return 0
    embedder = make_embedder(settings.models.embedding, settings.models.batch_size)
    progress = SilentProgress() if args.quiet else BarProgress()
    after = [] if args.no_conflicts else after_publish_steps(settings)
    run = IngestRun(settings, embedder, progress, hooks=ingest_hooks(settings), after_publish=after)
    summary = run.run(args.paths, rebuild=args.rebuild, wait=args.wait)
    _audit_reindex(settings, summary)
    if args.json:
        print(json.dumps(summary.to_json(), indent=2))
    else:
        print("\n".join(summary.lines()))
    return summary.exit_code


def _audit_reindex(settings: Any, summary: Any) -> None:
    """Record the re-index in the audit trail as done by the local operator."""
    from qa.audit import AuditEvent, AuditLog

    AuditLog.open(settings).record(
        AuditEvent.REINDEX,
        "cli",
        added=len(summary.added),
        updated=len(summary.updated),
        removed=len(summary.removed),
        rejected=len(summary.rejected),
        generation=summary.generation,
    )


def run_status(args: argparse.Namespace) -> int:
    """Print the indexed documents with metadata and clause counts."""
    from qa.status import index_status

    settings = settings_from(args)
    status = index_status(settings.index.path)
    if args.json:
        print(json.dumps(status, indent=2, ensure_ascii=False))
        return 0
    _print_status(status)
    return 0


def _print_status(status: dict[str, Any]) -> None:
    out = sys.stdout
    out.write(
        f"index {status['index']} — generation {status['generation']}, model {status['model']}, "
        f"{status['totals']['documents']} documents, {status['totals']['clauses']} clauses\n\n"
    )
    for doc in status["documents"]:
        marking = doc["classification"] + ("  [UNMARKED: default level]" if doc["unmarked"] else "")
        out.write(f"{doc['title']}\n")
        out.write(
            f"    {doc['source']}  ·  {doc['kind']}  ·  {marking}  ·  {doc['clauses']} clauses"
            f"  ·  {doc['date'] or 'no date'}"
            f"  ·  {', '.join(doc['parties']) or 'parties not set'}\n"
        )
    if status["unmarked"]:
        out.write("\nUnmarked documents (given the default level; add a banner line to fix):\n")
        out.writelines(f"    {source}\n" for source in status["unmarked"])
    last = status.get("last_ingest") or {}
    rejected = last.get("rejected") or []
    if rejected:
        out.write(f"\nRejected by the last ingest ({last.get('finished_at')}):\n")
        out.writelines(f"    {r['source']}: {r['reason']}\n" for r in rejected)
