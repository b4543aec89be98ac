import json
from pathlib import Path

from ceasefire.ingest.items import RawItem
from ceasefire.ingest.prepare import prepare, prepare_or_fail
from ceasefire.ingest.readers import read
from ceasefire.records import Document, Failure

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title>
<item><title>Truce extended in Aleppo</title><link>https://example.org/a</link>
<guid>https://example.org/a</guid><pubDate>Sat, 07 May 2016 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Russia said the regime of calm in &lt;b&gt;Aleppo&lt;/b&gt; was extended by 72 hours.&lt;/p&gt;</description></item>
<item><title>Empty</title><guid>https://example.org/b</guid></item>
</channel></rss>"""


def test_directory_walk_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two\n\nSecond report.")
    (tmp_path / "a.txt").write_text("One\n\nFirst report.")
    (tmp_path / ".hidden.txt").write_text("secret")
    ids = [item.doc_id for item in read([str(tmp_path)])]
    assert ids == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]


def test_jsonl_bad_lines_are_failures_and_good_lines_go_on(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "one", "text": "The truce held.", "published": "2016-05-07"}),
        '{"id": "broken", "text": ',
        json.dumps({"text": "no id"}),
        json.dumps({"id": "no-text"}),
        "[1, 2]",
        "",
        json.dumps({"id": 7, "text": "numeric id"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(read([str(path)]))
    good = [i for i in items if isinstance(i, RawItem)]
    bad = [i for i in items if isinstance(i, Failure)]
    assert [i.doc_id for i in good] == ["one", "7"]
    assert [(f.line, f.reason.split(" ")[0]) for f in bad] == [
        (2, "not"),
        (3, "missing"),
        (4, "missing"),
        (5, "expected"),
    ]
    assert all(f.where.startswith(str(path) + ":") for f in bad)
    assert bad[0].raw == b'{"id": "broken", "text": \n'


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    [failure] = list(read([str(tmp_path / "nope.txt")]))
    assert isinstance(failure, Failure)
    assert failure.reason == "no such file or directory"


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"The truce held. " * 100_000)
    [failure] = list(read([str(path)], max_bytes=1_000_000))
    assert isinstance(failure, Failure)
    assert "1.6 MB is over the 1 MB limit" in failure.reason


def test_feed_entries_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(FEED)
    first, second = list(read([str(path)]))
    doc = prepare(first)
    assert doc.id == "https://example.org/a"
    assert doc.title == "Truce extended in Aleppo"
    assert doc.published == "2016-05-07"
    assert doc.outlet == "Test Wire"
    assert doc.text == (
        "Truce extended in Aleppo\n\n"
        "Russia said the regime of calm in Aleppo was extended by 72 hours."
    )
    assert isinstance(second, Failure) and "neither content nor description" in second.reason


def test_html_page_loses_its_boilerplate(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>Paragraph {n}: the regime of calm in Aleppo held through the night, residents and "
        "monitors said, although sporadic shelling was reported on the city's edges.</p>"
        for n in range(4)
    )
    page = (
        "<html><head><title>Calm holds in Aleppo | Test Wire</title>"
        '<meta property="article:published_time" content="2016-05-06T08:00:00Z">'
        '<meta name="author" content="Jane Doe"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<div class='cookie'>We use cookies. Accept all cookies</div>"
        f"<article><h1>Calm holds in Aleppo</h1>{paragraphs}</article>"
        "<aside><h3>Most read</h3><ul><li><a href='/x'>Celebrity news</a></li></ul></aside>"
        "<footer>Copyright Test Wire. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page)
    [item] = list(read([str(path)]))
    doc = prepare(item)
    assert doc.published == "2016-05-06"
    assert doc.author == "Jane Doe"
    assert doc.text.startswith("Calm holds in Aleppo\n\nParagraph 0: the regime of calm")
    for boilerplate in ("cookies", "Most read", "Celebrity", "Copyright", "Home"):
        assert boilerplate not in doc.text


def test_text_file_dateline_language_and_hashes(tmp_path: Path) -> None:
    path = tmp_path / "ar.txt"
    path.write_text(
        "هدنة في حلب\n\nحلب، 4 أيار/مايو 2016\n\nأعلنت الولايات المتحدة أن الهدنة تشمل حلب."
    )
    [item] = list(read([str(path)]))
    doc = prepare_or_fail(item)
    assert isinstance(doc, Document)
    assert (doc.title, doc.published, doc.language) == ("هدنة في حلب", "2016-05-04", "ar")
    assert len(doc.raw_hash) == len(doc.content_hash) == 64
    assert len(doc.signature) == 128 * 4


def test_bad_published_date_is_a_clear_failure() -> None:
    fields = {"id": "x", "text": "The truce held.", "published": "last Tuesday-ish"}
    item = RawItem(doc_id="x", source="in.jsonl", kind="jsonl", raw=b"{}", line=3, fields=fields)
    failure = prepare_or_fail(item)
    assert isinstance(failure, Failure)
    assert failure.where == "in.jsonl:3"
    assert "not a date" in failure.reason
