"""Dates and times, normalised to TIMEX3 values (SPEC "DateFact").

The grammar and the resolver live in :mod:`factx.extractors.timex` (pure, no spaCy); this
module adds what needs the article: the publication line (the reference date and time), the
tense of the governing verb from the parse, context checks for bare years and months, anchors
for bare clock times and anaphoric expressions, and one fact per distinct expression.

    "Published: 9 June 2021 ... sheds were wrecked on Saturday ... at 4.20pm on Saturday afternoon"
      -> 9 June 2021 = 2021-06-09 (DATE), Saturday = 2021-06-05,
         4.20pm on Saturday afternoon = 2021-06-05T16:20 (TIME)
    "The fete will be held on Monday" (reference Wednesday 2021-06-09) -> 2021-06-14
    "The barn fire started at 10pm on Tuesday. Crews arrived at 10.25pm." -> Tuesday's date
    "The landlord is due before magistrates on Friday" -> the next Friday (a plan)
    "Monday, 6 Mar 2023 18:05" (a stamp line) -> 2023-03-06T18:05 (TIME)
    "Northfield Gazette | June 21, 2023 at 10:32 p.m.", "Sat 6 Jan 2024 09.12 AEDT",
    "2023-06-21T22:32:00Z", "Last updated: 09:30, 12 Feb 2024" -> stamps with their time (TIME)

Rules of thumb (see /README "Reference dates"):
- relative expressions resolve against ``ctx.reference_date``; without one their value is null;
- a past-tense weekday is the last one on or before the reference date, a future one the next;
  a plan or expectation (:func:`prospective_tense`: "is due", "are expected to", "is scheduled
  for", "hopes to") points ahead; the same plan seen from the past ("were expected to", "had
  been due to", "hoped to") takes the occurrence nearest the reference date;
  "Tuesday night" in a story published on a Tuesday (before evening) is the previous week's;
- a bare clock time belongs to the event of its own sentence: a day in the same sentence,
  else the nearest earlier day in its paragraph, else the nearest earlier event day naming the
  same part of day ("Sunday night" for "10.15pm", past a later "remained in hospital on
  Tuesday"), else the nearest earlier day that dates an
  event (not a future date, not a date of the telling: "told the court on Monday"), else the
  story's main event day (:func:`main_event_day`); an early-morning time after a late-night
  day is the next day; with no day at all, the reference date (the day before when the time
  is later than the publication time);
- a yearless "6 November" is the nearest occurrence when the tense is unclear or a cue points
  ahead ("until", "is due on", "set for", "adjourned until"); "March 8" near "March 9,
  2016" shares that year in a past-tense narrative;
- "the next day", "the following week" (a week stays a week) count from the nearest earlier
  day in their paragraph, else the nearest earlier day that is not a future date; in the past
  perfect ("had been at a party since the previous evening") from the story's main event;
- sets ("every Monday"), names ("the Good Friday Agreement", "Friday prayers") are skipped;
- each distinct (text, value) is reported once, at its first occurrence.

Known limits: the telling/event distinction is a word list over the governing words
(models/dates.json "story_words"), so an event verb missing from the parse path can mislead
it; "that night"/"that day" are not reported; "the next day" with no earlier date is skipped;
durations and sets are ignored by design; a story republished years later (reference date
far from its events) resolves yearless dates against the wrong year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from typing import Iterator, Optional

from spacy.tokens import Doc, Span

from ..components import FURNITURE_KEY
from ..records import DateFact
from .docindex import doc_text, ents_overlapping
from .timex import Mention, Tense, day_value as _day_value, resolve, tag, vocab

PUBLICATION_LINES = 10
PUBLICATION_PREFIX = re.compile(
    r"^\s*(?:(?:first\s+)?published|updated|last\s+updated|posted|modified|date)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE)
# an outlet or a byline and a separator before the stamp: "Northfield Gazette | ", "By Jane Roe · ",
# "Riverside Herald - " (up to three such segments; a hyphen needs spaces around it)
OUTLET_LEAD = re.compile(
    r"^\s*(?:[A-Z][^\n|·•–—!?;:]{0,59}?(?:\s*[|·•]\s*|\s+[-–—]\s+|\s*[–—]\s*)){1,3}")
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{1,30}(?:\([A-Za-z .]{1,20}\))?,\s*$")
# how far back an explicit "October 3, 2015" lends its year to a later "October 4"
ANCHOR_YEAR_CHARS = 1500

YEAR_LEAD = re.compile(
    r"(?:\b(?:in|since|from|until|till|til|by|of|during|before|after|between|and|or|to|through|"
    r"throughout|early|late|mid|around|circa|year|summer|winter|spring|autumn|fall|christmas|"
    r"season|back|class|spring|january|february|march|april|may|june|july|august|september|"
    r"october|november|december)|[,(–—-])\s*$", re.IGNORECASE)
MONTH_LEAD = re.compile(
    r"\b(?:in|since|from|until|till|til|by|of|during|before|after|between|and|or|to|through|"
    r"throughout|early|late|mid|last|next|this|on|that|each|every|until|as\s+of|end\s+of|"
    r"start\s+of|beginning\s+of|middle\s+of|"
    r"(?:scheduled|set|slated|planned|listed|fixed|booked|timetabled|penciled|pencilled)\s+(?:in\s+)?for)\s*$",
    re.IGNORECASE)
SEASON_LEAD = re.compile(
    r"\b(?:in|into|until|till|by|through|throughout|during|over|since|from|before|after)\s+(?:the\s+)?$",
    re.IGNORECASE)
FALL_LEAD = re.compile(r"\b(?:into|during|through|until|till|(?:in|by|over|during|until)\s+the)\s+$", re.IGNORECASE)
BAD_ENT_LABELS = {"PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "MONEY", "QUANTITY",
                  "PERCENT", "GPE", "LOC", "NORP", "LANGUAGE"}
# words before a date that point ahead of the narrative: a yearless date after them is the
# occurrence nearest the reference date ("adjourned sentencing until 6 November")
UNTIL_LEAD = re.compile(
    r"\b(?:until|till|til|by|scheduled\s+(?:for|on)|slated\s+for|"
    r"(?:(?:is|are|was|were|be|been)\s+|,\s*)(?:due(?:\s+(?:on|in|at|by))?|set\s+for|"
    r"fixed\s+for|listed\s+for|expected\s+(?:on|by|in))|"
    r"deadline\s+(?:of|is)|adjourned\s+(?:to|until)|"
    r"remanded\s+(?:to|until)|bailed\s+(?:to|until)|postponed\s+(?:to|until)|"
    r"put\s+back\s+(?:to|until)|deferred\s+(?:to|until))\s+(?:on\s+)?(?:the\s+)?$", re.IGNORECASE)
COURT_LEAD = re.compile(r"\b(?:adjourned|remanded|bailed|postponed|deferred|put\s+back|set|scheduled|due)\b[^.;]*$",
                        re.IGNORECASE)
PLACE_AFTER = re.compile(r"[ \t]+(?:Avenue|Ave|Street|St|Road|Rd|Lane|Drive|Boulevard|Blvd|Place|Way|Court|"
                         r"Close|Crescent|Square|Park|Hill|Gardens|Terrace|Bridge)\b")
TEMPORAL_PREP = re.compile(r"\b(?:on|at|over|since|until|till|by|before|after|during)\s+$", re.IGNORECASE)
SET_LEAD = re.compile(r"\b(?:every|each)\s+(?:other\s+)?$", re.IGNORECASE)
NAME_HEADS = {"prayers", "prayer", "mass", "school", "roast", "best", "paper", "papers", "newspaper", "supplement", "league",
              "service", "services", "trading", "club", "market"}


@dataclass
class Publication:
    """The article's own publication line: where it is and what it says."""

    start: int
    end: int
    day: date
    time: Optional[time]
    mention: Mention


