"""A large corpus as JSONL shards, made from texts given (the shipped demo corpus, and real
articles read from ../shared/data by the benchmark): each text again and again, moved to
another city and week, with exact and near duplicates and bad lines among them, as a
backfill of many outlets brings them. Used by tests/test_batch.py and bench/scale.py."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ceasefire.demo import corpus_dir

CITIES = [
    ("Aleppo", "حلب"),
    ("Homs", "حمص"),
    ("Hama", "حماة"),
    ("Idlib", "إدلب"),
    ("Daraa", "درعا"),
    ("Latakia", "اللاذقية"),
    ("Raqqa", "الرقة"),
    ("Deir ez-Zor", "دير الزور"),
]
_CITY = re.compile("|".join(re.escape(name) for pair in CITIES for name in pair))
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
EXACT_EVERY = 50  # one line in 50 repeats an earlier text under another id
NEAR_EVERY = 70  # one in 70 is an earlier text with a sentence added
BAD_EVERY = 400  # one in 400 is a line no reader accepts


@dataclass(frozen=True, slots=True)
class Text:
    id: str
    text: str
    published: str  # YYYY-MM-DD


def demo_texts() -> list[Text]:
    """The demo corpus: each file's text, dated by its name."""
    return [
        Text(path.stem, path.read_text(encoding="utf-8"), path.name[:10])
        for path in sorted(corpus_dir().glob("*.txt"))
    ]


def lines(texts: list[Text], count: int) -> Iterator[str]:
    """`count` JSONL lines of variants of `texts`."""
    written: list[dict] = []
    for n in range(count):
        if n and n % BAD_EVERY == 0:
            broken = (n // BAD_EVERY) % 2
            yield f'{{"id": "broken-{n}", "text": ' if broken else json.dumps({"id": f"empty-{n}"})
            continue
        if n and n % EXACT_EVERY == 0:
            record = {**written[n * 7 % len(written)], "id": f"copy-{n}"}
        elif n and n % NEAR_EVERY == 0:
            earlier = written[n * 3 % len(written)]
            added = earlier["text"] + "\nRescue teams searched the rubble."
            record = {**earlier, "id": f"near-{n}", "text": added}
        else:
            record = _variant(texts, n)
        written.append(record)
        yield json.dumps(record, ensure_ascii=False)


def _variant(texts: list[Text], n: int) -> dict:
    """Another week, each city the text names swapped for another, and the first paragraph
    with about half the sentences of the rest (a shorter version, as another outlet runs
    it): copies of one text are mostly not near duplicates of each other."""
    copy, index = divmod(n, len(texts))
    text = texts[index]
    day = date.fromisoformat(text.published) + timedelta(weeks=copy % 300)
    swap = {
        name: CITIES[(i + copy) % len(CITIES)][k]
        for i, pair in enumerate(CITIES)
        for k, name in enumerate(pair)
    }
    moved = _CITY.sub(lambda m: swap[m.group()], text.text)
    lead, _, rest = moved.partition("\n\n")
    pick = random.Random(n)
    kept = [s for s in _SENTENCE.split(rest) if pick.random() < 0.5]
    body = "\n\n".join(part for part in (lead, " ".join(kept)) if part)
    return {"id": f"{text.id}~{copy}", "text": body, "published": day.isoformat()}


def write_shards(folder: Path, texts: list[Text], count: int, shard_lines: int) -> list[Path]:
    """Write `count` lines into shards of `shard_lines` lines each; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    handle = None
    for n, line in enumerate(lines(texts, count)):
        if n % shard_lines == 0:
            if handle:
                handle.close()
            paths.append(folder / f"shard-{len(paths):04d}.jsonl")
            handle = paths[-1].open("w", encoding="utf-8")
        assert handle is not None
        handle.write(line + "\n")
    if handle:
        handle.close()
    return paths
