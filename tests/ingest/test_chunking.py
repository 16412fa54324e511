"""Clause chunking on the project's own fixtures (exact) and on real agreements."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from ingest.chunking import split_into_clauses
from ingest.loaders import load_bytes
from ingest.markings import DEFAULT_SCALE
from ingest.settings import ChunkSettings
from ingest.tokens import approximate_count, token_counter
from tests.conftest import DOCS


def chunk(path: Path, settings: ChunkSettings | None = None) -> list[tuple[str, str, str]]:
    loaded = load_bytes(path, path.read_bytes())
    spans = split_into_clauses(
        loaded, settings or ChunkSettings(), approximate_count, DEFAULT_SCALE
    )
    return [(s.section, s.heading, loaded.text[s.start : s.end]) for s in spans]


def test_agreement_is_cut_at_articles_paragraphs_and_items() -> None:
    clauses = chunk(DOCS / "exchange-agreement.md")
    assert [(section, heading) for section, heading, _ in clauses] == [
        ("Preamble", ""),
        ("Article 1", "Definitions"),
        ("Article 2 › 1", "Retention"),
        ("Article 2 › 2", "Retention"),
        ("Article 3 › 1", "Release to Third Parties"),
        ("Article 3 › 2", "Release to Third Parties"),
        ("Article 4", "Final Provisions"),
    ]
    assert clauses[2][2] == (
        "1. The receiving Party shall retain surveillance data for no longer than five years "
        "from the date of receipt."
    )
    assert clauses[5][2].startswith("2. A request for consent shall state:")
    assert clauses[5][2].endswith("(c) the period during which the data will be used.")
    assert all("MDA RESTRICTED" not in text for _, _, text in clauses)


def test_reference_article_sections_follow_its_headings() -> None:
    assert [c[0] for c in chunk(DOCS / "reference-note.md")] == [
        "Why Retention Limits Matter",
        "Practical Effects",
    ]


def test_plain_text_annex_with_title_line_and_portion_markings() -> None:
    clauses = chunk(DOCS / "portion-marked.txt")
    assert [(s, h) for s, h, _ in clauses] == [
        ("Annex C › 1", "LIAISON ARRANGEMENTS"),
        ("Annex C › 2", "LIAISON ARRANGEMENTS"),
        ("Annex C › 3", "LIAISON ARRANGEMENTS"),
    ]


def test_long_clauses_split_at_sentences_with_one_sentence_overlap() -> None:
    sentences = [
        f"Sentence number {n} says the Parties shall cooperate closely." for n in range(12)
    ]
    path = DOCS.parent / "long.md"
    text = "## Article 9 – Cooperation\n\n1. " + " ".join(sentences) + "\n"
    small = ChunkSettings(target_tokens=40, min_tokens=5)
    loaded = load_bytes(path, text.encode())
    spans = split_into_clauses(loaded, small, approximate_count, DEFAULT_SCALE)
    pieces = [loaded.text[s.start : s.end] for s in spans]
    assert len(pieces) == 6
    assert all(s.section == "Article 9 › 1" for s in spans)
    assert all(s.tokens <= 40 for s in spans)
    for left, right in itertools.pairwise(pieces):
        assert left.split(". ")[-1].rstrip(".") + "." == right.split(". ")[0] + "."  # overlap
    assert pieces[0].startswith("1. Sentence number 0") and pieces[-1].endswith(
        "number 11 says the Parties shall cooperate closely."
    )


def test_a_sentence_longer_than_the_model_reads_is_cut_at_semicolons() -> None:
    recitals = "; ".join(
        f"CONSIDERING recital {n} about cooperation between the Parties" for n in range(30)
    )
    path = DOCS.parent / "recitals.md"
    loaded = load_bytes(
        path, f"{recitals}.\n\n## Article 1\n\nText of the first article.\n".encode()
    )
    spans = split_into_clauses(
        loaded, ChunkSettings(target_tokens=60), approximate_count, DEFAULT_SCALE
    )
    preamble = [s for s in spans if s.section == "Preamble"]
    assert len(preamble) > 3
    assert all(s.tokens <= 60 for s in preamble)
    assert all(
        loaded.text[s.start : s.end].rstrip(".").endswith(("Parties;", "Parties")) for s in preamble
    )


@pytest.mark.data
def test_real_agreement_nato_security_of_information(shared_data: Path) -> None:
    path = shared_data / "agreements" / "BWBV0001372.md"
    loaded = load_bytes(path, path.read_bytes())
    count = token_counter(None)
    spans = split_into_clauses(loaded, ChunkSettings(), count, DEFAULT_SCALE)
    english = [s for s in spans if not s.section.startswith("Verdrag")]
    assert [s.section for s in english[:7]] == [
        "Preamble",
        "Article 1",
        "Article 2",
        "Article 3 › 1",
        "Article 3 › 2",
        "Article 3 › 3",
        "Article 4",
    ]
    article_3_1 = loaded.text[english[3].start : english[3].end]
    assert article_3_1.startswith(
        "1.   The Parties shall ensure that all persons of their respective nationality"
    )
    assert (
        "](" not in loaded.text and "<meta" not in loaded.text
    )  # link targets and meta lines dropped
    dutch = [s for s in spans if s.section.startswith("Verdrag")]
    assert dutch and dutch[0].section.endswith("Preamble")
    assert any(s.section.endswith("Artikel 3 › 1") for s in dutch)


@pytest.mark.data
def test_every_real_agreement_chunks_within_the_model_limit(shared_data: Path) -> None:
    from ingest.embed import shipped_model_path

    count = token_counter(shipped_model_path())
    totals = {}
    for path in sorted((shared_data / "agreements").glob("*.md")):
        loaded = load_bytes(path, path.read_bytes())
        spans = split_into_clauses(loaded, ChunkSettings(), count, DEFAULT_SCALE)
        assert spans, path.name
        assert max(s.tokens for s in spans) <= ChunkSettings().target_tokens, path.name
        assert all(loaded.text[s.start : s.end].strip() for s in spans)
        totals[path.stem] = len(spans)
    assert len(totals) == 33
    assert totals["BWBV0001372"] == 39
    assert 1000 < totals["BWBV0002009"] < 1600


def test_subsections_are_cited_by_their_own_number() -> None:
    path = DOCS.parent / "arrangement.txt"
    text = (
        "SECTION 9\nFINAL PROVISIONS\n\nSection 9.3\nThis Arrangement remains in effect.\n\n"
        "APPENDIX\n\n1. Reference number\n"
    )
    loaded = load_bytes(path, text.encode())
    spans = split_into_clauses(loaded, ChunkSettings(), approximate_count, DEFAULT_SCALE)
    assert [s.section for s in spans] == ["Section 9.3", "Appendix › 1"]
