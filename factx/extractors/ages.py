"""Ages of named people (SPEC "Age").

Every named person whose age the article states, one entry per person, with offsets on the
age expression itself:

    "Gabriel Kovari, 22, died"                  -> Gabriel Kovari 22   text "22"
    "Kovari (22)" / "Tom Quill 25." in a list -> 22 / 25             text "22" / "25"
    "22-year-old Gabriel Kovari"                -> 22                  text "22-year-old"
    "her 38-year-old mother, Jane Roe"          -> Jane Roe 38         (apposition)
    "Kovari, a 22-year-old student"             -> 22
    "Kovari, who was 22" / "Kovari, aged 22"    -> 22
    "Roe, who was eight at the time" / "Roe, aged twenty-one" -> 8 / 21 (words, closing the phrase)
    "Roe died at the age of 72"                 -> 72
    "The 44-year-old woman, named as Jane Roe"  -> 44 (same sentence, name after)
    "Roe died aged 72" / "Roe died at 72"       -> 72 (the age hangs from the verb)
    "Roe, a nurse from Hull, who died aged 87"  -> 87 (the name the 'who' clause is about)
    "Jane Roe was named. The 26-year-old ..."   -> 26 (definite "the N-year-old": previous name)

Ages in months or days ("12-day-old") are not ages; neither are years, counts, sentence
lengths ("jailed for 11 years") or money, since only the shapes above are read.
Explicit shapes win over the definite-description guesses; a person keeps their first age,
except that a historical "at the age of 18 in 1946" gives way to any other age.

Known limits: the definite "the N-year-old" is resolved to the one person named in the same
or the previous sentence (a subject when there are several); pronouns ("he, 22,") are not
resolved; an unnamed "a 30-year-old man" is never linked to a later name except through an
apposition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from spacy.tokens import Doc, Span, Token

from ..records import Age
from ..rules import load_json
from .people import People, Person

EXPLICIT, ANAPHORIC, HISTORICAL = 0, 1, 2


def patterns() -> dict:
    return load_json("age_patterns.json")


_NUMBER = re.compile(r"^\d{1,3}$")


@lru_cache(maxsize=8192)  # read for every token of the article: words repeat
def number_value(word: str) -> Optional[int]:
    """'22' -> 22, 'seven' -> 7, 'twenty-two' -> 22, else None."""
    word = word.strip().lower()
    if _NUMBER.match(word):
        return int(word)
    words = patterns()["number_words"]
    if word in words:
        return int(words[word])
    parts = re.split(r"[-\s]", word)
    if len(parts) == 2 and parts[0] in words and parts[1] in words:
        tens, unit = int(words[parts[0]]), int(words[parts[1]])
        if tens % 10 == 0 and tens >= 20 and 0 < unit < 10:
            return tens + unit
    return None


def parse_age(text: str) -> Optional[int]:
    """The age an age expression states: '34-year-old' -> 34, 'aged 22' -> 22, '22' -> 22.

    Months and days are not ages: '18-month-old' -> None.
    """
    cfg = patterns()
    text = text.strip().lower()
    m = re.match(r"^(?:aged?\s+(?:of\s+)?)?([a-z]+(?:-[a-z]+)?|\d{1,3})(?:[-\s]+(\w+)[-\s]+old)?$", text)
    if not m:
        return None
    if m.group(2) is not None and m.group(2) not in cfg["year_units"]:
        return None
    value = number_value(m.group(1))
    if value is None or not cfg["min_age"] <= value <= cfg["max_age"]:
        return None
    return value


@dataclass(frozen=True)
class AgeExpression:
    """An age as written: tokens [start, end) of the doc, and the age they state."""

    start: int
    end: int
    age: int

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


def _age_number(token: Token) -> Optional[int]:
    value = number_value(token.text)
    cfg = patterns()
    if value is None or not cfg["min_age"] <= value <= cfg["max_age"]:
        return None
    return value


def year_old_at(doc: Doc, i: int) -> Optional[AgeExpression]:
    """An 'N-year-old' / 'N years old' expression starting at token i, else None."""
    units = patterns()["year_units"]
    # "twenty-two-year-old": the number may itself be split on a hyphen
    value, j = _age_number(doc[i]), i + 1
    if j + 1 < len(doc) and doc[j].text == "-" and doc[i].lower_ in patterns()["number_words"]:
        combined = number_value(f"{doc[i].text}-{doc[j + 1].text}")
        if combined is not None:
            value, j = combined, j + 2
    if value is None:
        return None
    if i > 0 and doc[i - 1].text in {"-", "–"}:
        return None  # "5-10-year-old", part of a range
    k = j
    if k < len(doc) and doc[k].text in {"-", "–"}:
        k += 1
    if k >= len(doc) or doc[k].lower_ not in units:
        return None
    k += 1
    if k < len(doc) and doc[k].text in {"-", "–"}:
        k += 1
    if k >= len(doc) or doc[k].lower_ != "old":
        return None
    return AgeExpression(i, k + 1, value)


def find_year_old(doc: Doc) -> list[AgeExpression]:
    found, i = [], 0
    while i < len(doc):
        expr = year_old_at(doc, i)
        if expr is not None:
            found.append(expr)
            i = expr.end
        else:
            i += 1
    return found


# ------------------------------------------------------------------ name, then age


def _skip_parenthetical(doc: Doc, j: int) -> int:
    """After a name: skip '(pictured)', '(left)' ... (words only), returning the next index."""
    if j < len(doc) and doc[j].text == "(":
        k = j + 1
        while k < len(doc) and k - j <= 4 and doc[k].text != ")":
            if not doc[k].is_alpha:
                return j
            k += 1
        if k < len(doc) and doc[k].text == ")" and k > j + 1:
            return k + 1
    return j


def _follower_ok(doc: Doc, j: int) -> bool:
    """The token after a bare age number must end the apposition ('Roe, 22, said'), and
    not open a range ('Elm Hollow, 14-16 May')."""
    if j >= len(doc):
        return True
    token = doc[j]
    if token.text in {"-", "–", "—"} and j + 1 < len(doc) and doc[j + 1].like_num:
        return False
    return token.is_space or token.text in patterns()["bare_age_followers"]


def age_after_name(doc: Doc, mention: Span) -> Optional[AgeExpression]:
    """The age written right after a name: 'Roe, 22,' 'Roe (22)' 'Roe 22,' 'Roe, aged 22'
    'Roe, who was 22' 'Roe (left), 22,' 'Roe, 22-year-old'."""
    cfg = patterns()
    j = mention.end
    if j < len(doc) and doc[j].text == "(":
        # "Roe (22)"
        if j + 2 < len(doc) and doc[j + 2].text == ")" and _age_number(doc[j + 1]) is not None:
            if doc[j + 1].like_num and doc[j + 1].text.isdigit():
                return AgeExpression(j + 1, j + 2, _age_number(doc[j + 1]))
        j = _skip_parenthetical(doc, j)
    comma = j < len(doc) and doc[j].text == ","
    linked = False
    if comma:
        j += 1
    if j < len(doc) and doc[j].lower_ in cfg["aged_words"] + cfg["age_nouns"]:
        j += 1
        comma = linked = True  # "Roe aged 22" reads as well as "Roe, aged 22"
    elif comma and j + 1 < len(doc) and doc[j].lower_ in cfg["relative_pronoun_links"] \
            and doc[j + 1].lower_ in cfg["link_verbs"]:
        j += 2
        linked = True
    if j >= len(doc):
        return None
    expr = year_old_at(doc, j)
    if expr is not None:
        return expr if comma else None
    if linked and doc[j].is_alpha:
        return word_age_at(doc, j)  # "Roe, who was eight at the time" / "Roe, aged twenty-one"
    if not doc[j].text.isdigit():
        return None
    value = _age_number(doc[j])
    if value is None:
        return None
    if comma:
        if not _follower_ok(doc, j + 1):
            return None
    else:
        # "Tom Quill 25." in a list of names: only before a clear break
        if j + 1 < len(doc) and doc[j + 1].text not in {",", ".", ";", "and", ")"} and not doc[j + 1].is_space:
            return None
    return AgeExpression(j, j + 1, value)


def word_age_at(doc: Doc, j: int) -> Optional[AgeExpression]:
    """An age spelled in words at token j, closing its phrase: 'eight' in 'who was eight at
    the time', 'twenty-one' (one token or three). Not 'one of', 'ten minutes', 'first'."""
    cfg = patterns()
    value, end = number_value(doc[j].text), j + 1
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_alpha:
        combined = number_value(f"{doc[j].text}-{doc[end + 1].text}")
        if combined is not None:
            value, end = combined, end + 2
    if value is None or not cfg["min_age"] < value <= cfg["max_age"]:
        return None
    if end < len(doc) and not doc[end].is_space and doc[end].lower_ not in cfg["word_age_followers"]:
        return None
    return AgeExpression(j, end, value)


