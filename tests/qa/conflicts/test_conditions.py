"""How far a rule reaches: absolute bans, carve-outs, the only means, inverted bans, 'anywhere'."""

from __future__ import annotations

from qa.conflicts.modality import Condition, Modality, find_statements
from qa.conflicts.rules import RuleScorer
from qa.conflicts.types import ClauseText, ConflictKind


def judge(a: str, b: str) -> tuple[bool, ConflictKind | None, float]:
    verdict = RuleScorer().score(ClauseText(a), ClauseText(b))
    return verdict.conflict, verdict.kind, verdict.score


def test_an_absolute_ban_rules_out_the_exception_of_the_other() -> None:
    excepted = (
        "The receiving State shall not search the premises of the force, save with the consent of"
        " its commander."
    )
    absolute = "The premises of the force shall not be searched by the receiving State in any case."
    assert judge(excepted, absolute) == (True, ConflictKind.EXCEPTION, 0.8)


def test_an_inverted_ban_is_read_as_an_absolute_prohibition() -> None:
    (statement,) = find_statements(
        "Under no circumstances shall information received be passed to a third State."
    )
    assert (statement.modality, statement.action, statement.target, statement.condition) == (
        Modality.PROHIBITION,
        "release",
        "third parties",
        Condition.ABSOLUTE,
    )


def test_the_other_clause_is_the_carve_out_of_the_first() -> None:
    sealed = "Mail under official seal shall not be opened by customs officers."
    general = (
        "Customs officers shall open all consignments of the force, with the exception of mail"
        " under official seal."
    )
    assert judge(sealed, general)[0] is False


def test_a_permitted_means_outside_the_only_means_allowed() -> None:
    only = "Documents classified CONFIDENTIAL shall be sent only by diplomatic bag."
    other = "Documents classified CONFIDENTIAL may be sent by registered post."
    same = "Documents classified CONFIDENTIAL may be sent by diplomatic bag."
    assert judge(only, other) == (True, ConflictKind.MODAL, 0.75)
    assert judge(only, same)[0] is False


def test_anywhere_covers_the_special_setting_of_the_other() -> None:
    outside = (
        "Members of the force shall not carry firearms outside the training areas, except where"
        " the host authority has given its consent."
    )
    anywhere = (
        "Members of the force may carry their weapons anywhere in the host country without"
        " authorisation."
    )
    assert judge(outside, anywhere) == (True, ConflictKind.EXCEPTION, 0.9)


def test_a_conditional_ban_against_a_plain_one_is_a_difference() -> None:
    conditional = (
        "The sending State shall not carry out a death sentence in the receiving State if the law"
        " of the receiving State does not provide for it."
    )
    plain = "The sending State shall not carry out a death sentence in the receiving State."
    assert judge(conditional, plain) == (False, ConflictKind.EXCEPTION, 0.45)
