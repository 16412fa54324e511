"""HTML documents: visible text of block elements, headings h1–h6 recorded; scripts, styles
and the head dropped (their text is never document text)."""

from __future__ import annotations

import re

from ingest.records import Heading, LoadedText

_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre", "blockquote", "dt", "dd")


def load_html(text: str, warnings: tuple[str, ...] = ()) -> LoadedText:
    """Extract the readable text of an HTML page."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text().split()) if title_tag else None
    for tag in soup(["script", "style", "head", "noscript", "template", "iframe", "object"]):
        tag.decompose()
    lines: list[str] = []
    headings: list[Heading] = []
    offset = 0
    for element in soup.find_all(_BLOCKS):
        if element.find(_BLOCKS):
            continue  # its inner blocks are visited on their own
        if element.name == "tr":
            cells = [" ".join(c.get_text(" ").split()) for c in element.find_all(["td", "th"])]
            line = " | ".join(cells)
        else:
            line = " ".join(element.get_text(" ").split())
        if not line:
            continue
        heading = re.fullmatch(r"h([1-6])", element.name or "")
        if heading:
            headings.append(Heading(offset, offset + len(line), int(heading.group(1))))
        lines.append(line)
        offset += len(line) + 2
    if not lines:
        body = soup.body or soup
        lines = [" ".join(part.split()) for part in body.get_text("\n").split("\n\n")]
        lines = [line for line in lines if line]
    return LoadedText(
        text="\n\n".join(lines) + "\n", headings=tuple(headings), title=title, warnings=warnings
    )
