"""Which documents a question names: "the Qatar deal", "our arrangement with the Swiss",
"the NATO SOFA", "the Dutch-Swedish memorandum".

Over dozens of agreements that share their wording (every SOFA has a clause on criminal
jurisdiction), the passage that answers a question is often decided by the agreement the
question names. Each document is described by its name words: the words of its title and
parties, and the capitalised words of its opening (the preamble names the parties:
"The Government of the Kingdom of the Netherlands and the Government of Australia ...").
A question word names a document when it matches one of them — after spelling out common
acronyms (NATO, SOFA, PfP, ...) and demonyms (Dutch, Swiss, Qatari, ...), and allowing a
shared stem ("Australian" ~ "Australia" ~ "Australië"). Words are weighted by how few
documents they name (inverse document frequency over the documents the user may see, so a
hidden document never shapes the weights).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from index.lexical import tokenize

# Acronyms of the field, spelled out so that they meet the words of titles.
ACRONYMS: Mapping[str, str] = {
    "nato": "north atlantic treaty",
    "sofa": "status of forces agreement",
    "sofas": "status of forces agreements",
    "pfp": "partnership for peace",
    "esa": "european space agency",
    "weu": "western european union",
    "cfe": "conventional armed forces in europe",
    "hq": "headquarters",
    "hqs": "headquarters",
    "shape": "supreme headquarters allied powers europe",
    "mou": "memorandum of understanding",
    "eag": "european air group",
    "us": "united states america",
    "usa": "united states america",
    "uk": "united kingdom",
    "nl": "netherlands",
    "eu": "european union",
    "un": "united nations",
}
# Names of peoples whose stem differs from their country's.
DEMONYMS: Mapping[str, str] = {
    "dutch": "netherlands",
    "holland": "netherlands",
    "swiss": "switzerland swiss",
    "swedish": "sweden",
    "swedes": "sweden",
    "british": "united kingdom britain",
    "english": "united kingdom",
    "french": "france french",
    "spanish": "spain",
    "greek": "greece",
    "turkish": "turkey",
    "danish": "denmark",
    "norwegian": "norway",
    "finnish": "finland",
    "polish": "poland",
    "portuguese": "portugal",
    "american": "united states america",
    "americans": "united states america",
    "belgian": "belgium",
    "luxembourgish": "luxembourg",
    "czech": "czech republic",
    "benelux": "belgium netherlands luxembourg",
    "german": "germany",
    "germans": "germany",
    "qatari": "qatar",
    "jordanian": "jordan",
    "rwandan": "rwanda",
    "australian": "australia",
    "australians": "australia",
    "canadian": "canada",
    "italian": "italy",
    "hungarian": "hungary",
    "swede": "sweden",
    "washington": "united states america",
}
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-zÀ-ÿ'-]{2,}")
# Words of the opening read for names (the preamble names the parties).
OPENING_WORDS = 60
# Spelling variants: two stems of at least this many letters ...
MIN_STEM = 6
# ... that differ only in their last this many letters.
STEM_SLACK = 2


def _words(question: str) -> list[tuple[str, str]]:
    """Each word of the question with its spelled-out form (acronyms, demonyms)."""
    return [
        (word, DEMONYMS.get(word.lower()) or _spelled(word))
        for word in re.findall(r"[A-Za-zÀ-ÿ]+", question)
    ]


def question_terms(question: str) -> list[str]:
    """The question's stemmed words with acronyms and demonyms spelled out."""
    return tokenize(" ".join(spelled for _, spelled in _words(question)))


def weighted_terms(question: str, common: float = 1.0) -> dict[str, float]:
    """The question's distinct stemmed words, each weighted 1 when it comes from a name-like
    word (capitalised, an acronym, a demonym) and `common` otherwise ("a state may walk away
    from the NATO SOFA": "state" is not what names the agreement)."""
    weights: dict[str, float] = {}
    for word, spelled in _words(question):
        weight = 1.0 if word[0].isupper() or spelled != word else common
        for term in tokenize(spelled):
            weights[term] = max(weights.get(term, 0.0), weight)
    return weights


