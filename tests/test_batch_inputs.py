"""expand(): files, directories, URLs, standard input and WARC files become a lazy stream of inputs."""

from __future__ import annotations

import io
import itertools
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from articlex.batch import count, expand, input_id, read_input_list
from articlex.results import Page, Result

PAGE = b"<html><body><p>A page.</p></body></html>"


def _warc(path: Path, urls: list[str], *, use_gzip: bool = True) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=use_gzip)
        for url in urls:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(PAGE), http_headers=http)
            writer.write_record(record)
    return path


def _tree(root: Path) -> None:
    for name in ("b.html", "a.HTM", "notes.txt", "sub/c.html", "sub/deeper/d.xhtml", "z/e.html"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(PAGE)


def test_a_directory_is_walked_in_name_order_for_pages(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = list(expand([str(tmp_path)]))
    relative = [os.path.relpath(str(p), tmp_path) for p in found]
    assert relative == ["a.HTM", "b.html", "sub/c.html", "sub/deeper/d.xhtml", "z/e.html"]
    assert count([str(tmp_path)]) == 5


def test_glob_patterns_replace_the_default(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = list(expand([str(tmp_path)], patterns=["*.TXT", "c.*"]))
    assert [os.path.basename(str(p)) for p in found] == ["notes.txt", "c.html"]


def test_urls_files_and_missing_files_pass_through(tmp_path: Path) -> None:
    named = ["https://example.org/a", "HTTP://example.org/b", str(tmp_path / "missing.html"), "ftp://x/y"]
    assert list(expand(named)) == named  # the worker reports the missing file; ftp is not fetched, it is a path
    assert count(named) == 4


def test_a_warc_file_is_recognised_by_content_whatever_its_name(tmp_path: Path) -> None:
    archive = _warc(tmp_path / "crawl.bin", ["https://example.org/1", "https://example.org/2"])
    plain = _warc(tmp_path / "plain.warc", ["https://example.org/3"], use_gzip=False)
    pages = list(expand([str(archive), str(plain)]))
    assert all(isinstance(p, Page) for p in pages)
    assert [p.url for p in pages if isinstance(p, Page)] == [f"https://example.org/{n}" for n in (1, 2, 3)]
    assert [input_id(p).split("#")[0] for p in pages] == [str(archive)] * 2 + [str(plain)]
    assert count([str(archive)]) is None  # records are known only by reading them


def test_warc_files_in_a_directory_are_expanded(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz", ["https://example.org/1"])
    (tmp_path / "page.html").write_bytes(PAGE)
    found = list(expand([str(tmp_path)]))
    assert isinstance(found[0], Page) and found[0].url == "https://example.org/1"
    assert found[1] == str(tmp_path / "page.html")


def test_standard_input_is_one_page(tmp_path: Path) -> None:
    found = list(expand(["-"], stdin=io.BytesIO(PAGE)))
    assert found == [Page("-", PAGE)]
    assert count(["-"]) is None


def test_standard_input_may_be_a_warc_stream(tmp_path: Path) -> None:
    archive = _warc(tmp_path / "crawl.warc.gz", ["https://example.org/1", "https://example.org/2"])
    found = list(expand(["-"], stdin=io.BytesIO(archive.read_bytes())))
    from_file = list(expand([str(archive)]))
    assert [p.url for p in found if isinstance(p, Page)] == ["https://example.org/1", "https://example.org/2"]
    # The same records at the same offsets, whether read from the file or from a pipe.
    assert [input_id(p).split("#")[1] for p in found] == [input_id(p).split("#")[1] for p in from_file]


def test_standard_input_over_the_limit_is_an_error_row() -> None:
    found = list(expand(["-"], stdin=io.BytesIO(PAGE * 10), max_bytes=len(PAGE)))
    assert len(found) == 1
    assert isinstance(found[0], Result) and found[0].error is not None
    assert found[0].error.type == "InputTooLargeError"


def test_expansion_is_lazy(tmp_path: Path) -> None:
    _tree(tmp_path)
    names = itertools.chain([str(tmp_path / "b.html")], itertools.repeat(str(tmp_path / "missing.html")))
    assert len(list(itertools.islice(expand(names), 3))) == 3  # an endless list of inputs is fine


def test_a_directory_that_cannot_be_listed_is_an_error_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    locked = str(tmp_path / "sub")
    real_scandir = os.scandir

    def scandir(path: str) -> object:  # as for a directory without read permission (root ignores chmod)
        if path == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(expand([str(tmp_path)]))
    errors = [item for item in found if isinstance(item, Result)]
    assert len(errors) == 1 and errors[0].id == locked
    assert errors[0].error is not None and errors[0].error.type == "PermissionError"
    assert len(found) == 4  # the rest of the tree is still there


def test_input_lists_skip_blank_lines_and_trim() -> None:
    assert list(read_input_list(["a.html\n", "\n", "  https://example.org/x  \n", "b c.html"])) == [
        "a.html",
        "https://example.org/x",
        "b c.html",
    ]
