"""The documentation site: it builds without a warning, its generated pages follow the code,
and the quick start renders in a real browser with its title, code blocks and chart.

The site is built once per session into a temporary directory, with the command
the README gives. ``.ci/run`` builds it first (failing on any warning) and points
``ARTICLEX_DOCS_HTML`` at the result, so CI does not build it twice.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from collections import namedtuple
from pathlib import Path

import pytest

import articlex

pytest.importorskip("sphinx", reason="the docs extra is not installed: pip install '.[docs]'")
pytest.importorskip("myst_parser", reason="the docs extra is not installed: pip install '.[docs]'")

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

from articlex_docs import api_reference, cli_reference, fields, schema_table  # noqa: E402

BUILD_ENV = "ARTICLEX_DOCS_HTML"
# A build of the whole site takes a few seconds here.
BUILD_TIMEOUT_S = 600
OPTIONAL_PAGES = ("cli", "schema", "spark")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built HTML site: the one .ci/run built, or a fresh build."""
    prebuilt = os.environ.get(BUILD_ENV)
    if prebuilt:
        return Path(prebuilt)
    out = tmp_path_factory.mktemp("docs") / "html"
    done = _build(out)
    assert done.returncode == 0, done.stderr
    return out


def _build(out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(DOCS), str(out)]
    return subprocess.run(command, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False, cwd=ROOT)


def _page(site: Path, name: str) -> str:
    return (site / f"{name}.html").read_text(encoding="utf-8")


def test_the_site_builds_without_a_warning(tmp_path: Path) -> None:
    if os.environ.get(BUILD_ENV):
        pytest.skip(f"{BUILD_ENV} is set: .ci/run built the site with -W already")
    done = _build(tmp_path / "html")
    assert done.returncode == 0
    assert "WARNING" not in done.stderr, done.stderr


def test_every_public_name_is_in_the_api_reference(site: Path) -> None:
    page = _page(site, "api")
    missing = [name for name in articlex.__all__ if f'id="articlex.{name}"' not in page]
    assert missing == []


def test_a_public_name_without_a_docstring_is_refused() -> None:
    class Undocumented:
        pass

    package = type(sys)("fake")
    package.__all__ = ["Undocumented"]
    package.Undocumented = Undocumented
    with pytest.raises(api_reference.UndocumentedError):
        api_reference.entry(package, "Undocumented")


def test_errors_are_listed_in_the_order_of_the_error_tree() -> None:
    errors = next(g for g in api_reference.groups(articlex) if g.title == "Errors").names
    assert errors[0] == "ArticlexError"
    assert errors.index("InputError") < errors.index("EmptyInputError") < errors.index("ParseError")
    assert errors.index("ResourceLimitError") + 1 == errors.index("InputTooLargeError")


def test_dataclass_factories_show_what_they_make() -> None:
    signature = "(url: str | None = None, sources: Mapping[str, str] = <factory>, confidence: float = 0.0)"
    assert api_reference.dataclass_signature(articlex.Article, signature) == (
        "(url: str | None = None, sources: Mapping[str, str] = {}, confidence: float = 0.0)"
    )


def test_the_cli_reference_lists_every_option_of_the_parser(site: Path) -> None:
    page = html.unescape(_page(site, "cli-reference"))
    parser = cli_reference.load_parser()
    options = [option for action in parser._actions for option in action.option_strings]
    assert options
    assert [
        option
        for option in options
        if f'<code class="docutils literal notranslate"><span class="pre">{option}</span></code>' not in page
    ] == []
    assert "usage: articlex" in page


def test_the_returns_page_shows_the_example_and_explains_every_key(site: Path) -> None:
    page = html.unescape(_page(site, "returns"))
    assert "How the killing of Iran" in page
    assert '<div class="side-by-side docutils container">' in page
    for key in articlex.Article().to_dict():
        assert f'<span class="pre">{key}</span>' in page, key


def test_an_unexplained_or_unknown_key_fails_the_field_table() -> None:
    meanings = {"name": "who", "url": "where"}
    assert [row[0] for row in fields.field_rows(articlex.Author, meanings)] == ["`name`", "`url`"]
    with pytest.raises(fields.FieldsError, match="not explained: \\['url'\\]"):
        fields.field_rows(articlex.Author, {"name": "who"})
    with pytest.raises(fields.FieldsError, match="not in to_dict\\(\\): \\['email'\\]"):
        fields.field_rows(articlex.Author, {**meanings, "email": "?"})


