"""Agencies: public bodies with official authority (SPEC "Agency").

Where the mentions come from (all as spaCy spans, so offsets are right by construction):

- the gazetteer ``models/agencies.jsonl`` (names, aliases, acronyms of police forces, courts,
  watchdogs, ministries ... in the UK, US, Canada, Australia, Ireland, NZ and international
  bodies), fed to the ``factx_agency_ruler`` SpanRuler by :func:`gazetteer_patterns`. Which
  local bodies get a row follows a stated criterion (file header comments: all UK territorial
  forces, every US state's police and investigation bureau, police of the 100 largest US
  cities, sheriffs of US counties of a million people); a row mostly adds acronyms, as the
  patterns find other bodies of the same shape;
- token patterns ``models/patterns/agencies.jsonl`` for bodies named like agencies
  ("Pinebrook Police Department", "Alder County Circuit Court", "City of Fairport",
  "Brooklyn federal court", "9th Precinct", "Dorrit County Commission", "State Auditor's
  Office", "B.C. Provincial Court", "Supreme Court of Queensland", "Ashgrove County
  Fire-Rescue", "Iowa Division of Criminal Investigation", "Ashgrove Public Health", "the
  Kenyan navy"); their id
  ``<kind>:<rule>`` gives the kind;
- spaCy ORG entities whose head word marks a public body (``models/agency_heads.txt``) and
  that carry no company/media/charity cue (``models/agency_non_agency_cues.txt``);
- acronyms: "Independent Office for Police Conduct (IOPC)" defines IOPC (Schwartz-Hearst,
  see :mod:`factx.extractors.acronyms`); a bare "NYPD" joins "New York Police Department"
  when its letters are the long form's initials.

Mentions of one body are merged into one Agency: same gazetteer entry; same name up to
spelling (``models/agency_synonyms.txt``: "DA's office" = "District Attorney's Office"); an
acronym and its long form; police names equal but for unit words ("Pinebrook Police" =
"Pinebrook Police Department"); "Ashgrove County (Nevada) police" with "Ashgrove County
Sheriff's Office" (same place), or a local "Northgate police" with the article's only named
force; "the Supreme Court" with the only "Brooklyn Supreme Court"; and "the force" when exactly
one police force is named. Weak aliases ("Met", "APD", "AFP") count only when the body is
otherwise named or a police word follows ("Met officers").

    "The Metropolitan Police ... the Met's officers ... Scotland Yard ... the force"
    -> Agency(name="Metropolitan Police", aliases=["Met", "Scotland Yard", "force"], kind="police")

Known limits: bare "police", "the court", "prosecutors" are never agencies (as the gold
wants); a pattern match that runs into a neighbouring capitalised word ("Tuesday Kent Police")
is trimmed only by the word list in ``models/agency_trim_words.txt``; an acronym shared by two
gazetteer bodies (CPS, HSE) goes to the first listed unless its long form is in the text;
"X police" for a place not in ``models/agency_generic_places.txt`` is taken as a force name;
"<nationality> military/army/navy" needs the nationality in that list and no noun after it
("a Kenyan navy ship" is a ship); a name followed by "Federation", "Association", "Society" ...
is another organisation's ("Kent Police Federation"), even where the body is meant; a possessive inside a place name is read only before
"County" ("Prince George's County Police Department").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from pydantic import field_validator
from spacy.tokens import Doc, Span

from ..components import AGENCY_KEY
from ..records import Agency, AgencyKind
from ..records import Span as SpanRecord
from ..rules import RuleFileError, StrictRow, asset_path, load_jsonl, load_lexicon
from .docindex import doc_text
from .acronyms import MINOR_WORDS, find_definitions, initials_match, looks_like_acronym

GAZETTEER = "agencies.jsonl"
KINDS = frozenset(AgencyKind.__args__)  # type: ignore[attr-defined]
_APOSTROPHES = ("'", "\u2019")
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
_PUNCT = re.compile(r"[^\w\s&]")
_ORDINAL = re.compile(r"^\d{1,3}(st|nd|rd|th)$")
_NAME_ENTS = frozenset({"GPE", "LOC", "ORG", "FAC", "NORP", "PERSON"})
_NON_NAME_POS = frozenset({"VERB", "AUX", "DET", "PRON", "ADP", "NUM", "ADV", "SCONJ", "CCONJ", "PART", "INTJ"})
# a match followed by these is a building or a thing, not the body: "Greyhill Police Station"
_NOT_BODY_AFTER = frozenset({"station", "stations", "headquarters", "hq", "car", "cars", "van", "vans", "tape", "box"})
# a capitalised one of these after a name makes it another organisation's name: "Kent Police
# Federation" (a staff association), "Ashgrove Public Health Society", "Alder Fire Museum"
_OTHER_ORG_AFTER = frozenset({"Federation", "Association", "Society", "Foundation", "Union", "Club", "Museum",
                              "College", "School", "Academy", "Charity", "Benevolent", "Memorial", "Band"})


class GazetteerEntry(StrictRow):
    """One row of ``models/agencies.jsonl``."""

    id: str
    name: str
    acronym: Optional[str] = None
    aliases: list[str] = []
    weak_aliases: list[str] = []
    kind: AgencyKind
    country: str

    @field_validator("id", "name", "country")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value

    @field_validator("country")
    @classmethod
    def _country_code(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z]{2}|INT", value):
            raise ValueError("country must be an ISO 3166 alpha-2 code or INT")
        return value

    def strong_names(self) -> list[str]:
        names = [self.name, *self.aliases]
        return names + [self.acronym] if self.acronym else names


def load_gazetteer(name: str = GAZETTEER) -> tuple[GazetteerEntry, ...]:
    """The validated gazetteer; duplicate ids fail with the file and the line."""
    return _load_gazetteer(name)


@lru_cache(maxsize=None)
def _load_gazetteer(name: str) -> tuple[GazetteerEntry, ...]:
    entries: tuple[GazetteerEntry, ...] = load_jsonl(name, GazetteerEntry)
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.id in seen:
            raise RuleFileError(asset_path(name), f"duplicate id {entry.id!r}", _row_line(name, index))
        seen[entry.id] = index
    return entries


def _row_line(name: str, index: int) -> Optional[int]:
    """Line number of the index-th data row (comments and blanks skipped)."""
    count = -1
    for number, line in enumerate(asset_path(name).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            count += 1
            if count == index:
                return number
    return None


@lru_cache(maxsize=None)
def _entries_by_id() -> dict[str, GazetteerEntry]:
    return {e.id: e for e in load_gazetteer()}


# ---------------------------------------------------------------- pure helpers

def name_variants(name: str) -> list[str]:
    """Spellings of a name as articles write it: straight/curly apostrophes, and plural
    possessives without the apostrophe ("Magistrates' Court" -> "Magistrates Court")."""
    variants = [name]
    if any(a in name for a in _APOSTROPHES):
        straight = name.replace("\u2019", "'")
        variants += [straight, straight.replace("'", "\u2019"), re.sub(r"s' ", "s ", straight)]
    if " and " in name:
        variants.append(name.replace(" and ", " & "))
    return list(dict.fromkeys(variants))


def normalize_name(name: str) -> str:
    """Comparison key: case, a leading "the", possessive endings and punctuation ignored.

    >>> normalize_name("The Met’s")
    'met'
    """
    text = name.replace("\u2019", "'").lower().strip()
    text = re.sub(r"'s\b|s'(?=\s|$)", lambda m: "" if m.group(0) == "'s" else "s", text)
    text = _PUNCT.sub(" ", text.replace(".", ""))
    words = text.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=None)
def _synonyms() -> dict[str, str]:
    pairs = {}
    for line in load_lexicon("agency_synonyms.txt"):
        short, sep, long_ = line.partition("=")
        if not sep:
            raise RuleFileError(asset_path("agency_synonyms.txt"), f"bad entry {line!r}: want 'short = long'")
        pairs[normalize_name(short.strip()) or short.strip()] = long_.strip()
    return pairs


def merge_key(name: str) -> str:
    """:func:`normalize_name` with spelling variants expanded, for merging mentions.

    >>> merge_key("Brooklyn DA's Office") == merge_key("Brooklyn District Attorney's office")
    True
    """
    synonyms = _synonyms()
    return " ".join(synonyms.get(w, w) for w in normalize_name(name).split())


def head_kind(words: Iterable[str]) -> Optional[str]:
    """The agency kind a name's head words give ("Alder County Circuit Court" -> justice),
    the last head word deciding; None when no word is a head."""
    heads = agency_heads()
    kind = None
    for word in words:
        kind = heads.get(word.lower().replace("\u2019", "'"), (kind, False))[0]
    return kind


def org_head_kind(words: list[str]) -> Optional[str]:
    """Kind of an ORG entity whose last word is a strong head ("Ministry", "Police"), else None:
    "Elmstead Court" (a building) and "Greyhill Police Station" are not bodies by their head."""
    if not words:
        return None
    kind, weak = agency_heads().get(words[-1].lower().replace("\u2019", "'"), (None, True))
    return None if weak else kind


def is_non_agency_name(words: Iterable[str]) -> bool:
    """True when a word marks a company, outlet, charity, party, university, club or church."""
    cues = load_lexicon("agency_non_agency_cues.txt")
    return any(w.lower() in cues for w in words)


@lru_cache(maxsize=None)
def agency_heads() -> dict[str, tuple[str, bool]]:
    """Head word -> (kind, weak) from ``models/agency_heads.txt`` ("court: justice weak")."""
    heads = {}
    for line in load_lexicon("agency_heads.txt"):
        word, _, rest = line.partition(":")
        kind, *flags = rest.split()
        if kind not in KINDS or flags not in ([], ["weak"]):
            raise RuleFileError(asset_path("agency_heads.txt"), f"bad entry {line!r}: want 'word: kind [weak]'")
        heads[word.strip()] = (kind, bool(flags))
    return heads


def plausible_definition(short_form: str, long_form: str) -> bool:
    """A Schwartz-Hearst pair worth linking: the initials match, or the long form starts
    with a content word and holds no number ("at the 77th Precinct (AP)" is a photo credit)."""
    if initials_match(short_form, long_form):
        return True
    words = long_form.split()
    return bool(words) and words[0].lower() not in MINOR_WORDS and words[0][:1].isupper() \
        and not any(ch.isdigit() for ch in long_form)


def rule_kind(rule_id: str) -> Optional[str]:
    """Kind from a pattern id "<kind>:<rule>"; None for other ids."""
    kind = rule_id.partition(":")[0]
    return kind if kind in KINDS else None


# ---------------------------------------------------------------- SpanRuler patterns

def gazetteer_patterns() -> Iterator[dict]:
    """SpanRuler patterns for every gazetteer name, alias, acronym and weak alias.

    Names are phrase patterns (matched on LOWER, checked for capitals later); one-token
    acronyms and weak aliases are case-sensitive token patterns, so "MPs" is not "MPS"
    and "met" is not "Met". Ids: ``gaz:<id>``, ``acr:<id>``, ``weak:<id>``.
    """
    for entry in load_gazetteer():
        for label, names in (("gaz", [entry.name, *entry.aliases]), ("acr", [entry.acronym] if entry.acronym else []),
                             ("weak", entry.weak_aliases)):
            for name in names:
                for variant in name_variants(name):
                    rid = f"{label}:{entry.id}"
                    if label != "gaz" and " " not in variant:
                        yield {"label": "AGENCY", "pattern": [{"ORTH": variant}], "id": rid}
                    else:
                        yield {"label": "AGENCY", "pattern": variant, "id": rid}


# ---------------------------------------------------------------- mentions

@dataclass
class Mention:
    """One candidate mention of a body: the span, the rule that found it, what it says."""

    span: Span
    rule: str
    entry: Optional[GazetteerEntry] = None
    kind: Optional[str] = None
    weak: bool = False
    generic: bool = False  # "Chicago police": names the place's force only loosely

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def is_acronym(self) -> bool:
        return len(self.span) == 1 and looks_like_acronym(self.span.text)


@dataclass
class Body:
    """Mentions of one agency being merged."""

    mentions: list[Mention] = field(default_factory=list)
    force_mentions: list[Span] = field(default_factory=list)

    @property
    def entry(self) -> Optional[GazetteerEntry]:
        return next((m.entry for m in self.mentions if m.entry is not None), None)

    @property
    def kind(self) -> Optional[str]:
        if self.entry is not None:
            return self.entry.kind
        return next((m.kind for m in self.mentions if m.kind), None)

    @property
    def strong(self) -> bool:
        return any(not m.weak for m in self.mentions)

    def long_names(self) -> list[str]:
        return [m.text for m in self.mentions if not m.is_acronym and not m.generic]

    def first(self) -> int:
        return min(m.span.start_char for m in self.mentions)


def _trim(doc: Doc, start: int, end: int, trim_leading: bool) -> tuple[int, int]:
    trim_words = load_lexicon("agency_trim_words.txt")
    if trim_leading:
        while start < end and _trim_first(doc, start, trim_words):
            start += 1
    else:
        while start < end and doc[start].lower_ == "the":
            start += 1
    while end > start and (doc[end - 1].lower_ in _POSSESSIVE or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in {"and", "of", "for", "&", "the"}):
        end -= 1
    return start, end


def _trim_first(doc: Doc, i: int, trim_words: frozenset[str]) -> bool:
    """Whether token i cannot start an agency name (a verb, number, determiner, stop word)."""
    token = doc[i]
    if token.lower_ in {"her", "his"} and i + 1 < len(doc) and doc[i + 1].text == "Majesty":
        return False
    if token.lower_ in trim_words or token.is_punct:
        return True
    if _ORDINAL.match(token.text):
        return False
    if not _name_like(token.text):
        return True
    return token.pos_ in _NON_NAME_POS and token.ent_type_ not in {"GPE", "ORG", "LOC", "FAC", "NORP"}


def _is_generic(span: Span) -> bool:
    """A pattern match made only of generic words ("County Court", "State Police")."""
    generic = load_lexicon("agency_generic_words.txt")
    return all(t.lower_ in generic or t.is_punct for t in span)


def ruler_mentions(doc: Doc, spans: Iterable[Span]) -> list[Mention]:
    """Turn the SpanRuler's matches into trimmed, checked mentions (overlaps kept)."""
    by_id = _entries_by_id()
    found: list[Mention] = []
    for span in spans:
        rule = span.id_ or ""
        label, _, key = rule.partition(":")
        if label in {"gaz", "acr", "weak"}:
            entry = by_id.get(key)
            start, end = _trim(doc, span.start, span.end, trim_leading=False)
            if entry is None or start >= end:
                continue
            sub = doc[start:end]
            if label == "gaz" and not sub.text[:1].isupper():
                continue  # "the justice department" in lower case is a description, not a name
            if label != "gaz" and _in_caps_line(sub):
                continue  # "WHO" in a headline set in capitals
            if _other_org_after(sub):
                continue
            found.append(Mention(sub, rule, entry=entry, kind=entry.kind, weak=label == "weak"))
            continue
        start, end = _trim(doc, span.start, span.end, trim_leading=True)
        if key.startswith(("place-", "county-")) and in_title_case_line(doc, start):
            # "Family Slams Kent Police": in a headline every word is capitalised, so only
            # words the model tagged as part of a name may stand before the head
            while start < end and doc[start].ent_type_ not in _NAME_ENTS:
                start += 1
        if end - start < 2 and not key.startswith("precinct"):
            continue
        if end < len(doc) and doc[end].lower_ in _NOT_BODY_AFTER or _other_org_after(doc[start:end]):
            continue
        sub = doc[start:end]
        if _is_generic(sub) or not sub.text[:1].isupper() and not sub.text[:1].isdigit():
            continue
        if key.startswith(("place-", "county-", "national-")) and not _has_place(sub):
            continue
        if key == "city-of" and _place_preposition_before(sub):
            continue  # "in the City of London" is the place
        if key == "nationality-military" and not _nationality_military(sub):
            continue
        generic = key.endswith("-generic")
        if generic and (not _generic_police_allowed(sub) or _cut_from_longer_name(sub)):
            continue
        found.append(Mention(sub, rule, kind=rule_kind(rule), generic=generic))
    return found


