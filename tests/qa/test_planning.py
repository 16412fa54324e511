"""Reading a question before retrieval: implied words, spelled-out phrases, named documents."""

from __future__ import annotations

from typing import Any

from ingest.records import Document, DocumentKind, Marking, MarkingSource
from qa.expansion import expand
from qa.naming import DocumentNames, name_terms, question_terms
from qa.planning import NAME_WEIGHT, Planner, lift_named, question_parts
from qa.retrieval import Candidate


def document(doc_id: str, title: str) -> Document:
    marking = Marking("UNCLASSIFIED", 0)
    return Document(
        doc_id, f"{doc_id}.md", "0" * 64, title, DocumentKind.AGREEMENT, marking,
        MarkingSource.DEFAULT, "",
    )  # fmt: skip


def test_everyday_words_imply_the_words_of_agreements() -> None:
    words = expand("Can we walk away from the deal?").words
    assert {"termin", "denounc", "withdraw"} <= set(words)
    assert words["denounc"] == 0.4  # a lower weight than the question's own words
    assert "walk" not in words  # the question's own words are not repeated
    # "~" members are searched for but never bring their group in
    assert expand("What level is it?").words == {}
    assert expand("Who pays for the translation?").rewritten.startswith(
        "Who pays for the translation? ("
    )
    assert expand("Where is the meeting held?").rewritten == ""


def test_acronyms_and_demonyms_meet_the_words_of_titles() -> None:
    assert question_terms("the NATO SOFA") == [
        "north",
        "atlant",
        "treati",
        "status",
        "forc",
        "agreement",
    ]
    assert question_terms("the Dutch and the Swiss") == ["netherland", "switzerland", "swiss"]
    assert question_terms("let us see") == ["let", "us", "see"]  # the word, not the country
    assert question_terms("the US") == ["unit", "state", "america"]


def test_the_named_document_wins_among_near_identical_ones() -> None:
    titles = {
        "qa": "Status of forces agreement between the State of Qatar and the Netherlands",
        "jo": "Agreement between the Netherlands and Jordan on a temporary deployment",
        "za": "Agreement between the Netherlands and South Africa on the status of personnel",
    }
    names = DocumentNames.build({d: name_terms(t, (), "") for d, t in titles.items()})
    scores = names.scores("Who prosecutes a Dutch soldier on duty under the Qatari deal?")
    assert max(scores, key=scores.__getitem__) == "qa"
    assert "jo" not in scores or scores["jo"] < scores["qa"] / 2
    # spelling variants of one name match ("Australië" in a Dutch title)
    dutch = DocumentNames.build({"au": name_terms("Regeling met Australië", (), "")})
    assert set(dutch.scores("the Australian arrangement")) == {"au"}


def test_the_opening_names_parties_a_title_leaves_out() -> None:
    opening = "The Government of the Kingdom of the Netherlands and the Government of Australia,"
    planner = Planner({"x": document("x", "Exchange of letters")}, {"x": opening})
    assert planner.plan("Under the arrangement with Australia, who is told?").prior == {"x": 1.0}


def test_named_documents_lift_their_clauses() -> None:
    import numpy as np

    from index import RowAttributes

    rows = RowAttributes(
        np.zeros(2, np.int16), np.zeros(2, np.int32), (frozenset(),), np.array([0, 1], np.int32),
        ("jo", "qa"),
    )  # fmt: skip
    candidates = [Candidate(0, 0.9), Candidate(1, 0.8)]
    lifted = lift_named(candidates, rows, {"qa": 1.0})
    assert [(c.row, round(c.score, 6)) for c in lifted] == [(1, 0.8 + NAME_WEIGHT), (0, 0.9)]
    assert lift_named(candidates, rows, {}) == candidates


def test_a_question_is_cut_where_it_joins_two_questions() -> None:
    assert question_parts(
        "Which government is the depositary of the North Atlantic Treaty, and which one for "
        "the Treaty on Conventional Armed Forces in Europe?"
    ) == (
        "Which government is the depositary of the North Atlantic Treaty",
        "which one for the Treaty on Conventional Armed Forces in Europe",
    )
    assert question_parts("Notice under the Qatar deal versus the Jordan agreement?") == (
        "Notice under the Qatar deal",
        "the Jordan agreement",
    )
    assert question_parts("How long; and who decides?") == ()  # a part needs three words
    assert question_parts("Who may read and copy the reports?") == ()  # "and" joins verbs


def test_parts_that_name_different_documents_are_compared() -> None:
    titles = {
        "qa": "Status of forces agreement between the State of Qatar and the Netherlands",
        "jo": "Agreement between the Netherlands and Jordan on a temporary deployment",
        "za": "Agreement between the Netherlands and South Africa on the status of personnel",
    }
    planner = Planner({d: document(d, t) for d, t in titles.items()}, {})
    question = "Who prosecutes a soldier under the Qatari deal, and who under the Jordan one?"
    assert planner.plan(question).compared == ("qa", "jo")
    assert planner.compared("Who prosecutes under the Qatari deal, and who under it?") == ()
    assert planner.compared("Under the Qatari deal, who prosecutes a soldier?") == ()
    # a document the planner does not hold (one the user may not see) is never compared
    hidden = Planner({d: document(d, t) for d, t in titles.items() if d != "jo"}, {})
    assert "jo" not in hidden.compared(question)


def test_compared_documents_take_turns_after_the_best_passage() -> None:
    from qa.comparison import merge

    def chosen(*rows: int) -> list[tuple[Candidate, Any]]:
        return [(Candidate(row, 1.0 - row / 100), f"clause {row}") for row in rows]

    overall = chosen(1, 2, 3, 4, 5)
    merged = merge(overall, [chosen(1, 11), chosen(21, 22)], 5)
    assert [c.row for c, _ in merged] == [1, 21, 11, 22, 2]
    assert [clause for _, clause in merged][:2] == ["clause 1", "clause 21"]
    assert [c.row for c, _ in merge(overall, [], 5)] == [1, 2, 3, 4, 5]
    assert [c.row for c, _ in merge(overall, [chosen(30)], 3)] == [1, 30, 2]


def test_a_part_is_named_by_its_name_like_words() -> None:
    from qa.naming import weighted_terms

    assert weighted_terms("may a state leave the NATO SOFA", 0.5) == {
        "may": 0.5, "state": 0.5, "leav": 0.5, "north": 1.0, "atlant": 1.0, "treati": 1.0,
        "status": 1.0, "forc": 1.0, "agreement": 1.0,
    }  # fmt: skip
    titles = {
        "sofa": "Agreement between the Parties to the North Atlantic Treaty regarding the "
        "Status of their Forces",
        "pfp": "Agreement among the States Parties to the North Atlantic Treaty and the other "
        "States participating in the Partnership for Peace regarding the Status of their Forces",
        "qa": "Agreement between the State of Qatar and the Netherlands on the status of personnel",
        "jo": "Agreement between the Netherlands and Jordan on military cooperation",
    }
    planner = Planner({d: document(d, t) for d, t in titles.items()}, {})
    full, half = planner.names.scores("a state"), planner.names.scores("a state", 0.5)
    assert set(half) == {"pfp", "qa"} and all(half[d] == full[d] / 2 for d in half)
    assert planner.names.scores("the State", 0.5) == planner.names.scores("the State")
    question = "May a state walk away from the NATO SOFA, and does the PfP agreement allow it?"
    assert planner.compared(question) == ("sofa", "pfp")
