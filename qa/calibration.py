"""Thresholds calibrated on the labelled questions of `corpus/` (`accord eval questions`).

Evidence is the cosine similarity between the question and the best sentence among the
returned passages. The values below were chosen by `accord eval questions --calibrate`
(see README, "Answer quality"); a deployment with another model calibrates its own and sets
ACCORD_ABSTAIN_BELOW.
"""

from __future__ import annotations

from qa.records import MatchStrength

ABSTAIN_BELOW: dict[str, float] = {
    "sentence-transformers/all-MiniLM-L6-v2": 0.40,
    "hashing-384": 0.30,
}
FALLBACK = 0.40
# Evidence this far above the abstention threshold reads as a strong match.
STRONG_MARGIN = 0.15


def abstain_threshold(model: str, configured: float | None) -> float:
    """The configured threshold, else the one calibrated for `model`."""
    if configured is not None:
        return configured
    return ABSTAIN_BELOW.get(model, FALLBACK)


def strength(evidence: float, threshold: float) -> MatchStrength:
    """Strong / partial / weak, relative to the abstention threshold."""
    if evidence >= threshold + STRONG_MARGIN:
        return MatchStrength.STRONG
    if evidence >= threshold:
        return MatchStrength.PARTIAL
    return MatchStrength.WEAK