def _other_org_after(span: Span) -> bool:
    """"Kent Police Federation": the body's name is the start of another organisation's."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text in _OTHER_ORG_AFTER


def in_title_case_line(doc: Doc, i: int) -> bool:
    """True when token i sits on a line set in Title Case (a headline): most words of four
    letters or more there start with a capital, verbs included."""
    text = doc_text(doc)  # Doc.text is rebuilt from every token on each access
    start = text.rfind("\n", 0, doc[i].idx) + 1
    end = text.find("\n", doc[i].idx)
    return _title_case(text[start:end if end >= 0 else len(text)])


@lru_cache(maxsize=256)
def _title_case(line: str) -> bool:
    if line.rstrip().endswith("."):
        return False  # a sentence full of names ("The Alder State Police and the ... responded.")
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", line) if len(w) >= 4]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _in_caps_line(span: Span) -> bool:
    doc = span.doc
    neighbours = [t for t in doc[max(0, span.start - 3):span.end + 3] if t.is_alpha and t.i not in range(span.start, span.end)]
    return len(neighbours) >= 2 and all(t.is_upper for t in neighbours)


def _nationality_military(span: Span) -> bool:
    """"the Ukrainian military said": a nationality word before the head, and the head not a
    modifier of a following noun ("an Alderian military base", "Fenwick navy ship")."""
    nationalities = load_lexicon("agency_generic_places.txt")
    head = next((t for t in span if t.lower_ in {"military", "army", "navy", "armed", "air", "coastguard"}), None)
    if head is None or not all(t.lower_ in nationalities for t in span[:head.i - span.start]):
        return False
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return after is None or not (after.is_alpha and after.is_lower and after.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"})


def _has_place(span: Span) -> bool:
    generic = load_lexicon("agency_generic_words.txt")
    return any(t.lower_ not in generic and _name_like(t.text) for t in span)


def _name_like(word: str) -> bool:
    """Capitalised like a name: "Kent", "NSW", and "McHenry", "DeKalb" (one inner capital),
    but not a run-together hashtag ("ProtectPeopleNot")."""
    return word[:1].isupper() and (word.isupper() or sum(ch.isupper() for ch in word) <= 2)


def _place_preposition_before(span: Span) -> bool:
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in {"in", "across", "around", "from", "to", "near", "throughout", "of", "into", "at"}


def _place_words(span: Span) -> list[str]:
    """The place part of "Ashgrove County (Nevada) police" -> ["ashgrove", "county"]."""
    words = []
    for t in span:
        if t.text == "(" or t.lower_ == "police":
            break
        words.append(t.lower_)
    return words


def _cut_from_longer_name(span: Span) -> bool:
    """"Francisco Bay Area police" inside "a San Francisco Bay Area police officer": the place
    goes on to the left, so this match is only the tail of the place's name."""
    i = span.start - 1
    if i < 0 or span.doc[span.start].is_sent_start:
        return False
    word = span.doc[i]
    return _name_like(word.text) and word.is_alpha and word.lower_ not in load_lexicon("agency_trim_words.txt")


