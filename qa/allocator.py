"""Keep a long-running server's memory flat under simultaneous sessions.

glibc's malloc serves a large request from its own heaps once a same-sized block has been
freed (the "dynamic mmap threshold" rises up to 32 MiB). With ten sessions asking at once,
each thread's score arrays and model activations (100 KiB to a few MiB) then land in that
thread's heap, and fragmentation made resident memory creep up by ~15 MiB per ten questions
at 100k clauses without levelling off (bench/serving.py, 16 waves). Fixing the threshold
keeps blocks above it in their own mappings, returned to the system when freed: memory stayed
within 1% over 16 waves. 4 MiB cost ~7% of throughput in that test; 128 KiB cost ~28%.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os

MMAP_THRESHOLD = 4 * 2**20
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter number


@functools.cache
def steady_allocator() -> bool:
    """Fix glibc's mmap threshold at `MMAP_THRESHOLD` once per process; True when it is set.

    Does nothing when MALLOC_MMAP_THRESHOLD_ is set (the operator chose) or the C library has
    no `mallopt` (not glibc).
    """
    return _set_threshold()


def _set_threshold() -> bool:
    if "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
