"""What the benchmarks ran on: CPU, cores, memory, Python, torch threads, load, commit."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parents[1]


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo (the platform's processor string elsewhere)."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages."""
    return [round(value, 2) for value in os.getloadavg()]


def git_commit() -> dict[str, Any]:
    """The checked-out commit and whether tracked files differ from it (read-only git calls)."""

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", *args], cwd=REPO, capture_output=True, text=True, check=False, timeout=30
        )

    try:
        head = git("rev-parse", "HEAD")
        dirty = git("diff-index", "--quiet", "HEAD", "--")
    except (OSError, subprocess.TimeoutExpired):
        return {"commit": "unknown", "dirty": None}
    commit = head.stdout.strip() if head.returncode == 0 else "unknown"
    return {"commit": commit, "dirty": dirty.returncode == 1}


def torch_threads(real_model: bool) -> int | None:
    """Intra-op threads torch uses (None when the run does not load torch)."""
    if not real_model:
        return None
    import torch

    return int(torch.get_num_threads())


def native_bfloat16(real_model: bool) -> bool | None:
    """Whether the CPU computes in bfloat16 natively (None when the run does not load torch)."""
    if not real_model:
        return None
    try:
        import torch

        return bool(torch.cpu._is_amx_tile_supported() or torch.cpu._is_avx512_bf16_supported())
    except (ImportError, AttributeError, RuntimeError):
        return False


def machine_info(real_model: bool) -> dict[str, Any]:
    """Everything a reader needs to compare these figures with another machine's."""
    memory = psutil.virtual_memory()
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": round(memory.total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "torch_threads": torch_threads(real_model),
        "native_bfloat16": native_bfloat16(real_model),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        **git_commit(),
    }