def _generic_police_allowed(span: Span) -> bool:
    """"Chicago police" names a force; "California police" and "French police" do not."""
    place = " ".join(_place_words(span))
    return place not in load_lexicon("agency_generic_places.txt")


def org_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    """spaCy ORG entities that read as public bodies and overlap no ruler mention."""
    found = []
    person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_alpha}
    for ent in doc.ents:
        if ent.label_ != "ORG" or "\n" in ent.text:
            continue
        start, end = _trim(doc, ent.start, ent.end, trim_leading=False)
        if start >= end or any(s < end and start < e for s, e in taken):
            continue
        sub = doc[start:end]
        words = [t.text for t in sub]
        kind = org_head_kind(words)
        if kind is None or is_non_agency_name(words) or not sub.text[:1].isupper() or _is_generic(sub):
            continue
        if end < len(doc) and doc[end].lower_ in _NOT_BODY_AFTER:
            continue
        if any(t.lower_ in person_words for t in sub):
            continue  # "Stringer and Transportation Commission": a person glued to a body
        found.append(Mention(sub, "org-entity", kind=kind))
    return found


def select_mentions(mentions: list[Mention]) -> list[Mention]:
    """Resolve overlaps: the longest span wins; on a tie gazetteer beats pattern."""
    def priority(m: Mention) -> tuple:
        return (-(m.span.end - m.span.start), 0 if m.entry else 1, m.weak, m.span.start)

    chosen: list[Mention] = []
    used: set[int] = set()
    for m in sorted(mentions, key=priority):
        tokens = set(range(m.span.start, m.span.end))
        if tokens & used:
            continue
        used |= tokens
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.span.start)


