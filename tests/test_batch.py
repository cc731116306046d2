"""extract_many: one result per input, in order or as done, across worker processes that die, hang and retire."""

from __future__ import annotations

import itertools
import os
import pickle
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import articlex
from articlex.batch import Progress, extract_many
from articlex.results import Failure, Page, Result

sys.path.insert(0, str(Path(__file__).parent))

import batch_helpers as helpers  # after the path fix above: workers import it by name too


def _ids(results: list[Result]) -> list[str]:
    return [r.id for r in results]


def test_one_result_per_input_in_input_order(tmp_path: Path) -> None:
    good = helpers.write_pages(tmp_path, 3)
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.7 not a page")
    passed = Result("from-enumeration", error=Failure("PermissionError", "cannot list"))
    page = Page("in-memory", helpers.page_html("In memory"), url="https://example.org/m", fetched="2024-01-02")
    inputs: list[articlex.batch.Input] = [
        good[0],
        str(tmp_path / "missing.html"),
        str(pdf),
        passed,
        page,
        Path(good[1]),
        good[2],
    ]
    results = list(extract_many(inputs, jobs=2))
    assert _ids(results) == [
        good[0],
        str(tmp_path / "missing.html"),
        str(pdf),
        "from-enumeration",
        "in-memory",
        *good[1:],
    ]
    assert [r.ok for r in results] == [True, False, False, False, True, True, True]
    assert results[1].error is not None and results[1].error.type == "FileNotFoundError"
    assert results[2].error is not None and results[2].error.type == "NotHTMLError"
    assert results[3] is passed
    assert results[4].article is not None and results[4].article.headline == "In memory"
    assert (results[4].url, results[4].fetched) == ("https://example.org/m", "2024-01-02")
    assert results[5].article is not None and results[5].article.headline == "Page 1"


def test_in_process_gives_the_same_results(tmp_path: Path) -> None:
    paths = [*helpers.write_pages(tmp_path, 3), str(tmp_path / "missing.html")]
    in_process = list(extract_many(paths, jobs=0))
    in_workers = list(extract_many(paths, jobs=1))
    assert in_process == in_workers
    assert [r.ok for r in in_process] == [True, True, True, False]


def test_two_workers_share_the_pages(tmp_path: Path) -> None:
    paths = helpers.write_pages(tmp_path, 30)
    results = list(extract_many(paths, jobs=2, extractor=helpers.pid_article))
    pids = {r.article.headline for r in results if r.article is not None}
    assert len(results) == 30
    assert len(pids) == 2
    assert str(os.getpid()) not in pids


def test_ordered_waits_for_a_slow_page_and_unordered_does_not(tmp_path: Path) -> None:
    paths = helpers.write_pages(tmp_path, 4, {0: helpers.SLOW_MARKER})
    ordered = list(extract_many(paths, jobs=2, extractor=helpers.slow_on_marker))
    assert _ids(ordered) == paths
    unordered = list(extract_many(paths, jobs=2, ordered=False, extractor=helpers.slow_on_marker))
    assert sorted(_ids(unordered)) == paths
    assert unordered[-1].id == paths[0]  # the slow page, started first, finished last


def test_workers_are_recycled_after_their_share(tmp_path: Path) -> None:
    paths = helpers.write_pages(tmp_path, 7)
    reports: list[Progress] = []
    results = list(
        extract_many(paths, jobs=1, recycle_after=3, extractor=helpers.pid_article, on_progress=reports.append)
    )
    pids = [r.article.headline for r in results if r.article is not None]
    assert pids[0] == pids[1] == pids[2] != pids[3]
    assert pids[3] == pids[4] == pids[5] != pids[6]
    assert len(set(pids)) == 3
    assert reports[-1].recycled == 2


def test_a_hanging_page_is_killed_at_the_timeout_and_the_batch_goes_on(tmp_path: Path) -> None:
    paths = helpers.write_pages(tmp_path, 3, {1: helpers.HANG_MARKER})
    reports: list[Progress] = []
    results = list(
        extract_many(paths, jobs=1, timeout=1.0, extractor=helpers.hang_on_marker, on_progress=reports.append)
    )
    assert _ids(results) == paths
    assert [r.ok for r in results] == [True, False, True]
    error = results[1].error
    assert error is not None and error.type == "ExtractionTimeoutError"
    assert paths[1] in error.message
    assert reports[-1].timed_out == 1
    assert reports[-1].finished and reports[-1].failed == 1


def test_fork_starts_workers_as_copies_of_the_caller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = helpers.write_pages(tmp_path, 2)
    monkeypatch.setattr(helpers, "MARK", "set in the parent")
    forked = list(extract_many(paths, jobs=1, extractor=helpers.mark_article, fork=True))
    spawned = list(extract_many(paths, jobs=1, extractor=helpers.mark_article))
    assert [r.article.headline for r in forked if r.article] == ["set in the parent"] * 2
    assert [r.article.headline for r in spawned if r.article] == ["as imported"] * 2


def test_fork_spawns_all_the_same_while_another_thread_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = helpers.write_pages(tmp_path, 2)
    monkeypatch.setattr(helpers, "MARK", "set in the parent")
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        results = list(extract_many(paths, jobs=1, extractor=helpers.mark_article, fork=True))
    finally:
        release.set()
        other.join()
    assert [r.article.headline for r in results if r.article] == ["as imported"] * 2