def test_block_keys_say_which_block_types_have_them() -> None:
    kinds = fields.keys_by_kind(articlex.Block)
    assert kinds["text"] == []
    assert kinds["level"] == ["heading"]
    assert kinds["url"] == ["figure"]


@pytest.mark.parametrize(
    ("annotation", "words"),
    [
        (str | None, "string or null"),
        (tuple[str, ...], "array of strings"),
        (tuple[articlex.Author, ...], "array of objects (Author)"),
        (tuple[tuple[str, ...], ...], "array of arrays of strings"),
        (articlex.Image | None, "object (Image) or null"),
        (float, "number"),
    ],
)
def test_json_types_are_worded_from_annotations(annotation: object, words: str) -> None:
    assert fields.json_type(annotation) == words


def test_the_schema_table_is_rendered_from_the_columns() -> None:
    column = namedtuple("column", "name type description")
    module = type(sys)("schema")
    module.COLUMNS = (
        column("id", "string", "the input's id"),
        column("labels", "list<string>", "the trail | in order"),
    )
    module.SCHEMA_VERSION = 1
    table = schema_table.schema_markdown(module)
    assert table.splitlines()[0] == "Schema version `1`."
    assert "| `labels` | `list<string>` | the trail \\| in order |" in table


def test_pages_that_other_work_adds_are_listed_once_they_exist(site: Path) -> None:
    index = _page(site, "index")
    for name in OPTIONAL_PAGES:
        assert (f'href="{name}.html"' in index) == (DOCS / f"{name}.md").exists(), name


def test_the_benchmark_chart_is_on_the_quick_start(site: Path) -> None:
    page = _page(site, "quickstart")
    assert re.search(r'<img [^>]*src="_images/benchmarks\.png"', page)
    assert (site / "_images" / "benchmarks.png").stat().st_size > 0


def test_the_quick_start_renders_in_a_browser(site: Path, tmp_path: Path) -> None:
    pytest.importorskip("websocket", reason="websocket-client (in the docs extra) is not installed")
    import docs_browser

    browser = docs_browser.find_browser()
    if browser is None:
        pytest.skip("no Chromium on PATH (Debian: apt-get install chromium; .ci/run installs it)")
    url = (site / "quickstart.html").resolve().as_uri()
    with docs_browser.browser_page(browser, tmp_path / "profile") as page:
        page.load(url)
        seen = page.evaluate(RENDERED_FACTS)
        requests = [e["params"]["request"]["url"] for e in page.events if e["method"] == "Network.requestWillBeSent"]
    assert seen["title"].startswith("Quick start")
    assert seen["h1"].startswith("Quick start")
    assert len(seen["code"]) >= 10
    assert any("articlex examples/seed-article.html" in block for block in seen["code"])
    assert any("article = articlex.extract(" in block for block in seen["code"])
    chart = [image for image in seen["images"] if image["src"].endswith("benchmarks.png")]
    assert len(chart) == 1
    assert chart[0]["complete"]
    assert chart[0]["width"] > 0
    assert chart[0]["height"] > 0
    assert [r for r in requests if not r.startswith(("file:", "data:"))] == []


# What the test reads from the rendered page: its title, first heading, the text of
# each code block, and each image once it has loaded (or failed to).
RENDERED_FACTS = """
(async () => {
  const images = Array.from(document.images);
  for (const image of images) image.scrollIntoView();
  await Promise.all(images.map((image) => image.complete ? null :
    new Promise((done) => { image.onload = done; image.onerror = done; })));
  return {
    title: document.title,
    h1: document.querySelector("h1").textContent,
    code: Array.from(document.querySelectorAll("div.highlight pre")).map((pre) => pre.textContent),
    images: images.map((image) => ({
      src: image.getAttribute("src"), complete: image.complete,
      width: image.naturalWidth, height: image.naturalHeight,
    })),
  };
})()
"""


def test_links_to_repository_files_outside_docs_show_as_text(site: Path) -> None:
    page = html.unescape(_page(site, "benchmarks"))
    assert "benchmarks/README.md" in page
    assert 'href="../benchmarks/README' not in page
    assert "fuzz/README.md" in html.unescape(_page(site, "robustness"))
