"""Officials: named people quoted in a role, with their title and organisation (SPEC "Official").

    IOPC regional director Jane Roe said ...        -> title "IOPC regional director",
                                                       organization: the IOPC Agency's name
    Acting Deputy Commissioner Jane Roe said ...    -> "Acting Deputy Commissioner", and the
                                                       article's police force as organization
    Jane Roe, the area coroner for Kent, said ...   -> "area coroner for Kent"
    His lawyer, Jane Roe, said ...                  -> "lawyer"
    The leader of Y Council, Cllr Jane Roe, said    -> "leader of Y Council", organization Y Council
    Leeds Police Lt. Jane Roe said ...              -> "Leeds Police Lt." (the split-off dot kept)
    FBI Special Agent in Charge Jane Roe said ...   -> "FBI Special Agent in Charge", "FBI"
    Jane Roe, who is the head of Acme, said ...     -> "head of Acme", organization "Acme"
    A neighbour, Jane Roe, said ...                 -> not an official (no role word)
    'Safe?' she asked captain Jane Roe ...          -> not an official (a bare captain names no body)

A title counts when it contains a role word of ``models/official_titles.txt``. The
organisation is the Agency named in the title (a long agency name opening a lower-case role is
moved out of it: "Leeds City Police Department detective" -> title "detective"; a capitalised
title keeps it: "Leeds Fire Department Chief"), else an
organisation entity or acronym in the title ("WBC president" -> "WBC"; not a title modifier such as
"Crown" in "Crown prosecutor", nor the constituency after "MP for"), else, for police ranks,
sheriffs, coroners and mayors (``models/quote_rules.json``), the article's agency of the
role's kind ("Mayor X" -> the "City of ..." the article names; a police rank never takes a
court, a "Sheriff" only a sheriff's office, a "school district Superintendent" no police
force; councillors, judges and prosecutors take nothing by inference). Of several titles, one
naming its body wins, then the longest. Titles may join capitalised words with "of"/"in"
("NYPD Chief of Detectives", "Special Agent in Charge").

Known limits: a role given only in another sentence ("She is the mayor.") is not seen; a
speaker's organisation is not taken from the words they speak; a police rank takes the
article's police force even when the story does not tie the officer to it.
"""

from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..records import Agency, Official, Span as SpanRecord
from ..rules import load_json, load_lexicon
from .docindex import doc_text
from .people import Person, titles

_MAX_TITLE_TOKENS = 9
_STOP_POS = frozenset({"DET", "PRON", "VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT", "SPACE"})


def role_words() -> frozenset[str]:
    return load_lexicon("official_titles.txt")


def _rules() -> dict:
    return load_json("quote_rules.json")


def has_role(words: Iterable[str]) -> bool:
    roles = role_words()
    return any(w.lower() in roles for w in words)


def abbreviation_dot(t: Token) -> bool:
    """The '.' the tokenizer split off a title abbreviation: 'Lt' + '.' in 'Police Lt. X'."""
    if t.text != "." or t.i == 0:
        return False
    prev = t.doc[t.i - 1]
    known = titles() | role_words()
    return not prev.whitespace_ and prev.is_alpha and (prev.lower_ in known or prev.lower_ + "." in known)


def _clean(tokens: list[Token]) -> list[Token]:
    honorifics = set(_rules()["honorifics"])
    while tokens and (tokens[-1].lower_ in honorifics or tokens[-1].is_punct):
        if abbreviation_dot(tokens[-1]) and len(tokens) > 1 and tokens[-2].lower_ not in honorifics:
            break  # "Ridgeview Police Lt." keeps its dot; "Dr." goes
        tokens = tokens[:-1]
    while tokens and (tokens[0].pos_ in {"DET", "PRON"} or tokens[0].dep_ == "poss"
                      or tokens[0].is_punct or tokens[0].lower_ in {"'s", "’s"}):
        tokens = tokens[1:]
    return tokens


