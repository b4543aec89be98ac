"""RSS and Atom feed files: one item per entry, parsed by feedparser."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ceasefire.ingest.dates import iso_date, plausible
from ceasefire.ingest.items import RawItem
from ceasefire.records import Failure


def read_feed(data: bytes, path: str) -> Iterator[RawItem | Failure]:
    """Each entry of the feed as a RawItem whose id is the entry's guid (or link)."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = getattr(parsed, "bozo_exception", None)
        why = f": {problem}" if problem else ""
        yield Failure(
            source=path, reason=f"not a readable RSS/Atom feed, or one with no entries{why}"
        )
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        fields = _entry_fields(entry, outlet)
        doc_id = entry.get("id") or entry.get("link") or f"{path}#{number}"
        if not fields["html"]:
            reason = "feed entry has neither content nor description"
            yield Failure(source=path, line=number, item_id=doc_id, reason=reason)
            continue
        raw = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield RawItem(doc_id=doc_id, source=path, kind="feed", raw=raw, line=number, fields=fields)


def _entry_fields(entry: Any, outlet: str | None) -> dict[str, Any]:
    content = entry.get("content") or []
    html = content[0].get("value") if content else entry.get("summary")
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    return {
        "title": entry.get("title"),
        "url": entry.get("link"),
        "author": entry.get("author"),
        "outlet": outlet,
        "published": plausible(iso_date("{:04d}-{:02d}-{:02d}".format(*published[:3])))
        if published
        else None,
        "html": html or "",
    }
