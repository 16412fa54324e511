"""Labelled pairs from the third-party data in ../shared/data, read at run time, never copied.

SciFact (Wadden et al. 2020; claims CC BY 4.0, abstracts ODC-By 1.0): a claim against the
sentences of an abstract. ContractNLI (Koreeda & Manning 2021; CC BY 4.0): a hypothesis against
the evidence spans of a non-disclosure agreement. Both are split so that evaluation data never
reaches training: SciFact dev claims and the ContractNLI documents in HELD_OUT_CONTRACTS.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qa.nli.examples import NliExample, NliLabel

# ContractNLI documents kept for evaluation: random.Random(2021).sample(sorted ids, 12), i.e. a
# fixed 20% of the 61 documents of dev.json. Written out so a change in the data is noticed.
HELD_OUT_SEED = 2021
HELD_OUT_CONTRACTS: tuple[int, ...] = (9, 32, 35, 63, 70, 72, 81, 152, 405, 575, 582, 595)
MIN_SPAN_WORDS = 6  # shorter ContractNLI spans are headings and list stubs
NEUTRAL_PER_POSITIVE = 1.0  # neutral pairs drawn per labelled pair, on average
SCIFACT_LABELS = {"SUPPORT": NliLabel.ENTAILMENT, "CONTRADICT": NliLabel.CONTRADICTION}
CONTRACT_LABELS = {"Entailment": NliLabel.ENTAILMENT, "Contradiction": NliLabel.CONTRADICTION}


def shared_data_dir() -> Path | None:
    """The third-party data folder: $ACCORD_SHARED_DATA, or ../shared/data beside the repo."""
    repo = Path(__file__).resolve().parents[2]
    for candidate in (os.environ.get("ACCORD_SHARED_DATA"), str(repo.parent / "shared" / "data")):
        if candidate and (Path(candidate) / "README.md").is_file():
            return Path(candidate)
    return None


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_scifact_corpus(data: Path) -> dict[int, list[str]]:
    """Abstract sentences by SciFact doc_id."""
    return {
        row["doc_id"]: row["abstract"] for row in _read_jsonl(data / "scifact" / "corpus.jsonl")
    }


def _rationale_pairs(
    claim: dict[str, Any], group: str, sentences: list[str], evidence_sets: list[dict[str, Any]]
) -> tuple[list[NliExample], set[int]]:
    pairs: list[NliExample] = []
    rationale: set[int] = set()
    for evidence in evidence_sets:
        label = SCIFACT_LABELS[evidence["label"]]
        for index in evidence["sentences"]:
            rationale.add(index)
            pairs.append(NliExample(sentences[index], claim["claim"], label, "scifact", group))
    return pairs, rationale


def _neutral_sentences(
    sentences: list[str], rationale: set[int], corpus: dict[int, list[str]], rng: random.Random
) -> list[str]:
    """One non-rationale sentence of the same abstract (if any) and one of a random abstract."""
    others = [s for i, s in enumerate(sentences) if i not in rationale]
    picked = [rng.choice(others)] if others else []
    other_doc = corpus[rng.choice(sorted(corpus))]
    return [*picked, rng.choice(other_doc)]


def scifact_pairs(data: Path, split: str, seed: int) -> list[NliExample]:
    """Claim vs rationale sentences (SUPPORT/CONTRADICT) and vs other sentences (neutral).

    Args:
        data: the shared data folder.
        split: "train" or "dev" (dev is evaluation only).
        seed: draws the neutral sentences.

    Returns:
        The pairs, premise = abstract sentence, hypothesis = claim; grouped by claim.
    """
    corpus = load_scifact_corpus(data)
    rng = random.Random(seed)
    pairs: list[NliExample] = []
    for claim in _read_jsonl(data / "scifact" / f"claims_{split}.jsonl"):
        group = f"scifact:{split}:{claim['id']}"
        for doc_id, evidence_sets in claim.get("evidence", {}).items():
            sentences = corpus[int(doc_id)]
            labelled, rationale = _rationale_pairs(claim, group, sentences, evidence_sets)
            pairs += labelled
            pairs += [
                NliExample(text, claim["claim"], NliLabel.NEUTRAL, "scifact", group)
                for text in _neutral_sentences(sentences, rationale, corpus, rng)
            ]
    return pairs


def load_contracts(data: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """ContractNLI documents and hypothesis texts by key."""
    raw = json.loads((data / "contractnli" / "dev.json").read_text(encoding="utf-8"))
    hypotheses = {key: value["hypothesis"] for key, value in raw["labels"].items()}
    return raw["documents"], hypotheses


def choose_held_out(doc_ids: list[int], fraction: float = 0.2) -> tuple[int, ...]:
    """The documents to hold out: a fixed seeded sample, re-derivable from the ids alone."""
    ids = sorted(doc_ids)
    return tuple(sorted(random.Random(HELD_OUT_SEED).sample(ids, round(fraction * len(ids)))))


def _span_text(document: dict[str, Any], index: int) -> str:
    start, end = document["spans"][index]
    return " ".join(document["text"][start:end].split())


def _contract_pairs(
    document: dict[str, Any], hypotheses: dict[str, str], rng: random.Random
) -> list[NliExample]:
    group = f"contractnli:{document['id']}"
    annotations = document["annotation_sets"][0]["annotations"]
    evidence = {i for note in annotations.values() for i in note["spans"]}
    usable = [
        i
        for i in range(len(document["spans"]))
        if len(_span_text(document, i).split()) >= MIN_SPAN_WORDS
    ]
    unrelated = [i for i in usable if i not in evidence]
    pairs: list[NliExample] = []
    for key, note in sorted(annotations.items()):
        label = CONTRACT_LABELS.get(note["choice"])
        spans = [i for i in note["spans"] if i in usable] if label else []
        for index in spans:
            pairs.append(
                NliExample(
                    _span_text(document, index),
                    hypotheses[key],
                    label or NliLabel.NEUTRAL,
                    "contractnli",
                    group,
                )
            )
        draws = max(1, round(len(spans) * NEUTRAL_PER_POSITIVE))
        for index in rng.sample(unrelated, min(draws, len(unrelated))):
            pairs.append(
                NliExample(
                    _span_text(document, index),
                    hypotheses[key],
                    NliLabel.NEUTRAL,
                    "contractnli",
                    group,
                )
            )
    return pairs


def contractnli_pairs(data: Path, held_out: bool, seed: int) -> list[NliExample]:
    """Hypothesis vs evidence spans (Entailment/Contradiction) and vs unrelated spans (neutral).

    Args:
        data: the shared data folder.
        held_out: True for the evaluation documents (HELD_OUT_CONTRACTS), False for the others.
        seed: draws the neutral spans.

    Returns:
        The pairs, premise = contract span, hypothesis = hypothesis text; grouped by document.
    """
    documents, hypotheses = load_contracts(data)
    rng = random.Random(seed)
    pairs: list[NliExample] = []
    for document in sorted(documents, key=lambda d: d["id"]):
        if (document["id"] in HELD_OUT_CONTRACTS) == held_out:
            pairs.extend(_contract_pairs(document, hypotheses, rng))
    return pairs
