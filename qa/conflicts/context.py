"""The setting of a value or a modal statement: its sentence, topics, material, situation, actor."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.conflicts.numbers import NUMBER_WORDS
from qa.conflicts.parties import actor_by, actor_in, actors_compatible
from qa.conflicts.segments import Segment, split_segments
from qa.conflicts.topics import (
    GENERIC_TOPICS,
    Situation,
    Subject,
    Topic,
    first_topic,
    instrument_mismatch,
    overlap,
    situation_of,
    stems,
    subjects_compatible,
    subjects_in,
    topics_in,
    without_topic_words,
)

# Where the subject of a clause ends: its first finite verb.
MODAL_VERB = re.compile(r"\b(?:shall|must|may|will|is|are|remains?|requires?)\b", re.IGNORECASE)
MIN_WORD_OVERLAP = 0.3  # share of the shorter clause's words the other must have (about 1 in 3)
SAME_VERB_WORD_OVERLAP = 0.2  # enough when both main verbs regulate the same act ("terminate")
FEW_WORDS = 2  # a clause with this many words or fewer is too short to judge by its words
# Words that say how much, how long or how often, not about what: amounts, units, bounds, anchors.
_AMOUNT_WORDS = stems(
    f"{' '.join(NUMBER_WORDS)} hundred thousand million hour hours day days week weeks month"
    " months year years working business calendar least most more less later longer exceed"
    " exceeding maximum minimum period per cent percent date receipt discovery time case event"
    " writing written notice advance prior every thereafter through effect"
)
_SAME_WORD = {"intel": "info", "infor": "info"}  # intelligence, information
# Classification markings qualifying material, on the scale or national ("HOCHGEHEIM"): capitalised
# words of five letters or more (acronyms are shorter), less a few headings.
_LEVEL_WORDS = re.compile(r"\b(?!(?:ARTICLE|ANNEX|SECTION|CHAPTER|AGREEMENT)\b)[A-Z]{5,}\b")


@dataclass(frozen=True)
class Context:
    """Where something was said; two things are comparable only in compatible contexts."""

    sentence: str
    topics: frozenset[Topic]  # of the clause (with the main verb's, for a clause without a verb)
    head: Topic | None  # the topic of the clause's main verb ("shall reply" -> reply to requests)
    subjects: frozenset[Subject]  # material or people the sentence is about
    situation: frozenset[Situation]
    levels: frozenset[str]  # markings qualifying the material ("SECRET documents")
    actor: str | None  # who holds the duty, when named
    words: frozenset[str]  # content stems of the clause, less amounts and their units

    def same_setting(self, other: Context, ignore_situation: bool = False) -> bool:
        """Same material, situation, actor and classification level.

        A rule for material of one level is a special rule, not a contradiction of the general one,
        so a level named on one side only makes the settings differ. `ignore_situation`: one side
        applies everywhere, so the other's special situation falls under it.
        """
        same_level = self.levels == other.levels or bool(self.levels & other.levels)
        return (
            subjects_compatible(self.subjects, other.subjects)
            and (ignore_situation or self.situation == other.situation)
            and actors_compatible(self.actor, other.actor)
            and same_level
        )

    def same_matter(self, other: Context) -> bool:
        """Same setting and the same act: equal main-verb topics, else at least one shared topic.

        "Visits shall be requested 20 days ahead" and "The host shall reply to a request for visit
        within 10 days" share the topic of requests, but their verbs say they regulate two steps.
        """
        if self._verbs_differ(other):
            return False
        if not (self.topics & other.topics) - GENERIC_TOPICS:
            return False  # sharing only "requests" or "access" says little
        if instrument_mismatch(self.topics, other.topics):
            return False  # "takes effect one year after notification" vs "enters into force ..."
        return self.same_setting(other) and self.shares_words(other)

    def _verbs_differ(self, other: Context) -> bool:
        """Both main verbs have topics, different ones, and neither names the other's topic
        ("keep ... in custody" and "handed over after the arrest" regulate one thing)."""
        if self.head is None or other.head is None or self.head is other.head:
            return False
        return self.head not in other.topics and other.head not in self.topics

    def shares_words(self, other: Context) -> bool:
        """Whether the clauses have enough words in common to be about the same thing.

        "notify ... of a breach within 3 days" and "notify ... of a change to the system 60 days in
        advance" share a topic; their other words show they are about different things.
        """
        if min(len(self.words), len(other.words)) <= FEW_WORDS:
            return True
        same_verb = self.head is not None and self.head is other.head
        needed = SAME_VERB_WORD_OVERLAP if same_verb else MIN_WORD_OVERLAP
        return overlap(self.words, other.words) >= needed


def segment_at(sentence: str, position: int) -> Segment:
    """The clause of a sentence that holds a character position."""
    segments = split_segments(sentence)
    for segment in segments:
        if segment.start <= position < segment.start + len(segment.text):
            return segment
    return segments[-1] if segments else Segment(0, sentence)


def clause_actor(segment_text: str) -> str | None:
    """The actor of a clause: its grammatical subject, or the agent of a passive verb."""
    verb = MODAL_VERB.search(segment_text)
    if verb is None:
        return actor_in(segment_text)
    return actor_in(segment_text[: verb.start()]) or actor_by(segment_text[verb.end() :])


_AFTER_VERB = re.compile(
    r"^\s*(?:(?:not|only|also|be|been)\s+)*(?P<verb>[\w-]+(?:\s+[\w-]+){0,2})"
)  # up to three words: "enter into force"


def head_topic(segment_text: str) -> Topic | None:
    """The topic named by the verb after a clause's first modal, when the lexicon knows it."""
    verb = MODAL_VERB.search(segment_text)
    words = _AFTER_VERB.match(segment_text[verb.end() :]) if verb else None
    if words is None:
        return None
    found = topics_in(words.group("verb"))
    return first_topic(found) if found else None


def context_of(
    sentence: str, segment: Segment, actor: str | None = None, find_actor: bool = True
) -> Context:
    """Context of something said in `segment` of `sentence`.

    The actor is `actor` when given, else found in the clause (unless `find_actor` is False). A
    clause without a verb of its own (", and in any case within 24 hours, of any ...") belongs to
    the sentence's main verb, whose topic it inherits.
    """
    verb = MODAL_VERB.search(segment.text)
    head = head_topic(segment.text if verb else sentence)
    topics = topics_in(segment.text) | ({head} if head and not verb else set())
    has_subject = verb is not None and bool(stems(segment.text[: verb.start()]))
    clause = segment.text if has_subject else sentence  # "... and shall ..." shares the subject
    found_actor = actor if actor is not None or not find_actor else clause_actor(segment.text)
    drop = _AMOUNT_WORDS | (stems(found_actor) if found_actor else frozenset())
    words = frozenset(_SAME_WORD.get(w, w) for w in stems(without_topic_words(clause)) - drop)
    return Context(
        sentence=sentence,
        topics=frozenset(topics),
        head=head,
        subjects=subjects_in(sentence),
        situation=situation_of(sentence),
        levels=frozenset(_LEVEL_WORDS.findall(sentence)),
        actor=found_actor,
        words=words,
    )
