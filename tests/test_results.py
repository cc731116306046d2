"""The batch result types: one of article or error, and errors described by class and message."""

from __future__ import annotations

import pytest

from articlex import NotHTMLError, extract
from articlex.results import Failure, Result


def test_failure_names_the_error_class() -> None:
    failure = Failure.from_exception(NotHTMLError("a PDF document"))
    assert failure.type == "NotHTMLError"
    assert "PDF" in failure.message


def test_result_holds_exactly_one_outcome() -> None:
    article = extract("<html><body><p>" + "Words in a row. " * 20 + "</p></body></html>")
    assert Result("a.html", article=article).ok
    assert not Result("b.html", error=Failure("OSError", "gone")).ok
    with pytest.raises(ValueError, match="not both"):
        Result("c.html")
    with pytest.raises(ValueError, match="not both"):
        Result("d.html", article=article, error=Failure("OSError", "gone"))
