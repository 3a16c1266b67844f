"""Acronyms and their long forms: Schwartz & Hearst (2003), plus initials matching.

Two passes, as in scispaCy's AbbreviationDetector:

1. definitions — "Independent Office for Police Conduct (IOPC)" gives the pair
   (long form, short form), found by :func:`find_definitions` on plain text;
2. linking — a later bare "IOPC" is the same body. A bare acronym may also name a long form
   that the text never defines with parentheses ("New York Police Department" ... "NYPD"):
   :func:`initials_match` checks that the acronym's letters are the initials of the long
   form's words.

    >>> best_long_form("IOPC", "The watchdog, the Independent Office for Police Conduct")
    'Independent Office for Police Conduct'
    >>> initials_match("NYPD", "New York Police Department")
    True
    >>> initials_match("HMICFRS", "Her Majesty's Inspectorate of Constabulary and Fire and Rescue Services")
    True
    >>> [(d.long_form, d.short_form) for d in find_definitions("the Crown Prosecution Service (CPS) said")]
    [('Crown Prosecution Service', 'CPS')]

Every function here is pure (strings in, strings/offsets out) and tested alone.

Known limits: acronyms built from inner letters of a word ("Ofsted", "GCHQ") do not match
initials; short forms of one letter are ignored; a long form is searched only within
``min(len(SF) + 5, 2 * len(SF))`` words before the parenthesis, as in the paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

# words an acronym may skip (or use): "Federal Bureau of Investigation" -> FBI
MINOR_WORDS = frozenset({"of", "for", "and", "the", "&", "on", "in", "to", "at", "de", "du", "la", "des"})

_PAREN = re.compile(r"\(([^()]{1,12})\)")
_WORD = re.compile(r"[^\s]+")


@dataclass(frozen=True)
class Definition:
    """A "Long Form (SF)" definition with character offsets into the text."""

    long_form: str
    long_start: int
    long_end: int
    short_form: str
    short_start: int
    short_end: int


def is_short_form(candidate: str) -> bool:
    """A plausible acronym: 2-10 characters, starts with a letter or digit, has a capital,
    at most two words. ``"IOPC"`` and ``"DoJ"`` yes; ``"California"``, ``"pictured"`` no."""
    c = candidate.strip()
    if not 2 <= len(c) <= 10 or len(c.split()) > 2:
        return False
    if not c[0].isalnum() or not any(ch.isupper() for ch in c):
        return False
    letters = [ch for ch in c if ch.isalpha()]
    if not letters:
        return False
    # mostly capitals: rules out ordinary capitalised words like "California"
    return sum(ch.isupper() for ch in letters) * 2 >= len(letters)


def best_long_form(short_form: str, candidate: str) -> str | None:
    """Schwartz-Hearst: the shortest tail of ``candidate`` whose characters cover the short
    form right to left, the first character starting a word; None when there is none."""
    s_index = len(short_form) - 1
    l_index = len(candidate) - 1
    while s_index >= 0:
        c = short_form[s_index].lower()
        if not c.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            candidate[l_index].lower() != c
            or (s_index == 0 and l_index > 0 and candidate[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    start = candidate.rfind(" ", 0, l_index + 1) + 1
    long_form = candidate[start:].strip()
    if len(long_form.split()) < 2 and len(short_form) > 1:
        return None
    return long_form


def find_definitions(text: str) -> Iterator[Definition]:
    """Every "Long Form (SF)" in ``text`` whose long form covers the short form."""
    for m in _PAREN.finditer(text):
        short = m.group(1).strip()
        if not is_short_form(short):
            continue
        before_start = text.rfind("\n", 0, m.start()) + 1
        before = text[before_start:m.start()].rstrip()
        limit = min(len(short) + 5, 2 * len(short))
        words = list(_WORD.finditer(before))[-limit:]
        if not words:
            continue
        window_start = before_start + words[0].start()
        window = text[window_start:before_start + len(before)]
        # a long form does not reach back over a sentence or clause break
        cut = max(window.rfind(p) for p in (". ", "; ", ": ", ", ", "\u201c", '"'))
        if cut >= 0:
            skip = cut + 1
            while skip < len(window) and window[skip] in " \u201c\"":
                skip += 1
            window_start += skip
            window = window[skip:]
        long_form = best_long_form(short, window)
        if long_form is None:
            continue
        long_end = window_start + len(window)
        long_start = long_end - len(long_form)
        s_start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        yield Definition(long_form, long_start, long_end, short, s_start, s_start + len(short))


def _split_words(long_form: str) -> list[str]:
    words = []
    for raw in re.split(r"[\s\-/]+", long_form):
        word = re.sub(r"['\u2019]s$", "", raw)
        word = re.sub(r"^[^\w&]+|[^\w&]+$", "", word)
        if word:
            words.append(word)
    return words


def initials_match(acronym: str, long_form: str) -> bool:
    """True when the acronym's letters are the initials of the long form's words, in order;
    minor words ("of", "for", "and", "the") may give their initial or be skipped.

    >>> initials_match("FBI", "Federal Bureau of Investigation"), initials_match("DOJ", "Department of Justice")
    (True, True)
    >>> initials_match("NYPD", "New York Fire Department")
    False
    """
    letters = "".join(ch.lower() for ch in acronym if ch.isalnum())
    words = [w.lower() for w in _split_words(long_form)]
    if len(letters) < 2 or len(words) < 2:
        return False
    return _cover(letters, tuple(words))


@lru_cache(maxsize=4096)
def _cover(letters: str, words: tuple[str, ...]) -> bool:
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    minor = word in MINOR_WORDS
    if minor and _cover(letters, rest):
        return True
    if not letters:
        return False
    # a word gives its initial; a number ("6th") or "&" gives itself
    if letters[0] == word[0] and _cover(letters[1:], rest):
        return True
    return False


def looks_like_acronym(token_text: str) -> bool:
    """A bare acronym as it stands in running text: 2-8 letters, all capitals but for inner
    lower-case letters ("DoJ", "MoD"). ``"NYPD"`` yes; ``"Met"``, ``"I"``, ``"A1"`` no."""
    t = token_text.replace(".", "")
    if not 2 <= len(t) <= 8 or not t.isalpha():
        return False
    if not (t[0].isupper() and t[-1].isupper()):
        return False
    return sum(ch.isupper() for ch in t) >= max(2, len(t) - 1)