# ------------------------------------------------------------------ N-year-old, then name


def _person_at(people: People, token: Token) -> Optional[Person]:
    return people.at_token(token.i)


def _nominal_head(expr: AgeExpression, doc: Doc) -> Token:
    """The noun the age describes: 'the 22-year-old student' -> student; a bare '22-year-old' -> old."""
    old = doc[expr.end - 1]
    if old.dep_ in {"amod", "compound", "nmod", "nummod"} and old.head.i >= expr.end:
        return old.head
    return old


def person_for_year_old(doc: Doc, expr: AgeExpression, people: People) -> Optional[Person]:
    """The named person an 'N-year-old' expression describes directly, via the parse."""
    head = _nominal_head(expr, doc)
    old = doc[expr.end - 1]
    possessor = old.dep_ == "poss" or any(c.dep_ == "case" for c in old.children) \
        or any(c.dep_ == "case" for c in head.children)
    if possessor:
        return None  # "the 19-year-old's co-defendant Roe": Roe is someone else
    person = _person_at(people, head)
    if person is not None:
        return person
    x = head
    while x.dep_ == "compound" and x.head is not x:
        x = x.head
        person = _person_at(people, x)
        if person is not None:
            return person
    for child in head.children:
        if child.dep_ == "appos":
            person = _person_at(people, child)
            if person is not None:
                return person
    if head.dep_ == "appos":
        person = _person_at(people, head.head)
        if person is not None:
            return person
    if head.dep_ == "attr":
        for child in head.head.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                person = _person_at(people, child)
                if person is not None:
                    return person
    # "a 22-year-old Jane Roe" parsed oddly: the name follows within a few words
    for k in range(expr.end, min(len(doc), expr.end + 4)):
        token = doc[k]
        person = _person_at(people, token)
        if person is not None:
            return None if _modifier_only(people, token) else person
        if token.is_punct or token.pos_ in {"VERB", "AUX", "ADP", "CCONJ", "DET", "PRON"}:
            break
    return None


