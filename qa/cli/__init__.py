"""The `accord` command: argument parsing, one library call, printing. Errors become one line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from qa.cli import asking, conflicts, evaluation, indexing, serve, users
from qa.cli.common import CliError, known_errors

COMMANDS = (indexing, asking, conflicts, users, serve, evaluation)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="accord",
        description="Question answering over alliance and intelligence-sharing agreements.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for usage errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except CliError as error:
        print(f"accord: error: {error}", file=sys.stderr)
        return error.code
    except known_errors() as error:
        print(f"accord: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0  # output piped into `head` and the like
    except KeyboardInterrupt:
        print("accord: interrupted; the index was left as it was before this run", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
