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
from articlex.options import Options

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
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print to stderr why each node and block was removed or kept (the article still goes to stdout)",
    )
    return parser


def _render(article: Article, fmt: str) -> str:
    if fmt == "json":
        return article.to_json(indent=2)
    if fmt == "jsonl":
        return article.to_json()
    if fmt == "md":
        return article.to_markdown()
    return article.text


def _explain(name: str, article: Article) -> None:
    lines = [f"== {name}: confidence {article.confidence:.3f}", *(str(step) for step in article.trace)]
    print("\n".join(lines), file=sys.stderr)


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
            article = extract(data, url=args.url, options=Options(trace=args.explain))
        except (OSError, ArticlexError) as exc:
            print(f"articlex: {name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        if args.explain:
            _explain(name, article)
        sys.stdout.write(_render(article, args.format) + "\n")
    return EXIT_SOME_FAILED if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
