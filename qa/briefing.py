"""Briefings for trainers: pinned answers exported as Markdown, PDF or DOCX.

Each export holds every question, its answer, the cited passages with full citations, the
flagged conflicts and the date, under a banner with the highest classification marking among
the included content (on every page: header and footer). The three formats print the same
blocks, built once by `briefing_blocks`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ingest.markings import RELEASABLE_TO_NOBODY, ClassificationScale, combine
from ingest.records import Marking
from qa.conflicts import AMENDED_WORDING, FLAG_WORDING
from qa.records import CLOSEST_PASSAGES, Answer, Passage

TITLE = "Accord briefing"
MIXED_RELEASABILITY = "RELEASABILITY MIXED — REVIEW BEFORE SHARING"
NOTE = (
    "Conflict flags are a reason to review the clauses, never a ruling. "
    "Check every passage against the original document before relying on it."
)


class Style(StrEnum):
    """What a block is, so each format can print it its own way."""

    TITLE = "title"
    META = "meta"
    QUESTION = "question"
    ANSWER = "answer"
    HEADING = "heading"
    CITATION = "citation"
    PASSAGE = "passage"
    FLAG = "flag"


@dataclass(frozen=True)
class Span:
    """A run of text, highlighted when it answers the question."""

    text: str
    highlighted: bool = False


@dataclass(frozen=True)
class Block:
    """One paragraph of a briefing."""

    style: Style
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(span.text for span in self.spans)


def included_markings(pinned: Iterable[Answer]) -> list[Marking | None]:
    """The marking of every passage a briefing prints (answers and conflict sides)."""
    found: list[Marking | None] = []
    for answer in pinned:
        found += [p.marking for p in answer.passages]
        found += [side.marking for flag in answer.conflicts for side in (flag.a, flag.b)]
    return found


def briefing_banner(pinned: Sequence[Answer], scale: ClassificationScale) -> str:
    """The highest marking among the content, e.g. "SECRET//REL TO ALD, BRV".

    A passage without a marking counts as the top of the scale (never under-mark). When
    releasability lists have nothing in common, the banner says so instead of dropping them.
    """
    markings = [m or scale.marking(scale.levels[-1]) for m in included_markings(pinned)]
    if not markings:
        return scale.levels[0]
    result = markings[0]
    for marking in markings[1:]:
        result = combine(result, marking)
    if RELEASABLE_TO_NOBODY in result.releasable_to:
        return f"{result.level}//{MIXED_RELEASABILITY}"
    return result.label()


def clean(text: str) -> str:
    """Text without control characters (PDF text can carry form feeds; DOCX rejects them)."""
    return "".join(c if c in "\n\t" or unicodedata.category(c)[0] != "C" else " " for c in text)


def _passage_spans(passage: Passage) -> tuple[Span, ...]:
    spans: list[Span] = []
    last = 0
    for start, end in sorted(passage.highlights):
        if start < last or end <= start:
            continue
        spans += [Span(passage.text[last:start]), Span(passage.text[start:end], True)]
        last = end
    spans.append(Span(passage.text[last:]))
    return tuple(Span(clean(s.text), s.highlighted) for s in spans if s.text)


def _block(style: Style, text: str) -> Block:
    return Block(style, (Span(clean(text)),))


def _cited(passage: Passage, label: str, strength: bool) -> list[Block]:
    marking = passage.marking.label() if passage.marking else "UNMARKED"
    extra = f" — {passage.strength.value}" if strength else ""
    line = f"{label}{passage.citation()} — {marking}{extra}"
    return [_block(Style.CITATION, line), Block(Style.PASSAGE, _passage_spans(passage))]


def _answer_blocks(number: int, answer: Answer) -> list[Block]:
    blocks = [_block(Style.QUESTION, f"{number}. {answer.question}")]
    blocks.append(_block(Style.ANSWER, answer.text))
    if answer.passages:
        heading = CLOSEST_PASSAGES if answer.abstained else "Cited passages"
        blocks.append(_block(Style.HEADING, heading))
    for passage in answer.passages:
        blocks += _cited(passage, f"[{passage.rank}] ", strength=True)
    if answer.conflicts:
        blocks.append(_block(Style.HEADING, "Flagged conflicts"))
    for flag in answer.conflicts:
        amended = flag.status == "amended"
        wording = AMENDED_WORDING if amended else FLAG_WORDING
        topic = f", {flag.topic}" if flag.topic else ""
        blocks.append(_block(Style.FLAG, f"⚠ {wording} ({flag.kind}{topic}): {flag.explanation}"))
        blocks += _cited(flag.a, "A: ", strength=False)
        blocks += _cited(flag.b, "B (amends A): " if amended else "B: ", strength=False)
    return blocks


def briefing_blocks(pinned: Sequence[Answer], generated_at: dt.datetime) -> list[Block]:
    """Every paragraph of the briefing, in order."""
    stamp = generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    count = f"{len(pinned)} question" + ("" if len(pinned) == 1 else "s")
    blocks = [
        _block(Style.TITLE, TITLE),
        _block(Style.META, f"Generated {stamp} · {count}"),
        _block(Style.META, NOTE),
    ]
    for number, answer in enumerate(pinned, start=1):
        blocks += _answer_blocks(number, answer)
    return blocks


_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$&])")
_LINE_START = re.compile(r"^(\s*)([#+\-=>]|\d+[.)])", re.MULTILINE)
_MARKER = re.compile(r"\\\[(\d+)\\\]")


def escape_markdown(text: str) -> str:
    """Text that Markdown prints literally: no links, emphasis, HTML, maths or headings."""
    escaped = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", escaped)


def _bold(text: str) -> str:
    """**text**, line by line (emphasis cannot span a paragraph break), spaces outside."""
    lines = []
    for line in text.split("\n"):
        inner = line.strip()
        lead, trail = line[: len(line) - len(line.lstrip())], line[len(line.rstrip()) :]
        lines.append(f"{lead}**{inner}**{trail}" if inner else line)
    return "\n".join(lines)


def _markdown_spans(block: Block) -> str:
    return "".join(
        _bold(escape_markdown(s.text)) if s.highlighted else escape_markdown(s.text)
        for s in block.spans
    )


_MARKDOWN_PREFIX = {
    Style.TITLE: "# ",
    Style.QUESTION: "## ",
    Style.HEADING: "### ",
    Style.CITATION: "**",
}


def briefing_markdown(
    pinned: Sequence[Answer], generated_at: dt.datetime, scale: ClassificationScale
) -> str:
    """The briefing as Markdown, the banner on its first and last line."""
    banner = briefing_banner(pinned, scale)
    lines = [f"**{escape_markdown(banner)}**", ""]
    for block in briefing_blocks(pinned, generated_at):
        text = _markdown_spans(block)
        if block.style is Style.ANSWER:
            text = _MARKER.sub(r"[\1]", text)  # the [n] markers stay readable
        if block.style is Style.PASSAGE:
            text = "\n".join(f"> {line}".rstrip() for line in text.split("\n"))
        prefix = _MARKDOWN_PREFIX.get(block.style, "")
        suffix = "**" if block.style is Style.CITATION else ""
        lines += [f"{prefix}{text}{suffix}", ""]
    lines.append(f"**{escape_markdown(banner)}**")
    return "\n".join(lines) + "\n"


def briefing_pdf(
    pinned: Sequence[Answer], generated_at: dt.datetime, scale: ClassificationScale
) -> bytes:
    """The briefing as PDF, the banner in every page's header and footer."""
    from qa.briefing_pdf import render_pdf

    return render_pdf(
        briefing_blocks(pinned, generated_at), briefing_banner(pinned, scale), generated_at
    )


def briefing_docx(
    pinned: Sequence[Answer], generated_at: dt.datetime, scale: ClassificationScale
) -> bytes:
    """The briefing as a Word document, the banner in the header and footer of every page."""
    from qa.briefing_docx import render_docx

    return render_docx(briefing_blocks(pinned, generated_at), briefing_banner(pinned, scale))
