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
2. a reporting verb (``models/speech_verbs.txt``) is looked for right after the quote in the
   same sentence ("...," said X / he added), else before it in the same sentence
   ("X said: ...", "X said his client was 'in shock'");
3. the verb's subject is the speaker (inverted order and "according to X" included; a
   participle "adding"/"saying" takes the subject of the verb it hangs on); the subject is
   widened to the person's fullest name with :class:`People`, to the Agency ``name`` when it
   is an agency mention ("The Met" -> "Metropolitan Police"), or to an organisation entity;
   "he"/"she" go back to the nearest earlier subject that names a person (an unnamed one such
   as "his wife" stops the search: speaker null);
4. an unnamed subject who "told the Post" gives the outlet as speaker;
5. a quote with no verb of its own continues the previous quote's speaker when it follows it
   in the same paragraph, or opens a paragraph right after a quoted one.

Reported speech: a reporting verb with a clause ("said (that) ...", "ruled that ...") or, for
announce/confirm/deny..., an object, outside any direct quote, gives a ``direct=false`` quote.

Known limits: pronouns are resolved without gender; reporting nouns ("in a statement, X ...")
are not followed; a quote attributed only in a later paragraph keeps a null speaker.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..records import Official, Quote
from ..rules import load_json, load_lexicon
from .people import Person
from .officials import find_officials, widen_name
from .quote_marks import QuoteSpan, find_quote_spans, paragraphs

