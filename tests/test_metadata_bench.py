"""The metadata benchmark's normalisation and matching rules (benchmarks/metadata_norm.py)."""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.metadata_bench import BenchPage, SystemRun, score_field
from benchmarks.metadata_norm import (
    Prediction,
    Truth,
    author_names,
    authors_match,
    dates_match,
    normalize_date,
    normalize_text,
    titles_match,
)


def test_text_loses_case_accents_and_punctuation_only() -> None:
    assert normalize_text("Don\u2019t Panic \u2014 A Guide!") == "don t panic a guide"
    assert normalize_text("  Sérgio   Schüler ") == "sergio schuler"
    assert normalize_text("ﬁnal") == "final"  # NFKC ligature
    assert normalize_text(None) == ""


def test_titles_match_exactly_after_normalisation() -> None:
    assert titles_match("Don't Panic: A Guide", "DON\u2019T PANIC \u2013 A GUIDE")
    assert not titles_match("What is Cloud Computing?", "What is Cloud Computing? | Google Cloud")
    assert not titles_match("A title", None)
    assert not titles_match("", "")


def test_author_string_splits_on_commas_ampersands_and_and() -> None:
    names = {"rui ma", "heba ledwon", "manoel cortes mendez", "suparn patra"}
    assert author_names("Rui Ma, Heba Ledwon, Manoel Cortes Mendez & Suparn Patra") == names
    assert author_names("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen") == {
        "danielle desiato",
        "donna enzmann",
        "natalie nguyen",
    }


def test_credentials_and_honorifics_are_not_names() -> None:
    assert author_names("Dylan Bailey, MS, RD, FAND") == {"dylan bailey"}
    assert author_names("Michael Greger, M.D. FACLM") == {"michael greger"}
    assert author_names("Genevieve Carlton, Ph.D.") == {"genevieve carlton"}
    assert author_names("Dr. Vahid Osman") == {"vahid osman"}
    assert author_names("Rebecca Lake, CEPF®") == {"rebecca lake"}


def test_a_surname_that_looks_like_a_degree_is_kept() -> None:
    assert author_names("Rui Ma") == {"rui ma"}
    assert author_names("JOHN SMITH") == {"john smith"}  # written in capitals: no acronym is a credential


def test_authors_compare_as_sets() -> None:
    assert authors_match("Jared Newman and Sam Singleton", ["Sam Singleton", "Jared Newman"])
    assert authors_match("Jared Newman and Sam Singleton", ["Jared Newman; Sam Singleton"])
    assert not authors_match("Jared Newman and Sam Singleton", ["Jared Newman"])
    assert not authors_match("Jared Newman", ["Jared Newman", "Staff"])
    assert not authors_match("Jared Newman", [])
    assert not authors_match(None, [])


def test_roles_are_not_guessed_away() -> None:
    assert not authors_match("Mike Marshall, Shipping Expert", ["Mike Marshall"])


def test_dates_compare_as_calendar_dates_in_the_page_offset() -> None:
    assert normalize_date("2024-05-21T23:30:00-04:00") == "2024-05-21"
    assert normalize_date(datetime(2024, 5, 21, 23, 30, tzinfo=timezone(timedelta(hours=-4)))) == "2024-05-21"
    assert normalize_date(date(2024, 5, 21)) == "2024-05-21"
    assert normalize_date("May 21, 2024") is None
    assert dates_match("2024-05-21", "2024-05-21T09:00:00+02:00")
    assert not dates_match("2024-05-21", "2024-05-22")
    assert not dates_match("2024-05-21", None)


def test_a_month_truth_matches_any_day_of_that_month() -> None:
    assert dates_match("2024-05", "2024-05-21")
    assert not dates_match("2024-05", "2024-06-01")


def _page(page_id: str, author: str | None) -> BenchPage:
    return BenchPage(page_id, "", None, "article", Truth("T", author, None))


def test_rates_count_only_pages_with_truth_and_report_spurious_values_apart() -> None:
    pages = [_page("1", "Ann Lee"), _page("2", "Bo Chan"), _page("3", None), _page("4", "")]
    run = SystemRun(
        "x",
        predictions={
            "1": Prediction(authors=("Ann Lee",)),
            "2": Prediction(authors=("Someone Else",)),
            "3": Prediction(authors=("Staff",)),
        },
    )
    score = score_field(run, pages, "author", "authors", authors_match)
    assert (score["matches"], score["pages"], score["rate"]) == (1, 2, 0.5)
    assert (score["spurious"], score["pages_without_truth"]) == (1, 2)
