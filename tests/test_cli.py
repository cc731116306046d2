"""The articlex command on the bundled example page: formats, failures, exit codes, the entry points."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from articlex.cli import build_parser, main

EXAMPLE = Path(__file__).parent.parent / "examples" / "seed-article.html"


def test_json_output_is_an_array_of_rows(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1
    assert rows[0]["id"] == str(EXAMPLE)
    assert rows[0]["headline"].startswith("How the killing of Iran")
    assert len(rows[0]["body"]) == 19


@pytest.mark.parametrize(("fmt", "marker"), [("md", "headline:"), ("txt", "Two years ago")])
def test_other_formats(fmt: str, marker: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE), "-f", fmt]) == 0
    out = capsys.readouterr().out
    assert str(EXAMPLE) in out.splitlines()[0]  # each page under a header with its id
    assert marker in out


def test_a_missing_file_is_an_error_row_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "nope.html")
    assert main([missing, str(EXAMPLE), "-f", "jsonl", "--ordered"]) == 1
    captured = capsys.readouterr()
    first, second = (json.loads(line) for line in captured.out.splitlines())
    assert first == {"id": missing, "url": None, "fetched": None, "error": first["error"]}
    assert first["error"]["type"] == "FileNotFoundError"
    assert second["section"] == "Middle East"
    assert "2 pages: 1 ok, 1 failed (FileNotFoundError 1)" in captured.err
    assert missing not in captured.err  # one line per failure only with -v


def test_verbose_names_each_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.7 ...")
    assert main([str(pdf), "-v", "-f", "jsonl"]) == 1
    err = capsys.readouterr().err
    assert f"articlex: {pdf}: NotHTMLError: input is not HTML" in err


def test_quiet_prints_nothing_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.html"), "-q"]) == 1
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "name at least one input"),
        (["a.html", "--jobs", "0"], "must be at least 1"),
        (["a.html", "-f", "xml"], "invalid choice"),
        (["a.html", "b.html", "--url", "https://example.org/"], "--url goes with exactly one input"),
        (["a.html", "--resume"], "--resume needs the output"),
        (["a.html", "-o", "out.json", "--resume"], "cannot append to json"),
        (["a.html", "-o", "x", "--output-dir", "y"], "not both"),
        (["-", "--input-list", "-"], "standard input (-) can be read only once"),
        (["--input-list", "no-such-list.txt"], "no such file"),
        (["a.html", "-v", "-q"], "not allowed with"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "--fetch-jobs" in capsys.readouterr().out


def test_the_parser_is_public_for_the_docs() -> None:
    options = {option for action in build_parser()._actions for option in action.option_strings}
    assert {"--jobs", "--timeout", "--ordered", "--resume", "--output-dir", "--input-list", "--glob"} <= options


def test_url_resolves_a_single_page_s_links(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE), "--url", "https://example.org/a/story", "-f", "jsonl"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["url"] == "https://example.org/a/story"


def test_module_entry_point_reads_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "articlex", "-", "-f", "txt"],
        input=EXAMPLE.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    assert out.startswith('==> "-" <==\nTwo years ago')
    assert result.stderr.decode().startswith("articlex: 1 page: 1 ok, 0 failed in ")
