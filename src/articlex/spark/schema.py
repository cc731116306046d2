"""The Spark schema of articlex's flat rows, derived from :func:`articlex.schema.arrow_schema`.

Deriving it (instead of writing a second list of columns) keeps the Spark
output and the CLI's Parquet output one schema: a column added to
``articlex.schema`` appears in Spark's rows with no change here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from articlex.errors import MissingDependencyError
from articlex.schema import arrow_schema

if TYPE_CHECKING:
    import pyarrow as pa
    import pyspark.sql.types
    from pyspark.sql import types as st


def _spark_type(arrow: pa.DataType) -> st.DataType:
    """The Spark type that holds the same values as the Arrow type ``arrow``."""
    import pyarrow as pa
    from pyspark.sql import types as st

    simple: Sequence[tuple[object, st.DataType]] = (
        (pa.types.is_boolean, st.BooleanType()),
        (pa.types.is_int8, st.ByteType()),
        (pa.types.is_int16, st.ShortType()),
        (pa.types.is_int32, st.IntegerType()),
        (pa.types.is_int64, st.LongType()),
        (pa.types.is_float32, st.FloatType()),
        (pa.types.is_float64, st.DoubleType()),
        (pa.types.is_string, st.StringType()),
        (pa.types.is_large_string, st.StringType()),
        (pa.types.is_binary, st.BinaryType()),
        (pa.types.is_large_binary, st.BinaryType()),
        (pa.types.is_date32, st.DateType()),
    )
    for test, spark in simple:
        if test(arrow):  # type: ignore[operator]
            return spark
    if pa.types.is_timestamp(arrow):
        return st.TimestampType() if arrow.tz else st.TimestampNTZType()
    if pa.types.is_list(arrow) or pa.types.is_large_list(arrow):
        item = arrow.value_field
        return st.ArrayType(_spark_type(item.type), containsNull=item.nullable)
    if pa.types.is_struct(arrow):
        return st.StructType([_spark_field(arrow.field(i)) for i in range(arrow.num_fields)])
    if pa.types.is_dictionary(arrow):
        return _spark_type(arrow.value_type)
    raise TypeError(f"no Spark type for the Arrow type {arrow}")


def _spark_field(field: pa.Field[Any]) -> st.StructField:
    from pyspark.sql import types as st

    return st.StructField(field.name, _spark_type(field.type), nullable=field.nullable)


def spark_schema() -> pyspark.sql.types.StructType:
    """The ``StructType`` of articlex's flat rows: ``articlex.schema``'s columns, in order, with their types.

    Raises:
        MissingDependencyError: pyspark is not installed (the ``spark`` extra).
    """
    try:
        from pyspark.sql import types as st
    except ImportError as error:
        raise MissingDependencyError("articlex.spark", "pyspark", "spark") from error
    return st.StructType([_spark_field(field) for field in arrow_schema()])
