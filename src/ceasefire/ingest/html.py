"""Main text and metadata of an HTML page, with the boilerplate removed by trafilatura."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ceasefire.ingest.errors import IngestError

# trafilatura logs every page it cannot parse; the reason reaches the user as an IngestError.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())


@dataclass(slots=True)
class Page:
    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


def extract_page(html: str, url: str | None = None) -> Page:
    """The article of a page; raise IngestError when the page holds no main text."""
    import trafilatura

    if "<" not in html:
        raise IngestError("this is not an HTML page (no tags found)")
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if result is None or not (result.text or "").strip():
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_recall=True
        )
    if result is None or not (result.text or "").strip():
        raise IngestError("no article text found in this HTML page (only markup or boilerplate)")
    return Page(
        text=result.text.strip(),
        title=result.title or None,
        author=result.author or None,
        outlet=result.sitename or None,
        published=(result.date or None),
        url=result.url or url,
    )


def html_to_text(fragment: str) -> str:
    """All the text of a short HTML fragment (a feed entry's description), markup removed."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    return " ".join(root.text_content().split())
