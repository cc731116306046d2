"""The generated part of docs/benchmarks.md, rendered from a results payload.

Everything between ``<!-- bench:begin -->`` and ``<!-- bench:end -->`` is
replaced; the hand-written rest of the file is left alone. The region holds the
chart, one table per dataset, WCXB F1 per page type, speeds relative to
trafilatura, the environment and the command that made it.
"""

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import corpora, report

BEGIN_MARK = "<!-- bench:begin -->"
END_MARK = "<!-- bench:end -->"
DOCS_COMMAND = "python benchmarks/bench.py --docs"
SPEED_BASELINE = "trafilatura"
HIGHLIGHT = "articlex"
NOT_APPLICABLE = "–"
RIGHT = "--:"
LEFT = "---"
CHART_ALT = "F1 against pages per second: one point per system, one panel per dataset"

# (header, summary key, format spec) of each dataset table: the report's columns.
COLUMNS = tuple((title, key, spec) for title, key, _, spec in report.COLUMNS if key != "pages")
# Columns that mean nothing for a parse-only floor (its text is always empty).
QUALITY_KEYS = frozenset({"f1", "precision", "recall"})
BEST_KEY = "f1"
# Distinct error messages quoted per system and dataset with failures.
MAX_ERRORS_SHOWN = 2
# ...each cut to this many characters (some exceptions quote whole pages).
MAX_ERROR_CHARS = 160


class MissingMarkersError(ValueError):
    """The document has no (or a broken) generated region."""


