"""Seas, ceasefire lines and crossings as places (knowledge/landmarks.yaml), and the compass
word a name is written with."""

from __future__ import annotations

from ceasefire import knowledge


def test_landmark_entries_are_well_formed() -> None:
    entries = knowledge.load("landmarks")["landmarks"]
    ids = [e["id"] for e in entries]
    assert len(set(ids)) == len(ids) and all(i < 0 for i in ids)  # apart from GeoNames ids
    for entry in entries:
        assert entry["names"][0] == entry["name"], entry
        assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180, entry
        assert entry["country"] == "" or len(entry["country"]) == 2, entry


def test_a_sea_and_a_ceasefire_line_are_the_scope(extract) -> None:
    [sea] = extract(
        "Officials said the two navies have agreed to a truce across the Black Sea.",
        published="2024-03-25",
    )["ceasefires"]
    assert [(p["canonical"], p["kind"], p["geonameid"]) for p in sea["places"]] == [
        ("Black Sea", "landmark", None)
    ]
    [line] = extract(
        "Both armies agreed on a truce along the Line of Control.",
        published="2021-02-25",
    )["ceasefires"]
    assert [p["canonical"] for p in line["places"]] == ["Line of Control"]
    [arabic] = extract("اتفق الطرفان على هدنة في البحر الأسود", published="2025-03-25")[
        "ceasefires"
    ]
    assert [p["canonical"] for p in arabic["places"]] == ["Black Sea"]


def test_the_compass_word_stays_with_the_name(extract) -> None:
    for text, name in (
        ("A truce was declared in eastern Congo.", "eastern Congo"),
        ("A truce in north-east Syria.", "north-east Syria"),
        ("هدنة في جنوب لبنان", "جنوب لبنان"),
        ("A truce in Aleppo.", "Aleppo"),
    ):
        [truce] = extract(text)["ceasefires"]
        assert [p["name"] for p in truce["places"]] == [name], text
