"""Briefing exports: the same content in Markdown, PDF and DOCX, the banner on every page."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from pypdf import PdfReader

from ingest.markings import ClassificationScale
from ingest.records import Marking
from qa import briefing, briefing_pdf
from qa.briefing import (
    MIXED_RELEASABILITY,
    briefing_banner,
    briefing_docx,
    briefing_markdown,
    escape_markdown,
)
from qa.records import NOT_ANSWERED, Answer, MatchStrength
from tests.app.helpers import GENERATED, answer, conflict, passage

SCALE = ClassificationScale.with_levels(
    ("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
)
SECRET_ALD_BRV = Marking("SECRET", 3, frozenset({"ALD", "BRV"}))


def retention() -> Answer:
    ten = passage(
        1,
        "1. Intelligence shall be kept for ten years.\nIt is then destroyed.",
        highlights=((3, 44),),
        section="Article 7 › 1",
        page=4,
        marking=SECRET_ALD_BRV,
    )
    five = passage(2, "Reports are destroyed after five years.", highlights=((0, 39),))
    return answer(
        "How long may Brevia keep our reports?",
        "Intelligence shall be kept for ten years. [1] Reports are destroyed after five years. [2]",
        [ten, five],
        conflicts=(conflict(ten, five),),
    )


def unanswered() -> Answer:
    near = passage(1, "Liaison officers are exchanged.", strength=MatchStrength.WEAK)
    return answer("Who pays for lunch?", NOT_ANSWERED, [near], abstained=True)


def test_markdown_briefing_exact() -> None:
    assert briefing_markdown([retention(), unanswered()], GENERATED, SCALE) == (
        "**SECRET//REL TO ALD, BRV**\n\n"
        "# Accord briefing\n\n"
        "Generated 2026-03-04 09:30 UTC · 2 questions\n\n"
        "Conflict flags are a reason to review the clauses, never a ruling. Check every passage "
        "against the original document before relying on it.\n\n"
        "## 1\\. How long may Brevia keep our reports?\n\n"
        "Intelligence shall be kept for ten years. [1] Reports are destroyed after five years. "
        "[2]\n\n"
        "### Cited passages\n\n"
        "**\\[1\\] Agreement 1, Article 7 › 1, p. 4 — SECRET//REL TO ALD, BRV — strong match**\n\n"
        "> 1\\. **Intelligence shall be kept for ten years.**\n> It is then destroyed.\n\n"
        "**\\[2\\] Agreement 2, Article 2 — RESTRICTED — strong match**\n\n"
        "> **Reports are destroyed after five years.**\n\n"
        "### Flagged conflicts\n\n"
        "⚠ possible conflict — review (numeric, retention): retention: 5 years (Agreement 1) vs "
        "10 years (Agreement 2)\n\n"
        "**A: Agreement 1, Article 7 › 1, p. 4 — SECRET//REL TO ALD, BRV**\n\n"
        "> 1\\. **Intelligence shall be kept for ten years.**\n> It is then destroyed.\n\n"
        "**B: Agreement 2, Article 2 — RESTRICTED**\n\n"
        "> **Reports are destroyed after five years.**\n\n"
        "## 2\\. Who pays for lunch?\n\n"
        f"{NOT_ANSWERED}\n\n"
        "### Closest passages (they do not answer the question)\n\n"
        "**\\[1\\] Agreement 1, Article 1 — RESTRICTED — weak match**\n\n"
        "> Liaison officers are exchanged.\n\n"
        "**SECRET//REL TO ALD, BRV**\n"
    )


def test_markdown_keeps_hostile_document_text_literal() -> None:
    hostile = passage(1, "<script>x()</script> [a](javascript:alert(1)) **b** $c$\n# Heading")
    text = briefing_markdown([answer("q", "a [1]", [hostile])], GENERATED, SCALE)
    assert (
        "> \\<script\\>x()\\</script\\> \\[a\\](javascript:alert(1)) \\*\\*b\\*\\* \\$c\\$\n"
        "> \\# Heading\n"
    ) in text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("- item", "\\- item"),
        ("12. Twelve", "12\\. Twelve"),
        ("a_b|c~d & e", "a\\_b\\|c\\~d \\& e"),
        ("> quote", "\\> quote"),
        ("plain (text).", "plain (text)."),
    ],
)
def test_escape_markdown(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


@pytest.mark.parametrize(
    ("markings", "banner"),
    [
        ([Marking("RESTRICTED", 1), Marking("CONFIDENTIAL", 2)], "CONFIDENTIAL"),
        ([Marking("RESTRICTED", 1), SECRET_ALD_BRV], "SECRET//REL TO ALD, BRV"),
        (
            [Marking("CONFIDENTIAL", 2, frozenset({"ALD", "CAL"})), SECRET_ALD_BRV],
            "SECRET//REL TO ALD",
        ),
        (
            [Marking("CONFIDENTIAL", 2, frozenset({"CAL"})), SECRET_ALD_BRV],
            f"SECRET//{MIXED_RELEASABILITY}",
        ),
        ([Marking("RESTRICTED", 1), None], "TOP SECRET"),
        ([], "UNCLASSIFIED"),
    ],
)
def test_banner_is_the_highest_marking(markings: list[Marking | None], banner: str) -> None:
    passages = [passage(n, "text", marking=m) for n, m in enumerate(markings, start=1)]
    pinned = [answer("q", "a", passages)] if passages else [answer("q", NOT_ANSWERED, [])]
    assert briefing_banner(pinned, SCALE) == banner


def test_banner_counts_conflict_clauses_too() -> None:
    low = passage(1, "text")
    top = passage(2, "text", marking=Marking("TOP SECRET", 4))
    pinned = [answer("q", "a", [low], conflicts=(conflict(low, top),))]
    assert briefing_banner(pinned, SCALE) == "TOP SECRET"


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_pdf_has_the_content_and_the_banner_atop_and_below_every_page() -> None:
    pages = pdf_pages(briefing.briefing_pdf([retention(), unanswered()] * 6, GENERATED, SCALE))
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        lines = text.strip().splitlines()
        assert lines[0] == "SECRET//REL TO ALD, BRV"
        assert lines[-1] == "SECRET//REL TO ALD, BRV"
        assert (
            lines[-2] == f"Accord briefing · 2026-03-04 09:30 UTC · page {number} of {len(pages)}"
        )
    body = " ".join(" ".join(pages).split())
    for expected in (
        "Generated 2026-03-04 09:30 UTC · 12 questions",
        "1. How long may Brevia keep our reports?",
        "[1] Agreement 1, Article 7 › 1, p. 4 — SECRET//REL TO ALD, BRV — strong match",
        "Intelligence shall be kept for ten years. It is then destroyed.",
        "⚠ possible conflict — review (numeric, retention)",
        "B: Agreement 2, Article 2 — RESTRICTED",
        NOT_ANSWERED,
        "Closest passages (they do not answer the question)",
    ):
        assert expected in body


def test_pdf_without_a_unicode_font_falls_back_to_latin_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(briefing_pdf, "FONT_DIRS", ())
    body = " ".join(pdf_pages(briefing.briefing_pdf([retention()], GENERATED, SCALE)))
    assert "[1] Agreement 1, Article 7 > 1, p. 4 - SECRET//REL TO ALD, BRV - strong match" in body
    assert "! possible conflict - review" in body


def test_docx_has_the_content_and_the_banner_in_header_and_footer() -> None:
    document = docx.Document(io.BytesIO(briefing_docx([retention()], GENERATED, SCALE)))
    assert len(document.sections) == 1  # one section: its header and footer are on every page
    section = document.sections[0]
    assert [p.text for p in section.header.paragraphs] == ["SECRET//REL TO ALD, BRV"]
    assert [p.text for p in section.footer.paragraphs] == ["SECRET//REL TO ALD, BRV"]
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[:4] == [
        "Accord briefing",
        "Generated 2026-03-04 09:30 UTC · 1 question",
        paragraphs[2],
        "1. How long may Brevia keep our reports?",
    ]
    assert "[1] Agreement 1, Article 7 › 1, p. 4 — SECRET//REL TO ALD, BRV — strong match" in (
        paragraphs
    )
    assert "1. Intelligence shall be kept for ten years.\nIt is then destroyed." in paragraphs
    highlighted = [
        run.text
        for p in document.paragraphs
        for run in p.runs
        if run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]
    assert highlighted[0] == "Intelligence shall be kept for ten years."


def test_control_characters_from_pdf_text_do_not_break_docx() -> None:
    odd = passage(1, "Page one\x0cpage two\x00.")
    document = docx.Document(io.BytesIO(briefing_docx([answer("q", "a", [odd])], GENERATED, SCALE)))
    assert "Page one page two ." in [p.text for p in document.paragraphs]