# ---------------------------------------------------------------- merging

def group_mentions(mentions: list[Mention]) -> list[Body]:
    """First grouping: same gazetteer entry, else same normalised name."""
    groups: dict[str, Body] = {}
    for m in mentions:
        key = f"gaz:{m.entry.id}" if m.entry else f"name:{merge_key(m.text)}"
        groups.setdefault(key, Body()).mentions.append(m)
    return list(groups.values())


def link_acronyms(doc: Doc, bodies: list[Body], skip: set[int], is_furniture) -> list[Body]:
    """Schwartz-Hearst definitions and initials: acronym mentions join their long form."""
    text = doc.text
    token_body: dict[int, Body] = {}
    for body in bodies:
        for m in body.mentions:
            for i in range(m.span.start, m.span.end):
                token_body[i] = body

    # 1. "Long Form (LF)": the short form joins the body whose mention ends the long form
    defined: dict[str, Body] = {}
    for d in find_definitions(text):
        if is_furniture(d.long_start, d.short_end):
            continue
        long_span = doc.char_span(d.long_start, d.long_end, alignment_mode="expand")
        short_span = doc.char_span(d.short_start, d.short_end)
        if long_span is None or short_span is None:
            continue
        if not plausible_definition(d.short_form, d.long_form):
            continue  # "at the 77th Precinct (AP)" is a photo credit, not a definition
        body = token_body.get(long_span.end - 1)
        if body is None:
            words = [t.text for t in long_span]
            kind = head_kind(words)
            if kind is None or is_non_agency_name(words) or any(i in token_body for i in range(long_span.start, long_span.end)):
                continue
            start, end = _trim(doc, long_span.start, long_span.end, trim_leading=True)
            if end - start < 2:
                continue
            body = Body([Mention(doc[start:end], "acronym-definition", kind=kind)])
            bodies.append(body)
            for i in range(start, end):
                token_body[i] = body
        defined[d.short_form] = body

    # 2. bare acronyms: defined ones, or initials of a long name in the text
    for token in doc:
        if token.i in skip or not looks_like_acronym(token.text):
            continue
        current = token_body.get(token.i)
        if current is not None and not all(m.is_acronym for m in current.mentions):
            continue  # part of a longer name
        target = defined.get(token.text)
        if target is None:
            target = next((b for b in bodies if b is not current and b.strong
                           and any(initials_match(token.text, n) for n in b.long_names())), None)
        if target is None or target is current:
            continue
        mention = Mention(doc[token.i:token.i + 1], "acronym-link", kind=target.kind)
        if current is not None:
            current.mentions = [m for m in current.mentions if m.span.start != token.i]
        target.mentions.append(mention)
        token_body[token.i] = target
    return [b for b in bodies if b.mentions]


