"""Output writers: every format read back and compared with the results, resume, one file per page."""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pyarrow.parquet as pq
import pytest

from articlex import extract
from articlex.errors import MissingDependencyError, OutputError
from articlex.results import Failure, Result
from articlex.schema import COLUMN_NAMES, SCHEMA_VERSION, SCHEMA_VERSION_KEY, to_row
from articlex.writers import FORMATS, done_ids, json_row, open_writer, page_filename
from articlex.writers.directory import ERRORS_FILE, SLUG_CHARS
from articlex.writers.parquet import ROW_GROUP_ROWS
from articlex.writers.table import csv_cells
from sample_results import full_article

PAGE = (
    "<html><head><title>Rain in Spain - The Daily</title></head><body><article><h1>Rain in Spain</h1>"
    + "<p>The rain in Spain falls mainly on the plain, forecasters said on Tuesday, again.</p>" * 5
    + "</article></body></html>"
)


def _results() -> list[Result]:
    extracted = extract(PAGE, url="https://example.org/rain")
    return [
        Result("pages/full.html", article=full_article(), fetched="2024-05-08T00:00:00Z"),
        Result("crawl.warc.gz#1234", article=extracted, url="https://example.org/rain", fetched="2024-05-06T07:08:09Z"),
        Result("broken.pdf", error=Failure("NotHTMLError", "input is not HTML: it looks like a PDF document")),
        Result('odd "id" with\nnewline, comma & ünïcödé', article=extract(PAGE)),
        Result(
            "https://example.org/x?a=1#frag", error=Failure("FetchTimeoutError", "took too long"), url="https://x.org/"
        ),
    ]


def _write(fmt: str, path: Path, results: list[Result], *, append: bool = False) -> None:
    with open_writer(fmt, str(path), append=append) as writer:
        for result in results:
            writer.write(result)


def test_jsonl_rows_are_the_article_dict_with_the_input_or_the_error(tmp_path: Path) -> None:
    results = _results()
    path = tmp_path / "out.jsonl"
    _write("jsonl", path, results)
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert rows == [json_row(result) for result in results]
    article = results[0].article
    assert article is not None
    expected = {"id": "pages/full.html", "url": article.url, "fetched": "2024-05-08T00:00:00Z"}
    expected.update({k: v for k, v in article.to_dict().items() if k != "url"})
    assert rows[0] == expected
    assert list(rows[0])[:3] == ["id", "url", "fetched"]
    assert rows[2] == {
        "id": "broken.pdf",
        "url": None,
        "fetched": None,
        "error": {"type": "NotHTMLError", "message": "input is not HTML: it looks like a PDF document"},
    }
    assert rows[1]["headline"] == "Rain in Spain"


def test_json_is_one_array_written_row_by_row(tmp_path: Path) -> None:
    results = _results()
    path = tmp_path / "out.json"
    writer = open_writer("json", str(path))
    writer.write(results[0])
    assert path.read_text(encoding="utf-8").startswith("[\n{")  # the first row is out before the last comes
    for result in results[1:]:
        writer.write(result)
    writer.close()
    writer.close()  # closing twice is harmless
    assert json.loads(path.read_text(encoding="utf-8")) == [json_row(result) for result in results]
    empty = tmp_path / "empty.json"
    open_writer("json", str(empty)).close()
    assert json.loads(empty.read_text(encoding="utf-8")) == []


def test_csv_has_the_schema_columns_and_lists_as_json(tmp_path: Path) -> None:
    results = _results()
    path = tmp_path / "out.csv"
    _write("csv", path, results)
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == COLUMN_NAMES
    assert rows[1:] == [csv_cells(to_row(result)) for result in results]
    first = dict(zip(COLUMN_NAMES, rows[1], strict=True))
    assert json.loads(first["authors"]) == ["Ann Writer", "Bo Reporter"]
    assert json.loads(first["author_urls"]) == ["https://example.org/ann", None]
    assert float(first["confidence"]) == 0.875
    error = dict(zip(COLUMN_NAMES, rows[3], strict=True))
    assert (error["id"], error["error_type"]) == ("broken.pdf", "NotHTMLError")
    assert error["headline"] == error["labels"] == ""


def test_parquet_round_trips_the_rows_with_the_schema_version(tmp_path: Path) -> None:
    results = _results()
    path = tmp_path / "out.parquet"
    _write("parquet", path, results)
    table = pq.read_table(path)
    assert table.to_pylist() == [to_row(result) for result in results]
    assert table.schema.metadata[SCHEMA_VERSION_KEY.encode()] == str(SCHEMA_VERSION).encode()


