"""Recognise the structure of agreements line by line.

Headings: Preamble; Article/Section/Annex/Appendix/Schedule/Chapter/Part with arabic or roman
numbers ("ARTICLE 5", "Article V", "Section 2.1", "Annex A"), in English and the Dutch,
French and German forms found in bilingual treaty texts. Paragraph enumerators: "1.", "1.1",
"(a)", "a)", "(i)". Markdown and Word headings that loaders recorded are honoured too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum

from ingest.records import Heading


class Rank(IntEnum):
    """Nesting rank of a heading: lower ranks contain higher ones."""

    PART = 1
    ANNEX = 2
    ARTICLE = 3
    SUBSECTION = 4


_KINDS: dict[str, tuple[str, Rank]] = {
    "part": ("Part", Rank.PART),
    "chapter": ("Chapter", Rank.PART),
    "title": ("Title", Rank.PART),
    "hoofdstuk": ("Hoofdstuk", Rank.PART),
    "deel": ("Deel", Rank.PART),
    "teil": ("Teil", Rank.PART),
    "partie": ("Partie", Rank.PART),
    "annex": ("Annex", Rank.ANNEX),
    "appendix": ("Appendix", Rank.ANNEX),
    "schedule": ("Schedule", Rank.ANNEX),
    "attachment": ("Attachment", Rank.ANNEX),
    "enclosure": ("Enclosure", Rank.ANNEX),
    "bijlage": ("Bijlage", Rank.ANNEX),
    "annexe": ("Annexe", Rank.ANNEX),
    "anhang": ("Anhang", Rank.ANNEX),
    "article": ("Article", Rank.ARTICLE),
    "art.": ("Article", Rank.ARTICLE),
    "artikel": ("Artikel", Rank.ARTICLE),
    "section": ("Section", Rank.ARTICLE),
    "paragraph": ("Paragraph", Rank.ARTICLE),
}
_HEADING_RE = re.compile(
    r"^(?P<kind>" + "|".join(re.escape(k) for k in _KINDS) + r")\s+"
    r"(?P<number>[0-9]{1,3}(?:\.[0-9]{1,3})*[a-z]?|[IVXLC]{1,7}|[A-Z](?:\.?[0-9]{1,2})?)\b\.?"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_BARE_ANNEX_RE = re.compile(r"^(?:ANNEX|APPENDIX|SCHEDULE|Annex|Appendix|Schedule)$")
_PREAMBLE_RE = re.compile(r"^(?:preamble|préambule|preambule|präambel)\s*:?\s*$", re.I)
_REST_IS_PROSE = re.compile(r"^\s*(?:of|to|and|or|shall|is|are|above|below|in|bis\b)", re.I)
_TITLE_SEPARATOR = re.compile(r"^\s*[-–—:.]\s*")
_ENUMERATORS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^(?P<n>[0-9]{1,3}(?:\.[0-9]{1,3})+)\.?\s+"), 2),  # 1.1, 2.1.3
    (re.compile(r"^(?P<n>[0-9]{1,3})[.)](?:\s+|$)"), 1),  # 1.  1)  and "11." alone on a line
    # "2.Each Government ..." — typeset without the space (scanned and converted treaties)
    (re.compile(r"^(?P<n>[0-9]{1,3})\.(?=[A-Z][a-z])"), 1),
    (re.compile(r"^(?P<n>[IVX]{1,5})\.\s+(?=[A-Z])"), 1),  # "VI. Technical Matters ..."
    (re.compile(r"^\((?P<n>[0-9]{1,3})\)\s*"), 1),  # (1)
    (re.compile(r"^\((?P<n>[ivx]{1,6})\)\s*"), 3),  # (i) (iv)
    (re.compile(r"^\((?P<n>[a-z]{1,2})\)\s*"), 2),  # (a) (aa)
    (re.compile(r"^(?P<n>[a-z])[.)]\)?\.?\s+"), 2),  # a.  a)  a).
)
_PORTION = re.compile(r"^\((?:TS|CTS|[UNRCS]|N[URCS])(?://REL TO [A-Z0-9 ,]+)?\)\s+")
_SENTENCE_END = (".", ":", ";", "?", "!", "”", '"')


@dataclass(frozen=True)
class Line:
    """A line of the document text with what it is."""

    start: int
    end: int
    text: str
    heading: tuple[str, Rank, str] | None = None  # (label, rank, title words)
    generic_heading: str | None = None  # a recorded heading that names no article
    heading_level: int = 0  # Markdown/Word level of a recorded heading
    enumerator: tuple[str, int] | None = None  # (label, depth)


def parse_heading(text: str) -> tuple[str, Rank, str] | None:
    """("Article 7", Rank.ARTICLE, "Retention of Information") for a heading line."""
    stripped = text.strip().strip("*_").strip()
    if _PREAMBLE_RE.match(stripped):
        return ("Preamble", Rank.ARTICLE, "")
    if _BARE_ANNEX_RE.match(stripped):
        name, rank = _KINDS[stripped.lower()]
        return (name, rank, "")
    match = _HEADING_RE.match(stripped)
    if match is None or len(stripped) > 160:
        return None
    rest = match.group("rest")
    if _REST_IS_PROSE.match(rest) or (rest.strip() and rest.strip()[0].islower()):
        return None
    if rest.lstrip().startswith(",") or rest.rstrip().endswith(":"):
        return None  # "Article 9, paragraph 2 of the Agreement is replaced by the following:"
    if rest.rstrip().endswith((",", ";")) or len(rest.split()) > 16:
        return None
    name, rank = _KINDS[match.group("kind").lower()]
    number = match.group("number")
    if name in ("Section", "Paragraph") and "." in number:
        rank = Rank.SUBSECTION
    title = _TITLE_SEPARATOR.sub("", rest).strip().rstrip(".")
    return (f"{name} {number.upper() if number.isalpha() else number}", rank, title)


def parse_enumerator(text: str, previous_letter: str | None) -> tuple[str, int, int] | None:
    """(label, depth, length) of a paragraph enumerator opening `text`.

    `previous_letter` disambiguates "(i)": after "(h)" it is a letter, otherwise a roman numeral.
    """
    body = _PORTION.sub("", text, count=1)
    skipped = len(text) - len(body)
    for pattern, nesting in _ENUMERATORS:
        match = pattern.match(body)
        if match is None:
            continue
        number = match.group("n")
        following = body[match.end() : match.end() + 1]
        if number[0].isdigit() and following.islower():
            return None  # "12.5 percent of ..." is a number, not a paragraph
        depth = nesting
        if depth == 3 and previous_letter is not None and _is_next_letter(previous_letter, number):
            depth = 2
        label = f"({number})" if depth >= 2 and not number[0].isdigit() else number
        return label, depth, skipped + match.end()
    return None


def _is_next_letter(previous: str, candidate: str) -> bool:
    return len(candidate) == 1 and len(previous) == 1 and ord(candidate) == ord(previous) + 1


def is_title_line(text: str) -> bool:
    """A short line without final punctuation that names an article ("RETENTION OF DATA")."""
    stripped = text.strip()
    words = stripped.split()
    if not words or len(words) > 14 or stripped.endswith(_SENTENCE_END[:-2]):
        return False
    if parse_enumerator(stripped, None) is not None or parse_heading(stripped) is not None:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or not w[0].isalpha())
    return stripped.isupper() or capitalised >= max(1, len(words) * 0.6)


def classify_lines(text: str, headings: tuple[Heading, ...]) -> Iterator[Line]:
    """Yield every line of `text` with its heading or enumerator, offsets absolute."""
    recorded = {h.start: h.level for h in headings}
    offset = 0
    previous_letter: str | None = None
    for raw in text.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        line = raw.strip()
        if not line:
            yield Line(start, end, "")
            continue
        lead = len(raw) - len(raw.lstrip())
        heading = parse_heading(line)
        if heading is not None:
            previous_letter = None
            yield Line(start + lead, end, line, heading=heading)
            continue
        level = recorded.get(start, recorded.get(start + lead))
        if level is not None:
            yield Line(start + lead, end, line, generic_heading=line, heading_level=level)
            continue
        enumerator = parse_enumerator(line, previous_letter)
        if enumerator is not None:
            label, depth, _ = enumerator
            if depth == 2 and label.startswith("(") and len(label) == 3:
                previous_letter = label[1]
            elif depth == 1:
                previous_letter = None
            yield Line(start + lead, end, line, enumerator=(label, depth))
            continue
        yield Line(start + lead, end, line)