def find_publication(text: str) -> Optional[Publication]:
    """The publication line in the first lines of the article, if it states a full date.

    The date is the whole stamp ("Sat 6 Jan 2024 09.12 AEDT", "2023-06-21T22:32:00Z"), follows a
    stamp prefix ("Posted: Mar 14, 2024", "Last updated: 09:30, 12 Feb 2024"), an outlet or
    byline and a separator ("Northfield Gazette | June 21, 2023", "By Jane Roe · 3 May 2021,
    14:05", "Riverside Herald - Published 4 March 2022"), or opens a dateline ("LONDON, 3 May
    2021 -"). The mentions are those of the whole text, so the stamp is the very mention that
    :func:`resolve_mentions` meets (a clock before the date, "09:30, 12 Feb 2024", included).
    """
    mentions = tag(text)
    offset = 0
    seen = 0
    for line in text.splitlines(keepends=True):
        line_start = offset
        offset += len(line)
        if not line.strip():
            continue
        seen += 1
        if seen > PUBLICATION_LINES:
            break
        line_end = line_start + len(line.rstrip("\r\n"))
        for mention in mentions:
            if mention.start < line_start or mention.start >= line_end:
                continue
            e = mention.expr
            if e.year is None or e.month is None or e.day is None:
                continue
            before = text[line_start:mention.start]
            after = text[mention.end:line_end]
            if not _stamp_lead(before, after):
                continue
            if e.numeric_ambiguous and _locale_day_first(text, mentions):
                e = replace(e, month=e.day, day=e.month, numeric_ambiguous=False)  # "03/11/2021"
                mention = replace(mention, expr=e)
            try:
                day = date(e.year, e.month, e.day)
            except ValueError:
                continue
            clock = time(e.hour, e.minute or 0) if e.hour is not None and not e.midnight else None
            return Publication(mention.start, mention.end, day, clock, mention)
    return None


