"""Loading the benchmark datasets (ground truth and HTML paths).

Layout expected under the data directory (see benchmarks/README.md):

* ``scrapinghub/html/<id>.html.gz`` and ``scrapinghub/ground-truth.json``
  (id -> {"articleBody", "url"}).
* ``wcxb-dev/html/<id>.html.gz``, ``wcxb-dev/ground-truth/<id>.json``
  (``ground_truth.main_content``, ``with``, ``without``, ``url``) and
  ``wcxb-dev/metadata.json`` (``files[<id>].page_type``).
"""

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCRAPINGHUB = "scrapinghub"
WCXB_DEV = "wcxb-dev"
DATASETS = (SCRAPINGHUB, WCXB_DEV)

HTML_SUFFIX = ".html.gz"
# ScrapingHub pages are all articles; WCXB names its types in metadata.json.
DEFAULT_PAGE_TYPE = "article"
# WCXB's evaluate.py folds the legacy "category" type into "collection".
PAGE_TYPE_ALIASES = {"category": "collection"}


@dataclass(frozen=True)
class Page:
    """One benchmark page: where its HTML is and what should be extracted."""

    page_id: str
    html_path: Path
    url: str | None
    truth: str
    page_type: str = DEFAULT_PAGE_TYPE
    with_snippets: tuple[str, ...] = field(default=())
    without_snippets: tuple[str, ...] = field(default=())


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def read_html_bytes(path: Path) -> bytes:
    """Decompressed HTML bytes of one page."""
    return gzip.decompress(path.read_bytes())


def load_scrapinghub(root: Path) -> list[Page]:
    """All ScrapingHub pages, sorted by id."""
    truth = _read_json(root / "ground-truth.json")
    return [
        Page(
            page_id=page_id,
            html_path=root / "html" / f"{page_id}{HTML_SUFFIX}",
            url=item.get("url"),
            truth=item.get("articleBody") or "",
        )
        for page_id, item in sorted(truth.items())
    ]


def _wcxb_page_type(meta: dict[str, Any], record: dict[str, Any]) -> str:
    """page_type from metadata.json, falling back to the ground-truth file."""
    page_type = meta.get("page_type")
    if not page_type:
        internal = record.get("_internal") or {}
        page_type = internal.get("page_type") if isinstance(internal, dict) else None
        if isinstance(page_type, dict):
            page_type = page_type.get("primary")
    page_type = page_type or DEFAULT_PAGE_TYPE
    return PAGE_TYPE_ALIASES.get(page_type, page_type)


def load_wcxb(root: Path) -> list[Page]:
    """All WCXB pages that have a ground-truth file, sorted by id."""
    files_meta = _read_json(root / "metadata.json").get("files", {})
    pages = []
    for gt_path in sorted((root / "ground-truth").glob("*.json")):
        record = _read_json(gt_path)
        truth = record.get("ground_truth")
        if not isinstance(truth, dict):
            continue
        page_id = gt_path.stem
        pages.append(
            Page(
                page_id=page_id,
                html_path=root / "html" / f"{page_id}{HTML_SUFFIX}",
                url=record.get("url"),
                truth=truth.get("main_content") or "",
                page_type=_wcxb_page_type(files_meta.get(page_id, {}), record),
                with_snippets=tuple(truth.get("with") or ()),
                without_snippets=tuple(truth.get("without") or ()),
            )
        )
    return pages


def load_dataset(data_dir: Path, name: str, limit: int | None = None) -> list[Page]:
    """Pages of one dataset, sorted by id, optionally only the first ``limit``."""
    loaders = {SCRAPINGHUB: load_scrapinghub, WCXB_DEV: load_wcxb}
    pages = loaders[name](data_dir / name)
    return pages[:limit] if limit is not None else pages
