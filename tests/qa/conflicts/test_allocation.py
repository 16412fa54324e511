"""Jurisdiction given to a holder, taken away from it, or given to another (sentences written
for these tests in the register of status-of-forces agreements)."""

from __future__ import annotations

from qa.conflicts.allocation import allocation_clash, find_allocations
from qa.conflicts.rules import RuleScorer
from qa.conflicts.types import ClauseText, ConflictKind

OFF_DUTY_HOST = (
    "Offences committed by members of the force while off duty shall be tried by the courts of"
    " the receiving State."
)
OFF_DUTY_SENDING = (
    "Offences committed by members of the force off duty shall be dealt with exclusively by the"
    " military authorities of the sending State."
)
ON_DUTY_SENDING = (
    "Offences committed by members of the force in the performance of official duty shall be"
    " dealt with by the military authorities of the sending State."
)
IMMUNE = (
    "Members of the force shall be immune from the criminal jurisdiction of the courts of the"
    " host State in respect of acts done on official duty."
)
HOST_COURTS = (
    "Acts done on official duty by members of the force shall lie within the competence of the"
    " host nation's courts."
)


def test_a_matter_given_to_two_holders_one_exclusively_conflicts() -> None:
    verdict = RuleScorer().score(ClauseText(OFF_DUTY_HOST), ClauseText(OFF_DUTY_SENDING))
    assert verdict.conflict and verdict.kind is ConflictKind.JURISDICTION
    assert verdict.explanation == (
        "jurisdiction: the host State (clause A) vs the sending State (clause B)"
        " — the same matter given to different holders"
    )


def test_complementary_matters_on_and_off_duty_do_not_conflict() -> None:
    (x,) = find_allocations(OFF_DUTY_HOST)
    (y,) = find_allocations(ON_DUTY_SENDING)
    assert (x.categories, y.categories) == ({"off duty", "criminal"}, {"duty", "criminal"})
    assert allocation_clash(x, y) is None


def test_immunity_from_a_holder_against_its_competence() -> None:
    (denied,) = find_allocations(IMMUNE)
    (given,) = find_allocations(HOST_COURTS)
    assert (denied.holder, denied.denied, given.holder, given.denied) == (
        "the host State",
        True,
        "the host State",
        False,
    )
    assert allocation_clash(denied, given) == (
        0.85,
        "jurisdiction given on one side, excluded on the other",
    )


def test_a_named_holder_is_not_given_anything_by_being_named() -> None:
    assert (
        find_allocations(
            "A member prosecuted before the courts of the receiving State shall be entitled to an"
            " interpreter in any criminal proceedings."
        )
        == []
    )


def test_an_escalation_step_allocates_nothing_of_its_own() -> None:
    assert (
        find_allocations(
            "Where the Joint Committee fails to agree, disputes shall be referred to the Ministers"
            " of Defence."
        )
        == []
    )
    (committee,) = find_allocations("Disputes shall be settled by the Joint Committee.")
    assert committee.holder == "a joint body"
