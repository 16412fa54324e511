"""`accord serve`: the web page (Streamlit) on one index, on localhost unless told otherwise."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from qa.cli.common import CliError, add_index_option, add_model_option, settings_from

APP = Path(__file__).resolve().parents[2] / "app.py"


def register(commands: Any) -> None:
    """Add the serve subcommand."""
    serve = commands.add_parser("serve", help="serve the web page (Streamlit)")
    add_index_option(serve)
    add_model_option(serve)
    serve.add_argument("--port", type=int, default=8501, metavar="N", help="port (default 8501)")
    serve.add_argument(
        "--address",
        default="localhost",
        metavar="HOST",
        help="address to listen on (default localhost; 0.0.0.0 to serve the network)",
    )
    serve.set_defaults(handler=run_serve)


def serve_command(
    index: Path, port: int, address: str, model: str | None, environ: Mapping[str, str]
) -> tuple[list[str], dict[str, str]]:
    """The `streamlit run` command line and its environment (the index goes in ACCORD_INDEX)."""
    argv = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--server.address", address,
        "--server.port", str(port),
        "--server.fileWatcherType", "none",
        "--client.toolbarMode", "minimal",
        "--client.showErrorDetails", "none",  # an unexpected error may quote a document
    ]  # fmt: skip
    env = {**environ, "ACCORD_INDEX": str(index.resolve())}
    if model:
        env["ACCORD_MODEL"] = model
    return argv, env


def run_serve(args: argparse.Namespace) -> int:
    """Replace this process with the Streamlit server (Ctrl-C stops it)."""
    if not APP.is_file():
        raise CliError(f"{APP} is missing: `accord serve` runs from a source checkout")
    if not 0 < args.port < 65536:
        raise CliError(f"--port {args.port}: expected 1-65535", code=2)
    settings = settings_from(args)
    argv, env = serve_command(settings.index.path, args.port, args.address, args.model, os.environ)
    print(f"accord: serving {settings.index.path} on http://{args.address}:{args.port}", flush=True)
    os.execve(sys.executable, argv, env)
    return 0  # not reached
