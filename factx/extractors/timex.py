"""Find date and time expressions in plain text and normalise them to TIMEX3 values.

This module knows nothing about spaCy: it is a regex grammar over the text (vocabulary in
``models/dates.json``) plus a resolver, so it can be tested on bare strings.

    >>> from datetime import date
    >>> normalise("last December", date(2022, 8, 18))
    ('2021-12', 'DATE')
    >>> normalise("7:15 p.m. on Wednesday", date(2017, 5, 12))
    ('2017-05-10T19:15', 'TIME')
    >>> normalise("Tuesday night", date(2023, 3, 7))   # the night of the publication day is still to come
    ('2023-02-28TNI', 'TIME')
    >>> normalise("Thursday", date(2023, 10, 3), tense="nearest")   # "were expected to reach ... on Thursday"
    ('2023-10-05', 'DATE')
    >>> normalise("the 1990s", None)
    ('199X', 'DATE')
    >>> normalise("yesterday", None)                    # relative and no reference date
    (None, 'DATE')

Pieces:

- :func:`tag` scans a text and returns :class:`Mention` objects (character offsets plus a
  parsed :class:`Expr`); compound expressions are merged ("7:15 p.m." + "on" + "Wednesday").
- :func:`resolve` turns an :class:`Expr` into a value, given the reference date, the tense of
  the governing verb (``past`` / ``present`` / ``future``) and, for anaphoric expressions
  ("the next morning") or bare clock times, an anchor date.
- :func:`normalise` does both for one whole expression.

Also: "the 90s" / "the 21st century" (``20``), "FY2021", "H1 2021", "Q3", "third-quarter",
"late last year", "the end of the month", "overnight", "two weeks from now".

Known limits: no durations or sets (by design); "dawn"/"dusk" are not tagged; ordinal-word days ("the third of May"),
"o'clock" times, time zones are kept in the span but not converted; winter is labelled by
the year of its December; "midnight" is the end of the day it belongs to (next day T00:00).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from functools import lru_cache
from typing import Literal, Optional

from ..rules import load_json
from .rxguard import first_char_guard

# "nearest": the occurrence nearest the reference date, either way (a future in the past:
# "were expected to reach the valley on Thursday", "had been due to begin a course in October")
Tense = Literal["past", "present", "future", "nearest"]

DAY_UNITS = ("day",)


# ------------------------------------------------------------------ vocabulary

@lru_cache(maxsize=None)
def vocab() -> dict:
    """The dates vocabulary (models/dates.json)."""
    return load_json("dates.json")


def _alternation(words, plural: bool = False) -> str:
    items = sorted({w for w in words if not w.startswith("_")}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


# ------------------------------------------------------------------ parsed expressions

@dataclass
class Expr:
    """What an expression says, before it is resolved against a reference date."""

    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    decade: Optional[int] = None        # 199 for "the 1990s"
    century: Optional[int] = None       # 19 for "the 1900s"
    season: Optional[str] = None        # SP SU FA WI
    quarter: Optional[int] = None
    weekday: Optional[int] = None       # 0 = Monday
    holiday: Optional[str] = None
    weekend: bool = False               # "the weekend", "Labor Day weekend"
    rel: Optional[str] = None           # last / this / next for weekdays, months, seasons, units
    unit: Optional[str] = None          # day week month year decade quarter (with offset)
    offset: int = 0
    anchored: bool = False              # counts from an anchor date ("the next morning")
    special: Optional[str] = None       # PRESENT_REF PAST_REF FUTURE_REF
    hour: Optional[int] = None
    minute: Optional[int] = None
    daypart: Optional[str] = None       # MO AF EV NI
    midnight: bool = False
    explicit_year: bool = False         # the text states the year itself
    year_rel: Optional[int] = None      # "April 24 last year": -1
    numeric_ambiguous: bool = False     # "03/04/2021": month and day may swap by locale
    half: Optional[int] = None          # 1 or 2: "the first half of 2021" -> 2021-H1
    fiscal: bool = False                # "FY2021", "fiscal 2021" -> FY2021
    overnight: bool = False             # "overnight": last night, or tonight in the future
    keep_unit: bool = False             # "the following week" stays a week (not a day) when anchored

    @property
    def is_clock_only(self) -> bool:
        """A bare clock time: "8.10pm", "noon"."""
        return self.hour is not None and self.date_kind() is None

    def date_kind(self) -> Optional[str]:
        """What the date part is: 'day', 'week', 'month', ... or None for a bare clock time."""
        if self.special:
            return "special"
        if self.weekend:
            return "weekend"
        if self.day is not None or self.weekday is not None or self.holiday:
            return "day"
        if self.unit:
            return self.unit
        if self.month is not None:
            return "month"
        if self.season:
            return "season"
        if self.quarter:
            return "quarter"
        if self.half:
            return "half"
        if self.year is not None:
            return "year"
        if self.decade is not None:
            return "decade"
        if self.century is not None:
            return "century"
        if self.daypart and self.hour is None:
            return "day"  # "that night"-like dayparts alone are anchored by the caller
        return None

    @property
    def is_day_level(self) -> bool:
        return self.date_kind() == "day"

    @property
    def has_time(self) -> bool:
        return self.hour is not None or self.daypart is not None


@dataclass
class Mention:
    """One expression found in a text: ``text[start:end]`` and what it says."""

    start: int
    end: int
    expr: Expr
    rule: str
    needs_context: bool = False   # a bare year/month/season: keep only with supporting context
    parts: list = field(default_factory=list)


# ------------------------------------------------------------------ the grammar

def _num(word: str) -> Optional[float]:
    word = re.sub(r"\s+", " ", word.lower().strip())
    if word.isdigit():
        return int(word)
    numbers = vocab()["numbers"]
    if word in numbers:
        return numbers[word]
    if "-" in word:  # twenty-one
        a, _, b = word.partition("-")
        if a in numbers and b in numbers:
            return numbers[a] + numbers[b]
    return None


@lru_cache(maxsize=None)
def _grammar() -> list[tuple[str, re.Pattern]]:
    v = vocab()
    full_months = [m for m in v["months"] if len(m) > 4 or m in ("may", "june", "july")]
    short_months = [m for m in v["months"] if m not in full_months]
    month = rf"(?P<month>{_alternation(full_months)}|(?:{_alternation(short_months)})\.?)"
    wd = rf"(?P<wd>{_alternation(v['weekdays'])})"
    dp = r"(?P<dp>morning|afternoon|evening|night|overnight)"
    season = rf"(?P<season>{_alternation(v['seasons'])})"
    year = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d-]|[./]\d)"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
    wday_opt = rf"(?:{wd},?\s+)?"
    nums = _alternation(list(v["numbers"]) + ["twenty-\\w+"])
    tz = rf"(?:\s*\(?(?P<tz>{_alternation(v['timezones'])})\)?(?![a-z]))?"
    holiday = rf"(?P<hol>{_alternation(v['holidays'])})"
    ampm = r"(?P<ap>a\.\s?m\.|p\.\s?m\.|am|pm|a\.m|p\.m)(?![a-z])"
    rel = r"(?P<rel>last|next|this|coming|past)"
    g = [
        ("iso", rf"(?<![\d/.-])(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])"),
        # an ISO 8601 timestamp, as on a stamp line: "2023-06-21T22:32:00Z", "2023-06-21T22:32+01:00"
        ("iso", rf"(?<![\d/.-])(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)[T ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)"
                r"(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][01]\d:?[0-5]\d)?(?![\d:])"),
        ("numeric", r"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])"),
        ("dmy", rf"(?<![\d.:])(?:{wd},?\s+)?(?:the\s+)?{day}(?:\s+of)?\s+{month}(?:,?\s+{year})?"),
        ("mdy", rf"(?:{wd},?\s+)?{month}\s+(?:the\s+)?{day}(?:,?\s+{year})?"),
        ("my", rf"(?:(?P<mod>early|late|mid-?|the\s+(?:end|start|beginning|middle)\s+of)\s*)?{month},?\s+(?:of\s+)?{year}"),
        ("month", rf"(?:(?P<rel>last|next|this|early|late|mid-?|the\s+(?:end|start|beginning|middle)\s+of)\s*)?{month}(?![\w-])"),
        ("decade", r"(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<dec>(?:1[0-9]|20)\d0)'?s(?![\w])"),
        ("decade2", r"(?:the\s+)?(?:(?:early|late|mid-?)\s*)?['‘’](?P<d2>\d0)s(?![\w])"),
        ("decade2", r"the\s+(?:(?:early|late|mid-?)\s*)?(?P<d2>\d0)s(?![\w'’-])"),   # "the 90s"
        ("century", rf"the\s+(?:(?:early|late|mid-?)\s*)?(?P<cent>(?:1\d|2[0-2]|[1-9])(?:st|nd|rd|th)|{_alternation(v['ordinals'])})[\s-]+century(?![\w])"),
        ("fiscal", r"(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<fy>(?:19|20)\d\d|['‘’]?\d\d)(?![\w/-])"),
        ("fiscal", r"the\s+(?P<fy>(?:19|20)\d\d)\s+fiscal\s+year(?![\w])"),
        ("half", rf"(?:the\s+)?(?P<hw>first|second)\s+half\s+of\s+(?:{year}|(?P<hrel>the|this|last|next)\s+year(?![\w]))"),
        ("half", rf"(?<![\w])H(?P<h>[12])\s+{year}"),
        ("quarter", rf"Q(?P<q>[1-4])\s+{year}"),
        ("quarter", rf"the\s+(?P<qw>first|second|third|fourth|final|last)\s+quarter\s+of\s+{year}"),
        ("quarter", rf"(?:Q(?P<q>[1-4])|(?P<qw>first|second|third|fourth)-quarter)(?:\s+(?:of\s+)?{year})?(?![\w])"),
        ("quarter_bare", r"the\s+(?P<qw>first|second|third|fourth)\s+quarter(?![\w])"),
        ("quarter_rel", rf"{rel}\s+quarter(?![\w])"),
        ("season", rf"(?:(?P<rel>last|next|this|early|late|mid-?|the)\s*)?{season}(?:\s+(?:of\s+)?{year})?(?![\w])"),
        ("year", rf"(?:(?P<mod>early|late|mid-|mid|the\s+(?:end|start|beginning|middle)\s+of)\s*|(?<![\w$£€#.,/-])){year}(?!\s*-?\s*(?:years?|yr)\b)"),
        ("holiday", rf"(?:{rel}\s+)?{holiday}(?:\s+(?P<year>(?:19|20)\d\d))?(?:\s+(?P<wk>weekend))?(?![\w])"),
        ("weekday", rf"(?:(?P<ov>overnight)\s+(?:on\s+)?|(?P<rel>last|next|this|coming|past)\s+)?{wd}(?:\s+{dp})?(?![\w])"),
        ("reldays", rf"(?:(?P<mod>earlier|later|late|early)\s+)?(?P<w>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)(?:\s+{dp})?(?![\w])"),
        ("daybefore", r"the\s+day\s+(?P<w>before\s+yesterday|after\s+tomorrow)(?![\w])"),
        ("relunit", rf"(?:(?P<mod>earlier|later|early|late|mid)[\s-]+)?(?P<rel>last|this|next)\s+(?P<unit>week|month|year|decade|century)(?![\w])"),
        ("unitpart", r"the\s+(?:very\s+)?(?P<pos>end|start|beginning|middle|close)\s+of\s+(?P<rel>the|this|last|next)\s+(?P<unit>week|month|year|decade|century)(?![\w])"),
        ("overnight", r"overnight(?![\w-])"),
        ("weekend", r"(?:(?P<rel>the|this|last|next)\s+)weekend(?![\w])"),
        ("ago", rf"(?<![\d,.])(?P<n>\d+|{nums})\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>ago|earlier|later|from\s+now)(?![\w])"),
        ("anchored", r"the\s+(?P<dir>next|following|previous)\s+(?P<what>day|morning|afternoon|evening|night|week|month|year)(?![\w])"),
        ("anchored_before", r"the\s+(?P<what>day|night|morning|evening)\s+before(?![\w])"),
        ("present_ref", rf"(?P<ph>{_alternation(v['present_ref'])})(?![\w])"),
        ("past_ref", rf"(?P<ph>{_alternation(v['past_ref'])})(?![\w])"),
        ("future_ref", rf"(?P<ph>{_alternation(v['future_ref'])})(?![\w])"),
        ("clock", rf"(?:(?P<mod>(?:just|shortly|right|some\s+time)\s+(?:before|after))\s+)?(?<![\d.:,$£])(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s?{ampm}{tz}"),
        ("clock24", rf"(?:(?P<mod>(?:just|shortly|right)\s+(?:before|after))\s+)?(?<![\d.:,$£])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:]){tz}(?:\s+(?P<suf>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?"),
        # "09.12 AEDT" right after a dated stamp ("Sat 6 Jan 2024 09.12 AEDT"): a dotted 24-hour
        # clock needs the year just before it and a time zone or the end of the line after it
        ("clock24", rf"(?<=(?:19|20)\d\d )(?P<h>[01]\d|2[0-3])\.(?P<m>[0-5]\d)(?=[ \t]*(?:\(?(?:{_alternation(v['timezones'])})\)?(?![a-z])|\r?\n|$))(?P<dot>){tz}"),
        ("noon", r"(?:(?P<mod>(?:just|shortly|right)\s+(?:before|after))\s+)?(?P<w>noon|midday|midnight)(?![\w])"),
        ("daypart_of", rf"(?:the\s+)?(?P<dp>morning|afternoon|evening|night)\s+of(?=\s)"),
    ]
    # the guard skips positions no match can start at (same matches, about half the time)
    return [(name, re.compile(first_char_guard(rx, re.IGNORECASE), re.IGNORECASE)) for name, rx in g]


# Capitalisation matters for month and day names ("may", "march", "sun" are words too).
def _capitalised(word: Optional[str]) -> bool:
    return bool(word) and word[0].isupper()


def _build(name: str, m: re.Match, text: str) -> Optional[Mention]:
    v = vocab()
    gd = m.groupdict()
    e = Expr()
    needs_context = False
    month_word = gd.get("month")
    if month_word is not None:
        if not _capitalised(month_word):
            return None
        key = month_word.lower().rstrip(".")
        if len(key) <= 4 and key not in ("june", "july") and not (month_word[:3].istitle() or month_word.isupper()):
            return None
        e.month = v["months"][key]
    wd_word = gd.get("wd")
    if wd_word is not None:
        if not _capitalised(wd_word):
            return None
        key = wd_word.lower()
        if len(key) <= 3 and name != "dmy" and name != "mdy":  # "Sun", "Sat", "Wed" alone are too ambiguous
            return None
        e.weekday = v["weekdays"][key]
    if gd.get("year"):
        e.year = int(gd["year"])
        e.explicit_year = True
    if gd.get("dp"):
        e.daypart = v["dayparts"].get(gd["dp"].lower(), "NI")
    if name == "iso":
        e.month, e.day = int(gd["m"]), int(gd["d"])
        if gd.get("h") is not None:
            e.hour, e.minute = int(gd["h"]), int(gd["mi"])
    elif name == "numeric":
        a, b, y = int(gd["a"]), int(gd["b"]), gd["y"]
        e.year = int(y) if len(y) == 4 else 2000 + int(y) if int(y) < 50 else 1900 + int(y)
        e.explicit_year = True
        if a > 12 and b <= 12:
            e.day, e.month = a, b
        elif b > 12 and a <= 12:
            e.month, e.day = a, b
        elif a <= 12 and b <= 12 and gd["sep"] == ".":
            e.day, e.month = a, b  # "05.11.2022": the dotted form is European, day first
        elif a <= 12 and b <= 12:
            e.month, e.day = a, b  # month-first until the locale says otherwise
            e.numeric_ambiguous = a != b
        else:
            return None
        if gd["sep"] == "." and len(y) == 2:
            return None  # "3.30.15" is more likely a score or a version
    elif name in ("dmy", "mdy"):
        e.day = int(gd["day"])
        if not 1 <= e.day <= 31:
            return None
        if name == "mdy" and e.year is None and e.month == 5 and month_word == "May":
            # "May 5" is a date, but "may 2 people" is not: the capital and the number suffice
            pass
    elif name == "my":
        pass
    elif name == "month":
        modword = (gd.get("rel") or "").lower()
        if modword in ("last", "next", "this"):
            e.rel = modword
        else:
            needs_context = not modword
        if month_word in ("May", "March") and not modword:
            needs_context = True
    elif name == "decade":
        dec = int(gd["dec"])
        if dec % 100 == 0 and dec < 2000:
            e.century = dec // 100
        else:
            e.decade = dec // 10
    elif name == "decade2":
        d2 = int(gd["d2"])
        e.decade = (190 if d2 >= 30 else 200) + d2 // 10
    elif name == "century":
        word = gd["cent"].lower()
        n = int(re.match(r"\d+", word).group()) if word[0].isdigit() else v["ordinals"].get(word, 0)
        if not 1 <= n <= 22:
            return None
        e.century = n - 1
    elif name == "fiscal":
        fy = gd["fy"].lstrip("'‘’")
        e.year = int(fy) if len(fy) == 4 else 2000 + int(fy) if int(fy) < 50 else 1900 + int(fy)
        e.fiscal = e.explicit_year = True
    elif name == "half":
        if gd.get("h"):
            e.half = int(gd["h"])
        else:
            e.half = 1 if gd["hw"].lower() == "first" else 2
            r = (gd.get("hrel") or "").lower()
            if r:
                e.unit, e.offset = "half", {"the": 0, "this": 0, "last": -1, "next": 1}[r]
    elif name == "quarter_bare":
        if re.match(r"\s+of\s+(?:the|a|an|this|that|its|his|her|their)\b", text[m.end():m.end() + 12], re.IGNORECASE):
            return None  # "the third quarter of the game"
        e.quarter = {"first": 1, "second": 2, "third": 3, "fourth": 4}[gd["qw"].lower()]
    elif name in ("quarter", "quarter_rel"):
        if gd.get("q") and not m.group(0).startswith("Q"):
            return None  # "q3" is too loose
        if gd.get("q"):
            e.quarter = int(gd["q"])
        elif gd.get("qw"):
            e.quarter = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}[gd["qw"].lower()]
        else:
            r = gd["rel"].lower()
            if r not in ("last", "this", "next"):
                return None
            e.unit, e.offset = "quarter", {"last": -1, "this": 0, "next": 1}[r]
    elif name == "season":
        e.season = v["seasons"][gd["season"].lower()]
        r = (gd.get("rel") or "").lower()
        if r in ("last", "next", "this"):
            e.rel = r
        elif e.year is None:
            needs_context = True
    elif name == "year":
        needs_context = not gd.get("mod")
    elif name == "holiday":
        hol = re.sub(r"\s+", " ", gd["hol"].lower())
        if not _capitalised(gd["hol"]):
            return None
        e.holiday = hol
        e.weekend = bool(gd.get("wk"))
        r = (gd.get("rel") or "").lower()
        if r in ("last", "next", "this"):
            e.rel = r
        elif r:
            return None
    elif name == "weekday":
        if gd.get("ov"):
            e.daypart = "NI"  # "overnight Tuesday": that day's night
        r = (gd.get("rel") or "").lower()
        if r in ("last", "past"):
            e.rel = "last"
        elif r in ("next", "coming"):
            e.rel = "next"
        elif r == "this":
            e.rel = "this"
    elif name == "reldays":
        w = re.sub(r"\s+", " ", gd["w"].lower())
        e.unit = "day"
        e.offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(w, 0)
        if w == "tonight":
            e.daypart = "NI"
        elif w == "last night":
            e.offset, e.daypart = -1, "NI"
        elif w.startswith("this "):
            e.daypart = v["dayparts"][w.split()[1]]
        mod = (gd.get("mod") or "").lower()
        if mod in ("late", "early") and w in ("this morning", "this afternoon", "this evening", "last night", "tonight"):
            pass
    elif name == "daybefore":
        e.unit = "day"
        e.offset = -2 if gd["w"].lower().startswith("before") else 2
    elif name == "relunit":
        e.unit = gd["unit"].lower()
        e.offset = {"last": -1, "this": 0, "next": 1}[gd["rel"].lower()]
        if (gd.get("mod") or "").lower() in ("earlier", "later") and e.offset != 0:
            return None  # "earlier last year" is odd; let the plain form match instead
    elif name == "unitpart":
        e.unit = gd["unit"].lower()
        e.offset = {"the": 0, "last": -1, "this": 0, "next": 1}[gd["rel"].lower()]
    elif name == "overnight":
        e.unit, e.offset, e.daypart, e.overnight = "day", -1, "NI", True
    elif name == "weekend":
        e.weekend = True
        r = gd["rel"].lower()
        e.rel = None if r in ("the", "this") else r
    elif name == "ago":
        n = _num(gd["n"])
        if n is None or n != int(n):
            return None
        unit = gd["unit"].lower()
        direction = gd["dir"].lower()
        e.unit = unit
        e.offset = -int(n) if direction in ("ago", "earlier") else int(n)
        e.anchored = direction in ("earlier", "later")
    elif name == "anchored":
        what = gd["what"].lower()
        step = -1 if gd["dir"].lower() == "previous" else 1
        e.anchored = True
        if what in ("day", "morning", "afternoon", "evening", "night"):
            e.unit, e.offset = "day", step
            if what != "day":
                e.daypart = v["dayparts"][what]
        else:
            e.unit, e.offset, e.keep_unit = what, step, True
    elif name == "anchored_before":
        what = gd["what"].lower()
        e.anchored, e.unit, e.offset = True, "day", -1
        if what != "day":
            e.daypart = v["dayparts"][what]
    elif name in ("present_ref", "past_ref", "future_ref"):
        e.special = name.upper()
    elif name in ("clock", "clock24"):
        h = int(gd["h"])
        mnt = int(gd["m"]) if gd.get("m") else 0
        if name == "clock":
            if not 1 <= h <= 12:
                return None
            pm = gd["ap"].lower().startswith("p")
            h = (h % 12) + (12 if pm else 0)
        else:
            # a 24-hour "14:30" needs a time zone or a clock-like lead word
            before = text[max(0, m.start() - 16):m.start()].lower()
            after = text[m.end():m.end() + 20].lower()
            # ... or a full date right before it, as on a stamp line ("6 Mar 2023 18:05")
            if gd.get("dot") is None and not gd.get("tz") and not gd.get("suf") and not re.match(r"\s+(?:this|yesterday|tomorrow|last|tonight|on)\b", after) and not re.search(
                    r"(?:\b(?:at|around|about|from|until|till|by|before|after|since|approximately|roughly)|"
                    r"(?:published|updated|posted)\s*:?|\b(?:19|20)\d\d,?)\s+$", before):
                return None
            suffix = (gd.get("suf") or "").lower()
            if h < 12 and ("afternoon" in suffix or "evening" in suffix or ("night" in suffix and h >= 6)):
                h += 12
        e.hour, e.minute = h, mnt
    elif name == "noon":
        w = gd["w"].lower()
        e.hour, e.minute = (0, 0) if w == "midnight" else (12, 0)
        e.midnight = w == "midnight"
    elif name == "daypart_of":
        dpw = re.sub(r"\s+", " ", gd["dp"].lower())
        e.daypart = "NI" if dpw == "early hours" else v["dayparts"][dpw]
        return Mention(m.start(), m.end(), e, name, needs_context=True)  # only as a prefix
    return Mention(m.start(), m.end(), e, name, needs_context=needs_context)


# ------------------------------------------------------------------ tagging

_SEP_CLOCK_DATE = re.compile(r"\s*(?:,\s*)?(?:(?:on|of)\s+(?:the\s+)?)?$", re.IGNORECASE)
_SEP_DATE_CLOCK = re.compile(
    r"\s*(?:,\s*)?(?:(?:at|around|about|at\s+around|at\s+about|by|from|shortly\s+before|just\s+before|"
    r"shortly\s+after|just\s+after|before|after|sometime\s+around|approximately)\s+)?$", re.IGNORECASE)


_SEP_OF = re.compile(r"^\s*,?\s*(?:of\s+)?$", re.IGNORECASE)
_SEP_IN = re.compile(r"^\s*,?\s*(?:in|of)\s+$", re.IGNORECASE)
_SEP_RANGE = re.compile(r"^\s*(?:and|to|-|–|—|until|till|through|or)\s*$", re.IGNORECASE)


def _yearless(e: Expr) -> bool:
    """A month, a month and day, or a holiday with no year of its own."""
    return e.year is None and e.rel is None and e.hour is None and e.daypart is None and \
        (e.month is not None or e.holiday is not None) and e.weekday is None and not e.weekend


def _raw_mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    for name, rx in _grammar():
        for m in rx.finditer(text):
            if m.start() == m.end():
                continue
            # whole words only: "now" is not in "known", "2015" not in "A2015"
            if (m.start() > 0 and text[m.start() - 1].isalnum()) or (m.end() < len(text) and text[m.end()].isalnum() and text[m.end() - 1].isalnum()):
                continue
            mention = _build(name, m, text)
            if mention is not None:
                found.append(mention)
    return found


def _select(mentions: list[Mention]) -> list[Mention]:
    """Longest non-overlapping mentions, leftmost first among equals."""
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []   # disjoint, sorted: their ends ascend too
    for mention in sorted(mentions, key=lambda x: (-(x.end - x.start), x.start)):
        i = bisect.bisect_left(taken, (mention.end,))   # the ranges starting before its end
        if i and mention.start < taken[i - 1][1]:
            continue
        chosen.append(mention)
        bisect.insort(taken, (mention.start, mention.end))
    return sorted(chosen, key=lambda x: x.start)


def _combine(text: str, mentions: list[Mention]) -> list[Mention]:
    """Merge clock + day ("7:15 p.m. on Wednesday"), day + clock, and "the night of" + day."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        cur = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None:
            gap = text[cur.end:nxt.start]
            ce, ne = cur.expr, nxt.expr
            merged: Optional[Expr] = None
            if cur.rule == "daypart_of" and ne.is_day_level and ne.hour is None and _SEP_CLOCK_DATE.match(gap) and len(gap) <= 3:
                merged = replace(ne, daypart=ce.daypart)
            elif ce.is_clock_only and ne.is_day_level and ne.hour is None and _SEP_CLOCK_DATE.match(gap) and "\n" not in gap:
                merged = replace(ne, hour=ce.hour, minute=ce.minute, midnight=ce.midnight, daypart=None)
            elif ce.is_day_level and ce.hour is None and ne.is_clock_only and _SEP_DATE_CLOCK.match(gap) and "\n" not in gap:
                merged = replace(ce, hour=ne.hour, minute=ne.minute, midnight=ne.midnight, daypart=None)
            elif _yearless(ce) and ne.unit == "year" and not ne.anchored and ne.hour is None \
                    and _SEP_OF.match(gap) and nxt.rule == "relunit" and text[nxt.start:nxt.end].lower().split()[0] in ("last", "this", "next"):
                merged = replace(ce, year_rel=ne.offset)          # "April 24 last year"
            elif _yearless(ce) and nxt.rule == "year" and _SEP_IN.match(gap):
                merged = replace(ce, year=ne.year, explicit_year=True)   # "Christmas Day in 2019"
            if merged is not None:
                out.append(Mention(cur.start, nxt.end, merged, f"{cur.rule}+{nxt.rule}", parts=[cur, nxt]))
                i += 2
                continue
            if _yearless(ce) and ce.day is None and ce.month is not None and ne.month is not None \
                    and ne.year is not None and _SEP_RANGE.match(gap):
                cur = Mention(cur.start, cur.end, replace(ce, year=ne.year), cur.rule)  # "June and October 2018"
        if cur.rule != "daypart_of":
            out.append(cur)
        i += 1
    return out


