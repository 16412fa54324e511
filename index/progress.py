"""Progress of an ingest run: files, clauses, rate and time left."""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO


class Progress(Protocol):
    """Receives progress events from an ingest run."""

    def begin(self, files: int, total_bytes: int) -> None:
        """Parsing of `files` files (`total_bytes` in all) starts."""

    def file_done(self, source: str, size: int, clauses: int, rejected: bool) -> None:
        """One file was parsed (or rejected)."""

    def embedded(self, clauses: int) -> None:
        """`clauses` more clauses were embedded."""

    def stage(self, name: str) -> None:
        """A named publishing stage starts ("vectors", "lexical", "conflicts", ...)."""

    def end(self) -> None:
        """The run is over."""


class SilentProgress:
    """Reports nothing."""

    def begin(self, files: int, total_bytes: int) -> None:
        """Ignored."""

    def file_done(self, source: str, size: int, clauses: int, rejected: bool) -> None:
        """Ignored."""

    def embedded(self, clauses: int) -> None:
        """Ignored."""

    def stage(self, name: str) -> None:
        """Ignored."""

    def end(self) -> None:
        """Ignored."""


class BarProgress:
    """A one-line bar on a terminal; a line every few seconds when output is a log."""

    def __init__(self, stream: TextIO = sys.stderr, interval: float = 5.0):
        self.stream = stream
        self.tty = stream.isatty()
        self.interval = interval if not self.tty else 0.2
        self.files = self.total_bytes = self.done_files = self.done_bytes = 0
        self.found = self.embedded_count = self.rejected = 0
        self.started = self.last = time.monotonic()

    def begin(self, files: int, total_bytes: int) -> None:
        """Parsing of `files` files (`total_bytes` in all) starts."""
        self.files, self.total_bytes = files, max(total_bytes, 1)
        self.started = time.monotonic()
        self._draw(force=True)

    def file_done(self, source: str, size: int, clauses: int, rejected: bool) -> None:
        """One file was parsed (or rejected)."""
        self.done_files += 1
        self.done_bytes += size
        self.found += clauses
        self.rejected += int(rejected)
        self._draw()

    def embedded(self, clauses: int) -> None:
        """`clauses` more clauses were embedded."""
        self.embedded_count += clauses
        self._draw()

    def stage(self, name: str) -> None:
        """A named publishing stage starts."""
        self._clear()
        self.stream.write(f"publishing: {name}…\n")
        self.stream.flush()

    def end(self) -> None:
        """The run is over."""
        self._draw(force=True)
        if self.tty:
            self.stream.write("\n")
        self.stream.flush()

    def _clear(self) -> None:
        if self.tty:
            self.stream.write("\r\033[K")

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < self.interval:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-6)
        share = self.done_bytes / self.total_bytes
        eta = elapsed * (1 - share) / share if share > 0 else 0.0
        width = 24
        filled = int(width * share)
        bar = "█" * filled + "·" * (width - filled)
        line = (
            f"[{bar}] files {self.done_files}/{self.files}  clauses {self.found} "
            f"(embedded {self.embedded_count}, {self.embedded_count / elapsed:.0f}/s)  "
            f"rejected {self.rejected}  ETA {_clock(eta)}"
        )
        if self.tty:
            self.stream.write("\r\033[K" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    return f"{minutes}:{secs:02d}"