def _span_text(tokens: list[Token]) -> Optional[str]:
    if not tokens:
        return None
    doc = tokens[0].doc
    return doc_text(doc)[tokens[0].idx: tokens[-1].idx + len(tokens[-1].text)]


def widen_name(mention: Span) -> Span:
    """Extend a name mention over adjacent capitalised proper nouns that are no title words:
    'Mayor [Khan]' with 'Sadiq' untagged -> 'Sadiq Khan'."""
    doc = mention.doc
    known = titles() | role_words()
    start, end = mention.start, mention.end

    def namey(t: Token) -> bool:
        return (t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.lower_ not in known
                and t.lower_[:-1] not in known  # "Chief of Detectives"
                and not (t.i > 0 and doc[t.i - 1].lower_ in {"of", "in"})  # "Agent in Charge"
                and t.ent_type_ not in {"ORG", "GPE", "NORP", "LOC", "FAC", "DATE"}
                and "\n" not in t.whitespace_)

    while start > 0 and mention.end - start < 4 and namey(doc[start - 1]):
        start -= 1
    return doc[start:end]


def title_before(mention: Span) -> list[Token]:
    """Title words right before a name: 'IOPC regional director' in 'IOPC regional director X'."""
    doc = mention.doc
    known = titles() | role_words()
    out: list[Token] = []
    i = mention.start - 1
    while i >= 0 and len(out) < _MAX_TITLE_TOKENS:
        t = doc[i]
        if "\n" in t.whitespace_ or t.is_space:
            break
        word = t.lower_
        if word in known:
            out.append(t)
        elif word in {"of", "in"} and out and out[-1].text[:1].isupper() and i > 0 \
                and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha:
            out.append(t)  # "Chief of Detectives", "Director of Public Prosecutions", "Agent in Charge"
        elif abbreviation_dot(t):
            out.append(t)  # "Police Lt. X": the dot the tokenizer split off
        elif t.pos_ in _STOP_POS and not (t.pos_ == "PROPN" or t.text[:1].isupper() and t.is_alpha):
            break
        elif t.ent_type_ in {"DATE", "TIME", "PERSON", "CARDINAL"}:
            break
        elif t.is_alpha or t.text.replace(".", "").isalpha():
            out.append(t)
        else:
            break
        if t.is_sent_start:
            break
        i -= 1
    out.reverse()
    return _clean(out)


def title_inside(mention: Span) -> list[Token]:
    """Title words the NER swallowed into a name: 'Leeds Mayor Sam Rowe' -> 'Leeds Mayor'."""
    known = titles() | role_words()
    last = max((t.i for t in mention if t.lower_ in known), default=None)
    if last is None or last >= mention.end - 1:
        return []
    if last + 1 < mention.end - 1 and abbreviation_dot(mention.doc[last + 1]):
        last += 1  # "Capt. Ivo Roe": the title keeps its dot
    toks = _clean(list(mention.doc[mention.start:last + 1]))
    return toks if has_role(t.text for t in toks) else []


def strip_title_inside(name: str) -> str:
    """'Leeds Mayor Sam Rowe' -> 'Sam Rowe' (the words after the last title word)."""
    known = titles() | role_words()
    words = name.split()
    cut = max((i for i, w in enumerate(words) if w.lower() in known), default=-1)
    return " ".join(words[cut + 1:]) if 0 <= cut < len(words) - 1 else name


def title_after(head: Token) -> list[Token]:
    """An apposition after (or before) the name: 'X, the area coroner for Kent,' -> tokens."""
    for c in head.children:
        if c.dep_ == "appos" and c.i > head.i and has_role(t.text for t in c.subtree):
            return _clean(_until_clause(list(c.subtree)))
        if c.dep_ == "relcl" and (c.lemma_ == "be" or c.lower_ in {"is", "was", "are", "were", "'s", "’s"}):
            attr = next((g for g in c.children if g.dep_ in {"attr", "acomp"}), None)
            if attr is not None and has_role(t.text for t in attr.subtree):
                return _clean(list(attr.subtree))
    return []