_SENT_END = frozenset({".", "?", "!", "…"})
_AFTER_WINDOW = 12  # tokens after a quote in which its reporting verb may stand
_PRONOUN_PARAGRAPHS = 3  # earlier paragraphs searched for the subject a he/she continues
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
        # "He went on: ...", "as she put it, ..."
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return nxt is not None and f"{token.lower_} {nxt.lower_}" in _phrasal()
    if token.pos_ in {"VERB", "AUX"} or token.tag_ in {"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"}:
        return True
    # mis-tagged "The Post reports, ..." / "the statement reads: ..."
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (token.lower_.endswith(("s", "ed")) and nxt is not None
            and (nxt.text in {",", ":"} or nxt.lower_ == "that" or nxt.text in "\"'“‘"))


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
        self.paras = paragraphs(doc.text)
        self.para_starts = [a for a, _ in self.paras]
        self._agency_at = self._agency_ranges()
        self.rules = quote_rules()
        self.full_names: dict[int, str] = {}
        self.person_speakers: list[tuple[int, int, Speaker]] = []
        self.untagged: dict[str, Person] = {}  # names the NER missed, seen as subjects
        self.reported: list[Attribution] = []

    # ---- lookups
    def _agency_ranges(self) -> list[tuple[int, int, str]]:
        ranges = []
        for agency in self.ctx.agencies or []:
            for m in agency.mentions:
                ranges.append((m.start, m.end, agency.name))
        return sorted(ranges)

    def agency_at(self, token: Token) -> Optional[tuple[int, int, str]]:
        for a, b, name in self._agency_at:
            if a <= token.idx < b:
                return a, b, name
        return None

    def named(self, person: Person, mention: Span) -> Speaker:
        """A person speaker; a name the model cut short ('Sadiq' untagged before 'Khan') is
        widened over the capitalised words next to the mention."""
        name = self.full_names.get(id(person))
        if name is None:
            widened = widen_name(mention)
            name = person.name
            if len(widened.text.split()) > len(person.name.split()):
                name = widened.text
            self.full_names[id(person)] = name
        return Speaker(name, mention.start_char, mention.end_char, person=person)

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
        inner_end = doc.text[q.start:q.end].rstrip("'\"’”")[-1:]
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

    def find_verb(self, q: QuoteSpan) -> Optional[Token]:
        after = [t for t in self._segment_after(q) if is_speech_verb(t)]
        before = [t for t in reversed(self._segment_before(q)) if is_speech_verb(t)]
        # "X said, according to the Mirror: ..." - the outlet only relays X's words
        after.sort(key=lambda t: t.lower_ == "according")
        before.sort(key=lambda t: t.lower_ == "according")
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
        node = verb
        for _ in range(4):
            if self.index.in_quote(node.idx):
                return None
            subj = [c for c in node.children if c.dep_ in {"nsubj", "csubj"}
                    and not self.index.in_quote(c.idx)]
            if subj:
                return subj[0]
            if node.dep_ in {"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "relcl"} \
                    and node.head is not node:
                node = node.head
                continue
            if node.pos_ in {"NOUN", "PROPN"} and node.dep_ in {"dobj", "pobj"} and node.head is not node:
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
            return self.resolve_pronoun(subj)
        np = self._np_tokens(subj)
        for t in np:
            person = self.people.at_token(t.i)
            if person is not None:
                m = self.people.mention_at(t.i)
                return self.named(person, m)
        for t in np:
            hit = self.agency_at(t)
            if hit is not None:
                return Speaker(hit[2], hit[0], hit[1], organization=True)
        ent = self._org_entity(np)
        if ent is None and subj.pos_ == "PROPN" and subj.is_title and subj.ent_type_ in {"", "PERSON"}:
            # a name the model did not tag: "Samantha Foulds, who ..., posted"
            names = [t for t in np if t.pos_ == "PROPN" and t.is_title and t.i <= subj.i]
            if names and subj.lower_ not in speaker_nouns():
                span = self.doc[names[0].i: subj.i + 1]
                person = self.untagged.setdefault(span.text, Person(name=span.text, mentions=[span]))
                return Speaker(span.text, span.start_char, span.end_char, person=person)
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
                return Speaker(_strip_the(ent.text), *_strip_the_offsets(ent), organization=True)
            return self.outlet(verb)
        ent = self._org_entity(np)
        if ent is not None:
            return Speaker(_strip_the(ent.text), *_strip_the_offsets(ent), organization=True)
        if lower in rules["group_pronouns"]:
            return Speaker.none()
        return self.outlet(verb)

    def _org_entity(self, tokens: list[Token], labels=("ORG",)) -> Optional[Span]:
        for t in tokens:
            if t.ent_type_ in labels:
                for ent in t.doc.ents:
                    if ent.start <= t.i < ent.end and ent.label_ in labels:
                        return ent
        return None

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
        for c in verb.children:
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
                    return Speaker(_strip_the(ent.text), *_strip_the_offsets(ent), organization=True)
                if t.pos_ == "PROPN" and t.is_title and self.people.at_token(t.i) is None:
                    names = [x for x in self._np_tokens(t) if x.pos_ == "PROPN" and x.i <= t.i]
                    a, b = names[0].idx, t.idx + len(t.text)
                    return Speaker(self.doc.text[a:b], a, b, organization=True)
        return Speaker.none()

    def resolve_pronoun(self, pron: Token) -> Speaker:
        """he/she: a person named as subject earlier in this or the previous paragraph (an
        unnamed subject such as "his wife" means null), else a person named earlier in the
        paragraph, else the last person quoted, else the nearest person mentioned."""
        doc = pron.doc
        para = self.paragraph_of(pron.idx)
        first_para = para
        for _ in range(_PRONOUN_PARAGRAPHS):
            first_para = max(0, self._prev_nonempty(first_para))
        lower = self.para_starts[first_para]
        i = pron.i - 1
        while i >= 0 and doc[i].idx >= lower:
            t = doc[i]
            i -= 1
            if t.dep_ != "nsubj" or self.index.in_quote(t.idx):
                continue
            if not (t.head.dep_ == "ROOT" or is_speech_verb(t.head)):
                continue  # a subject inside a reported clause is not who speaks next
            if t.lower_ in self.rules["male_pronouns"] or t.lower_ in self.rules["female_pronouns"]:
                continue
            for n in [t] + self._np_tokens(t):
                person = self.people.at_token(n.i)
                if person is not None:
                    return self.named(person, self.people.mention_at(n.i))
            if t.lower_ in speaker_nouns() and not any(c.dep_ == "poss" and self.people.at_token(c.i)
                                                        for c in t.children if False):
                return Speaker.none()
        pstart = self.para_starts[para]
        for k in range(pron.i - 1, -1, -1):
            t = doc[k]
            if t.idx < pstart:
                break
            person = self.people.at_token(t.i)
            if person is not None and not self.index.in_quote(t.idx):
                return self.named(person, self.people.mention_at(t.i))
        last = self.last_person_before(pron.idx)
        if last is not None:
            return last
        best = None
        for person in self.people:
            for m in person.mentions:
                if m.end_char <= pron.idx and not self.index.in_quote(m.start_char):
                    if best is None or m.start_char > best[1].start_char:
                        best = (person, m)
        if best is None:
            return Speaker.none()
        return self.named(best[0], best[1])

    def _prev_nonempty(self, para: int) -> int:
        q = para - 1
        while q >= 0 and not self.doc.text[self.paras[q][0]:self.paras[q][1]].strip():
            q -= 1
        return q

    def speaker_of_verb(self, verb: Token) -> Speaker:
        subj = self.subject_of(verb)
        pstart = self.para_starts[self.paragraph_of(verb.idx)]
        if subj is not None and subj.idx < pstart:
            subj = None  # the parser ran a caption into this paragraph
        if subj is None:
            first = max(verb.sent.start, self.index.token_at(pstart))
            for t in verb.doc[first:verb.i]:
                person = self.people.at_token(t.i)
                if person is not None and not self.index.in_quote(t.idx):
                    return self.named(person, self.people.mention_at(t.i))
            return self.outlet(verb)
        speaker = self.speaker_from_subject(subj, verb)
        if speaker.name is not None and not speaker.organization:
            bisect.insort(self.person_speakers, (verb.idx, id(speaker), speaker))
        return speaker

    def last_person_before(self, char: int) -> Optional[Speaker]:
        k = bisect.bisect_left(self.person_speakers, (char,)) - 1
        return self.person_speakers[k][2] if k >= 0 else None

    def speaker_of_clause(self, q: QuoteSpan) -> Optional[Speaker]:
        """No reporting verb: the person subject of the sentence that introduces the quote
        with a colon or carries it as a partial quote ('He paid tribute to his "joy"')."""
        before = self._segment_before(q)
        if not before:
            return None
        root = before[-1].sent.root
        if self.index.in_quote(root.idx):
            return None
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
            text = self.doc.text[q.start:q.end]
            if self._is_name_like(q, text):
                continue
            verb = self.find_verb(q)
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
            else:
                speaker = Speaker.none()
            if speaker.name is None and len(text.split()) <= 2:
                continue  # a scare-quoted word nobody is said to have spoken
            quote = Quote(text=text, start=q.start, end=q.end, direct=True, speaker=speaker.name,
                          speaker_start=speaker.start, speaker_end=speaker.end)
            prev = Attribution(quote, speaker, verb)
            prev_span = q
            found.append(prev)
        return found

    def _is_name_like(self, q: QuoteSpan, text: str) -> bool:
        if not looks_like_title(text.rstrip(".,")):
            return False
        before = self.doc.text[max(0, q.open_mark - 30):q.open_mark].lower()
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
        if self.doc.text[pstart:q.open_mark].strip():
            return False  # the quote does not open its paragraph
        # paragraphs between must be furniture, short captions, or report the same speech
        between = 0
        for p in range(prev.paragraph + 1, q.paragraph):
            a, b = self.paras[p]
            chunk = self.doc.text[a:b]
            if not chunk.strip() or self.ctx.is_furniture(a, b):
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
        content_verbs = set(self.rules["object_content_verbs"])
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
            text = self.doc.text[a:b]
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
        if clause is None and verb.lemma_.lower() in content_verbs:
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
