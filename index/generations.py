"""Index folders, generations, the writer lock and the atomic switch.

Layout of an index folder::

    CURRENT            name of the published generation (replaced atomically)
    gen-000007/        a complete generation: manifest.json, meta.sqlite, vectors.npy, ...
    gen-000008.tmp-…   a generation being built (removed if the builder dies)
    blobs/             original files by sha256, for download
    last_ingest.json   what the last ingest run did and rejected
    .lock              held by the one running writer

A new generation is built beside the old one and published by renaming it into place and
then replacing CURRENT with os.replace, so a crash at any point leaves the last good
generation published and loadable.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

CURRENT = "CURRENT"
LOCK = ".lock"
_GENERATION = re.compile(r"^gen-(\d{6})$")


class IndexBusy(RuntimeError):
    """Another writer holds the index lock."""


def current_generation(index_dir: Path) -> Path | None:
    """The published generation folder, or None when nothing has been published."""
    try:
        name = (index_dir / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    folder = index_dir / name
    return folder if _GENERATION.match(name) and folder.is_dir() else None


def generation_number(folder: Path) -> int:
    """The number in a generation folder's name."""
    match = _GENERATION.match(folder.name)
    if match is None:
        raise ValueError(f"{folder} is not a generation folder")
    return int(match.group(1))


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def new_generation_dir(index_dir: Path) -> tuple[Path, int]:
    """A fresh temporary folder for the next generation, and that generation's number."""
    numbers = [int(m.group(1)) for p in index_dir.iterdir() if (m := _GENERATION.match(p.name))]
    number = max(numbers, default=0) + 1
    folder = index_dir / f"gen-{number:06d}.tmp-{os.getpid()}"
    folder.mkdir()
    return folder, number


def publish(index_dir: Path, staging: Path, number: int) -> Path:
    """Make a fully written staging folder the current generation (atomic switch)."""
    for path in staging.iterdir():
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
    final = index_dir / f"gen-{number:06d}"
    staging.rename(final)
    pointer = index_dir / f"{CURRENT}.tmp-{os.getpid()}"
    pointer.write_text(final.name + "\n", encoding="utf-8")
    with pointer.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(pointer, index_dir / CURRENT)
    _fsync_dir(index_dir)
    return final


def remove_stale(index_dir: Path, keep: int) -> None:
    """Delete unfinished builds and all but the newest `keep` old generations."""
    current = current_generation(index_dir)
    for path in index_dir.iterdir():
        if ".tmp-" in path.name:
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(
                missing_ok=True
            )
    olds = sorted(
        (p for p in index_dir.iterdir() if _GENERATION.match(p.name) and p != current),
        key=generation_number,
    )
    for path in olds[: max(0, len(olds) - keep)]:
        shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def writer_lock(index_dir: Path, wait: bool = False) -> Iterator[None]:
    """Hold the index's writer lock; fail at once (or wait) when another writer has it."""
    index_dir.mkdir(parents=True, exist_ok=True)
    path = index_dir / LOCK
    handle = path.open("a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise IndexBusy(
                f"another ingest is already writing {index_dir} ({holder}); wait for it to "
                "finish, or run again with --wait"
            ) from error
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}")
        handle.flush()
        yield
    finally:
        handle.close()


def write_json_atomic(path: Path, data: object) -> None:
    """Write JSON to `path` so readers see the old or the new file, never half of one."""
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
