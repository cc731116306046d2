"""``articlex-api``: the API reference, one autodoc entry per name in ``articlex.__all__``.

Names are grouped by kind (functions, data types, errors in the order of the
error tree, other values) and public modules that are not names in
``__all__`` follow when they can be imported, so a name exported tomorrow is
documented tomorrow without touching the page. A public name without a
docstring of its own fails the build.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from articlex_docs.markdown import code, render

PACKAGE = "articlex"
# Public modules documented whole (their own ``__all__`` or public members),
# each once it exists: the flat row schema (issue 6) and the Spark helpers (issue 8).
PUBLIC_MODULES = ("articlex.batch", "articlex.fetching", "articlex.schema", "articlex.spark")
# Types that public values hold without being exported by name: ``Article.trace`` holds Steps.
REACHABLE_TYPES = ("articlex.trace.Step",)
# Values with no docstring of their own, described here.
VALUE_DESCRIPTIONS = {"__version__": "The version of articlex that is installed, as a string."}


class UndocumentedError(ValueError):
    """A public name has no docstring of its own."""


@dataclass(frozen=True)
class Group:
    """A heading and the public names under it, in the order they are shown."""

    title: str
    names: tuple[str, ...]


def _exception_order(package: Any, names: Sequence[str]) -> list[str]:
    """Exceptions depth-first from their common bases, as the error tree is drawn."""
    chosen = {name: getattr(package, name) for name in names}

    def children(parent: type | None) -> Iterator[str]:
        for name in names:
            cls = chosen[name]
            bases = [b for b in cls.__mro__[1:] if b in chosen.values()]
            if (bases[0] if bases else None) is parent:
                yield name
                yield from children(cls)

    return list(children(None))


def groups(package: Any) -> list[Group]:
    """``package.__all__`` split into functions, data types, errors and other values."""
    names: list[str] = list(package.__all__)
    objects = {name: getattr(package, name) for name in names}
    errors = [n for n in names if inspect.isclass(objects[n]) and issubclass(objects[n], BaseException)]
    classes = [n for n in names if inspect.isclass(objects[n]) and n not in errors]
    functions = [n for n in names if inspect.isroutine(objects[n])]
    values = [n for n in names if n not in {*errors, *classes, *functions}]
    return [
        Group("Functions", tuple(functions)),
        Group("Data types", tuple(classes)),
        Group("Errors", tuple(_exception_order(package, errors))),
        Group("Other names", tuple(values)),
    ]


def _own_docstring(obj: Any) -> bool:
    doc = obj.__dict__.get("__doc__") if inspect.isclass(obj) else getattr(obj, "__doc__", None)
    return bool(doc and doc.strip())


def entry(package: Any, name: str) -> str:
    """The reStructuredText that documents one public name."""
    obj = getattr(package, name)
    qualified = f"{package.__name__}.{name}"
    if name in VALUE_DESCRIPTIONS:
        return f".. py:data:: {qualified}\n   :value: {obj!r}\n\n   {VALUE_DESCRIPTIONS[name]}"
    if not _own_docstring(obj):
        raise UndocumentedError(f"{qualified} has no docstring")
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return f".. autoexception:: {qualified}\n   :show-inheritance:"
    if inspect.isclass(obj):
        return f".. autoclass:: {qualified}\n   :members:"
    if inspect.isroutine(obj):
        return f".. autofunction:: {qualified}"
    return f".. autodata:: {qualified}"


def _rst(text: str) -> str:
    return f"```{{eval-rst}}\n{text}\n```"


def importable_modules(candidates: Sequence[str] = PUBLIC_MODULES) -> list[str]:
    """The public modules that can be imported in this build.

    A module that is not there yet, or whose optional dependency (pyspark for
    ``articlex.spark``) is not installed, is left out.
    """
    found = []
    for name in candidates:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        found.append(name)
    return found


def reference_markdown(package: Any, modules: Sequence[str], level: int = 2) -> str:
    """The reference as MyST Markdown with eval-rst blocks, headings at ``level``."""
    hashes = "#" * level
    parts = []
    for group in groups(package):
        if group.names:
            parts.append(f"{hashes} {group.title}")
            parts.extend(_rst(entry(package, name)) for name in group.names)
    if REACHABLE_TYPES:
        parts.append(f"{hashes} Types inside the results")
        parts.extend(_rst(f".. autoclass:: {dotted}\n   :members:") for dotted in REACHABLE_TYPES)
    for module in modules:
        parts.append(f"{hashes} {code(module)}")
        parts.append(_rst(f".. automodule:: {module}\n   :members:"))
    return "\n\n".join(parts)


def dataclass_signature(obj: Any, signature: str | None) -> str | None:
    """``signature`` with each ``<factory>`` default replaced by what the factory makes.

    autodoc shows a field's ``default_factory`` as ``<factory>``, which Sphinx
    cannot parse: the whole signature then falls apart into broken type links.
    """
    if not signature or "<factory>" not in signature or not dataclasses.is_dataclass(obj):
        return signature
    for field in dataclasses.fields(obj):
        if field.default_factory is not dataclasses.MISSING:
            pattern = re.compile(rf"(\b{field.name}: [^=]*= )<factory>")
            signature = pattern.sub(_default_replacer(repr(field.default_factory())), signature)
    return signature


def _default_replacer(made: str) -> Callable[[re.Match[str]], str]:
    return lambda match: match[1] + made


def process_signature(  # noqa: PLR0917 (the arguments Sphinx passes to the event)
    app: Any, what: str, name: str, obj: Any, options: Any, signature: str | None, return_annotation: str | None
) -> tuple[str | None, str | None]:
    """The ``autodoc-process-signature`` handler that applies :func:`dataclass_signature`."""
    return dataclass_signature(obj, signature), return_annotation


class ApiReference(SphinxDirective):
    """Render the reference of ``articlex.__all__`` and the public modules; optional heading level."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        level = int(self.arguments[0]) if self.arguments else 2
        package = importlib.import_module(PACKAGE)
        try:
            markdown = reference_markdown(package, importable_modules(), level)
        except UndocumentedError as error:
            raise self.error(str(error)) from error
        return render(self, markdown, titles=True)
