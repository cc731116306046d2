"""Wrap saved HTML pages in a WARC file, as a crawler would have written them.

    python examples/make_warc.py crawl.warc.gz page.html other.html [--base-url https://example.org/]

Each page becomes one HTTP response record (status 200, ``text/html``) whose
target URI is ``--base-url`` plus the file's name, dated now. It is a way to
try the WARC and Spark recipes of the documentation on pages of your own;
needs ``warcio`` (``pip install warcio``).
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DEFAULT_BASE_URL = "https://example.org/saved/"


def write_warc(output: Path, pages: list[Path], base_url: str = DEFAULT_BASE_URL) -> int:
    """Write one response record per page into ``output`` (gzipped when it ends in .gz); return the count."""
    with output.open("wb") as stream:
        writer = WARCWriter(stream, gzip=output.suffix == ".gz")
        for page in pages:
            body = page.read_bytes()
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                base_url + page.name, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    return len(pages)


def main() -> None:
    """Parse the command line and write the file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="the WARC file to write (.warc or .warc.gz)")
    parser.add_argument("pages", type=Path, nargs="+", help="saved HTML pages")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help="prefix of each record's target URI")
    args = parser.parse_args()
    count = write_warc(args.output, args.pages, args.base_url)
    print(f"{args.output}: {count} response records")


if __name__ == "__main__":
    main()