def _stamp_lead(before: str, after: str) -> bool:
    """What precedes a full date on its line makes it a publication stamp: nothing (then little
    may follow it), a stamp prefix, a dateline, or an outlet/byline and a separator."""
    if not re.search(r"\w", before):
        return len(re.sub(r"[^\w]", "", after)) <= 40
    if PUBLICATION_PREFIX.match(before) or DATELINE.match(before):
        return True
    lead = OUTLET_LEAD.match(before)
    if lead is None:
        return False
    rest = before[lead.end():]
    return bool(PUBLICATION_PREFIX.fullmatch(rest)) or \
        (not re.search(r"\w", rest) and len(re.sub(r"[^\w]", "", after)) <= 40)


def find_publication_date(text: str) -> Optional[date]:
    """The article's own publication date from its publication line, if it states one.

    >>> find_publication_date("Headline\\n\\nPublished: 11 February 2019\\n\\nText.")
    datetime.date(2019, 2, 11)
    """
    found = find_publication(text)
    return found.day if found else None


# ------------------------------------------------------------------ context from the parse

def _span(doc: Doc, start: int, end: int) -> Optional[Span]:
    return doc.char_span(start, end, alignment_mode="expand")


def governing_tense(span: Span) -> Tense:
    """past / present / future from the verb that governs the span (past when unsure)."""
    token = span.root
    verb = None
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            verb = token
            break
        if token.head is token:
            break
        token = token.head
    if verb is None:
        verb = span.sent.root if span.sent.root.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return "past"
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & {"will", "'ll", "shall", "wo", "’ll"}:
        return "future"
    if words & {"would", "'d", "’d"} and verb.tag_ == "VB":
        return "nearest"  # a future seen from the past: "said the road would reopen on Friday"
    planned = prospective_tense(verb)
    if planned is not None:
        return planned
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in aux):
        lead = verb.head
        # "is to appear", "are to meet"
        if lead.lemma_ == "be" and lead.tag_ in ("VBZ", "VBP"):
            return "future"
    if verb.tag_ == "VB" and not aux and verb.dep_ == "ROOT" and not any(c.dep_ == "nsubj" for c in verb.children):
        return "future"  # imperative: "Vote on November 3"
    if verb.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if verb.tag_ == "VBG" and verb.lower_ == "going" and any(a.lower_ in ("is", "are", "'s", "'re", "am") for a in aux):
        return "future"
    if verb.tag_ in ("VBZ", "VBP"):
        if any(form in vocab()["schedule_verbs"] for form in _base_forms(verb)):
            return "future"  # "the trial starts Monday": a timetable
        return "present"
    if verb.tag_ == "VB" and (aux or verb.dep_ == "xcomp"):
        # "bailed to appear on 6 November", "could face trial": no tense of its own; "present"
        # puts a yearless date at its nearest occurrence and a weekday in the past
        return "present"
    return "past"


BE_FORMS = {"be", "is", "are", "am", "was", "were", "been", "being", "'s", "'re", "’s", "’re"}
PAST_MARKS = {"was", "were", "had", "'d", "’d"}


