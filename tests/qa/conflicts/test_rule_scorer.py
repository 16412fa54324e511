"""RuleScorer end to end: each kind, explanations with citations, near-misses, speed."""

from __future__ import annotations

import re
import time

import pytest

from qa.conflicts.analysis import analyse
from qa.conflicts.rules import INSTRUMENT_TOPICS, NO_RULE_SCORE, NO_TOPIC_SCORE, RuleScorer
from qa.conflicts.types import ClauseText, ConflictKind, PairScorer, Verdict

A = "Agreement A, Article 7 › 2"
B = "Agreement B, Article 4"


def judge(a: str, b: str, cite_a: str = A, cite_b: str = B) -> Verdict:
    return RuleScorer().score(ClauseText(a, cite_a), ClauseText(b, cite_b))


def test_is_a_pair_scorer_with_a_fingerprint() -> None:
    scorer = RuleScorer()
    assert isinstance(scorer, PairScorer)
    assert re.fullmatch(r"rules-2:[0-9a-f]{12}@0\.5", scorer.fingerprint)
    assert RuleScorer(0.6).fingerprint.endswith("@0.6")


def test_numeric_retention_explained_with_both_citations() -> None:
    a = "Intelligence reports shall be retained for no more than five (5) years."
    b = (
        "The receiving Party may retain intelligence reports for up to ten years. Copies are"
        " logged."
    )
    verdict = judge(a, b)
    assert verdict == Verdict(
        conflict=True,
        score=0.9,
        kind=ConflictKind.NUMERIC,
        explanation=(
            "retention: no more than 5 years (Agreement A, Article 7 › 2) vs "
            "up to 10 years (Agreement B, Article 4)"
        ),
        evidence=(a, "The receiving Party may retain intelligence reports for up to ten years."),
        topic="retention",
    )


def test_citations_fall_back_to_clause_a_and_b() -> None:
    verdict = judge(
        "Breaches shall be notified within 24 hours.",
        "Breaches shall be notified within 72 hours.",
        "",
        "",
    )
    assert verdict.explanation == (
        "notification: within 24 hours (clause A) vs within 72 hours (clause B)"
        " — the values differ; both can be met"
    )
    assert not verdict.conflict and verdict.score == 0.45  # notifying within 24 hours meets both


def test_equal_amounts_in_other_units_do_not_conflict() -> None:
    verdict = judge(
        "The receiving Party shall notify any compromise within seventy-two (72) hours.",
        "Any compromise shall be notified within three days.",
    )
    assert (verdict.conflict, verdict.score, verdict.topic) == (
        False,
        NO_RULE_SCORE,
        "notification",
    )


def test_fixed_deadline_against_promptly_is_a_soft_conflict() -> None:
    verdict = judge(
        "Any breach of security shall be notified within twenty-four hours.",
        "Any breach of security shall be notified to the originating Party promptly.",
    )
    assert (verdict.conflict, verdict.score, verdict.kind) == (True, 0.6, ConflictKind.NUMERIC)
    assert verdict.explanation.endswith(
        '"promptly" (no fixed deadline) (Agreement B, Article 4) — a fixed deadline against an'
        " unspecified one"
    )


def test_numbers_about_different_matters_are_not_compared() -> None:
    verdict = judge(
        "The receiving Party shall notify a breach within 24 hours and shall submit a full"
        " report within 30 days.",
        "A full written report on the breach shall be provided within thirty days.",
    )
    assert not verdict.conflict


def test_near_miss_on_different_material_passes() -> None:
    verdict = judge(
        "Personal data received under this Agreement shall be retained for no more than five"
        " years.",
        "Intelligence reports received under this Agreement shall be retained for no more than"
        " ten years.",
    )
    assert (verdict.conflict, verdict.score) == (False, NO_RULE_SCORE)