def tag(text: str) -> list[Mention]:
    """Every date/time expression in ``text``, longest first, compounds merged, in order."""
    return list(_tag(text))


@lru_cache(maxsize=64)
def _tag(text: str) -> tuple[Mention, ...]:
    # an article's text is tagged by several callers (publication line, resolution): once
    return tuple(_combine(text, _select(_raw_mentions(text))))


# ------------------------------------------------------------------ resolving

def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday_date(name: str, year: int) -> Optional[date]:
    """The date of a holiday from models/dates.json in a given year."""
    rule = vocab()["holidays"].get(name)
    if rule is None:
        return None
    if "fixed" in rule:
        return date(year, *rule["fixed"])
    if "easter" in rule:
        return easter(year) + timedelta(days=rule["easter"])
    month, weekday, n = rule["nth"]
    if n > 0:
        first = date(year, month, 1)
        d = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    else:
        nm = date(year + (month == 12), month % 12 + 1, 1)
        last = nm - timedelta(days=1)
        d = last - timedelta(days=(last.weekday() - weekday) % 7)
    return d + timedelta(days=rule.get("offset", 0))


def _season_start(label_year: int, season: str) -> date:
    month = vocab()["season_months"][season][0]
    return date(label_year, month, 1)


def _season_end(label_year: int, season: str) -> date:
    months = vocab()["season_months"][season]
    y, m = label_year + (1 if season == "WI" else 0), months[-1]
    ny, nm = _shift_month(y, m, 1)
    return date(ny, nm, 1) - timedelta(days=1)