def prospective_tense(verb) -> Optional[Tense]:
    """A plan or an expectation governs the date ("plan_words" in models/dates.json).

    "is due before magistrates on Friday", "are expected to reach the valley on Thursday", "a
    retrial is scheduled for March", "she hopes to rejoin the squad after Easter" -> future;
    the same seen from the past ("were expected to reach the valley on Thursday", "had been
    due to begin a course in October", "hoped to rejoin the squad after Easter") -> nearest:
    the plan may or may not have come to pass, so the
    occurrence nearest the reference date is taken. None when no plan word governs the verb.
    """
    plan_words = set(vocab().get("plan_words", []))
    lead = None
    if verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        lead = verb.head                        # "expected to reach", "hoped to rejoin"
    elif verb.lower_ in BE_FORMS or verb.lemma_ == "be":
        lead = next((c for c in verb.children if c.dep_ in ("acomp", "attr") and c.lower_ in plan_words), None)
    elif verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children) and \
            any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        lead = verb                             # "is scheduled for March", "was set for May"
    if lead is None or lead.lower_ not in plan_words:
        return None
    marks = [c for c in lead.children if c.dep_ in ("aux", "auxpass")]
    if lead.dep_ in ("acomp", "attr") and lead.head.pos_ in ("AUX", "VERB"):
        be = lead.head                          # "is due", "had been due"
        marks += [be] + [c for c in be.children if c.dep_ in ("aux", "auxpass")]
    if not marks and lead.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # no finite plan: "after going to look on Monday"
    marks.append(lead)
    if any(t.tag_ == "VBD" or t.lower_ in PAST_MARKS for t in marks):
        return "nearest"
    return "future"


def _ent_label(doc: Doc, start: int, end: int) -> Optional[str]:
    for ent in ents_overlapping(doc, start, end):  # bisection: Doc.ents is rebuilt per access
        return ent.label_
    return None


def _has_context(text: str, doc: Doc, mention: Mention) -> bool:
    """Bare years, months and seasons count only in a date-like context."""
    e = mention.expr
    left = text[max(0, mention.start - 25):mention.start]
    label = _ent_label(doc, mention.start, mention.end)
    if e.season:
        surface = text[mention.start:mention.end].lower()
        if surface.startswith("the "):  # "in the summer"
            left = left + "the "
        if surface.split()[-1] == "fall":
            return bool(FALL_LEAD.search(left))
        return bool(SEASON_LEAD.search(left))
    if label in BAD_ENT_LABELS:
        return False
    if e.month is not None:
        if MONTH_LEAD.search(left):
            return True
        if text[mention.start:mention.end] not in ("May", "March"):
            return label == "DATE"
        # "the May election", "the March protest": a month word before a noun, after "the"
        span = _span(doc, mention.start, mention.end)
        return label == "DATE" and re.search(r"\bthe\s+$", left, re.IGNORECASE) is not None \
            and span is not None and span.root.dep_ in ("compound", "amod") and span.root.head.pos_ == "NOUN"
    if e.year is not None:
        right = text[mention.end:mention.end + 30]
        if re.match(r"\s*(?:[A-Z][a-z]+\s+)*(?:Avenue|Street|Road|Ave|St|Rd|Lane|Drive|Boulevard|Blvd|Place|Way|Court)\b", right):
            return False  # a house number
        span = _span(doc, mention.start, mention.end)
        if span is not None and span.root.dep_ == "nummod" and span.root.head.i > span.root.i \
                and span.root.head.tag_ in ("NNS", "NNPS"):
            return False  # "2015 people" counts; "the 2017 attack" is a date
        if YEAR_LEAD.search(left) or re.search(r"\bthe\s+$", left, re.IGNORECASE):
            return True  # "in 2015", "the 2017 attack"
        if span is not None and span.root.dep_ == "nummod" and span.root.head.i > span.root.i:
            return False
        return label == "DATE"
    return True


def _locale_day_first(text: str, mentions: list[Mention]) -> bool:
    """True when numeric dates are day-first (British style) by the article's own cues."""
    dmy = sum(1 for m in mentions if m.rule.startswith("dmy"))
    mdy = sum(1 for m in mentions if m.rule.startswith("mdy"))
    if dmy != mdy:
        return dmy > mdy
    lower = text.lower()
    v = vocab()
    uk = sum(lower.count(w) for w in v["british_cues"])
    us = sum(lower.count(w) for w in v["american_cues"])
    return uk > us


def _caption_ranges(doc: Doc) -> list[tuple[int, int]]:
    if FURNITURE_KEY not in doc.spans:
        return []
    return [(s.start_char, s.end_char) for s in doc.spans[FURNITURE_KEY] if s.id_.startswith("caption")]


def _is_blocked_furniture(ctx, captions: list[tuple[int, int]], start: int, end: int) -> bool:
    """Page furniture yields no dates; photo captions do (they often date the event)."""
    if not ctx.is_furniture(start, end):
        return False
    return not any(s <= start and end <= e for s, e in captions)


# ------------------------------------------------------------------ extraction

