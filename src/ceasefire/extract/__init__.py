"""Extraction: a cleaned Document in, a SCHEMA.md Result out.

The extractors (places, actors, dates, ceasefires, events, displacement) each fill their own
field; a field with no extractor yet stays an empty list, never an invented value.
"""

from __future__ import annotations

from ceasefire.records import Document, Result, Source


def extract_document(doc: Document) -> Result:
    """The SCHEMA.md record of one document."""
    return Result(
        id=doc.id,
        title=doc.title,
        language=doc.language,
        published=doc.published,
        source=Source(outlet=doc.outlet, author=doc.author),
        text=doc.text,
    )
