"""Markdown to plain text: headings kept (and recorded), HTML/meta lines, link targets and
emphasis markers dropped, tables kept as ``a | b`` rows."""

from __future__ import annotations

import html
import re

from ingest.records import Heading, LoadedText

_HEADING = re.compile(r"^(#{1,6})\s*(.+?)\s*#*\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_EMPHASIS = (
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"),
)
_CODE = re.compile(r"`([^`]*)`")


def _strip_inline(line: str) -> str:
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _TAG.sub("", line)
    line = _EMPHASIS[0].sub(r"\2", line)
    line = _EMPHASIS[1].sub(r"\1", line)
    line = _EMPHASIS[2].sub(r"\1", line)
    return html.unescape(line)


def _table_row(line: str) -> str:
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return " | ".join(cells)


def _drop_front_matter(lines: list[str]) -> tuple[list[str], str | None]:
    if not lines or lines[0].strip() != "---":
        return lines, None
    for index in range(1, min(len(lines), 200)):
        if lines[index].strip() in ("---", "..."):
            title = None
            for line in lines[1:index]:
                key, _, value = line.partition(":")
                if key.strip().lower() == "title" and value.strip():
                    title = value.strip().strip("'\"")
            return lines[index + 1 :], title
    return lines, None


def _convert_line(raw: str) -> tuple[str | None, int]:
    """One Markdown line as document text (None to drop it) and its heading level (0: none)."""
    stripped = raw.strip()
    if _REF_DEFINITION.match(raw) or (_TABLE_RULE.match(raw) and "-" in raw):
        return None, 0
    if stripped and not _TAG.sub("", stripped).strip():
        return None, 0  # a line of nothing but HTML (<meta ...>, <br/>)
    heading = _HEADING.match(stripped)
    if heading:
        return _strip_inline(heading.group(2)).strip(), len(heading.group(1))
    if stripped.startswith("|") and stripped.count("|") >= 2:
        return _strip_inline(_table_row(stripped)), 0
    return _strip_inline(raw.rstrip()), 0


def load_markdown(text: str, warnings: tuple[str, ...] = ()) -> LoadedText:
    """Convert Markdown to the document text Accord stores and cites."""
    lines, title = _drop_front_matter(text.split("\n"))
    out: list[str] = []
    headings: list[Heading] = []
    offset = 0
    for raw in lines:
        line, level = _convert_line(raw)
        if line is None:
            continue
        if not line.strip() and (not out or not out[-1].strip()):
            continue  # collapse runs of blank lines
        if level:
            headings.append(Heading(offset, offset + len(line), level))
        out.append(line)
        offset += len(line) + 1
    while out and not out[-1].strip():
        out.pop()
    return LoadedText(
        text="\n".join(out) + "\n", headings=tuple(headings), title=title, warnings=warnings
    )
