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

COMBINATION_VERSION = "settled-1"  # bump when the way rules and model combine changes


class CombinedScorer:
    """Rules, then the learned scorer on the pairs the rules left open.

    A pair is open when the rules did not flag it and did not settle it: rules that expose
    `settled(a, b)` (`RuleScorer` does: both clauses state something about the same act) have
    compared the two statements, and their explained "no conflict" stands. The learned scorer
    reads the rest — clauses whose conflict is in their meaning, which no rule parses.
    """

    def __init__(self, rules: PairScorer, learned: PairScorer | None):
        self.rules = rules
        self.learned = learned
        learned_id = getattr(learned, "fingerprint", type(learned).__name__) if learned else "none"
        rules_id = getattr(rules, "fingerprint", type(rules).__name__)
        # Identifies the verdicts it gives: a stored map built by another combination is redone.
        self.fingerprint = f"{rules_id}+{learned_id}+{COMBINATION_VERSION}"

    def left_open(self, a: ClauseText, b: ClauseText, verdict: Verdict) -> bool:
        """Whether the learned scorer may judge a pair, given the rules' verdict on it."""
        if verdict.conflict:
            return False
        settled = getattr(self.rules, "settled", None)
        return not (settled is not None and settled(a, b))

    def score(self, a: ClauseText, b: ClauseText) -> Verdict:
        """Judge one pair."""
        return self.score_many([(a, b)])[0]

    def score_many(
        self,
        pairs: Sequence[tuple[ClauseText, ClauseText]],
        model_may_read: Sequence[bool] | None = None,
    ) -> list[Verdict]:
        """Judge many pairs; the model sees only what the rules left open.

        Args:
            pairs: the clause pairs.
            model_may_read: per pair, whether the learned scorer may read it at all (the corpus
                map passes only similar pairs that share a topic); default: every pair.
        """
        verdicts = list(self.rules.score_many(pairs))
        if self.learned is None:
            return verdicts
        open_pairs = [
            i
            for i, v in enumerate(verdicts)
            if (model_may_read is None or model_may_read[i]) and self.left_open(*pairs[i], v)
        ]
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

    return CombinedScorer(rules, CrossEncoderScorer(choice, review=True))