def test_modal_prohibition_against_permission() -> None:
    verdict = judge(
        "The receiving Party shall not reproduce TOP SECRET information.",
        "The receiving Party may reproduce TOP SECRET information for its internal use.",
    )
    assert (verdict.conflict, verdict.score, verdict.kind, verdict.topic) == (
        True,
        0.85,
        ConflictKind.MODAL,
        "reproduction",
    )
    assert verdict.explanation == (
        "reproduction of TOP SECRET information: prohibited (Agreement A, Article 7 › 2) vs "
        "permitted (Agreement B, Article 4)"
    )


def test_obligation_against_permission_is_not_a_conflict() -> None:
    verdict = judge(
        "Each Party shall notify the other of any change to its national security laws.",
        "Each Party may notify the other of changes to its national security laws.",
    )
    assert not verdict.conflict


def test_exception_consent_against_without_consent() -> None:
    verdict = judge(
        "The receiving Party shall not release intelligence to a third party except with the prior"
        " written consent of the originating Party.",
        "The receiving Party may release intelligence to a third party without the consent of the"
        " originating Party.",
    )
    assert (verdict.conflict, verdict.score, verdict.kind) == (True, 0.9, ConflictKind.EXCEPTION)
    assert verdict.explanation == (
        "release of intelligence (third parties): prohibited except with the consent of the"
        " originating Party (Agreement A, Article 7 › 2) vs permitted without consent"
        " (Agreement B, Article 4) — consent required on one side, not on the other"
    )


def test_permission_with_the_same_consent_restates_the_exception() -> None:
    verdict = judge(
        "Classified Information shall not be reproduced except with the consent of the originator.",
        "With the originator's consent, the recipient may reproduce Classified Information.",
    )
    assert not verdict.conflict


def test_classification_equivalence() -> None:
    verdict = judge(
        "BRV HEMMELIG corresponds to MDA CONFIDENTIAL.", "BRV HEMMELIG is equivalent to MDA SECRET."
    )
    assert (verdict.kind, verdict.topic) == (
        ConflictKind.CLASSIFICATION,
        "classification equivalence",
    )
    assert verdict.explanation == (
        "classification equivalence: BRV HEMMELIG = MDA CONFIDENTIAL (Agreement A, Article 7 › 2)"
        " vs BRV HEMMELIG = MDA SECRET (Agreement B, Article 4)"
    )


def test_jurisdiction_negotiation_only_against_arbitration() -> None:
    verdict = judge(
        "Disputes shall be settled exclusively by negotiation and shall not be referred to any"
        " tribunal.",
        "Disputes that cannot be settled by negotiation shall be submitted to binding arbitration.",
    )
    assert (verdict.conflict, verdict.kind) == (True, ConflictKind.JURISDICTION)
    assert verdict.explanation == (
        "dispute settlement: arbitration excluded (Agreement A, Article 7 › 2) vs arbitration"
        " (Agreement B, Article 4) — one excludes what the other uses"
    )


def test_courts_of_two_states() -> None:
    verdict = judge(
        "The courts of Aldoria shall have jurisdiction over claims arising from this contract.",
        "Claims arising from this contract shall be brought before the courts of Brevia.",
    )
    assert verdict.explanation == (
        "jurisdiction: Aldoria (Agreement A, Article 7 › 2) vs Brevia (Agreement B, Article 4)"
    )


def test_party_bearing_costs() -> None:
    verdict = judge(
        "The originating Party shall bear the costs of translating released documents.",
        "The costs of translating released documents shall be borne by the receiving Party.",
    )
    assert (verdict.conflict, verdict.score, verdict.kind, verdict.topic) == (
        True,
        0.85,
        ConflictKind.PARTY,
        "costs",
    )
    assert verdict.explanation == (
        "costs: originating Party (Agreement A, Article 7 › 2) vs receiving Party (Agreement B,"
        " Article 4)"
    )


def test_separate_duties_of_different_parties_pass() -> None:
    verdict = judge(
        "The host Party shall reply to requests for visits within ten working days.",
        "The requesting Party shall submit requests for visits at least twenty working days in"
        " advance.",
    )
    assert not verdict.conflict


