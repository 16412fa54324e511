"""Document text reaches the page only as escaped text: scripts, links and Markdown stay inert."""

from __future__ import annotations

from ingest.records import Document, DocumentKind, Marking, MarkingSource
from qa.sources import SourceView
from qa.web.markup import (
    answer_html,
    clause_html,
    conflict_heading_html,
    conflict_side_html,
    document_html,
    marked_text,
    passage_html,
)
from tests.app.helpers import conflict, passage

HOSTILE = (
    "<script>alert('x')</script> See [the annex](javascript:alert(1)) **now** for $x^2$ "
    '<img src=x onerror="alert(2)"> & more'
)


def test_marked_text_escapes_every_piece_and_marks_the_spans() -> None:
    text = "a <b> c & d"
    assert marked_text(text, [(2, 5)]) == "a <mark>&lt;b&gt;</mark> c &amp; d"


def test_marked_text_ignores_overlapping_and_out_of_range_spans() -> None:
    assert marked_text("abcdef", [(0, 3), (2, 4), (5, 99)]) == (
        "<mark>abc</mark><mark>d</mark>e<mark>f</mark>"
    )


def test_hostile_passage_text_is_inert() -> None:
    rendered = passage_html(passage(1, HOSTILE, highlights=((0, 30),)))
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in rendered
    assert "[the annex](javascript:alert(1))" in rendered  # literal text: st.html is not Markdown
    assert 'href="javascript' not in rendered
    assert "**now** for $x^2$" in rendered
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; more" in rendered


def test_hostile_title_and_explanation_are_escaped() -> None:
    side = passage(1, "text", title="<script>t()</script>", section="<b>1</b>")
    flag = conflict(side, passage(2, "other"), explanation="<script>e()</script>")
    html = conflict_heading_html(flag) + conflict_side_html(side, "A: ") + clause_html(side, True)
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;t()&lt;/script&gt;, &lt;b&gt;1&lt;/b&gt;" in html
    assert "&lt;script&gt;e()&lt;/script&gt;" in html


def test_answer_markers_link_to_shown_passages_only() -> None:
    html = answer_html("Ten years [1]. Five <years> [2]. See [7].", [1, 2])
    assert html == (
        '<div class="accord-answer">Ten years '
        '<a href="#passage-1" title="go to passage 1">[1]</a>. Five &lt;years&gt; '
        '<a href="#passage-2" title="go to passage 2">[2]</a>. See [7].</div>'
    )


def test_passage_card_shows_citation_marking_strength_and_anchor() -> None:
    html = passage_html(passage(3, "Keep it ten years.", page=4, highlights=((0, 7),)))
    assert html.startswith('<div class="accord-card" id="passage-3">')
    assert "[3] Agreement 3, Article 3, p. 4" in html
    assert ">RESTRICTED<" in html and ">strong match<" in html
    assert "<mark>Keep it</mark> ten years." in html


def test_conflict_wording_and_amendment_wording() -> None:
    a, b = passage(1, "five years"), passage(2, "ten years")
    assert "possible conflict — review" in conflict_heading_html(conflict(a, b))
    assert "amended by" in conflict_heading_html(conflict(a, b, status="amended"))


def test_conflict_side_marks_the_evidence_sentence() -> None:
    side = passage(1, "First. Keep it five years. Last.")
    assert "<mark>Keep it five years.</mark>" in conflict_side_html(
        side, "A: ", "Keep it five years."
    )


def test_source_clause_names_section_without_repeating_the_title() -> None:
    html = clause_html(passage(2, "Text.", page=3), focused=False)
    assert '<span class="accord-cite">Article 2, p. 3</span>' in html
    assert "<mark>" not in html and "accord-focus" not in html
    assert "<mark>Text.</mark>" in clause_html(passage(2, "Text."), focused=True)


def test_source_heading_escapes_the_title_and_lists_the_facts() -> None:
    document = Document(
        doc_id="d1",
        source="/corpus/a.pdf",
        sha256="0" * 64,
        title="<script>x()</script> Agreement",
        kind=DocumentKind.AGREEMENT,
        marking=Marking("SECRET", 3, frozenset({"ALD"})),
        marking_source=MarkingSource.BANNER,
        text="",
        date="2018-09-27",
    )
    view = SourceView(document, (passage(1, "t"),), 0, 12, None, "a.pdf", "application/pdf")
    assert document_html(view) == (
        '<h3 style="margin:0">&lt;script&gt;x()&lt;/script&gt; Agreement</h3>'
        '<div class="accord-meta" style="margin:0">'
        "SECRET//REL TO ALD · agreement · 2018-09-27 · a.pdf · 12 clauses</div>"
    )
