"""The per-task work of the Spark job, without Spark: slicing WARC files, reading slices, rows."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from articlex.results import Page, Result
from articlex.schema import COLUMN_NAMES
from articlex.spark.partition import (
    HtmlRecord,
    WarcSlice,
    first_record,
    html_rows,
    read_slice,
    record_offset,
    slice_rows,
    split_file,
    warc_rows,
)
from articlex.spark.storage import local_path
from articlex.warc import iter_file
from tests.spark_support import WarcBuilder, hang_page, hanging_extract, reference_rows, sample_pages, write_warcs


def _summary(item: Page | Result) -> tuple[object, ...]:
    if isinstance(item, Page):
        return ("page", item.id, item.url, item.fetched, item.content_type, item.data)
    return ("error", item.id, item.error.type if item.error else None)


@pytest.fixture(scope="module")
def warcs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two gzipped WARCs of twelve pages, the second cut short inside its last record, and a plain one."""
    directory = tmp_path_factory.mktemp("warcs")
    paths = write_warcs(directory, sample_pages()[:24], 2, cut_last=True)
    plain = WarcBuilder(use_gzip=False).pages(sample_pages()[24:30]).write(directory / "plain.warc")
    return [*paths, plain]


def _record_offsets(path: Path) -> list[int]:
    """The offset of every record of a WARC (requests and non-HTML responses too), as warcio reads them."""
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        return [records.get_record_offset() for _ in records]


@pytest.mark.parametrize("size", [1, 700, 5_000, 20_000, 10**9])
def test_slices_read_back_every_record_of_the_file(warcs: list[Path], size: int) -> None:
    for path in warcs:
        whole = [_summary(item) for item in iter_file(str(path))]
        slices = list(split_file(str(path), size))
        pieced = [_summary(item) for piece in slices for item in read_slice(piece)]
        assert pieced == whole
        gzipped = path.suffix == ".gz"
        assert len(slices) == (-(-path.stat().st_size // size) if gzipped else 1)


def test_a_slice_holds_the_records_that_start_in_its_range(warcs: list[Path]) -> None:
    slices = list(split_file(str(warcs[0]), 3_000))
    assert [piece.start for piece in slices] == list(range(0, warcs[0].stat().st_size, 3_000))
    assert slices[-1].stop is None
    assert all(piece.stop == piece.start + 3_000 for piece in slices[:-1])
    assert sum(1 for piece in slices if not list(read_slice(piece))) > 0  # ranges inside one large record
    for piece in slices:
        offsets = [record_offset(item) for item in read_slice(piece)]
        assert all(piece.start <= offset < (piece.stop or offset + 1) for offset in offsets if offset is not None)


def test_the_first_record_is_found_from_any_byte(warcs: list[Path]) -> None:
    offsets = _record_offsets(warcs[0])
    with warcs[0].open("rb") as stream:
        for before, offset in itertools.pairwise(offsets):
            assert first_record(stream, offset) == offset
            assert first_record(stream, before + 1) == offset
            assert first_record(stream, (before + offset) // 2) == offset
        assert first_record(stream, offsets[-1] + 1) is None


def test_gzip_members_that_are_not_warc_records_are_skipped(warcs: list[Path], tmp_path: Path) -> None:
    record = warcs[0].read_bytes()[: _record_offsets(warcs[0])[1]]
    noise = b"deflated bytes \x1f\x8b\x08 that look like a member" + gzip.compress(b"not a WARC record")
    mixed = tmp_path / "mixed.bin"
    mixed.write_bytes(noise + record)
    with mixed.open("rb") as stream:
        assert first_record(stream, 0) == len(noise)
        assert first_record(stream, len(noise) + 1) is None


def test_the_cut_record_is_an_error_in_the_last_slice(warcs: list[Path]) -> None:
    last = list(split_file(str(warcs[1]), 3_000))[-1]
    items = list(read_slice(last))
    assert isinstance(items[-1], Result)
    assert items[-1].error is not None
    assert items[-1].error.type == "TruncatedRecordError"
    assert all(isinstance(item, Page) for item in items[:-1])


def test_a_missing_file_is_one_error_row_with_the_path_as_id(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.warc.gz")
    assert list(split_file(missing, 10)) == [WarcSlice(missing)]
    not_warc = tmp_path / "page.html"
    not_warc.write_text("<html><body><p>not an archive</p></body></html>", encoding="utf-8")
    assert list(split_file(str(not_warc), 10)) == [WarcSlice(str(not_warc))]
    rows = list(warc_rows([missing]))
    assert [(row["id"], row["error_type"]) for row in rows] == [(missing, "FileNotFoundError")]


def test_an_unknown_uri_scheme_is_an_error_row() -> None:
    rows = list(warc_rows(["nosuchscheme://bucket/a.warc.gz"]))
    assert len(rows) == 1
    assert rows[0]["id"] == "nosuchscheme://bucket/a.warc.gz"
    assert rows[0]["error_type"]
    assert rows[0]["headline"] is None


def test_a_file_uri_reads_the_local_file(warcs: list[Path]) -> None:
    uri = warcs[0].as_uri()
    assert local_path(uri) == str(warcs[0])
    by_uri = [_summary(item)[2:] for item in read_slice(WarcSlice(uri))]
    by_path = [_summary(item)[2:] for item in iter_file(str(warcs[0]))]
    assert by_uri == by_path
    assert local_path("s3a://bucket/key.warc.gz") is None
    assert local_path("crawl/a.warc.gz") == "crawl/a.warc.gz"


def test_rows_of_slices_are_the_rows_of_whole_files(warcs: list[Path]) -> None:
    paths = [str(path) for path in warcs]
    expected = reference_rows(paths)
    slices = [piece for path in paths for piece in split_file(path, 2_000)]
    assert sorted(slice_rows(slices), key=lambda row: str(row["id"])) == expected
    assert sorted(warc_rows(paths), key=lambda row: str(row["id"])) == expected
    assert all(tuple(row) == COLUMN_NAMES for row in expected)


def test_every_result_is_counted_once(warcs: list[Path]) -> None:
    seen: list[Result] = []
    rows = list(warc_rows([str(warcs[1])], on_result=seen.append))
    assert [result.id for result in seen] == [row["id"] for row in rows]
    assert sum(not result.ok for result in seen) == 1


def test_html_rows_keep_ids_and_urls_and_report_empty_values() -> None:
    page = sample_pages()[0]
    records = [HtmlRecord("a", page.data, page.url), HtmlRecord("b", None, "https://b.example/"), HtmlRecord("c", "")]
    rows = list(html_rows(records))
    assert [(row["id"], row["url"]) for row in rows] == [("a", page.url), ("b", "https://b.example/"), ("c", None)]
    assert rows[0]["error_type"] is None
    assert rows[0]["headline"]
    assert [row["error_type"] for row in rows[1:]] == ["EmptyInputError", "EmptyInputError"]


def test_a_record_past_the_timeout_is_an_extraction_timeout_row(tmp_path: Path) -> None:
    pages = [sample_pages()[0], hang_page(), sample_pages()[1]]
    path = WarcBuilder().pages(pages).write(tmp_path / "hang.warc.gz")
    rows = list(warc_rows([str(path)], timeout=2.0, extractor=hanging_extract))
    assert [row["url"] for row in rows] == [page.url for page in pages]
    assert [row["error_type"] for row in rows] == [None, "ExtractionTimeoutError", None]
    assert rows[0]["headline"]
    assert rows[2]["headline"]
