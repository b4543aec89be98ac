"""ceasefire: a live, evidence-linked record of ceasefire arrangements from the news.

>>> import ceasefire
>>> result = ceasefire.extract("The truce now covers Aleppo.", published="2016-05-06")
>>> result.language
'en'
"""

from __future__ import annotations

# The subpackage `ceasefire.extract` is imported first so that the function below, not the
# module, is what `ceasefire.extract` names.
import ceasefire.extract as _extract_package  # noqa: F401
from ceasefire.records import Document, Failure, Result

__all__ = ["Document", "Failure", "Result", "extract"]
__version__ = "0.1.0"


def extract(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    language: str | None = None,
    id: str = "text",
) -> Result:
    """Extract the SCHEMA.md record from one article's plain text.

    Raises `ceasefire.ingest.errors.IngestError` when the text is empty or has an invalid date.
    """
    from ceasefire.extract import extract_document
    from ceasefire.ingest.errors import IngestError
    from ceasefire.ingest.prepare import prepare
    from ceasefire.ingest.readers import item_from_object

    fields = {"id": id, "text": text, "published": published, "title": title, "language": language}
    item = item_from_object(fields, id, None)
    if isinstance(item, Failure):
        raise IngestError(item.reason)
    return extract_document(prepare(item, signed=False))  # one text: no duplicates to find
