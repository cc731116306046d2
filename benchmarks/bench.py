"""Side-by-side benchmark of article-body extractors.

Example::

    python benchmarks/bench.py --data ../shared/benchmarks \\
        --systems articlex,trafilatura,readability,lxml --limit 40

Each (system, dataset) pair runs in a fresh spawned process pinned to one
core, one after another, so timings do not disturb each other (see
``worker.py``). Quality is scored with each dataset's own metric (see
``metrics.py``). Results go to stdout (tables) and to a JSON file under
``benchmarks/results/``; ``--dump-pages`` adds a per-page CSV and
``--show ID`` prints a token diff of one page instead of benchmarking.

``--docs`` runs every installed system on both full datasets and regenerates
the chart and the generated region of ``docs/benchmarks.md``;
``--docs-from FILE`` regenerates both from a saved results JSON.
"""

import argparse
import datetime as dt
import json
import multiprocessing
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

# ``python benchmarks/bench.py`` puts benchmarks/ itself on sys.path, not the
# repository root that holds the ``benchmarks`` package; add the root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import chart, corpora, docs, environment, report, scoring, systems, worker

BENCH_DIR = Path(__file__).resolve().parent
# The shared data sits next to the repository: <repo>/../shared/benchmarks.
DEFAULT_DATA_DIR = BENCH_DIR.parent.parent / "shared" / "benchmarks"
DEFAULT_RESULTS_DIR = BENCH_DIR / "results"
DEFAULT_SYSTEMS = "articlex,trafilatura,readability,lxml"
# --docs: every system (articlex asked for the body text, then for a whole Article),
# peers in rough order of age, the parse-only floor last.
DOCS_SYSTEMS = "articlex,articlex-full,trafilatura,readability,newspaper4k,goose3,resiliparse,lxml"
DOCS_FILE = BENCH_DIR.parent / "docs" / "benchmarks.md"
ALL_DATASETS = "all"
TIMESTAMP_FORMAT = "%Y%m%d-%H%M%S"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="directory holding scrapinghub/ and wcxb-dev/",
    )
    parser.add_argument(
        "--systems",
        default=None,
        help=f"comma-separated, from: {', '.join(systems.SYSTEMS)} (default: {DEFAULT_SYSTEMS})",
    )
    parser.add_argument("--dataset", default=ALL_DATASETS, choices=[*corpora.DATASETS, ALL_DATASETS])
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="only the first N pages (by id) of each dataset",
    )
    parser.add_argument(
        "--dump-pages",
        type=Path,
        metavar="DIR",
        help="also write per-page scores to DIR/pages-<timestamp>.csv",
    )
    parser.add_argument(
        "--results",
        type=Path,
        metavar="FILE",
        help="results JSON path (default: benchmarks/results/<timestamp>.json)",
    )
    parser.add_argument(
        "--show",
        metavar="ID",
        help="debug one page (id or unique id prefix): token diff of each system vs ground truth",
    )
    parser.add_argument(
        "--show-text",
        action="store_true",
        help="with --show, also print the full prediction",
    )
    parser.add_argument(
        "--docs",
        action="store_true",
        help=f"all installed systems, full datasets; then redraw {chart.DEFAULT_CHART.name} and {DOCS_FILE.name}",
    )
    parser.add_argument(
        "--docs-from",
        type=Path,
        metavar="FILE",
        help="redraw the chart and docs from a saved results JSON (no benchmark run)",
    )
    return parser.parse_args(argv)  # fmt: skip


