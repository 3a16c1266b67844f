"""Pair quotation marks in a text, in one linear pass: the direct-quote spans of an article.

    He said: “We will do it.”            -> "We will do it."
    'I don't know,' she said.            -> "I don't know,"   (the apostrophe in don't is skipped)
    He said: "It is over.                -> "It is over."      (paragraph 1; news convention:
    "We start again."                    -> "We start again."   one span per paragraph)

Rules:
- A mark's role comes from its neighbours: after a space (or line start, bracket, dash) and
  before a word it opens; after a word and before a space or punctuation it closes; between
  two letters a single mark is an apostrophe (don't, Port's, O'Brien). Curly marks keep their
  usual role unless the context clearly says otherwise.
- Double marks are paired first; single marks inside a double quote are ignored (apostrophes
  or quotes inside quotes). A double quote inside a single one is dropped (quote in quote).
- Same-family nesting ("the "photographer" from") is followed by a small stack, so only the
  outermost quote is returned.
- A quote left open at the end of a paragraph is kept, up to the paragraph end, when one of the
  next few paragraphs opens with a mark of the same family (the multi-paragraph convention);
  otherwise it is skipped with a warning.
- "s'" before a space (the victims' families) closes a single quote only when no other closing
  mark follows before the next opening one.

Known limits: paragraphs are lines, so a quote hard-wrapped over several lines is seen as
broken; elisions at a word start ('em, 'n') may open a spurious single quote.

Everything is linear in the text length: one scan per family (a one-character regex class,
which cannot backtrack), a stack of bounded depth, precomputed look-ahead tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple, Optional

DOUBLE, SINGLE = "double", "single"
_FAMILY = {
    '"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "«": DOUBLE, "»": DOUBLE,
    "'": SINGLE, "‘": SINGLE, "’": SINGLE, "‚": SINGLE, "‹": SINGLE, "›": SINGLE,
}
_OPENING = frozenset("“„«‘‚‹")
_CLOSING = frozenset("”»’›")
_BEFORE_OPEN = frozenset("([{—–-/:")  # characters after which a mark still opens
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-…/")  # characters before which a mark still closes
_MAX_DEPTH = 4
_CONTINUATION_WINDOW = 3  # paragraphs to look ahead for the next opening mark


@dataclass(frozen=True)
class QuoteSpan:
    """The inside of one pair of quotation marks (or of one paragraph of an open quote)."""

    start: int  # first character of the quoted words
    end: int  # one past the last quoted character
    open_mark: int  # offset of the opening mark
    close_mark: Optional[int]  # offset of the closing mark; None when the paragraph ends open
    family: str
    paragraph: int
    continues: bool = False  # the quote goes on in a following paragraph


class _Mark(NamedTuple):
    pos: int
    family: str
    can_open: bool
    can_close: bool
    weak_close: bool = False  # "s'" that may be a plural possessive


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of text, without the line break."""
    spans, start = [], 0
    while True:
        cut = text.find("\n", start)
        if cut < 0:
            spans.append((start, len(text)))
            return spans
        spans.append((start, cut))
        start = cut + 1


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def classify(text: str, i: int) -> Optional[_Mark]:
    """The role of the quotation mark at ``text[i]``, or None for an apostrophe / not a mark."""
    ch = text[i]
    family = _FAMILY.get(ch)
    if family is None:
        return None
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if family == SINGLE and ch != "‘":
        if prev.isalnum() and nxt.isalnum():
            return None  # don't, Port's, O'Brien
        if nxt.isdigit() and _is_space(prev):
            return None  # '90s
    left_open = _is_space(prev) or prev in _BEFORE_OPEN or prev in _FAMILY
    right_close = _is_space(nxt) or nxt in _AFTER_CLOSE or nxt in _FAMILY
    can_open = left_open and not right_close
    can_close = right_close and not left_open
    if not can_open and not can_close:  # isolated or glued on both sides: let the state decide
        can_open = can_close = True
    if ch in _OPENING and not (can_close and not can_open):
        can_open, can_close = True, False
    elif ch in _CLOSING and not (can_open and not can_close):
        can_open, can_close = False, True
    weak = family == SINGLE and can_close and not can_open and prev in "sS" and _is_space(nxt)
    return _Mark(i, family, can_open, can_close, weak)


_FAMILY_CHARS = {
    DOUBLE: re.compile("[" + "".join(c for c, f in _FAMILY.items() if f == DOUBLE) + "]"),
    SINGLE: re.compile("[" + "".join(c for c, f in _FAMILY.items() if f == SINGLE) + "]"),
}


def _marks(text: str, start: int, end: int, family: str,
           skip: list[tuple[int, int]]) -> list[_Mark]:
    """The marks of one family in text[start:end], outside the skip ranges (sorted)."""
    marks, k = [], 0
    # a one-character class: no backtracking, linear in the paragraph length
    for hit in _FAMILY_CHARS[family].finditer(text, start, end):
        i = hit.start()
        while k < len(skip) and skip[k][1] <= i:
            k += 1
        if k < len(skip) and skip[k][0] <= i < skip[k][1]:
            continue
        mark = classify(text, i)
        if mark is not None:
            marks.append(mark)
    return marks


