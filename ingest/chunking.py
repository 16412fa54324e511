"""Cut a document into clauses at its own boundaries.

A clause is a numbered paragraph with its lettered sub-items, or a run of unnumbered
paragraphs of one article (preambles, reference articles). Clauses longer than the target
size are split at sub-item boundaries, then at sentence boundaries with a one-sentence
overlap; fragments below the minimum size are merged into a neighbour of the same section.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ingest.markings import ClassificationScale
from ingest.records import LoadedText
from ingest.sentences import sentence_spans
from ingest.settings import ChunkSettings
from ingest.structure import Line, Rank, classify_lines, is_title_line

SECTION_SEPARATOR = " › "
_MAX_LABEL = 60
_TITLE_WORDS = re.compile(
    r"^(?:agreement|treaty|protocol|convention|memorandum|arrangement|exchange of|"
    r"verdrag|overeenkomst|aanvullende|nader|briefwisseling|notawisseling|accord|traité|"
    r"abkommen)\b",
    re.IGNORECASE,
)

CountTokens = Callable[[Sequence[str]], list[int]]


@dataclass
class Block:
    """A paragraph or list item: contiguous lines under one heading path."""

    start: int
    end: int
    section: tuple[str, ...]
    paragraph: tuple[str, ...]
    depth: int
    title: str
    tokens: int = 0
    portion: str = ""  # portion marking opening the block ("(S)"); blocks of different
    # portions never share a clause, so each clause keeps its own level


@dataclass(frozen=True)
class ClauseSpan:
    """A clause before it becomes a Clause record: where it is and what it is called."""

    start: int
    end: int
    section: str
    heading: str
    tokens: int


@dataclass
class _Builder:
    text: str
    has_articles: bool
    scale: ClassificationScale
    stack: list[tuple[str, Rank, str]] = field(default_factory=list)
    paragraphs: list[tuple[str, int]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    current: Block | None = None
    awaiting_title: bool = False
    seen_article: bool = False
    front_matter: bool = True  # before the first heading of the document or an instrument
    run: list[Rank] = field(default_factory=list)  # ranks of headings seen since the last text
    before_run: list[tuple[str, Rank, str]] = field(default_factory=list)

    def close(self) -> None:
        if self.current is not None:
            self.blocks.append(self.current)
            self.current = None

    def section(self) -> tuple[str, ...]:
        return tuple(label for label, _, _ in self.stack)

    def title(self) -> str:
        return self.stack[-1][2] if self.stack else ""

    def heading(self, label: str, rank: Rank, title: str) -> None:
        self.close()
        if not self.run:
            self.before_run = list(self.stack)
        self.run.append(rank)
        while self.stack and self.stack[-1][1] >= rank:
            self.stack.pop()
        self.stack.append((label, rank, title))
        self.paragraphs = []
        self.awaiting_title = not title
        self.seen_article = self.seen_article or rank >= Rank.ARTICLE
        self.front_matter = False

    def generic_heading(self, text: str, level: int) -> None:
        label = text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1].rstrip() + "…"
        if not self.has_articles:
            self.heading(label, Rank.ARTICLE, text)
        elif self.front_matter:
            self.close()
            titled = self.stack[:1] if self.stack and self.stack[0][1] == Rank.PART else []
            self.stack = [*titled, ("Preamble", Rank.ARTICLE, "")]
            self.paragraphs = []
        elif self.seen_article and (level <= 2 or _TITLE_WORDS.match(text)):
            self.heading(label, Rank.PART, text)  # a new instrument or a translation
            self.stack = [(label, Rank.PART, text), ("Preamble", Rank.ARTICLE, "")]
            self.seen_article = False
            self.front_matter = True
        else:
            self.heading(label, Rank.SUBSECTION, text)
        self.awaiting_title = False

    def _leave_contents_list(self) -> None:
        """Headings in a row with repeated ranks and no text between are a table of contents."""
        if len(self.run) >= 3 and len(set(self.run)) < len(self.run):
            self.stack = self.before_run
            self.paragraphs = []
        self.run = []

    def start_block(self, line: Line, depth: int) -> None:
        self.close()
        self._leave_contents_list()
        if not self.stack:
            self.stack = [("Preamble", Rank.ARTICLE, "")] if self.has_articles else []
        paragraph = tuple(label for label, _ in self.paragraphs)
        portion = self.scale.portion(line.text)
        self.current = Block(
            line.start,
            line.end,
            self.section(),
            paragraph,
            depth,
            self.title(),
            portion=portion.as_found if portion else "",
        )

    def feed(self, line: Line) -> None:
        if not line.text:
            self.close()
        elif line.heading is not None:
            self.heading(*line.heading)
        elif line.generic_heading is not None:
            self.generic_heading(line.generic_heading, line.heading_level)
        elif self.scale.parse_banner(line.text) is not None:
            self.close()  # a classification banner is marking, not content
        elif self.awaiting_title and self.current is None and is_title_line(line.text):
            label, rank, _ = self.stack[-1]
            self.stack[-1] = (label, rank, line.text.strip().rstrip("."))
            self.awaiting_title = False
        elif line.enumerator is not None:
            label, depth = line.enumerator
            while self.paragraphs and self.paragraphs[-1][1] >= depth:
                self.paragraphs.pop()
            self.paragraphs.append((label, depth))
            self.start_block(line, depth)
        elif self.current is not None:
            self.current.end = line.end
        else:
            depth = self.paragraphs[-1][1] + 1 if self.paragraphs else 0
            self.start_block(line, depth)
        if line.text and line.heading is None and line.generic_heading is None:
            self.awaiting_title = self.awaiting_title and self.current is None


def find_blocks(loaded: LoadedText, scale: ClassificationScale) -> list[Block]:
    """The document's paragraphs and items with their heading paths."""
    lines = list(classify_lines(loaded.text, loaded.headings))
    has_articles = any(line.heading is not None for line in lines)
    builder = _Builder(loaded.text, has_articles, scale)
    for line in lines:
        builder.feed(line)
    builder.close()
    return builder.blocks


