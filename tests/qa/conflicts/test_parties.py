"""Actors, consent givers and duties only one holder can have."""

from __future__ import annotations

import pytest

from qa.conflicts.duties import Duty, cost_object, find_duty
from qa.conflicts.parties import (
    EACH_OWN,
    JOINT,
    SHARED,
    actor_by,
    actor_in,
    actors_compatible,
    consent_giver,
    is_probable_name,
    name_near,
)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The receiving Party", "receiving Party"),
        ("the Originating Participant", "originating Party"),
        ("the originator", "originating Party"),
        ("The host State authorities", "host State"),
        ("The Party hosting the exercise", "host Party"),
        ("the supplying Party", "originating Party"),
        ("The Government of Aldoria", "Aldoria"),
        ("Caldera", "Caldera"),
        ("Each Party", None),
        ("Intelligence", None),
        ("Visitors", None),
    ],
)
def test_actor_in(text: str, actor: str | None) -> None:
    assert actor_in(text) == actor


def test_actor_by() -> None:
    assert actor_by("be borne by the receiving Party.") == "receiving Party"
    assert actor_by("be chaired by Estmark.") == "Estmark"
    assert actor_by("be assigned jointly by both Parties.") == JOINT
    assert actor_by("be transmitted by electronic means") is None


def test_names() -> None:
    assert [
        is_probable_name(w) for w in ("Brevia", "Estmark", "Information", "Visitors", "Agency")
    ] == [
        True,
        True,
        False,
        False,
        False,
    ]
    assert name_near("shared, with Aldoria contributing ") == "Aldoria"
    assert name_near("shall inform the Originating Participant ") is None


def test_consent_giver() -> None:
    clause = "shall not be passed on except with the originator's written authorisation"
    assert consent_giver(clause, 0) == "originating Party"
    clause = "may be released only with the unanimous approval of the MDA Council"
    assert consent_giver(clause, 0) == "MDA Council"


def test_actors_compatible() -> None:
    assert actors_compatible(None, "host State")
    assert actors_compatible("Aldoria", "Aldorian")
    assert not actors_compatible("receiving Party", "originating Party")


@pytest.mark.parametrize(
    ("subject", "rest", "duty", "actor"),
    [
        (
            "The originating Party ",
            " bear the costs of translating documents.",
            Duty.COSTS,
            "originating Party",
        ),
        (
            "The costs of a visit ",
            " be borne by the requesting Party.",
            Duty.COSTS,
            "requesting Party",
        ),
        ("Each Party ", " bear its own costs arising from implementation.", Duty.COSTS, EACH_OWN),
        ("The costs ", " be shared equally by the Parties.", Duty.COSTS, SHARED),
        ("The Government of Aldoria ", " act as Depositary.", Duty.DEPOSITARY, "Aldoria"),
        ("The chair of the Committee ", " be held by Caldera.", Duty.CHAIR, "Caldera"),
        (
            "Any compromise ",
            " be investigated by the originating Party.",
            Duty.INVESTIGATION,
            "originating Party",
        ),
        (
            "Claims by third parties ",
            " be dealt with by the host State.",
            Duty.CLAIMS,
            "host State",
        ),
        (
            "The sending State ",
            " be responsible for the security of the facilities.",
            Duty.SECURITY,
            "sending State",
        ),
    ],
)
def test_find_duty(subject: str, rest: str, duty: Duty, actor: str) -> None:
    claim = find_duty(subject, rest, subject + "shall" + rest)
    assert claim is not None
    assert (claim.duty, claim.actor) == (duty, actor)


def test_no_duty_without_a_named_holder_or_as_a_side_role() -> None:
    assert find_duty("Each Party ", " bear the costs.", "") is None
    assert find_duty("The originating Party ", " assist in the investigation.", "") is None


def test_cost_object() -> None:
    assert cost_object("shall bear the travel costs of its visitors").split() == [
        "travel",
        "visitors",
    ]
    assert cost_object("shall bear the associated costs").split() == []