def _is_definite(doc: Doc, expr: AgeExpression) -> bool:
    head = _nominal_head(expr, doc)
    old = doc[expr.end - 1]
    for token in (head, old):
        for child in token.children:
            if child.dep_ == "det" and child.lower_ == "the":
                return True
    return expr.start > 0 and doc[expr.start - 1].lower_ == "the"


def _is_possessor(doc: Doc, expr: AgeExpression) -> bool:
    head = _nominal_head(expr, doc)
    old = doc[expr.end - 1]
    return old.dep_ == "poss" or head.dep_ == "poss"


def _mentions_between(people: People, doc: Doc, start: int, end: int) -> list[tuple[Person, Token]]:
    out = []
    for k in range(start, end):
        person = people.at_token(k)
        if person is not None and (not out or out[-1][0] is not person or people.at_token(k - 1) is not person):
            out.append((person, doc[k]))
    return out


def _titled(doc: Doc, people: People, token: Token) -> bool:
    from .people import titles

    mention = people.mention_at(token.i)
    start = mention.start if mention is not None else token.i
    return start > 0 and doc[start - 1].lower_ in titles()


def person_for_definite(doc: Doc, expr: AgeExpression, people: People) -> Optional[Person]:
    """'The 26-year-old' with no name of its own: the one person named just before it (same
    or previous sentence), else the first name later in the same sentence, else, when the
    description is the subject, the subject named in the next sentence."""
    if not _is_definite(doc, expr) or not describes_person(_nominal_head(expr, doc)):
        return None
    sent = doc[expr.start].sent
    before = _candidates(people, doc, sent.start, expr.start)
    if not before and sent.start > 0:
        prev = doc[sent.start - 1].sent
        before = _candidates(people, doc, prev.start, prev.end)
    # "the 28-year-old drummer shared a picture of himself with Roe": not Roe
    # (a later possessive is the same person: "the missing 24-year-old, Roe's body was found")
    later = {id(p) for p, t in _mentions_between(people, doc, expr.end, sent.end)
             if (people.mention_at(t.i) or t.doc[t.i:t.i + 1]).root.dep_ != "poss"}
    before = [(p, t) for p, t in before if id(p) not in later]
    distinct = _unique(p for p, _ in before)
    if len(distinct) == 1:
        return distinct[0]
    if len(distinct) > 1:
        subjects = _unique(p for p, t in before if _subject_like(t))
        return subjects[-1] if len(subjects) == 1 else None
    only = None
    if len(people) == 1 and id(people.persons[0]) not in later and any(not _modifier_only(people, m.root) for m in people.persons[0].mentions):
        only = people.persons[0]
    if _is_possessor(doc, expr):
        return only
    # "The 44-year-old woman, named by detectives as Jane Roe": the name given for it
    after = [(p, t) for p, t in _candidates(people, doc, expr.end, sent.end)
             if _named_as(people, t)]
    if after:
        return after[0][0]
    if _nominal_head(expr, doc).dep_ == "nsubj" and sent.end < len(doc):
        following = doc[sent.end].sent
        subjects = _unique(p for p, t in _candidates(people, doc, following.start, following.end)
                           if _subject_like(t))
        if subjects:
            return subjects[0]
    # a story that names a single person: "the 35-year-old father" is that person
    return only