def _label(section: tuple[str, ...], paragraph: tuple[str, ...]) -> str:
    """Join a heading path; "Section 9 › Section 9.3" reads as "Section 9.3"."""
    parts: list[str] = []
    for part in (*section, *paragraph):
        if parts and _refines(parts[-1], part):
            parts[-1] = part
        else:
            parts.append(part)
    return SECTION_SEPARATOR.join(parts)


def _refines(parent: str, child: str) -> bool:
    kind, _, number = parent.partition(" ")
    child_kind, _, child_number = child.partition(" ")
    return bool(number) and kind == child_kind and child_number.startswith(f"{number}.")


def _piece_label(piece: list[Block]) -> str:
    """ "Article 6 › (a)" for one item; "Article 6 › (a)–(c)" for a run of sibling items."""
    head, tail = piece[0], piece[-1]
    label = _label(head.section, head.paragraph)
    siblings = (
        tail.section == head.section
        and len(tail.paragraph) == len(head.paragraph) > 0
        and tail.paragraph[:-1] == head.paragraph[:-1]
        and tail.paragraph[-1] != head.paragraph[-1]
    )
    return f"{label}–{tail.paragraph[-1]}" if siblings else label


def _group(blocks: list[Block]) -> list[list[Block]]:
    """Numbered paragraphs with their sub-items; unnumbered paragraphs on their own."""
    groups: list[list[Block]] = []
    for block in blocks:
        opens = (
            block.depth <= 1
            or not groups
            or groups[-1][0].section != block.section
            or groups[-1][0].portion != block.portion
        )
        if opens:
            groups.append([block])
        else:
            groups[-1].append(block)
    return groups


def _merge(groups: list[list[Block]], settings: ChunkSettings) -> list[list[Block]]:
    """Join runs of unnumbered paragraphs, and tiny groups, within one section."""
    merged: list[list[Block]] = []
    for group in groups:
        size = sum(b.tokens for b in group)
        if merged and (merged[-1][0].section, merged[-1][0].portion) == (
            group[0].section,
            group[0].portion,
        ):
            previous = merged[-1]
            previous_size = sum(b.tokens for b in previous)
            both_unnumbered = previous[0].depth == 0 and group[0].depth == 0
            tiny = previous_size < settings.min_tokens or size < settings.min_tokens
            if (both_unnumbered or tiny) and previous_size + size <= settings.target_tokens:
                previous.extend(group)
                continue
        merged.append(list(group))
    return merged


