"""`RuleScorer`: explained contradiction checks that need no learned model.

Each check compares what two clauses say about the same matter (amounts, modality and consent,
classification levels, forums and law, holders of a duty). The strongest difference found becomes
the verdict; its explanation names both values and cites both sides, e.g.
"retention: no more than 5 years (Agreement A, Article 7 › 2) vs up to 10 years (Agreement B,
Article 4)". Pairs that share no topic are answered at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from qa.conflicts.analysis import analyse
from qa.conflicts.checks import CHECKS
from qa.conflicts.findings import DIFFERENT, Finding
from qa.conflicts.settlement import settling_reason
from qa.conflicts.types import ClauseText, Verdict, cite

RULES_VERSION = (
    "rules-2"  # bump when a check changes, so stored maps built with older rules are redone
)
CONFLICT_THRESHOLD = 0.5  # scores at or above this are flagged
# Topics on which a clause governs its own instrument ("Either Party may terminate this Agreement on
# six months' notice"). Two such clauses contradict only within one agreement family (an agreement
# and its arrangements or protocols); between unrelated agreements they are differences.
INSTRUMENT_TOPICS = frozenset(
    {
        "termination",
        "withdrawal",
        "duration",
        "renewal",
        "depositary",
        "authentic text",
        "entry into force",
        "amendment",
        "dispute settlement",  # disputes about "this Agreement" are about the instrument
    }
)
NO_RULE_SCORE = 0.1  # same topic, but no rule found a difference
NO_TOPIC_SCORE = 0.02  # nothing in common to compare


@lru_cache(maxsize=1)
def rules_digest() -> str:
    """sha256 of the rule checks' source: any change to a check changes the fingerprint, so a
    map is never kept from rules that were edited without bumping RULES_VERSION."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def explain(finding: Finding, a: ClauseText, b: ClauseText) -> str:
    """ "<topic>: <value A> (<citation A>) vs <value B> (<citation B>)[ — <note>]"."""
    text = (
        f"{finding.label or finding.topic}: {finding.value_a} ({cite(a, 'clause A')}) vs "
        f"{finding.value_b} ({cite(b, 'clause B')})"
    )
    return f"{text} — {finding.note}" if finding.note else text


class RuleScorer:
    """A `PairScorer` built from explained rules; fast enough for a corpus-wide map."""

    def __init__(self, threshold: float = CONFLICT_THRESHOLD) -> None:
        self.threshold = threshold  # minimum score of a flag
        # Identifies the verdicts it gives: a stored map built by other rules is redone.
        self.fingerprint = f"{RULES_VERSION}:{rules_digest()}@{threshold:g}"

    def findings(self, a: ClauseText, b: ClauseText) -> list[Finding]:
        """Every difference the rules can explain, strongest first."""
        left, right = analyse(a.text), analyse(b.text)
        if not left.keys & right.keys:
            return []
        found = [finding for check in CHECKS for finding in check(left, right)]
        return sorted(found, key=lambda finding: -finding.score)

    def score(self, a: ClauseText, b: ClauseText) -> Verdict:
        """Judge one pair."""
        left, right = analyse(a.text), analyse(b.text)
        shared = left.keys & right.keys
        if not shared:
            reason = settling_reason(left, right, [])
            return Verdict(conflict=False, score=NO_TOPIC_SCORE, explanation=reason or "")
        found = self.findings(a, b)
        if not found or found[0].score <= DIFFERENT:
            reason = settling_reason(left, right, found)
            if not found:
                topics = sorted(key for key in shared if not key.startswith("act:"))
                note = reason or ""  # shown after "no conflict found"
                return Verdict(False, NO_RULE_SCORE, None, note, None, topics[0] if topics else "")
        best = found[0]
        return Verdict(
            conflict=best.score >= self.threshold,
            score=best.score,
            kind=best.kind,
            explanation=explain(best, a, b),
            evidence=(best.sentence_a, best.sentence_b),
            topic=best.topic,
        )

    def settled(self, a: ClauseText, b: ClauseText) -> bool:
        """True when the rules can say why a pair they did not flag holds together.

        The amounts can both be met, one clause is about what the other excepts, they apply in
        complementary settings, one is the step after the other's forum fails, or both only
        forbid (`settlement.py`): an explained "no conflict" that a combined scorer keeps rather
        than letting a learned model overrule it. Silence is not settlement.
        """
        left, right = analyse(a.text), analyse(b.text)
        found = self.findings(a, b)
        if found and found[0].score >= self.threshold:
            return False
        return settling_reason(left, right, found) is not None

    def score_many(self, pairs: Sequence[tuple[ClauseText, ClauseText]]) -> list[Verdict]:
        """Judge many pairs (rules need no batching; the per-text analysis is cached)."""
        return [self.score(a, b) for a, b in pairs]
