"""Benefits with their exceptions, and waivers of claims with and without a fault exception."""

from __future__ import annotations

import pytest

from qa.conflicts.inclusions import find_benefits, find_waivers, inclusion_clash
from qa.conflicts.rules import RuleScorer
from qa.conflicts.types import ClauseText, ConflictKind

EXCEPTED = (
    "Civilian employees of the force shall be exempt from income tax in the host State, except"
    " for staff recruited locally."
)


@pytest.mark.parametrize(
    "included",
    [
        "Staff recruited locally by the force shall also be exempt from income tax in the host"
        " State.",
        "All persons employed by the force, including staff recruited locally, shall be free of"
        " income tax in the host State.",
    ],
)
def test_a_group_excepted_in_one_and_included_in_the_other(included: str) -> None:
    verdict = RuleScorer().score(ClauseText(EXCEPTED), ClauseText(included))
    assert verdict.conflict and verdict.kind is ConflictKind.EXCEPTION
    assert verdict.score == 0.75
    assert verdict.explanation.endswith("what one excepts from the benefit, the other grants it")


def test_another_benefit_for_the_excepted_group_is_no_conflict() -> None:
    (x,) = find_benefits(EXCEPTED)
    (y,) = find_benefits(
        "Visas for staff recruited locally shall be issued by the host State free of charge."
    )
    assert (x.benefit, x.excepted) == (
        frozenset({"inc", "tax"}),
        frozenset({"staff", "recru", "local"}),
    )
    assert y.benefit == {"cha"}
    assert not inclusion_clash(x, y)


def test_a_waiver_with_a_fault_exception_against_one_without() -> None:
    plain = (
        "Each Party waives all claims against the other Party for damage to its military property."
    )
    limited = (
        "The waiver shall not apply to damage caused by gross negligence or wilful misconduct."
    )
    ((w,), (v,)) = find_waivers(plain), find_waivers(limited)
    assert (w.excludes_fault, v.excludes_fault) == (False, True)
    verdict = RuleScorer().score(ClauseText(plain), ClauseText(limited))
    assert verdict.conflict and verdict.score == 0.6
    assert verdict.explanation == (
        "waiver of claims: without that exception (clause A) vs except gross negligence or"
        " wilful misconduct (clause B)"
    )


def test_a_clause_that_states_its_own_fault_exception_matches_the_other() -> None:
    both = (
        "Each Party waives all claims against the other Party for damage to its military"
        " property. This waiver shall not apply to damage caused wilfully."
    )
    limited = (
        "The waiver shall not apply to damage caused by gross negligence or wilful misconduct."
    )
    assert not RuleScorer().score(ClauseText(both), ClauseText(limited)).conflict