def _spelled(word: str) -> str:
    """An acronym of the field spelled out ("NATO", "SOFA", "PfP", "HQ" — two capitals at
    least, so not the English words "us" or "shape"), any other word as it is."""
    if sum(1 for c in word if c.isupper()) >= 2:
        return ACRONYMS.get(word.lower(), word)
    return word


def name_terms(title: str, parties: Iterable[str], opening: str) -> frozenset[str]:
    """The stemmed name words of a document."""
    capitalised = " ".join(_CAPITALISED.findall(" ".join(opening.split()[:OPENING_WORDS])))
    spelled = " ".join(_spelled(w) for w in title.split())
    return frozenset(tokenize(" ".join([spelled, *parties, capitalised])))


def _stems_match(a: str, b: str) -> bool:
    """Same stem, or spelling variants of one ("organis" ~ "organiz", "australi" ~
    "australië"): the same letters up to the last two of the shorter, at least six."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < MIN_STEM or len(long) - len(short) > STEM_SLACK:
        return False
    pairs = enumerate(zip(short, long, strict=False))
    common = next((i for i, (x, y) in pairs if x != y), len(short))
    return common >= max(MIN_STEM, len(short) - STEM_SLACK)


# BM25 over the documents' name words (each word once): short names fully matched by the
# question ("NORTH ATLANTIC TREATY") beat long titles that share a few of its words.
K1 = 1.2
B = 0.75


@dataclass(frozen=True)
class DocumentNames:
    """The name words of some documents, weighted by how few of them each names."""

    terms: Mapping[str, frozenset[str]]  # doc_id -> name words
    idf: Mapping[str, float]
    average: float  # mean number of name words
    holders: Mapping[str, tuple[str, ...]]  # name word -> documents it names
    variants: Mapping[str, tuple[str, ...]]  # first MIN_STEM letters -> name words

    @classmethod
    def build(cls, terms: Mapping[str, frozenset[str]]) -> DocumentNames:
        """Weights over exactly these documents (those a user may see)."""
        holders: dict[str, list[str]] = {}
        for doc_id, words in terms.items():
            for word in words:
                holders.setdefault(word, []).append(doc_id)
        count = len(terms)
        idf = {w: math.log(1 + (count - len(d) + 0.5) / (len(d) + 0.5)) for w, d in holders.items()}
        variants: dict[str, list[str]] = {}
        for word in holders:
            if len(word) >= MIN_STEM:
                variants.setdefault(word[:MIN_STEM], []).append(word)
        average = sum(len(w) for w in terms.values()) / max(count, 1)
        return cls(
            dict(terms),
            idf,
            average or 1.0,
            {w: tuple(d) for w, d in holders.items()},
            {p: tuple(w) for p, w in variants.items()},
        )

    def _matched(self, term: str) -> list[str]:
        """The name words a question word matches: itself, or a spelling variant."""
        found = [term] if term in self.holders else []
        for word in self.variants.get(term[:MIN_STEM], ()):
            if word != term and _stems_match(term, word):
                found.append(word)
        return found

    def scores(self, question: str, common: float = 1.0) -> dict[str, float]:
        """BM25 of each document's name words against the question's distinct words (words
        that are not name-like count `common` times, see `weighted_terms`)."""
        weights: dict[str, float] = {}
        for term, share in weighted_terms(question, common).items():
            best: dict[str, float] = {}
            for word in self._matched(term):
                for doc_id in self.holders[word]:
                    best[doc_id] = max(best.get(doc_id, 0.0), self.idf[word])
            for doc_id, weight in best.items():
                weights[doc_id] = weights.get(doc_id, 0.0) + share * weight
        found = {}
        for doc_id, weight in weights.items():
            norm = 1.0 + K1 * (1.0 - B + B * len(self.terms[doc_id]) / self.average)
            found[doc_id] = weight * (K1 + 1.0) / norm
        return found
