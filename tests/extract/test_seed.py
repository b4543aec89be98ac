"""The seed article, in English (as published) and in an Arabic rendering written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import by_type, canonicals

ARABIC = (
    "حلب تحت الهدنة أم نظام التهدئة؟\n\n"
    "قبل يومين، أعلنت الولايات المتحدة توسيع الهدنة لتشمل حلب. لكن الروس، ومعهم الأسد، "
    "استخدموا هذه المرة عبارة جديدة: «نظام التهدئة».\n\n"
    "وكشف الخلاف بين وزيري خارجية الولايات المتحدة وروسيا، جون كيري وسيرغي لافروف، عن تباين "
    "جدي بين الجانبين.\n\n"
    "وحذر المبعوث الأممي إلى سوريا ستافان دي ميستورا، بعد لقائه وزراء خارجية الأوروبيين، من أن "
    "نحو 400 ألف شخص من حلب سيفرون إلى تركيا في حال فشلت المفاوضات لإعلان هدنة.\n\n"
    "إن وجود داعش في سوريا يخدم نظام الأسد، فيما تواصل المعارضة القتال، مع استمرار الدعم "
    "الروسي والإيراني."
)


@pytest.fixture(scope="module")
def english(seed_path: Path, extract) -> dict:
    return extract(seed_path.read_text(encoding="utf-8"), published="2016-05-06")


@pytest.fixture(scope="module")
def arabic(extract) -> dict:
    return extract(ARABIC, published="2016-05-06")


@pytest.fixture(params=["english", "arabic"])
def seed(request: pytest.FixtureRequest) -> dict:
    return request.getfixturevalue(request.param)


def test_regime_of_calm_called_so_by_russia_and_the_syrian_government(seed: dict) -> None:
    calm = by_type(seed, "regime_of_calm")
    assert calm, "no regime_of_calm mention"
    named_by = set().union(*(canonicals(c["characterized_by"]) for c in calm))
    assert {"Russia", "Syrian government"} <= named_by


def test_truce_expanded_to_aleppo_by_the_us_two_days_before(seed: dict) -> None:
    truces = [c for c in by_type(seed, "truce") if c["status"] == "expanded"]
    assert len(truces) == 1
    truce = truces[0]
    assert "United States" in canonicals(truce["characterized_by"] + truce["sponsors"])
    assert 170063 in {p["geonameid"] for p in truce["places"]}
    assert truce["start"] == "2016-05-04"
    evidence = truce["evidence"]
    assert evidence["text"] in {
        "Two days ago, the US announced expanding the truce to include Aleppo.",
        "قبل يومين، أعلنت الولايات المتحدة توسيع الهدنة لتشمل حلب.",
    }


def test_evidence_spans_point_into_the_text(seed_path: Path) -> None:
    import ceasefire

    for text in (seed_path.read_text(encoding="utf-8"), ARABIC):
        result = ceasefire.extract(text, published="2016-05-06")
        records = result.ceasefires + result.displacement + result.places + result.actors
        assert records
        for record in records:
            span = record.evidence
            assert result.text[span.start : span.end] == span.text


def test_people_resolve_to_whom_they_speak_for(seed: dict) -> None:
    by_person = {
        a["canonical"] for a in seed["actors"] if "Kerry" in a["name"] or "كيري" in a["name"]
    }
    assert by_person == {"United States"}
    lavrov = {
        a["canonical"] for a in seed["actors"] if "Lavrov" in a["name"] or "لافروف" in a["name"]
    }
    assert lavrov == {"Russia"}
    envoy = [a for a in seed["actors"] if "Mistura" in a["name"] or "ميستورا" in a["name"]]
    assert envoy and all(a["code"] == "IGOUNO" for a in envoy)
    mediators = [m for c in seed["ceasefires"] for m in c["mediators"]]
    assert any(m["code"] == "IGOUNO" for m in mediators)


def test_conditional_displacement_from_aleppo_to_turkey(seed: dict) -> None:
    [moves] = [d for d in seed["displacement"] if d["count"] == 400000]
    assert moves["origin"]["geonameid"] == 170063
    assert moves["destination"]["country"] == "TR"
    assert moves["conditional"] is True
    assert moves["reported_by"]["code"] == "IGOUNO"


def test_the_other_actors(seed: dict) -> None:
    named = canonicals(seed["actors"])
    assert {"Islamic State", "Iran", "Syrian opposition", "Europeans"} <= named or {
        "Islamic State",
        "Iran",
        "Syrian opposition",
        "European Union",
    } <= named


def test_no_invented_events(seed: dict) -> None:
    assert seed["events"] == []
