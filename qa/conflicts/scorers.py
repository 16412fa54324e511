"""The configured contradiction scorer: explained rules first, then a learned cross-encoder.

A pair the rules flag keeps the rule's explanation; a pair only the model flags is shown with
the model's score and the two sentences that drive it. ``models.contradiction`` selects the
learned part: "default" (Accord's shipped model), "none" (rules only), or a cross-encoder name
or folder for a deployment that has a larger one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.settings import Settings
from qa.conflicts.types import ClauseText, PairScorer, Verdict


class CombinedScorer:
    """Rules, then the learned scorer on the pairs the rules did not flag."""

    def __init__(self, rules: PairScorer, learned: PairScorer | None):
        self.rules = rules
        self.learned = learned
        learned_id = getattr(learned, "fingerprint", type(learned).__name__) if learned else "none"
        self.fingerprint = f"{getattr(rules, 'fingerprint', type(rules).__name__)}+{learned_id}"

    def score(self, a: ClauseText, b: ClauseText) -> Verdict:
        """Judge one pair."""
        return self.score_many([(a, b)])[0]

    def score_many(self, pairs: Sequence[tuple[ClauseText, ClauseText]]) -> list[Verdict]:
        """Judge many pairs; the model sees only what the rules left unflagged."""
        verdicts = list(self.rules.score_many(pairs))
        if self.learned is None:
            return verdicts
        open_pairs = [i for i, verdict in enumerate(verdicts) if not verdict.conflict]
        if not open_pairs:
            return verdicts
        learned = self.learned.score_many([pairs[i] for i in open_pairs])
        for index, verdict in zip(open_pairs, learned, strict=True):
            if verdict.conflict:
                verdicts[index] = verdict
        return verdicts


def make_scorer(settings: Settings) -> PairScorer:
    """The scorer `settings.models.contradiction` asks for."""
    from qa.conflicts.rules import RuleScorer

    rules = RuleScorer()
    choice = settings.models.contradiction
    if choice == "none":
        return CombinedScorer(rules, None)
    from qa.nli.scorer import CrossEncoderScorer

    return CombinedScorer(rules, CrossEncoderScorer(choice))