def _named_as(people: People, token: Token) -> bool:
    mention = people.mention_at(token.i)
    start = mention.start if mention is not None else token.i
    doc = token.doc
    return start > 0 and doc[start - 1].lower_ == "as" and any(
        t.lower_ in patterns()["identify_words"] for t in doc[max(0, start - 8):start - 1])


def describes_person(head: Token) -> bool:
    """Whether the noun an age describes can be a person: 'victim', 'driver', a bare
    '26-year-old' - not 'the 35-year-old ferry'."""
    cfg = patterns()
    if head.lower_ == "old" or head.pos_ in {"ADJ", "PROPN"}:
        return True
    word = head.lower_
    return word in cfg["person_nouns"] or word.endswith(tuple(cfg["person_noun_suffixes"]))


def _candidates(people: People, doc: Doc, start: int, end: int) -> list[tuple[Person, Token]]:
    """Named people who may be meant: not officials with a title, not names that only
    modify a noun ('the Juniper Lowell concert')."""
    out = []
    for person, token in _mentions_between(people, doc, start, end):
        if _titled(doc, people, token) or _modifier_only(people, token):
            continue
        out.append((person, token))
    return out


def _modifier_only(people: People, token: Token) -> bool:
    mention = people.mention_at(token.i) or token.doc[token.i:token.i + 1]
    root = mention.root
    return root.dep_ == "compound" and not (mention.start <= root.head.i < mention.end)


def _unique(persons) -> list[Person]:
    """Persons in first-seen order, by identity (Person compares by value)."""
    out: list[Person] = []
    for p in persons:
        if not any(q is p for q in out):
            out.append(p)
    return out


def _subject_like(token: Token) -> bool:
    x = token
    while x.dep_ in {"compound", "flat", "appos"} and x.head is not x:
        x = x.head
    return x.dep_ in {"nsubj", "nsubjpass"}


# ------------------------------------------------------------------ "at (the) age (of) N"


def age_noun_phrases(doc: Doc) -> Iterator[tuple[AgeExpression, Token]]:
    """'died at the age of 72' / 'at age 72': the age and the verb it hangs from."""
    for token in doc:
        if token.lower_ not in patterns()["age_nouns"]:
            continue
        j = token.i + 1
        if j < len(doc) and doc[j].lower_ == "of":
            j += 1
        if j >= len(doc) or not doc[j].text.isdigit():
            continue
        value = _age_number(doc[j])
        if value is None:
            continue
        prep = token.head if token.head.lower_ == "at" else None
        if prep is None:
            continue
        yield AgeExpression(j, j + 1, value), prep.head


# what may follow "died at 68" besides the usual ends of an age apposition
_AT_AGE_FOLLOWERS = frozenset({"after", "following", "while", "when"})


def verb_age_phrases(doc: Doc) -> Iterator[tuple[AgeExpression, Token]]:
    """'Roe died aged 72' / 'Roe passed away at 72': an age that hangs from the verb, not
    from the name (an 'aged' on a noun - 'visited the boy, aged 5' - is the noun's)."""
    from .victims import is_death_verb  # late: victims reads ages

    cfg = patterns()
    for token in doc:
        j = token.i + 1
        if j >= len(doc) or not doc[j].text.isdigit() or _age_number(doc[j]) is None:
            continue
        if token.lower_ in cfg["aged_words"]:
            verb = token.head
            if token.dep_ not in {"advcl", "advmod", "xcomp", "acomp", "oprd", "prep"} \
                    or verb.pos_ not in {"VERB", "AUX"}:
                continue
        elif token.lower_ == "at" and token.dep_ == "prep" and is_death_verb(token.head):
            verb = token.head
            if doc[j].dep_ != "pobj":
                continue
        else:
            continue
        nxt = j + 1
        if not (_follower_ok(doc, nxt) or (nxt < len(doc) and doc[nxt].lower_ in _AT_AGE_FOLLOWERS)):
            continue
        yield AgeExpression(j, j + 1, _age_number(doc[j])), verb


