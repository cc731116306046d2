"""articlex on Apache Spark: WARC files or an HTML column in, a DataFrame of articles out.

::

    from articlex.spark import extract_warcs
    paths = spark.createDataFrame([("crawl/a.warc.gz",), ("s3a://bucket/b.warc.gz",)], ["path"])
    articles = extract_warcs(paths, timeout=30)
    articles.write.parquet("articles.parquet")

Each WARC is read inside the executors (``mapPartitions``), never on the
driver; the rows have the columns of the CLI's Parquet output
(:mod:`articlex.schema`), an error row (``error_type``, ``error_message``) for
each record that failed or ran past the timeout. pyspark is imported only when
a function here is called (``pip install "articlex[spark]"``); the per-task
work lives in ``articlex.spark.partition``, which Dask reuses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from articlex.api import extract
from articlex.batch import Extractor
from articlex.options import Options
from articlex.results import Result
from articlex.spark.partition import (
    HtmlRecord,
    WarcSlice,
    arrow_batches,
    html_rows,
    slice_rows,
    split_file,
    warc_rows,
)
from articlex.spark.schema import spark_schema

if TYPE_CHECKING:
    # Public signatures spell pyspark's types in full (pyspark.sql.DataFrame, not
    # DataFrame): the reference says whose DataFrame it is.
    import pyarrow
    import pyspark
    import pyspark.sql
    from pyspark import RDD, Broadcast
    from pyspark.sql import Column, DataFrame

__all__ = [
    "Settings",
    "Tally",
    "WarcSlice",
    "extract_html",
    "extract_slices",
    "extract_warcs",
    "spark_schema",
    "warc_rows",
]

# The column of WARC paths extract_warcs reads when not told otherwise.
DEFAULT_PATH_COLUMN = "path"
# The tasks of extract_warcs, one WarcSlice a row.
SLICE_COLUMNS = "path string, start long, stop long"
# The column of spark.range's numbers.
TASK_NUMBER = "id"


@dataclass(frozen=True, slots=True)
class Settings:
    """What every task needs, broadcast once: the options, the per-record timeout and the extractor."""

    options: Options
    timeout: float | None
    extractor: Extractor = extract


@dataclass(frozen=True)
class Tally:
    """Counters of records done, summed over the tasks that finished (for a progress line).

    Make one with :meth:`create` before the job and read ``pages.value`` and
    ``errors.value`` on the driver. Like every Spark accumulator, a record is
    counted each time its partition is computed (twice if the DataFrame is
    written twice without caching).
    """

    pages: pyspark.Accumulator[int]
    errors: pyspark.Accumulator[int]

    @classmethod
    def create(cls, context: pyspark.SparkContext) -> Tally:
        """Two zeroed accumulators on ``context``."""
        return cls(context.accumulator(0), context.accumulator(0))

    def add(self, result: Result) -> None:
        """Count one record (on an executor)."""
        self.pages.add(1)
        if not result.ok:
            self.errors.add(1)


def _one_per_partition(items: RDD[Any]) -> RDD[Any]:
    """``items`` with each item alone in its partition (one task each); counts them, reading them once."""
    items = items.cache()
    count = max(items.count(), 1)
    keyed = items.zipWithIndex().map(lambda pair: (pair[1], pair[0]))
    return keyed.partitionBy(count, lambda key: key).values()


def _arrow_task(
    shared: Broadcast[Settings],
    tally: Tally | None,
    rows: Callable[..., Iterator[dict[str, object]]],
    item: Callable[[dict[str, Any]], Any],
) -> Callable[[Iterable[pyarrow.RecordBatch]], Iterator[pyarrow.RecordBatch]]:
    """What ``mapInArrow`` runs on a partition: its input rows, as ``item`` makes them, to batches of article rows.

    The rows leave the Python worker as Arrow batches, which the JVM hands to
    Parquet without converting each value: with pickled rows the JVM spent a
    fifth of the job's CPU unpickling them (docs/spark.md), on the cores the
    extraction needs.
    """
    on_result = tally.add if tally is not None else None

    def run(batches: Iterable[pyarrow.RecordBatch]) -> Iterator[pyarrow.RecordBatch]:
        settings = shared.value
        items = (item(row) for batch in batches for row in batch.to_pylist())
        found = rows(
            items,
            options=settings.options,
            timeout=settings.timeout,
            extractor=settings.extractor,
            on_result=on_result,
            # A pyspark Python worker is a single-threaded process pyspark's
            # daemon forked; a fork of it is a timeout worker ready at once.
            fork=True,
        )
        return arrow_batches(found)

    return run


def extract_warcs(
    paths: pyspark.sql.DataFrame,
    *,
    column: str = DEFAULT_PATH_COLUMN,
    options: Options | None = None,
    timeout: float | None = None,
    bytes_per_task: int | None = None,
    extractor: Extractor = extract,
    tally: Tally | None = None,
) -> pyspark.sql.DataFrame:
    """A DataFrame of articles, one row per HTML response record of the WARC files in ``paths[column]``.

    Args:
        paths: a DataFrame with a string column of WARC paths: local paths, or
            URIs pyarrow opens (``s3://``, ``s3a://``, ``gs://``, ``hdfs://``).
            An id is the path exactly as given, ``#``, and the record's offset.
        column: the column holding the paths.
        options: extraction options, broadcast to the executors once.
        timeout: seconds one record may take; past it, the record's worker is
            killed and its row says ``ExtractionTimeoutError``. None: no limit,
            records are extracted in the task's own process (fastest).
        bytes_per_task: None reads each file in one task (the right choice
            with more files than cores: each file is read once). A number
            cuts each gzipped WARC into byte ranges of that size, one task
            each, so one large file uses every core; a task reads the
            records that start in its range. Plain WARC and ARC files are
            read whole. Only each file's size and first bytes are read
            for the cut.
        extractor: what extracts one page (:func:`articlex.extract` by default):
            a module-level function the executors can import.
        tally: accumulators counting the records as tasks finish.

    Returns:
        A DataFrame with :func:`spark_schema`'s columns (those of ``articlex.schema``).
    """
    spark = paths.sparkSession
    shared = spark.sparkContext.broadcast(Settings(options or Options(), timeout, extractor))
    files = paths.select(column).rdd.map(lambda row: row[0])
    if bytes_per_task is None:
        slices = files.map(WarcSlice)
    else:
        per_task = bytes_per_task
        slices = files.flatMap(lambda path: split_file(path, per_task))
    return _slice_articles(spark, shared, tally, _one_per_partition(slices))


def extract_slices(
    spark: pyspark.sql.SparkSession,
    slices: Sequence[WarcSlice],
    *,
    options: Options | None = None,
    timeout: float | None = None,
    extractor: Extractor = extract,
    tally: Tally | None = None,
) -> pyspark.sql.DataFrame:
    """A DataFrame of articles from WARC slices listed on the driver, one task each.

    For a caller that already holds the list of files (the job does):
    ``[WarcSlice(path) for path in paths]``, or
    ``articlex.spark.partition.split_file`` for byte ranges. The list is
    broadcast and task *k* reads its slice *k*, with none of the counting
    passes :func:`extract_warcs` makes to give each item of a DataFrame its
    own task. The other arguments are :func:`extract_warcs`'s.

    Returns:
        A DataFrame with :func:`spark_schema`'s columns (those of ``articlex.schema``).
    """
    shared = spark.sparkContext.broadcast(Settings(options or Options(), timeout, extractor))
    listed = spark.sparkContext.broadcast(tuple(slices))
    # Task k reads slice k of the broadcast list: the range is made in the
    # JVM, so no Python worker runs to make the tasks' input rows, as a
    # DataFrame made from a Python list or RDD would need (about 1 s before
    # the first record, then a second Python worker per task).
    numbers = spark.range(0, len(slices), 1, max(len(slices), 1))
    task = _arrow_task(shared, tally, slice_rows, lambda row: listed.value[row[TASK_NUMBER]])
    return numbers.mapInArrow(task, spark_schema())


def _slice_articles(
    spark: pyspark.sql.SparkSession, shared: Broadcast[Settings], tally: Tally | None, slices: RDD[WarcSlice]
) -> DataFrame:
    """The articles of ``slices``, an RDD with one slice per partition: a task each."""
    tasks = slices.map(lambda piece: (piece.path, piece.start, piece.stop))
    frame = spark.createDataFrame(tasks, SLICE_COLUMNS)
    return frame.mapInArrow(_arrow_task(shared, tally, slice_rows, lambda row: WarcSlice(**row)), spark_schema())


def _html_inputs(frame: DataFrame, html: str, url: str | None, id_column: str | None) -> DataFrame:
    """``frame`` as the columns of :class:`HtmlRecord`: ``id``, ``html`` (string or binary) and ``url``."""
    from pyspark.sql import functions as sf

    def value(name: str | None) -> Column:
        return sf.col(name).cast("string") if name else sf.lit(None).cast("string")

    picked = frame.select(value(id_column or url).alias("id"), sf.col(html).alias("html"), value(url).alias("url"))
    if id_column is not None or url is not None:
        return picked
    numbered = picked.rdd.zipWithIndex().map(lambda pair: (str(pair[1]), pair[0][1], pair[0][2]))
    return frame.sparkSession.createDataFrame(numbered, picked.schema)


def extract_html(
    frame: pyspark.sql.DataFrame,
    *,
    html: str = "html",
    url: str | None = None,
    id_column: str | None = None,
    options: Options | None = None,
    timeout: float | None = None,
    extractor: Extractor = extract,
    tally: Tally | None = None,
) -> pyspark.sql.DataFrame:
    """A DataFrame of articles, one row per row of ``frame``, from its HTML column.

    Args:
        frame: any DataFrame with a string or binary column of pages.
        html: the column of pages (bytes are decoded as :func:`articlex.extract` does).
        url: a column of the pages' URLs, to resolve relative links.
        id_column: the column whose value becomes each row's ``id``, to join
            articles back to ``frame``. Without it the id is the URL, or with
            no URL column either, the row's position in ``frame`` (0, 1, ...).
        options: extraction options, broadcast to the executors once.
        timeout: seconds one page may take (see :func:`extract_warcs`).
        extractor: what extracts one page (see :func:`extract_warcs`).
        tally: accumulators counting the pages as tasks finish.

    Returns:
        A DataFrame with :func:`spark_schema`'s columns; ``fetched`` is null.
    """
    spark = frame.sparkSession
    shared = spark.sparkContext.broadcast(Settings(options or Options(), timeout, extractor))
    inputs = _html_inputs(frame, html, url, id_column)
    return inputs.mapInArrow(_arrow_task(shared, tally, html_rows, lambda row: HtmlRecord(**row)), spark_schema())
