"""Copy the small benchmark sample kept in ``tests/benchmark_sample/``.

Example::

    python benchmarks/make_sample.py --data ../shared/benchmarks

The sample lets the quality floor run where the full sets are absent. Pages
are chosen by position only, never by how any extractor does on them: within
each group of ids (sorted), the pages at the middle of ``k`` equal slices.
The groups are ScrapingHub (k = 8) and each WCXB page type (k = 2, articles
k = 4: over half of WCXB-dev is articles). HTML, the WCXB ground-truth files
and the LICENSE files are copied byte for byte; ScrapingHub's
``ground-truth.json`` and WCXB's ``metadata.json`` are cut down to the
sampled ids (entries unchanged), so ``corpora.load_dataset`` reads the sample
like the full sets. The attribution lives in the sample's README.md.
"""

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import corpora, report

REPO_DIR = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = REPO_DIR.parent / "shared" / "benchmarks"
DEFAULT_SAMPLE_DIR = REPO_DIR / "tests" / "benchmark_sample"
# ScrapingHub pages in the sample.
SCRAPINGHUB_PAGES = 8
# WCXB pages per page type; articles are over half of the set, so they get more.
WCXB_PAGES_PER_TYPE = 2
WCXB_PAGES_PER_TYPE_OVERRIDES = {"article": 4}
LICENSE_FILE = "LICENSE"


def evenly_spaced(ids: Sequence[str], count: int) -> list[str]:
    """The ids at the middle of ``count`` equal slices of the sorted ids."""
    ordered = sorted(ids)
    if count >= len(ordered):
        return ordered
    return [ordered[(2 * i + 1) * len(ordered) // (2 * count)] for i in range(count)]


def scrapinghub_ids(pages: Sequence[corpora.Page]) -> list[str]:
    """The sampled ScrapingHub ids."""
    return evenly_spaced([page.page_id for page in pages], SCRAPINGHUB_PAGES)


def wcxb_ids(pages: Sequence[corpora.Page]) -> list[str]:
    """The sampled WCXB ids, every page type represented."""
    chosen: list[str] = []
    for page_type in report.PAGE_TYPE_ORDER:
        of_type = [page.page_id for page in pages if page.page_type == page_type]
        count = WCXB_PAGES_PER_TYPE_OVERRIDES.get(page_type, WCXB_PAGES_PER_TYPE)
        chosen.extend(evenly_spaced(of_type, count))
    return sorted(chosen)


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _copy_pages(source: Path, target: Path, ids: Sequence[str]) -> None:
    for page_id in ids:
        name = f"{page_id}{corpora.HTML_SUFFIX}"
        _copy(source / "html" / name, target / "html" / name)
    _copy(source / LICENSE_FILE, target / LICENSE_FILE)


def copy_scrapinghub(source: Path, target: Path) -> list[str]:
    """Sampled pages, their ground-truth entries and the licence."""
    ids = scrapinghub_ids(corpora.load_scrapinghub(source))
    truth = _read_json(source / "ground-truth.json")
    _write_json(target / "ground-truth.json", {page_id: truth[page_id] for page_id in ids})
    _copy_pages(source, target, ids)
    return ids


def copy_wcxb(source: Path, target: Path) -> list[str]:
    """Sampled pages, their ground-truth files, metadata entries and the licence."""
    ids = wcxb_ids(corpora.load_wcxb(source))
    metadata = _read_json(source / "metadata.json")
    files = metadata.get("files", {})
    _write_json(target / "metadata.json", {**metadata, "files": {page_id: files[page_id] for page_id in ids}})
    for page_id in ids:
        name = f"{page_id}.json"
        _copy(source / "ground-truth" / name, target / "ground-truth" / name)
    _copy_pages(source, target, ids)
    return ids


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: replace the sample with a fresh copy."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="the full sets")
    parser.add_argument("--out", type=Path, default=DEFAULT_SAMPLE_DIR, help="where the sample goes")
    args = parser.parse_args(argv)
    copiers = {corpora.SCRAPINGHUB: copy_scrapinghub, corpora.WCXB_DEV: copy_wcxb}
    for dataset, copy in copiers.items():
        target = args.out / dataset
        shutil.rmtree(target, ignore_errors=True)
        ids = copy(args.data / dataset, target)
        print(f"{dataset}: {len(ids)} pages: {' '.join(ids)}")


if __name__ == "__main__":
    main()
