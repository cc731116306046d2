"""Facts about the machine and the checkout, stored with every result.

Timings only compare within one run on one machine; these facts say which
machine, how busy it was, and which articlex commit was measured.
"""

import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks import worker

REPO_DIR = Path(__file__).resolve().parents[1]
CPUINFO = Path("/proc/cpuinfo")
CPU_MODEL_KEY = "model name"
# git answers in milliseconds; a hung git must not hold up a benchmark.
GIT_TIMEOUT_S = 10


def cpu_model() -> str:
    """The CPU's model name (Linux), else what ``platform`` knows."""
    try:
        lines = CPUINFO.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    for line in lines:
        key, _, value = line.partition(":")
        if key.strip() == CPU_MODEL_KEY and value.strip():
            return value.strip()
    return platform.processor() or platform.machine()


def load_average() -> list[float] | None:
    """1, 5 and 15 minute load averages (None where unsupported)."""
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def _git(*args: str) -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    try:
        done = subprocess.run(
            [git, "-C", str(REPO_DIR), *args], capture_output=True, text=True, timeout=GIT_TIMEOUT_S, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def git_commit() -> str | None:
    """The checkout's short commit, with ``-dirty`` when files are modified."""
    commit = _git("rev-parse", "--short", "HEAD")
    if commit is None:
        return None
    status = _git("status", "--porcelain", "--untracked-files=no")
    return f"{commit}-dirty" if status else commit


def environment() -> dict[str, Any]:
    """Machine, interpreter and checkout facts, taken at the start of a run."""
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        "load_average": load_average(),
        "pinned_core": worker.PIN_CORE,
        "git_commit": git_commit(),
    }
