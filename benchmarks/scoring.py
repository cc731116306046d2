"""Turning a worker's raw output into per-page rows and a summary dict."""

import dataclasses
import math
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks import corpora, metrics, worker

# Percentile reported next to the median for per-page latency.
TAIL_PERCENTILE = 0.95
# How many failing pages to list (id and exception) in the summary.
MAX_FAILURE_EXAMPLES = 5
# Rounding of floats written to the JSON/CSV outputs.
SCORE_DECIMALS = 4
TIME_DECIMALS = 3


@dataclass(frozen=True)
class PageRow:
    """One system's result on one page (a CSV row)."""

    system: str
    dataset: str
    page_id: str
    page_type: str
    precision: float | None
    recall: float | None
    f1: float
    ms: float  # CPU time of the extract call
    wall_ms: float
    pred_chars: int
    truth_chars: int
    error: str | None
    url: str | None


def score_page(dataset: str, truth: str, prediction: str) -> metrics.PageScore:
    """The dataset's own per-page metric."""
    if dataset == corpora.SCRAPINGHUB:
        return metrics.scrapinghub_page(truth, prediction)
    return metrics.wcxb_page(truth, prediction)


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (0.0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(1, math.ceil(fraction * len(ordered))) - 1]


def timing_summary(milliseconds: Sequence[float]) -> dict[str, float]:
    """Throughput and latency of the timed extract calls."""
    total_s = sum(milliseconds) / worker.MS_PER_S
    return {
        "total_s": round(total_s, TIME_DECIMALS),
        "pages_per_s": round(len(milliseconds) / total_s, TIME_DECIMALS) if total_s else 0.0,
        "median_ms": round(statistics.median(milliseconds), TIME_DECIMALS) if milliseconds else 0.0,
        "p95_ms": round(percentile(milliseconds, TAIL_PERCENTILE), TIME_DECIMALS),
        "max_ms": round(max(milliseconds, default=0.0), TIME_DECIMALS),
    }


def wall_timing(wall_milliseconds: Sequence[float], cpu_total_s: float) -> dict[str, float]:
    """Wall-clock throughput, and wall time over CPU time (1.0: the core was ours alone)."""
    wall_total_s = sum(wall_milliseconds) / worker.MS_PER_S
    return {
        "wall_total_s": round(wall_total_s, TIME_DECIMALS),
        "wall_pages_per_s": round(len(wall_milliseconds) / wall_total_s, TIME_DECIMALS) if wall_total_s else 0.0,
        "wall_over_cpu": round(wall_total_s / cpu_total_s, TIME_DECIMALS) if cpu_total_s else 0.0,
    }


def _rounded(aggregate: metrics.Aggregate) -> dict[str, float]:
    return {
        "pages": aggregate.pages,
        "f1": round(aggregate.f1, SCORE_DECIMALS),
        "precision": round(aggregate.precision, SCORE_DECIMALS),
        "recall": round(aggregate.recall, SCORE_DECIMALS),
    }


def _mean(values: Sequence[float]) -> float:
    return round(statistics.fmean(values), SCORE_DECIMALS) if values else 0.0


def scrapinghub_quality(
    pages: Sequence[corpora.Page],
    texts: Sequence[str],
    scores: Sequence[metrics.PageScore],
) -> dict[str, Any]:
    """ScrapingHub aggregate plus upstream's exact-match accuracy."""
    exact = [float(metrics.sh_exact_match(p.truth, t)) for p, t in zip(pages, texts, strict=True)]
    return {**_rounded(metrics.scrapinghub_aggregate(scores)), "accuracy": _mean(exact)}


