import codecs

import pytest

from ceasefire.ingest.encoding import decode
from ceasefire.ingest.errors import IngestError

ARABIC = "أعلنت الولايات المتحدة أن الهدنة باتت تشمل مدينة حلب، فيما وصفتها روسيا بأنها نظام تهدئة."
ENGLISH = "The United States said the truce now covers Aleppo."


def test_plain_utf8() -> None:
    decoded = decode(ARABIC.encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.warnings) == (ARABIC, "utf-8", [])


def test_utf8_with_bom_drops_the_bom() -> None:
    decoded = decode(codecs.BOM_UTF8 + ENGLISH.encode("utf-8"))
    assert decoded.text == ENGLISH
    assert decoded.encoding == "utf-8"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding: str) -> None:
    data = ENGLISH.encode(encoding)
    if encoding != "utf-16":  # the plain codec writes its own BOM
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    assert decode(data).text == ENGLISH


def test_windows_1256_arabic_is_detected() -> None:
    decoded = decode(ARABIC.encode("cp1256"))
    assert decoded.text == ARABIC
    assert decoded.encoding == "cp1256"
    assert "cp1256" in decoded.warnings[0]


def test_mostly_utf8_with_broken_bytes_is_kept_with_a_warning() -> None:
    data = "Café owners reopened in Aleppo. ".encode() * 20 + b"\xc3\x28" + b" The truce held."
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert "Café" in decoded.text and "\ufffd" in decoded.text
    assert "1 invalid UTF-8" in decoded.warnings[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n", "PDF"),
        (b"abc\x00\x00\x01\x02\xff\xfe\x00" * 10, "binary data"),
    ],
)
def test_non_text_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        decode(data)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ENGLISH, ARABIC])
def test_utf16_without_a_bom_is_detected(encoding: str, text: str) -> None:
    decoded = decode(text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, encoding)
    assert "no byte-order mark" in decoded.warnings[0]


def test_a_few_stray_nuls_in_utf8_are_not_taken_for_utf16() -> None:
    data = (ENGLISH + " ").encode() * 40 + b"\x00" + ENGLISH.encode()
    assert decode(data).encoding == "utf-8"


def test_bytes_full_of_nuls_that_are_not_utf16_are_refused() -> None:
    with pytest.raises(IngestError, match="binary data"):
        decode(bytes(range(256)) * 8)
