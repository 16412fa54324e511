"""Abstention thresholds, calibrated per embedding model on labelled questions.

Evidence is the cosine similarity between the question's vector (the question encoder's, when
one serves the model) and the best sentence among the returned passages. all-MiniLM-L6-v2's
threshold was chosen by `accord eval questions --set agreements --split test --calibrate` on
the dev split of the questions over the real treaties (never on corpus/ or on the test split):
abstain on as many unanswerable questions as possible while abstaining on at most 5% of the
answerable ones (a wrong "the documents do not answer" is the costlier mistake). Measured with
the shipped question encoder: dev 1.9% wrong / 21.4% right, test split 5.8% / 21.4%. The
evidence separates answerable from unanswerable poorly (the unanswerable questions are near
misses — a figure the agreement does not give, a body it does not name — that read like the
corpus); with the base model's own question vector it separated them worse still (ROC AUC
below 0.5 on dev once the encoder chose the passages), and nothing else measured (clause
similarity, BM25, term coverage, the runner-up passage, a logistic model over all of them
trained on the training questions) did better on dev than this one similarity. The hashing
embedder's threshold was calibrated on corpus/ (it is for machines without the model). A
deployment with another model calibrates its own and sets ACCORD_ABSTAIN_BELOW.
"""

from __future__ import annotations

from qa.records import MatchStrength

ABSTAIN_BELOW: dict[str, float] = {
    "sentence-transformers/all-MiniLM-L6-v2": 0.347,
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