def test_forked_workers_are_killed_at_the_timeout_and_replaced_when_they_die(tmp_path: Path) -> None:
    hang = helpers.write_pages(tmp_path / "hang", 3, {1: helpers.HANG_MARKER})
    results = list(extract_many(hang, jobs=1, timeout=1.0, extractor=helpers.hang_on_marker, fork=True))
    assert [r.error.type if r.error else None for r in results] == [None, "ExtractionTimeoutError", None]
    crash = helpers.write_pages(tmp_path / "crash", 3, {1: helpers.CRASH_MARKER})
    results = list(extract_many(crash, jobs=1, extractor=helpers.crash_on_marker, fork=True))
    assert [r.error.type if r.error else None for r in results] == [None, "WorkerCrashedError", None]


def test_a_worker_that_dies_fails_only_its_page(tmp_path: Path) -> None:
    paths = helpers.write_pages(tmp_path, 4, {2: helpers.CRASH_MARKER})
    results = list(extract_many(paths, jobs=2, extractor=helpers.crash_on_marker))
    assert _ids(results) == paths
    assert [r.ok for r in results] == [True, True, False, True]
    error = results[2].error
    assert error is not None and error.type == "WorkerCrashedError"
    assert "-9" in error.message  # SIGKILL


def test_an_unpicklable_article_becomes_that_page_s_error(tmp_path: Path) -> None:
    paths = helpers.write_pages(tmp_path, 2)
    results = list(extract_many(paths, jobs=1, extractor=helpers.unpicklable_article))
    assert [r.ok for r in results] == [False, False]
    for result in results:
        assert result.error is not None and "pickle" in result.error.message


def test_inputs_are_pulled_lazily_within_a_window(tmp_path: Path) -> None:
    page = helpers.write_pages(tmp_path, 1)[0]
    pulled = itertools.count()

    def endless() -> Iterator[str]:
        while True:
            next(pulled)
            yield page

    results = extract_many(endless(), jobs=1, fetch_jobs=1)
    first = list(itertools.islice(results, 10))
    results.close()  # type: ignore[attr-defined]  # a generator: closing stops the workers
    assert len(first) == 10
    assert all(r.ok for r in first)
    # Ten handed back, and no more than the window (4 per worker + 1 download) ahead of them.
    assert next(pulled) <= 10 + 5


def test_urls_are_fetched_and_their_failures_are_rows() -> None:
    pages = {
        "/story": (200, "text/html; charset=utf-8", helpers.page_html("Fetched story")),
        "/data.json": (200, "application/json", b"{}"),
    }
    with helpers.serving(pages) as base:
        asked = [f"{base}/story", f"{base}/gone", f"{base}/data.json"]
        results = list(extract_many(asked, jobs=1, allow_private=True, fetch_jobs=2))
        refused = list(extract_many([f"{base}/story"], jobs=0))
    assert _ids(results) == asked
    story = results[0]
    assert story.article is not None and story.article.headline == "Fetched story"
    assert story.url == f"{base}/story" and story.fetched is not None
    assert [r.error.type if r.error else None for r in results] == [None, "HTTPStatusError", "UnsupportedContentError"]
    assert refused[0].error is not None and refused[0].error.type == "ForbiddenAddressError"  # loopback, by default


def test_progress_reports_count_every_result(tmp_path: Path) -> None:
    paths = [*helpers.write_pages(tmp_path, 3), str(tmp_path / "missing.html")]
    reports: list[Progress] = []
    list(extract_many(paths, jobs=1, on_progress=reports.append))
    final = reports[-1]
    assert final.finished
    assert (final.done, final.ok, final.failed, final.in_flight) == (4, 3, 1, 0)
    assert [r.done for r in reports if not r.finished] == sorted(r.done for r in reports if not r.finished)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"jobs": -1}, "jobs"),
        ({"timeout": 0}, "timeout"),
        ({"jobs": 0, "timeout": 5.0}, "worker processes"),
        ({"recycle_after": 0}, "recycle_after"),
    ],
)
def test_impossible_arguments_are_refused_at_once(arguments: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        extract_many([], **arguments)  # type: ignore[arg-type]


def test_an_input_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="int"):
        list(extract_many([42], jobs=0))  # type: ignore[list-item]


def test_new_errors_pickle_with_their_attributes() -> None:
    error = articlex.WorkerCrashedError(-11, "a.html")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes, the round trip is the point
    assert (copy.exitcode, copy.source, str(copy)) == (-11, "a.html", str(error))


def test_workers_that_cannot_start_stop_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An extractor the parent can import and the workers cannot: its module is gone once they start.
    module = tmp_path / "vanishing_extractor.py"
    module.write_text(
        "from articlex import extract\n\n\ndef vanishing(*args, **kwargs):\n    return extract(*args, **kwargs)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import vanishing_extractor

    module.unlink()
    paths = helpers.write_pages(tmp_path / "pages", 2)
    with pytest.raises(articlex.WorkerStartError, match="before they were ready"):
        list(extract_many(paths, jobs=1, extractor=vanishing_extractor.vanishing))
