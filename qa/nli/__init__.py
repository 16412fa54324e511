"""Accord's own contradiction model: training data, the shipped cross-encoder, its scorer.

Importing this package loads no model and no torch; the model is loaded on first use.
"""

from qa.nli.scorer import CrossEncoderScorer

__all__ = ["CrossEncoderScorer"]
