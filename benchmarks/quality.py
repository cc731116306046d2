"""Quality only: articlex's scores on a dataset folder, computed in-process.

This is what the CI quality floor (``tests/test_quality_floor.py``) runs. It
measures no time or memory, so unlike ``bench.py`` it need not run one system
alone on one core: pages are spread over a small process pool and only the
extracted texts come back. Scores are the same functions ``bench.py`` reports
(``scoring.dataset_quality``), so a floor and a benchmark table agree.

``articlex`` is whatever ``import articlex`` finds (the installed package in CI,
``src/`` when it is on ``PYTHONPATH``); ``articlex_location()`` says which.

Run as a script it prints the scores and the floors they would support, in
the shape of ``tests/quality_floors.json``::

    PYTHONPATH=src python benchmarks/quality.py --data ../shared/benchmarks

Each dataset's scores also say how well ``Article.confidence`` tracks the
real F1: the pages under the documented cut of 0.5 and the rest, with the
mean F1 of each (the table in docs/explain.md).
"""

import argparse
import json
import math
import multiprocessing
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import corpora, scoring

# Two workers: CI machines and this project's dev box have two cores.
DEFAULT_PROCESSES = 2
# Pages handed to a worker at a time: small, because page costs vary a lot
# (a few slow pages must not leave one worker busy while the other idles).
CHUNK_PAGES = 4
# Spawned workers start clean (no state forked from the caller, e.g. pytest).
START_METHOD = "spawn"

# The confidence score's documented cut (docs/explain.md): below it, a user
# should look at the page.
CONFIDENCE_CUT = 0.5

# Floors are pinned on this grid, rounded down from the score they guard.
FLOOR_STEP = 0.005
FLOOR_DECIMALS = 3
# In grid steps: absorbs float error in score / step (0.145 / 0.005 is 28.999...).
GRID_TOLERANCE = 1e-9

PageJob = tuple[str, str, str | None]  # (page id, html.gz path, url)
Extracted = tuple[str, float]  # (the article's text, its confidence)


class ExtractionError(RuntimeError):
    """articlex raised on a benchmark page (a bug: pages are all HTML)."""


def extract_page(job: PageJob) -> Extracted:
    """articlex's ``text`` and ``confidence`` for one page (runs in a worker process)."""
    import articlex

    page_id, html_path, url = job
    html = corpora.read_html_bytes(Path(html_path))
    try:
        article = articlex.extract(html, url=url)
    except Exception as exc:
        raise ExtractionError(f"articlex raised on page {page_id} ({html_path})") from exc
    return article.text, article.confidence


def extract_pages(pages: Sequence[corpora.Page], processes: int = DEFAULT_PROCESSES) -> list[Extracted]:
    """articlex's text and confidence for every page, in page order."""
    jobs = [(page.page_id, str(page.html_path), page.url) for page in pages]
    if processes <= 1:
        return [extract_page(job) for job in jobs]
    context = multiprocessing.get_context(START_METHOD)
    with context.Pool(processes) as pool:
        return pool.map(extract_page, jobs, chunksize=CHUNK_PAGES)


def _group(f1s: Sequence[float]) -> dict[str, Any]:
    mean = round(statistics.fmean(f1s), scoring.SCORE_DECIMALS) if f1s else None
    return {"pages": len(f1s), "mean_f1": mean}


def confidence_split(
    confidences: Sequence[float], scores: Sequence[Any], cut: float = CONFIDENCE_CUT
) -> dict[str, Any]:
    """The pages under ``cut`` and the rest, each with its page count and mean F1 (None for no pages)."""
    pairs = list(zip(confidences, scores, strict=True))
    return {
        "cut": cut,
        "below": _group([score.f1 for confidence, score in pairs if confidence < cut]),
        "at_or_above": _group([score.f1 for confidence, score in pairs if confidence >= cut]),
    }


def dataset_scores(data_dir: Path, dataset: str, processes: int = DEFAULT_PROCESSES) -> dict[str, Any]:
    """articlex's quality summary on one dataset (``f1``, ``precision``, ``recall``, ``per_type``...).

    Its ``confidence`` entry is :func:`confidence_split` of the pages.
    """
    pages = corpora.load_dataset(data_dir, dataset)
    extracted = extract_pages(pages, processes)
    texts = [text for text, _ in extracted]
    scores = scoring.score_texts(dataset, pages, texts)
    summary = scoring.dataset_quality(dataset, pages, texts, scores)
    summary["confidence"] = confidence_split([confidence for _, confidence in extracted], scores)
    return summary


def articlex_location() -> str:
    """Where the articlex being scored was imported from."""
    import articlex

    return str(Path(articlex.__file__).parent)


def shortfalls(scores: dict[str, Any], floors: dict[str, Any], label: str) -> list[str]:
    """One message per score below its floor: ``f1`` and each ``per_type`` F1.

    A page type with a floor but no pages in ``scores`` is a shortfall too (a
    floor must never pass by having nothing to check).
    """
    messages = []
    if scores["f1"] < floors["f1"]:
        messages.append(f"{label} F1 {scores['f1']:.4f} < floor {floors['f1']:.3f}")
    per_type = scores.get("per_type", {})
    for page_type, floor in floors.get("per_type", {}).items():
        found = per_type.get(page_type)
        if found is None:
            messages.append(f"{label} has no {page_type} pages to hold to floor {floor:.3f}")
        elif found["f1"] < floor:
            messages.append(f"{label} {page_type} F1 {found['f1']:.4f} < floor {floor:.3f}")
    return messages


def floor_for(score: float, step: float = FLOOR_STEP) -> float:
    """The highest grid value at or below ``score``."""
    return round(math.floor(score / step + GRID_TOLERANCE) * step, FLOOR_DECIMALS)


def suggested_floors(scores: dict[str, Any]) -> dict[str, Any]:
    """Floors just under ``scores``, in the floors file's shape."""
    floors: dict[str, Any] = {"f1": floor_for(scores["f1"])}
    if scores.get("per_type"):
        floors["per_type"] = {name: floor_for(item["f1"]) for name, item in scores["per_type"].items()}
    return floors


def main(argv: Sequence[str] | None = None) -> None:
    """Print each dataset's scores and suggested floors as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="directory holding scrapinghub/ and wcxb-dev/")
    parser.add_argument("--processes", type=int, default=DEFAULT_PROCESSES)
    args = parser.parse_args(argv)
    print(f"articlex from {articlex_location()}", file=sys.stderr)
    for dataset in corpora.DATASETS:
        scores = dataset_scores(args.data, dataset, args.processes)
        print(json.dumps({dataset: {"scores": scores, "floors": suggested_floors(scores)}}, indent=2))


if __name__ == "__main__":
    main()