def merge_generic_police(bodies: list[Body]) -> list[Body]:
    """"Ashgrove County (Nevada) police" joins the place's named force; "Northgate
    police" (a local unit) joins the only named force of the article."""
    named = [b for b in bodies if b.kind == "police" and any(not m.generic and not m.weak for m in b.mentions)]
    kept = []
    for body in bodies:
        if all(m.generic for m in body.mentions):
            place = _place_words(body.mentions[0].span)
            target = next((b for b in named if _same_place(place, b)), None)
            if target is None and len(named) == 1:
                target = named[0]
            if target is not None:
                target.mentions.extend(body.mentions)
                continue
        kept.append(body)
    return kept


def _same_place(place: list[str], body: Body) -> bool:
    """"New York" police and a body named "New York Police Department" or "NYPD"."""
    if any(normalize_name(n).split()[:len(place)] == place for n in body.long_names()):
        return True
    initials = "".join(w[0] for w in place if w).upper()
    return len(place) >= 2 and any(m.is_acronym and m.text.upper().startswith(initials) for m in body.mentions)


def place_key(name: str) -> str:
    """A police force's name without its unit words: "Pinebrook Police Department" -> "pinebrook"."""
    units = load_lexicon("agency_unit_words.txt")
    words = normalize_name(name).split()
    while words and words[-1] in units:
        words.pop()
    return " ".join(words)