def extract(doc: Doc, ctx) -> Iterator[DateFact]:
    """One DateFact per distinct date/time expression in the article, in text order."""
    resolved = list(resolve_mentions(doc, ctx))
    text = doc_text(doc)  # Doc.text is rebuilt from every token on each access
    _apply_appositions(text, resolved)
    seen: set[tuple[str, Optional[str]]] = set()
    for mention, value, typ in resolved:
        surface = text[mention.start:mention.end]
        key = (surface.lower(), value)
        if key in seen:
            continue
        seen.add(key)
        yield DateFact(text=surface, start=mention.start, end=mention.end, value=value, type=typ)


@dataclass
class DayAnchor:
    """A day-level date in the text that bare clock times and anaphors can hang on."""

    start: int
    day: date
    tense: Tense
    sentence: int          # start offset of its sentence
    paragraph: int         # index of its paragraph
    hour: Optional[int]    # its clock hour, or 21 for an evening/night, else None
    story_time: bool = False   # when the story was told, not when it happened ("said on Monday")
    parts: frozenset = frozenset()   # the parts of day it names ("Sunday night" -> {"EV"}), if any


def parts_of_day(hour: Optional[int], daypart: Optional[str]) -> frozenset:
    """The parts of day a clock hour or a daypart falls in: MO, AF, EV (evening and night are
    one part here: "Sunday night" covers "10.15pm"); the small hours belong to both the night
    before and the morning ("early Friday morning ... 3.10am")."""
    if daypart:
        return frozenset({"EV"} if daypart in ("EV", "NI") else {daypart})
    if hour is None:
        return frozenset()
    if hour < 5:
        return frozenset({"EV", "MO"})
    if hour < 12:
        return frozenset({"MO"})
    if hour < 17:
        return frozenset({"AF"})
    return frozenset({"EV"})


def resolve_mentions(doc: Doc, ctx) -> Iterator[tuple[Mention, Optional[str], str]]:
    """Every kept mention with its value and type, in text order (repeats included).

    Dates are resolved in text order; bare clock times and anaphors ("the next day") are
    resolved after, when every day-level date of the article is known (see :func:`clock_anchor`).
    """
    text = doc_text(doc)
    ref: Optional[date] = ctx.reference_date
    publication = find_publication(text)
    ref_time = publication.time if publication and publication.day == ref else None
    mentions = tag(text)
    day_first = _locale_day_first(text, mentions)
    captions = _caption_ranges(doc)
    paragraphs = _paragraph_starts(text)

    day_anchors: list[DayAnchor] = []                   # day-level dates, in text order
    year_anchors: list[tuple[int, int]] = []            # (position, year) of explicit dates
    last_weekday: dict[int, date] = {}                  # "last Monday" -> later "Monday"
    month_days: dict[tuple, date] = {}                  # a repeated "March 8" keeps its year
    done: list[Optional[tuple[Mention, Optional[str], str]]] = []
    deferred: list[tuple[int, Mention, Tense, Optional[Span]]] = []
    for mention in mentions:
        e = mention.expr
        is_publication = publication is not None and mention.start == publication.start
        if not is_publication and _is_blocked_furniture(ctx, captions, mention.start, mention.end):
            continue
        if mention.needs_context and not _has_context(text, doc, mention):
            continue
        if SET_LEAD.search(text[max(0, mention.start - 12):mention.start]):
            continue  # "every Monday", "each June": a set, not a date
        span = _span(doc, mention.start, mention.end)
        if mention.rule in ("weekday", "month", "holiday") and _is_name_part(doc, span, mention):
            continue
        if mention.rule == "overnight" and not _is_adverbial(span):
            continue
        tense: Tense = governing_tense(span) if span is not None else "past"
        lead = text[max(0, mention.start - 40):mention.start]
        cue = bool(UNTIL_LEAD.search(lead))
        if e.weekday is not None and e.rel is None and tense in ("past", "present") and cue and \
                (tense == "present" or COURT_LEAD.search(lead)):
            tense = "future"  # "has until Friday", "remanded until Monday"
        if (e.anchored or e.is_clock_only) and not is_publication:
            deferred.append((len(done), mention, tense, span))
            done.append((mention, None, "TIME" if e.has_time else "DATE"))
            continue
        anchor_year = None
        month_day = (e.month, e.day) if e.month is not None and e.year is None and e.rel is None else None
        if month_day is not None:
            near = [y for pos, y in year_anchors if mention.start - pos <= ANCHOR_YEAR_CHARS]
            if near and tense == "past" and not cue:
                anchor_year = near[-1]  # a narrative about a dated event keeps its year
            if anchor_year is None and e.day is not None and tense in ("past", "present") and ref is not None and cue:
                tense = _nearest_tense(e.month, e.day, ref)
            elif anchor_year is None and e.day is None and tense in ("past", "present") and cue:
                tense = "nearest"  # "by March", "due in September"
        if is_publication:
            value, typ = resolve(e, None, day_first=day_first)
        elif month_day is not None and month_day in month_days:
            value, typ = (_day_value(month_days[month_day], e) if e.day is not None
                          else (month_days[month_day].isoformat()[:7], "DATE"))
        elif e.weekday is not None and e.rel is None and e.weekday in last_weekday and tense != "future":
            value, typ = _day_value(last_weekday[e.weekday], e)
        else:
            value, typ = resolve(e, ref, tense=tense, ref_time=ref_time,
                                 day_first=day_first, anchor_year=anchor_year)
        # remember what later mentions hang on
        day = _value_day(value)
        if day is not None and not is_publication and e.is_day_level and not _on_stamp_line(text, mention.start):
            sentence = span.sent.start_char if span is not None else mention.start
            hour = e.hour if e.hour is not None else 21 if e.daypart in ("EV", "NI") else None
            if tense == "nearest":
                tense = "future" if ref is not None and day > ref else "past"
            day_anchors.append(DayAnchor(mention.start, day, tense, sentence,
                                         _paragraph_of(paragraphs, mention.start), hour,
                                         _is_story_time(span), parts_of_day(e.hour, e.daypart)))
        if month_day is not None and month_day not in month_days and value and value[:4].isdigit():
            month_days[month_day] = date(int(value[:4]), e.month, e.day or 1)
        if e.explicit_year and e.month is not None and not is_publication:
            year_anchors.append((mention.start, e.year))
        if e.weekday is not None and e.rel == "last" and day is not None:
            last_weekday[e.weekday] = day
        done.append((mention, value, typ))

    main_event = main_event_day(day_anchors)
    for index, mention, tense, span in deferred:
        e = mention.expr
        sentence = span.sent.start_char if span is not None else mention.start
        where = (mention.start, sentence, _paragraph_of(paragraphs, mention.start))
        if e.is_clock_only:
            found = clock_anchor(day_anchors, where, tense, main_event, parts_of_day(e.hour, None))
            anchor = found.day if found is not None else None
            if found is not None and found.hour is not None and found.start < mention.start \
                    and e.hour is not None and e.hour < 6 and found.hour >= 18 and not e.midnight:
                anchor = found.day + timedelta(days=1)   # "at 11.45pm on Friday ... at 1am"
        else:
            found = anaphor_anchor(day_anchors, where, tense, main_event, _is_pluperfect(span))
            anchor = found.day if found is not None else None
            if anchor is None:
                if not _has_apposition(text, mention, mentions):
                    done[index] = None  # "the next morning" with nothing to count from
                    continue
                anchor = ref  # replaced by the stated date (_apply_appositions)
        value, typ = resolve(e, ref, tense=tense, anchor=anchor, ref_time=ref_time, day_first=day_first)
        done[index] = (mention, value, typ)
    for item in done:
        if item is not None:
            mention, value, typ = item
            yield mention, value, _type_of(value, typ)


