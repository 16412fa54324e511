"""The server's allocator setting: large freed blocks go back to the system (glibc only)."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from qa.allocator import MMAP_THRESHOLD

# Allocate and free a block above the threshold twice; print the resident MiB still held.
SCRIPT = """
import sys
from pathlib import Path
if sys.argv[1] == "steady":
    from qa.allocator import steady_allocator
    assert steady_allocator() is True
    assert steady_allocator() is True  # once per process, same answer
def resident():
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20
base = resident()
for _ in range(2):
    block = bytearray(int(sys.argv[2]))  # zero-filled: every page touched
    del block
print(round(resident() - base, 1))
"""


def held_mib(mode: str, size: int) -> float:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode, str(size)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return float(out.stdout.strip())


@pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only"
)
def test_freed_large_blocks_are_returned_only_with_the_fixed_threshold() -> None:
    size = 2 * MMAP_THRESHOLD  # 8 MiB
    # glibc's default: the first free raises the threshold, the second block stays in the heap
    assert held_mib("default", size) >= 7.5
    assert held_mib("steady", size) < 1.0
