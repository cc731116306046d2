"""The 10,000-page soak (``benchmarks/soak.py``) as a slow test: live memory settles after 1,000 pages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The repository root holds the benchmarks package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.soak import DEFAULT_DATA, DEFAULT_EVERY, DEFAULT_PAGES, DEFAULT_TOLERANCE, growth_after_first, soak


@pytest.mark.slow
@pytest.mark.skipif(not DEFAULT_DATA.exists(), reason=f"benchmark pages not found in {DEFAULT_DATA}")
def test_memory_stays_flat_over_ten_thousand_pages() -> None:
    # Samples of live memory: the raw RSS also holds what glibc keeps after the
    # last large page, which moves it by about 10% either way between samples
    # (docs/robustness.md has both curves).
    samples, errors, _warnings = soak(DEFAULT_DATA, DEFAULT_PAGES, DEFAULT_EVERY, trim=True)
    assert not errors
    assert growth_after_first(samples, DEFAULT_EVERY) <= DEFAULT_TOLERANCE