def _on_stamp_line(text: str, pos: int) -> bool:
    """The position is on a "Published: ..." / "Updated: ..." line (a second stamp)."""
    line_start = text.rfind("\n", 0, pos) + 1
    return bool(PUBLICATION_PREFIX.match(text[line_start:pos]))


def _type_of(value: Optional[str], typ: str) -> str:
    """TIME when the value has a time part ("2022-08-18T14:30", "2022-08-16TNI"), else DATE."""
    if value is None:
        return typ
    return "TIME" if re.search(r"\dT", value) else "DATE"


def main_event_day(anchors: list["DayAnchor"]) -> Optional["DayAnchor"]:
    """The story's main event day: its first day-level date in the past tense.

    News leads with the event ("were stabbed early on Saturday"); later paragraphs move on to
    court dates and appeals. Dates of the telling ("told the court on Monday", "police said
    today") are passed over when another past date exists.
    """
    for anchor in anchors:
        if anchor.tense == "past" and not anchor.story_time:
            return anchor
    for anchor in anchors:
        if anchor.tense == "past":
            return anchor
    for anchor in anchors:
        if anchor.tense != "future":
            return anchor
    return None


def clock_anchor(anchors: list["DayAnchor"], where: tuple[int, int, int], tense: Tense,
                 main_event: Optional["DayAnchor"], parts: frozenset = frozenset()) -> Optional["DayAnchor"]:
    """The day a bare clock time belongs to.

    ``where`` is (position, sentence start, paragraph index) of the clock time, ``parts`` its
    parts of day (:func:`parts_of_day`). A day in the same sentence wins (the nearest before
    it, else the first after it); then the nearest earlier day in the same paragraph; then the
    nearest earlier event day that names the same part of day ("robbed on Sunday night" ...
    "remained in hospital on Tuesday" ... "at about 10.15pm" -> Sunday) unless a day named
    since then is earlier than it (a flashback: the nearest day wins); then the nearest
    earlier day that dates an event, not the telling of the story ("told the court on
    Monday"); then the story's main event day. A future-tense date anchors only a
    future-tense time. None: the reference day decides.
    """
    pos, sentence, paragraph = where
    usable = [a for a in anchors if tense == "future" or a.tense != "future"]
    same_sentence = [a for a in anchors if a.sentence == sentence]
    before = [a for a in same_sentence if a.start < pos]
    if before:
        return before[-1]
    after = [a for a in same_sentence if not a.story_time]
    if after:
        return after[0]  # "at 2am on what police said was a quiet Saturday"
    same_paragraph = [a for a in usable if a.paragraph == paragraph and a.start < pos]
    if same_paragraph:
        return same_paragraph[-1]
    if tense == "future":
        future = [a for a in usable if a.start < pos and a.tense == "future"]
        return future[-1] if future else None
    earlier = [a for a in usable if a.start < pos and not a.story_time]
    timed = [a for a in earlier if a.parts & parts]
    if timed and timed[-1].day <= earlier[-1].day:
        # the days named since then are later (a hospital update, a court date): the time
        # goes back to the event; an earlier day named since then is a flashback and wins
        return timed[-1]
    return earlier[-1] if earlier else main_event


