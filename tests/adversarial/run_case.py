"""Run one adversarial case and print its outcome, time and peak memory as JSON.

Usage: ``python tests/adversarial/run_case.py "case name"``. The address space
is capped first (a few times the case's memory ceiling), so a blow-up ends in
MemoryError here instead of taking the machine with it.
"""

from __future__ import annotations

import contextlib
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from adversarial_cases import CASES  # after the path fix above

import articlex

URL = "https://example.org/news/story"
# Address space may exceed resident memory several times over (allocator
# arenas, lxml's and Python's reservations): the cap is a safety net, the
# ceiling the test asserts is on resident memory.
ADDRESS_SPACE_FACTOR = 4
MIN_ADDRESS_SPACE_MB = 2048
MB = 1024 * 1024
TEXT_ENDS = 60


def summary(article: articlex.Article) -> dict[str, Any]:
    """What the test compares of an Article."""
    return {
        "headline": article.headline,
        "lead_image": article.lead_image.url if article.lead_image else None,
        "blocks": len(article.body),
        "related": len(article.related),
        "text_chars": len(article.text),
        "text_start": article.text[:TEXT_ENDS],
        "text_end": article.text[-TEXT_ENDS:],
        "warnings": list(article.warnings),
    }


def peak_mb() -> float:
    """Peak resident memory of this process (VmHWM; ru_maxrss carries the parent's peak on Linux)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / (MB if sys.platform == "darwin" else 1024)


def main(name: str) -> None:
    case = CASES[name]
    cap = max(MIN_ADDRESS_SPACE_MB, ADDRESS_SPACE_FACTOR * case.megabytes) * MB
    # macOS refuses RLIMIT_AS; the resident-memory ceiling the test asserts still applies.
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    data = case.make()
    options = articlex.Options(**case.options)
    start = time.perf_counter()
    outcome: dict[str, Any]
    try:
        article = articlex.extract(data, URL, options=options, content_type=case.content_type)
        outcome = {"article": summary(article)}
    except Exception as exc:  # noqa: BLE001 - whatever is raised is the outcome under test
        outcome = {"error": type(exc).__name__, "message": str(exc)}
    seconds = time.perf_counter() - start
    print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb()}))


if __name__ == "__main__":
    main(sys.argv[1])
