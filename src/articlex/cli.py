"""The ``articlex`` command: extract articles from saved pages and print them.

This first version reads files and standard input; directories, URLs and WARC
archives come with the batch runner.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from articlex.api import extract
from articlex.errors import ArticlexError
from articlex.model import Article

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="articlex", description="Extract structured articles from saved HTML pages.")
    parser.add_argument("inputs", nargs="+", help="HTML files to read, or - for standard input")
    parser.add_argument(
        "-f",
        "--format",
        choices=("json", "jsonl", "md", "txt"),
        default="json",
        help="output format (default: json, indented)",
    )
    parser.add_argument("-u", "--url", help="the page's URL, to resolve relative links (one input only)")
    return parser


def _render(article: Article, fmt: str) -> str:
    if fmt == "json":
        return article.to_json(indent=2)
    if fmt == "jsonl":
        return article.to_json()
    if fmt == "md":
        return article.to_markdown()
    return article.text


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit code (0 ok, 1 some inputs failed, 2 usage)."""
    args = _parser().parse_args(argv)
    if args.url and len(args.inputs) > 1:
        print("articlex: --url takes one input", file=sys.stderr)
        return EXIT_USAGE
    failed = 0
    for name in args.inputs:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            article = extract(data, url=args.url)
        except (OSError, ArticlexError) as exc:
            print(f"articlex: {name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        sys.stdout.write(_render(article, args.format) + "\n")
    return EXIT_SOME_FAILED if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
