"""The articlex command on a WARC file written here: one row per HTML response record, an error row for a cut one."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from articlex.cli import main

STORY = "https://example.org/news/story"
REPEATED = "https://example.org/news/repeated"
CUT = "https://example.org/news/cut"


def _page(title: str) -> bytes:
    words = f"<p>{title} is told here in sentences long enough, and plentiful enough, to be an article.</p>"
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{words * 5}</article></body></html>".encode()


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, date: str) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date}
        )
    )


def _archive(path: Path, *, use_gzip: bool) -> Path:
    """A WARC with every kind of record the command must tell apart, its last record cut short."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=use_gzip)
    request = StatusAndHeaders("GET /news/story HTTP/1.1", [("Host", "example.org")], is_http_request=True)
    writer.write_record(writer.create_warc_record(STORY, "request", payload=io.BytesIO(b""), http_headers=request))
    _response(writer, STORY, _page("The story"), "text/html; charset=utf-8", "2024-05-06T07:08:09Z")
    _response(writer, "https://example.org/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png", "2024-05-06T07:08:10Z")
    _response(writer, REPEATED, _page("Said twice"), "text/html", "2024-05-06T07:08:11Z")
    _response(writer, REPEATED, _page("Said twice"), "text/html", "2024-05-07T07:08:11Z")  # a second capture
    revisit = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_revisit_record(REPEATED, "sha1:AAAA", REPEATED, "2024-05-06T07:08:11Z", http_headers=revisit)
    )
    cut_at = len(buffer.getvalue())
    _response(writer, CUT, _page("Cut short"), "text/html", "2024-05-08T00:00:00Z")
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - (len(data) - cut_at) // 5])  # the last record loses its last fifth
    return path


@pytest.mark.parametrize("use_gzip", [True, False], ids=["warc.gz", "warc"])
def test_one_row_per_html_response_and_an_error_row_for_the_cut_record(
    tmp_path: Path, use_gzip: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = _archive(tmp_path / ("crawl.warc.gz" if use_gzip else "crawl.warc"), use_gzip=use_gzip)
    assert main([str(archive), "-f", "jsonl", "-j", "2", "--ordered"]) == 1  # the cut record failed
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["url"] for row in rows] == [STORY, REPEATED, REPEATED, CUT]
    story, first, second, cut = rows
    assert story["headline"] == "The story" and story["fetched"] == "2024-05-06T07:08:09Z"
    # The two captures of one URL are two records at two offsets: two rows, each with its own date.
    assert (first["fetched"], second["fetched"]) == ("2024-05-06T07:08:11Z", "2024-05-07T07:08:11Z")
    assert first["headline"] == second["headline"] == "Said twice"
    ids = [row["id"] for row in rows]
    assert len(set(ids)) == 4
    assert all(i.startswith(f"{archive}#") for i in ids)
    offsets = [int(i.rsplit("#", 1)[1]) for i in ids]
    assert offsets == sorted(offsets)
    assert cut["error"]["type"] == "TruncatedRecordError"
    assert cut["url"] == CUT  # the error row still says which capture it was
    assert "headline" not in cut


def test_a_warc_piped_to_standard_input(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "crawl.warc.gz", use_gzip=True)
    done = subprocess.run(
        [sys.executable, "-m", "articlex", "-", "-f", "jsonl", "-j", "1", "--ordered", "-q"],
        input=archive.read_bytes(),
        capture_output=True,
        check=False,
    )
    rows = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert done.returncode == 1
    assert [row["url"] for row in rows] == [STORY, REPEATED, REPEATED, CUT]
    assert all(row["id"].startswith("-#") for row in rows)
    assert done.stderr == b""  # -q
