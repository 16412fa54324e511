"""JSON-lines files written by hand: each record with where it stands ("file.jsonl:12")."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def numbered_records(
    path: Path, error: type[ValueError] = ValueError
) -> Iterator[tuple[str, dict[str, Any]]]:
    """("name:line", record) for each non-blank line of `path`; a line that is not JSON raises
    `error` naming the file, the line and the reason."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as problem:
            raise error(f"{where}: not JSON ({problem.msg})") from problem
