"""Opening a WARC by local path or by URI, as a seekable binary stream.

Spark hands each executor a path string; the JVM's Hadoop file systems are not
reachable from the Python worker, so remote files are opened with pyarrow's
file systems (S3, Google Cloud Storage, HDFS through libhdfs, Azure), which
read by byte range: a task that reads one slice of a large WARC seeks to it
instead of downloading the file.
"""

from __future__ import annotations

import io
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

# Hadoop's names for S3 (the s3a and older s3n connectors) mean the same
# buckets as pyarrow's "s3" scheme, so a path list written for Spark's own
# readers works here unchanged.
S3_ALIASES = frozenset({"s3a", "s3n"})
# Schemes that are this machine's file system.
LOCAL_SCHEMES = frozenset({"", "file"})
# A URI scheme is at least two characters, so a Windows drive ("C:\\") is not one.
MIN_SCHEME_LENGTH = 2


def local_path(path: str) -> str | None:
    """The local file ``path`` names (a plain path or a ``file:`` URI), or None for a remote URI."""
    parts = urlsplit(path)
    if len(parts.scheme) < MIN_SCHEME_LENGTH:
        return path
    if parts.scheme in LOCAL_SCHEMES:
        return unquote(parts.path)
    return None


def open_binary(path: str) -> BinaryIO:
    """Open ``path`` (a local path or a URI pyarrow's file systems know) for buffered, seekable reading.

    Raises:
        OSError: the file cannot be opened (missing, no permission, the store refused).
        ValueError: the URI names no file system pyarrow knows (pyarrow's ``ArrowInvalid``).
    """
    local = local_path(path)
    if local is not None:
        return open(local, "rb")
    from pyarrow import fs

    scheme, sep, rest = path.partition("://")
    uri = f"s3{sep}{rest}" if scheme in S3_ALIASES else path
    filesystem, inner = fs.FileSystem.from_uri(uri)
    # pyarrow's NativeFile has no readline(); the buffer gives warcio the file API it expects.
    return io.BufferedReader(filesystem.open_input_file(inner))  # type: ignore[type-var]
