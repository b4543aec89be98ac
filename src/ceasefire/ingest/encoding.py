"""Turn raw bytes into text, naming the encoding, or say plainly why they are not text."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from ceasefire.ingest.errors import IngestError

# Signatures of the binary formats a crawl directory most often holds.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF media file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# A mostly-UTF-8 file with a few broken bytes is UTF-8 with damage, not another encoding.
_MAX_DAMAGE = 0.01


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> Decoded:
    """Decode `data`, trying BOMs, then UTF-8, then a detector; raise IngestError if not text."""
    if not data.strip():
        raise IngestError("the file is empty")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise IngestError(f"this is {kind}, not a text document")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    if b"\x00" in data[:_SAMPLE]:
        return _with_nul_bytes(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _damaged_utf8(data) or _detected(data)


_SAMPLE = 65536
# In UTF-16 text of any script, spaces, digits and punctuation put a NUL in every other byte.
_UTF16_NULS = 0.1  # at least this share of the bytes at one parity are NUL ...
_STRAY_NULS = 0.01  # ... and at most this share at the other (or in UTF-8 text)


def _with_nul_bytes(data: bytes) -> Decoded:
    """Bytes with NULs: UTF-16 written without a byte-order mark, UTF-8 with a few stray NULs
    (which cleaning drops), or binary data, which is refused."""
    sample = data[:_SAMPLE]
    even, odd = (
        sample[0::2].count(0) / len(sample[0::2]),
        sample[1::2].count(0) / max(len(sample[1::2]), 1),
    )
    for encoding, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls >= _UTF16_NULS and other <= _STRAY_NULS and len(data) % 2 == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                break
            if "\x00" not in text:
                return Decoded(text, encoding, [f"decoded as {encoding} (no byte-order mark)"])
    if sample.count(0) / len(sample) <= _STRAY_NULS:
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    raise IngestError("the file holds binary data (NUL bytes), not a text document")


def _strict(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding.removesuffix("-sig"))
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"the file starts with a {encoding} byte-order mark but is not valid {encoding} "
            f"(bad bytes at offset {exc.start})"
        ) from exc


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 text with a few invalid bytes: keep it, replace them, and say so."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if multibyte == 0 or bad / max(len(text), 1) > _MAX_DAMAGE:
        return None
    return Decoded(text, "utf-8", [f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD"])


def _detected(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError("not valid UTF-8, and no known text encoding fits these bytes")
    return Decoded(str(best), best.encoding, [f"decoded as {best.encoding} (not UTF-8)"])
