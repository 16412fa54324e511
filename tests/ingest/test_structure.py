from __future__ import annotations

import pytest

from ingest.structure import Rank, is_title_line, parse_enumerator, parse_heading


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Article 7 – Retention of Information",
            ("Article 7", Rank.ARTICLE, "Retention of Information"),
        ),
        ("ARTICLE 5", ("Article 5", Rank.ARTICLE, "")),
        ("Article V", ("Article V", Rank.ARTICLE, "")),
        ("Article 3: Definitions", ("Article 3", Rank.ARTICLE, "Definitions")),
        ("Section 2", ("Section 2", Rank.ARTICLE, "")),
        ("Section 2.1 Scope", ("Section 2.1", Rank.SUBSECTION, "Scope")),
        ("Annex A", ("Annex A", Rank.ANNEX, "")),
        ("Appendix 1 - Equivalence Table", ("Appendix 1", Rank.ANNEX, "Equivalence Table")),
        ("Chapter II", ("Chapter II", Rank.PART, "")),
        ("Artikel  12", ("Artikel 12", Rank.ARTICLE, "")),
        ("Preamble", ("Preamble", Rank.ARTICLE, "")),
    ],
)
def test_headings(line: str, expected: tuple[str, Rank, str]) -> None:
    assert parse_heading(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Article 5 of the Treaty shall apply.",
        "Section 3 and Section 4 are repealed",
        "Articles of faith",
    ],
)
def test_prose_starting_with_a_heading_word_is_not_a_heading(line: str) -> None:
    assert parse_heading(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1. The Parties shall", ("1", 1)),
        ("12) The Parties shall", ("12", 1)),
        ("(3) The Parties shall", ("3", 1)),
        ("2.1 The Parties shall", ("2.1", 2)),
        ("(a) the identity", ("(a)", 2)),
        ("b) the purpose", ("(b)", 2)),
        ("(iv) the fourth", ("(iv)", 3)),
        ("(S) 3. Assessments", ("3", 1)),
        ("2.Each Government will take", ("2", 1)),  # no space after the number
        ("11.", ("11", 1)),  # the number alone on its line, the text on the next
        ("VI. Technical and Administrative Matters", ("VI", 1)),
    ],
)
def test_enumerators(line: str, expected: tuple[str, int]) -> None:
    found = parse_enumerator(line, None)
    assert found is not None and found[:2] == expected


def test_i_after_h_is_a_letter_and_numbers_in_prose_are_not_enumerators() -> None:
    assert parse_enumerator("(i) ninth item", "h") == ("(i)", 2, 4)
    assert parse_enumerator("(i) first item", None) == ("(i)", 3, 4)
    assert parse_enumerator("12.5 percent of the costs", None) is None
    assert parse_enumerator("3.5 million", None) is None
    assert parse_enumerator("2.each", None) is None


def test_title_lines() -> None:
    assert is_title_line("RETENTION OF INFORMATION")
    assert is_title_line("Release to Third Parties")
    assert not is_title_line("The Parties shall agree.")
    assert not is_title_line("1. The Parties")


def test_bare_annex_lines_are_headings() -> None:
    assert parse_heading("APPENDIX") == ("Appendix", Rank.ANNEX, "")
    assert parse_heading("Appendix") == ("Appendix", Rank.ANNEX, "")
    assert parse_heading("appendix") is None
