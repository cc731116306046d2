"""The articlex command on many inputs: directories, lists, URLs, workers, timeouts, resuming, progress."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from articlex.batch import Progress
from articlex.cli import main
from articlex.console import NORMAL, Console, clock, describe, summarize

sys.path.insert(0, str(Path(__file__).parent))

import batch_helpers as helpers  # after the path fix above: workers import it by name too


def _rows(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_a_directory_with_two_workers_in_input_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = helpers.write_pages(tmp_path / "site" / "news", 12)
    (tmp_path / "site" / "notes.txt").write_text("not a page")
    assert main([str(tmp_path / "site"), "-j", "2", "--ordered", "-f", "jsonl"]) == 0
    captured = capsys.readouterr()
    rows = _rows(captured.out)
    assert [row["id"] for row in rows] == paths
    assert [row["headline"] for row in rows] == [f"Page {n}" for n in range(12)]
    assert "12 pages: 12 ok, 0 failed in " in captured.err


def test_as_completed_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = helpers.write_pages(tmp_path, 4, {0: helpers.SLOW_MARKER})
    assert main([*paths, "-j", "2", "-f", "jsonl"], extractor=helpers.slow_on_marker) == 0
    ids = [row["id"] for row in _rows(capsys.readouterr().out)]
    assert sorted(ids) == paths  # type: ignore[type-var]
    assert ids[-1] == paths[0]  # the slow first page was written last


def test_a_page_that_hangs_is_killed_at_the_timeout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = helpers.write_pages(tmp_path, 4, {1: helpers.HANG_MARKER})
    argv = [*paths, "-j", "1", "--timeout", "1", "--ordered", "-f", "jsonl", "-v"]
    assert main(argv, extractor=helpers.hang_on_marker) == 1
    captured = capsys.readouterr()
    rows = _rows(captured.out)
    assert [row["id"] for row in rows] == paths
    assert rows[1]["error"] == {"type": "ExtractionTimeoutError", "message": rows[1]["error"]["message"]}  # type: ignore[index]
    assert all("headline" in row for n, row in enumerate(rows) if n != 1)
    assert "ExtractionTimeoutError 1" in captured.err
    assert "killed worker pid" in captured.err  # -v shows the library's log


def test_inputs_from_a_list_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = helpers.write_pages(tmp_path / "pages", 3)
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"{paths[0]}\n\n  {paths[2]}  \n{tmp_path / 'gone.html'}\n")
    assert main([paths[1], "--input-list", str(listing), "-f", "csv", "--ordered", "-j", "1"]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["id"] for row in rows] == [paths[1], paths[0], paths[2], str(tmp_path / "gone.html")]
    assert rows[3]["error_type"] == "FileNotFoundError"


def test_one_file_per_page_in_an_output_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = helpers.write_pages(tmp_path / "pages", 3)
    out = tmp_path / "out"
    assert main([*paths, str(tmp_path / "gone.html"), "--output-dir", str(out), "-f", "md"]) == 1
    assert capsys.readouterr().out == ""
    pages = sorted(p.name for p in out.iterdir() if p.suffix == ".md")
    assert len(pages) == 3
    errors = _rows((out / "errors.jsonl").read_text())
    assert [row["id"] for row in errors] == [str(tmp_path / "gone.html")]


def test_resume_skips_what_the_output_holds_and_appends_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = helpers.write_pages(tmp_path / "pages", 6)
    out = tmp_path / "out.jsonl"
    assert main([*paths[:3], "-o", str(out), "-f", "jsonl"]) == 0
    with out.open("a") as stream:  # a run killed while writing its fourth row
        stream.write('{"id": "' + paths[3] + '", "headl')
    capsys.readouterr()
    assert main([str(tmp_path / "pages"), "-o", str(out), "-f", "jsonl", "--resume"]) == 0
    rows = _rows(out.read_text())
    assert sorted(row["id"] for row in rows) == paths  # type: ignore[type-var]
    assert Counter(row["id"] for row in rows).most_common(1)[0][1] == 1  # each once
    assert "3 pages: 3 ok, 0 failed, 3 skipped (already in the output)" in capsys.readouterr().err


def test_parquet_output(tmp_path: Path) -> None:
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
    paths = helpers.write_pages(tmp_path / "pages", 3)
    out = tmp_path / "out.parquet"
    assert main([*paths, str(tmp_path / "gone.html"), "-o", str(out), "-f", "parquet", "--ordered", "-q"]) == 1
    table = pyarrow_parquet.read_table(out)
    assert table.column("id").to_pylist() == [*paths, str(tmp_path / "gone.html")]
    assert table.column("error_type").to_pylist() == [None, None, None, "FileNotFoundError"]


def test_urls_are_fetched_with_allow_private(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = {"/a": (200, "text/html", helpers.page_html("Served A")), "/b": (200, "text/html", helpers.page_html("B"))}
    with helpers.serving(pages) as base:
        urls = [f"{base}/a", f"{base}/b", f"{base}/missing"]
        assert main([*urls, "--allow-private", "--fetch-jobs", "2", "--ordered", "-f", "jsonl", "-j", "1"]) == 1
        refused = main([f"{base}/a", "-f", "jsonl", "-j", "1"])
    rows = _rows(capsys.readouterr().out)
    assert [row["id"] for row in rows[:3]] == urls
    assert rows[0]["headline"] == "Served A" and rows[0]["fetched"]
    assert rows[2]["error"]["type"] == "HTTPStatusError"  # type: ignore[index]
    assert refused == 1
    assert rows[3]["error"]["type"] == "ForbiddenAddressError"  # type: ignore[index]


def test_explain_prints_each_trace(capsys: pytest.CaptureFixture[str]) -> None:
    example = Path(__file__).parent.parent / "examples" / "seed-article.html"
    assert main([str(example), "--explain", "-f", "jsonl"]) == 0
    err = capsys.readouterr().err
    assert f"== {example}: confidence " in err
    assert "removed" in err or "kept" in err


# The console, on its own.


def test_the_live_line_has_a_bar_rate_errors_and_eta() -> None:
    progress = Progress(done=50, failed=2, elapsed=10.0)
    line = describe(progress, total=200)
    assert line.startswith("[#####---------------]  25%")
    assert "50 pages  5.0 pages/s  2 errors  ETA 0:00:30" in line
    assert "ETA" not in describe(progress, total=None)  # no total, no ETA (and no bar)


def test_a_live_console_redraws_in_place_and_clears_before_a_message() -> None:
    stream = io.StringIO()
    console = Console(stream, verbosity=NORMAL, live=True, total=lambda: 10)
    console.progress(Progress(done=1, elapsed=1.0))
    console.progress(Progress(done=2, elapsed=1.05))  # too soon: not redrawn
    console.message("a message")
    console.summary(Progress(done=10, elapsed=2.0, finished=True), Counter(), 0)
    text = stream.getvalue()
    assert text.count("1 pages") == 2  # drawn, then drawn again after the message
    assert "2 pages" not in text
    assert "\ramessage\n" in text.replace(" ", "")  # the line blanked, back to its start, then the message
    assert text.endswith("articlex: 10 pages: 10 ok, 0 failed in 2.0 s, 5.0 pages/s\n")


def test_off_a_terminal_a_plain_line_every_interval() -> None:
    stream = io.StringIO()
    console = Console(stream, verbosity=NORMAL, live=False, total=lambda: None)
    for second in range(0, 25):
        console.progress(Progress(done=second * 10, elapsed=float(second)))
    lines = stream.getvalue().splitlines()
    assert lines == [
        "articlex: 100 pages  10.0 pages/s  0 errors",
        "articlex: 200 pages  10.0 pages/s  0 errors",
    ]


def test_the_summary_names_the_commonest_errors() -> None:
    errors = Counter({"A": 5, "B": 4, "C": 3, "D": 2, "E": 1, "F": 1, "G": 1})
    text = summarize(Progress(done=20, failed=17, elapsed=4.0), errors, skipped=2)
    assert text == (
        "20 pages: 3 ok, 17 failed (A 5, B 4, C 3, D 2, E 1, others 2), 2 skipped (already in the output)"
        " in 4.0 s, 5.0 pages/s"
    )
    assert clock(3725.4) == "1:02:05"
