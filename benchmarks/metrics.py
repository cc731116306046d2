"""Scoring functions for the extraction benchmarks (pure, no I/O).

Two metrics are implemented, each matching its benchmark's published
evaluation script (re-implemented here, not copied).

ScrapingHub article-extraction-benchmark (``evaluate.py`` upstream)
--------------------------------------------------------------------
* Tokens: ``re.findall(r"\\w+", text)``; case is kept (upstream compiles the
  pattern with IGNORECASE, which changes nothing for ``\\w``).
* Shingles: a multiset (Counter) of 4-token tuples taken at every offset.
  A text with 1 to 3 tokens yields exactly one *short* shingle holding all
  its tokens (upstream ``range(max(1, len(tokens) - n + 1))``); a text with
  no tokens yields no shingle at all.
* Per page: tp = multiset intersection, fp = predicted-only, fn = true-only.
  Upstream divides the three by their sum; ratios are unchanged by that, so
  raw counts are used here.
* precision = tp / (tp + fp), recall = tp / (tp + fn), except
  ``fp == fn == 0`` gives 1.0 (texts identical, or both empty).
* Aggregation: precision is averaged only over pages whose prediction has
  shingles (tp + fp > 0), so an EMPTY PREDICTION IS LEFT OUT of the precision
  mean and scores recall 0. Recall is averaged only over pages whose ground
  truth has shingles (tp + fn > 0). F1 = 2PR / (P + R) of the two means.
  When no page qualifies for a mean, upstream crashes
  (``statistics.mean([])``); here that mean is reported as 0.0.
* ``accuracy`` (upstream's extra column) is the share of pages whose token
  lists are exactly equal.

WCXB (web-content-extraction-benchmark ``evaluate.py`` upstream)
----------------------------------------------------------------
* Tokens: ``re.findall(r"\\w+", text.lower())``, compared as bags of words
  (multiset overlap).
* Per page: P = overlap / len(pred), R = overlap / len(truth),
  F1 = 2PR / (P + R) (0.0 when P + R == 0).
* Edge cases: empty ground truth scores (1, 1, 1) if the prediction is empty
  too, else (0, 0, 0); a non-empty truth with an empty prediction scores
  (0, 0, 0).
* Aggregation: plain means of per-page P, R and F1 over all pages (macro);
  the per-page-type breakdown uses the same means within each type.
* Snippet rates: the share of ``with`` snippets (must appear) and ``without``
  snippets (boilerplate that must not appear) found, case-insensitively, in
  the prediction; an empty snippet list gives 1.0 as upstream.
"""

import difflib
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Shingle length of the ScrapingHub metric.
SHINGLE_SIZE = 4

_WORD_RE = re.compile(r"\w+")

Shingle = tuple[str, ...]


@dataclass(frozen=True)
class PageScore:
    """One page's scores; None means "left out of that mean" (ScrapingHub)."""

    precision: float | None
    recall: float | None
    f1: float


@dataclass(frozen=True)
class Aggregate:
    """Dataset-level scores."""

    f1: float
    precision: float
    recall: float
    pages: int


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean, 0.0 when both inputs are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total > 0 else 0.0


def _mean_or_zero(values: Iterable[float]) -> float:
    items = list(values)
    return statistics.fmean(items) if items else 0.0


# --- ScrapingHub -----------------------------------------------------------


def sh_tokenize(text: str | None) -> list[str]:
    """ScrapingHub tokens: ``\\w+`` runs, case kept."""
    return _WORD_RE.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """Multiset of ``size``-token shingles, with upstream's short-text rule."""
    tokens = sh_tokenize(text)
    if not tokens:
        return Counter()
    starts = range(max(1, len(tokens) - size + 1))
    return Counter(tuple(tokens[i : i + size]) for i in starts)


def shingle_counts(true: str | None, pred: str | None, size: int = SHINGLE_SIZE) -> tuple[int, int, int]:
    """Raw (tp, fp, fn) shingle counts between ground truth and prediction."""
    true_sh = shingles(true, size)
    pred_sh = shingles(pred, size)
    tp = sum((true_sh & pred_sh).values())
    return tp, sum(pred_sh.values()) - tp, sum(true_sh.values()) - tp


