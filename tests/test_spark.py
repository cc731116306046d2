"""articlex on Spark in local mode (``local[2]``): the rows equal the CLI's Parquet rows on the same WARC files.

Needs pyspark (``pip install "articlex[spark]"``) and Java 17; ``.ci/run``
installs both. One Spark session serves the whole module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from articlex.schema import COLUMN_NAMES, arrow_schema
from tests.spark_support import (
    ROOT,
    WarcBuilder,
    cli_rows,
    hang_page,
    hanging_extract,
    main_module_article,
    read_parquet_rows,
    sample_pages,
    write_warcs,
)

pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'articlex[spark]'")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip(
        "Java is not installed: Spark needs it (apt-get install openjdk-17-jre-headless)", allow_module_level=True
    )

from articlex.spark import Tally, extract_html, extract_slices, extract_warcs, spark_schema
from articlex.spark.partition import split_file
from articlex.spark.progress import snapshot

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

REPOSITORY = ROOT.parent
# Spark's Python workers and the job's subprocess import articlex (and the
# tests' helper module, for the hanging extractor) from this checkout.
IMPORT_PATH = os.pathsep.join([str(REPOSITORY / "src"), str(REPOSITORY)])
LOOPBACK = "127.0.0.1"


def _worker_environment() -> dict[str, str]:
    """The environment Spark's JVM and Python workers need: this interpreter, this checkout, loopback only."""
    path = os.environ.get("PYTHONPATH")
    return {
        "PYSPARK_PYTHON": sys.executable,
        "SPARK_LOCAL_IP": LOOPBACK,
        "PYTHONPATH": f"{IMPORT_PATH}{os.pathsep}{path}" if path else IMPORT_PATH,
    }


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    from pyspark.sql import SparkSession

    with pytest.MonkeyPatch.context() as patch:
        for key, value in _worker_environment().items():
            patch.setenv(key, value)
        session = (
            SparkSession.builder.master("local[2]")
            .appName("articlex-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.host", LOOPBACK)
            .config("spark.driver.bindAddress", LOOPBACK)
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.driver.memory", "1g")
            .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")  # as the job does in local mode
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        yield session
        session.stop()


@pytest.fixture(scope="module")
def warcs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Three gzipped WARCs of the repository's pages; the last is cut short inside its final record."""
    directory = tmp_path_factory.mktemp("warcs")
    return [str(path) for path in write_warcs(directory, sample_pages()[:30], 3, cut_last=True)]


@pytest.fixture(scope="module")
def expected(warcs: list[str], tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """What ``articlex WARCS -f parquet`` writes: the rows Spark must reproduce."""
    rows = cli_rows(warcs, tmp_path_factory.mktemp("cli") / "articles.parquet")
    assert len(rows) == 31  # the 30 pages and the cut record
    return rows


def _written(frame: Any, path: Path) -> list[dict[str, Any]]:
    frame.write.parquet(str(path))
    return read_parquet_rows(path)


@pytest.mark.parametrize("bytes_per_task", [None, 4_000])
def test_spark_rows_equal_the_cli_rows(
    spark: SparkSession,
    warcs: list[str],
    expected: list[dict[str, Any]],
    tmp_path: Path,
    bytes_per_task: int | None,
) -> None:
    paths = spark.createDataFrame([(path,) for path in warcs], ["path"])
    tally = Tally.create(spark.sparkContext)
    frame = extract_warcs(paths, bytes_per_task=bytes_per_task, tally=tally)
    if bytes_per_task:  # a task per 4,000 bytes of each gzipped file
        ranges = sum(len(list(split_file(path, bytes_per_task))) for path in warcs)
        assert frame.rdd.getNumPartitions() == ranges > len(warcs)
    rows = _written(frame, tmp_path / "spark.parquet")
    assert rows == expected
    assert (tally.pages.value, tally.errors.value) == (31, 1)


def test_slices_listed_on_the_driver_are_one_task_each(
    spark: SparkSession, warcs: list[str], expected: list[dict[str, Any]], tmp_path: Path
) -> None:
    slices = [piece for path in warcs for piece in split_file(path, 4_000)]
    frame = extract_slices(spark, slices)
    assert frame.rdd.getNumPartitions() == len(slices) > len(warcs)
    assert _written(frame, tmp_path / "slices.parquet") == expected


def test_no_slices_are_no_rows(spark: SparkSession) -> None:
    frame = extract_slices(spark, [])
    assert frame.schema == spark_schema()
    assert frame.count() == 0


def test_the_broken_record_and_a_missing_file_are_error_rows(spark: SparkSession, warcs: list[str]) -> None:
    missing = str(Path(warcs[0]).with_name("missing.warc.gz"))
    paths = spark.createDataFrame([(warcs[-1],), (missing,)], ["path"])
    errors = extract_warcs(paths).where("error_type IS NOT NULL").orderBy("id").collect()
    assert [(row.id, row.error_type) for row in errors] == [
        (errors[0].id, "TruncatedRecordError"),
        (missing, "FileNotFoundError"),
    ]
    assert errors[0].id.startswith(f"{warcs[-1]}#")
    assert errors[0].url == "https://cut.example/"
    assert errors[0].headline is None


def test_the_spark_schema_is_articlex_schema(spark: SparkSession, warcs: list[str], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    assert tuple(spark_schema().fieldNames()) == COLUMN_NAMES
    paths = spark.createDataFrame([(warcs[0],)], ["path"])
    extract_warcs(paths).write.parquet(str(tmp_path / "out.parquet"))
    written = pq.read_schema(next((tmp_path / "out.parquet").glob("*.parquet")))
    assert [(field.name, str(field.type).replace("element", "item")) for field in written] == [
        (field.name, str(field.type)) for field in arrow_schema()
    ]


def test_a_record_past_the_timeout_is_an_error_row(spark: SparkSession, tmp_path: Path) -> None:
    pages = [sample_pages()[0], hang_page(), sample_pages()[1]]
    path = str(WarcBuilder().pages(pages).write(tmp_path / "hang.warc.gz"))
    frame = spark.createDataFrame([(path,)], ["path"])
    rows = extract_warcs(frame, timeout=2.0, extractor=hanging_extract).orderBy("id").collect()
    by_url = {row.url: row for row in rows}
    assert by_url[hang_page().url].error_type == "ExtractionTimeoutError"
    assert by_url[pages[0].url].error_type is None
    assert by_url[pages[0].url].headline
    assert by_url[pages[2].url].error_type is None


def test_a_task_s_timeout_worker_is_a_fork_of_the_python_worker(spark: SparkSession) -> None:
    # A spawned worker would start a fresh interpreter per task that imports
    # pyspark again from its zip; a fork has the Python worker's modules.
    frame = spark.createDataFrame([("<p>a</p>",), ("<p>b</p>",)], ["html"]).repartition(2)
    rows = extract_html(frame, timeout=30.0, extractor=main_module_article).collect()
    assert [row.error_type for row in rows] == [None, None]
    assert {row.headline for row in rows} == {"__main__"}


def test_extract_html_takes_ids_urls_and_positions(spark: SparkSession) -> None:
    page = sample_pages()[0]
    frame = spark.createDataFrame(
        [("k1", page.data.decode("utf-8"), page.url), ("k2", None, "https://none.example/")], ["key", "html", "link"]
    )
    keyed = {row.id: row for row in extract_html(frame, url="link", id_column="key").collect()}
    assert set(keyed) == {"k1", "k2"}
    assert keyed["k1"].url == page.url
    assert keyed["k1"].headline
    assert keyed["k2"].error_type == "EmptyInputError"
    by_url = {row.id for row in extract_html(frame, url="link").collect()}
    assert by_url == {page.url, "https://none.example/"}
    by_position = {row.id: row.error_type for row in extract_html(frame).collect()}
    assert by_position == {"0": None, "1": "EmptyInputError"}


def test_binary_html_is_decoded(spark: SparkSession) -> None:
    page = sample_pages()[0]
    frame = spark.createDataFrame([(bytearray(page.data),)], ["html"])
    (row,) = extract_html(frame).collect()
    assert row.error_type is None
    assert row.headline


def test_the_status_tracker_sees_every_task_of_the_group(spark: SparkSession, warcs: list[str]) -> None:
    context = spark.sparkContext
    context.setJobGroup("articlex-progress-test", "progress")
    try:
        tally = Tally.create(context)
        paths = spark.createDataFrame([(path,) for path in warcs], ["path"])
        extract_warcs(paths, tally=tally).count()
        seen = snapshot(context, "articlex-progress-test", tally, 2.0)
    finally:
        context.setJobGroup("", "")
    assert seen.tasks > 0
    assert seen.done == seen.tasks
    assert (seen.records, seen.errors) == (31, 1)
    assert "31 records (1 errors)" in seen.line()


def test_the_job_writes_what_the_cli_writes(warcs: list[str], expected: list[dict[str, Any]], tmp_path: Path) -> None:
    output = tmp_path / "job.parquet"
    pattern = str(Path(warcs[0]).parent / "*.warc.gz")
    command = [sys.executable, "-m", "articlex.spark", "--warc", pattern, "--output", str(output)]
    command += ["--master", "local[2]", "--split-size", "3K", "--conf", "spark.ui.enabled=false"]
    env = {**os.environ, **_worker_environment()}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert done.returncode == 1, done.stderr  # the cut record failed, as with the CLI
    assert "31 records (1 errors)" in done.stderr
    assert read_parquet_rows(output) == expected


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (["--warc", "{tmp}/*.warc.gz"], "no WARC files"),
        (["--warc", "{tmp}/a.warc.gz", "--timeout", "-1"], "takes 0 or more"),
        (["--warc", "{tmp}/a.warc.gz", "--split-size", "8T"], "not a size"),
        (["--warc", "{tmp}/a.warc.gz", "--conf", "spark.x"], "KEY=VALUE"),
        (["--warc-list", "{tmp}/missing.txt"], "no such file"),
    ],
)
def test_the_job_refuses_bad_arguments(tmp_path: Path, arguments: list[str], says: str) -> None:
    command = [sys.executable, "-m", "articlex.spark", "-o", str(tmp_path / "out")]
    command += [argument.format(tmp=tmp_path) for argument in arguments]
    env = {**os.environ, **_worker_environment()}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 2
    assert says in done.stderr


def test_the_job_will_not_overwrite_unless_told(warcs: list[str], tmp_path: Path) -> None:
    output = tmp_path / "taken.parquet"
    output.mkdir()
    command = [sys.executable, "-m", "articlex.spark", "--warc", warcs[0], "--output", str(output)]
    command += ["--master", "local[1]", "--conf", "spark.ui.enabled=false"]
    env = {**os.environ, **_worker_environment()}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert done.returncode == 2, done.stderr
    assert "already exists" in done.stderr
    assert not list(output.iterdir())
