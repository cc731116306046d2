"""What happens when a limit in :class:`~articlex.Options` fires.

The stage that notices a limit describes it as a :class:`LimitHit` and hands it
to :func:`reached`, which applies ``Options.on_limit``: it raises
:class:`~articlex.ResourceLimitError`, or returns the warning the stage puts
in its result (and so, in the end, in ``Article.warnings``). Every warning
starts ``limit <option>=<maximum> reached``, so callers can match on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from articlex.errors import ResourceLimitError
from articlex.options import Options


@dataclass(frozen=True, slots=True)
class LimitHit:
    """One limit that fired: which, what was found, and what was done about it."""

    option: str
    maximum: int
    found: int
    #: What was cut or skipped, and what was kept, for the warning ("wrappers below it were flattened").
    consequence: str

    def warning(self) -> str:
        return f"limit {self.option}={self.maximum:,} reached ({self.found:,} found): {self.consequence}"


def reached(hit: LimitHit, options: Options) -> str:
    """The warning for ``hit``; raise instead when ``options.on_limit`` is ``"raise"``."""
    if options.on_limit == "raise":
        raise ResourceLimitError(hit.option, hit.found, hit.maximum, hit.consequence)
    return hit.warning()
