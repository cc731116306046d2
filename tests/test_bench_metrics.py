"""The benchmark metrics that our quality figures rest on (benchmarks/metrics.py)."""

from __future__ import annotations

import pytest

from benchmarks import metrics


def test_scrapinghub_shingles_are_case_sensitive_four_token_windows() -> None:
    assert len(metrics.shingles("a b c d e")) == 2
    assert metrics.shingle_counts("The cat sat down", "the cat sat down") == (0, 1, 1)


def test_scrapinghub_perfect_page() -> None:
    score = metrics.scrapinghub_page("one two three four five", "one two three four five")
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_scrapinghub_empty_prediction_is_left_out_of_precision() -> None:
    pages = [metrics.scrapinghub_page("a b c d e", ""), metrics.scrapinghub_page("a b c d e", "a b c d e")]
    aggregate = metrics.scrapinghub_aggregate(pages)
    assert aggregate.precision == 1.0
    assert aggregate.recall == 0.5
    assert aggregate.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_wcxb_bag_of_words_is_lower_cased() -> None:
    score = metrics.wcxb_page("Hello world hello", "hello WORLD extra")
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)


@pytest.mark.parametrize(("truth", "pred", "expected"), [("", "", 1.0), ("", "x", 0.0), ("x", "", 0.0)])
def test_wcxb_edge_cases(truth: str, pred: str, expected: float) -> None:
    assert metrics.wcxb_page(truth, pred).f1 == expected