def _resolve_season(e: Expr, base: date, tense: Tense) -> str:
    order = ["SP", "SU", "FA", "WI"]
    if e.year is not None:
        return f"{e.year}-{e.season}"
    # the instance containing base: (label_year, season)
    cur_season = next(s for s, ms in vocab()["season_months"].items() if base.month in ms)
    cur_year = base.year - 1 if cur_season == "WI" and base.month <= 2 else base.year
    instances = []
    for y in range(cur_year - 2, cur_year + 3):
        for s in order:
            instances.append((y, s))
    cur_index = instances.index((cur_year, cur_season))
    same = [i for i, (_, s) in enumerate(instances) if s == e.season]
    if e.rel == "this":
        y = base.year - 1 if e.season == "WI" and base.month <= 2 else base.year
        return f"{y}-{e.season}"
    if e.rel == "last":
        i = max(i for i in same if i < cur_index)
    elif e.rel == "next":
        i = min(i for i in same if i > cur_index)
    elif tense == "future":
        i = min(i for i in same if i >= cur_index)
    else:
        i = max(i for i in same if i <= cur_index)
    y, s = instances[i]
    return f"{y}-{s}"


def _weekday_date(e: Expr, base: date, tense: Tense, ref_time: Optional[time]) -> date:
    diff_back = (base.weekday() - e.weekday) % 7     # days back to the last such weekday (0 = base)
    diff_fwd = (e.weekday - base.weekday()) % 7
    if e.rel == "last":
        return base - timedelta(days=diff_back or 7)
    if e.rel == "next":
        return base + timedelta(days=diff_fwd or 7)
    if tense == "future":
        if e.rel == "this":
            return base + timedelta(days=diff_fwd)
        return base + timedelta(days=diff_fwd or 7)
    d = base - timedelta(days=diff_back)
    if diff_back == 0 and e.rel != "this" and _later_than_publication(e, ref_time):
        d -= timedelta(days=7)
    return d