def merge_same_place_police(bodies: list[Body]) -> list[Body]:
    """"Pinebrook Police" and "Pinebrook Police Department" are one force."""
    merged: list[Body] = []
    for body in bodies:
        keys = {place_key(n) for n in body.long_names()} - {""} if body.kind == "police" else set()
        target = next((b for b in merged if b.kind == "police" and keys
                       and keys & {place_key(n) for n in b.long_names()}), None)
        if target is None:
            merged.append(body)
        else:
            target.mentions.extend(body.mentions)
    return merged


def merge_suffix_names(bodies: list[Body]) -> list[Body]:
    """"the Supreme Court" joins "Brooklyn Supreme Court" when that is the only body of the
    same kind whose name ends with it."""
    def words(body: Body) -> list[list[str]]:
        return [normalize_name(n).split() for n in body.long_names()]

    kept = list(bodies)
    for body in bodies:
        short = words(body)
        if not short or body not in kept:
            continue
        targets = [b for b in kept if b is not body and b.kind == body.kind and all(
            any(len(w) < len(x) and x[-len(w):] == w for x in words(b)) for w in short)]
        if len(targets) == 1:
            targets[0].mentions.extend(body.mentions)
            kept.remove(body)
    return kept


def merge_same_names(bodies: list[Body]) -> list[Body]:
    """Bodies sharing a surface name (a pattern match and a gazetteer alias) are one."""
    merged: list[Body] = []
    for body in bodies:
        keys = {merge_key(m.text) for m in body.mentions}
        target = next((b for b in merged if keys & {merge_key(m.text) for m in b.mentions}), None)
        if target is None:
            merged.append(body)
        else:
            target.mentions.extend(body.mentions)
    return merged


