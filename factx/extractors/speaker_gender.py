"""Grammatical gender cues for people, so "he" and "she" find the right antecedent.

    first_name_gender("Margaret")            -> "f"
    word_gender("Mr") / word_gender("son")   -> "m"
    word_gender("she")                       -> "f"
    mention_gender(<"Mr Ellis">)             -> "m"  (honorific before or inside the mention)
    mention_gender(<"Liza" in "his daughter Liza">) -> "f"  (a gendered noun in apposition)
    person_gender(person)                    -> majority of its mentions' cues and first name

Cues are data: ``models/first_names_gender.txt`` (common English-language first names) and
the ``male_nouns`` / ``female_nouns`` / ``*_pronouns`` lists of ``models/quote_rules.json``.

Known limits: names outside the list and names used by both genders give no cue (None),
which is compatible with either pronoun; pronouns elsewhere in the text ("his") are not
used as evidence about a person.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Optional

from spacy.tokens import Span

from ..rules import load_json, load_lexicon

MALE, FEMALE = "m", "f"


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    out = {}
    for entry in load_lexicon("first_names_gender.txt"):
        name, _, gender = entry.partition(" ")
        if gender.strip() in {MALE, FEMALE}:
            out[name] = gender.strip()
    return out


@lru_cache(maxsize=1)
def _gender_words() -> dict[str, str]:
    rules = load_json("quote_rules.json")
    out = {}
    for key, gender in (("male_nouns", MALE), ("male_pronouns", MALE),
                        ("female_nouns", FEMALE), ("female_pronouns", FEMALE)):
        for word in rules.get(key, []):
            out[word.lower()] = gender
    return out


def first_name_gender(name: str) -> Optional[str]:
    """'Margaret' -> 'f', 'Keith' -> 'm', unknown or unisex -> None."""
    return _first_names().get(name.lower().strip("."))


def word_gender(word: str) -> Optional[str]:
    """Gender of an honorific, pronoun or person noun: 'Mrs' -> 'f', 'father' -> 'm'."""
    return _gender_words().get(word.lower())


def compatible(a: Optional[str], b: Optional[str]) -> bool:
    """Unknown gender fits anything."""
    return a is None or b is None or a == b


def mention_gender(mention: Span) -> Optional[str]:
    """A cue right at one mention: an honorific ('Mr Ellis'), a gendered noun it stands in
    apposition or compound with ('his daughter Liza', 'Mother Jane Roe', 'Jane Roe, the
    mother of ...')."""
    doc = mention.doc
    first = mention[0]
    if word_gender(first.text) is not None and len(mention) > 1:
        return word_gender(first.text)
    if mention.start > 0:
        prev = doc[mention.start - 1]
        g = word_gender(prev.text)
        if g is not None and prev.pos_ in {"PROPN", "NOUN"}:
            return g
    root = mention.root
    if root.dep_ in {"appos", "compound"} and root.head.i not in range(mention.start, mention.end):
        g = word_gender(root.head.text) if root.head.pos_ == "NOUN" else None
        if g is not None:
            return g
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            g = word_gender(child.text)
            if g is not None:
                return g
    return None


def person_gender(person) -> Optional[str]:
    """A person's gender: the first name's when it is known (a surname-only "Mr Ellis" may be
    a relative of "Abigail Ellis"), else the majority of the mentions' cues, None on a tie."""
    words = person.name.split()
    if len(words) > 1:
        g = first_name_gender(words[0]) or word_gender(words[0])
        if g is not None:
            return g
    votes: Counter[str] = Counter()
    for m in person.mentions:
        g = mention_gender(m)
        if g is not None:
            votes[g] += 1
    if len(words) == 1 and first_name_gender(words[0]) is not None:
        votes[first_name_gender(words[0])] += 1
    if not votes:
        return None
    ranked = votes.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
