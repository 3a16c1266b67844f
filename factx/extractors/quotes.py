"""Quotes (direct and reported) and who speaks them (SPEC "Quote and Official").

    IOPC director Jane Roe said: “We will look again.”   -> "We will look again.", Jane Roe
    “We will,” she said, “do it.”                         -> two quotes, both by the last-named person
    “It was over.                                         -> one quote per paragraph of a
    “We start again.”                                        multi-paragraph quote, same speaker
    The Met said the force will help.                     -> reported: "the force will help.",
                                                             speaker "Metropolitan Police"
    A neighbour said: 'It was awful.'                     -> speaker null (nobody named)
    His wife told the Post: "He was kind."                -> speaker "the Post" (the outlet)

How a speaker is found (textacy's recipe, made tolerant):
1. quote marks are paired by :mod:`quote_marks` (linear, broken quotes become warnings);
2. a reporting verb (``models/speech_verbs.txt``; "made this statement" too) is looked for
   right after the quote in the same sentence ("...," said X / he added), else before it
   ("X said: ...", "X said his client was 'in shock'", or a line ending in ":" just above).
   A clause before a colon wins even when the parse gives its verb no subject ("X, 50, is a
   pilot who says ..., said: ..."); a quote that ends a sentence which a reporting clause
   opened keeps that clause ("The Post reports that "...." A witness told ...");
3. the verb's subject is the speaker (inverted order, "according to X", a participle taking
   the subject of the verb it hangs on, "him replying", a passive verb's agent: "described by
   friends as" -> the friends); it is widened to the person's fullest name with
   :class:`People`, to the Agency ``name`` ("The Met" -> "Metropolitan Police"; "a police
   spokesman" -> the article's police force), or to an organisation ("the News" -> the
   "Daily News" named before). Names the model missed after a title ("Mayor Lovely Warren")
   are people. A person set off by commas after a role subject speaks for it ("The leader
   of X Council, Cllr Jane Roe, said"; "The MP for A and B, John Roe, told the Post"), as
   does a name closing a capitalised title ("FBI Special Agent in Charge Jane Roe said").
   A surname-only mention that cannot be the person it was grouped with ("Mr
   Ellis" vs "Abigail Ellis") goes to the relative it fits ("Ellis's brother Keith" ->
   "Keith Ellis"); a one-letter surname variant ("Callander") to the one named person;
4. "he"/"she" (and "the girl", "the president", "the 19-year-old") are resolved by walking
   back sentence by sentence (captions skipped): the main subject, else the speaker of a
   quote there, else the nearest person mentioned - of a compatible gender
   (:mod:`speaker_gender`). An unnamed subject ("his wife", "a witness") gives no name, and
   the outlet the words were told to stands in ("told the Post" -> "Post"). In the lede,
   "The father of a teenager killed ... said" is the person the next sentence introduces;
5. a quote with no verb of its own continues the previous quote's speaker when it follows it
   in the same paragraph or opens a paragraph right after a quoted one (captions between are
   skipped), takes the attribution at the end of an open multi-paragraph quote, or continues
   the reported speech of the paragraph before ("A spokesman said ..." / "'On arrival ...'").

Reported speech: a reporting verb with a clause ("said (that) ...", "ruled that ...") or, for
announce/confirm/deny..., an object ("has announced the suspension of ..."), outside any
direct quote, gives a ``direct=false`` quote.

Known limits: an unnamed speaker named only later in another role ("A witness told the News
..." / "The News' witness, Kazi Hoque") stays null; names outside the first-name list give
no gender; "a report said" is not traced to the outlet of the sentence before; the model
has no lemmatizer, so verb forms are matched as written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..records import Official, Quote
from ..rules import load_json, load_lexicon
from .people import Person, titles
from .officials import agency_for_word, find_officials, title_before, title_inside, widen_name
from .speaker_gender import compatible, first_name_gender, mention_gender, person_gender, word_gender
from .quote_marks import QuoteSpan, find_quote_spans, paragraphs

_SENT_END = frozenset({".", "?", "!", "…"})
_AFTER_WINDOW = 12  # tokens after a quote in which its reporting verb may stand
_PRONOUN_PARAGRAPHS = 3  # earlier paragraphs searched for the subject a he/she continues
_FALLBACK_QUOTES = 50  # earlier quotes a pronoun may fall back on, when nothing nearer fits
_LEDE_PARAGRAPHS = 5  # headline, dateline, byline and the lede: "The father of X said ..."
_OUTLET_LABELS = ("ORG", "PRODUCT", "WORK_OF_ART", "FAC")  # what NER calls "WCBS 2", "the Post"


def speech_verbs() -> frozenset[str]:
    """Every written form of the reporting verbs ('say' -> say, says, said, saying, ...)."""
    return _speech_verb_forms()


@lru_cache(maxsize=1)
def _speech_verb_forms() -> frozenset[str]:
    forms: set[str] = set()
    for entry in load_lexicon("speech_verbs.txt"):
        forms.update(verb_forms(entry))
    return frozenset(forms)


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections of a verb, generously (wrong extra forms are harmless):
    'add' -> add, adds, added, adding; 'deny' -> denies, denied; 'admit' -> admitted."""
    if " " in lemma or not lemma.isalpha():
        return {lemma}
    forms = {lemma}
    vowels = "aeiou"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in vowels:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in vowels:
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
        if len(lemma) >= 3 and lemma[-1] not in vowels + "wxy" and lemma[-2] in vowels \
                and lemma[-3] not in vowels:
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return forms


@lru_cache(maxsize=1)
def _phrasal() -> frozenset[str]:
    return frozenset(quote_rules().get("phrasal_speech_verbs", []))


@lru_cache(maxsize=1)
def _phrasal_heads() -> frozenset[str]:
    """What a word must be for "<word> <next word>" to be a phrasal speech verb."""
    return frozenset(p[:k] for p in _phrasal() for k, c in enumerate(p) if c == " ")


@lru_cache(maxsize=1)
def _statement_verbs() -> frozenset[str]:
    return frozenset(quote_rules().get("statement_verbs", []))


@lru_cache(maxsize=1)
def _statement_nouns() -> frozenset[str]:
    return frozenset(quote_rules().get("statement_nouns", []))


def _role_words() -> frozenset[str]:
    return load_lexicon("official_titles.txt")


def speaker_nouns() -> frozenset[str]:
    return load_lexicon("speaker_nouns.txt")


def quote_rules() -> dict:
    return load_json("quote_rules.json")


@dataclass
class Speaker:
    """Who speaks: a name (person, agency or organisation) and the mention it came from."""

    name: Optional[str]
    start: Optional[int] = None
    end: Optional[int] = None
    person: Optional[Person] = None
    organization: bool = False
    unnamed: bool = False  # a person the text does not name ("his wife", "a witness")

    @classmethod
    def none(cls) -> "Speaker":
        return cls(None)


@dataclass
class Attribution:
    quote: Quote
    speaker: Speaker
    verb: Optional[Token]


# ------------------------------------------------------------------------- pure helpers

