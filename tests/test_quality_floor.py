"""The quality floor: articlex's benchmark scores must not fall below tests/quality_floors.json.

Two levels, both marked ``quality`` (``pytest -m quality`` runs them alone):

* the sample in ``tests/benchmark_sample/`` (24 licensed pages): always runs;
* the full ScrapingHub and WCXB-dev sets from ``$ARTICLEX_BENCH_DATA`` or
  ``<repo>/../shared/benchmarks``: skipped, with the reason, when absent.

Scores come from ``benchmarks/quality.py``, the same metrics as the benchmark
tables. The floors and the rule for raising them live in the floors file.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from benchmarks import corpora, make_sample, metrics, quality

TESTS_DIR = Path(__file__).resolve().parent
FLOORS: dict[str, Any] = json.loads((TESTS_DIR / "quality_floors.json").read_text(encoding="utf-8"))
SAMPLE_DIR = TESTS_DIR / "benchmark_sample"
DATA_ENV = "ARTICLEX_BENCH_DATA"
DEFAULT_DATA_DIR = TESTS_DIR.parents[1] / "shared" / "benchmarks"
# The demand on the confidence score: on WCXB-dev, pages under 0.5 have
# a clearly lower mean F1 than the rest. "Clearly" is pinned as this gap; it
# was 0.42 (0.438 against 0.858) when the score was fit.
CLEARLY_LOWER = 0.2


@pytest.fixture(scope="module")
def full_data_dir() -> Path:
    """The full sets; the test is skipped, saying where it looked, if they are absent."""
    configured = os.environ.get(DATA_ENV)
    candidate = Path(configured) if configured else DEFAULT_DATA_DIR
    missing = [name for name in corpora.DATASETS if not (candidate / name).is_dir()]
    if missing:
        pytest.skip(f"full benchmark sets not found: no {', '.join(missing)} in {candidate} (set ${DATA_ENV})")
    return candidate


@pytest.fixture(scope="module")
def full_scores(full_data_dir: Path) -> Callable[[str], dict[str, Any]]:
    """Each full set's scores, computed once for the tests of this module that need them."""
    return functools.cache(lambda dataset: quality.dataset_scores(full_data_dir, dataset))


def assert_meets_floors(scores: dict[str, Any], data_dir: Path, dataset: str, floors: dict[str, Any]) -> None:
    problems = quality.shortfalls(scores, floors, f"{dataset} ({scores['pages']} pages)")
    context = f"articlex from {quality.articlex_location()}, data {data_dir}"
    assert not problems, f"{context}:\n" + "\n".join(problems)


@pytest.mark.quality
@pytest.mark.parametrize("dataset", corpora.DATASETS)
def test_sample_meets_floor(dataset: str) -> None:
    scores = quality.dataset_scores(SAMPLE_DIR, dataset)
    assert_meets_floors(scores, SAMPLE_DIR, dataset, FLOORS["sample"][dataset])


@pytest.mark.quality
@pytest.mark.parametrize("dataset", corpora.DATASETS)
def test_full_set_meets_floor(dataset: str, full_data_dir: Path, full_scores: Callable[[str], dict[str, Any]]) -> None:
    assert_meets_floors(full_scores(dataset), full_data_dir, dataset, FLOORS["full"][dataset])


@pytest.mark.quality
def test_low_confidence_pages_score_clearly_lower(full_scores: Callable[[str], dict[str, Any]]) -> None:
    split = full_scores(corpora.WCXB_DEV)["confidence"]
    below, rest = split["below"], split["at_or_above"]
    assert below["pages"] and rest["pages"], split
    assert below["mean_f1"] <= rest["mean_f1"] - CLEARLY_LOWER, split


def test_confidence_split_groups_pages_at_the_cut() -> None:
    scores = [metrics.PageScore(None, None, f1) for f1 in (0.2, 0.4, 0.9, 1.0)]
    split = quality.confidence_split([0.1, 0.49, 0.5, 0.8], scores)
    assert split == {
        "cut": 0.5,
        "below": {"pages": 2, "mean_f1": 0.3},
        "at_or_above": {"pages": 2, "mean_f1": 0.95},
    }
    assert quality.confidence_split([0.9], scores[:1])["below"] == {"pages": 0, "mean_f1": None}


def test_every_page_type_of_the_sample_has_pages() -> None:
    pages = corpora.load_dataset(SAMPLE_DIR, corpora.WCXB_DEV)
    assert {page.page_type for page in pages} == set(FLOORS["full"][corpora.WCXB_DEV]["per_type"])
    assert all(page.html_path.is_file() and page.truth for page in pages)


def test_sample_follows_the_selection_rule(full_data_dir: Path) -> None:
    pickers = {corpora.SCRAPINGHUB: make_sample.scrapinghub_ids, corpora.WCXB_DEV: make_sample.wcxb_ids}
    for dataset, pick in pickers.items():
        kept = [page.page_id for page in corpora.load_dataset(SAMPLE_DIR, dataset)]
        assert kept == pick(corpora.load_dataset(full_data_dir, dataset)), dataset


def test_evenly_spaced_takes_the_middle_of_equal_slices() -> None:
    ids = [f"{n:02d}" for n in range(10)]
    assert make_sample.evenly_spaced(ids, 2) == ["02", "07"]
    assert make_sample.evenly_spaced(ids[:3], 5) == ["00", "01", "02"]


def test_shortfalls_name_each_score_under_its_floor() -> None:
    scores = {"f1": 0.79, "per_type": {"article": {"f1": 0.95}, "forum": {"f1": 0.5}}}
    floors = {"f1": 0.8, "per_type": {"article": 0.9, "forum": 0.6, "listing": 0.4}}
    problems = quality.shortfalls(scores, floors, "wcxb")
    assert problems == [
        "wcxb F1 0.7900 < floor 0.800",
        "wcxb forum F1 0.5000 < floor 0.600",
        "wcxb has no listing pages to hold to floor 0.400",
    ]
    assert quality.shortfalls({"f1": 0.8}, {"f1": 0.8}, "sh") == []


def test_floors_are_pinned_on_the_grid_below_the_score() -> None:
    assert quality.floor_for(0.8003) == 0.8
    assert quality.floor_for(0.9528) == 0.95
    assert quality.floor_for(0.545) == 0.545
    assert quality.floor_for(0.145) == 0.145
    assert quality.suggested_floors({"f1": 0.7, "per_type": {"forum": {"f1": 0.7313}}}) == {
        "f1": 0.7,
        "per_type": {"forum": 0.73},
    }