def _pack(group: list[Block], settings: ChunkSettings) -> list[list[Block]]:
    """Split an oversized group at block boundaries, greedily."""
    pieces: list[list[Block]] = [[]]
    size = 0
    for block in group:
        full = size + block.tokens > settings.target_tokens
        if (pieces[-1] and full and size >= settings.min_tokens) or (
            pieces[-1] and pieces[-1][0].portion != block.portion
        ):
            pieces.append([])
            size = 0
        pieces[-1].append(block)
        size += block.tokens
    return pieces


_SOFT_BREAKS = (re.compile(r"(?<=[;:])\s+"), re.compile(r"(?<=,)\s+"), re.compile(r"\s+"))


def _fit(
    text: str, start: int, end: int, limit: int, count: CountTokens, level: int = 0
) -> list[tuple[int, int]]:
    """Cut an over-long sentence at semicolons, then commas, then words, to fit `limit`.

    Only sentences longer than the model can read are cut inside; all others stay whole.
    """
    if level >= len(_SOFT_BREAKS) or count([text[start:end]])[0] <= limit:
        return [(start, end)]
    cuts = [m.end() for m in _SOFT_BREAKS[level].finditer(text, start, end)]
    bounds = [start, *cuts, end]
    segments: list[tuple[int, int]] = []
    for left, right in itertools.pairwise(bounds):
        if text[left:right].strip():
            segments.extend(_fit(text, left, right, limit, count, level + 1))
    sizes = count([text[a:b] for a, b in segments])
    pieces: list[tuple[int, int]] = []
    piece_start, piece_end, size = segments[0][0], segments[0][0], 0
    for (left, right), tokens in zip(segments, sizes, strict=True):
        if size and size + tokens > limit:
            pieces.append((piece_start, piece_end))
            piece_start, size = left, 0
        piece_end, size = right, size + tokens
    pieces.append((piece_start, piece_end))
    return [(a, b - (len(text[a:b]) - len(text[a:b].rstrip()))) for a, b in pieces]


def _split_sentences(
    text: str, block: Block, settings: ChunkSettings, count: CountTokens
) -> list[ClauseSpan]:
    """Split one long block at sentence boundaries, repeating the last sentence(s)."""
    spans: list[tuple[int, int]] = []
    for start, end in sentence_spans(text, block.start, block.end):
        spans.extend(_fit(text, start, end, settings.target_tokens, count))
    sizes = count([text[a:b] for a, b in spans])
    label = _label(block.section, block.paragraph)
    pieces: list[ClauseSpan] = []
    first = 0
    while first < len(spans):
        last, size = first, sizes[first]
        while last + 1 < len(spans) and size + sizes[last + 1] <= settings.target_tokens:
            last += 1
            size += sizes[last]
        start, end = spans[first][0], spans[last][1]
        pieces.append(ClauseSpan(start, end, label, block.title, size))
        if last + 1 >= len(spans):
            break
        overlap = min(settings.overlap_sentences, last - first)
        first = last + 1 - overlap
    return pieces


def split_into_clauses(
    loaded: LoadedText,
    settings: ChunkSettings,
    count: CountTokens,
    scale: ClassificationScale,
) -> list[ClauseSpan]:
    """Cut a loaded document into clause spans.

    Args:
        loaded: the document text with recorded headings.
        settings: size targets.
        count: word-piece counter of the embedding model (or an approximation).
        scale: classification scale, so banner lines are not taken for content.

    Returns:
        Clause spans in document order.
    """
    text = loaded.text
    blocks = find_blocks(loaded, scale)
    for block, tokens in zip(blocks, count([text[b.start : b.end] for b in blocks]), strict=True):
        block.tokens = tokens
    spans: list[ClauseSpan] = []
    for group in _merge(_group(blocks), settings):
        for piece in _pack(group, settings):
            head = piece[0]
            size = sum(b.tokens for b in piece)
            if size > settings.target_tokens:
                whole = Block(
                    head.start, piece[-1].end, head.section, head.paragraph, head.depth, head.title
                )
                spans.extend(_split_sentences(text, whole, settings, count))
                continue
            spans.append(
                ClauseSpan(head.start, piece[-1].end, _piece_label(piece), head.title, size)
            )
    return spans
