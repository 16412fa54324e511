"""Classification tables with several national markings, clearance needs and the scope of an
agreement by level."""

from __future__ import annotations

from qa.conflicts.classification import Claim, find_classification
from qa.conflicts.rules import RuleScorer
from qa.conflicts.types import ClauseText, ConflictKind


def flagged(a: str, b: str) -> tuple[bool, ConflictKind | None]:
    verdict = RuleScorer().score(ClauseText(a), ClauseText(b))
    return verdict.conflict, verdict.kind


def test_a_table_of_national_markings_is_read_pair_by_pair() -> None:
    table = (
        "The Norwegian marking HEMMELIG shall correspond to SECRET and KONFIDENSIELT to"
        " CONFIDENTIAL."
    )
    equivalences, _ = find_classification(table)
    assert [(e.left.text, e.right.text) for e in equivalences] == [
        ("HEMMELIG", "SECRET"),
        ("KONFIDENSIELT", "CONFIDENTIAL"),
    ]
    other = "Information marked KONFIDENSIELT shall be treated as equivalent to RESTRICTED."
    assert flagged(table, other) == (True, ConflictKind.CLASSIFICATION)
    same = "Information marked KONFIDENSIELT shall be treated as equivalent to CONFIDENTIAL."
    assert flagged(table, same) == (False, None)


def test_no_clearance_needed_against_a_clearance_required_for_one_level() -> None:
    free = "No security clearance is required for access to information classified RESTRICTED."
    needed = (
        "Access to information classified RESTRICTED is limited to persons holding a security"
        " clearance."
    )
    _, (claim,) = find_classification(free)
    assert (claim.claim, claim.marking.text) == (Claim.NO_CLEARANCE, "RESTRICTED")
    assert flagged(free, needed) == (True, ConflictKind.CLASSIFICATION)
    higher = needed.replace("RESTRICTED", "CONFIDENTIAL")
    assert flagged(free, higher)[0] is False


def test_a_level_outside_the_agreement_against_its_exchange_under_it() -> None:
    excluded = "This Agreement shall not apply to information classified TOP SECRET."
    included = (
        "Information classified TOP SECRET may be exchanged under this Agreement with the approval"
        " of the originator."
    )
    assert flagged(excluded, included) == (True, ConflictKind.CLASSIFICATION)
    assert flagged(excluded, included.replace("TOP SECRET", "SECRET"))[0] is False
