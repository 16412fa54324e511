"""Sentence boundaries and language guesses for treaty text.

Rule based: a sentence ends at ``.``, ``?``, ``!`` or ``;``-terminated list items followed by
white space and an upper-case letter, digit or opening bracket — except after abbreviations
that treaties use ("Art.", "No.", "para.", "i.e.") and after enumerators ("1.", "(a)").
"""

from __future__ import annotations

import itertools
import re

ABBREVIATIONS = frozenset(
    {
        "art",
        "arts",
        "no",
        "nos",
        "para",
        "paras",
        "p",
        "pp",
        "sec",
        "ch",
        "vol",
        "cf",
        "e.g",
        "i.e",
        "etc",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "co",
        "inc",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "fig",
        "approx",
        "viz",
        "op",
        "ibid",
        "al",
        "resp",
        "incl",
        "subpara",
        "annex",
        "nr",
    }
)

_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Ý])")
_LINE_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:\(?[a-z0-9ivx]{1,4}[.)]\s|[-•*]\s))")
# A paragraph number standing alone at the start of a line: "1.", "2.1.", "iv.", "a."
_ENUMERATOR = re.compile(r"^\s*(?:[0-9]{1,3}(?:\.[0-9]{1,3})*|[ivxlc]{1,6}|[a-z])\.$")


def _is_false_boundary(text: str, position: int) -> bool:
    """True when the full stop before `position` ends an abbreviation or an enumerator."""
    line_start = text.rfind("\n", 0, position) + 1
    tail = text[line_start:position].rstrip()
    if not tail.endswith("."):
        return False
    if _ENUMERATOR.match(tail):
        return True
    word = re.split(r"[\s(]", tail[:-1])[-1].lower()
    return word in ABBREVIATIONS


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text[start:end]``, whitespace trimmed.

    Args:
        text: the text to split.
        start: offset where splitting begins.
        end: offset where it stops (default: end of text).

    Returns:
        ``(start, end)`` pairs, absolute offsets into ``text``, in order, covering every
        non-blank character of the range.
    """
    end = len(text) if end is None else end
    cuts = [start]
    for block in _LINE_BREAK.finditer(text, start, end):
        cuts.append(block.end())
    for match in _BOUNDARY.finditer(text, start, end):
        if not _is_false_boundary(text, match.start()):
            cuts.append(match.end())
    cuts = [*sorted(set(cuts)), end]
    spans: list[tuple[int, int]] = []
    for first, last in itertools.pairwise(cuts):
        left, right = first, last
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        if right > left:
            spans.append((left, right))
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[a:b] for a, b in sentence_spans(text)]


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in shall be by or any for with this that as which on are".split()
    ),
    "nl": frozenset("de het van en een in op te dat die voor met zijn wordt door aan bij".split()),
    "fr": frozenset("le la les des du et en un une dans par pour sur est qui au aux".split()),
    "de": frozenset("der die das und zu den von mit sich des auf für ist im dem nicht ein".split()),
}


def guess_language(text: str) -> str:
    """A two-letter language code from stop-word counts; "en" when unsure."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    if not words:
        return "en"
    counts = {lang: sum(1 for w in words if w in stops) for lang, stops in _STOPWORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] > counts["en"] else "en"
