"""The real treaties of ../shared/data parsed as they are: every gold quote of the question
and difference sets lies within one clause, and titles are the English ones."""

from __future__ import annotations

import json
from functools import cache

import pytest

from ingest.documents import parse_document
from ingest.markings import DEFAULT_SCALE
from ingest.records import ParsedDocument
from ingest.settings import ChunkSettings
from ingest.tokens import approximate_count
from qa.evaluation.questions import normalise
from tests.conftest import FIXTURES, shared_data_dir

pytestmark = pytest.mark.data


@cache
def parsed(name: str) -> ParsedDocument:
    data = shared_data_dir()
    assert data is not None
    folder = "reference-articles" if name.endswith(".txt") else "agreements"
    path = data / folder / name
    return parse_document(
        path,
        path.read_bytes(),
        source=str(path),
        sidecar=None,
        chunking=ChunkSettings(),
        count=approximate_count,
        scale=DEFAULT_SCALE,
        default_level="RESTRICTED",
    )


def quotes() -> list[tuple[str, str, str]]:
    """(record id, file, quote) of every gold passage and every difference side."""
    found = []
    for line in (FIXTURES / "agreement_questions.jsonl").read_text().splitlines():
        record = json.loads(line)
        for answer in record["answers"]:
            for part in [answer, *answer.get("or", [])]:
                found.append((record["id"], part["file"], part["text"]))
    for line in (FIXTURES / "agreement_differences.jsonl").read_text().splitlines():
        record = json.loads(line)
        found += [(record["id"], record[s]["file"], record[s]["text"]) for s in ("a", "b")]
    return found


@pytest.fixture(scope="module", autouse=True)
def _data() -> None:
    if shared_data_dir() is None:
        pytest.skip("../shared/data is not available on this machine")


def test_every_gold_quote_lies_within_one_clause() -> None:
    outside = []
    for record, name, quote in quotes():
        texts = [normalise(c.text) for c in parsed(name).clauses]
        if not any(normalise(quote) in text for text in texts):
            outside.append((record, name))
    assert outside == []
    assert len(quotes()) == 251


def test_numbered_paragraphs_typeset_without_a_space_are_clauses() -> None:
    sections = [c.section for c in parsed("BWBV0003467.md").clauses[:8]]
    assert sections[:4] == ["Preamble", "Preamble › 1", "Preamble › 2", "Preamble › 3"]


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("BWBV0005760.md", "NORTH ATLANTIC TREATY"),
        ("BWBV0002009.md", "Treaty on Conventional Armed Forces in Europe"),
        ("BWBV0001258.md", "WEU Security Agreement"),
    ],
)
def test_titles_are_english(name: str, title: str) -> None:
    assert parsed(name).document.title == title