def anaphor_anchor(anchors: list["DayAnchor"], where: tuple[int, int, int], tense: Tense,
                   main_event: Optional["DayAnchor"], pluperfect: bool = False) -> Optional["DayAnchor"]:
    """The day "the next morning", "the following week", "the previous evening" counts from.

    The nearest earlier day in the same sentence or paragraph; else, in a past-perfect clause
    ("had been at a party since the previous evening"), the story's main event day, which the
    past perfect looks back from; else the nearest earlier day that is not a future date
    ("will be sentenced on 30 August") unless the anaphor is itself in the future.
    """
    pos, sentence, paragraph = where
    earlier = [a for a in anchors if a.start < pos]
    near = [a for a in earlier if a.sentence == sentence or a.paragraph == paragraph]
    if near:
        return near[-1]
    if pluperfect and main_event is not None and main_event.start < pos:
        return main_event
    usable = [a for a in earlier if tense == "future" or a.tense != "future"]
    if usable:
        return usable[-1]
    return earlier[-1] if earlier else None


def _is_pluperfect(span: Optional[Span]) -> bool:
    """The span hangs on a verb in the past perfect: "had been at a party since ...", "had left"."""
    if span is None:
        return False
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod" and not (span.start <= token.i < span.end):
            return any(c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for c in token.children)
        if token.head is token:
            break
        token = token.head
    return False


def _base_forms(token) -> set[str]:
    """The word and its likely base forms (the pipeline has no lemmatizer): "announced" ->
    {"announced", "announce", "announc"}; irregular forms are listed in the lexicon."""
    word = token.lower_
    forms = {word, token.lemma_.lower()}
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.add(word[: -len(suffix)] + repl)
    return forms


def _is_story_time(span: Optional[Span]) -> bool:
    """The date is governed by a word of telling or of court procedure ("said", "appeared",
    "hearing"): it dates the news, not the event."""
    if span is None:
        return False
    words = set(vocab().get("story_words", []))
    token = span.root
    for _ in range(6):
        if token.i < span.start or token.i >= span.end:
            if any(form in words for form in _base_forms(token)):
                return True
            if token.pos_ in ("VERB", "AUX"):
                return False
        if token.head is token:
            break
        token = token.head
    return False


def _paragraph_starts(text: str) -> list[int]:
    """Start offsets of the paragraphs (blocks separated by a blank line, or single lines)."""
    starts = [0]
    for m in re.finditer(r"\n\s*", text):
        starts.append(m.end())
    return starts


def _paragraph_of(starts: list[int], pos: int) -> int:
    from bisect import bisect_right
    return bisect_right(starts, pos) - 1


def _is_adverbial(span: Optional[Span]) -> bool:
    """"shot overnight" is a time; "an overnight stay", "overnight rain" are not."""
    if span is None:
        return False
    root = span.root
    return root.dep_ not in ("amod", "compound", "nmod") and not (root.i + 1 < len(root.doc) and root.nbor().pos_ == "NOUN")


