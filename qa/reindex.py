"""Re-index from the web page: `accord ingest` in its own process.

The web server never parses documents itself: an ingest runs as a separate `accord ingest`
process (its own memory, its own parser workers), and the server only reads its progress
lines and final JSON summary. The engine picks up the new generation on the next request.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.settings import Settings


@dataclass(frozen=True)
class ReindexResult:
    """What the ingest process reported."""

    exit_code: int
    summary: dict[str, Any]
    error: str = ""

    @property
    def ok(self) -> bool:
        """True when the run completed (some files may still have been rejected: exit 3)."""
        return self.exit_code in (0, 3) and bool(self.summary)


def reindex(
    settings: Settings, paths: Sequence[Path], on_progress: Callable[[str], object] | None = None
) -> ReindexResult:
    """Run `accord ingest PATHS --index ... --json` and return its summary.

    Args:
        settings: the server's settings (index, models) — passed on to the child.
        paths: files or folders to ingest.
        on_progress: called with each progress line the ingest prints.
    """
    command = [
        sys.executable,
        "-m",
        "qa.cli",
        "ingest",
        *map(str, paths),
        "--index",
        str(settings.index.path),
        "--json",
        "--wait",
    ]
    env = {**os.environ, "ACCORD_MODEL": settings.models.embedding}
    env["ACCORD_NLI_MODEL"] = settings.models.contradiction
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None and process.stderr is not None
    errors: list[str] = []
    for raw in process.stderr:
        line = raw.strip()
        if line.startswith("accord: error:"):
            errors.append(line.removeprefix("accord: error:").strip())
        elif line and on_progress is not None:
            on_progress(line)
    output = process.stdout.read()
    code = process.wait()
    try:
        summary = json.loads(output) if output.strip() else {}
    except json.JSONDecodeError:
        summary = {}
    return ReindexResult(code, summary, "; ".join(errors))