def test_parquet_is_written_in_row_groups(tmp_path: Path) -> None:
    assert ROW_GROUP_ROWS == 1_000
    path = tmp_path / "many.parquet"
    _write("parquet", path, [Result(f"p{i}", error=Failure("OSError", f"gone {i}")) for i in range(2_500)])
    metadata = pq.ParquetFile(path).metadata
    assert metadata.num_rows == 2_500
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [1_000, 1_000, 500]
    assert done_ids("parquet", str(path)) == {f"p{i}" for i in range(2_500)}


def test_text_and_markdown_frame_each_page_with_its_id(tmp_path: Path) -> None:
    results = _results()
    for fmt in ("txt", "md"):
        path = tmp_path / f"out.{fmt}"
        _write(fmt, path, results)
        text = path.read_text(encoding="utf-8")
        assert done_ids(fmt, str(path)) == {result.id for result in results}
        assert "The rain in Spain falls mainly on the plain" in text
        assert "NotHTMLError" in text and "took too long" in text
    txt = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert txt.startswith('==> "pages/full.html" <==\n')
    md = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "# Rain in Spain" in md
    assert md.count("<!-- /articlex -->") == len(results)


def test_markdown_headers_cannot_be_closed_by_an_id() -> None:
    from articlex.writers.text import md_header_id, md_page

    nasty = "x --> <script>"
    header = md_page(Result(nasty, error=Failure("E", "m"))).splitlines()[0]
    assert header.count("-->") == 1
    assert md_header_id(header) == nasty


def test_stdout_takes_text_and_parquet(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    results = _results()
    with open_writer("jsonl", None) as writer:
        writer.write(results[2])
    assert json.loads(capsys.readouterr().out) == json_row(results[2])
    binary = io.BytesIO()
    monkeypatch.setattr("sys.stdout", SimpleNamespace(buffer=binary))
    with open_writer("parquet", None) as writer:
        for result in results:
            writer.write(result)
    assert pq.read_table(io.BytesIO(binary.getvalue())).to_pylist() == [to_row(r) for r in results]


def test_an_id_that_is_not_valid_unicode_is_escaped_not_fatal(tmp_path: Path) -> None:
    odd = Result("bad\udcffname.html", error=Failure("OSError", "unreadable"))
    for fmt in ("jsonl", "csv", "txt", "md"):
        path = tmp_path / f"out.{fmt}"
        _write(fmt, path, [odd])
        assert "bad\\udcffname.html" in path.read_text(encoding="utf-8")
    (row,) = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert row["id"] == "bad\udcffname.html"


def test_unknown_format_and_conflicting_outputs_are_output_errors(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="unknown output format 'xml'"):
        open_writer("xml", None)
    with pytest.raises(OutputError, match="not both"):
        open_writer("jsonl", str(tmp_path / "a.jsonl"), output_dir=str(tmp_path / "d"))
    assert set(FORMATS) == {"jsonl", "json", "md", "txt", "csv", "parquet"}


# Resume: done_ids and append.


def _cut(path: Path, keep: int) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - keep])


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "txt", "md"])
def test_done_ids_ignore_a_last_row_cut_short(fmt: str, tmp_path: Path) -> None:
    results = _results()
    path = tmp_path / f"out.{fmt}"
    _write(fmt, path, results[:3])
    assert done_ids(fmt, str(path)) == {r.id for r in results[:3]}
    three_rows = path.stat().st_size
    _write(fmt, path, [results[3]], append=True)
    whole = path.read_bytes()
    assert done_ids(fmt, str(path)) == {r.id for r in results[:4]}
    # Cut anywhere inside the fourth row, and just after each newline in it (inside a
    # quoted CSV field, between paragraphs): it never counts, the first three always do.
    after_newlines = [i + 1 for i in range(three_rows, len(whole) - 1) if whole[i : i + 1] == b"\n"]
    assert fmt == "jsonl" or len(after_newlines) >= 3
    for end in [*range(three_rows, len(whole), 5), *after_newlines, len(whole) - 1]:
        path.write_bytes(whole[:end])
        assert done_ids(fmt, str(path)) == {r.id for r in results[:3]}, end
    assert done_ids(fmt, str(tmp_path / "missing")) == set()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "txt", "md"])
def test_append_repairs_a_cut_row_and_continues(fmt: str, tmp_path: Path) -> None:
    results = _results()
    path = tmp_path / f"out.{fmt}"
    _write(fmt, path, results[:4])
    _cut(path, 15)  # a run killed while writing its fourth row
    done = done_ids(fmt, str(path))
    assert done == {r.id for r in results[:3]}
    _write(fmt, path, [r for r in results if r.id not in done], append=True)
    assert done_ids(fmt, str(path)) == {r.id for r in results}
    fresh = tmp_path / f"fresh.{fmt}"
    _write(fmt, fresh, results)
    assert path.read_bytes() == fresh.read_bytes()  # as if the run had never stopped