APPOSITION_GAP = re.compile(r"^\s*(?:[-–—,(]|on)\s*$")


def _has_apposition(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    following = [m for m in mentions if m.start >= mention.end]
    return bool(following) and bool(APPOSITION_GAP.match(text[mention.end:following[0].start]))


def _apply_appositions(text: str, resolved: list[tuple[Mention, Optional[str], str]]) -> None:
    """"the evening before - March 8 -": the anaphor takes the stated date."""
    for i in range(len(resolved) - 1):
        mention, _, typ = resolved[i]
        other, other_value, _ = resolved[i + 1]
        if not mention.expr.anchored or not APPOSITION_GAP.match(text[mention.end:other.start]):
            continue
        day = _value_day(other_value)
        if day is None or not other.expr.is_day_level or other.expr.anchored:
            continue
        value, typ = _day_value(day, replace(mention.expr, midnight=False))
        resolved[i] = (mention, value, typ)


def _nearest_tense(month: int, day: int, ref: date) -> Tense:
    """past or future: whichever occurrence of month/day lies nearer to ref."""
    try:
        this = date(ref.year, month, day)
    except ValueError:
        return "past"
    if this >= ref:
        return "future" if (this - ref).days <= 183 else "past"
    return "past" if (ref - this).days <= 183 else "future"


def _is_name_part(doc: Doc, span: Optional[Span], mention: Mention) -> bool:
    """"Sunday Times", "April Jones", "a Halloween prank": a day or month word inside a name."""
    text = doc_text(doc)  # Doc.text and Doc.ents are rebuilt on each access: cached per Doc
    if PLACE_AFTER.match(text, mention.end):
        return True  # "May Street", "Sunday Lane"
    for ent in ents_overlapping(doc, mention.start, mention.end):
        if not (ent.start_char < mention.end and mention.start < ent.end_char):
            continue
        if ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"):
            continue
        extra = (text[ent.start_char:mention.start] + " " + text[mention.end:ent.end_char]).lower()
        if re.sub(r"\b(?:the|a|an|'s|’s)\b|[^\w]", "", extra):
            if ent.start_char >= mention.start and TEMPORAL_PREP.search(text[max(0, mention.start - 8):mention.start]):
                continue  # "On Easter Sunday Smith visited": the tagger ran the name on
            return True   # "the Good Friday Agreement", "the Sunday Times", "April Jones"
        if mention.rule == "holiday" and TEMPORAL_PREP.search(text[max(0, mention.start - 8):mention.start]):
            continue  # "after Easter" (tagged PERSON): a holiday after a preposition is a date
        if ent.label_ in ("ORG", "PERSON", "WORK_OF_ART", "PRODUCT") or (
                ent.label_ == "FAC" and mention.rule != "holiday"):
            return True   # the whole mention is a name: "May" (Theresa May)
    if mention.rule == "holiday" and re.search(r"\b(?:the|a|an)\s+$", text[max(0, mention.start - 5):mention.start],
                                                re.IGNORECASE) and _name_follows(doc, mention.end):
        return True
    if span is not None and len(span) == 1 and span.root.dep_ == "compound" and span.root.head.i > span.root.i \
            and span.root.head.pos_ == "NOUN":
        # "a Saturday argument" is a date; "a Halloween prank", "Sunday school" are not
        head = span.root.head.lower_
        return mention.rule == "holiday" or head in NAME_HEADS
    return False


DATE_WORDS = re.compile(r"(?:morning|afternoon|evening|night|day|eve|weekend|week|bank|holidays?|period|break|"
                        r"season|and|or|at|on|in|"
                        r"to|through|from|the|[A-Z][a-z]+day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
                        re.IGNORECASE)


def _name_follows(doc: Doc, end: int) -> bool:
    """A capitalised non-date word right after a holiday outside a title-case line: "the Good
    Friday Agreement", "the Easter Rising". The caller asks for "the" before the holiday
    ("On Easter Sunday Smith said" is a date)."""
    text = doc_text(doc)
    m = re.match(r"[ \t]+([A-Z][a-z]+)", text[end:end + 30])
    if m is None or DATE_WORDS.fullmatch(m.group(1)):
        return False
    line_start = text.rfind("\n", 0, end) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    long_words = [w for w in re.findall(r"[A-Za-z]+", line) if len(w) > 3]
    title_case = len(long_words) >= 5 and sum(w[0].isupper() for w in long_words) / len(long_words) > 0.6
    return not title_case


def _value_day(value: Optional[str]) -> Optional[date]:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
