"""Rendering results: fixed-width tables, JSON, CSV and the one-page diff."""

import csv
import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks import corpora, metrics, scoring, worker

# Order of WCXB page types in the breakdown (as in WCXB's evaluate.py).
PAGE_TYPE_ORDER = (
    "article", "forum", "product", "collection", "listing", "documentation", "service",
)  # fmt: skip
# How datasets are named in the docs and the chart.
DATASET_TITLES = {corpora.SCRAPINGHUB: "ScrapingHub", corpora.WCXB_DEV: "WCXB-dev"}
# Marker appended to systems whose scores are only a reference floor.
FLOOR_MARK = "*"
# Width of the system and dataset name columns.
NAME_WIDTH = 14
# Width of each page-type column in the breakdown table.
TYPE_WIDTH = 15
# --show: how many distinct words and how many diff runs to list.
SHOW_TOP_WORDS = 25
SHOW_TOP_RUNS = 5
# --show: a diff run longer than this is cut, with its full length given.
RUN_PREVIEW_TOKENS = 30

# (header, summary key, width, format spec) of the main table's metric columns.
COLUMNS: tuple[tuple[str, str, int, str], ...] = (
    ("pages", "pages", 6, "d"),
    ("F1", "f1", 7, ".3f"),
    ("P", "precision", 7, ".3f"),
    ("R", "recall", 7, ".3f"),
    ("pages/s", "pages_per_s", 9, ".1f"),
    ("med ms", "median_ms", 8, ".1f"),
    ("p95 ms", "p95_ms", 8, ".1f"),
    ("peak MB", "peak_mb", 9, ".1f"),
    ("+MB", "delta_mb", 8, ".1f"),
    ("fail", "failures", 5, "d"),
)


def _system_label(summary: dict[str, Any]) -> str:
    return str(summary["system"]) + ("" if summary.get("meaningful", True) else FLOOR_MARK)


def _cell(value: Any, width: int, spec: str) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:>{width}{spec}}"


def format_row(summary: dict[str, Any]) -> str:
    """One line of the main table (a message instead of numbers if not run)."""
    head = f"{_system_label(summary):<{NAME_WIDTH}}{summary['dataset']:<{NAME_WIDTH}}"
    if summary["status"] != "ok":
        return f"{head}{summary['status'].upper()}: {summary.get('error') or ''}"
    cells = (_cell(summary.get(key), width, spec) for _, key, width, spec in COLUMNS)
    return head + "".join(cells)


def format_main_table(summaries: Sequence[dict[str, Any]]) -> str:
    """The side-by-side table, one line per (system, dataset)."""
    header = f"{'system':<{NAME_WIDTH}}{'dataset':<{NAME_WIDTH}}"
    header += "".join(f"{title:>{width}}" for title, _, width, _ in COLUMNS)
    lines = [header, "-" * len(header), *(format_row(s) for s in summaries)]
    if any(not s.get("meaningful", True) for s in summaries):
        lines.append(f"{FLOOR_MARK} parse-only floor: speed reference, scores not meaningful")
    return "\n".join(lines)


def _type_names(summaries: Sequence[dict[str, Any]]) -> list[str]:
    found = {name for s in summaries for name in s.get("per_type", {})}
    ordered = [name for name in PAGE_TYPE_ORDER if name in found]
    return ordered + sorted(found - set(ordered))


def format_type_table(summaries: Sequence[dict[str, Any]]) -> str:
    """WCXB F1 per page type; empty string when there is nothing to show."""
    rows = [s for s in summaries if s["status"] == "ok" and s.get("per_type")]
    if not rows:
        return ""
    names = _type_names(rows)
    counts = rows[0]["per_type"]
    lines = [
        f"{'F1 by page type':<{NAME_WIDTH * 2}}" + "".join(f"{n:>{TYPE_WIDTH}}" for n in names),
        f"{'':<{NAME_WIDTH * 2}}"
        + "".join(f"{'n=' + str(counts.get(n, {}).get('pages', 0)):>{TYPE_WIDTH}}" for n in names),
    ]
    for summary in rows:
        cells = (summary["per_type"].get(n, {}).get("f1") for n in names)
        head = f"{_system_label(summary):<{NAME_WIDTH}}{summary['dataset']:<{NAME_WIDTH}}"
        lines.append(head + "".join(_cell(c, TYPE_WIDTH, ".3f") for c in cells))
    return "\n".join(lines)


