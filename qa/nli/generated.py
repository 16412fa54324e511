"""Generated pairs: clauses from Accord's own corpus and templates, edited by the recipes.

Corpus paragraphs that appear in the labelled conflict fixtures (tests/fixtures) are left out, so
the evaluation pairs never reach training, even as one side of a generated pair.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from qa.nli.clause_templates import CLAUSE_TEMPLATES, SEMANTIC_TRIPLES
from qa.nli.examples import NliExample, NliLabel
from qa.nli.recipes import CONTRADICTION_RECIPES, ENTAILMENT_RECIPES, swap_synonym

# Every labelled evaluation set: none of their clauses may reach training, even as one side.
FIXTURE_FILES = (
    "conflict_pairs.jsonl",
    "corpus_conflicts.jsonl",
    "treaty_pairs.jsonl",
    "agreement_differences.jsonl",
)
CORPUS_SUFFIXES = (".md", ".txt", ".html", ".htm", ".pdf", ".docx")
MIN_WORDS, MAX_WORDS = 8, 70  # shorter: headings; longer: too slow to train on at 2 cores
CLAUSE_VERB = re.compile(r"\b(shall|may|must|will|is|are|does|do)\b")
# Leading paragraph numbers ("4.1", "(a)") and portion markings ("(C)"): not part of the clause.
ENUMERATOR = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+|\(?[a-z]{1,3}[.)]\s+|\([A-Z]{1,2}\)\s+|[-•*]\s+)+"
)
PER_CLAUSE = 3  # contradicting and paraphrased pairs drawn per clause, each
NEUTRAL_PER_CLAUSE = 2
TEMPLATE_ROUNDS = 3  # the templates are written for the recipes: draw from them more than once
AGREEMENT_PARAGRAPHS = 1200  # English paragraphs sampled from the real agreements in shared data
SYNONYM_AFTER_EDIT = 0.4  # chance a contradicting edit also gets a harmless rewording


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;:])\s+(?=[A-Z(])", text) if len(s.split()) >= 4]


def fixture_texts(fixtures: Path, names: Sequence[str] = FIXTURE_FILES) -> list[str]:
    """Every clause text quoted in the labelled conflict fixtures `names` (absent files are
    skipped)."""
    texts: list[str] = []
    for name in names:
        path = fixtures / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row: dict[str, Any] = json.loads(line) if line.strip() else {}
            for side in ("a", "b", "text_a", "text_b", "clause_a", "clause_b"):
                value = row.get(side)
                text = value.get("text", "") if isinstance(value, dict) else value
                if isinstance(text, str) and text.strip():
                    texts.append(_normalise(text))
    return texts


def _overlaps(paragraph: str, quotes: list[str]) -> bool:
    return any(
        quote in paragraph or paragraph in quote or any(s in paragraph for s in _sentences(quote))
        for quote in quotes
    )


def _paragraphs(text: str) -> Iterable[str]:
    for block in re.split(r"\n\s*\n", text):
        paragraph = _normalise(ENUMERATOR.sub("", block.strip()))
        words = len(paragraph.split())
        if MIN_WORDS <= words <= MAX_WORDS and CLAUSE_VERB.search(paragraph):
            yield paragraph


def corpus_clauses(corpus: Path, exclude: list[str]) -> list[str]:
    """Clause-like paragraphs of the corpus files, minus any that a fixture quotes."""
    from ingest.loaders import RejectedFile, load_bytes

    clauses: list[str] = []
    for path in sorted(corpus.glob("*")):
        if path.suffix.lower() not in CORPUS_SUFFIXES:
            continue
        try:
            loaded = load_bytes(path, path.read_bytes())
        except RejectedFile:
            continue
        clauses += [p for p in _paragraphs(loaded.text) if not _overlaps(p, exclude)]
    return list(dict.fromkeys(clauses))


def agreement_clauses(agreements: Path, limit: int, seed: int) -> list[str]:
    """English clause-like paragraphs of the real agreements in shared data, a seeded sample."""
    from ingest.sentences import guess_language

    clauses: list[str] = []
    for path in sorted(agreements.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        clauses += [p for p in _paragraphs(text) if guess_language(p) == "en"]
    clauses = sorted(set(clauses))
    return random.Random(seed).sample(clauses, min(limit, len(clauses)))


def _group(clause: str) -> str:
    return "generated:" + hashlib.sha256(clause.encode("utf-8")).hexdigest()[:12]


def _edits(clause: str, recipes: dict[str, Any], rng: random.Random) -> list[tuple[str, str]]:
    names = list(recipes)
    rng.shuffle(names)
    edits: list[tuple[str, str]] = []
    for name in names:
        edited = recipes[name](clause, rng)
        if edited and edited != clause:
            edits.append((name, edited))
        if len(edits) == PER_CLAUSE:
            break
    return edits


def _pair(
    a: str, b: str, label: NliLabel, group: str, recipe: str, rng: random.Random
) -> NliExample:
    """Generated pairs go either way round: the scorer must not depend on which side is which."""
    if rng.random() < 0.5:
        a, b = b, a
    return NliExample(a, b, label, "generated", group, recipe)


def clause_pairs(clause: str, others: list[str], rng: random.Random) -> list[NliExample]:
    """Contradicting edits, paraphrases, a sentence of it and unrelated clauses for one clause."""
    group = _group(clause)
    pairs: list[NliExample] = []
    for name, edited in _edits(clause, CONTRADICTION_RECIPES, rng):
        reworded = swap_synonym(edited, rng) if rng.random() < SYNONYM_AFTER_EDIT else None
        pairs.append(_pair(clause, reworded or edited, NliLabel.CONTRADICTION, group, name, rng))
    for name, edited in _edits(clause, ENTAILMENT_RECIPES, rng):
        pairs.append(_pair(clause, edited, NliLabel.ENTAILMENT, group, name, rng))
    sentences = _sentences(clause)
    if len(sentences) > 1:
        pairs.append(
            NliExample(
                clause,
                rng.choice(sentences),
                NliLabel.ENTAILMENT,
                "generated",
                group,
                "sentence_of",
            )
        )
    for other in rng.sample(others, min(NEUTRAL_PER_CLAUSE, len(others))):
        if other != clause:
            pairs.append(_pair(clause, other, NliLabel.NEUTRAL, group, "other_clause", rng))
    return pairs


def triple_pairs() -> list[NliExample]:
    """The hand-written meaning-level contrasts, both ways round."""
    pairs: list[NliExample] = []
    for clause, contra, para in SEMANTIC_TRIPLES:
        group = _group(clause)
        for a, b, label in (
            (clause, contra, NliLabel.CONTRADICTION),
            (clause, para, NliLabel.ENTAILMENT),
            (para, contra, NliLabel.CONTRADICTION),
        ):
            pairs += [
                NliExample(a, b, label, "generated", group, "semantic"),
                NliExample(b, a, label, "generated", group, "semantic"),
            ]
    return pairs


def generated_pairs(clauses: list[str], seed: int) -> list[NliExample]:
    """Pairs from the given clauses plus the templates and the hand-written contrasts."""
    rng = random.Random(seed)
    pool = list(dict.fromkeys([*CLAUSE_TEMPLATES, *clauses]))
    pairs: list[NliExample] = []
    for clause in [*CLAUSE_TEMPLATES * (TEMPLATE_ROUNDS - 1), *pool]:
        pairs += clause_pairs(clause, pool, rng)
    return pairs + triple_pairs()
