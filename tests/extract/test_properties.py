"""Properties of `ceasefire.extract` on any text: it raises nothing but the documented error,
and every evidence span lies inside the cleaned text and quotes it exactly."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ceasefire
from ceasefire.ingest.errors import IngestError

# Fragments of news prose in both languages, so that the extractors have something to find
# among the arbitrary characters around them.
FRAGMENTS = [
    "Russia announced a regime of calm in Aleppo on Wednesday.",
    "Syrian warplanes struck Idlib on 4 May 2016, killing 12 civilians, monitors said.",
    "The truce was extended by 72 hours",
    " tomorrow ",
    " three days ago ",
    "About 400,000 people may flee to Turkey, the UN envoy warned.",
    "أعلنت روسيا نظام تهدئة في حلب يوم الأربعاء.",
    "قُتل ١٢ مدنياً في غارات على إدلب في ٤ أيار ٢٠١٦.",
    "وقف إطلاق النار",
    "بدأت الهدنة في 29 شباط/فبراير.",
    " will start on 3 January ",
    "a ceasefire between Hamas and Israel took effect at 0600 GMT",
    " 99999999999999999999999999 ",
    "\n\n",
    "🕊️🔥💥",
    "²①",
]

_text = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(max_size=40),
        st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=40),
        st.text(alphabet=st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF), max_size=8),
    ),
    max_size=12,
).map("".join)
_published = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


def _evidence(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if set(value) == {"start", "end", "text"}:
            yield value
        for item in value.values():
            yield from _evidence(item)
    elif isinstance(value, list):
        for item in value:
            yield from _evidence(item)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_text, published=_published)
def test_extract_raises_only_the_documented_error_and_quotes_its_evidence(
    text: str, published: str | None
) -> None:
    try:
        result = ceasefire.extract(text, published=published)
    except IngestError:
        return
    cleaned = result.text or ""
    for span in _evidence(result.to_dict()):
        assert 0 <= span["start"] <= span["end"] <= len(cleaned), span
        assert cleaned[span["start"] : span["end"]] == span["text"], span


def test_the_strategy_reaches_the_extractors() -> None:
    """The property above means something only if its texts give records with evidence."""
    result = ceasefire.extract("".join(FRAGMENTS[:3]), published="2016-05-05")
    assert list(_evidence(result.to_dict()))
