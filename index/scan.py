"""Find the files an ingest run covers, with their sidecar metadata."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.records import Rejection
from ingest.sidecar import SIDECAR_NAME, SidecarEntry, SidecarError, read_sidecar


@dataclass(frozen=True)
class Candidate:
    """A file found by the scan."""

    path: Path  # resolved absolute path
    source: str  # the path as the analyst gave it
    size: int
    mtime_ns: int
    sidecar: SidecarEntry | None


@dataclass
class ScanResult:
    """Files to consider, files refused outright, and the folders the run covers."""

    candidates: list[Candidate] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    scopes: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _hidden(path: Path, root: Path) -> bool:
    relative = path.relative_to(root) if path != root else Path(path.name)
    return any(part.startswith(".") for part in relative.parts)


def _source(given: Path, path: Path, root: Path) -> str:
    if path == root:
        return os.path.normpath(str(given))
    return os.path.normpath(str(given / path.relative_to(root)))


def _walk(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    found: list[Path] = []
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(d for d in folders if not d.startswith("."))
        found.extend(Path(folder) / name for name in sorted(files) if not name.startswith("."))
    return found


def scan(paths: list[Path]) -> ScanResult:
    """Walk files and folders; hidden files and folders and sidecars are skipped silently.

    Unsupported types are rejected here, by name, before any parsing.
    """
    result = ScanResult()
    sidecars: dict[Path, dict[str, SidecarEntry]] = {}
    for given in paths:
        root = given.resolve()
        if not root.exists():
            result.rejected.append(Rejection(str(given), "no such file or folder"))
            continue
        result.scopes.append(root)
        for path in _walk(root):
            if path.name == SIDECAR_NAME or (path != root and _hidden(path, root)):
                continue
            source = _source(given, path, root)
            if not path.is_file():
                result.rejected.append(
                    Rejection(source, "not a regular file (device, pipe or broken link)")
                )
                continue
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                result.rejected.append(
                    Rejection(source, f"unsupported file type '{path.suffix or path.name}'")
                )
                continue
            folder = path.parent
            if folder not in sidecars:
                try:
                    sidecars[folder] = read_sidecar(folder)
                except SidecarError as error:
                    sidecars[folder] = {}
                    result.warnings.append(f"{error} — metadata from it is ignored")
            stat = path.stat()
            result.candidates.append(
                Candidate(
                    path, source, stat.st_size, stat.st_mtime_ns, sidecars[folder].get(path.name)
                )
            )
    return result
