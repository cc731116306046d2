"""The articlex adapters of the side-by-side benchmark (benchmarks/systems.py)."""

from __future__ import annotations

from pathlib import Path

from benchmarks import bench, corpora, systems

SAMPLE = Path(__file__).parent / "benchmark_sample"


def sample_pages() -> list[corpora.Page]:
    return corpora.load_scrapinghub(SAMPLE / "scrapinghub") + corpora.load_wcxb(SAMPLE / "wcxb-dev")


def test_text_call_reads_the_same_body_as_the_whole_article() -> None:
    # The benchmark asks articlex for the body text without related links, as the
    # peers are asked for text; the speed figure is only fair if the body is the one
    # a default call returns.
    text, full = systems.build_adapter("articlex"), systems.build_adapter("articlex-full")
    pages = sample_pages()
    assert pages
    for page in pages:
        html = corpora.read_html_bytes(page.html_path)
        assert text.extract(html, page.url) == full.extract(html, page.url), page.page_id


def test_docs_run_both_articlex_calls_and_only_known_systems() -> None:
    names = bench.DOCS_SYSTEMS.split(",")
    assert {"articlex", "articlex-full"} <= set(names)
    assert set(names) <= set(systems.SYSTEMS)
