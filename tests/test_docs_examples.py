"""Every code block on the quick start, the command page and the recipe pages runs, and prints what the page says.

Each page runs in a fresh temporary directory holding a copy of ``examples/``,
in a child process (``tests/docs_examples.py`` is the driver), with the ``articlex``
command on ``PATH``. Blocks marked ``% test: needs ...`` whose feature is not in this
tree yet are reported as skipped, with what they wait for.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import docs_examples
from docs_examples import CodeBlock, normalise, plan, read_blocks

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
RECIPES = sorted(p for p in (DOCS / "recipes").glob("*.md") if p.name != "index.md")
PAGES = [DOCS / "quickstart.md", DOCS / "cli.md", *RECIPES]
# One page's blocks together: a few extractions and commands; far above what they take.
PAGE_TIMEOUT_S = 300


def _label(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def _command_path(tmp_path: Path) -> str:
    """PATH with this Python's scripts first, and an ``articlex`` stand-in when none is installed."""
    scripts = Path(sys.executable).parent
    entries = [str(scripts), os.environ.get("PATH", "")]
    if shutil.which("articlex", path=os.pathsep.join(entries)) is None:
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        wrapper = bin_dir / "articlex"
        wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m articlex "$@"\n', encoding="utf-8")
        wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
        entries.insert(0, str(bin_dir))
    return os.pathsep.join(entries)


def _workdir(tmp_path: Path) -> Path:
    """A directory laid out like the checkout's root, as far as the pages use it: ``examples/``."""
    work = tmp_path / "work"
    shutil.copytree(EXAMPLES, work / "examples", ignore=shutil.ignore_patterns("__pycache__"))
    return work


def _run(blocks: list[CodeBlock], tmp_path: Path) -> list[dict[str, str]]:
    work = _workdir(tmp_path)
    results_file = tmp_path / "results.json"
    source = str(ROOT / "src")
    env = {
        **os.environ,
        "PATH": _command_path(tmp_path),
        "PYTHONPATH": os.pathsep.join(p for p in (source, os.environ.get("PYTHONPATH", "")) if p),
    }
    done = subprocess.run(
        [sys.executable, docs_examples.__file__, str(results_file)],
        input=docs_examples.as_payload(blocks),
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
        timeout=PAGE_TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return list(json.loads(results_file.read_text(encoding="utf-8")))


@pytest.mark.parametrize("page", PAGES, ids=_label)
def test_page_code_blocks_run(page: Path, tmp_path: Path) -> None:
    steps = plan(read_blocks(page, _label(page)))
    if not steps.run:
        pytest.skip(f"no block of {_label(page)} runs here: each is marked skip or pending")
    results = _run(steps.run, tmp_path)
    for result in results:
        assert "error" not in result, f"{result['where']} failed:\n{result.get('error')}"
        if result["where"] in steps.expected:
            assert normalise(result["stdout"]) == normalise(steps.expected[result["where"]]), result["where"]
    assert len(results) == len(steps.run)


PENDING = [(block, reason) for page in PAGES for block, reason in plan(read_blocks(page, _label(page))).pending]


@pytest.mark.parametrize(("block", "reason"), PENDING, ids=[block.where for block, _ in PENDING])
def test_pending_blocks_are_reported(block: CodeBlock, reason: str) -> None:
    pytest.skip(f"pending: {block.where} {reason}")


def test_the_pages_have_blocks_that_run() -> None:
    runnable = {page.name: len(plan(read_blocks(page)).run) for page in PAGES}
    assert runnable["quickstart.md"] >= 5
    assert all(page.exists() for page in PAGES)


SAMPLE = """\
# A page

% test: skip (installs)
```sh
pip install something
```

```sh
echo not marked, not run
```

% test: run
```sh
echo hello
```

% test: output
```text
hello
```

```{note}
A directive, not code.
```

````python
print("four backticks, with ``` inside")
````

% test: needs cmd:surely-no-such-program-here
```python
print("pending")
```

% test: output
```text
not compared: its block did not run
```

```python
print("after a pending block")
```
"""


def test_markers_decide_what_runs_and_what_is_compared(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(SAMPLE, encoding="utf-8")
    blocks = read_blocks(page, "page.md")
    assert [(b.language, b.verb) for b in blocks] == [
        ("sh", "skip"),
        ("sh", ""),
        ("sh", "run"),
        ("text", "output"),
        ("python", ""),
        ("python", "needs"),
        ("text", "output"),
        ("python", ""),
    ]
    steps = plan(blocks)
    assert [b.code for b in steps.run] == [
        "echo hello",
        'print("four backticks, with ``` inside")',
        'print("after a pending block")',
    ]
    assert steps.expected == {"page.md:14": "hello"}
    assert [(b.where, reason) for b, reason in steps.pending] == [
        ("page.md:32", "needs cmd:surely-no-such-program-here"),
    ]


def test_the_driver_reports_output_and_stops_at_the_first_failure(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    blocks = ["x = 2", "print(x * 21)", "1 / 0", "print('never')"]
    page.write_text("\n\n".join(f"```python\n{code}\n```" for code in blocks) + "\n", encoding="utf-8")
    results = _run(plan(read_blocks(page, "page.md")).run, tmp_path)
    assert results[1] == {"where": "page.md:6", "stdout": "42\n"}
    assert "ZeroDivisionError" in results[2]["error"]
    assert 'File "page.md", line 10' in results[2]["error"]
    assert len(results) == 3


def test_requirements_are_checked_against_this_environment() -> None:
    assert docs_examples.unmet("articlex.extract, json, cli:--format") == []
    assert docs_examples.unmet("articlex.no_such_name, cmd:surely-no-such-program-here, cli:--no-such") == [
        "articlex.no_such_name",
        "cmd:surely-no-such-program-here",
        "cli:--no-such",
    ]