def speed_ratio_lines(
    summaries: Sequence[dict[str, Any]],
    system: str = "articlex",
    baseline: str = "trafilatura",
) -> list[str]:
    """ "articlex is N.NNx trafilatura's pages/s" per dataset where both ran."""
    ok = {(s["system"], s["dataset"]): s for s in summaries if s["status"] == "ok"}
    lines = []
    for (name, dataset), summary in ok.items():
        other = ok.get((baseline, dataset))
        if name != system or other is None or not other["pages_per_s"]:
            continue
        ratio = summary["pages_per_s"] / other["pages_per_s"]
        delta_f1 = summary["f1"] - other["f1"]
        lines.append(f"{system} vs {baseline} on {dataset}: {ratio:.2f}x pages/s, F1 {delta_f1:+.3f}")
    return lines


def write_json(path: Path, payload: dict[str, Any]) -> None:
    """Write the full results document."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_page_csv(path: Path, rows: Sequence[scoring.PageRow]) -> None:
    """Per-page rows, one per (system, dataset, page)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    names = [f.name for f in dataclasses.fields(scoring.PageRow)]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=names)
        writer.writeheader()
        writer.writerows(scoring.rounded_row(row) for row in rows)


def dataset_tokenizer(dataset: str) -> Callable[[str | None], list[str]]:
    """The tokenizer the dataset's metric uses (case kept for ScrapingHub)."""
    if dataset == corpora.SCRAPINGHUB:
        return metrics.sh_tokenize
    return metrics.wcxb_tokenize


def _top_words(counts: Counter[str]) -> str:
    words = counts.most_common(SHOW_TOP_WORDS)
    return ", ".join(f"{w}({n})" if n > 1 else w for w, n in words) or "(none)"


def _longest_runs(runs: list[list[str]]) -> list[str]:
    lines = []
    for run in sorted(runs, key=len, reverse=True)[:SHOW_TOP_RUNS]:
        preview = " ".join(run[:RUN_PREVIEW_TOKENS])
        suffix = " ..." if len(run) > RUN_PREVIEW_TOKENS else ""
        lines.append(f"  [{len(run):>5} tokens] {preview}{suffix}")
    return lines or ["  (none)"]


def format_page_diff(system: str, dataset: str, page: corpora.Page, run: worker.PageRun) -> str:
    """Debug view of one prediction against its ground truth."""
    tokenize = dataset_tokenizer(dataset)
    true_tokens, pred_tokens = tokenize(page.truth), tokenize(run.text)
    score = scoring.score_page(dataset, page.truth, run.text)
    missing, extra = metrics.token_diff(true_tokens, pred_tokens)
    missing_runs, extra_runs = metrics.diff_spans(true_tokens, pred_tokens)
    precision = "-" if score.precision is None else f"{score.precision:.3f}"
    recall = "-" if score.recall is None else f"{score.recall:.3f}"
    lines = [
        f"== {system} on {dataset}/{page.page_id} ({page.page_type}) {page.url or ''}",
        f"P {precision}  R {recall}  F1 {score.f1:.3f}  {run.ms:.1f} ms CPU ({run.wall_ms:.1f} ms wall)",
        f"prediction {len(run.text)} chars, {len(pred_tokens)} tokens",
        f"truth      {len(page.truth)} chars, {len(true_tokens)} tokens",
        *([f"error: {run.error}"] if run.error else []),
        f"missing words ({missing.total()} tokens): {_top_words(missing)}",
        f"extra words ({extra.total()} tokens): {_top_words(extra)}",
        "longest missing runs (in truth, not predicted):",
        *_longest_runs(missing_runs),
        "longest extra runs (predicted, not in truth):",
        *_longest_runs(extra_runs),
    ]
    return "\n".join(lines)