def _table(headers: Sequence[str], aligns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(aligns) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def _name(summary: dict[str, Any]) -> str:
    name = str(summary["system"])
    if not summary.get("meaningful", True):
        return f"{name} (parse only)"
    return f"**{name}**" if name == HIGHLIGHT else name


def _best_f1(rows: Sequence[dict[str, Any]]) -> float | None:
    scored = [row[BEST_KEY] for row in rows if row["status"] == "ok" and row.get("meaningful", True)]
    return max(scored, default=None)


def _metric_cells(summary: dict[str, Any], best: float | None) -> list[str]:
    if summary["status"] != "ok":
        return [f"not run: {summary.get('error') or summary['status']}"] + [""] * (len(COLUMNS) - 1)
    cells = []
    for _, key, spec in COLUMNS:
        value = summary.get(key)
        if value is None or (key in QUALITY_KEYS and not summary.get("meaningful", True)):
            cells.append(NOT_APPLICABLE)
            continue
        text = f"{value:{spec}}"
        cells.append(f"**{text}**" if key == BEST_KEY and value == best else text)
    return cells


def dataset_table(summaries: Sequence[dict[str, Any]], dataset: str) -> str:
    """One row per system on one dataset; the best F1 in bold."""
    rows = [s for s in summaries if s["dataset"] == dataset]
    best = _best_f1(rows)
    headers = ["system", "version", *(title for title, _, _ in COLUMNS)]
    aligns = [LEFT, LEFT, *(RIGHT for _ in COLUMNS)]
    body = [[_name(s), str(s.get("version") or ""), *_metric_cells(s, best)] for s in rows]
    return _table(headers, aligns, body)


def type_table(summaries: Sequence[dict[str, Any]]) -> str:
    """WCXB F1 overall and per page type, one row per scored system."""
    rows = [
        s
        for s in summaries
        if s["dataset"] == corpora.WCXB_DEV and s["status"] == "ok" and s.get("meaningful", True) and s.get("per_type")
    ]
    if not rows:
        return ""
    names = [name for name in report.PAGE_TYPE_ORDER if name in rows[0]["per_type"]]
    counts = rows[0]["per_type"]
    headers = ["system", "all", *(f"{name} ({counts[name]['pages']})" for name in names)]
    body = [
        [_name(s), f"{s['f1']:.3f}", *(f"{s['per_type'].get(n, {}).get('f1', 0.0):.3f}" for n in names)] for s in rows
    ]
    return _table(headers, [LEFT, *(RIGHT for _ in headers[1:])], body)


def speed_table(summaries: Sequence[dict[str, Any]], baseline: str = SPEED_BASELINE) -> str:
    """Each system's pages/s as a multiple of the baseline's, per dataset."""
    ok = {(s["system"], s["dataset"]): s for s in summaries if s["status"] == "ok" and s.get("pages_per_s")}
    datasets = [d for d in corpora.DATASETS if (baseline, d) in ok]
    if not datasets:
        return ""
    by_system: dict[str, dict[str, Any]] = {}
    for summary in ok.values():
        by_system.setdefault(summary["system"], summary)
    body = []
    for name, first in by_system.items():
        cells = []
        for dataset in datasets:
            summary = ok.get((name, dataset))
            ratio = summary["pages_per_s"] / ok[(baseline, dataset)]["pages_per_s"] if summary else None
            cells.append(NOT_APPLICABLE if ratio is None else f"{ratio:.2f}x")
        body.append([_name(first), *cells])
    headers = ["system", *(report.DATASET_TITLES.get(d, d) for d in datasets)]
    return _table(headers, [LEFT, *(RIGHT for _ in datasets)], body)


def _short(error: str) -> str:
    flat = " ".join(error.split()).replace("`", "'")
    return flat if len(flat) <= MAX_ERROR_CHARS else flat[: MAX_ERROR_CHARS - 1] + "…"


def failure_lines(summaries: Sequence[dict[str, Any]]) -> list[str]:
    """One line per system and dataset with failed pages: how many, and the distinct errors seen."""
    lines = []
    for summary in summaries:
        if summary["status"] != "ok" or not summary.get("failures"):
            continue
        errors = dict.fromkeys(_short(str(item["error"])) for item in summary.get("failure_examples", []))
        examples = "; ".join(f"`{error}`" for error in list(errors)[:MAX_ERRORS_SHOWN])
        dataset = report.DATASET_TITLES.get(summary["dataset"], summary["dataset"])
        count = summary["failures"]
        lines.append(f"- {summary['system']} on {dataset}: {count} page{'' if count == 1 else 's'}, e.g. {examples}")
    return lines


def _contention_lines(summaries: Sequence[dict[str, Any]]) -> list[str]:
    ratios = [s["wall_over_cpu"] for s in summaries if s["status"] == "ok" and s.get("wall_over_cpu")]
    if not ratios:
        return []
    return [
        f"- Times are CPU time spent in the extract call; wall-clock time was {min(ratios):.2f}x to "
        f"{max(ratios):.2f}x that across the runs (1.00x: the core was the worker's alone)."
    ]


def environment_lines(payload: dict[str, Any]) -> list[str]:
    """Where and when the numbers were measured."""
    env = payload.get("environment", {})
    load = env.get("load_average")
    load_text = " / ".join(f"{value:.2f}" for value in load) if load else "unknown"
    versions = dict.fromkeys(f"{s['system']} {s['version']}" for s in payload["summaries"] if s.get("version"))
    lines = [
        f"- Run started {payload.get('started', '?')}, articlex at commit `{env.get('git_commit') or 'unknown'}`.",
        f"- CPU: {env.get('cpu', '?')}, {env.get('cpu_count', '?')} logical cores; every worker pinned to core "
        f"{env.get('pinned_core', '?')}; load average at the start (1 / 5 / 15 min): {load_text}.",
        f"- Python {env.get('python', '?')} on {env.get('platform', '?')}.",
        *_contention_lines(payload["summaries"]),
        f"- Versions: {', '.join(versions)}.",
    ]
    if payload.get("skipped"):
        lines.append(f"- Not installed, so not run: {', '.join(payload['skipped'])}.")
    return lines


def render_region(payload: dict[str, Any], chart_link: str) -> str:
    """The generated region, markers included."""
    summaries = payload["summaries"]
    parts = [
        BEGIN_MARK,
        f"<!-- Generated by `{DOCS_COMMAND}`: edits here are overwritten. -->",
        f"![{CHART_ALT}]({chart_link})",
    ]
    for dataset in corpora.DATASETS:
        rows = [s for s in summaries if s["dataset"] == dataset]
        if rows:
            pages = next((s["pages"] for s in rows if s.get("pages")), 0)
            parts += [
                f"### {report.DATASET_TITLES.get(dataset, dataset)} ({pages:,} pages)",
                dataset_table(rows, dataset),
            ]
    for title, table in (
        ("### WCXB-dev F1 by page type (pages of each type)", type_table(summaries)),
        (f"### Speed relative to {SPEED_BASELINE} (pages/s ratio, same run)", speed_table(summaries)),
    ):
        if table:
            parts += [title, table]
    failures = failure_lines(summaries)
    if failures:
        parts += ["### Failures (page counted with empty text)", "\n".join(failures)]
    parts += ["### Environment", "\n".join(environment_lines(payload))]
    parts += [f'Regenerate with `{DOCS_COMMAND}` (needs `pip install ".[bench]"`).', END_MARK]
    return "\n\n".join(parts)


def replace_region(document: str, region: str) -> str:
    """``document`` with its generated region replaced by ``region``."""
    start = document.find(BEGIN_MARK)
    end = document.find(END_MARK)
    if start < 0 or end < start:
        raise MissingMarkersError(f"expected {BEGIN_MARK} ... {END_MARK} in the document")
    return document[:start] + region + document[end + len(END_MARK) :]


def update(doc_path: Path, payload: dict[str, Any], chart_path: Path) -> None:
    """Rewrite the generated region of ``doc_path`` in place."""
    chart_link = Path(os.path.relpath(chart_path, doc_path.parent)).as_posix()
    document = doc_path.read_text(encoding="utf-8")
    doc_path.write_text(replace_region(document, render_region(payload, chart_link)), encoding="utf-8")