def is_speech_verb(token: Token) -> bool:
    """A reporting verb ('said', 'tweeted', 'adding'); nouns and adjectives are not."""
    verbs = speech_verbs()
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    if token.lower_ not in verbs and token.lemma_.lower() not in verbs:
        if token.pos_ == "VERB" and token.lower_ in _statement_verbs() and any(
                c.dep_ == "dobj" and c.lower_ in _statement_nouns() for c in token.children):
            return True  # "X made this statement:", "X issued a statement"
        # "He went on: ...", "as she put it, ..."
        if token.lower_ not in _phrasal_heads():
            return False  # most words: no phrasal verb starts with them (this runs per token)
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return nxt is not None and f"{token.lower_} {nxt.lower_}" in _phrasal()
    if token.pos_ in {"VERB", "AUX"} or token.tag_ in {"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"}:
        return True
    # mis-tagged "The Post reports, ..." / "the statement reads: ..."
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (token.lower_.endswith(("s", "ed")) and nxt is not None
            and (nxt.text in {",", ":"} or nxt.lower_ == "that" or nxt.text in "\"'“‘"))


def one_edit_apart(a: str, b: str) -> bool:
    """Spelling variants of a surname: one substitution, insertion or deletion apart, same
    first letter, five letters or more ('callender' ~ 'callander')."""
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1:]


def is_passive(verb: Token) -> bool:
    """'was told', 'is described': a passive auxiliary or subject hangs on the verb."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def looks_like_title(text: str) -> bool:
    """Short Title Case text without sentence punctuation: a name, nickname or work title."""
    words = text.split()
    if not words or len(words) > 6 or text.rstrip()[-1:] in {".", "!", "?", ","}:
        return False
    small = {"a", "an", "the", "of", "in", "on", "and", "to", "for", "at", "by", "with", "or"}
    caps = [w for w in words if w.lower() not in small]
    return bool(caps) and all(w[:1].isupper() or not w[:1].isalpha() for w in caps)


class _Index:
    """Token lookups by character offset, and which characters lie inside direct quotes."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan]):
        self.doc = doc
        self.starts = [t.idx for t in doc]
        ranges = []
        for q in spans:
            end = q.close_mark + 1 if q.close_mark is not None else q.end
            ranges.append((q.open_mark, end))
        self.quoted = sorted(ranges)
        self.quoted_starts = [a for a, _ in self.quoted]

    def token_at(self, char: int) -> int:
        """Index of the token containing (or first after) a character offset."""
        i = bisect.bisect_right(self.starts, char) - 1
        return max(i, 0)

    def in_quote(self, char: int) -> bool:
        k = bisect.bisect_right(self.quoted_starts, char) - 1
        return k >= 0 and self.quoted[k][0] <= char < self.quoted[k][1]


# --------------------------------------------------------------------------- extractor

