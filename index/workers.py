"""Parse files in worker processes that run ahead of the embedder.

Each worker has an address-space cap and each file a time limit: a decompression bomb or a
parser that hangs costs one rejected file and a restarted worker, never the whole run.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import sys
import time
import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.chunking import CountTokens
from ingest.documents import parse_document
from ingest.loaders import RejectedFile
from ingest.markings import ClassificationScale
from ingest.records import ParsedDocument, Rejection
from ingest.settings import ChunkSettings
from ingest.sidecar import SidecarEntry
from ingest.tokens import token_counter

_PREFETCH = 3


@dataclass(frozen=True)
class ParseJob:
    """One file to parse."""

    path: str
    source: str
    sidecar: SidecarEntry | None


@dataclass(frozen=True)
class ParserConfig:
    """Everything a parser process needs besides the file."""

    chunking: ChunkSettings
    tokenizer_dir: str | None
    levels: tuple[str, ...]
    default_level: str
    max_bytes: int
    portion_mode: str = "exact"


def parse_one(
    job: ParseJob, config: ParserConfig, count: CountTokens
) -> ParsedDocument | Rejection:
    """Parse one file; every failure becomes a Rejection naming the reason."""
    path = Path(job.path)
    try:
        size = path.stat().st_size
        if size > config.max_bytes:
            limit = config.max_bytes / 2**20
            return Rejection(job.source, f"{size / 2**20:.1f} MB is over the {limit:g} MB size cap")
        data = path.read_bytes()
        return parse_document(
            path,
            data,
            source=job.source,
            sidecar=job.sidecar,
            chunking=config.chunking,
            count=count,
            scale=ClassificationScale.with_levels(config.levels),
            default_level=config.default_level,
            portion_mode=config.portion_mode,
        )
    except RejectedFile as error:
        return Rejection(job.source, str(error))
    except MemoryError:
        return Rejection(
            job.source, "ran out of memory while parsing (possible decompression bomb)"
        )
    except OSError as error:
        return Rejection(job.source, f"unreadable: {error.strerror or error}")
    except RecursionError:
        return Rejection(job.source, "structure nested too deeply to parse")
    except Exception as error:  # one broken file must never stop the run
        return Rejection(job.source, f"unexpected parser error ({type(error).__name__}: {error})")


def _counter(config: ParserConfig) -> CountTokens:
    return token_counter(Path(config.tokenizer_dir) if config.tokenizer_dir else None)


def _worker(tasks: Any, results: Any, config: ParserConfig, memory_mb: int, parent: int) -> None:
    import resource

    if memory_mb > 0:
        limit = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    count = _counter(config)
    while True:
        try:
            item = tasks.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent:
                # the ingest process was killed: exit now, without waiting to flush results
                # nobody will read (the queue's pipe would block the exit forever)
                results.cancel_join_thread()
                return
            continue
        if item is None:
            return
        index, job = item
        results.put(("start", index, None))
        results.put(("done", index, parse_one(job, config, count)))


@contextlib.contextmanager
def _plain_main() -> Iterator[None]:
    """Start workers as from a plain interpreter.

    A spawned child re-runs the parent's ``__main__`` file; inside a Streamlit server that file
    is the web app itself. Workers only need `index.workers`, so `__main__` is hidden while
    they start.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


@dataclass
class _Slot:
    process: Any
    tasks: Any
    pending: list[int]
    started: float | None = None


class ParserPool:
    """Parse jobs in `workers` processes; yields (job, result) in completion order."""

    def __init__(self, config: ParserConfig, workers: int, memory_mb: int, timeout_s: float):
        self.config = config
        self.workers = workers
        self.memory_mb = memory_mb
        self.timeout_s = timeout_s
        self.context = mp.get_context("spawn")

    def _spawn(self, results: Any) -> _Slot:
        tasks = self.context.Queue()
        with _plain_main():
            process = self._start(tasks, results)
        return _Slot(process, tasks, [])

    def _start(self, tasks: Any, results: Any) -> Any:
        process = self.context.Process(
            target=_worker,
            args=(tasks, results, self.config, self.memory_mb, os.getpid()),
            daemon=True,
        )
        process.start()
        return process

    def run(
        self, jobs: Sequence[ParseJob]
    ) -> Iterator[tuple[ParseJob, ParsedDocument | Rejection]]:
        """Parse all jobs; results arrive as soon as each file is done."""
        if self.workers <= 0:
            count = _counter(self.config)
            for job in jobs:
                yield job, parse_one(job, self.config, count)
            return
        results = self.context.Queue()
        slots = [self._spawn(results) for _ in range(min(self.workers, max(1, len(jobs))))]
        owner: dict[int, _Slot] = {}
        next_job, remaining = 0, len(jobs)
        try:
            while remaining:
                next_job = self._feed(slots, jobs, next_job, owner)
                try:
                    kind, index, result = results.get(timeout=0.2)
                except queue.Empty:
                    for job_index, rejection in self._reap(slots, jobs, results, owner):
                        remaining -= 1
                        yield jobs[job_index], rejection
                    continue
                slot = owner.get(index)
                if slot is None:
                    continue  # a late message from a worker that was replaced
                if kind == "start":
                    slot.started = time.monotonic()
                    continue
                slot.pending.remove(index)
                slot.started = None
                owner.pop(index)
                remaining -= 1
                yield jobs[index], result
        finally:
            for slot in slots:
                slot.tasks.put(None)
            for slot in slots:
                slot.process.join(timeout=2)
                if slot.process.is_alive():
                    slot.process.kill()

    def _feed(
        self, slots: list[_Slot], jobs: Sequence[ParseJob], next_job: int, owner: dict[int, _Slot]
    ) -> int:
        for slot in slots:
            while len(slot.pending) < _PREFETCH and next_job < len(jobs):
                slot.tasks.put((next_job, jobs[next_job]))
                slot.pending.append(next_job)
                owner[next_job] = slot
                next_job += 1
        return next_job

    def _reap(
        self, slots: list[_Slot], jobs: Sequence[ParseJob], results: Any, owner: dict[int, _Slot]
    ) -> list[tuple[int, Rejection]]:
        """Reject the file a dead or overdue worker was on; restart that worker."""
        rejected: list[tuple[int, Rejection]] = []
        for position, slot in enumerate(slots):
            overdue = slot.started is not None and time.monotonic() - slot.started > self.timeout_s
            dead = not slot.process.is_alive()
            if not (overdue or dead) or not slot.pending:
                continue
            index = slot.pending.pop(0)
            reason = (
                f"parsing took longer than {self.timeout_s:g} s and was stopped"
                if overdue
                else f"the parser process died (exit code {slot.process.exitcode}); "
                f"the file may exhaust memory (cap {self.memory_mb} MB) — "
                "possible decompression bomb"
            )
            rejected.append((index, Rejection(jobs[index].source, reason)))
            owner.pop(index, None)
            slot.process.kill()
            slot.process.join(timeout=2)
            requeue = slot.pending
            slots[position] = self._spawn(results)
            for job_index in requeue:
                slots[position].tasks.put((job_index, jobs[job_index]))
                owner[job_index] = slots[position]
            slots[position].pending = list(requeue)
        return rejected