def title_apposed(head: Token) -> list[Token]:
    """The role noun phrase a name is in apposition to: "His lawyer, X," -> "lawyer"; "The
    Senior Coroner for Kent, X," -> "Senior Coroner for Kent"; "The leader of Y Council, X,"
    and "The MP for A and B, X," (the parse hangs X on the object or the conjunct)."""
    if head.dep_ != "appos" or head.head.i >= head.i:
        return []
    role = head.head
    for _ in range(4):
        if role.lower_ in role_words():
            break
        if role.dep_ not in {"pobj", "prep", "conj", "compound"} or role.head.i == role.i:
            return []
        role = role.head
    else:
        return []
    if role.lower_ not in role_words():
        return []
    first = min(t.i for t in head.subtree)
    return _clean([t for t in role.subtree if t.i < first and not t.is_space])


def _until_clause(tokens: list[Token]) -> list[Token]:
    """Cut an apposition at a relative clause or a verb ('the driver who was ...')."""
    out = []
    for t in tokens:
        if t.dep_ in {"relcl", "acl"} or t.lower_ in {"who", "which", "that"}:
            break
        out.append(t)
    return out


def _name_head(mention: Span) -> Token:
    return mention.root


def _agency_in(tokens: list[Token], agencies: list[Agency]) -> Optional[tuple[Agency, int]]:
    """The agency whose mention lies in the tokens, and how many tokens it covers."""
    if not tokens:
        return None
    a, b = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    for agency in agencies:
        for m in agency.mentions:
            if a <= m.start and m.end <= b:
                n = sum(1 for t in tokens if m.start <= t.idx < m.end)
                return agency, n
    words = {t.text.lower() for t in tokens}
    for agency in agencies:
        names = [agency.name, *(agency.aliases or [])] + ([agency.acronym] if agency.acronym else [])
        if any(n and n.lower() in words for n in names):
            return agency, 1
    return None


def _organisation_word(tokens: list[Token]) -> Optional[str]:
    """An organisation entity or acronym inside a title: 'WBC president' -> 'WBC'."""
    modifiers = set(_rules().get("title_modifiers", []))
    members = set(_rules().get("constituency_roles", []))
    cut = next((k for k in range(1, len(tokens)) if tokens[k].lower_ == "for"
                and tokens[k - 1].lower_ in members), None)
    if cut is not None:
        tokens = tokens[:cut]  # "MP for Ashby and Dene": a constituency, not a body
    for t in tokens:
        if t.ent_type_ == "ORG":
            ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
            if ent is not None:
                inside = [x for x in ent if x in tokens]
                if inside and not all(x.lower_ in modifiers or x.lower_ in role_words() for x in inside):
                    return _span_text(inside)  # not "Crown" in "Crown prosecutor"
    for t in tokens:
        if t.is_upper and t.is_alpha and len(t.text) >= 2 and t.ent_type_ not in {"GPE", "NORP", "LOC"} \
                and t.lower_ not in role_words():
            return t.text
    return None


def _name_words(agency: Agency) -> set[str]:
    words = {w.lower() for w in agency.name.replace("’", "'").split()}
    return words | {w.lower() for a in agency.aliases for w in a.replace("’", "'").split()}


def _rule_fits(rule: dict, agency: Agency) -> bool:
    """An agency a role rule points at: of the rule's kind, or named by one of its words and
    of no other kind ('Sheriff Court' is a court, not a sheriff's office)."""
    if agency.kind and agency.kind in rule["kinds"]:
        return True
    if rule["kinds"] and agency.kind and agency.kind not in {"other"}:
        return False
    return bool(_name_words(agency) & set(rule["name_words"]))