def weak_confirmed(body: Body) -> bool:
    """A body named only by weak aliases counts when a police word follows one of them."""
    cues = load_lexicon("agency_police_cues.txt")
    for m in body.mentions:
        doc = m.span.doc
        j = m.span.end
        if j < len(doc) and doc[j].lower_ in _POSSESSIVE:
            j += 1
        if j < len(doc) and doc[j].lower_ in cues:
            return True
    return False


def the_force_spans(doc: Doc, skip: set[int]) -> list[Span]:
    """"the force" as a reference to a police force (not "the force of the blast")."""
    spans = []
    for token in doc[:-1]:
        nxt = doc[token.i + 1]
        if token.lower_ == "the" and nxt.lower_ == "force" and nxt.i not in skip:
            after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
            if after is not None and after.lower_ in {"of", "with", "field"}:
                continue
            spans.append(doc[nxt.i:nxt.i + 1])
    return spans


# ---------------------------------------------------------------- records

def to_agency(body: Body) -> Agency:
    """The record: name = fullest surface form, aliases = the other forms used in the text."""
    mentions = sorted([m.span for m in body.mentions] + body.force_mentions, key=lambda s: s.start)
    forms: dict[str, str] = {}
    for m in sorted(body.mentions, key=lambda m: m.span.start):
        forms.setdefault(normalize_name(m.text), m.text)
    for s in body.force_mentions:
        forms.setdefault(normalize_name(s.text), s.text)
    acronym = next((f for f in forms.values() if looks_like_acronym(f)), None)
    full = [m for m in body.mentions if not m.is_acronym and not m.weak]
    # a loose "New York police" names the body only when nothing better does ("NYPD")
    preferred = [m for m in full if not m.generic] or ([] if acronym else full)
    if preferred:
        name = max(preferred, key=lambda m: (len(normalize_name(m.text).split()), len(m.text), -m.span.start)).text
    else:
        name = acronym or body.mentions[0].text
    key = normalize_name(name)
    aliases = [f for k, f in forms.items() if k != key]
    return Agency(
        name=name,
        acronym=acronym,
        aliases=aliases,
        kind=body.kind,
        mentions=[SpanRecord(start=s.start_char, end=s.end_char, text=s.text) for s in mentions],
    )


