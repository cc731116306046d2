"""``articlex-cli``: the command-line reference, rendered from the argument parser."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Iterator
from typing import cast

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from articlex_docs.markdown import cell, code, escape, render, table

# The public parser factory (issue 6); ``_parser`` is its name until that lands.
PARSER_FACTORIES = ("build_parser", "_parser")
CLI_MODULE = "articlex.cli"
# Wide enough that the usage line wraps where a reader's terminal would, and
# fixed so the page does not depend on the width of the terminal that built it.
USAGE_WIDTH = 88


def load_parser(module_name: str = CLI_MODULE) -> argparse.ArgumentParser:
    """The parser that ``module_name`` builds, from its first factory in PARSER_FACTORIES."""
    module = importlib.import_module(module_name)
    for name in PARSER_FACTORIES:
        factory = getattr(module, name, None)
        if callable(factory):
            return cast(Callable[[], argparse.ArgumentParser], factory)()
    raise AttributeError(f"{module_name} has none of {', '.join(PARSER_FACTORIES)}")


def _formatter(parser: argparse.ArgumentParser) -> argparse.HelpFormatter:
    return parser.formatter_class(prog=parser.prog, width=USAGE_WIDTH)


def usage(parser: argparse.ArgumentParser) -> str:
    """The usage lines, as ``--help`` prints them on a USAGE_WIDTH terminal."""
    formatter = _formatter(parser)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups)
    return formatter.format_help().strip()


def _names(action: argparse.Action) -> str:
    if action.option_strings:
        return ", ".join(code(option) for option in action.option_strings)
    return code(str(action.metavar or action.dest))


def _value(action: argparse.Action) -> str:
    if action.nargs == 0:
        return ""
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        return ", ".join(code(str(choice)) for choice in action.choices)
    metavar = action.metavar or (action.dest.upper() if action.option_strings else action.dest)
    shown = code(str(metavar))
    plural = {"*": " (any number)", "+": " (one or more)", "?": " (optional)"}
    return shown + plural.get(str(action.nargs), "")


def _default(action: argparse.Action) -> str:
    if action.nargs == 0 or action.default in (None, argparse.SUPPRESS) or action.required:
        return ""
    return code(str(action.default))


def _help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    if not action.help or action.help == argparse.SUPPRESS:
        return ""
    return escape(_formatter(parser)._expand_help(action))


def option_rows(parser: argparse.ArgumentParser) -> Iterator[tuple[str, list[list[str]]]]:
    """Each argument group's title and its rows: names, value, default, meaning."""
    for group in parser._action_groups:
        actions = [a for a in group._group_actions if a.help != argparse.SUPPRESS]
        if actions:
            rows = [[cell(_names(a)), cell(_value(a)), cell(_default(a)), cell(_help(parser, a))] for a in actions]
            yield str(group.title or "arguments"), rows


def reference_markdown(parser: argparse.ArgumentParser, level: int = 2) -> str:
    """The whole reference for ``parser`` as MyST Markdown, headings from ``level`` down."""
    # Everything under a heading: MyST files generated sections in order, and
    # would put loose paragraphs after them.
    parts = [f"{'#' * level} Usage", f"```text\n{usage(parser)}\n```"]
    if parser.description:
        parts.append(escape(parser.description))
    for title, rows in option_rows(parser):
        parts.append(f"{'#' * level} {escape(title.capitalize())}")
        parts.append(table(["argument", "value", "default", "meaning"], rows))
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                parts.append(f"{'#' * level} {code(f'{parser.prog} {name}')}")
                parts.append(reference_markdown(sub, level + 1))
    if parser.epilog:
        parts.extend([f"{'#' * level} Notes", escape(parser.epilog)])
    return "\n\n".join(parts)


class CliReference(SphinxDirective):
    """Render the ``articlex`` parser: usage, then one table per argument group.

    Optional argument: the heading level of the group titles (default 2).
    """

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        level = int(self.arguments[0]) if self.arguments else 2
        return render(self, reference_markdown(load_parser(), level), titles=True)
