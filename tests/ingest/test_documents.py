"""Document metadata: ids, title, kind, marking, parties, date, pages and clause markings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.documents import clause_id, document_id, parse_document
from ingest.markings import DEFAULT_SCALE
from ingest.records import DocumentKind, MarkingSource, ParsedDocument
from ingest.settings import ChunkSettings
from ingest.sidecar import SidecarEntry, SidecarError, read_sidecar
from ingest.tokens import approximate_count
from tests.conftest import DOCS
from tests.ingest.builders import make_pdf


def parse(
    path: Path, data: bytes | None = None, sidecar: SidecarEntry | None = None
) -> ParsedDocument:
    return parse_document(
        path,
        path.read_bytes() if data is None else data,
        source=str(path.name),
        sidecar=sidecar,
        chunking=ChunkSettings(),
        count=approximate_count,
        scale=DEFAULT_SCALE,
        default_level="RESTRICTED",
    )


def test_agreement_metadata_from_text() -> None:
    parsed = parse(DOCS / "exchange-agreement.md")
    doc = parsed.document
    assert doc.doc_id == document_id((DOCS / "exchange-agreement.md").read_bytes())[0]
    assert len(doc.doc_id) == 16 and len(doc.sha256) == 64 and doc.sha256.startswith(doc.doc_id)
    assert doc.title == (
        "Agreement between the Republic of Aldoria and the Kingdom of Brevia on the Exchange "
        "of Maritime Surveillance Data"
    )
    assert doc.kind is DocumentKind.AGREEMENT
    assert (doc.marking.level, doc.marking_source) == ("RESTRICTED", MarkingSource.BANNER)
    assert doc.marking.as_found == "MDA RESTRICTED"
    assert doc.date == "2016-05-12"
    assert doc.language == "en"
    assert len(parsed.clauses) == 7
    first = parsed.clauses[2]
    assert first.clause_id == clause_id(doc.doc_id, 2, first.text)
    assert doc.text[first.start : first.end] == first.text


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        # bilingual treaty texts open with the Dutch title, then the English one
        ("##Noord-Atlantisch Verdrag\n\n####NORTH ATLANTIC TREATY\n", "NORTH ATLANTIC TREATY"),
        (
            "## Verdrag inzake conventionele strijdkrachten in Europa\n"
            "####Treaty on Conventional Armed Forces in Europe\n",
            "Treaty on Conventional Armed Forces in Europe",
        ),
        # part labels and the place line of a letter name no document: the Dutch title does
        (
            "##Briefwisseling inzake een defensiebeveiligingsregeling\n### Nr.  I\n###THE HAGUE\n",
            "Briefwisseling inzake een defensiebeveiligingsregeling",
        ),
        ("# Article I\n\n## Memorandum van overeenstemming\n", "Memorandum van overeenstemming"),
    ],
)
def test_the_title_is_the_english_heading_of_a_bilingual_text(opening: str, title: str) -> None:
    body = "The Parties to this Agreement have agreed as follows.\n\nArticle 1\n\nText.\n"
    parsed = parse(Path("treaty.md"), (opening + "\n" + body).encode())
    assert parsed.document.title == title


def test_a_saved_web_article_is_titled_by_its_heading_not_its_furniture() -> None:
    text = "Skip to content\n\nEnhancing Security Through Sharing Agreements\n\nBody text here.\n"
    assert parse(Path("article.txt"), text.encode()).document.title == (
        "Enhancing Security Through Sharing Agreements"
    )
    marked = "# The Importance of Sharing Agreements\n\nBody text here.\n"
    assert parse(Path("article.txt"), marked.encode()).document.title == (
        "The Importance of Sharing Agreements"
    )


def test_sidecar_overrides_title_kind_parties_and_date() -> None:
    sidecar = SidecarEntry(
        title="Surveillance Data Agreement",
        kind=DocumentKind.AGREEMENT,
        parties=("Republic of Aldoria", "Kingdom of Brevia"),
        date="2016-05-13",
        amends=("old.md",),
    )
    doc = parse(DOCS / "exchange-agreement.md", sidecar=sidecar).document
    assert (doc.title, doc.date, doc.parties, doc.amends) == (
        "Surveillance Data Agreement",
        "2016-05-13",
        ("Republic of Aldoria", "Kingdom of Brevia"),
        ("old.md",),
    )


def test_reference_article_without_marking_gets_the_default_level() -> None:
    doc = parse(DOCS / "reference-note.md").document
    assert doc.kind is DocumentKind.REFERENCE
    assert (doc.marking.level, doc.marking_source) == ("RESTRICTED", MarkingSource.DEFAULT)
    assert doc.title == "Why Retention Limits Matter"


def test_portion_markings_set_clause_levels_and_keep_releasability() -> None:
    parsed = parse(DOCS / "portion-marked.txt")
    assert parsed.document.marking.label() == "SECRET//REL TO ALD, BRV"
    levels = [(c.section, c.marking.level if c.marking else None) for c in parsed.clauses]
    assert levels == [
        ("Annex C › 1", "UNCLASSIFIED"),
        ("Annex C › 2", "CONFIDENTIAL"),
        ("Annex C › 3", "SECRET"),
    ]
    assert all(c.marking and c.marking.releasable_to == {"ALD", "BRV"} for c in parsed.clauses)


def test_raise_mode_never_lowers_a_clause_below_the_banner() -> None:
    path = DOCS / "portion-marked.txt"
    parsed = parse_document(
        path,
        path.read_bytes(),
        source=path.name,
        sidecar=None,
        chunking=ChunkSettings(),
        count=approximate_count,
        scale=DEFAULT_SCALE,
        default_level="RESTRICTED",
        portion_mode="raise",
    )
    assert [c.marking.level for c in parsed.clauses if c.marking] == ["SECRET"] * 3


def test_a_portion_above_the_banner_raises_only_that_clause(tmp_path: Path) -> None:
    path = tmp_path / "annex.txt"
    path.write_text(
        "CONFIDENTIAL\n\nARTICLE 2\n\n(U) 1. Liaison officers meet monthly.\n\n"
        "(C) 2. Reports are exchanged weekly.\n\n(S) 3. Submarine tracks are exchanged hourly.\n"
    )
    levels = [c.marking.level for c in parse(path).clauses if c.marking]
    assert levels == ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET"]


def test_pdf_clauses_carry_page_numbers_and_labels(tmp_path: Path) -> None:
    data = make_pdf(
        [
            ["Cover page."],
            ["ARTICLE 1", "1. The Parties shall meet."],
            ["ARTICLE 2", "1. Either Party may leave."],
        ],
        banner="SECRET",
        labels=True,
    )
    path = tmp_path / "a.pdf"
    parsed = parse(path, data)
    pages = [(c.section, c.page_start, c.page_label) for c in parsed.clauses]
    assert pages == [("Preamble", 1, "i"), ("Article 1 › 1", 2, "1"), ("Article 2 › 1", 3, "2")]
    assert parsed.document.marking.level == "SECRET"


def test_sidecar_file_parsing_and_errors(tmp_path: Path) -> None:
    (tmp_path / "accord.toml").write_text(
        '[parties]\nALD = "Republic of Aldoria"\n\n["a.md"]\ntitle = "A"\nkind = "reference"\n'
        'parties = ["ALD", "Somewhere Else"]\ndate = 2020-01-02\n'
    )
    entries = read_sidecar(tmp_path)
    assert entries["a.md"] == SidecarEntry(
        title="A",
        kind=DocumentKind.REFERENCE,
        parties=("Republic of Aldoria", "Somewhere Else"),
        date="2020-01-02",
    )
    (tmp_path / "accord.toml").write_text('["a.md"]\nkind = "memo"\n')
    with pytest.raises(SidecarError, match="kind must be 'agreement' or 'reference'"):
        read_sidecar(tmp_path)
    (tmp_path / "accord.toml").write_text("not = [valid")
    with pytest.raises(SidecarError, match="not valid TOML"):
        read_sidecar(tmp_path)