class _Attributor:
    def __init__(self, doc: Doc, ctx, spans: list[QuoteSpan]):
        self.doc = doc
        self.ctx = ctx
        self.spans = spans
        self.index = _Index(doc, spans)
        self.people = ctx.people
        self.text = doc.text  # Doc.text joins every token: build it once
        self.paras = paragraphs(self.text)
        self.para_starts = [a for a, _ in self.paras]
        self._agency_at = self._agency_ranges()
        self._agency_starts = [a for a, _, _ in self._agency_at]
        self._agency_span = max((b - a for a, b, _ in self._agency_at), default=0)
        self.ents = list(doc.ents)  # Doc.ents is rebuilt on every access
        self.ent_starts = [e.start for e in self.ents]
        self._fuller: Optional[dict[str, list[tuple[int, str]]]] = None
        self.rules = quote_rules()
        self.full_names: dict[int, str] = {}
        self.untagged: dict[str, Person] = {}  # names the NER missed, seen as subjects
        self.reported: list[Attribution] = []
        self.quote_events: list[tuple[int, int, Speaker]] = []  # (start, end, speaker) of direct quotes
        self._event_starts: list[int] = []  # quote_events' starts, in text order
        self._genders: dict[int, Optional[str]] = {}
        self._roles: Optional[list[tuple[Person, frozenset[str]]]] = None
        self._captions: dict[int, bool] = {}
        self._derived = self._derived_names()

    # ---- lookups
    def _agency_ranges(self) -> list[tuple[int, int, str]]:
        ranges = []
        for agency in self.ctx.agencies or []:
            for m in agency.mentions:
                ranges.append((m.start, m.end, agency.name))
        return sorted(ranges)

    def agency_at(self, token: Token) -> Optional[tuple[int, int, str]]:
        k = bisect.bisect_right(self._agency_starts, token.idx) - 1
        while k >= 0:  # ranges may overlap: look back as far as the longest one
            a, b, name = self._agency_at[k]
            if a <= token.idx < b:
                return a, b, name
            if token.idx - a > self._agency_span:
                break
            k -= 1
        return None

    def named(self, person: Person, mention: Span) -> Speaker:
        """A person speaker. A name the model cut short ('Sadiq' untagged before 'Khan') is
        widened over the capitalised words next to the mention; a mention that cannot be
        this person ("Mr Ellis" grouped with "Abigail Ellis") or a misspelt surname
        ("Mr Callander" for "Simon Callender") goes to the person it fits."""
        other = self._canonical(person, mention)
        if other is not person:
            return Speaker(self._name_of(other, None), mention.start_char, mention.end_char, person=other)
        return Speaker(self._name_of(person, mention), mention.start_char, mention.end_char, person=person)

    def _name_of(self, person: Person, mention: Optional[Span]) -> str:
        name = self.full_names.get(id(person))
        if name is None:
            name = self._derived.get(id(person), person.name)
            if mention is not None and id(person) not in self._derived:
                widened = widen_name(mention)
                if len(widened.text.split()) > len(person.name.split()):
                    name = widened.text
            self.full_names[id(person)] = name
        return name

    def gender(self, person: Person) -> Optional[str]:
        key = id(person)
        if key not in self._genders:
            self._genders[key] = person_gender(person)
        return self._genders[key]

    def _surname_of(self, person: Person) -> str:
        derived = self._derived.get(id(person))
        return derived.split()[-1].lower() if derived else person.surname

    def _canonical(self, person: Person, mention: Span) -> Person:
        mg = mention_gender(mention)
        pg = self.gender(person)
        words = [w.lower() for w in mention.text.split() if w[:1].isalpha()]
        if mg is not None and pg is not None and mg != pg and words:
            sur = re.sub(r"['’]s?$", "", words[-1])
            alts = [p for p in self.people if p is not person and compatible(self.gender(p), mg)
                    and self._surname_of(p) == sur]
            if len(alts) == 1:
                return alts[0]
            return person
        if len(person.words) == 1 and id(person) not in self._derived:
            word = person.words[0]
            gender = mg or pg
            same = [p for p in self.people if p is not person and self._surname_of(p) == word
                    and (len(p.words) > 1 or id(p) in self._derived) and compatible(self.gender(p), gender)]
            if len(same) == 1:
                return same[0]  # "Mr Ross" kept apart from "Abigail Ross": her brother Keith Ross
            return self._spelling_variant(word, gender) or person
        return person

    def _spelling_variant(self, word: str, gender: Optional[str]) -> Optional[Person]:
        """The one named person whose surname is a one-letter variant of a bare surname."""
        if len(word) < 5 or first_name_gender(word) is not None:
            return None
        alts = [p for p in self.people if len(p.words) > 1 and p.surname != word
                and one_edit_apart(p.surname, word) and compatible(gender, self.gender(p))]
        return alts[0] if len(alts) == 1 else None

    def _derived_names(self) -> dict[int, str]:
        """A first name the text gives only as a relative: "Ellis's brother Keith" ->
        "Keith Ellis" (the family's surname, as news gold conventionally names them); not a
        spouse or partner ("his wife, Debra" stays "Debra": she may keep her own surname)."""
        kin = set(self.rules.get("kin_nouns", [])) - set(self.rules.get("spouse_nouns", []))
        doc = self.doc
        out: dict[int, str] = {}
        for person in self.people:
            if len(person.words) != 1:
                continue
            for m in person.mentions:
                root = m.root
                noun = None
                if root.dep_ in {"appos", "compound"} and root.head.lower_ in kin and root.head.i < m.start:
                    noun = root.head
                elif m.start > 0 and doc[m.start - 1].lower_ in kin:
                    noun = doc[m.start - 1]
                if noun is None:
                    continue
                owner = next((self.people.at_token(c.i) for c in noun.children if c.dep_ == "poss"), None)
                if owner is None or owner is person or len(owner.words) < 2:
                    continue
                out[id(person)] = f"{person.name} {owner.name.split()[-1]}"
                break
        return out

    def _person_with_role(self, noun: Token, before: int) -> Optional[Person]:
        """The one person the text gives a role word ("the president" -> President X); the
        noun's modifiers must be in that title too ("the foundation chair")."""
        role = noun.lower_
        modifiers = {c.lower_ for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}}
        if self._roles is None:
            self._roles = []
            for person in self.people:
                words: set[str] = set()
                for m in person.mentions:
                    toks = title_inside(m) or title_before(widen_name(m))
                    words.update(t.lower_ for t in toks)
                if words:
                    self._roles.append((person, frozenset(words)))
        hits = [p for p, words in self._roles if role in words and modifiers <= words
                and p.first_mention.start_char < before]
        return hits[0] if len(hits) == 1 else None

    def is_caption(self, para: int) -> bool:
        """A photo caption or headline line: no closing punctuation, or '(pictured)'. Such
        lines sit between a quote and its narrative, and are not who 'he' refers to."""
        if para in self._captions:
            return self._captions[para]
        a, b = self.paras[para]
        text = self.text[a:b].strip()
        k = bisect.bisect_left(self.index.quoted_starts, a)
        has_quote = k < len(self.index.quoted) and self.index.quoted[k][0] < b
        low = text.lower()
        result = bool(text) and not has_quote and (
            self.ctx.is_furniture(a, b) or "(pictured" in low
            or text[-1] not in ".!?\"'”’:;…)]")
        self._captions[para] = result
        return result

    def paragraph_of(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    # ---- finding the verb
    def _segment_after(self, q: QuoteSpan) -> list[Token]:
        if q.close_mark is None:
            return []
        doc = self.doc
        _, pend = self.paras[q.paragraph]
        i = self.index.token_at(q.close_mark)
        while i < len(doc) and doc[i].idx <= q.close_mark:
            i += 1
        out: list[Token] = []
        inner_end = self.text[q.start:q.end].rstrip("'\"’”")[-1:]
        partial = inner_end not in _SENT_END and inner_end != ","
        window = 60 if partial else _AFTER_WINDOW
        while i < len(doc) and doc[i].idx < pend and len(out) < window:
            t = doc[i]
            if self.index.in_quote(t.idx) or t.text in _SENT_END:
                break
            if not partial and t.pos_ in {"SCONJ", "CCONJ"} and not any(is_speech_verb(x) for x in out):
                break  # '"...," while another said' - a new clause, not this quote's attribution
            out.append(t)
            i += 1
        if out and inner_end in _SENT_END:
            # "...end." Next sentence: only an attribution in lower case or within 4 tokens
            first = next((t for t in out if not t.is_punct), None)
            if first is None or not (first.text[:1].islower()
                                     or any(is_speech_verb(t) for t in out[:5])):
                return []
        return out

    def _segment_before(self, q: QuoteSpan) -> list[Token]:
        doc = self.doc
        pstart, _ = self.paras[q.paragraph]
        i = self.index.token_at(q.open_mark) - 1
        out: list[Token] = []
        while i >= 0 and doc[i].idx >= pstart:
            t = doc[i]
            if self.index.in_quote(t.idx) or t.text in _SENT_END:
                break
            out.append(t)
            i -= 1
        out.reverse()
        return out

    def _intro_line(self, q: QuoteSpan) -> list[Token]:
        """'His agent issued this statement:' closing the paragraph before a quote that opens
        its own: the tokens of that introducing sentence."""
        pstart, _ = self.paras[q.paragraph]
        if self.text[pstart:q.open_mark].strip():
            return []
        p = self._prev_nonempty(q.paragraph)
        if p < 0:
            return []
        a, b = self.paras[p]
        if not self.text[a:b].rstrip().endswith(":"):
            return []
        last = bisect.bisect_left(self.index.starts, b) - 1
        while last >= 0 and self.doc[last].is_space:
            last -= 1
        if last < 0 or self.index.in_quote(self.doc[last].idx):
            return []
        return [t for t in self._piece(last) if not self.index.in_quote(t.idx)]

    def find_verb(self, q: QuoteSpan) -> Optional[Token]:
        """The reporting verb of a quote: after it ('..., said X') unless the quote ends a
        sentence that a reporting clause before it opened ('X said: "...". Y added ...'
        belongs to X); the clause right before a colon wins even when the parse gives its
        verb no subject ('X, 50, is a pilot who says ..., said: "..."')."""
        seg_before = self._segment_before(q) or self._intro_line(q)
        seg_after = self._segment_after(q)
        after = [t for t in seg_after if is_speech_verb(t)]
        before = [t for t in reversed(seg_before) if is_speech_verb(t)]
        # "X said, according to the Mirror: ..." - the outlet only relays X's words
        after.sort(key=lambda t: t.lower_ == "according")
        before.sort(key=lambda t: t.lower_ == "according")
        inner_end = self.text[q.start:q.end].rstrip("'\"’” ")[-1:]
        colon = bool(seg_before) and seg_before[-1].text in {":", "—", "–"}
        new_sentence = inner_end in _SENT_END and (
            not seg_after or next((t for t in seg_after if not t.is_punct), seg_after[0]).text[:1].isupper())
        if before and (colon or (after and new_sentence)):
            if colon and before[0].lower_ != "according":
                return before[0]
            candidates = before + after
        else:
            candidates = after + before
        for verb in candidates:
            if self.subject_of(verb) is not None:
                return verb
        return candidates[0] if candidates else None

    # ---- from verb to speaker
    def subject_of(self, verb: Token) -> Optional[Token]:
        if verb.lower_ == "according":
            to = verb.doc[verb.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            return objs[0] if objs else (verb.doc[verb.i + 2] if verb.i + 2 < len(verb.doc) else None)
        if is_passive(verb):
            # "she was described by friends as ...": the agent speaks, never the subject
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if pobj is None and verb.lower_ == "quoted":  # "he was quoted as saying"
                pobj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            return pobj
        doc = verb.doc
        prev = doc[verb.i - 1] if verb.i > 0 else None
        if verb.tag_ == "VBG" and prev is not None and prev.lower_ in {"him", "her"} \
                and not self.index.in_quote(prev.idx) \
                and not any(is_speech_verb(a) for a in list(verb.ancestors)[:3]):
            return prev  # "it led to him replying: ..." (not "she wrote to him, saying")
        if prev is not None and prev.pos_ == "PROPN" and not self.index.in_quote(prev.idx) and (
                verb.pos_ not in {"VERB", "AUX"} or (prev.dep_ == "compound" and prev.head.i == verb.i)):
            return prev  # "the News reports, ..." with 'reports' tagged as a noun
        node = verb
        for _ in range(5):
            if self.index.in_quote(node.idx):
                if node.i == verb.i:
                    return None
                # a clause inside a partial quote: its subject is quoted, climb past it
                if node.head.i == node.i:
                    return None
                node = node.head
                continue
            subj = [c for c in node.children if c.dep_ in {"nsubj", "csubj"}
                    and not self.index.in_quote(c.idx)]
            if subj:
                return subj[0]
            if node.dep_ in {"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "relcl"} \
                    and node.head.i != node.i:
                node = node.head
                continue
            if node.pos_ in {"NOUN", "PROPN"} and node.dep_ in {"dobj", "pobj"} and node.head.i != node.i:
                node = node.head if node.dep_ == "dobj" else node.head.head
                continue
            break
        # inverted order without a parse: "..., said Det Supt Jane Roe."
        doc = verb.doc
        for t in doc[verb.i + 1: min(len(doc), verb.i + 7)]:
            if t.is_punct:
                break
            if self.people.at_token(t.i) is not None or t.ent_type_ in {"PERSON", "ORG"}:
                return t
        return None

    def _core(self, head: Token) -> list[Token]:
        """The head with its name words (compound, flat), without appositions: the
        organisation in "Jane Roe, an Acme photographer," does not speak."""
        return sorted([head] + [c for c in head.children if c.dep_ in {"compound", "flat"}],
                      key=lambda t: t.i)

    def _np_tokens(self, head: Token) -> list[Token]:
        """The head and its name-like dependents (compound, appos, flat), not 'of'-phrases."""
        out, todo = [], [head]
        while todo:
            t = todo.pop()
            out.append(t)
            todo.extend(c for c in t.children if c.dep_ in {"compound", "appos", "flat", "nmod", "amod"})
        return sorted(out, key=lambda t: t.i)

    def speaker_from_subject(self, subj: Token, verb: Optional[Token]) -> Speaker:
        lower = subj.lower_
        rules = self.rules
        if lower in rules["male_pronouns"] or lower in rules["female_pronouns"]:
            found = self.resolve_pronoun(subj)
            return found if found.name is not None else self.outlet(verb)
        if lower in {"who", "that"} and subj.head.dep_ == "relcl":
            return self.speaker_from_subject(self._antecedent(subj.head), verb)
        np = self._np_tokens(subj)
        for t in np:
            person = self.people.at_token(t.i)
            if person is not None:
                m = self.people.mention_at(t.i)
                return self.named(person, m)
        found = self._apposed_person(subj) or self._person_ending_title(subj)
        if found is not None:
            return found  # "The leader of X Council, Cllr Jane Roe, said"; "FBI Agent in Charge Jane Roe said"
        titled = self._titled_name(np, subj)
        if titled is not None:
            return titled  # "NYPD Chief of Detectives Alan Ruiz" with the name untagged
        for t in np:
            hit = self.agency_at(t)
            if hit is not None:
                return Speaker(hit[2], hit[0], hit[1], organization=True)
        ent = self._org_entity(self._core(subj))
        if ent is None and subj.pos_ == "PROPN":
            known = self._earlier_organisation(subj)
            if known is not None:
                return known
        if ent is None and subj.pos_ == "PROPN" and subj.is_title and subj.ent_type_ in {"", "PERSON"}:
            # a name the model did not tag: "Samantha Foulds, who ..., posted"
            names = [t for t in np if t.pos_ == "PROPN" and t.is_title and t.i <= subj.i]
            if names and subj.lower_ not in speaker_nouns():
                span = self.doc[names[0].i: subj.i + 1]
                gender = mention_gender(self.doc[max(span.start - 1, 0):span.end]) or mention_gender(span)
                same = [p for p in self.people if self._surname_of(p) == subj.lower_
                        and compatible(self.gender(p), gender)]
                known = same[0] if len(same) == 1 else self._spelling_variant(subj.lower_, gender)
                if known is not None:
                    return Speaker(self._name_of(known, None), span.start_char, span.end_char, person=known)
                person = self.untagged.setdefault(span.text, Person(name=span.text, mentions=[span]))
                return Speaker(span.text, span.start_char, span.end_char, person=person)
        if subj.pos_ in {"NOUN", "ADJ"}:
            found = self._aged_person(subj) or self._definite_referent(subj, verb)
            if found is not None:
                return found
        # spokesman for X, a statement from X: look into the whole phrase
        if lower in speaker_nouns():
            for t in subj.subtree:
                if self.index.in_quote(t.idx):
                    continue
                hit = self.agency_at(t)
                if hit is not None:
                    return Speaker(hit[2], hit[0], hit[1], organization=True)
                person = self.people.at_token(t.i)
                if person is not None and lower not in {"friend", "friends", "family", "wife", "husband",
                                                        "mother", "father", "relatives", "relative"}:
                    m = self.people.mention_at(t.i)
                    return self.named(person, m)
            ent = self._org_entity([t for t in subj.subtree if not self.index.in_quote(t.idx)])
            if ent is not None and (verb is None or not any(x.i == ent.root.i for x in self._objects(verb))):
                return self._org_speaker(ent)
            # "a police spokesman said": the article's police force speaks
            for c in subj.children:
                if c.dep_ in {"compound", "amod", "nmod"} and c.i < subj.i:
                    name = agency_for_word(c.lower_, self.ctx.agencies or []) or self._only_agency_named(c.lower_)
                    if name is not None:
                        return Speaker(name, c.idx, c.idx + len(c.text), organization=True)
            return self.outlet(verb)
        ent = self._org_entity(self._core(subj))
        if ent is not None:
            return self._org_speaker(ent)
        if lower in rules["group_pronouns"]:
            return Speaker.none()
        if verb is not None and verb.lower_ == "according" and subj.pos_ == "PROPN":
            # "according to WCBS 2": a source the model did not tag
            toks = [subj] + [c for c in subj.children if c.dep_ in {"compound", "nummod"}]
            a = min(t.idx for t in toks)
            b = max(t.idx + len(t.text) for t in toks)
            return Speaker(self.text[a:b], a, b, organization=True)
        return self.outlet(verb)

    def _only_agency_named(self, word: str) -> Optional[str]:
        """'a council spokesman said' -> the article's one agency with 'council' in its name
        (the dev gold's convention: the body speaks through its unnamed spokesperson)."""
        if not word.isalpha() or len(word) < 4:
            return None
        fits = [a.name for a in (self.ctx.agencies or [])
                if word in (w.lower() for w in re.findall(r"[A-Za-z]+", a.name))]
        return fits[0] if len(fits) == 1 else None

    def _apposed_person(self, subj: Token) -> Optional[Speaker]:
        """A person set off by commas at the end of a role subject names it: "The leader of
        X Council, Cllr Jane Roe, said", "The MP for A and B, John Roe, told ...". The parse
        may hang the apposition on the 'of/for/at' object or a conjunct; it is taken when that
        word is a name (a place, a body), not a person noun ("the father of the boy, Tom,")."""
        if subj.pos_ not in {"NOUN", "PROPN"} or self.people.at_token(subj.i) is not None:
            return None
        doc = subj.doc
        for t in subj.subtree:
            if t.dep_ != "appos" or t.i <= subj.i or self.index.in_quote(t.idx):
                continue
            head = t.head
            if head.i != subj.i and (head.pos_ != "PROPN" or self.people.at_token(head.i) is not None):
                continue
            first = min(x.i for x in t.subtree)
            last = max(x.i for x in t.subtree)
            if first == 0 or doc[first - 1].text != "," or last + 1 >= len(doc) or doc[last + 1].text != ",":
                continue
            person = self.people.at_token(t.i)
            if person is None:  # "Cllr Jane Roe" / "Declan Roe" tagged as an organisation
                titled = self._titled_name(self._np_tokens(t), t) or self._first_named(doc[first:last + 1])
                if titled is not None:
                    return titled
                continue
            return self.named(person, self.people.mention_at(t.i))
        return None

    def _first_named(self, span: Span) -> Optional[Speaker]:
        """Two or three capitalised words opening with a known first name, outside any
        agency: a person the model tagged as something else ('Declan Roe' as ORG)."""
        if not 2 <= len(span) <= 3 or any(not (t.is_title and t.is_alpha) or self.agency_at(t) is not None
                                           for t in span):
            return None
        if first_name_gender(span[0].text) is None:
            return None
        person = self.people.find(span.text) or self.untagged.setdefault(
            span.text, Person(name=span.text, mentions=[span]))
        return Speaker(self._name_of(person, span), span.start_char, span.end_char, person=person)

    def _person_ending_title(self, subj: Token) -> Optional[Speaker]:
        """A name closing a capitalised title that runs through 'in'/'of': "FBI Special Agent
        in Charge Jane Roe said" - the person speaks, not the agency in the title. Not after
        a lower-case role ("a lawyer for Jane Roe") nor a title word ("Spokesman for Mayor X")."""
        if subj.pos_ != "PROPN" or subj.lower_ not in _role_words():
            return None
        for prep in subj.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "of"}:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or obj.i != prep.i + 1 and not doc_run_capitalised(subj.doc, prep.i + 1, obj.i):
                continue
            person = self.people.at_token(obj.i)
            nxt = subj.doc[prep.i + 1]
            if person is None or self.people.at_token(nxt.i) is not None \
                    or nxt.lower_ in titles() | _role_words() or not nxt.is_title:
                continue
            return self.named(person, self.people.mention_at(obj.i))
        return None

    def _titled_name(self, np: list[Token], subj: Token) -> Optional[Speaker]:
        """'Mayor Lovely Warren' with 'Warren' tagged ORG or untagged: capitalised words
        right after a title or role word name a person."""
        if subj.pos_ != "PROPN" or not subj.is_title or self.people.at_token(subj.i) is not None:
            return None
        toks = [t for t in np if t.i <= subj.i]
        known = titles() | _role_words()
        cut = max((k for k, t in enumerate(toks) if t.lower_ in known), default=None)
        if cut is None:
            return None
        name = toks[cut + 1:]
        if not name or len(name) > 3 \
                or any(not (t.pos_ == "PROPN" and t.is_title and t.is_alpha) for t in name) \
                or any(self.agency_at(t) is not None for t in name) \
                or name[-1].i - name[0].i != len(name) - 1:
            return None
        span = self.doc[name[0].i: subj.i + 1]
        person = self.people.find(span.text) if len(name) > 1 else None
        if person is None:
            person = self.untagged.setdefault(span.text, Person(name=span.text, mentions=[span]))
        return Speaker(self._name_of(person, span), span.start_char, span.end_char, person=person)

    def _org_speaker(self, ent: Span) -> Speaker:
        """An organisation entity as speaker, by the fuller name used before ('the Courier'
        after 'the Daily Courier')."""
        if len(ent) == 1 or (len(ent) == 2 and ent[0].lower_ == "the"):
            fuller = self._earlier_organisation(ent[-1])
            if fuller is not None:
                return fuller
        return Speaker(_strip_the(ent.text), *_strip_the_offsets(ent), organization=True)

    def _earlier_organisation(self, head: Token) -> Optional[Speaker]:
        """'the News' after 'the Daily News': the fuller organisation name used before."""
        if self.people.at_token(head.i) is not None:
            return None
        for i, name in self._fuller_names().get(head.lower_, []):
            if i >= head.i:
                break
            return Speaker(name, head.idx, head.idx + len(head.text), organization=True)
        return None

    def _fuller_names(self) -> dict[str, list[tuple[int, str]]]:
        """Last word -> (position, name) of multi-word organisation names: entities of the
        outlet labels, and capitalised runs after 'the' ("the Daily Courier")."""
        if self._fuller is None:
            doc, found = self.doc, []
            for ent in self.ents:
                if ent.label_ in _OUTLET_LABELS and len(ent) > 1:
                    found.append((ent.end - 1, ent[-1].lower_, _strip_the(ent.text)))
            for t in doc:
                if not (t.is_title and t.pos_ == "PROPN") or t.ent_type_ == "PERSON":
                    continue
                nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
                if nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title:
                    continue  # not the last word of the run
                k = t.i
                while k > 0 and t.i - k < 3 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title \
                        and doc[k - 1].ent_type_ != "PERSON":
                    k -= 1
                if k < t.i and k > 0 and doc[k - 1].lower_ == "the":
                    found.append((t.i, t.lower_, self.text[doc[k].idx:t.idx + len(t.text)]))
            self._fuller = {}
            for i, word, name in sorted(found):
                self._fuller.setdefault(word, []).append((i, name))
        return self._fuller

    def _antecedent(self, relcl: Token) -> Token:
        """'X, 50, is a pilot who says ...': 'who' -> 'pilot' -> its subject X."""
        noun = relcl.head
        if noun.dep_ == "attr":
            subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
        return noun

    def _org_entity(self, tokens: list[Token], labels=("ORG",)) -> Optional[Span]:
        for t in tokens:
            if t.ent_type_ in labels:
                ent = self._ent_at(t.i)
                if ent is not None and ent.label_ in labels:
                    return ent
        return None

    def _ent_at(self, i: int) -> Optional[Span]:
        k = bisect.bisect_right(self.ent_starts, i) - 1
        return self.ents[k] if k >= 0 and self.ents[k].start <= i < self.ents[k].end else None

    def _objects(self, verb: Token) -> list[Token]:
        out = []
        for c in verb.children:
            if c.dep_ in {"dative", "dobj"}:
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ == "to":
                out.extend(g for g in c.children if g.dep_ == "pobj")
        return out

    def outlet(self, verb: Optional[Token]) -> Speaker:
        """'A witness told WCBS 2' / 'said to the Post': the outlet the words were given to."""
        if verb is None or verb.lower_ == "according":
            return Speaker.none()
        verbs = [verb]
        while verbs[-1].dep_ in {"advcl", "xcomp", "conj", "ccomp"} and len(verbs) < 4 \
                and verbs[-1].head.i != verbs[-1].i:
            verbs.append(verbs[-1].head)  # "X told the Post ..., saying ..."
        children = [c for v in verbs for c in v.children]
        for c in children:
            cands = [c]
            if c.dep_ == "prep" and c.lower_ == "to":
                cands = [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ not in {"dative", "dobj"}:
                continue
            for t in cands:
                if self.agency_at(t) is not None:
                    continue
                ent = self._org_entity(self._np_tokens(t), _OUTLET_LABELS)
                if ent is not None:
                    return self._org_speaker(ent)
                named_the = t.i > 0 and t.doc[t.i - 1].lower_ == "the"  # "the Gazette" is no person
                if t.pos_ == "PROPN" and t.is_title and (self.people.at_token(t.i) is None or named_the):
                    names = [x for x in self._np_tokens(t) if x.pos_ == "PROPN" and x.i <= t.i]
                    a, b = names[0].idx, t.idx + len(t.text)
                    return Speaker(self.text[a:b], a, b, organization=True)
        return Speaker.none()

    def resolve_pronoun(self, pron: Token) -> Speaker:
        """he/she (and him/her): see :meth:`resolve_reference`, with the pronoun's gender."""
        return self.resolve_reference(pron, word_gender(pron.lower_))

    def resolve_reference(self, token: Token, gender: Optional[str], depth: int = 0) -> Speaker:
        """Who a pronoun or a definite description ("the girl") refers to: walk back sentence
        by sentence (this one first, then up to three earlier paragraphs, skipping captions);
        in each, the main-clause subject, else the speaker of a quote there, else the nearest
        person mentioned, of a compatible gender. An unnamed subject ("his wife", "a witness")
        gives an unnamed speaker. Else the last person quoted, else the nearest person named."""
        doc = token.doc
        para0 = self.paragraph_of(token.idx)
        seen_paras = {para0}
        sent = self._piece(token.i)
        while True:
            p = self.paragraph_of(sent.start_char)
            if p == para0 or not self.is_caption(p):
                if self.text[self.paras[p][0]:self.paras[p][1]].strip():
                    seen_paras.add(p)
                if len(seen_paras) > _PRONOUN_PARAGRAPHS + 1:
                    break
                found = self._referent_in_sentence(sent, token, gender, depth)
                if found is not None:
                    return found
            i = sent.start - 1
            while i >= 0 and doc[i].is_space:
                i -= 1
            if i < 0:
                break
            sent = self._piece(i)
        for a, _, sp in self._events_before(token.idx, limit=_FALLBACK_QUOTES):
            if sp.person is not None and compatible(self.gender(sp.person), gender):
                return sp
        best = None
        for person in self.people:
            if not compatible(self.gender(person), gender):
                continue
            for m in person.mentions:
                if m.end_char <= token.idx and not self.index.in_quote(m.start_char):
                    if best is None or m.start_char > best[1].start_char:
                        best = (person, m)
        if best is None:
            return Speaker.none()
        return self.named(best[0], best[1])

    def _piece(self, i: int) -> Span:
        """The part of token i's sentence inside token i's paragraph (the parser sometimes
        runs a caption line into the next sentence)."""
        doc = self.doc
        sent = doc[i].sent
        a, b = self.paras[self.paragraph_of(doc[i].idx)]
        start = max(sent.start, bisect.bisect_left(self.index.starts, a))
        end = min(sent.end, bisect.bisect_left(self.index.starts, b + 1))
        return doc[start:max(end, start + 1)]

    def _main_subject(self, t: Token, piece: Optional[Span] = None) -> bool:
        head = t.head
        if piece is not None and not piece.start <= head.head.i < piece.end:
            return True  # the piece's own root (a caption was parsed into the sentence)
        return (head.dep_ == "ROOT" or is_speech_verb(head)
                or (head.dep_ == "conj" and head.head.dep_ == "ROOT"))

    def _quote_between(self, a: int, b: int) -> bool:
        return self._overlaps_quote(a, b)

    def _referent_in_sentence(self, sent: Span, token: Token, gender: Optional[str],
                              depth: int) -> Optional[Speaker]:
        doc = token.doc
        same = sent.start <= token.i < sent.end
        limit = token.i if same else sent.end
        end_char = token.idx if same else sent.end_char
        toks = [t for t in doc[sent.start:limit] if not t.is_space and not self.index.in_quote(t.idx)]
        if same:  # across a quote only the subject of the verb that introduced it counts
            toks = [t for t in toks if not self._quote_between(t.idx + len(t.text), token.idx)
                    or (t.dep_ == "nsubj" and is_speech_verb(t.head))]
        # a subject by the parse, or by the surface ("Jane Roe said" mis-parsed)
        subjects = [t for t in toks if (t.dep_ in {"nsubj", "nsubjpass"} and self._main_subject(t, sent))
                    or (t.i + 1 < len(doc) and is_speech_verb(doc[t.i + 1])
                        and self.people.at_token(t.i) is not None)]
        if same:
            subjects.reverse()
        for subj in subjects:
            if subj.lower_ in {"he", "she"} and compatible(word_gender(subj.lower_), gender):
                if depth >= 2:
                    continue
                chained = self.resolve_reference(subj, word_gender(subj.lower_), depth + 1)
                if chained.person is not None or chained.unnamed:
                    return chained  # "She told the Globe ... 'It was awful,' she said."
                continue
            found = self._referent(subj, depth)
            if found is not None and compatible(found[1], gender):
                return found[0]
        for a, _, sp in self._events_before(end_char):
            if a < sent.start_char:
                break
            if sp.person is not None and compatible(self.gender(sp.person), gender):
                return sp
        # nearest first in the pronoun's own sentence, else leftmost first (Hobbs' order)
        for t in (reversed(toks) if same else toks):
            person = self.people.at_token(t.i)
            if person is None:
                continue
            sp = self.named(person, self.people.mention_at(t.i))
            if compatible(self.gender(sp.person), gender) and \
                    compatible(mention_gender(self.people.mention_at(t.i)), gender):
                return sp
        return None

    def _referent(self, subj: Token, depth: int = 0) -> Optional[tuple[Speaker, Optional[str]]]:
        """What a subject refers to, for pronoun resolution: (speaker, gender), or None when
        it is no single person (a pronoun, an organisation, a thing, a plural)."""
        lower = subj.lower_
        if subj.pos_ == "PRON" or lower in {"who", "that", "which"}:
            return None
        np = self._np_tokens(subj)
        for t in [subj] + np:
            person = self.people.at_token(t.i)
            if person is not None:
                sp = self.named(person, self.people.mention_at(t.i))
                return sp, self.gender(sp.person)
        sp = self._apposed_person(subj) or self._person_ending_title(subj)
        if sp is not None and sp.person is not None:
            return sp, self.gender(sp.person)
        core = self._core(subj)
        if any(self.agency_at(t) is not None for t in core) or self._org_entity(core) is not None:
            return None
        if subj.pos_ == "PROPN" and subj.is_title and subj.ent_type_ in {"", "PERSON"}:
            sp = self.speaker_from_subject(subj, None)  # a name the index left out ("Jones")
            if sp.person is not None:
                return sp, mention_gender(self.doc[subj.i:subj.i + 1])
            return None
        if subj.tag_ in {"NNS", "NNPS"}:
            return None
        if depth == 0 and subj.pos_ in {"NOUN", "ADJ"}:
            found = self._aged_person(subj) or self._definite_referent(subj, None, depth + 1)
            if found is not None:
                return found, self.gender(found.person) if found.person else word_gender(lower)
        if lower in _statement_nouns():
            return None  # "her message", "the statement": no one "he" or "she" can be
        if lower in speaker_nouns() or word_gender(lower) is not None or lower in _role_words():
            return Speaker(None, unnamed=True), word_gender(lower)
        return None

    def _aged_person(self, subj: Token) -> Optional[Speaker]:
        """'the 19-year-old said': the one named person given that age earlier."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
            return None
        words = [t for t in subj.subtree if t.i <= subj.i]
        if not any(t.lower_ == "old" for t in words) or not any(t.lower_ in {"year", "years"} for t in words):
            return None
        num = next((t for t in words if t.like_num), None)
        if num is None or not num.text.isdigit():
            return None
        names = {a.name for a in (self.ctx.ages or []) if a.age == int(num.text) and a.start < subj.idx}
        persons = {id(p): p for p in (self.people.find(n) for n in names) if p is not None}
        if len(persons) != 1:
            return None
        person = next(iter(persons.values()))
        m = next((m for m in reversed(person.mentions) if m.start_char < subj.idx), person.mentions[0])
        return self.named(person, m)

    def _definite_referent(self, subj: Token, verb: Optional[Token], depth: int = 0) -> Optional[Speaker]:
        """'the president' -> the person titled President; 'the girl' -> the girl named just
        before; 'The father of a teenager killed ..., said' in a lede -> the person the next
        sentence introduces as its subject."""
        children = list(subj.children)
        det = next((c for c in children if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the" or subj.tag_ in {"NNS", "NNPS"}:
            return None
        if any(c.dep_ == "poss" for c in children):
            return None
        lower = subj.lower_
        described = any(c.dep_ in {"prep", "relcl", "acl"} for c in children)
        if lower in _role_words() and not described:
            person = self._person_with_role(subj, subj.idx)
            if person is not None:
                m = next((m for m in reversed(person.mentions) if m.start_char < subj.idx),
                         person.mentions[0])
                return self.named(person, m)
        if lower in _statement_nouns():
            # "the statement reads": the statement quoted just before, by its speaker
            found = self.current_speaker(subj.idx)
            return found if found.name is not None else None
        gender = word_gender(lower)
        if gender is None and lower not in speaker_nouns():
            return None
        if described:
            lede = self._nonempty_before(self.paragraph_of(subj.idx)) <= _LEDE_PARAGRAPHS
            has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in children)
            return self._introduced_next(subj, gender) if lede and has_of else None
        found = self.resolve_reference(subj, gender, depth + 1)
        return found if found.person is not None else None

    def _nonempty_before(self, para: int) -> int:
        return sum(1 for a, b in self.paras[:para] if self.text[a:b].strip())

    def _introduced_next(self, subj: Token, gender: Optional[str]) -> Optional[Speaker]:
        """The lede convention: "The father of a teenager killed in ... said ...", then
        "John Roe said ..." - the person first named as subject of the next sentences."""
        doc = subj.doc
        nxt, count = subj.sent.end, 0
        while nxt < len(doc) and count < 2:
            sent = doc[nxt].sent
            nxt = sent.end
            if not sent.text.strip():
                continue
            count += 1
            for t in sent:
                if t.dep_ != "nsubj" or self.index.in_quote(t.idx) or not self._main_subject(t):
                    continue
                for n in [t] + self._np_tokens(t):
                    person = self.people.at_token(n.i)
                    if person is not None and person.first_mention.start_char >= sent.start_char \
                            and compatible(self.gender(person), gender):
                        return self.named(person, self.people.mention_at(n.i))
        return None

    def _prev_nonempty(self, para: int) -> int:
        q = para - 1
        while q >= 0 and not self.text[self.paras[q][0]:self.paras[q][1]].strip():
            q -= 1
        return q

    def speaker_of_verb(self, verb: Token) -> Speaker:
        subj = self.subject_of(verb)
        pstart = self.para_starts[self.paragraph_of(verb.idx)]
        if subj is not None and subj.idx < pstart:
            # the parser ran a caption or dateline into this paragraph: the paragraph's
            # opening noun phrase is the subject when no other finite verb stands between
            subj = self._paragraph_subject(verb, pstart)
        if subj is None and is_passive(verb):
            # "the inquest was told": the witness being heard goes on speaking
            return self.current_speaker(verb.idx)
        if subj is None:
            first = max(verb.sent.start, self.index.token_at(pstart))
            for t in verb.doc[first:verb.i]:
                person = self.people.at_token(t.i)
                if person is not None and not self.index.in_quote(t.idx) and t.dep_ != "poss":
                    return self.named(person, self.people.mention_at(t.i))
            return self.outlet(verb)
        return self.speaker_from_subject(subj, verb)

    def _paragraph_subject(self, verb: Token, pstart: int) -> Optional[Token]:
        doc = verb.doc
        i = self.index.token_at(pstart)
        while i < verb.i and (doc[i].is_space or doc[i].idx < pstart):
            i += 1
        head = None
        for t in doc[i:verb.i]:
            if head is None and t.pos_ in {"NOUN", "PROPN", "PRON"}:
                head = t
                while head.dep_ in {"compound", "amod", "nmod"} and head.i < head.head.i < verb.i:
                    head = head.head  # "Mr [Roe]", "police [spokesman]"
            elif head is not None and t.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
                return None
        return head

    def current_speaker(self, char: int) -> Speaker:
        """The speaker of the last direct quote if it stands within the two paragraphs before."""
        para = self.paragraph_of(char)
        for a, _, sp in self._events_before(char, limit=1):
            if para - self.paragraph_of(a) <= 4 and sp.name is not None:
                return sp
        return Speaker.none()

    def _events_before(self, char: int, limit: Optional[int] = None):
        """Direct quotes attributed so far that start before ``char``, nearest first."""
        k = bisect.bisect_left(self._event_starts, char) - 1
        stop = -1 if limit is None else max(-1, k - limit)
        while k > stop:
            yield self.quote_events[k]
            k -= 1

    def speaker_of_clause(self, q: QuoteSpan) -> Optional[Speaker]:
        """No reporting verb: the person subject of the sentence that introduces the quote
        with a colon or carries it as a partial quote ('He paid tribute to his "joy"')."""
        before = self._segment_before(q)
        if not before:
            return None
        root = before[-1].sent.root
        inside = {t.i for t in before}
        if self.index.in_quote(root.idx) or root.i not in inside:
            # the parse hangs the clause on the quote: the leftmost subject of the clause
            colon = before[-1].text == ":"
            subj = next((t for t in before if colon and t.dep_ == "nsubj" and t.head.i in inside), None)
        else:
            subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        lower = subj.lower_
        if lower in self.rules["male_pronouns"] or lower in self.rules["female_pronouns"]:
            return self.resolve_pronoun(subj)
        for t in [subj] + self._np_tokens(subj):
            person = self.people.at_token(t.i)
            if person is not None:
                return self.named(person, self.people.mention_at(t.i))
        return None

    # ---- direct quotes
    def direct(self) -> list[Attribution]:
        found: list[Attribution] = []
        prev: Optional[Attribution] = None
        prev_span: Optional[QuoteSpan] = None
        for q in self.spans:
            if self.ctx.is_furniture(q.start, q.end):
                continue
            text = self.text[q.start:q.end]
            if self._is_name_like(q, text):
                continue
            verb = self.find_verb(q)
            if verb is None and q.continues and not self._opens_after_intro(q):
                verb = self._closing_verb(q)  # '"...' ... 'and more,' Jane Roe said.
            clause = None
            if verb is not None:
                speaker = self.speaker_of_verb(verb)
            elif prev is not None and self._continues(prev_span, q):
                speaker = prev.speaker
                reported = self._reported_between(prev_span, q)
                if reported is not None:
                    speaker = reported
            elif (clause := self.speaker_of_clause(q)) is not None:
                speaker = clause
            elif (intro := self._introduced_by_report(q)) is not None:
                speaker = intro
            else:
                speaker = Speaker.none()
            if speaker.name is None and len(text.split()) <= 2:
                if verb is not None:  # still words someone unnamed said: later "the statement"
                    self.quote_events.append((q.start, q.end, speaker))
                    self._event_starts.append(q.start)
                continue  # a scare-quoted word nobody is said to have spoken
            quote = Quote(text=text, start=q.start, end=q.end, direct=True, speaker=speaker.name,
                          speaker_start=speaker.start, speaker_end=speaker.end)
            prev = Attribution(quote, speaker, verb)
            prev_span = q
            found.append(prev)
            self.quote_events.append((q.start, q.end, speaker))
            self._event_starts.append(q.start)
        return found

    def _opens_after_intro(self, q: QuoteSpan) -> bool:
        seg = self._segment_before(q)
        return bool(seg) and seg[-1].text in {":", ","}

    def _closing_verb(self, q: QuoteSpan) -> Optional[Token]:
        """A quote left open over paragraphs, attributed after its closing mark only."""
        k = self.spans.index(q)
        for nxt in self.spans[k + 1:k + 8]:
            if nxt.paragraph <= q.paragraph or nxt.family != q.family:
                break
            if self.text[self.paras[nxt.paragraph][0]:nxt.open_mark].strip():
                break  # not a continuation paragraph
            if nxt.close_mark is not None:
                verbs = [t for t in self._segment_after(nxt) if is_speech_verb(t)]
                return verbs[0] if verbs else None
            if not nxt.continues:
                break
        return None

    def _introduced_by_report(self, q: QuoteSpan) -> Optional[Speaker]:
        """A quote paragraph right after a paragraph of reported speech continues it: "A
        police spokesman said officers were called at 3pm." / "'On arrival, ...'"."""
        pstart, _ = self.paras[q.paragraph]
        if self.text[pstart:q.open_mark].strip():
            return None
        p = self._prev_nonempty(q.paragraph)
        while p >= 0 and self.is_caption(p):
            p = self._prev_nonempty(p)
        if p < 0:
            return None
        found = self._reported_in(p)
        if found is None:
            return None
        a, b = self.paras[p]
        k = bisect.bisect_left(self.index.quoted_starts, a)
        if k < len(self.index.quoted) and self.index.quoted[k][0] < b:
            return None  # the paragraph has its own direct quote
        return found

    def _is_name_like(self, q: QuoteSpan, text: str) -> bool:
        if not looks_like_title(text.rstrip(".,")):
            return False
        before = self.text[max(0, q.open_mark - 30):q.open_mark].lower()
        if any(before.rstrip().endswith(cue) for cue in self.rules["nickname_cues"]):
            return True
        # a nickname between names (John 'Jack' Smith) or a capitalised title
        return len(text.split()) <= 6

    def _continues(self, prev: Optional[QuoteSpan], q: QuoteSpan) -> bool:
        if prev is None:
            return False
        if prev.continues and q.paragraph > prev.paragraph:
            return True
        if prev.paragraph == q.paragraph:
            return True
        pstart, pend = self.paras[q.paragraph]
        if self.text[pstart:q.open_mark].strip():
            return False  # the quote does not open its paragraph
        # paragraphs between must be furniture, short captions, or report the same speech
        between = 0
        for p in range(prev.paragraph + 1, q.paragraph):
            a, b = self.paras[p]
            chunk = self.text[a:b]
            if not chunk.strip() or self.ctx.is_furniture(a, b) or self.is_caption(p):
                continue
            between += 1
            if between > 2:
                return False
            if len(chunk.split()) > 30 and self._reported_in(p) is None:
                return False
        return True

    def _reported_in(self, para: int) -> Optional[Speaker]:
        """The speaker of the last reported speech in a paragraph, if any."""
        a, b = self.paras[para]
        for att in reversed(self.reported):
            if a <= att.quote.start < b and att.speaker.name is not None:
                return att.speaker
        return None

    def _reported_between(self, prev: QuoteSpan, q: QuoteSpan) -> Optional[Speaker]:
        for p in range(q.paragraph - 1, prev.paragraph, -1):
            found = self._reported_in(p)
            if found is not None:
                return found
        return None

    # ---- reported speech
    def indirect(self, used_verbs: set[int]) -> list[Attribution]:
        found: list[Attribution] = []
        content_verbs = {f for v in self.rules["object_content_verbs"] for f in verb_forms(v)}
        for t in self.doc:
            if t.i in used_verbs or not is_speech_verb(t) or self.index.in_quote(t.idx):
                continue
            if self.ctx.is_furniture(t.idx):
                continue
            span = self._reported_clause(t, content_verbs)
            if span is None:
                continue
            a, b = span
            if any(self.index.in_quote(c) for c in (a, b - 1)) or self._overlaps_quote(a, b):
                continue
            speaker = self.speaker_of_verb(t)
            text = self.text[a:b]
            quote = Quote(text=text, start=a, end=b, direct=False, speaker=speaker.name,
                          speaker_start=speaker.start, speaker_end=speaker.end)
            found.append(Attribution(quote, speaker, t))
        return found

    def _overlaps_quote(self, a: int, b: int) -> bool:
        k = bisect.bisect_left(self.index.quoted_starts, a)
        if k < len(self.index.quoted) and self.index.quoted[k][0] < b:
            return True
        return k > 0 and self.index.quoted[k - 1][1] > a

    def _reported_clause(self, verb: Token, content_verbs: set[str]) -> Optional[tuple[int, int]]:
        doc = verb.doc
        if verb.lower_ == "according":
            head = verb.head
            sent = verb.sent
            phrase = list(verb.subtree)
            pa, pb = phrase[0].i, phrase[-1].i + 1
            if pa - sent.start <= 1:  # "According to X, the clause."
                toks = [t for t in doc[pb:sent.end] if not (t.i == pb and t.is_punct)]
            else:  # "The clause, according to X."
                toks = list(doc[sent.start:pa])
            toks = [t for t in toks if not t.is_space]
            while toks and toks[-1].is_punct:
                toks.pop()
            while toks and toks[0].is_punct:
                toks.pop(0)
            if len(toks) < 3 or head is None:
                return None
            return toks[0].idx, toks[-1].idx + len(toks[-1].text)
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if clause is None and (verb.lemma_.lower() in content_verbs or verb.lower_ in content_verbs):
            clause = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if clause is None:
            return None
        toks = [t for t in clause.subtree if not t.is_space]
        while toks and (toks[0].dep_ == "mark" or toks[0].is_punct):
            toks.pop(0)
        while toks and toks[-1].is_punct and toks[-1].text not in {".", "?", "!"}:
            toks.pop()
        if len(toks) < 3:
            return None
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def doc_run_capitalised(doc: Doc, a: int, b: int) -> bool:
    """Tokens a..b (inclusive) are all capitalised words: 'Charge Jane Roe'."""
    return all(t.is_title and t.is_alpha for t in doc[a:b + 1])


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _strip_the_offsets(ent: Span) -> tuple[int, int]:
    if ent.text.lower().startswith("the "):
        return ent.start_char + 4, ent.end_char
    return ent.start_char, ent.end_char


def attribute(doc: Doc, ctx) -> list[Attribution]:
    """Every quote of the article with its speaker: direct ones first, then reported ones."""
    spans = find_quote_spans(doc.text, ctx.warnings)
    attributor = _Attributor(doc, ctx, spans)
    attributor.reported = attributor.indirect(set())
    direct = attributor.direct()
    attributor.reported = attributor.indirect(set())  # again, now that direct speakers are known
    used = {a.verb.i for a in direct if a.verb is not None}
    return direct + [a for a in attributor.reported if a.verb is None or a.verb.i not in used]


def extract(doc: Doc, ctx) -> tuple[list[Quote], list[Official]]:
    """Quotes in text order (direct and reported) and the officials among their speakers."""
    attributions = sorted(attribute(doc, ctx), key=lambda a: (a.quote.start, not a.quote.direct))
    quotes = [a.quote for a in attributions]
    officials = find_officials(doc, ctx, [(a.speaker.person, a.speaker.name) for a in attributions])
    return quotes, officials
