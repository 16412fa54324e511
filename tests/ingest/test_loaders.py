"""Every loader on the project's own documents, and every bad input with its named reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders import RejectedFile, load_bytes, sniff_type
from ingest.records import Heading
from tests.ingest.builders import make_docx, make_encrypted_pdf, make_pdf

ARTICLE = (
    "1. The Parties shall cooperate on the exchange of data across the frontier region and "
    "shall report annually to the Joint Committee on progress made."
)


def test_markdown_keeps_headings_and_drops_meta_links_and_emphasis() -> None:
    source = (
        "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n"
        "##Agreement on Liaison\n\n### Article  1  \n\n"
        "The [Treaty](../../x/README.md) applies under sub-paragraph (*b*) and **Annex A**.\n\n"
        "| Level | ALD |\n|---|---|\n| SECRET | STRENG GEHEIM |\n"
    )
    loaded = load_bytes(Path("a.md"), source.encode())
    assert loaded.text == (
        "Agreement on Liaison\n\nArticle  1\n\n"
        "The Treaty applies under sub-paragraph (b) and Annex A.\n\n"
        "Level | ALD\nSECRET | STRENG GEHEIM\n"
    )
    assert loaded.headings == (Heading(0, 20, 2), Heading(22, 32, 3))


def test_markdown_front_matter_gives_the_title() -> None:
    loaded = load_bytes(Path("a.md"), b"---\ntitle: Liaison Note\n---\nBody text here.\n")
    assert (loaded.title, loaded.text) == ("Liaison Note", "Body text here.\n")


def test_text_encodings_utf8_then_detected_then_stated() -> None:
    utf8 = load_bytes(Path("a.txt"), "Coopération entre États.\n".encode())
    assert (utf8.text, utf8.warnings) == ("Coopération entre États.\n", ())
    latin = load_bytes(
        Path("a.txt"), "Coopération entre les États membres de l'Alliance.\n".encode("cp1252")
    )
    assert latin.text == "Coopération entre les États membres de l'Alliance.\n"
    assert latin.warnings and latin.warnings[0].startswith("not UTF-8: decoded as")
    bom = load_bytes(Path("a.txt"), "\ufeffArticle 1\r\nText.\r\n".encode("utf-16"))
    assert bom.text == "Article 1\nText.\n"


def test_pdf_pages_labels_and_furniture() -> None:
    data = make_pdf(
        [
            ["Cover page of the arrangement."],
            ["ARTICLE 1", ARTICLE],
            ["ARTICLE 2", "Either Party may terminate it."],
        ],
        banner="MDA RESTRICTED",
        labels=True,
        blank_image_page=True,
    )
    loaded = load_bytes(Path("a.pdf"), data)
    assert loaded.text.startswith(
        "Cover page of the arrangement.\n\nARTICLE 1\n1. The Parties shall cooperate"
    )
    assert "MDA RESTRICTED" not in loaded.text and "Page 2" not in loaded.text
    assert [(p.number, p.label) for p in loaded.pages] == [(1, "i"), (2, "1"), (3, "2")]
    second = loaded.pages[1]
    assert loaded.text[second.start : second.end].startswith("ARTICLE 1\n1. The Parties")
    assert "MDA RESTRICTED" in loaded.furniture
    assert loaded.warnings == ("page 4: no text layer (scanned image?); not indexed",)


def test_soft_wrapped_pdf_lines_are_joined_into_one_paragraph() -> None:
    loaded = load_bytes(Path("a.pdf"), make_pdf([["ARTICLE 1", ARTICLE * 3]]))
    paragraph = loaded.text.split("\n")[1]
    assert paragraph == ARTICLE * 3 or paragraph.replace(" ", "") == (ARTICLE * 3).replace(" ", "")


def test_docx_headings_tables_and_title() -> None:
    data = make_docx(
        [
            ("Heading 1", "Article 1 - Scope"),
            ("p", ARTICLE),
            ("table", "Level|ALD;SECRET|STRENG GEHEIM"),
        ],
        title="Liaison Arrangement",
    )
    loaded = load_bytes(Path("a.docx"), data)
    assert (
        loaded.text == f"Article 1 - Scope\n\n{ARTICLE}\n\nLevel | ALD\n\nSECRET | STRENG GEHEIM\n"
    )
    assert loaded.headings == (Heading(0, 17, 1),)
    assert loaded.title == "Liaison Arrangement"


def test_html_visible_text_only() -> None:
    page = (
        "<html><head><title>Liaison Note</title><script>alert(1)</script></head><body>"
        "<h1>Article 1</h1><p>The Parties <b>shall</b> meet.</p><ol><li>First</li></ol>"
        "<script>steal()</script></body></html>"
    )
    loaded = load_bytes(Path("a.html"), page.encode())
    assert loaded.text == "Article 1\n\nThe Parties shall meet.\n\nFirst\n"
    assert loaded.title == "Liaison Note"
    assert loaded.headings == (Heading(0, 9, 1),)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n ", "empty file"),
        ("sheet.xlsx", b"PK\x03\x04xl/", "unsupported file type '.xlsx'"),
        (
            "junk.txt",
            bytes(range(256)) * 4,
            "named '.txt' but the content is binary data, not text",
        ),
        ("fake.pdf", b"This is not a PDF at all.", "named '.pdf' but the content is plain text"),
        ("fake.docx", b"%PDF-1.4 something", "named '.docx' but the content is a PDF"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj garbage\n%%EOF", "corrupt or unreadable PDF"),
        ("broken.docx", b"PK\x03\x04word/ not really a zip", "corrupt Word document"),
    ],
)
def test_bad_inputs_are_rejected_with_their_reason(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(RejectedFile) as caught:
        load_bytes(Path(name), data)
    assert str(caught.value).startswith(reason)


def test_encrypted_and_scanned_pdfs_are_rejected() -> None:
    with pytest.raises(RejectedFile, match=r"^encrypted PDF: a password is required"):
        load_bytes(Path("locked.pdf"), make_encrypted_pdf("Secret text"))
    scanned = make_pdf([], blank_image_page=True)
    with pytest.raises(RejectedFile, match=r"^no text layer on any of its 1 pages"):
        load_bytes(Path("scan.pdf"), scanned)


def test_sniffing_reads_content_not_names() -> None:
    assert sniff_type(make_pdf([["x"]])) == "pdf"
    assert sniff_type(make_docx([("p", "x")])) == "docx"
    assert sniff_type(b"plain words") == "text"
    assert sniff_type(b"\x00\x01\x02") == "binary"