def sh_precision(tp: float, fp: float, fn: float) -> float:
    """Upstream ``precision_score`` including its special cases."""
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def sh_recall(tp: float, fp: float, fn: float) -> float:
    """Upstream ``recall_score`` including its special cases."""
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def scrapinghub_page(true: str | None, pred: str | None) -> PageScore:
    """Per-page ScrapingHub scores.

    ``precision`` is None for an empty prediction and ``recall`` is None for
    an empty ground truth: such values are excluded from the dataset means.
    ``f1`` is only a per-page convenience for ranking pages (upstream has no
    per-page F1); it uses upstream's precision/recall rules unfiltered.
    """
    tp, fp, fn = shingle_counts(true, pred)
    precision = sh_precision(tp, fp, fn)
    recall = sh_recall(tp, fp, fn)
    return PageScore(
        precision=precision if tp + fp > 0 else None,
        recall=recall if tp + fn > 0 else None,
        f1=f1_score(precision, recall),
    )


def scrapinghub_aggregate(pages: Sequence[PageScore]) -> Aggregate:
    """Mean precision/recall over qualifying pages; F1 of the two means."""
    precision = _mean_or_zero(p.precision for p in pages if p.precision is not None)
    recall = _mean_or_zero(p.recall for p in pages if p.recall is not None)
    return Aggregate(f1_score(precision, recall), precision, recall, len(pages))


def sh_exact_match(true: str | None, pred: str | None) -> bool:
    """Upstream ``accuracy`` for one page: identical token lists."""
    return sh_tokenize(true) == sh_tokenize(pred)


# --- WCXB ------------------------------------------------------------------


def wcxb_tokenize(text: str | None) -> list[str]:
    """WCXB tokens: ``\\w+`` runs of the lower-cased text."""
    return _WORD_RE.findall(text.lower()) if text else []


def wcxb_page(true: str | None, pred: str | None) -> PageScore:
    """Per-page bag-of-words precision/recall/F1 with WCXB's edge cases."""
    true_tokens = wcxb_tokenize(true)
    pred_tokens = wcxb_tokenize(pred)
    if not true_tokens:
        score = 0.0 if pred_tokens else 1.0
        return PageScore(score, score, score)
    if not pred_tokens:
        return PageScore(0.0, 0.0, 0.0)
    overlap = sum((Counter(true_tokens) & Counter(pred_tokens)).values())
    precision = overlap / len(pred_tokens)
    recall = overlap / len(true_tokens)
    return PageScore(precision, recall, f1_score(precision, recall))


def wcxb_aggregate(pages: Sequence[PageScore]) -> Aggregate:
    """Macro average: means of per-page precision, recall and F1."""
    return Aggregate(
        f1=_mean_or_zero(p.f1 for p in pages),
        precision=_mean_or_zero(p.precision or 0.0 for p in pages),
        recall=_mean_or_zero(p.recall or 0.0 for p in pages),
        pages=len(pages),
    )


def snippet_rate(text: str | None, snippets: Sequence[str]) -> float:
    """Share of ``snippets`` found case-insensitively in ``text``."""
    if not snippets:
        return 1.0
    haystack = (text or "").lower()
    return sum(1 for s in snippets if s.lower() in haystack) / len(snippets)


# --- Debugging helpers -------------------------------------------------------


def token_diff(true_tokens: Sequence[str], pred_tokens: Sequence[str]) -> tuple[Counter[str], Counter[str]]:
    """(missing, extra): truth tokens absent from the prediction and back."""
    true_counts = Counter(true_tokens)
    pred_counts = Counter(pred_tokens)
    return true_counts - pred_counts, pred_counts - true_counts


def diff_spans(true_tokens: Sequence[str], pred_tokens: Sequence[str]) -> tuple[list[list[str]], list[list[str]]]:
    """(missing, extra) runs of consecutive tokens, from an in-order diff."""
    matcher = difflib.SequenceMatcher(None, true_tokens, pred_tokens, autojunk=False)
    missing: list[list[str]] = []
    extra: list[list[str]] = []
    for tag, t_start, t_end, p_start, p_end in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            missing.append(list(true_tokens[t_start:t_end]))
        if tag in ("insert", "replace"):
            extra.append(list(pred_tokens[p_start:p_end]))
    return missing, extra
