"""Dispute settlement, courts, governing law, seat and authentic text."""

from __future__ import annotations

from qa.conflicts.forums import Aspect, Forum, ForumClaim, find_forums, forum_clash


def claims(sentence: str) -> dict[tuple[Aspect, str], bool]:
    return {(c.aspect, c.value): c.excluded for c in find_forums(sentence)}


def clashes(a: str, b: str) -> list[tuple[str, str, float]]:
    found: list[tuple[str, str, float]] = []
    for x in find_forums(a):
        for y in find_forums(b):
            if (result := forum_clash(x, y)) is not None:
                found.append((x.value, y.value, result[0]))
    return found


def test_negotiation_only_excludes_every_deciding_forum() -> None:
    found = claims(
        "Any dispute shall be settled exclusively by negotiation between the Parties and shall not"
        " be referred to any international tribunal or third party."
    )
    assert found == {
        (Aspect.FORUM, Forum.NEGOTIATION.value): False,
        (Aspect.FORUM, Forum.ARBITRATION.value): True,
        (Aspect.FORUM, Forum.COURTS.value): True,
        (Aspect.FORUM, Forum.INTERNATIONAL_COURT.value): True,
        (Aspect.FORUM, Forum.BODY.value): True,
    }


def test_not_resolved_by_consultation_does_not_exclude_consultation() -> None:
    found = claims(
        "Disputes not resolved by consultation within 90 days shall be referred to arbitration."
    )
    assert found == {
        (Aspect.FORUM, Forum.NEGOTIATION.value): False,
        (Aspect.FORUM, Forum.ARBITRATION.value): False,
    }


def test_excluded_forum_against_used_forum() -> None:
    assert clashes(
        "No dispute arising under this Agreement shall be submitted to any national court.",
        "Either Party may bring a dispute under this Agreement before the courts of the"
        " respondent Party.",
    ) == [(Forum.COURTS.value, Forum.COURTS.value, 0.9)]


def test_escalation_is_not_a_clash() -> None:
    assert (
        clashes(
            "Disputes shall first be the subject of consultation between the Parties.",
            "Disputes not resolved by consultation within ninety days shall be referred to"
            " arbitration.",
        )
        == []
    )


def test_two_deciding_forums_clash_softly() -> None:
    assert clashes(
        "Any dispute shall be submitted to binding arbitration.",
        "Any dispute shall be submitted to the competent courts of the State where the contract"
        " was signed.",
    ) == [(Forum.ARBITRATION.value, Forum.COURTS.value, 0.75)]


def test_courts_law_seat_and_text() -> None:
    assert claims("The courts of Aldoria shall have jurisdiction over claims.") == {
        (Aspect.FORUM, Forum.COURTS.value): False,
        (Aspect.JURISDICTION, "Aldoria"): False,
    }
    assert claims("This Agreement shall be governed by the laws of Dormund.") == {
        (Aspect.LAW, "Dormund"): False
    }
    assert (Aspect.SEAT, "Estmark") in claims(
        "Disputes go to an arbitral tribunal seated in Estmark."
    )
    assert claims("In case of divergence, the English text shall prevail.") == {
        (Aspect.TEXT, "English"): False
    }


def test_same_place_named_two_ways_agrees() -> None:
    assert (
        clashes(
            "The courts of Aldoria shall have jurisdiction over claims arising from this contract.",
            "Claims arising from this contract shall be brought before the Aldorian courts.",
        )
        == []
    )


def test_jurisdiction_holders() -> None:
    assert clashes(
        "Offences committed on duty shall be subject to the jurisdiction of the sending State.",
        "The host State shall have primary jurisdiction over offences committed on duty.",
    ) == [("sending State", "host State", 0.9)]


def test_a_title_is_not_a_governing_law() -> None:
    assert (
        claims("It is interpreted in accordance with the Vienna Convention on the Law of Treaties.")
        == {}
    )


def test_different_named_matter_is_a_different_matter() -> None:
    a = "Contracts placed by the Alliance in Aldoria shall be governed by Aldorian law."
    b = "Contracts placed by the Alliance in Brevia shall be governed by Brevian law."
    (x,) = find_forums(a)
    (y,) = find_forums(b)
    assert isinstance(x, ForumClaim)
    assert (x.names, y.names) == (frozenset({"Aldoria"}), frozenset({"Brevia"}))
    assert forum_clash(x, y) is None


def test_any_third_party_outside_a_dispute_clause_excludes_nothing() -> None:
    assert claims("The Receiving Party shall not release Intelligence to any third party.") == {}
