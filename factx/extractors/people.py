"""Named people in an article, with their mentions grouped into one person each.

    "Anthony Walgate" ... "Mr Walgate" ... "Anthony"   -> one person, "Anthony Walgate"

Victims, ages and quote speakers all name people, so they share this index.

A surname-only mention that names a relative ("His father, Mr Doyle, 54, said" next to
"Liam Doyle") is a person of its own, see :func:`split_relatives`.

Two people who share a surname ("Ansel Thorley", "Percival Thorley") make a bare "Thorley"
ambiguous: a gendered courtesy title picks between them ("Mrs Thorley" -> the one whose
first name is not a man's), else it is left unresolved rather than guessed.

A bare shared surname with no title is resolved by its role when that is clear: "Roe was
jailed" -> the Roe named in full as the offender, "Roe was assaulted" -> the other one.

Known limits: a bare shared surname in no role ("Roe told the court") stays unresolved. Names the model does
not tag as PERSON are only found when they repeat a surname it did tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..rules import load_json, load_lexicon

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def titles() -> frozenset[str]:
    return load_lexicon("titles.txt")


def name_suffixes() -> frozenset[str]:
    return load_lexicon("name_suffixes.txt")


def name_stopwords() -> frozenset[str]:
    """Words that never stand in a personal name ('Inn', 'Stadium', 'Daughter')."""
    return load_lexicon("victim_name_stopwords.txt")


def name_tokens(name: str) -> list[str]:
    """Lower-case name words, honorifics and suffixes removed: 'Mr. John Smith Jr' -> [john, smith]."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(name)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    ts, sx = titles(), name_suffixes()
    while len(words) > 1 and (words[0] in ts or words[0] + "." in ts):
        words.pop(0)
    while len(words) > 1 and (words[-1] in sx or words[-1] + "." in sx):
        words.pop()
    return words


def surname(name: str) -> str:
    words = name_tokens(name)
    return words[-1] if words else ""


