"""Turn a raw item into a clean Document: decode, strip boilerplate, detect language and date."""

from __future__ import annotations

from ceasefire.ingest.clean import Cleaned, clean_text
from ceasefire.ingest.dates import find_dateline, implausible, iso_date, plausible
from ceasefire.ingest.dedupe import content_hash, raw_hash, signature
from ceasefire.ingest.encoding import decode
from ceasefire.ingest.errors import IngestError
from ceasefire.ingest.html import extract_page, html_to_text
from ceasefire.ingest.items import RawItem
from ceasefire.ingest.language import detect_language
from ceasefire.ingest.scrub import printable, scrub, unstorable
from ceasefire.records import Document, Failure

_STRING_FIELDS = ("title", "url", "outlet", "author", "language")


def prepare(item: RawItem, signed: bool = True) -> Document:
    """The cleaned Document of one item; raise IngestError saying why when there is none.

    `signed` false leaves out the MinHash signature, which only finding near-duplicates among
    stored documents needs (and whose library takes a third of a second to import)."""
    if (problem := unstorable(item.doc_id)) is not None:
        raise IngestError(f"the id holds {problem}, which no database can store as text")
    if item.kind == "text":
        doc = _from_text_file(item)
    elif item.kind == "html":
        doc = _from_html_file(item)
    else:
        doc = _from_fields(item)
    _scrub(doc)
    if not doc.text.strip():
        raise IngestError("no article text is left after cleaning")
    doc.raw = item.raw
    doc.raw_hash = raw_hash(item.raw)
    doc.content_hash = content_hash(doc.text)
    if signed:
        doc.signature = signature(doc.text)
    doc.source_path = item.source
    doc.source_line = item.line
    doc.language = doc.language or detect_language(doc.text)
    return doc


def warm_up() -> None:
    """Load the language model and MinHash permutations now rather than on the first item."""
    detect_language("warm up the language model")
    signature("warm up")


def prepare_or_fail(item: RawItem | Failure) -> Document | Failure:
    """`prepare`, with any error turned into a Failure that keeps the item for retry."""
    if isinstance(item, Failure):
        return item
    try:
        return prepare(item)
    except IngestError as exc:
        reason = str(exc)
    except Exception as exc:  # a bug or a library failure must not stop the batch
        reason = f"unexpected error while cleaning: {type(exc).__name__}: {exc}"
    item_id = printable(item.doc_id) if item.doc_id != item.source else None
    return Failure(item.source, reason, line=item.line, item_id=item_id, raw=item.raw)


def _scrub(doc: Document) -> None:
    """Drop what no database stores from the text and metadata, saying so in a warning."""
    for name in ("text", "title", "url", "outlet", "author", "language"):
        value = getattr(doc, name)
        if isinstance(value, str):
            cleaned, warning = scrub(value)
            if warning:
                setattr(doc, name, cleaned)
                doc.warnings.append(f"{name}: {warning}")


def _from_text_file(item: RawItem) -> Document:
    decoded = decode(item.raw)
    cleaned = clean_text(decoded.text)
    return _document(item.doc_id, cleaned, encoding=decoded.encoding, warnings=decoded.warnings)


def _from_html_file(item: RawItem) -> Document:
    decoded = decode(item.raw)
    page = extract_page(decoded.text)
    return Document(
        id=item.doc_id,
        text=clean_text(page.text, title=page.title).text,
        title=page.title,
        published=plausible(iso_date(page.published)),
        url=page.url,
        outlet=page.outlet,
        author=page.author,
        encoding=decoded.encoding,
        warnings=decoded.warnings,
    )


def _from_fields(item: RawItem) -> Document:
    """A JSONL object or a feed entry: given metadata wins over what the text suggests."""
    fields = item.fields
    given = {key: _string(fields, key) for key in _STRING_FIELDS}
    published = _published(fields.get("published"))
    body = fields.get("text")
    if item.kind == "feed":
        body = html_to_text(fields["html"])
    if isinstance(body, str) and body.strip():
        cleaned = clean_text(body, title=given["title"])
        text, title = cleaned.text, given["title"] or cleaned.title
        author, outlet = given["author"] or cleaned.author, given["outlet"] or cleaned.outlet
        published = published or find_dateline(text)
    else:
        page = extract_page(fields["html"], url=given["url"])
        title = given["title"] or page.title
        text = clean_text(page.text, title=title).text
        author, outlet = given["author"] or page.author, given["outlet"] or page.outlet
        published = published or plausible(iso_date(page.published))
    return Document(
        id=item.doc_id,
        text=text,
        title=title,
        language=given["language"],
        published=published,
        url=given["url"],
        outlet=outlet,
        author=author,
    )


def _document(doc_id: str, cleaned: Cleaned, **extra: object) -> Document:
    return Document(
        id=doc_id,
        text=cleaned.text,
        title=cleaned.title,
        published=find_dateline(cleaned.text),
        outlet=cleaned.outlet,
        author=cleaned.author,
        **extra,  # type: ignore[arg-type]
    )


def _string(fields: dict, key: str) -> str | None:
    value = fields.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise IngestError(f'"{key}" must be a string, got {type(value).__name__}')
    return value.strip() or None


def _published(value: object) -> str | None:
    if value is None or value == "":
        return None
    parsed = iso_date(value) if isinstance(value, str) else None
    if parsed is None:
        shown = printable(repr(value)[:40])
        raise IngestError(f'"published" is {shown}, not a date (expected YYYY-MM-DD)')
    if (problem := implausible(parsed)) is not None:
        raise IngestError(f'"published" is {parsed}: {problem}')
    return parsed