def find_bodies(doc: Doc, is_furniture) -> list[Body]:
    """All agency bodies in the doc, mentions merged, furniture left out."""
    spans = doc.spans[AGENCY_KEY] if AGENCY_KEY in doc.spans else []
    mentions = [m for m in ruler_mentions(doc, spans) if not is_furniture(m.span.start_char, m.span.end_char)]
    taken = [(m.span.start, m.span.end) for m in mentions]
    mentions += [m for m in org_mentions(doc, taken) if not is_furniture(m.span.start_char, m.span.end_char)]
    chosen = select_mentions(mentions)
    furniture_tokens = {t.i for t in doc if is_furniture(t.idx, t.idx + len(t))}
    bodies = group_mentions(chosen)
    bodies = link_acronyms(doc, bodies, furniture_tokens, is_furniture)
    bodies = merge_same_names(bodies)
    bodies = merge_same_place_police(bodies)
    bodies = merge_generic_police(bodies)
    named = {b.entry.id for b in bodies if b.entry is not None and b.strong}
    bodies = [b for b in bodies if b.strong or (b.entry is not None and b.entry.id in named) or weak_confirmed(b)]
    bodies = merge_same_entry(bodies)
    bodies = merge_suffix_names(bodies)
    police = [b for b in bodies if b.kind == "police" and any(not m.generic for m in b.mentions)]
    if len(police) == 1:
        used = {i for b in bodies for m in b.mentions for i in range(m.span.start, m.span.end)}
        police[0].force_mentions = the_force_spans(doc, used | furniture_tokens)
    return sorted(bodies, key=lambda b: b.first())


def merge_same_entry(bodies: list[Body]) -> list[Body]:
    merged: dict[str, Body] = {}
    out = []
    for body in bodies:
        entry = body.entry
        if entry is None:
            out.append(body)
        elif entry.id in merged:
            merged[entry.id].mentions.extend(body.mentions)
        else:
            merged[entry.id] = body
            out.append(body)
    return out


def extract(doc: Doc, ctx) -> Iterator[Agency]:
    """Yield one Agency per public body named in the article (page furniture skipped)."""
    for body in find_bodies(doc, ctx.is_furniture):
        yield to_agency(body)
