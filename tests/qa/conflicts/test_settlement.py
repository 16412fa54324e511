"""Reasons the rules give for a pair they do not flag, which a learned model may not overrule."""

from __future__ import annotations

import pytest

from qa.conflicts.rules import RuleScorer
from qa.conflicts.types import ClauseText


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (
            "Members of the force shall wear uniform when on duty.",
            "Members of the force may wear civilian dress when they are not on duty.",
            "they apply in complementary settings",
        ),
        (
            "Any breach of security shall be notified to the originator within 24 hours.",
            "Any breach of security shall be notified to the originator within 72 hours.",
            "the values compared can both be met",
        ),
        (
            "Save in cases of flagrante delicto, the host police shall make no arrests inside the"
            " camp.",
            "Where the host police arrest a member inside the camp after an offence caught in the"
            " act, they shall inform the camp commander at once.",
            "one clause is about what the other excepts",
        ),
        (
            "Disputes on the interpretation of this Arrangement shall be settled by the Joint"
            " Committee.",
            "Where the Joint Committee is unable to agree, the question shall be referred to the"
            " Governments.",
            "one is the next step when the other's forum fails",
        ),
        (
            "The recipient shall not photocopy documents classified SECRET.",
            "The recipient shall not translate documents classified SECRET.",
            "both only forbid, different acts",
        ),
        (
            "The recipient may release intelligence to its contractors.",
            "The recipient shall not release intelligence to third States.",
            "the same act for different recipients",
        ),
    ],
)
def test_a_stated_reason_settles_the_pair(a: str, b: str, reason: str) -> None:
    scorer = RuleScorer()
    assert scorer.settled(ClauseText(a), ClauseText(b))
    verdict = scorer.score(ClauseText(a), ClauseText(b))
    assert not verdict.conflict
    assert reason in verdict.explanation or verdict.score == 0.45


def test_silence_is_not_settlement() -> None:
    a = ClauseText("The host nation shall provide medical care to members of the force.")
    b = ClauseText("Members of the force shall arrange their own medical care.")
    assert not RuleScorer().settled(a, b)
