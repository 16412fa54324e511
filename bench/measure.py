"""Timing and memory helpers: medians, percentiles, the RSS of a process tree and its peak."""

from __future__ import annotations

import os
import statistics
import threading
import time
from collections.abc import Sequence

import psutil

MB = 2**20


def median(values: Sequence[float]) -> float:
    """The median (0.0 for no values)."""
    return float(statistics.median(values)) if values else 0.0


def percentile(values: Sequence[float], share: float) -> float:
    """The `share` quantile (0–1), linear between closest ranks (numpy's default)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def rss_tree_mb(pid: int | None = None) -> float:
    """Resident memory of a process and all its children, in MiB."""
    process = psutil.Process(pid or os.getpid())
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue  # a child that just exited
    return total / MB


class PeakRss:
    """Samples the RSS of this process tree in the background; `peak_mb` is the maximum seen.

    Use as a context manager around the work to measure.
    """

    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.peak_mb = 0.0
        self.start_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, rss_tree_mb())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRss:
        self.start_mb = self.peak_mb = rss_tree_mb()
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, rss_tree_mb())


class Stopwatch:
    """Wall-clock seconds of a `with` block (`seconds` once it has ended)."""

    def __init__(self) -> None:
        self.started = 0.0
        self.seconds = 0.0

    def __enter__(self) -> Stopwatch:
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.seconds = time.perf_counter() - self.started


def rounded(value: float, digits: int = 3) -> float:
    """A figure rounded for the results file."""
    return round(float(value), digits)
