"""Metadata benchmark: headline, authors and publication date against WCXB-dev's ground truth.

Example::

    python benchmarks/metadata_bench.py --systems articlex,trafilatura,newspaper4k

Each system runs in its own freshly spawned process (pinned to one core, one
system after another) over every page; the values are then normalised and
compared in this process with the rules of ``metadata_norm.py``. Tables go to
stdout as Markdown, progress to stderr, and everything (per page too) to
``benchmarks/results/metadata-<timestamp>.json``; ``--dump-pages FILE`` writes
one CSV row per page and system with truth and prediction, to find the misses.
"""

import argparse
import csv
import datetime as dt
import gzip
import importlib.util
import json
import logging
import multiprocessing
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# ``python benchmarks/metadata_bench.py`` puts benchmarks/ on sys.path, not the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import corpora, worker
from benchmarks.bench import DEFAULT_DATA_DIR, DEFAULT_RESULTS_DIR, TIMESTAMP_FORMAT
from benchmarks.metadata_norm import Prediction, Truth, authors_match, dates_match, has_value, titles_match
from benchmarks.metadata_systems import METADATA_SYSTEMS

DEFAULT_SYSTEMS = "articlex,trafilatura,newspaper4k"
MS_PER_S = 1000.0
PERCENT = 100.0

#: (table title, Truth attribute, Prediction attribute, match function)
FIELDS = (
    ("Headline (`title`)", "title", "title", titles_match),
    ("Authors (`author`)", "author", "authors", authors_match),
    ("Published date (`publish_date`)", "date", "date", dates_match),
)


@dataclass(frozen=True)
class BenchPage:
    """One WCXB page and its metadata truth."""

    page_id: str
    html_path: str
    url: str | None
    page_type: str
    truth: Truth


@dataclass
class SystemRun:
    """What one system returned for every page (``error`` set if it never ran)."""

    system: str
    version: str = ""
    error: str | None = None
    seconds: float = 0.0
    predictions: dict[str, Prediction] = field(default_factory=dict)


def log(message: str) -> None:
    """Progress to stderr; stdout holds only the tables."""
    print(f"[metadata-bench] {message}", file=sys.stderr, flush=True)


def load_pages(data_dir: Path, limit: int | None) -> list[BenchPage]:
    """WCXB-dev pages (via corpora) with title, author and publish_date from their ground truth."""
    root = data_dir / corpora.WCXB_DEV
    pages = []
    for page in corpora.load_dataset(data_dir, corpora.WCXB_DEV, limit):
        record = json.loads((root / "ground-truth" / f"{page.page_id}.json").read_text(encoding="utf-8"))
        truth = record["ground_truth"]
        pages.append(
            BenchPage(
                page.page_id,
                str(page.html_path),
                page.url,
                page.page_type,
                Truth(truth.get("title"), truth.get("author"), truth.get("publish_date")),
            )
        )
    return pages


def run_system(system: str, pages: list[tuple[str, str, str | None]]) -> SystemRun:
    """Worker process: build the adapter and run it on every page; a failing page gets an error."""
    logging.disable(logging.ERROR)
    worker.pin_to_one_core()
    run = SystemRun(system)
    try:
        adapter = METADATA_SYSTEMS[system][1]()
    except Exception as exc:  # noqa: BLE001 - a system that cannot load is reported, not fatal
        run.error = f"cannot load {system}: {type(exc).__name__}: {exc}"
        return run
    run.version = adapter.version
    for page_id, path, url in pages:
        raw = gzip.decompress(Path(path).read_bytes())
        html: Any = raw if adapter.wants_bytes else raw.decode("utf-8", errors="replace")
        start = time.perf_counter()
        try:
            prediction = adapter.extract(html, url)
        except Exception as exc:  # noqa: BLE001 - any failure is a data point
            prediction = Prediction(error=f"{type(exc).__name__}: {exc}")
        run.seconds += time.perf_counter() - start
        run.predictions[page_id] = prediction
    return run


def run_in_fresh_process(system: str, pages: Sequence[BenchPage]) -> SystemRun:
    """One spawned process for one system."""
    inputs = [(p.page_id, p.html_path, p.url) for p in pages]
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            return pool.submit(run_system, system, inputs).result()
    except BrokenProcessPool as exc:
        return SystemRun(system, error=f"worker died: {exc}")


def score_field(
    run: SystemRun, pages: Sequence[BenchPage], truth_attr: str, pred_attr: str, match: Any
) -> dict[str, Any]:
    """Exact matches over pages with a truth value; predictions on pages without one."""
    scored = [p for p in pages if has_value(getattr(p.truth, truth_attr))]
    unscored = [p for p in pages if not has_value(getattr(p.truth, truth_attr))]
    empty = Prediction()
    hits = sum(
        bool(match(getattr(p.truth, truth_attr), getattr(run.predictions.get(p.page_id, empty), pred_attr)))
        for p in scored
    )
    spurious = sum(bool(getattr(run.predictions.get(p.page_id, empty), pred_attr)) for p in unscored)
    return {
        "pages": len(scored),
        "matches": hits,
        "rate": hits / len(scored) if scored else 0.0,
        "pages_without_truth": len(unscored),
        "spurious": spurious,
    }