def wcxb_quality(
    pages: Sequence[corpora.Page],
    texts: Sequence[str],
    scores: Sequence[metrics.PageScore],
) -> dict[str, Any]:
    """WCXB macro averages, snippet rates and the per-page-type breakdown."""
    by_type: dict[str, list[metrics.PageScore]] = defaultdict(list)
    for page, score in zip(pages, scores, strict=True):
        by_type[page.page_type].append(score)
    pairs = list(zip(pages, texts, strict=True))
    return {
        **_rounded(metrics.wcxb_aggregate(scores)),
        "with_rate": _mean([metrics.snippet_rate(t, p.with_snippets) for p, t in pairs]),
        "without_rate": _mean([metrics.snippet_rate(t, p.without_snippets) for p, t in pairs]),
        "per_type": {name: _rounded(metrics.wcxb_aggregate(group)) for name, group in sorted(by_type.items())},
    }


def score_texts(dataset: str, pages: Sequence[corpora.Page], texts: Sequence[str]) -> list[metrics.PageScore]:
    """Per-page scores of one system's texts (same order as ``pages``)."""
    return [score_page(dataset, page.truth, text) for page, text in zip(pages, texts, strict=True)]


def dataset_quality(
    dataset: str,
    pages: Sequence[corpora.Page],
    texts: Sequence[str],
    scores: Sequence[metrics.PageScore],
) -> dict[str, Any]:
    """The quality part of a summary, with the dataset's own aggregation."""
    quality = scrapinghub_quality if dataset == corpora.SCRAPINGHUB else wcxb_quality
    return quality(pages, texts, scores)


def page_rows(
    result: worker.WorkerResult,
    pages: Sequence[corpora.Page],
    scores: Sequence[metrics.PageScore],
) -> list[PageRow]:
    """One row per page; pages, runs and scores are in the same order."""
    return [
        PageRow(
            system=result.system,
            dataset=result.dataset,
            page_id=page.page_id,
            page_type=page.page_type,
            precision=score.precision,
            recall=score.recall,
            f1=score.f1,
            ms=run.ms,
            wall_ms=run.wall_ms,
            pred_chars=len(run.text),
            truth_chars=len(page.truth),
            error=run.error,
            url=page.url,
        )
        for page, run, score in zip(pages, result.runs, scores, strict=True)
    ]


def summarize(
    result: worker.WorkerResult, pages: Sequence[corpora.Page], meaningful: bool
) -> tuple[dict[str, Any], list[PageRow]]:
    """Summary dict (JSON/table) and per-page rows of one worker run."""
    summary: dict[str, Any] = {
        "system": result.system,
        "dataset": result.dataset,
        "status": "error" if result.error else "ok",
        "error": result.error,
        "version": result.version,
        "meaningful": meaningful,
        "pinned_core": result.pinned_core,
    }
    if result.error:
        return summary, []
    texts = [run.text for run in result.runs]
    scores = score_texts(result.dataset, pages, texts)
    rows = page_rows(result, pages, scores)
    failed = [run for run in result.runs if run.error]
    summary.update(dataset_quality(result.dataset, pages, texts, scores))
    summary.update(timing_summary([run.ms for run in result.runs]))
    summary.update(wall_timing([run.wall_ms for run in result.runs], summary["total_s"]))
    summary.update(
        baseline_mb=round(result.baseline_mb, TIME_DECIMALS),
        peak_mb=round(result.peak_mb, TIME_DECIMALS),
        ru_maxrss_mb=round(result.ru_maxrss_mb, TIME_DECIMALS),
        delta_mb=round(result.peak_mb - result.baseline_mb, TIME_DECIMALS),
        failures=len(failed),
        failure_examples=[{"id": r.page_id, "error": r.error} for r in failed[:MAX_FAILURE_EXAMPLES]],
    )
    if failed and len(failed) == len(result.runs):
        summary.update(status="error", error=f"all pages failed, e.g. {failed[0].error}")
    return summary, rows


def rounded_row(row: PageRow) -> dict[str, Any]:
    """A page row as a dict with rounded floats (for CSV and JSON)."""
    record = dataclasses.asdict(row)
    for key in ("precision", "recall", "f1"):
        if record[key] is not None:
            record[key] = round(record[key], SCORE_DECIMALS)
    for key in ("ms", "wall_ms"):
        record[key] = round(record[key], TIME_DECIMALS)
    return record
