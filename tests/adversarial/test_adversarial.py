"""Every hostile input gives its exact outcome within its time and memory ceilings.

Each case runs in a fresh subprocess (``run_case.py``), so a hang is killed
and a blow-up cannot take the test run with it. The expected outcomes live in
``expected.json``; after an intended change, regenerate them with
``python -m pytest tests/adversarial --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from adversarial_cases import CASES

HERE = Path(__file__).resolve().parent
RUN_CASE = HERE / "run_case.py"
EXPECTED = HERE / "expected.json"
# Starting the interpreter and importing lxml and articlex, on a busy machine.
STARTUP_SECONDS = 10
# A case is killed as hung at this multiple of its ceiling (plus startup):
# past the ceiling it fails anyway, the margin only tells slow from hung.
HANG_FACTOR = 2
MIN_CASES = 35


def _expected() -> dict[str, Any]:
    return json.loads(EXPECTED.read_text(encoding="utf-8")) if EXPECTED.exists() else {}


def _run(name: str) -> dict[str, Any]:
    case = CASES[name]
    timeout = case.seconds * HANG_FACTOR + STARTUP_SECONDS
    try:
        done = subprocess.run(
            [sys.executable, str(RUN_CASE), name], capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name!r} did not finish in {timeout:.0f} s: a hang")
    assert done.returncode == 0, f"{name!r} crashed:\n{done.stderr[-3000:]}"
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_there_are_enough_cases_and_each_has_an_expected_outcome() -> None:
    assert len(CASES) >= MIN_CASES
    assert sorted(_expected()) == sorted(CASES)


@pytest.mark.parametrize("name", [pytest.param(name, marks=[pytest.mark.slow] * CASES[name].slow) for name in CASES])
def test_hostile_input(name: str, update_golden: bool) -> None:
    case = CASES[name]
    result = _run(name)
    if update_golden:
        expected = _expected()
        expected[name] = result["outcome"]
        EXPECTED.write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert result["outcome"] == _expected()[name]
    assert result["seconds"] <= case.seconds, f"took {result['seconds']:.1f} s, ceiling {case.seconds} s"
    assert result["peak_mb"] <= case.megabytes, f"peaked at {result['peak_mb']:.0f} MB, ceiling {case.megabytes} MB"
