"""Golden tests: each folder under tests/fixtures holds source.html and expected.json.

expected.json is the whole ``to_dict()`` of the page. Regenerate after an
intended change with ``pytest tests/test_golden.py --update-golden`` and review
the diff in git before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articlex

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "source.html").is_file())


def _extract(case: str) -> dict[str, object]:
    folder = FIXTURES / case
    url_file = folder / "url.txt"
    url = url_file.read_text(encoding="utf-8").strip() if url_file.exists() else None
    return articlex.extract((folder / "source.html").read_bytes(), url=url).to_dict()


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 36


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str, update_golden: bool) -> None:
    actual = _extract(case)
    expected_file = FIXTURES / case / "expected.json"
    if update_golden:
        expected_file.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    # Field by field first, so a failure names the field that moved.
    for key in expected:
        assert actual[key] == expected[key], f"{case}: field {key!r} differs"
    assert actual == expected
