"""Soak test: many pages through ``articlex.extract()`` in one process, watching memory.

Example::

    nice -n 19 python benchmarks/soak.py --pages 10000 --every 1000

The benchmark pages (both sets, by id) are cycled until ``--pages`` have been
extracted, one after another in this process, as a long-running pipeline
would. The resident set size is sampled before the first page and after every
``--every`` pages (with ``--trim``, after handing free memory back to the
system first, so that a sample shows live memory rather than what glibc kept
from the last large page). Memory should settle once caches are warm: the run fails
(exit 1) when any sample after the first interval is more than ``--tolerance``
above the sample taken at the first interval. Errors and warnings are counted
by kind, so a limit that fires on real pages shows up here too.
"""

import argparse
import ctypes
import gc
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

# ``python benchmarks/soak.py`` puts benchmarks/ itself on sys.path, not the
# repository root that holds the ``benchmarks`` package; add the root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpora import DATASETS, load_dataset  # after the path fix above
from benchmarks.worker import current_rss_mb

DEFAULT_PAGES = 10_000
DEFAULT_EVERY = 1_000
# The bar: after the first thousand pages memory stays within 10%.
DEFAULT_TOLERANCE = 0.10
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"


@dataclass
class Sample:
    """Memory and time after a number of pages."""

    pages: int
    rss_mb: float
    seconds: float


def _warning_kind(warning: str) -> str:
    """A warning's kind: the limit's name, or its first words."""
    if warning.startswith("limit "):
        return warning.split("=", 1)[0]
    return " ".join(warning.split()[:4])


def release_free_memory() -> None:
    """Collect garbage and hand the C allocator's free memory back to the system (glibc only).

    Without it a sample shows what the allocator keeps after the last large
    page as well as what is alive; with it, what is alive (a leak shows here).
    """
    gc.collect()
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.malloc_trim(0)


def soak(data: Path, pages: int, every: int, *, trim: bool = False) -> tuple[list[Sample], Counter[str], Counter[str]]:
    """Run the soak; return the RSS samples, error kinds and warning kinds."""
    import articlex  # here, so --help works without it

    corpus = [
        (page.html_path.read_bytes(), page.url) for name in DATASETS for page in load_dataset(data, name)
    ]  # compressed, as the benchmark keeps them: memory is the extractor's, not the data's
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    start = time.perf_counter()
    samples = [Sample(0, current_rss_mb(), 0.0)]
    for done in range(1, pages + 1):
        compressed, url = corpus[(done - 1) % len(corpus)]
        try:
            article = articlex.extract(gzip.decompress(compressed), url)
        except articlex.ArticlexError as exc:
            errors[type(exc).__name__] += 1
        else:
            warnings.update(_warning_kind(w) for w in article.warnings)
        if done % every == 0:
            if trim:
                release_free_memory()
            samples.append(Sample(done, current_rss_mb(), time.perf_counter() - start))
            print(f"{done:>7} pages  {samples[-1].rss_mb:8.1f} MB  {samples[-1].seconds:7.1f} s", file=sys.stderr)
    gc.collect()
    samples.append(Sample(pages, current_rss_mb(), time.perf_counter() - start))
    return samples, errors, warnings


def growth_after_first(samples: list[Sample], every: int) -> float:
    """The largest rise of a later sample over the one at the first interval, as a share of it."""
    settled = [s for s in samples if s.pages >= every]
    reference = settled[0].rss_mb
    return max(s.rss_mb for s in settled) / reference - 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark data directory")
    parser.add_argument("--pages", type=int, default=DEFAULT_PAGES, help="pages to extract in all")
    parser.add_argument("--every", type=int, default=DEFAULT_EVERY, help="sample RSS after this many pages")
    parser.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE, help="allowed growth (0.10 = 10%%)")
    parser.add_argument("--json", type=Path, help="also write the samples and counts here")
    parser.add_argument("--trim", action="store_true", help="release free memory (gc, malloc_trim) before each sample")
    args = parser.parse_args(argv)
    samples, errors, warnings = soak(args.data, args.pages, args.every, trim=args.trim)
    growth = growth_after_first(samples, args.every)
    print("| pages | RSS MB | seconds |\n|---:|---:|---:|")
    for sample in samples[:-1]:
        print(f"| {sample.pages:,} | {sample.rss_mb:.1f} | {sample.seconds:.0f} |")
    print(f"\nafter gc.collect(): {samples[-1].rss_mb:.1f} MB")
    print(f"largest growth over the sample at {args.every:,} pages: {growth:+.1%} (allowed {args.tolerance:.0%})")
    print(f"errors: {dict(errors.most_common())}\nwarnings: {dict(warnings.most_common())}")
    if args.json:
        record = {
            "samples": [asdict(s) for s in samples],
            "growth": growth,
            "errors": errors,
            "warnings": warnings,
        }
        args.json.write_text(json.dumps(record, indent=2), encoding="utf-8")
    return 0 if growth <= args.tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
