"""Thresholds calibrated on the labelled questions of `corpus/` (`accord eval questions`).

Evidence is the cosine similarity between the question and the best sentence among the
returned passages. The values below were chosen by `accord eval questions --calibrate`:
abstain on as many unanswerable questions as possible while abstaining on at most 10% of
the answerable ones (a wrong "the documents do not answer" is the costlier mistake). On the
84 questions (72 answerable, 12 unanswerable), 5-fold cross-validated, all-MiniLM-L6-v2
abstains on 6.9% of answerable and 8.3% of unanswerable questions; the hashing embedder on
5.6% and 16.7%. The evidence separates the two classes poorly (ROC AUC 0.59 and 0.61): the
unanswerable questions are near misses (an agreement that does not exist, a figure no
document gives) that read like the corpus. Other evidence features (top passage only,
clause similarity, idf-weighted term coverage) did no better. A deployment with another
model calibrates its own and sets ACCORD_ABSTAIN_BELOW.
"""

from __future__ import annotations

from qa.records import MatchStrength

ABSTAIN_BELOW: dict[str, float] = {
    "sentence-transformers/all-MiniLM-L6-v2": 0.354,
    "hashing-384": 0.173,
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