def test_csv_append_refuses_other_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_text("id,url,headline\na,b,c\n", encoding="utf-8")
    with pytest.raises(OutputError, match="other columns"):
        open_writer("csv", str(path), append=True)
    with pytest.raises(OutputError, match="other columns"):
        done_ids("csv", str(path))


def test_csv_fields_larger_than_the_csv_module_default_read_back(tmp_path: Path) -> None:
    long_page = "<html><body><article>" + "<p>" + "word " * 60_000 + "</p></article></body></html>"
    result = Result("long.html", article=extract(long_page))
    path = tmp_path / "long.csv"
    _write("csv", path, [result])
    limit = csv.field_size_limit()
    assert done_ids("csv", str(path)) == {"long.html"}
    assert csv.field_size_limit() == limit  # restored


@pytest.mark.parametrize("fmt", ["json", "parquet"])
def test_json_and_parquet_cannot_be_appended(fmt: str, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot append"):
        open_writer(fmt, str(tmp_path / f"out.{fmt}"), append=True)


def test_a_parquet_file_without_its_footer_is_an_output_error(tmp_path: Path) -> None:
    path = tmp_path / "killed.parquet"
    _write("parquet", path, _results())
    _cut(path, 100)
    with pytest.raises(OutputError, match="cannot be resumed"):
        done_ids("parquet", str(path))


# One file per page.

ODD_IDS = [
    "pages/a.html",
    "pages/A.html",  # differs only in case
    "pages/a_html",  # same slug as above
    "crawl/CC-MAIN-2024.warc.gz#123456",
    "https://example.org/news/story?id=3&lang=en#top",
    "https://example.org/" + "very-long-path/" * 40 + "end",
    "../../etc/passwd",
    ".hidden",
    "C:\\Windows\\system32\\con",
    "",
    "-",
    "naïve/日本語.html",
]


def test_page_filenames_are_unique_and_safe() -> None:
    names = [page_filename(page_id, ".json") for page_id in ODD_IDS]
    assert len({name.lower() for name in names}) == len(names)
    for name in names:
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._\-]*-[0-9a-f]{12}\.json", name), name
        assert len(name) <= SLUG_CHARS + 1 + 12 + len(".json")
    assert page_filename("https://example.org/news/story?id=3", ".md").startswith("example.org-news-story-id-3-")


@pytest.mark.parametrize("fmt", ["json", "md", "txt"])
def test_output_dir_writes_a_file_per_page_and_the_errors_beside_them(fmt: str, tmp_path: Path) -> None:
    results = [*_results(), *(Result(page_id, article=full_article()) for page_id in ODD_IDS)]
    directory = tmp_path / "out"
    with open_writer(fmt, None, output_dir=str(directory)) as writer:
        for result in results:
            writer.write(result)
    articles = [r for r in results if r.ok]
    files = sorted(p.name for p in directory.iterdir() if p.name != ERRORS_FILE)
    assert len(files) == len(articles)
    errors = [json.loads(line) for line in (directory / ERRORS_FILE).read_text(encoding="utf-8").splitlines()]
    assert [e["id"] for e in errors] == [r.id for r in results if not r.ok]
    assert all(set(e["error"]) == {"type", "message"} for e in errors)
    assert done_ids(fmt, str(directory)) == {r.id for r in results}
    if fmt == "json":
        page = json.loads((directory / page_filename("pages/full.html", ".json")).read_text(encoding="utf-8"))
        assert page == json_row(results[0])


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_output_dir_refuses_table_formats(fmt: str, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="one file per page"):
        open_writer(fmt, None, output_dir=str(tmp_path / "d"))


def test_output_dir_append_keeps_earlier_errors(tmp_path: Path) -> None:
    directory = tmp_path / "out"
    results = _results()
    with open_writer("jsonl", None, output_dir=str(directory)) as writer:
        writer.write(results[2])
    with open_writer("jsonl", None, output_dir=str(directory), append=True) as writer:
        writer.write(results[4])
    assert done_ids("jsonl", str(directory)) == {results[2].id, results[4].id}
    with open_writer("jsonl", None, output_dir=str(directory)) as writer:  # a new run starts afresh
        writer.write(results[0])
    assert done_ids("jsonl", str(directory)) == {results[0].id}
    assert not [name for name in os.listdir(directory) if name.endswith(".partial")]


def test_parquet_without_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)  # makes the import raise ImportError
    with pytest.raises(MissingDependencyError, match=r"pip install 'articlex\[parquet\]'") as caught:
        open_writer("parquet", str(tmp_path / "out.parquet"))
    assert isinstance(caught.value, ImportError)
    assert not (tmp_path / "out.parquet").exists()


@pytest.mark.parametrize(
    "error",
    [OutputError("cannot append"), MissingDependencyError("Parquet output", "pyarrow", "parquet")],
)
def test_output_errors_pickle_with_their_attributes(error: Exception) -> None:
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes, the round trip is the point
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.__dict__ == error.__dict__