def _later_than_publication(e: Expr, ref_time: Optional[time]) -> bool:
    """A past event at this time of the publication day cannot have happened yet."""
    if e.hour is not None:
        return ref_time is not None and (e.hour, e.minute or 0) > (ref_time.hour, ref_time.minute)
    if e.daypart in ("EV", "NI"):
        return ref_time is None or ref_time.hour < 17
    return False


def _month_year(month: int, day: Optional[int], base: date, tense: Tense, rel: Optional[str]) -> int:
    if rel == "this":
        return base.year
    if rel == "last":
        return base.year if month < base.month else base.year - 1
    if rel == "next":
        return base.year if month > base.month else base.year + 1
    key, base_key = (month, day or 0), (base.month, base.day if day else 0)
    if tense == "present" and day:
        this = date(base.year, month, min(day, 28))
        if this >= base:
            return base.year if (this - base).days <= 183 else base.year - 1
        return base.year if (base - this).days <= 183 else base.year + 1
    if tense == "future":
        return base.year if key >= base_key else base.year + 1
    return base.year if key <= base_key else base.year - 1


def _weekend_date(e: Expr, base: date, tense: Tense) -> date:
    """The Saturday of the weekend meant."""
    if e.rel == "last":
        back = (base.weekday() - 5) % 7 or 7
        return base - timedelta(days=back)
    if e.rel == "next":
        return base + timedelta(days=((5 - base.weekday()) % 7) or 7)
    if base.weekday() == 6:
        return base - timedelta(days=1)
    if tense == "future":
        return base + timedelta(days=(5 - base.weekday()) % 7)
    return base - timedelta(days=(base.weekday() - 5) % 7)


