"""A definite mention that names no one takes the roles of the commitment it refers back to."""

from __future__ import annotations

from tests.extract.conftest import canonicals


def test_the_truce_is_the_arrangement_named_before(extract) -> None:
    first, later = extract(
        "The US said Russia and Ukraine have agreed to a ceasefire in the Black Sea. "
        "The truce would come into force once sanctions were lifted.",
        published="2025-03-25",
    )["ceasefires"]
    assert canonicals(first["sponsors"]) == {"United States"}
    assert canonicals(later["parties"]) == canonicals(first["parties"]) == {"Russia", "Ukraine"}
    assert canonicals(later["sponsors"]) == {"United States"}


def test_no_roles_carried_to_what_a_name_before_it_owns_or_to_an_indefinite_term(
    extract,
) -> None:
    text = (
        "The government and the Taliban agreed on a ceasefire for Eid. "
        "Ghani also asked the Taliban to extend their three-day ceasefire. "
        "A ceasefire would help the talks."
    )
    _, owned, indefinite = extract(text, published="2018-06-16")["ceasefires"]
    assert "Afghan government" not in canonicals(owned["parties"])
    assert (indefinite["parties"], indefinite["sponsors"]) == ([], [])


def test_a_proposal_lends_no_roles(extract) -> None:
    proposal, later = extract(
        "Zelensky proposed an immediate ceasefire. The ceasefire would last 30 days.",
        published="2025-04-29",
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
    text = "The Daraa agreement lets Russia control the border between Syria and Jordan."
    records = extract("The ceasefire holds. " + text, published="2018-07-06")["ceasefires"]
    assert not {"Syrian government", "Jordan"} & {
        a["canonical"] for c in records for a in c["parties"]
    }
