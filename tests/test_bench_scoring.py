"""A worker's raw runs turned into a summary (benchmarks/scoring.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import corpora, scoring, worker


def test_speed_is_cpu_time_and_wall_time_is_kept_beside_it() -> None:
    pages = [corpora.Page(f"p{n}", Path(f"p{n}.html.gz"), None, "one two three four five") for n in range(4)]
    runs = [worker.PageRun(page.page_id, page.truth, ms=10.0, wall_ms=25.0) for page in pages]
    result = worker.WorkerResult("x", corpora.SCRAPINGHUB, runs=runs)
    summary, rows = scoring.summarize(result, pages, meaningful=True)
    assert summary["f1"] == 1.0
    assert summary["pages_per_s"] == pytest.approx(100.0)
    assert summary["median_ms"] == 10.0
    assert summary["wall_pages_per_s"] == pytest.approx(40.0)
    assert summary["wall_over_cpu"] == pytest.approx(2.5)
    assert [(row.ms, row.wall_ms) for row in rows] == [(10.0, 25.0)] * 4


def test_a_system_failing_on_every_page_is_an_error() -> None:
    pages = [corpora.Page("p", Path("p.html.gz"), None, "truth text")]
    runs = [worker.PageRun("p", "", ms=1.0, wall_ms=1.0, error="ValueError: no")]
    summary, _ = scoring.summarize(worker.WorkerResult("x", corpora.WCXB_DEV, runs=runs), pages, meaningful=True)
    assert summary["status"] == "error"
    assert summary["failures"] == 1
    assert summary["failure_examples"] == [{"id": "p", "error": "ValueError: no"}]
