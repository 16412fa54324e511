"""Options and errors shared by the subcommands."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ingest.settings import Settings, load_settings


class CliError(Exception):
    """A user-facing error with an exit status."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def known_errors() -> tuple[type[BaseException], ...]:
    """Library errors whose message is already a complete, clear sentence."""
    from index import IndexBusy, IndexMismatch, IndexMissing
    from ingest.embed import ModelNotAvailable
    from ingest.sidecar import SidecarError

    return (IndexBusy, IndexMismatch, IndexMissing, ModelNotAvailable, SidecarError, ValueError)


def add_index_option(parser: argparse.ArgumentParser) -> None:
    """--index DIR (else ACCORD_INDEX, else the project default)."""
    parser.add_argument(
        "--index",
        type=Path,
        metavar="DIR",
        help="index folder (default: $ACCORD_INDEX or var/index)",
    )


def add_model_option(parser: argparse.ArgumentParser) -> None:
    """--model NAME|PATH."""
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="embedding model: name or local folder (default: $ACCORD_MODEL or all-MiniLM-L6-v2)",
    )


def add_user_option(parser: argparse.ArgumentParser) -> None:
    """--user NAME: apply that account's clearance (the operator sees everything without it)."""
    parser.add_argument("--user", metavar="NAME", help="answer as this account would see it")


def clearance_for(settings: Settings, name: str | None) -> Any:
    """The Clearance of account `name`, or None (the trusted local operator) without one."""
    if name is None:
        return None
    from ingest.markings import ClassificationScale
    from qa.accounts import Accounts

    user = Accounts.open(settings).get(name)
    if user is None:
        raise CliError(f"no account called {name!r} in {settings.security.accounts_path}", code=2)
    return user.clearance(ClassificationScale.with_levels(settings.security.levels))


def settings_from(args: argparse.Namespace, **extra: Any) -> Settings:
    """Settings with the command line's overrides applied."""
    overrides: dict[str, Any] = {
        "index.path": getattr(args, "index", None),
        "models.embedding": getattr(args, "model", None),
    }
    overrides.update(extra)
    return load_settings(overrides=overrides)
