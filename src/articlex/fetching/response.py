"""What a fetch returns: the page's bytes with where and when they came from."""

from __future__ import annotations

from dataclasses import dataclass

from articlex.results import Page


@dataclass(frozen=True, slots=True)
class Response:
    """One fetched page.

    Attributes:
        url: the URL asked for.
        final_url: the URL that answered, after redirects.
        status: the final HTTP status (a 2xx).
        content_type: the final ``Content-Type`` header as sent, charset included,
            or ``None``; pass it to ``extract(..., content_type=...)``.
        body: the body with its content-coding (gzip, deflate, br) undone, but not
            decoded from its charset: ``extract()`` does that.
        fetched: when the final response arrived, ISO 8601 in UTC.
    """

    url: str
    final_url: str
    status: int
    content_type: str | None
    body: bytes
    fetched: str

    def to_page(self) -> Page:
        """The page for batch extraction: identified by the URL asked for, located at the final URL."""
        return Page(
            id=self.url,
            data=self.body,
            url=self.final_url,
            fetched=self.fetched,
            content_type=self.content_type,
        )
