"""Adapters: one small factory per extraction system.

A factory imports its library with ``importlib`` (so the import only happens
inside the worker process, never in the parent) and returns an :class:`Adapter` whose ``extract(html, url)`` returns
plain text. ``html`` is the utf-8-decoded ``str`` unless the adapter sets
``wants_bytes`` (articlex decodes the raw bytes itself).
"""

import importlib
import importlib.metadata
import importlib.util
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Generic, TypeVar

# <repo>/src, inserted into sys.path so articlex runs without being installed.
SRC_DIR = Path(__file__).resolve().parents[1] / "src"
# newspaper needs some URL to build an Article; only used when a page has none.
PLACEHOLDER_URL = "https://example.com/"
# Elements whose content starts a new paragraph in readability's output.
BLOCK_TAGS = (
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "ol", "p", "pre", "section", "table",
    "td", "th", "tr", "ul",
)  # fmt: skip
PARAGRAPH_SEPARATOR = "\n\n"
_BLANK_RUN_RE = re.compile(r"\n{3,}")

Result = TypeVar("Result")


@dataclass(frozen=True)
class Adapter(Generic[Result]):
    """A ready-to-call extractor: ``extract(html, url)`` gives text here, metadata in metadata_systems.py."""

    extract: Callable[[Any, str | None], Result]
    version: str
    wants_bytes: bool = False


@dataclass(frozen=True)
class SystemSpec:
    """How to find and build one system."""

    name: str
    module: str  # import name, used for the "is it installed?" check
    factory: Callable[[], Adapter[str]]
    optional: bool = False  # skipped with a message when not installed
    meaningful: bool = True  # False: the scores are only a floor reference


def _version(distribution: str, module: ModuleType) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return str(getattr(module, "__version__", "unknown"))


def _articlex_call(**options: bool) -> Adapter[str]:
    """articlex's ``extract`` with these Options, its body text as the result."""
    if str(SRC_DIR) not in sys.path:
        sys.path.insert(0, str(SRC_DIR))
    articlex = importlib.import_module("articlex")
    extract = articlex.extract  # fail at load time if the API is not there yet
    chosen = articlex.Options(**options)

    def run(html: bytes, url: str | None) -> str:
        return extract(html, url=url, options=chosen).text or ""

    return Adapter(run, _version("articlex", articlex), wants_bytes=True)


def _articlex() -> Adapter[str]:
    # Asked for what every peer here is asked for, the body text: related links,
    # which nothing reads in this benchmark, are not harvested. Every other field
    # is still resolved, because the body needs them (the headline and byline the
    # page shows are kept out of it).
    return _articlex_call(include_related=False)


def _articlex_full() -> Adapter[str]:
    # The default call, a whole Article with related links: what a pipeline that
    # keeps every field pays.
    return _articlex_call()


def _trafilatura() -> Adapter[str]:
    trafilatura = importlib.import_module("trafilatura")

    def run(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, output_format="txt") or ""

    return Adapter(run, _version("trafilatura", trafilatura))


def paragraph_text_converter() -> Callable[[str], str]:
    """A function giving the text of an HTML fragment, one blank line between blocks."""
    lxml_html = importlib.import_module("lxml.html")
    lxml_etree = importlib.import_module("lxml.etree")

    def convert(html: str) -> str:
        if not html.strip():
            return ""
        root = lxml_html.fromstring(html)
        for element in root.iter(*BLOCK_TAGS):
            element.text = PARAGRAPH_SEPARATOR + (element.text or "")
            element.tail = PARAGRAPH_SEPARATOR + (element.tail or "")
        for element in root.iter("br"):
            element.tail = "\n" + (element.tail or "")
        text = lxml_etree.tostring(root, encoding="unicode", method="text", with_tail=False)
        lines = (" ".join(line.split()) for line in text.splitlines())
        return _BLANK_RUN_RE.sub(PARAGRAPH_SEPARATOR, "\n".join(lines)).strip()

    return convert


def _readability() -> Adapter[str]:
    readability = importlib.import_module("readability")
    to_text = paragraph_text_converter()

    def run(html: str, url: str | None) -> str:
        # html_partial=True as in ScrapingHub's own readability runner: the
        # default full-document summary() comes back as an empty <body> on
        # some pages (e.g. scrapinghub 35b158918c...) though the partial one
        # holds the article.
        return to_text(readability.Document(html).summary(html_partial=True))

    return Adapter(run, _version("readability-lxml", readability))


def _lxml_floor() -> Adapter[str]:
    lxml_html = importlib.import_module("lxml.html")

    def run(html: str, url: str | None) -> str:
        lxml_html.document_fromstring(html)
        return ""

    return Adapter(run, _version("lxml", importlib.import_module("lxml")))


def _newspaper() -> Adapter[str]:
    newspaper = importlib.import_module("newspaper")
    config = newspaper.Config()
    config.fetch_images = False  # never touch the network

    def run(html: str, url: str | None) -> str:
        article = newspaper.Article(url or PLACEHOLDER_URL, config=config)
        article.download(input_html=html)
        article.parse()
        return article.text or ""

    return Adapter(run, _version("newspaper4k", newspaper))


def _goose3() -> Adapter[str]:
    goose3 = importlib.import_module("goose3")
    goose = goose3.Goose()

    def run(html: str, url: str | None) -> str:
        return goose.extract(raw_html=html).cleaned_text or ""

    return Adapter(run, _version("goose3", goose3))


def _resiliparse() -> Adapter[str]:
    html2text = importlib.import_module("resiliparse.extract.html2text")

    def run(html: str, url: str | None) -> str:
        return html2text.extract_plain_text(html, main_content=True) or ""

    return Adapter(run, _version("resiliparse", importlib.import_module("resiliparse")))


SYSTEMS: dict[str, SystemSpec] = {
    spec.name: spec
    for spec in (
        SystemSpec("articlex", "articlex", _articlex),
        SystemSpec("articlex-full", "articlex", _articlex_full),
        SystemSpec("trafilatura", "trafilatura", _trafilatura),
        SystemSpec("readability", "readability", _readability),
        SystemSpec("lxml", "lxml", _lxml_floor, meaningful=False),
        SystemSpec("newspaper4k", "newspaper", _newspaper, optional=True),
        SystemSpec("goose3", "goose3", _goose3, optional=True),
        SystemSpec("resiliparse", "resiliparse", _resiliparse, optional=True),
    )
}


def is_installed(spec: SystemSpec) -> bool:
    """Whether an optional system's module can be found (without importing)."""
    return importlib.util.find_spec(spec.module) is not None


def build_adapter(name: str) -> Adapter[str]:
    """Import and construct the named system; raises if it is unavailable."""
    return SYSTEMS[name].factory()
