"""The generated part of docs/benchmarks.md and its chart (benchmarks/docs.py, chart.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks import chart, docs

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def summary(system: str, dataset: str, f1: float, pages_per_s: float, **extra: Any) -> dict[str, Any]:
    return {
        "system": system,
        "dataset": dataset,
        "status": "ok",
        "version": "1.0",
        "meaningful": True,
        "pages": 10,
        "f1": f1,
        "precision": f1,
        "recall": f1,
        "pages_per_s": pages_per_s,
        "median_ms": 1.0,
        "p95_ms": 2.0,
        "peak_mb": 30.0,
        "delta_mb": 5.0,
        "failures": 0,
        **extra,
    }


SUMMARIES = [
    summary("articlex", "scrapinghub", 0.95, 90.0),
    summary("trafilatura", "scrapinghub", 0.96, 30.0),
    summary("lxml", "scrapinghub", 0.0, 900.0, meaningful=False),
    summary("articlex", "wcxb-dev", 0.80, 20.0, per_type={"article": {"pages": 6, "f1": 0.9}}),
    summary("trafilatura", "wcxb-dev", 0.82, 25.0, per_type={"article": {"pages": 6, "f1": 0.85}}),
]
PAYLOAD = {"started": "2026-01-01T00:00:00", "environment": {"python": "3.11"}, "summaries": SUMMARIES}


def test_region_is_replaced_and_the_hand_written_rest_kept() -> None:
    document = f"# Title\n\nintro\n\n{docs.BEGIN_MARK}\nold table\n{docs.END_MARK}\n\n## Metadata\n\nkept\n"
    updated = docs.replace_region(document, docs.render_region(PAYLOAD, "img/chart.png"))
    assert updated.startswith("# Title\n\nintro\n\n<!-- bench:begin -->")
    assert updated.endswith("<!-- bench:end -->\n\n## Metadata\n\nkept\n")
    assert "old table" not in updated
    assert "](img/chart.png)" in updated
    assert docs.replace_region(updated, docs.render_region(PAYLOAD, "img/chart.png")) == updated


def test_a_document_without_markers_is_refused() -> None:
    with pytest.raises(docs.MissingMarkersError):
        docs.replace_region("# no region here\n", "x")


def test_dataset_table_bolds_the_best_f1_and_blanks_the_floor_s_scores() -> None:
    lines = docs.dataset_table(SUMMARIES, "scrapinghub").splitlines()
    assert lines[0].startswith("| system | version | F1 | P | R | pages/s |")
    assert lines[2].startswith("| **articlex** | 1.0 | 0.950 |")
    assert lines[3].startswith("| trafilatura | 1.0 | **0.960** |")
    assert lines[4].startswith("| lxml (parse only) | 1.0 | – | – | – | 900.0 |")


def test_type_table_lists_scored_systems_per_page_type() -> None:
    assert docs.type_table(SUMMARIES).splitlines() == [
        "| system | all | article (6) |",
        "|---|--:|--:|",
        "| **articlex** | 0.800 | 0.900 |",
        "| trafilatura | 0.820 | 0.850 |",
    ]


def test_speed_table_divides_by_the_baseline_per_dataset() -> None:
    rows = docs.speed_table(SUMMARIES).splitlines()
    assert rows[0] == "| system | ScrapingHub | WCXB-dev |"
    assert rows[2] == "| **articlex** | 3.00x | 0.80x |"
    assert rows[4] == "| lxml (parse only) | 30.00x | – |"


def test_chart_is_a_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    written = chart.draw(SUMMARIES, tmp_path / "img" / "chart.png")
    assert written.read_bytes().startswith(PNG_SIGNATURE)


def test_chart_needs_some_results(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    with pytest.raises(ValueError, match="no successful results"):
        chart.draw([{**SUMMARIES[0], "status": "error"}], tmp_path / "chart.png")


def test_failures_are_listed_with_their_distinct_errors() -> None:
    failing = summary(
        "newspaper4k",
        "scrapinghub",
        0.9,
        10.0,
        failures=3,
        failure_examples=[{"id": "a", "error": "E: x"}, {"id": "b", "error": "E: x"}, {"id": "c", "error": "F: y"}],
    )
    assert docs.failure_lines([*SUMMARIES, failing]) == [
        "- newspaper4k on ScrapingHub: 3 pages, e.g. `E: x`; `F: y`",
    ]
