"""A definite mention that names no one takes the roles of the commitment it refers back to."""

from __future__ import annotations

from tests.extract.conftest import canonicals


def test_the_truce_is_the_arrangement_named_before(extract) -> None:
    first, later = extract(
        "The United States said Israel and Hamas have agreed to a truce in Rafah. "
        "The truce would begin once the captives were freed.",
        published="2024-01-10",
    )["ceasefires"]
    assert canonicals(first["sponsors"]) == {"United States"}
    assert canonicals(later["parties"]) == canonicals(first["parties"]) == {"Israel", "Hamas"}
    assert canonicals(later["sponsors"]) == {"United States"}


def test_no_roles_carried_to_what_a_name_before_it_owns_or_to_an_indefinite_term(
    extract,
) -> None:
    text = (
        "The government and the rebels agreed on a truce for the holiday. "
        "Abdullah also asked the rebels to extend their two-day truce. "
        "A truce would help the talks."
    )
    first, owned, indefinite = extract(text, published="2018-06-16")["ceasefires"]
    assert first["parties"]
    assert not canonicals(owned["parties"]) & canonicals(first["parties"])
    assert (indefinite["parties"], indefinite["sponsors"]) == ([], [])


def test_a_proposal_lends_no_roles(extract) -> None:
    proposal, later = extract(
        "The prime minister proposed an immediate truce. The truce would last ten days.",
        published="2020-01-01",
    )["ceasefires"]
    assert proposal["status"] == "proposed"
    assert (later["parties"], later["sponsors"]) == ([], [])


def test_an_agreement_named_for_where_it_was_made(extract) -> None:
    text = (
        "The truce held in Hodeidah. The Houthis said they remain committed to the "
        "Stockholm agreement and to the calm in Taiz."
    )
    named = [
        c for c in extract(text, published="2018-12-18")["ceasefires"] if "Stockholm" in c["term"]
    ]
    assert [c["term"] for c in named] == ["Stockholm agreement"]
    # named for the venue, it takes none of its sentence's places (Taiz is the calm's)
    assert "Taiz" not in {p["canonical"] for p in named[0]["places"]}
    arabic = extract(
        "الهدنة صامدة. وأكد الحوثيون الالتزام باتفاق استوكهولم.", published="2018-12-18"
    )
    assert "اتفاق استوكهولم" in [c["term"] for c in arabic["ceasefires"]]
    # a text that names no ceasefire names no agreement of this kind
    assert extract("The Minsk agreements were discussed in Paris.")["ceasefires"] == []


def test_border_between_two_states_names_no_sides(extract) -> None:
    text = "The Riyadh agreement lets Turkey control the border between Turkey and Iraq."
    records = extract("The truce holds. " + text, published="2020-01-01")["ceasefires"]
    assert not {"Turkish government", "Turkey", "Iraq", "Iraqi government"} & {
        a["canonical"] for c in records for a in c["parties"]
    }
