"""The articlex command on the bundled example page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from articlex.cli import main

EXAMPLE = Path(__file__).parent.parent / "examples" / "seed-article.html"


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["headline"].startswith("How the killing of Iran")
    assert len(data["body"]) == 19


@pytest.mark.parametrize(("fmt", "marker"), [("md", "---\nheadline:"), ("txt", "Two years ago")])
def test_other_formats(fmt: str, marker: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE), "-f", fmt]) == 0
    assert capsys.readouterr().out.startswith(marker)


def test_missing_file_reports_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.html"), str(EXAMPLE), "-f", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert "nope.html" in captured.err
    assert json.loads(captured.out)["section"] == "Middle East"


def test_not_html_reports_the_typed_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.7 ...")
    assert main([str(pdf)]) == 1
    assert "not HTML" in capsys.readouterr().err


def test_module_entry_point_reads_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "articlex", "-", "-f", "txt"],
        input=EXAMPLE.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.decode("utf-8").startswith("Two years ago")