def same_person(a: str, b: str) -> bool:
    """True when one name's words are a subset of the other's and the surnames agree."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if len(ta) == 1 or len(tb) == 1:
        short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
        return short[0] in long_
    return (set(ta) <= set(tb) or set(tb) <= set(ta)) and ta[-1] == tb[-1]


def strip_title_tokens(span: Span) -> Span:
    """The span without leading honorifics/ranks and trailing suffixes ('Det Supt Jane Roe' -> 'Jane Roe')."""
    ts, sx = titles(), name_suffixes()
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and (doc[start].lower_ in ts or doc[start].is_punct):
        start += 1
    while end - start > 1 and (doc[end - 1].lower_ in sx or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


@dataclass
class Person:
    """One person: the fullest name in the text and every mention of them."""

    name: str
    mentions: list[Span] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return name_tokens(self.name)

    @property
    def surname(self) -> str:
        return self.words[-1] if self.words else ""

    @property
    def first_mention(self) -> Span:
        return min(self.mentions, key=lambda s: s.start_char)


def _looks_like_name(span: Span) -> bool:
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > 5:
        return False
    if any(t.like_num or t.like_url or t.like_email for t in words):
        return False
    if any(t.lower_ in name_stopwords() for t in words):
        return False
    if all(t.lower_ in titles() or t.lower_ + "." in titles() for t in words):
        return False  # "Sgt" cut off from its name by a sentence break
    # a personal name is capitalised; "the victim" or "i" is not
    return all(t.text[:1].isupper() or t.text.lower() in {"de", "van", "von", "da", "di", "la", "le", "bin", "al", "el", "del", "der", "du", "st", "mc"} for t in words)


class People:
    """The people named in one article."""

    def __init__(self, doc: Doc, persons: list[Person]):
        self.doc = doc
        self.persons = persons
        self._by_token: dict[int, Person] = {}
        for person in persons:
            for span in person.mentions:
                for i in range(span.start, span.end):
                    self._by_token[i] = person

    def __iter__(self):
        return iter(self.persons)

    def __len__(self) -> int:
        return len(self.persons)

    def at_token(self, i: int) -> Optional[Person]:
        """The person a token belongs to, if it is part of a name."""
        return self._by_token.get(i)

    def in_span(self, span: Span) -> list[Person]:
        seen: list[Person] = []
        for i in range(span.start, span.end):
            p = self._by_token.get(i)
            if p is not None and p not in seen:
                seen.append(p)
        return seen

    def mention_at(self, i: int) -> Optional[Span]:
        p = self._by_token.get(i)
        if p is None:
            return None
        return next((m for m in p.mentions if m.start <= i < m.end), None)

    def find(self, name: str) -> Optional[Person]:
        """The person a name refers to ('Mr Walgate' -> Anthony Walgate), if exactly one fits."""
        hits = [p for p in self.persons if same_person(p.name, name)]
        return hits[0] if len(hits) == 1 else None


def find_people(doc: Doc, ignore: Iterable[tuple[int, int]] = ()) -> People:
    """Group the PERSON entities of a doc into people (fullest name first)."""
    spans = [strip_title_tokens(e) for e in doc.ents if e.label_ == "PERSON"]
    spans = [s for s in spans if _looks_like_name(s)]
    lower_words = {t.text for t in doc if t.is_alpha and t.text.islower()}
    multi_words = {w for s in spans if len(name_tokens(s.text)) > 1 for w in name_tokens(s.text)}
    # a lone capitalised word that the text also uses in lower case is a common noun
    # ("Barber, 31, ..." in a headline), unless it is part of a full name
    spans = [s for s in spans if len(name_tokens(s.text)) > 1
             or name_tokens(s.text)[0] in multi_words or s.text.lower() not in lower_words]
    multi = sorted((s for s in spans if len(name_tokens(s.text)) > 1),
                   key=lambda s: (-len(name_tokens(s.text)), s.start))
    single = [s for s in spans if len(name_tokens(s.text)) == 1]

    tagged_ents = {i for e in doc.ents for i in range(e.start, e.end)}
    persons: list[Person] = []
    for span in multi:
        words = name_tokens(span.text)
        match = next((p for p in persons if p.surname == words[-1] and set(words) <= set(p.words)), None)
        if match is None:
            persons.append(Person(name=span.text, mentions=[span]))
        else:
            match.mentions.append(span)

    def resolve_single(word: str, at: int = -1) -> Optional[Person]:
        by_surname = [p for p in persons if len(p.words) > 1 and p.surname == word]
        if len(by_surname) == 1:
            return by_surname[0]
        if by_surname:
            return _dominant(by_surname) or _by_title_gender(doc, at, by_surname)
        by_first = [p for p in persons if len(p.words) > 1 and p.words[0] == word]
        if len(by_first) == 1:
            return by_first[0]
        return _dominant(by_first)

    singles: dict[str, Person] = {}
    for span in sorted(single, key=lambda s: s.start):
        word = name_tokens(span.text)[0]
        person = resolve_single(word, span.start)
        if person is None:
            if any(len(p.words) > 1 and word in (p.surname, p.words[0]) for p in persons):
                continue  # ambiguous between several people: leave it out
            person = singles.get(word)
            if person is None:
                person = singles[word] = Person(name=span.text, mentions=[])
                persons.append(person)
        person.mentions.append(span)

    # surnames the model missed elsewhere ("Mr Walgate" untagged): add them as mentions
    tagged = {i for p in persons for m in p.mentions for i in range(m.start, m.end)}
    surnames = {}
    for p in persons:
        if len(p.words) > 1:
            surnames.setdefault(p.surname, []).append(p)
    ts = titles()
    first_names: dict[str, list[Person]] = {}
    for p in persons:
        if len(p.words) > 1:
            first_names.setdefault(p.words[0], []).append(p)
    lone = {p.words[0]: p for p in persons if len(p.words) == 1}
    ambiguous: list[tuple[int, list[Person]]] = []
    for token in doc:
        if token.i in tagged or not token.is_title:
            continue
        if token.lower_ in lone and token.tag_ == "NNP" and token.i > 0:
            widened = _with_first_name(doc[token.i : token.i + 1], tagged)
            if len(widened) == 2:  # "Ugo Ferraro" untagged, "Mr Ferraro" tagged
                lone[token.lower_].mentions.append(widened)
                tagged.update(range(widened.start, widened.end))
                continue
        owners = surnames.get(token.lower_)
        if not owners and token.ent_type_ not in {"PERSON", ""} and token.tag_ == "NNP" \
                and token.lower_ in first_names and not surnames.get(token.lower_):
            # a first name the model mislabelled (tagged GPE): the one person it opens
            owners = first_names[token.lower_]
            if len(owners) == 1 and (token.i + 1 >= len(doc) or not doc[token.i + 1].is_title):
                owners[0].mentions.append(doc[token.i : token.i + 1])
            continue
        owner = owners[0] if owners and len(owners) == 1 else (
            _dominant(owners or []) or _by_title_gender(doc, token.i, owners or []))
        if owner is None:
            if owners and len(owners) > 1 and token.pos_ in {"PROPN", "NOUN"}:
                ambiguous.append((token.i, owners))
            continue
        prev = doc[token.i - 1] if token.i > 0 else None
        if token.pos_ == "PROPN" or (prev is not None and prev.lower_ in ts):
            owner.mentions.append(doc[token.i : token.i + 1])
    for i, owners in ambiguous:
        owner = _by_role(doc[i : i + 1], owners)
        if owner is not None:
            owner.mentions.append(doc[i : i + 1])

    split_relatives(doc, persons)
    for p in persons:
        p.mentions = [_with_first_name(m, tagged_ents) for m in p.mentions]
    for p in persons:
        p.mentions.sort(key=lambda s: s.start)
        fullest = max(p.mentions, key=lambda s: (len(name_tokens(s.text)), len(s.text), -s.start))
        p.name = _clean_name(fullest.text)
    persons.sort(key=lambda p: p.first_mention.start)
    return People(doc, persons)


# ------------------------------------------------------------------ relatives sharing a surname

# a parent or other relative who speaks about "his son" / "her daughter"
_CHILD_NOUNS = frozenset({"son", "daughter", "boy", "girl", "child", "grandson", "granddaughter",
                          "stepson", "stepdaughter", "baby"})
_POSSESSIVES = frozenset({"his", "her", "my", "our", "their"})


def kin_nouns() -> frozenset[str]:
    return frozenset(load_json("quote_rules.json").get("kin_nouns", []))


def _speech_verbs() -> frozenset[str]:
    return frozenset(load_json("harm_words.json").get("speech_verbs", [])) | {"said", "says", "told", "added"}


def _title_before(mention: Span) -> Optional[str]:
    """The honorific right before a (title-stripped) mention: 'mr' for 'Mr Doyle'."""
    doc = mention.doc
    if mention.start == 0:
        return None
    prev = doc[mention.start - 1].lower_.rstrip(".")
    return prev if prev in {"mr", "mrs", "ms", "miss", "mx"} else None


def _kin_beside(mention: Span) -> Optional[str]:
    """A kin noun of someone's ('his father', 'the teenager's father') standing in apposition
    with the mention: 'his father, Mr Doyle', 'Mr Doyle, 54, the teenager's father'. A
    description of the person ('Doyle, a father-of-two') is not kin of someone else."""
    doc, kin = mention.doc, kin_nouns()

    def relational(token: Token) -> bool:
        return token.lower_ in kin and any(c.dep_ == "poss" for c in token.children) \
            and not (token.i + 1 < len(doc) and doc[token.i + 1].text in {"-", "‐"})

    j = mention.start - 1
    ts = titles()
    while j >= 0 and doc[j].lower_ in ts:
        j -= 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    if j >= 0 and relational(doc[j]):
        return doc[j].lower_
    root = mention.root
    if root.dep_ in {"appos", "compound"} and relational(root.head):
        return root.head.lower_
    for child in root.children:
        if child.dep_ == "appos" and relational(child):
            return child.lower_
    return None


def _speaks_of_own_child(mention: Span, person: Person) -> bool:
    """'Mr Doyle, 54, said his son ...': the mention, with an age of its own (older than any
    age the full name states), is the subject of a speech verb whose sentence talks about a
    son or daughter."""
    from .ages import age_after_name  # late: ages imports this module

    root = mention.root
    if root.dep_ != "nsubj" or root.head.lower_ not in _speech_verbs():
        return False
    own = age_after_name(mention.doc, mention)
    if own is None:
        return False
    full_ages = [a.age for m in person.mentions if len(name_tokens(m.text)) > 1
                 for a in [age_after_name(mention.doc, m)] if a is not None]
    if any(own.age <= age for age in full_ages):
        return False
    return any(t.lower_ in _CHILD_NOUNS and any(c.lower_ in _POSSESSIVES and c.dep_ == "poss" for c in t.children)
               for t in mention.sent)


def names_a_relative(mention: Span, person: Person) -> bool:
    """Whether a surname-only mention grouped with ``person`` names someone else of that
    family: a kin noun beside it (unless the full name carries the same one), an honorific
    of the other gender ('Mr Doyle' for a Megan Doyle), or a speaker with an age of its own
    talking of 'his son'."""
    from .speaker_gender import first_name_gender, word_gender  # late: keeps imports light

    title = _title_before(mention)
    title_gender = word_gender(title) if title else None
    person_gender = first_name_gender(person.words[0]) if len(person.words) > 1 else None
    if title_gender and person_gender and title_gender != person_gender:
        return True
    kin = _kin_beside(mention)
    if kin is not None:
        own = {_kin_beside(m) for m in person.mentions if len(name_tokens(m.text)) > 1}
        return kin not in own
    return _speaks_of_own_child(mention, person)


def split_relatives(doc: Doc, persons: list[Person]) -> None:
    """'Liam Doyle was stabbed ... His father, Mr Doyle, 54, said': a surname-only mention that
    names a relative becomes a person of its own, and later mentions with the same honorific
    follow it (the most recent 'Mr Doyle' introduced). Edits ``persons`` in place."""
    for person in list(persons):
        if len(person.words) < 2:
            continue
        relative: Optional[Person] = None
        relative_title: Optional[str] = None
        keep: list[Span] = []
        for m in sorted(person.mentions, key=lambda s: s.start):
            words = name_tokens(m.text)
            if len(words) != 1 or words[0] != person.surname:
                keep.append(m)
                continue
            title = _title_before(m)
            if relative is not None and title is not None and title == relative_title:
                relative.mentions.append(m)
            elif names_a_relative(m, person):
                relative, relative_title = Person(name=m.text, mentions=[m]), title
                persons.append(relative)
            else:
                keep.append(m)
        person.mentions = keep


def _with_first_name(mention: Span, tagged: set[int]) -> Span:
    """'Opal Brennick' where the model tagged only 'Brennick': a lone name word widened
    by the capitalised proper noun right before it (not a title, not another entity)."""
    if len(mention) != 1 or mention.start == 0:
        return mention
    doc = mention.doc
    prev = doc[mention.start - 1]
    if (prev.i in tagged or not prev.is_title or not prev.is_alpha or prev.tag_ != "NNP"
            or prev.lower_ in titles() or prev.lower_ in name_stopwords()):
        return mention
    return doc[prev.i : mention.end]


def _by_title_gender(doc: Doc, start: int, candidates: list[Person]) -> Optional[Person]:
    """Of several people sharing a surname, the one a gendered courtesy title before the
    bare surname points to: 'Mrs Roe' -> Jane Roe, not John Roe. None unless exactly one fits."""
    from .speaker_gender import person_gender, word_gender  # gender cues are the quotes' data

    if start <= 0 or len(candidates) < 2:
        return None
    gender = word_gender(doc[start - 1].text.rstrip("."))
    if gender is None or doc[start - 1].lower_.rstrip(".") not in titles() and doc[start - 1].lower_ not in titles():
        return None
    fits = [p for p in candidates if person_gender(p) == gender]
    if not fits:  # "Mrs Roe" with John Roe and an unlisted first name: the one not ruled out
        fits = [p for p in candidates if person_gender(p) is None]
    return fits[0] if len(fits) == 1 else None


def _by_role(mention: Span, candidates: list[Person]) -> Optional[Person]:
    """Of several people sharing a surname, the one a bare surname's role points to: 'Roe was
    jailed' -> the one Roe the story names in full as an offender; 'Roe was assaulted' -> the
    one Roe who is not. None unless the roles make it clear."""
    from .victims import read_mention  # late: victims imports this module

    own = read_mention(mention)
    against, for_ = any(not e.victim for e in own), any(e.victim for e in own)
    if against == for_:
        return None

    def offender(p: Person) -> bool:
        evidence = [e for m in p.mentions if len(name_tokens(m.text)) > 1 for e in read_mention(m)]
        return any(not e.victim for e in evidence) and not any(e.victim for e in evidence)

    offenders = [p for p in candidates if offender(p)]
    others = [p for p in candidates if not offender(p)]
    if against:
        return offenders[0] if len(offenders) == 1 else None
    return others[0] if offenders and len(others) == 1 else None


def _dominant(candidates: list[Person]) -> Optional[Person]:
    """Of several people sharing a surname, the one the story is about: named in full at
    least twice, and at least twice as often as any other. Else None (ambiguous)."""
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    def full(p: Person) -> int:
        return sum(1 for m in p.mentions if len(name_tokens(m.text)) > 1)
    ranked = sorted(candidates, key=full, reverse=True)
    top, second = full(ranked[0]), full(ranked[1])
    return ranked[0] if top >= 2 and top >= 2 * max(second, 1) else None


def _clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?:'s|’s)$", "", text)


# ------------------------------------------------------------------ entity repairs

# what the model glues onto a name in a title-case headline: "Opal Brennick Has Died"
_VERB_TAGS = frozenset({"VBZ", "VBD", "VBN", "VBP", "MD"})
# labels the small model wrongly gives to people ("Dong-Hyun Seo" ORG, a name after "a 27-year-old" FAC)
_MISLABELS = frozenset({"ORG", "GPE", "FAC", "NORP", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def _headline_cut(ent: Span) -> Optional[int]:
    """Where headline words glued onto a name begin: the first verb ('Has Died', 'Was Found
    Dead') or shouted word ('SLAMS') after the first token, else None."""
    first_upper = ent[0].is_upper and len(ent[0]) > 1
    for token in ent[1:]:
        if token.tag_ in _VERB_TAGS or (not first_upper and token.is_upper and len(token) > 1 and token.is_alpha):
            return token.i
    return None


def trim_person_entity(ent: Span) -> Span:
    """Drop headline words glued after a name: verbs ('Has Died', 'Was Found Dead') and shouted
    words ('REBUKES'), with everything after them."""
    cut = _headline_cut(ent)
    if cut is None:
        return ent
    return Span(ent.doc, ent.start, cut, label=ent.label_, kb_id=ent.kb_id_)


def split_headline_entity(ent: Span) -> list[Span]:
    """'Lionel Tarrant REBUKES Hugo Brisk' tagged as one entity: the name-shaped parts on
    either side of the glued headline word, with the entity's label."""
    cut = _headline_cut(ent)
    if cut is None:
        return [ent]
    doc = ent.doc
    parts = [Span(doc, ent.start, cut, label=ent.label_)]
    if doc[cut].is_upper and cut + 1 < ent.end:
        rest = Span(doc, cut + 1, ent.end, label=ent.label_)
        if name_shaped(rest):
            parts.append(rest)
    return parts


def name_shaped(span: Span) -> bool:
    """Capitalised words (hyphens allowed), at most four, none of them a non-name word."""
    words = [t for t in span if t.text not in {"-", "‐"}]
    if not words or len(words) > 4:
        return False
    stop = name_stopwords()
    return all(t.is_alpha and t.text[:1].isupper() and t.lower_ not in stop for t in words) \
        and not all(t.is_upper and len(t) > 1 for t in words)


def has_person_cue(span: Span) -> bool:
    """The text treats the span as a person: an age ('X, 22,' '22-year-old X' 'X (22)')
    or an honorific before it ('Mr X')."""
    from .ages import age_after_name, year_old_at  # late: ages imports this module

    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in titles():
        return True
    # "police named the man as X", "identified as X"
    if span.start > 1 and doc[span.start - 1].lower_ == "as" and any(
            t.lower_ in {"named", "identified", "identifies", "names"} for t in doc[max(0, span.start - 8):span.start - 1]):
        return True
    if age_after_name(doc, span) is not None:
        return True
    if len(name_tokens(span.text)) > 1 and harmed_role(span):
        return True
    root = span.root
    modifier = root.dep_ in {"compound", "amod"} and not (span.start <= root.head.i < span.end)
    place = span.label_ in _PLACE_LABELS
    if span.start > 0 and doc[span.start - 1].lower_ == "old" and not modifier and not place:
        for k in range(max(0, span.start - 6), span.start - 1):
            expr = year_old_at(doc, k)
            if expr is not None and expr.end == span.start:
                return True
    return False


def harmed_role(span: Span) -> bool:
    """The phrase is what a harm verb or noun acts on ('X was stabbed', 'the murder of X'):
    organisations and places are not stabbed, so a two-word name there is a person."""
    from .victims import noun_harm, verb_harm  # late: victims imports this module

    root = span.root
    head = root.head
    if root.dep_ in {"nsubjpass", "dobj"}:
        return verb_harm(head) is not None
    if root.dep_ == "pobj" and head.lower_ == "of":
        return noun_harm(head.head) is not None
    if root.dep_ == "poss":
        return noun_harm(head) is not None
    return False


def fix_person_entities(ents: list[Span]) -> list[Span]:
    """Repair PERSON entities: trim headline words, and relabel as PERSON the name-shaped
    ORG/GPE/FAC... entities that repeat a tagged person's name or surname, or carry an age or
    an honorific. Place labels (GPE, LOC) need a repeated full name or a cue."""
    persons = []
    for e in ents:
        if e.label_ == "PERSON":
            persons.append(trim_person_entity(e))
        elif e.label_ in _MISLABELS and not name_shaped(e):
            persons.extend(split_headline_entity(e))
        else:
            persons.append(e)
    full = {e.text.lower() for e in persons if e.label_ == "PERSON"}
    last = {e[-1].lower_ for e in persons if e.label_ == "PERSON" and len(name_tokens(e.text)) > 1}
    out: list[Span] = []
    for ent in persons:
        if ent.label_ in _MISLABELS and name_shaped(ent):
            text, multi = ent.text.lower(), len(name_tokens(ent.text)) > 1
            # the full name, or its surname, is tagged PERSON elsewhere
            repeats = text in full or (ent[-1].lower_ in last and (multi or ent.label_ not in _PLACE_LABELS)) \
                or (multi and ent[-1].lower_ in full)
            if ent.label_ in _PLACE_LABELS and not multi:
                repeats = False
            if repeats or has_person_cue(ent):
                ent = Span(ent.doc, ent.start, ent.end, label="PERSON")
        out.append(ent)
    return out
