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