def format_table(title: str, rows: Sequence[tuple[SystemRun, dict[str, Any]]]) -> str:
    """One Markdown table: one row per system."""
    lines = [
        f"### {title}",
        "",
        "| system | version | exact match | matched / pages | returned where truth has none |",
        "|---|---|---|---|---|",
    ]
    best = max((score["rate"] for run, score in rows if not run.error), default=None)
    for run, score in rows:
        if run.error:
            lines.append(f"| {run.system} | - | error: {run.error} | | |")
            continue
        rate = f"{score['rate']:.3f}"
        lines.append(
            f"| {run.system} | {run.version} | {f'**{rate}**' if score['rate'] == best else rate} "
            f"| {score['matches']} / {score['pages']} "
            f"| {score['spurious']} / {score['pages_without_truth']} |"
        )
    return "\n".join(lines)


def page_rows(runs: Sequence[SystemRun], pages: Sequence[BenchPage]) -> list[dict[str, Any]]:
    """One row per page and system: truth, prediction, and whether each field matched."""
    rows = []
    for run in runs:
        for page in pages:
            pred = run.predictions.get(page.page_id, Prediction())
            rows.append(
                {
                    "system": run.system,
                    "page_id": page.page_id,
                    "page_type": page.page_type,
                    "title_ok": titles_match(page.truth.title, pred.title),
                    "author_ok": authors_match(page.truth.author, pred.authors),
                    "date_ok": dates_match(page.truth.date, pred.date),
                    "truth_title": page.truth.title,
                    "title": pred.title,
                    "truth_author": page.truth.author,
                    "authors": " ; ".join(pred.authors),
                    "truth_date": page.truth.date,
                    "date": pred.date,
                    "error": pred.error,
                    "url": page.url,
                }
            )
    return rows


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="directory holding wcxb-dev/")
    parser.add_argument(
        "--systems", default=DEFAULT_SYSTEMS, help=f"comma-separated, from: {', '.join(METADATA_SYSTEMS)}"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (by id)")
    parser.add_argument(
        "--results", type=Path, metavar="FILE", help="results JSON (default: results/metadata-<stamp>.json)"
    )
    parser.add_argument("--dump-pages", type=Path, metavar="FILE", help="also write one CSV row per page and system")
    return parser.parse_args(argv)  # fmt: skip


def selected_systems(names: str) -> list[str]:
    """Known, installed systems in the given order."""
    selected = []
    for name in filter(None, (n.strip() for n in names.split(","))):
        if name not in METADATA_SYSTEMS:
            raise SystemExit(f"unknown system {name!r}; known: {', '.join(METADATA_SYSTEMS)}")
        if name != "articlex" and importlib.util.find_spec(METADATA_SYSTEMS[name][0]) is None:
            log(f"skipping {name}: module {METADATA_SYSTEMS[name][0]!r} is not installed")
            continue
        selected.append(name)
    return selected


def main(argv: Sequence[str] | None = None) -> None:
    """Run every system, print the three tables, save the results."""
    args = parse_args(argv)
    pages = load_pages(args.data, args.limit)
    started = dt.datetime.now()
    runs = []
    for system in selected_systems(args.systems):
        log(f"{system}: {len(pages)} pages ...")
        run = run_in_fresh_process(system, pages)
        log(f"  {run.error or f'done in {run.seconds:.1f} s'}")
        runs.append(run)
    scores = {
        title: [(run, score_field(run, pages, truth_attr, pred_attr, match)) for run in runs]
        for title, truth_attr, pred_attr, match in FIELDS
    }
    print(f"WCXB-dev, {len(pages)} pages; `python benchmarks/metadata_bench.py {' '.join(sys.argv[1:])}`".rstrip())
    for title, rows in scores.items():
        print()
        print(format_table(title, rows))
    rows = page_rows(runs, pages)
    stamp = started.strftime(TIMESTAMP_FORMAT)
    results_path = args.results or DEFAULT_RESULTS_DIR / f"metadata-{stamp}.json"
    results_path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "started": started.isoformat(timespec="seconds"),
        "argv": sys.argv[1:],
        "systems": {run.system: {"version": run.version, "error": run.error, "seconds": run.seconds} for run in runs},
        "scores": {title: {run.system: score for run, score in rows} for title, rows in scores.items()},
        "pages": rows,
    }
    results_path.write_text(json.dumps(payload, ensure_ascii=False, indent=1, default=asdict), encoding="utf-8")
    log(f"results written to {results_path}")
    if args.dump_pages:
        with args.dump_pages.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else [])
            writer.writeheader()
            writer.writerows(rows)
        log(f"per-page rows written to {args.dump_pages}")


if __name__ == "__main__":
    main()
