"""The ``factx_*`` spaCy components, registered once here.

Each component only wires data from ``models/`` to spaCy; the logic that decides what a fact
is lives in ``factx.extractors``.
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .rules import RuleFileError, asset_path, load_json, load_jsonl, load_lexicon

FURNITURE_KEY = "factx_furniture"
AGENCY_KEY = "factx_agencies"


# ---------------------------------------------------------------- paragraphs

@Language.component("factx_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence at every line break, before the parser runs.

    Headlines, bylines and photo captions have no final full stop; without this the parser
    runs them into the next paragraph and attaches their words to its verbs.
    """
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if token.i > 0 and (after_break or "\n" in doc[token.i - 1].whitespace_):
            token.is_sent_start = True
        after_break = False
    return doc


# ---------------------------------------------------------------- entity fixes

def _trim_entity(ent: Span) -> Span | None:
    """Drop trailing numbers, possessives and punctuation the model glued onto a name."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].is_punct or doc[start].is_space or not doc[start].text.strip("•·")):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in {"'s", "’s", "'", "’"}
        or (ent.label_ == "PERSON" and doc[end - 1].like_num)
    ):
        end -= 1
    if start >= end:
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_)


def _split_name_list(ent: Span) -> list[Span] | None:
    """'Anthony, Gabriel, Daniel' tagged as one entity: return the single names, else None."""
    doc = ent.doc
    if not any(t.text == "," for t in ent):
        return None
    parts, current = [], []
    for token in ent:
        if token.text in {",", "and", "&"}:
            if current:
                parts.append(current)
            current = []
        elif token.is_title and token.is_alpha:
            current.append(token)
        else:
            return None
    if current:
        parts.append(current)
    if len(parts) < 2 or any(len(p) > 3 for p in parts):
        return None
    return [Span(doc, p[0].i, p[-1].i + 1, label="PERSON") for p in parts]


def _is_month_day(ent: Span) -> bool:
    """'Mar 14' in a stamp line tagged PERSON: a month name followed by a day is a date."""
    if ent.label_ != "PERSON" or len(ent) != 1:
        return False
    months = load_json("dates.json")["months"]
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return ent[0].lower_.rstrip(".") in months and following is not None and following.like_num


@Language.component("factx_entity_fixes")
def entity_fixes(doc: Doc) -> Doc:
    """Repair named entities the small English model gets wrong on news text."""
    person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_alpha}
    fixed: list[Span] = []
    for ent in doc.ents:
        if ent.label_ in {"PERSON", "ORG"}:
            parts = _split_name_list(ent)
            if parts is not None:
                if all(p.text.lower() in person_words for p in parts):
                    fixed.extend(parts)
                continue
        if _is_month_day(ent):
            continue
        trimmed = _trim_entity(ent)
        if trimmed is not None:
            fixed.append(trimmed)
    from .extractors.people import fix_person_entities  # late: avoids an import cycle

    doc.ents = filter_spans(fix_person_entities(fixed))
    return doc


# ---------------------------------------------------------------- agency ruler

AGENCY_PATTERNS = "patterns/agencies.jsonl"


def agency_patterns() -> list[dict]:
    """SpanRuler patterns: every gazetteer name, alias and acronym, plus the token patterns."""
    from .extractors.agencies import gazetteer_patterns  # late: avoids an import cycle

    patterns = list(gazetteer_patterns())
    patterns.extend(dict(p) for p in load_jsonl(AGENCY_PATTERNS))
    return patterns


def check_token_patterns(name: str = AGENCY_PATTERNS) -> None:
    """Validate the hand-written token patterns of a rule file; raise RuleFileError naming the rule."""
    from spacy.schemas import validate_token_pattern

    for row in load_jsonl(name):
        errors = validate_token_pattern(row["pattern"]) if isinstance(row["pattern"], list) else []
        if errors:
            raise RuleFileError(asset_path(name), f"pattern {row.get('id')!r}: {'; '.join(errors)}")


@Language.factory("factx_agency_ruler")
def make_agency_ruler(nlp: Language, name: str) -> SpanRuler:
    # only the hand-written patterns are validated here; the ~1,500 generated gazetteer
    # patterns are checked once in tests/unit/test_agencies_gazetteer.py (cheaper cold start)
    check_token_patterns()
    ruler = SpanRuler(nlp, name, spans_key=AGENCY_KEY, overwrite=True, validate=False,
                      phrase_matcher_attr="LOWER")
    # phrase patterns only need the tokenizer: without this, add_patterns runs every
    # earlier pipe (tagger, parser, ner) over each of the ~1,500 gazetteer names
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(agency_patterns())
    return ruler


# ---------------------------------------------------------------- page furniture

def _furniture_regexes() -> list[tuple[str, re.Pattern]]:
    return [(row["id"], re.compile(row["regex"])) for row in load_jsonl("furniture.jsonl")]


def furniture_ranges(text: str, regexes: Iterable[tuple[str, re.Pattern]]) -> list[tuple[int, int, str]]:
    """Character ranges of whole lines that are page furniture, with the rule id.

    A line is furniture when a furniture rule matches it in full, or when it is a photo
    caption: the same line printed twice in a row (captions with their alt text), or a line
    that is only a parenthesised credit like "(PA Media)".
    """
    ranges: list[tuple[int, int, str]] = []
    regexes = list(regexes)
    offset = 0
    previous: tuple[int, int, str] | None = None  # start, end, stripped text of last non-blank line
    for line in text.splitlines(keepends=True):
        start, end = offset, offset + len(line.rstrip("\r\n"))
        offset += len(line)
        stripped = line.strip()
        if not stripped:
            continue
        rule = next((rid for rid, rx in regexes if rx.fullmatch(stripped)), None)
        if rule is None and previous is not None and previous[2] == stripped and len(stripped) > 3:
            rule = "caption-repeated"
            ranges.append((previous[0], previous[1], rule))
        if rule:
            ranges.append((start, end, rule))
        previous = (start, end, stripped)
    ranges.sort()
    deduped: list[tuple[int, int, str]] = []
    for r in ranges:
        if not deduped or deduped[-1][:2] != r[:2]:
            deduped.append(r)
    return deduped


@Language.factory("factx_furniture")
def make_furniture(nlp: Language, name: str):
    regexes = _furniture_regexes()

    def furniture(doc: Doc) -> Doc:
        spans = []
        for start, end, rule in furniture_ranges(doc.text, regexes):
            span = doc.char_span(start, end, label="FURNITURE", alignment_mode="expand")
            if span is not None:
                span.id_ = rule
                spans.append(span)
        doc.spans[FURNITURE_KEY] = spans
        return doc

    return furniture


def speech_verbs() -> frozenset[str]:
    return load_lexicon("speech_verbs.txt")