def _holiday(e: Expr, base: date, tense: Tense) -> Optional[date]:
    if e.year is not None:
        return holiday_date(e.holiday, e.year)
    this = holiday_date(e.holiday, base.year)
    if this is None:
        return None
    if e.rel == "this":
        return this
    if e.rel == "last" or (e.rel is None and tense != "future"):
        strict = e.rel == "last"
        if this < base or (this == base and not strict):
            return this
        return holiday_date(e.holiday, base.year - 1)
    if this > base or (this == base and e.rel is None):
        return this
    return holiday_date(e.holiday, base.year + 1)


def _time_suffix(e: Expr) -> str:
    if e.hour is not None:
        return f"T{e.hour:02d}:{(e.minute or 0):02d}"
    if e.daypart:
        return f"T{e.daypart}"
    return ""


def decade_value(decade: int) -> str:
    """A decade as the SPEC writes it: 199 -> "199X" ("decade_style" in models/dates.json).

    TimeML/TempEval-3 gold writes a bare "199"; set "decade_style" to "" to follow it.
    """
    return f"{decade}{vocab().get('decade_style', 'X')}"


def day_value(d: date, e: Expr) -> tuple[str, str]:
    if e.midnight:
        d = d + timedelta(days=1)
    suffix = _time_suffix(e)
    return d.isoformat() + suffix, "TIME" if suffix else "DATE"