def log(message: str) -> None:
    """Progress messages go to stderr so stdout holds only the report."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def select_systems(names: str) -> tuple[list[systems.SystemSpec], list[str]]:
    """Known systems in the given order, and the optional ones skipped as not installed."""
    selected, skipped = [], []
    for name in filter(None, (n.strip() for n in names.split(","))):
        spec = systems.SYSTEMS.get(name)
        if spec is None:
            raise SystemExit(f"unknown system {name!r}; known: {', '.join(systems.SYSTEMS)}")
        if spec.optional and not systems.is_installed(spec):
            log(f"skipping {name}: module {spec.module!r} is not installed")
            skipped.append(name)
            continue
        selected.append(spec)
    return selected, skipped


def selected_datasets(choice: str) -> list[str]:
    """Dataset names for the --dataset option."""
    return list(corpora.DATASETS) if choice == ALL_DATASETS else [choice]


def run_in_fresh_process(task: worker.WorkerTask) -> worker.WorkerResult:
    """Run one worker task in a newly spawned process and wait for it."""
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            return pool.submit(worker.run_worker, task).result()
    except BrokenProcessPool as exc:
        return worker.WorkerResult(task.system, task.dataset, error=f"worker died: {exc}")


def make_task(system: str, dataset: str, pages: Sequence[corpora.Page]) -> worker.WorkerTask:
    """Worker task for a list of pages."""
    inputs = [worker.PageInput(p.page_id, str(p.html_path), p.url) for p in pages]
    return worker.WorkerTask(system, dataset, inputs)


def benchmark(
    specs: Sequence[systems.SystemSpec], pages_by_dataset: dict[str, list[corpora.Page]]
) -> tuple[list[dict[str, Any]], list[scoring.PageRow]]:
    """Run every system on every dataset, sequentially."""
    summaries: list[dict[str, Any]] = []
    rows: list[scoring.PageRow] = []
    for spec in specs:
        for dataset, pages in pages_by_dataset.items():
            log(f"{spec.name} on {dataset}: {len(pages)} pages ...")
            result = run_in_fresh_process(make_task(spec.name, dataset, pages))
            summary, page_rows = scoring.summarize(result, pages, spec.meaningful)
            log(_progress_line(summary))
            summaries.append(summary)
            rows.extend(page_rows)
    return summaries, rows


def _progress_line(summary: dict[str, Any]) -> str:
    if summary["status"] != "ok":
        return f"  {summary['status']}: {summary['error']}"
    return f"  done: F1 {summary['f1']:.3f}, {summary['pages_per_s']:.1f} pages/s, {summary['failures']} failures"


def print_report(summaries: Sequence[dict[str, Any]]) -> None:
    """The stdout part: main table, page-type table, speed ratios."""
    print(report.format_main_table(summaries))
    type_table = report.format_type_table(summaries)
    if type_table:
        print()
        print(type_table)
    ratios = report.speed_ratio_lines(summaries)
    if ratios:
        print()
        print("\n".join(ratios))


def run_benchmark(args: argparse.Namespace) -> dict[str, Any]:
    """Benchmark mode: run, print, save; returns the results payload."""
    specs, skipped = select_systems(args.systems or DEFAULT_SYSTEMS)
    datasets = selected_datasets(args.dataset)
    pages = {name: corpora.load_dataset(args.data, name, args.limit) for name in datasets}
    started = dt.datetime.now()
    facts = environment.environment()
    summaries, rows = benchmark(specs, pages)
    print_report(summaries)
    stamp = started.strftime(TIMESTAMP_FORMAT)
    results_path = args.results or DEFAULT_RESULTS_DIR / f"{stamp}.json"
    payload = {
        "started": started.isoformat(timespec="seconds"),
        "argv": sys.argv[1:],
        "data": str(args.data),
        "limit": args.limit,
        "environment": facts,
        "skipped": skipped,
        "summaries": summaries,
        "pages": [scoring.rounded_row(row) for row in rows],
    }
    report.write_json(results_path, payload)
    log(f"results written to {results_path}")
    if args.dump_pages:
        csv_path = args.dump_pages / f"pages-{stamp}.csv"
        report.write_page_csv(csv_path, rows)
        log(f"per-page rows written to {csv_path}")
    return payload


def write_docs(payload: dict[str, Any]) -> None:
    """Redraw the chart and the generated region of the docs page."""
    log(f"chart written to {chart.draw(payload['summaries'], chart.DEFAULT_CHART)}")
    docs.update(DOCS_FILE, payload, chart.DEFAULT_CHART)
    log(f"generated region of {DOCS_FILE} rewritten")


def run_docs(args: argparse.Namespace) -> None:
    """--docs: the full comparison, then the chart and the docs page."""
    if args.limit is not None or args.dataset != ALL_DATASETS:
        raise SystemExit("--docs publishes full results: drop --limit and --dataset")
    args.systems = args.systems or DOCS_SYSTEMS
    write_docs(run_benchmark(args))


def find_page(data_dir: Path, datasets: Sequence[str], page_id: str) -> tuple[str, corpora.Page]:
    """Locate a page by id, or by a unique id prefix, in the selected datasets."""
    candidates = [
        (dataset, page)
        for dataset in datasets
        for page in corpora.load_dataset(data_dir, dataset)
        if page.page_id.startswith(page_id)
    ]
    exact = [match for match in candidates if match[1].page_id == page_id]
    if len(exact) == 1 or len(candidates) == 1:
        return (exact or candidates)[0]
    problem = f"matches {len(candidates)} pages" if candidates else "matches no page"
    raise SystemExit(f"--show {page_id!r} {problem} in {', '.join(datasets)}")


def show_page(args: argparse.Namespace) -> None:
    """--show mode: run each system on one page and print the token diff."""
    dataset, page = find_page(args.data, selected_datasets(args.dataset), args.show)
    for spec in select_systems(args.systems or DEFAULT_SYSTEMS)[0]:
        result = run_in_fresh_process(make_task(spec.name, dataset, [page]))
        if result.error:
            print(f"== {spec.name}: {result.error}\n")
            continue
        run = result.runs[0]
        print(report.format_page_diff(spec.name, dataset, page, run))
        if args.show_text:
            print(f"--- prediction ---\n{run.text}\n--- end ---")
        print()


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point."""
    args = parse_args(argv)
    if args.show:
        show_page(args)
    elif args.docs_from:
        write_docs(json.loads(args.docs_from.read_text(encoding="utf-8")))
    elif args.docs:
        run_docs(args)
    else:
        run_benchmark(args)


if __name__ == "__main__":
    main()
