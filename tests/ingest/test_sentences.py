from __future__ import annotations

from ingest.sentences import guess_language, sentence_spans, split_sentences


def test_sentences_end_at_full_stops_but_not_abbreviations_or_enumerators() -> None:
    text = (
        "1. The Parties shall protect information. It shall not be released, cf. Art. 5 "
        "para. 2 of the Agreement. See e.g. Annex A. The U.S. Government may act."
    )
    assert split_sentences(text) == [
        "1. The Parties shall protect information.",
        "It shall not be released, cf. Art. 5 para. 2 of the Agreement.",
        "See e.g. Annex A.",
        "The U.S. Government may act.",
    ]


def test_spans_are_absolute_offsets_without_surrounding_space() -> None:
    text = "xx  First one.  Second one.  "
    spans = sentence_spans(text, 2)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]
    assert spans[0][0] == 4


def test_blank_lines_separate_sentences() -> None:
    assert split_sentences("A heading\n\nThe text follows here") == [
        "A heading",
        "The text follows here",
    ]


def test_language_guess_tells_english_dutch_french() -> None:
    assert guess_language("The Parties shall protect the information of the other Party.") == "en"
    assert guess_language("De Partijen dragen zorg voor de beveiliging van de gegevens.") == "nl"
    assert (
        guess_language("Les Parties assurent la protection des informations de la Partie.") == "fr"
    )
    assert guess_language("") == "en"
