"""The Dask recipe in docs/spark.md, run as written (synchronous scheduler): its rows are the CLI's."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.spark_support import ROOT, cli_rows, sample_pages, write_warcs

dask = pytest.importorskip("dask", reason="dask is not installed: pip install 'articlex[dask]'")

SPARK_PAGE = ROOT.parent / "docs" / "spark.md"
# The recipe is the first Python block under the "Dask" heading.
RECIPE = re.compile(r"^## Dask\b.*?^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def _recipe() -> str:
    found = RECIPE.search(SPARK_PAGE.read_text(encoding="utf-8"))
    assert found, "docs/spark.md has no Python block under its Dask heading"
    return found.group(1)


def test_the_dask_recipe_gives_the_cli_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warcs = [str(path) for path in write_warcs(tmp_path, sample_pages()[:12], 2, cut_last=True)]
    expected = cli_rows(warcs, tmp_path / "cli.parquet")
    monkeypatch.chdir(tmp_path)
    with dask.config.set(scheduler="synchronous"):
        exec(_recipe(), {"paths": warcs})  # noqa: S102 - the documented recipe is the code under test
    rows: list[dict[str, Any]] = [
        json.loads(line)
        for part in sorted((tmp_path / "articles-dask").glob("*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert len(list((tmp_path / "articles-dask").glob("*.jsonl"))) == 2  # a partition per file
    assert sorted(rows, key=lambda row: str(row["id"])) == expected
    assert [row["error_type"] for row in expected if row["error_type"]] == ["TruncatedRecordError"]