def test_pair_without_a_shared_topic_is_answered_at_once() -> None:
    verdict = judge(
        "Visitors shall wear badges at all times.", "BRV HEMMELIG corresponds to MDA SECRET."
    )
    assert verdict == Verdict(conflict=False, score=NO_TOPIC_SCORE)


@pytest.mark.parametrize("threshold", [0.5, 0.7])
def test_threshold_decides_the_flag(threshold: float) -> None:
    scorer = RuleScorer(threshold=threshold)
    verdict = scorer.score(
        ClauseText("Any breach shall be notified within 24 hours."),
        ClauseText("Any breach shall be notified promptly."),
    )
    assert verdict.conflict is (threshold <= 0.6)


def test_score_many_matches_score() -> None:
    scorer = RuleScorer()
    pairs = [
        (
            ClauseText("Reports shall be kept for 5 years."),
            ClauseText("Reports shall be kept for 10 years."),
        ),
        (
            ClauseText("Reports shall be kept for 5 years."),
            ClauseText("Reports shall be kept for 5 years."),
        ),
    ]
    assert scorer.score_many(pairs) == [scorer.score(a, b) for a, b in pairs]
    assert [v.conflict for v in scorer.score_many(pairs)] == [True, False]


def test_findings_list_every_explained_difference() -> None:
    findings = RuleScorer().findings(
        ClauseText("Reports shall be kept for 5 years and the Committee shall meet twice a year."),
        ClauseText("Reports shall be kept for 10 years and the Committee shall meet once a year."),
    )
    assert sorted((f.topic, f.value_a, f.value_b) for f in findings) == [
        ("meetings", "twice a year", "once a year"),
        ("retention", "5 years", "10 years"),
    ]


def test_speed_on_cached_clauses() -> None:
    clauses = [
        f"The receiving Party shall notify the originating Party of any compromise within {n} hours"
        f" and shall not release intelligence to a third party without consent."
        for n in range(20)
    ]
    pairs = [(ClauseText(a), ClauseText(b)) for a in clauses for b in clauses]  # 400 pairs
    scorer = RuleScorer()
    scorer.score_many(pairs)  # reads each clause once
    started = time.perf_counter()
    for _ in range(5):
        scorer.score_many(pairs)
    rate = 5 * len(pairs) / (time.perf_counter() - started)
    assert rate > 2000  # measured ~40,000 pairs/s on a loaded shared core


def test_speed_on_unseen_clauses() -> None:
    texts = [
        f"Intelligence reports received in year {n} shall be retained for no more than {n % 9 + 1}"
        f" years and shall not be released to a third party except with the prior written consent"
        f" of the originating Party."
        for n in range(200)
    ]
    started = time.perf_counter()
    for text in texts:
        analyse(text)
    per_clause = (time.perf_counter() - started) / len(texts)
    assert per_clause < 0.005  # measured ~0.5 ms per clause (~1,000 unseen pairs/s)


def test_lead_time_and_deadline_are_not_compared() -> None:
    verdict = judge(
        "Any breach of security shall be notified to the originating Party within 72 hours.",
        "Any breach of security affecting the system shall be notified at least sixty days in"
        " advance.",
    )
    assert not verdict.conflict


def test_clauses_about_different_things_under_one_topic_are_not_compared() -> None:
    verdict = judge(
        "Access rights of analysts shall be granted individually and reviewed at least every six"
        " months.",
        "End products held in the national archive of the receiving Party shall be reviewed every"
        " five years.",
    )
    assert not verdict.conflict


def test_rule_for_one_level_is_a_special_rule_not_a_contradiction() -> None:
    verdict = judge(
        "Information classified TOP SECRET shall not be destroyed but shall be returned.",
        "Information that is no longer required shall be destroyed.",
    )
    assert not verdict.conflict


def test_instrument_topics() -> None:
    verdict = judge(
        "Either Party may terminate this Agreement on six months' written notice.",
        "Either Party may terminate this Agreement on twelve months' written notice.",
    )
    assert verdict.conflict and verdict.topic in INSTRUMENT_TOPICS
