"""Answers as JSON-ready data (the CLI's --json, the audit's ids, exports)."""

from __future__ import annotations

from typing import Any

from qa.records import Answer, ConflictFlag, Passage


def passage_json(passage: Passage) -> dict[str, Any]:
    """One passage in the documented JSON shape."""
    return {
        "rank": passage.rank,
        "doc_id": passage.doc_id,
        "clause_id": passage.clause_id,
        "title": passage.title,
        "source": passage.source,
        "section": passage.section,
        "page": passage.page,
        "page_label": passage.page_label,
        "text": passage.text,
        "score": passage.score,
        "strength": passage.strength.value,
        "highlights": [list(span) for span in passage.highlights],
        "classification": passage.marking.label() if passage.marking else None,
        "citation": passage.citation(),
    }


def conflict_json(flag: ConflictFlag) -> dict[str, Any]:
    """One conflict flag: both clauses with citations, kind, topic and explanation."""
    return {
        "status": flag.status,
        "kind": flag.kind,
        "topic": flag.topic,
        "score": round(flag.score, 4),
        "explanation": flag.explanation,
        "a": passage_json(flag.a),
        "b": passage_json(flag.b),
        "evidence": list(flag.evidence) if flag.evidence else None,
    }


def answer_json(answer: Answer) -> dict[str, Any]:
    """The whole answer: {"question", "answer", "abstained", "passages", "conflicts"}."""
    return {
        "question": answer.question,
        "answer": answer.text,
        "abstained": answer.abstained,
        "passages": [passage_json(p) for p in answer.passages],
        "conflicts": [conflict_json(c) for c in answer.conflicts],
        "evidence": round(answer.evidence, 4),
        "generation": answer.generation,
    }
