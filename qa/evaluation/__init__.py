"""Measured quality: retrieval on BEIR tasks, answers on the labelled questions, calibration."""

from ingest.settings import PROJECT_ROOT

# The project's labelled questions over corpus/.
DEFAULT_QUESTIONS = PROJECT_ROOT / "tests" / "fixtures" / "corpus_questions.jsonl"
# The questions over the real treaties in ../shared/data (agreements, reference articles).
AGREEMENT_QUESTIONS = PROJECT_ROOT / "tests" / "fixtures" / "agreement_questions.jsonl"
# The sample corpus the questions are about.
DEFAULT_CORPUS = PROJECT_ROOT / "corpus"
# Evaluation indexes and documents are cached here (git-ignored).
EVAL_ROOT = PROJECT_ROOT / "var" / "eval"

__all__ = ["AGREEMENT_QUESTIONS", "DEFAULT_CORPUS", "DEFAULT_QUESTIONS", "EVAL_ROOT"]