def resolve(e: Expr, ref: Optional[date], tense: Tense = "past", anchor: Optional[date] = None,
            ref_time: Optional[time] = None, day_first: bool = False,
            anchor_year: Optional[int] = None) -> tuple[Optional[str], str]:
    """The TIMEX3 value and type of a parsed expression.

    ``ref`` is the reference date (publication date); ``anchor`` the date an anaphoric
    expression or bare clock time hangs on (defaults to ``ref``); ``ref_time`` the
    publication time when known; ``anchor_year`` the year of a nearby explicit date that a
    year-less "March 8" should share. Relative values without a reference are ``None``.
    With ``tense="nearest"`` the past and the future readings are both worked out and the
    one nearer the reference date wins ("were expected to reach the valley on Thursday").
    """
    if tense == "nearest":
        return _resolve_nearest(e, ref, anchor, ref_time, day_first, anchor_year)
    typ = "TIME" if e.has_time else "DATE"
    if e.special:
        return e.special, "DATE"
    if e.numeric_ambiguous and day_first:
        e = replace(e, month=e.day, day=e.month)
    # fully stated in the text
    if e.year is not None and e.month is not None and e.day is not None:
        try:
            d = date(e.year, e.month, e.day)
        except ValueError:
            return None, typ
        return day_value(d, e)
    if e.fiscal and e.year is not None:
        return f"FY{e.year}" + (f"-Q{e.quarter}" if e.quarter else ""), "DATE"
    if e.year is not None and e.month is not None:
        return f"{e.year}-{e.month:02d}", "DATE"
    if e.year is not None and e.half:
        return f"{e.year}-H{e.half}", "DATE"
    if e.year is not None and e.quarter:
        return f"{e.year}-Q{e.quarter}", "DATE"
    if e.year is not None and e.season:
        return f"{e.year}-{e.season}", "DATE"
    if e.year is not None and e.holiday:
        d = holiday_date(e.holiday, e.year)
        if d is None:
            return None, typ
        if e.weekend:
            return _iso_week(d - timedelta(days=(d.weekday() - 5) % 7)) + "-WE", "DATE"
        return day_value(d, e)
    if e.year is not None and e.unit is None and e.weekday is None:
        return str(e.year), "DATE"
    if e.decade is not None:
        return decade_value(e.decade), "DATE"
    if e.century is not None:
        return f"{e.century:02d}", "DATE"

    base = anchor if (e.anchored or e.is_clock_only) and anchor is not None else ref
    if base is None:
        return None, typ
    if e.year_rel is not None:
        return resolve(replace(e, year=base.year + e.year_rel, year_rel=None), ref, tense, anchor, ref_time, day_first)
    if e.is_clock_only:
        d = base
        if anchor is None and tense != "future" and _later_than_publication(e, ref_time) and not e.midnight:
            d = base - timedelta(days=1)
        if anchor is None and e.midnight:
            return f"{d.isoformat()}T00:00", "TIME"
        return day_value(d, e)
    if e.month is not None:
        year = anchor_year if anchor_year is not None and e.rel is None else _month_year(e.month, e.day, base, tense, e.rel)
        if e.day is not None:
            try:
                return day_value(date(year, e.month, e.day), e)
            except ValueError:
                return None, typ
        return f"{year}-{e.month:02d}", "DATE"
    if e.holiday:
        d = _holiday(e, base, tense)
        if d is None:
            return None, typ
        if e.weekend:
            return _iso_week(d - timedelta(days=(d.weekday() - 5) % 7)) + "-WE", "DATE"
        return day_value(d, e)
    if e.weekday is not None:
        return day_value(_weekday_date(e, base, tense, ref_time), e)
    if e.weekend:
        return _iso_week(_weekend_date(e, base, tense)) + "-WE", "DATE"
    if e.season:
        return _resolve_season(e, base, tense), "DATE"
    if e.quarter:
        q_now = (base.month - 1) // 3 + 1
        if tense == "future":
            year = base.year if e.quarter >= q_now else base.year + 1
        else:
            year = base.year if e.quarter <= q_now else base.year - 1
        return f"{year}-Q{e.quarter}", "DATE"
    if e.half:
        if e.unit == "half":
            return f"{base.year + e.offset}-H{e.half}", "DATE"
        h_now = 1 if base.month <= 6 else 2
        if tense == "future":
            year = base.year if e.half >= h_now else base.year + 1
        else:
            year = base.year if e.half <= h_now else base.year - 1
        return f"{year}-H{e.half}", "DATE"
    unit, n = e.unit, e.offset
    if e.overnight and tense == "future":
        n = 0  # "the road will close overnight": tonight
    if unit == "day":
        return day_value(base + timedelta(days=n), e)
    if unit == "week":
        if e.anchored and not e.keep_unit:  # "a week later" than a stated day is a day
            return day_value(base + timedelta(days=7 * n), e)
        return _iso_week(base + timedelta(days=7 * n)), "DATE"
    if unit == "month":
        y, m = _shift_month(base.year, base.month, n)
        return f"{y}-{m:02d}", "DATE"
    if unit == "quarter":
        y, m = _shift_month(base.year, base.month, 3 * n)
        return f"{y}-Q{(m - 1) // 3 + 1}", "DATE"
    if unit == "year":
        return str(base.year + n), "DATE"
    if unit == "decade":
        return decade_value(base.year // 10 + n), "DATE"
    if unit == "century":
        return f"{base.year // 100 + n:02d}", "DATE"
    if e.daypart and e.anchored:
        return day_value(base, e)
    return None, typ


def value_start(value: Optional[str]) -> Optional[date]:
    """The first day a value covers: "2019-09" -> 2019-09-01, "2019-W32" -> its Monday,
    "2019-SU" -> 2019-06-01, "2019" -> 2019-01-01; None for PRESENT_REF and the like."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)|-(SP|SU|FA|WI)|-Q(\d)|-H(\d))?", value)
    if m is None:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            return date(year, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            return date(year, int(m.group(2)), 1)
        if m.group(4):
            return date.fromisocalendar(year, int(m.group(4)), 1)
        if m.group(5):
            return _season_start(year, m.group(5))
        if m.group(6):
            return date(year, 3 * int(m.group(6)) - 2, 1)
        if m.group(7):
            return date(year, 1 if m.group(7) == "1" else 7, 1)
        return date(year, 1, 1)
    except ValueError:
        return None


def value_end(value: Optional[str]) -> Optional[date]:
    """The last day a value covers: "2019-09" -> 2019-09-30, "2019-SU" -> 2019-08-31."""
    start = value_start(value)
    if start is None:
        return None
    m = re.match(r"\d{4}(?:-(\d\d)(-\d\d)?|-W\d\d|-(SP|SU|FA|WI)|-Q\d|-H\d)?", value)
    if m.group(2):
        return start
    if m.group(1):
        months = 1
    elif m.group(3):
        return _season_end(start.year, m.group(3))
    elif "-W" in value:
        return start + timedelta(days=6)
    elif "-Q" in value:
        months = 3
    elif "-H" in value:
        months = 6
    else:
        months = 12
    y, mo = _shift_month(start.year, start.month, months)
    return date(y, mo, 1) - timedelta(days=1)


def _resolve_nearest(e: Expr, ref: Optional[date], anchor: Optional[date], ref_time: Optional[time],
                     day_first: bool, anchor_year: Optional[int]) -> tuple[Optional[str], str]:
    """Whichever of the past and the future reading lies nearer the reference (or anchor) date."""
    past = resolve(e, ref, "past", anchor, ref_time, day_first, anchor_year)
    future = resolve(e, ref, "future", anchor, ref_time, day_first, anchor_year)
    base = anchor if (e.anchored or e.is_clock_only) and anchor is not None else ref
    p, f = value_end(past[0]), value_start(future[0])
    if base is None or p is None or f is None or past[0] == future[0]:
        return past
    # distance from the reference to the end of the past period and to the start of the future one
    return future if (f - base).days < (base - p).days else past


def normalise(expression: str, ref: Optional[date], tense: Tense = "past",
              anchor: Optional[date] = None, ref_time: Optional[time] = None,
              day_first: bool = False) -> Optional[tuple[Optional[str], str]]:
    """(value, type) of one whole expression, or None when it is not a date expression.

    Context checks that need the surrounding sentence (a bare "2015", "May", "fall") are
    skipped: the expression is taken to be a date.
    """
    mentions = tag(expression)
    stripped = expression.strip()
    lead = len(expression) - len(expression.lstrip())
    if len(mentions) != 1 or mentions[0].start != lead or mentions[0].end != lead + len(stripped):
        return None
    m = mentions[0]
    if m.rule == "daypart_of":
        return None
    value, typ = resolve(m.expr, ref, tense=tense, anchor=anchor, ref_time=ref_time, day_first=day_first)
    return value, typ