def _role_agency(title_tokens: list[Token], agencies: list[Agency]) -> Optional[str]:
    words = {t.lower_ for t in title_tokens}
    for rule in _rules()["role_organizations"]:
        if not words & set(rule["roles"]) or words & set(rule.get("not_with", [])):
            continue
        fits = [agency for agency in agencies if _rule_fits(rule, agency)]
        if fits:
            return max(fits, key=lambda a: len(a.mentions)).name
    return None


def agency_for_word(word: str, agencies: list[Agency]) -> Optional[str]:
    """The article's agency a bare word points at: 'police' in "a police spokesman said" ->
    the police force the article names (the most mentioned one), else None."""
    word = word.lower()
    for rule in _rules()["role_organizations"]:
        if word not in rule["name_words"] and word not in rule["roles"]:
            continue
        fits = [a for a in agencies if a.kind and a.kind in rule["kinds"]]
        if fits:
            return max(fits, key=lambda a: len(a.mentions)).name
    return None


def title_and_organization(person: Person, agencies: list[Agency]) -> tuple[Optional[str], Optional[str]]:
    """The fullest role title given to a person in the text, and the body it names."""
    before: list[list[Token]] = []
    after: list[list[Token]] = []
    for m in person.mentions:
        inside = title_inside(m)
        if inside:
            before.append(inside)
            continue
        toks = title_before(widen_name(m))
        if toks and has_role(t.text for t in toks):
            before.append(toks)
        toks = title_apposed(_name_head(m))
        if toks:
            before.append(toks)  # the role noun phrase stands before the name
        toks = title_after(_name_head(m))
        if toks:
            after.append(toks)
    candidates = before or after
    if not candidates:
        return None, None
    # a title naming its body first ("Police Union President" over "head of the police union")
    best = max(candidates, key=lambda ts: (_agency_in(ts, agencies) is not None
                                           or _organisation_word(ts) is not None, len(ts), -ts[0].i))
    org = None
    hit = _agency_in(best, agencies)
    if hit is not None:
        agency, covered = hit
        org = agency.name
        first = best[0]
        # a long agency name opening a lower-case role is the organisation, not the title
        # ("Leeds Police Department detective" -> "detective"); a capitalised title keeps it
        # whole ("Leeds Fire Department Chief", "Dorran County Commission Chairman")
        if covered >= 3 and len(best) > covered and not best[covered].text[:1].isupper() and any(
                m.start == first.idx for m in agency.mentions):
            best = best[covered:]
    else:
        org = _organisation_word(best) or _role_agency(best, agencies)
    return _span_text(best), org


def private_role(title: str) -> bool:
    """A title whose only role words are jobs that speak for no body unless one is named
    ('captain' of a plane, a 'pilot'): such a person is quoted as a private person."""
    needs = set(_rules().get("roles_needing_a_body", []))
    words = title.lower().split()
    return bool(words) and all(w in needs for w in words)  # "Police Captain" names a body


def find_officials(doc: Doc, ctx, speakers: list[tuple[Optional[Person], Optional[str]]]) -> list[Official]:
    """Officials among the quotes' speakers; ``speakers[i]`` (person, name) speaks quote ``i``."""
    by_person: dict[int, list[int]] = {}
    persons: dict[int, Person] = {}
    names: dict[int, str] = {}
    for i, (person, name) in enumerate(speakers):
        if person is None:
            continue
        by_person.setdefault(id(person), []).append(i)
        persons[id(person)] = person
        if name and len(name) > len(names.get(id(person), "")):
            names[id(person)] = name
    officials = []
    agencies = list(ctx.agencies or [])
    for key, quote_ids in by_person.items():
        person = persons[key]
        title, org = title_and_organization(person, agencies)
        if title is None or (org is None and private_role(title)):
            continue
        mentions = [SpanRecord(start=m.start_char, end=m.end_char, text=m.text) for m in person.mentions]
        officials.append(Official(name=strip_title_inside(names.get(key, person.name)), title=title, organization=org,
                                  quotes=quote_ids, mentions=mentions))
    officials.sort(key=lambda o: o.mentions[0].start if o.mentions else 0)
    return officials
