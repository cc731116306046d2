"""Metadata adapters: each system's headline, authors and publication date as plain values.

A factory imports its library with ``importlib`` (only inside the worker
process) and returns a function ``(html, url) -> Prediction``. Each system is
called through its own metadata API, with its defaults:

* articlex: ``extract(bytes, url)``: ``headline``, ``authors[].name``, and
  ``published``, or ``modified`` when the page gives no publication date (one
  date per page, as the other systems return; ``modified`` is never taken over
  a ``published`` date).
* trafilatura: ``extract_metadata(str, default_url=url)``, the function its
  ``extract`` uses for metadata: ``title``, ``author`` (names joined by "; "),
  ``date`` (its default, the original publication date).
* newspaper4k: ``Article(url).download(input_html=str)`` then ``parse()``:
  ``title``, ``authors``, ``publish_date``. Image fetching is off, so it never
  touches the network.
"""

import importlib
import importlib.metadata
import sys
from collections.abc import Callable

from benchmarks.metadata_norm import Prediction
from benchmarks.systems import PLACEHOLDER_URL, SRC_DIR, Adapter

MetadataAdapter = Adapter[Prediction]


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _articlex() -> MetadataAdapter:
    if str(SRC_DIR) not in sys.path:
        sys.path.insert(0, str(SRC_DIR))
    articlex = importlib.import_module("articlex")

    def run(html: bytes, url: str | None) -> Prediction:
        article = articlex.extract(html, url=url)
        date = article.published or article.modified
        return Prediction(article.headline, tuple(a.name for a in article.authors), date)

    return MetadataAdapter(run, _version("articlex"), wants_bytes=True)


def _trafilatura() -> MetadataAdapter:
    trafilatura = importlib.import_module("trafilatura")

    def run(html: str, url: str | None) -> Prediction:
        doc = trafilatura.extract_metadata(html, default_url=url)
        authors = tuple(doc.author.split("; ")) if doc.author else ()
        return Prediction(doc.title, authors, doc.date)

    return MetadataAdapter(run, _version("trafilatura"))


def _newspaper() -> MetadataAdapter:
    newspaper = importlib.import_module("newspaper")
    config = newspaper.Config()
    config.fetch_images = False  # never touch the network

    def run(html: str, url: str | None) -> Prediction:
        article = newspaper.Article(url or PLACEHOLDER_URL, config=config)
        article.download(input_html=html)
        article.parse()
        published = article.publish_date.isoformat() if article.publish_date else None
        return Prediction(article.title or None, tuple(article.authors or ()), published)

    return MetadataAdapter(run, _version("newspaper4k"))


#: name -> (import name checked before running, factory)
METADATA_SYSTEMS: dict[str, tuple[str, Callable[[], MetadataAdapter]]] = {
    "articlex": ("articlex", _articlex),
    "trafilatura": ("trafilatura", _trafilatura),
    "newspaper4k": ("newspaper", _newspaper),
}