def _starts_with_opener(text: str, start: int, end: int, family: str) -> bool:
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i >= end:
        return False
    mark = classify(text, i)
    return mark is not None and mark.family == family and mark.can_open


def _inner(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _pair_family(text: str, paras: list[tuple[int, int]], family: str,
                 skip: list[tuple[int, int]], warnings: list[str]) -> list[QuoteSpan]:
    starts = [_starts_with_opener(text, a, b, family) for a, b in paras]
    nonempty = [bool(text[a:b].strip()) for a, b in paras]
    found: list[QuoteSpan] = []
    carry = False  # the previous paragraph's quote goes on here without an opening mark
    for p, (pa, pb) in enumerate(paras):
        marks = _marks(text, pa, pb, family, skip)
        if carry:
            first = _first_char(text, pa, pb)
            marks.insert(0, _Mark(first - 1, family, True, False))
            carry = False
        if not marks:
            continue
        # look-ahead: does another closing mark come before the next opening-only one?
        later_close = [False] * len(marks)
        seen = False
        for j in range(len(marks) - 1, -1, -1):
            later_close[j] = seen
            m = marks[j]
            if m.can_open and not m.can_close:
                seen = False
            if m.can_close:
                seen = True
        stack: list[_Mark] = []
        for j, m in enumerate(marks):
            if stack and m.can_close:
                if m.weak_close and later_close[j]:
                    continue  # plural possessive: a later mark closes this quote
                opener = stack.pop()
                if not stack:
                    a, b = _inner(text, opener.pos + 1, m.pos)
                    if a < b:
                        found.append(QuoteSpan(a, b, opener.pos, m.pos, family, p))
            elif m.can_open:
                if len(stack) < _MAX_DEPTH:
                    stack.append(m)
            elif family == DOUBLE:
                warnings.append(f"unpaired closing quotation mark at offset {m.pos}: ignored")
        if stack:
            opener = stack[0]
            ahead, q = 0, p + 1
            continues = False
            while q < len(paras) and ahead < _CONTINUATION_WINDOW:
                if nonempty[q]:
                    if starts[q]:
                        continues = True
                        break
                    ahead += 1
                q += 1
            a, b = _inner(text, opener.pos + 1, pb)
            if not continues:
                # a sloppy continuation: the next paragraph has no opening mark but closes
                nxt = _next_nonempty(nonempty, p)
                if nxt is not None and nxt == p + _gap(nonempty, p) and \
                        _first_mark_closes(text, paras[nxt], family, skip):
                    continues = carry = True
            if continues and a < b:
                found.append(QuoteSpan(a, b, opener.pos, None, family, p, continues=True))
            elif family == DOUBLE or opener.pos == _first_char(text, pa, pb):
                warnings.append(
                    f"unpaired opening quotation mark at offset {opener.pos}: quote skipped")
    return found


def _next_nonempty(nonempty: list[bool], p: int) -> Optional[int]:
    q = p + 1
    while q < len(nonempty) and not nonempty[q]:
        q += 1
    return q if q < len(nonempty) else None


def _gap(nonempty: list[bool], p: int) -> int:
    q = _next_nonempty(nonempty, p)
    return 0 if q is None else q - p


def _first_mark_closes(text: str, para: tuple[int, int], family: str,
                       skip: list[tuple[int, int]]) -> bool:
    """True when the first mark of the family in a paragraph can only close."""
    for m in _marks(text, para[0], para[1], family, skip):
        return m.can_close and not m.can_open
    return False


def _first_char(text: str, a: int, b: int) -> int:
    while a < b and text[a].isspace():
        a += 1
    return a


def find_quote_spans(text: str, warnings: Optional[list[str]] = None) -> list[QuoteSpan]:
    """Every outermost quoted stretch of ``text``, sorted by position.

    Broken quotes (an opening mark never closed and not continued) are skipped and reported
    in ``warnings`` when a list is given.
    """
    warnings = [] if warnings is None else warnings
    paras = paragraphs(text)
    doubles = _pair_family(text, paras, DOUBLE, [], warnings)
    outer_double = [(q.open_mark, (q.close_mark + 1) if q.close_mark is not None else q.end)
                    for q in doubles]
    singles = _pair_family(text, paras, SINGLE, outer_double, warnings)
    # a double quote inside a single one is a quote within a quote: keep the outer one
    single_ranges = sorted((q.open_mark, q.close_mark if q.close_mark is not None else q.end)
                           for q in singles)
    kept, k = [], 0
    for q in doubles:
        while k < len(single_ranges) and single_ranges[k][1] < q.open_mark:
            k += 1
        if k < len(single_ranges) and single_ranges[k][0] < q.open_mark and q.end <= single_ranges[k][1]:
            continue
        kept.append(q)
    return sorted(kept + singles, key=lambda q: q.start)
