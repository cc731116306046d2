"""Reading the code blocks of a documentation page, and running them (``tests/test_docs_examples.py``).

A MyST comment line just before a fence says what the test does with it:

- ``% test: skip (why)``: never run (installs, network, a server you do not have).
- ``% test: run``: run this shell block (shell blocks run only when marked; Python blocks always).
- ``% test: needs REQ, REQ``: run only once every requirement is met, else the block is
  pending (a later block that uses what it makes must say the same needs). A
  requirement is a dotted name that must
  import (``articlex.extract_many``, ``pyarrow``), ``cmd:NAME`` for a program on ``PATH``, or
  ``cli:--option`` for an option the ``articlex`` command must know.
- ``% test: output``: the block holds what the block before it prints, compared exactly
  (trailing spaces and blank lines aside).

Run as a script, this module is the driver: it reads the blocks of one page as
JSON on standard input and runs them in order in the current directory, Python
blocks in one shared namespace and shell blocks in bash, and writes what each
printed (or the error that stopped it) as JSON to the file named by its
argument.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import re
import shutil
import subprocess
import sys
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

PYTHON_LANGUAGES = frozenset({"python", "py", "python3"})
SHELL_LANGUAGES = frozenset({"sh", "bash", "shell", "console"})
MARKER = re.compile(r"^%\s*test:\s*(?P<verb>skip|run|needs|output)\b\s*(?P<rest>.*)$")
FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# The articlex options a ``cli:`` requirement can name are read from the parser of the day.
PARSER_FACTORIES = ("build_parser", "_parser")


@dataclass(frozen=True)
class CodeBlock:
    """One fenced block of a page, with the marker before it."""

    path: str
    line: int  # 1-based line of the first line of code
    language: str
    code: str
    verb: str  # "" (no marker), "skip", "run", "needs" or "output"
    argument: str  # the skip reason or the requirements

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def is_python(self) -> bool:
        return self.language in PYTHON_LANGUAGES

    @property
    def is_shell(self) -> bool:
        return self.language in SHELL_LANGUAGES


def _marker(lines: list[str], fence_index: int) -> tuple[str, str]:
    index = fence_index - 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    match = MARKER.match(lines[index].strip()) if index >= 0 else None
    return (match["verb"], match["rest"].strip()) if match else ("", "")


def read_blocks(path: Path, label: str | None = None) -> list[CodeBlock]:
    """The fenced code blocks of a Markdown page (MyST directive fences, ``{name}``, left out)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[CodeBlock] = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        fence, info = opening["fence"], opening["info"].strip()
        end = index + 1
        while end < len(lines) and not (lines[end].startswith(fence) and not lines[end].strip(fence[0]).strip()):
            end += 1
        language = info.split()[0] if info else ""
        if not language.startswith("{"):
            verb, argument = _marker(lines, index)
            code = "\n".join(lines[index + 1 : end])
            blocks.append(CodeBlock(label or str(path), index + 2, language, code, verb, argument))
        index = end + 1
    return blocks


def _parser_options() -> set[str]:
    cli = importlib.import_module("articlex.cli")
    for name in PARSER_FACTORIES:
        factory = getattr(cli, name, None)
        if callable(factory):
            return set(factory()._option_string_actions)
    return set()


def _importable(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(obj, attribute):
                return False
            obj = getattr(obj, attribute)
        return True
    return False


def unmet(requirements: str) -> list[str]:
    """The requirements of a ``needs`` marker that this environment does not meet."""
    missing = []
    for requirement in (r.strip() for r in requirements.split(",")):
        kind, _, name = requirement.partition(":")
        if kind == "cmd":
            met = shutil.which(name) is not None
        elif kind == "cli":
            met = name in _parser_options()
        else:
            met = _importable(requirement)
        if not met:
            missing.append(requirement)
    return missing


@dataclass(frozen=True)
class Plan:
    """What the test does with a page: the blocks to run, their expected output, what is pending."""

    run: list[CodeBlock]
    expected: dict[str, str]  # where of a block to run -> what it must print
    pending: list[tuple[CodeBlock, str]]  # a block not run yet, and why


def plan(blocks: list[CodeBlock]) -> Plan:
    """Decide, block by block, what runs and what is pending."""
    run: list[CodeBlock] = []
    expected: dict[str, str] = {}
    pending: list[tuple[CodeBlock, str]] = []
    previous: CodeBlock | None = None
    for block in blocks:
        if block.verb == "output":
            if previous is not None and previous in run:
                expected[previous.where] = block.code
            continue
        previous = None
        executable = block.is_python or (block.is_shell and block.verb in ("run", "needs"))
        if not executable or block.verb == "skip":
            continue
        missing = unmet(block.argument) if block.verb == "needs" else []
        if missing:
            pending.append((block, "needs " + ", ".join(missing)))
            continue
        run.append(block)
        previous = block
    return Plan(run, expected, pending)


def normalise(output: str) -> str:
    """Output compared line by line without trailing spaces or trailing blank lines."""
    return "\n".join(line.rstrip() for line in output.rstrip().splitlines())


def _run_python(block: dict[str, Any], namespace: dict[str, Any]) -> str:
    # Padding keeps the page's line numbers in tracebacks.
    code = compile("\n" * (block["line"] - 1) + block["code"], block["path"], "exec")
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        exec(code, namespace)  # noqa: S102 (running the documentation's own examples is the point)
    return captured.getvalue()


def _run_shell(block: dict[str, Any]) -> str:
    done = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", block["code"]], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise RuntimeError(f"exit status {done.returncode}\n{done.stderr}")
    return done.stdout


def drive(blocks: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Run the blocks in order; stop at the first that fails."""
    namespace: dict[str, Any] = {"__name__": "__main__"}
    results = []
    for block in blocks:
        try:
            printed = _run_python(block, namespace) if block["python"] else _run_shell(block)
        except Exception:  # noqa: BLE001 (any failure of a documented example is reported, with its traceback)
            results.append({"where": block["where"], "error": traceback.format_exc()})
            break
        results.append({"where": block["where"], "stdout": printed})
    return results


def as_payload(blocks: list[CodeBlock]) -> str:
    """The blocks as the driver reads them on standard input."""
    return json.dumps([{**asdict(b), "where": b.where, "python": b.is_python} for b in blocks])


def main() -> None:
    """Driver entry point: blocks on stdin, results to the file named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("results", type=Path)
    args = parser.parse_args()
    results = drive(json.loads(sys.stdin.read()))
    args.results.write_text(json.dumps(results), encoding="utf-8")


if __name__ == "__main__":
    main()
