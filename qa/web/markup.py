"""HTML for passages, answers and clauses, built around html.escape()d document text.

Document text may contain `<script>`, Markdown links, `**` or `$`; it is rendered with
`st.html`, which does not interpret Markdown, and every piece of it is escaped here first.
The only markup is what this module writes: `<div>`, `<span>`, `<mark>` and `#passage-n` links.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from qa.records import ConflictFlag, Passage
from qa.sources import SourceView

# Injected once per page (st.html with only a <style> element adds no visible block).
STYLE = """<style>
.accord-card{border:1px solid rgba(128,128,128,.35);border-radius:.5rem;padding:.6rem .8rem;
  margin:0 0 .5rem 0;scroll-margin-top:4.5rem}
.accord-cite{font-weight:600}
.accord-meta{opacity:.75;font-size:.85em;margin-left:.4em}
.accord-text{white-space:pre-wrap;margin-top:.35rem;line-height:1.5;overflow-wrap:anywhere}
.accord-text mark{background:#ffe58a;color:#111;padding:0 .1em;border-radius:.15em}
.accord-focus{border-left:5px solid #e8a317;background:rgba(232,163,23,.10)}
.accord-answer{font-size:1.1rem;line-height:1.6;white-space:pre-wrap;overflow-wrap:anywhere;
  border-left:4px solid #0969da;background:rgba(9,105,218,.06);padding:.5rem .9rem;
  border-radius:.25rem}
.accord-answer a{text-decoration:none;font-weight:600}
.accord-strong{color:#1a7f37;font-weight:600}
.accord-partial{color:#9a6700;font-weight:600}
.accord-weak{color:#cf222e;font-weight:600}
.accord-flag{font-weight:600;color:#cf222e}
.accord-amended{font-weight:600;color:#0969da}
</style>"""

_MARKER = re.compile(r"\[(\d+)\]")
_STRENGTH_CLASS = {"strong match": "accord-strong", "partial match": "accord-partial"}


def passage_anchor(rank: int) -> str:
    """The element id a `[n]` marker jumps to."""
    return f"passage-{rank}"


def marked_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Escaped text with the highlighted character spans wrapped in <mark>."""
    out: list[str] = []
    last = 0
    for first, stop in sorted(spans):
        start, end = max(first, last), min(stop, len(text))
        if start >= end:
            continue
        out += [html.escape(text[last:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def answer_html(text: str, ranks: Iterable[int]) -> str:
    """The short answer, escaped, with each `[n]` of a shown passage linked to that passage."""
    known = set(ranks)

    def link(match: re.Match[str]) -> str:
        rank = int(match.group(1))
        if rank not in known:
            return match.group(0)
        return f'<a href="#{passage_anchor(rank)}" title="go to passage {rank}">[{rank}]</a>'

    return f'<div class="accord-answer">{_MARKER.sub(link, html.escape(text))}</div>'


def _header(passage: Passage, label: str, with_title: bool = True) -> str:
    marking = passage.marking.label() if passage.marking else ""
    citation = passage.citation()
    if not with_title:  # the source viewer names the document once, above its clauses
        citation = citation.removeprefix(f"{passage.title}, ")
    parts = [f'<span class="accord-cite">{html.escape(label + citation)}</span>']
    if marking:
        parts.append(f'<span class="accord-meta">{html.escape(marking)}</span>')
    return "".join(parts)


def passage_html(passage: Passage, anchored: bool = True) -> str:
    """A retrieved passage: [n], citation, marking, match strength, highlighted text."""
    strength = passage.strength.value
    css = _STRENGTH_CLASS.get(strength, "accord-weak")
    anchor = f' id="{passage_anchor(passage.rank)}"' if anchored else ""
    return (
        f'<div class="accord-card"{anchor}>'
        f"{_header(passage, f'[{passage.rank}] ')}"
        f'<span class="accord-meta {css}">{html.escape(strength)}</span>'
        f'<div class="accord-text">{marked_text(passage.text, passage.highlights)}</div></div>'
    )


def document_html(view: SourceView) -> str:
    """The source viewer's heading: title, marking, kind, date, pages, file, clause count."""
    document = view.document
    facts = [document.marking.label(), document.kind.value, document.date or "undated"]
    if document.pages:
        facts.append(f"{len(document.pages)} pages")
    facts += [view.file_name, f"{view.visible_clauses} clauses"]
    return (
        f'<h3 style="margin:0">{html.escape(document.title)}</h3>'
        f'<div class="accord-meta" style="margin:0">{html.escape(" · ".join(facts))}</div>'
    )


def clause_html(passage: Passage, focused: bool) -> str:
    """A clause in the source viewer; the opened one is outlined and fully highlighted."""
    body = marked_text(passage.text, [(0, len(passage.text))] if focused else [])
    css = "accord-card accord-focus" if focused else "accord-card"
    return (
        f'<div class="{css}" id="clause-{passage.rank}">{_header(passage, "", False)}'
        f'<div class="accord-text">{body}</div></div>'
    )


def conflict_heading_html(flag: ConflictFlag) -> str:
    """ "possible conflict — review" (or "amended by"), the kind, topic and explanation."""
    from qa.conflicts import AMENDED_WORDING, FLAG_WORDING

    amended = flag.status == "amended"
    wording = AMENDED_WORDING if amended else FLAG_WORDING
    css = "accord-amended" if amended else "accord-flag"
    topic = f" · {flag.topic}" if flag.topic else ""
    return (
        f'<div><span class="{css}">⚠ {html.escape(wording)}</span>'
        f'<span class="accord-meta">{html.escape(flag.kind + topic)}</span>'
        f'<div class="accord-text">{html.escape(flag.explanation)}</div></div>'
    )


def conflict_side_html(passage: Passage, label: str, evidence: str | None = None) -> str:
    """One side of a conflict: its citation and text, the sentence that drives the flag marked."""
    start = passage.text.find(evidence) if evidence else -1
    spans = [(start, start + len(evidence))] if evidence and start >= 0 else passage.highlights
    return (
        f'<div class="accord-card">{_header(passage, label)}'
        f'<div class="accord-text">{marked_text(passage.text, spans)}</div></div>'
    )
