"""Accuracy floors on the development data, which fail the suite when a change lowers them.

The figures are those of the extractor when the gate was set; a change may raise them (then
raise the floor here in the same commit) but never lower one. "at most" rows are error
rates, which may only fall. Runs only when ../shared (the coded data and its scorers) is
present beside the project.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ceasefire.evaluate import score_articles, score_events, score_places

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data"
CLI = Path(sys.executable).with_name("ceasefire")

# name: (floor, or ceiling when the name is prefixed "at most ")
REALNEWS = {
    "arrangement recall, main": 0.979,
    "arrangement recall, secondary/background": 0.818,
    "mention precision (assigned / predicted)": 0.996,
    "at most docs with a spurious arrangement": 0.021,
    "type exact, any mention (main)": 0.936,
    "status exact, any mention (main)": 0.894,
    "status acceptable, any mention (main)": 0.979,
    "status acceptable, any (secondary)": 0.778,
    "places recall (main)": 0.982,
    "places precision (main)": 0.959,
    "parties recall, in role (main)": 0.880,
    "sponsors recall, in role (main)": 0.885,
    "mediators recall, in role (main)": 1.0,
    "characterizations recall (main)": 0.875,
    "type acceptable, any mention (main)": 1.0,
    "parties recall, any role (main)": 0.920,
    "sponsors recall, any role (main)": 1.0,
    "mediators recall, any role (main)": 1.0,
    "parties precision (main)": 0.973,
    "sponsors precision (main)": 0.923,
    "mediators precision (main)": 1.0,
    "start date correct (main)": 1.0,
    "displacement counts found": 1.0,
    "at most extra displacement records (total)": 0.0,
    "violent events within gold range (docs)": 0.729,
    "language detected right": 1.0,
}
EVENTS_GOLD = {
    "event precision": 0.565,
    "event recall": 0.615,
    "type right on matched (type_alt counts)": 0.934,
    "sub-type right on matched": 0.890,
    "actor1 right on matched": 0.901,
    "fatalities exact on matched (gold states a number)": 0.857,
    "at most not_events wrongly extracted": 0.089,
    "at most fatalities invented on matched (gold states none)": 0.028,
}
ACLED_EVENTS = {
    "event type accuracy": 0.911,
    "sub-event type accuracy": 0.880,
    "location within 25 km": 0.576,
    "country": 0.837,
    "fatalities exact (notes state a toll)": 0.960,
    "actor1 agent type": 0.897,
    "event type macro-F1": 0.904,
}
ACLED_PLACES = {
    "location within 25 km": 0.612,
    "country": 0.873,
    "rows with a place found": 0.930,
}
FAKES = {
    "governorate of the main place": 0.893,
    "cause of death of the main event": 0.799,
    "actor class of the main event": 0.773,
    "deaths exact": 0.654,
}

# Arabic within this much of English on these (the acceptance)
ARABIC_GAP = 0.10
ARABIC_GAP_ROWS = (
    "status exact, any mention (main)",
    "characterizations recall (main)",
    "places precision (main)",
)

_FIGURE = re.compile(r"^(?P<name>\S.*?)\s{2,}(?P<percent>\d+\.\d)%")
_COUNT = re.compile(r"^(?P<name>\S.*?)\s{2,}(?P<count>\d+)/(?P<of>\d+)\s")  # "extra ... 0/48"


def _below(figures: dict[str, float], gates: dict[str, float]) -> list[str]:
    """The gates a set of figures fails, each as a sentence; a figure missing is one."""
    failed = []
    for gate, bound in gates.items():
        ceiling = gate.startswith("at most ")
        name = gate.removeprefix("at most ")
        if name not in figures:
            failed.append(f"{name}: not printed by the scorer")
        elif (figures[name] > bound + 5e-4) if ceiling else (figures[name] < bound - 5e-4):
            failed.append(f"{name}: {figures[name]:.3f}, {'above' if ceiling else 'below'} {bound}")
    return failed


def _scorer_output(script: str) -> list[str]:
    """The lines a ../shared/tools scorer prints on the development data."""
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / script), "--cli", str(CLI)],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.splitlines()


def _scorer_figures(lines: list[str]) -> dict[str, float]:
    """The percentages a scorer prints, by their label (the first of each)."""
    figures: dict[str, float] = {}
    for line in lines:
        if match := _FIGURE.match(line):
            figures.setdefault(match["name"].strip(), float(match["percent"]) / 100)
        elif match := _COUNT.match(line):
            figures.setdefault(match["name"].strip(), int(match["count"]) / int(match["of"]))
    return figures


_BY_LANGUAGE = re.compile(r"(?P<ar>\d+\.\d)%\s+(?P<en>\d+\.\d)%\s*$")


def _language_gaps(lines: list[str], rows: tuple[str, ...], gap: float) -> list[str]:
    """The rows whose Arabic and English columns lie more than `gap` apart, as sentences."""
    failed = []
    for row in rows:
        line = next((x for x in lines if x.startswith(row)), "")
        match = _BY_LANGUAGE.search(line)
        if match is None:
            failed.append(f"{row}: no Arabic and English columns printed")
        elif abs(float(match["ar"]) - float(match["en"])) / 100 > gap + 5e-4:
            failed.append(f"{row}: Arabic {match['ar']}% and English {match['en']}%")
    return failed


def _needs(*paths: Path) -> pytest.MarkDecorator:
    missing = [str(p) for p in paths if not p.exists()]
    return pytest.mark.skipif(bool(missing), reason=f"not present: {', '.join(missing)}")


@_needs(SHARED / "tools" / "score_realnews.py", DATA / "realnews-dev")
def test_arrangement_records_on_real_news_keep_their_floors() -> None:
    lines = _scorer_output("score_realnews.py")
    assert _below(_scorer_figures(lines), REALNEWS) == []
    assert _language_gaps(lines, ARABIC_GAP_ROWS, ARABIC_GAP) == []


@_needs(SHARED / "tools" / "score_events.py", DATA / "events-gold")
def test_events_of_whole_articles_keep_their_floors() -> None:
    assert _below(_scorer_figures(_scorer_output("score_events.py")), EVENTS_GOLD) == []


@_needs(DATA / "acled-middle-east-2020-dev.csv")
def test_acled_rows_keep_their_floors() -> None:
    csv = DATA / "acled-middle-east-2020-dev.csv"
    report = score_events(csv)
    events = {s.name: s.value for s in report.scores}
    macro = next(n for n in report.notes if n.startswith("event type macro-F1"))
    events["event type macro-F1"] = float(macro.split()[-1])
    places = {s.name: s.value for s in score_places(csv).scores}
    assert _below(events, ACLED_EVENTS) + _below(places, ACLED_PLACES) == []


@_needs(DATA / "fakes-syria-news-dev.csv")
def test_fakes_articles_keep_their_floors() -> None:
    figures = {s.name: s.value for s in score_articles(DATA / "fakes-syria-news-dev.csv").scores}
    assert _below(figures, FAKES) == []


def test_a_figure_under_its_floor_or_over_its_ceiling_fails_the_gate() -> None:
    gates = {"recall": 0.5, "at most errors": 0.1}
    assert _below({"recall": 0.5, "errors": 0.1}, gates) == []
    assert _below({"recall": 0.49, "errors": 0.2}, gates) == [
        "recall: 0.490, below 0.5",
        "errors: 0.200, above 0.1",
    ]
    assert _below({}, {"recall": 0.5}) == ["recall: not printed by the scorer"]


def test_arabic_far_from_english_fails_the_gate() -> None:
    lines = [
        "status exact, any mention (main)      89.4%     42/47   94.4%   86.2%",
        "characterizations recall (main)       81.2%     78/96   71.4%   86.9%",
    ]
    assert _language_gaps(lines, ARABIC_GAP_ROWS, 0.10) == [
        "characterizations recall (main): Arabic 71.4% and English 86.9%",
        "places precision (main): no Arabic and English columns printed",
    ]