def _subject_person(people: People, verb: Token) -> Optional[Person]:
    """The named subject of the clause an age closes: its own subject, a joined verb's
    ('Roe joined the police in 1962 and died aged 84'), or what a 'who' clause is about
    ('Roe, a midwife from Hull, who died aged 87': Roe, not Hull)."""
    seen = 0
    while seen < 4:
        seen += 1
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            person = people.at_token(subject.i)
            if person is not None:
                return person
            if subject.lower_ in patterns()["relative_pronoun_links"] and verb.dep_ == "relcl":
                return _relative_antecedent(people, verb.head)
            return None
        if verb.dep_ != "conj" or verb.head is verb:
            return None
        verb = verb.head
    return None


def _relative_antecedent(people: People, token: Token) -> Optional[Person]:
    """The person a 'who' clause attached to ``token`` is about: the topmost name up a
    chain of appositions and prepositional phrases ('Roe, a midwife from Hull, who');
    with no name there, the first name up through the clauses the parser stacked the
    'who' onto ('Roe, the coxswain who saved lives off the coast, who died aged 87')."""
    best = people.at_token(token.i)
    x, seen = token, 0
    while x.dep_ in {"appos", "pobj", "prep", "compound"} and x.head is not x and seen < 6:
        x, seen = x.head, seen + 1
        person = people.at_token(x.i)
        if person is not None:
            best = person
    while best is None and x.head is not x and seen < 12 and x.dep_ in {
            "appos", "pobj", "prep", "compound", "dobj", "xcomp", "relcl", "acl", "conj"}:
        x, seen = x.head, seen + 1
        best = people.at_token(x.i)
    return best


def _historical(doc: Doc, expr: AgeExpression, verb: Token) -> bool:
    """'joined the crew at the age of 18 in 1946': an age tied to a past year (not an age
    at death), which gives way to any other age of the person."""
    from .victims import is_death_verb  # late: victims reads ages

    if is_death_verb(verb):
        return False
    near = list(doc[max(0, expr.start - 6):min(len(doc), expr.end + 4)])
    clause = [t for t in verb.subtree if t.sent == verb.sent]
    return any(t.text.isdigit() and len(t.text) == 4 and 1800 <= int(t.text) <= 2100
               for t in {*near, *clause})


# ------------------------------------------------------------------ extractor


def find_ages(doc: Doc, people: People) -> list[tuple[Person, AgeExpression]]:
    """Every (person, age) the text states, one per person, in text order of the ages."""
    found: list[tuple[int, Person, AgeExpression]] = []
    used: set[int] = set()

    def add(rank: int, person: Person, expr: AgeExpression) -> None:
        if expr.start in used:
            return
        used.add(expr.start)
        found.append((rank, person, expr))

    for person in people:
        for mention in person.mentions:
            expr = age_after_name(doc, mention)
            if expr is not None:
                add(EXPLICIT, person, expr)
    year_olds = find_year_old(doc)
    for expr in year_olds:
        person = person_for_year_old(doc, expr, people)
        if person is not None:
            add(EXPLICIT, person, expr)
    for expr, verb in [*age_noun_phrases(doc), *verb_age_phrases(doc)]:
        person = _subject_person(people, verb)
        if person is not None:
            add(HISTORICAL if _historical(doc, expr, verb) else EXPLICIT, person, expr)
    explicit_values = {expr.age for _, _, expr in found}
    for expr in year_olds:
        if expr.start in used or expr.age in explicit_values:
            continue  # "the 22-year-old" repeats someone's stated age
        person = person_for_definite(doc, expr, people)
        if person is not None:
            add(ANAPHORIC, person, expr)

    best: dict[int, tuple[int, Person, AgeExpression]] = {}
    for rank, person, expr in found:
        key = id(person)
        current = best.get(key)
        if current is None or (rank, expr.start) < (current[0], current[2].start):
            best[key] = (rank, person, expr)
    chosen = sorted(best.values(), key=lambda item: item[2].start)
    return [(person, expr) for _, person, expr in chosen]


def extract(doc: Doc, ctx) -> Iterator[Age]:
    """Yield one Age per named person whose age the article states, in text order."""
    from .victims import described_victim_ages  # late: victims reads ages

    found = find_ages(doc, ctx.people)
    stated = {id(person): expr.age for person, expr in found}
    for person, described in described_victim_ages(doc, ctx.people, stated):
        start, end = described.age_tokens
        found.append((person, AgeExpression(start, end, described.age)))
    found.sort(key=lambda item: item[1].start)
    for person, expr in found:
        span = expr.span(doc)
        yield Age(name=person.name, age=expr.age, start=span.start_char, end=span.end_char,
                  text=span.text)
