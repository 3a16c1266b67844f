"""Speed up a regex scanned over whole articles, without changing what it matches.

Python's ``re`` tries a pattern at every position of the text. A pattern compiled with
IGNORECASE that opens with optional groups and long alternations ("(?:last|next)\\s+)?(?:
january|february|...)") spends most of its time failing there, one alternative at a time.
:func:`first_char_guard` computes the set of characters a non-empty match can start with
(from the parsed pattern) and prefixes the pattern with a lookahead on that set, so most
positions fail on one character-class test. Matches, groups and offsets are unchanged: the
lookahead only rejects positions where no non-empty match can start.

    >>> first_char_guard(r"(?:last\\s+)?(?:may|june)", 0)
    '(?=[jlm])(?:(?:last\\\\s+)?(?:may|june))'
    >>> first_char_guard(r"x?", 0)          # can match the empty string: left alone
    'x?'

Known limits: patterns that may start with any character (``.``, negated classes, inline
flag groups, backreferences) are returned unchanged.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Optional

_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s", C.CATEGORY_WORD: r"\w"}


def _first(seq) -> tuple[Optional[set], bool]:
    """(the first characters of the sequence, whether it can match empty); None = any."""
    out: set = set()
    for op, av in seq:
        found, nullable = _first_item(op, av)
        if found is None:
            return None, False
        out |= found
        if not nullable:
            return out, False
    return out, True


def _first_item(op, av) -> tuple[Optional[set], bool]:
    if op is C.LITERAL:
        return {av}, False
    if op is C.IN:
        out: set = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                out.add(iav)
            elif iop is C.RANGE and iav[1] - iav[0] < 256:
                out.update(range(iav[0], iav[1] + 1))
            elif iop is C.CATEGORY and iav in _CATEGORIES:
                out.add(_CATEGORIES[iav])
            else:
                return None, False
        return out, False
    if op is C.BRANCH:
        out, nullable = set(), False
        for alt in av[1]:
            found, n = _first(alt)
            if found is None:
                return None, False
            out |= found
            nullable = nullable or n
        return out, nullable
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None, False
        return _first(sub)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        found, n = _first(sub)
        return (None, False) if found is None else (found, n or low == 0)
    if op is C.ATOMIC_GROUP:
        return _first(av)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True   # zero-width: the next item starts the match
    return None, False


def first_char_guard(pattern: str, flags: int = 0) -> str:
    """``pattern`` behind a lookahead on the characters its non-empty matches start with
    (compile the result with the same ``flags``); unchanged when no such set is known."""
    found, nullable = _first(P.parse(pattern, flags))
    if found is None or nullable or not found:
        return pattern
    chars = "".join(sorted(c for c in found if isinstance(c, str))) + \
        "".join(re.escape(chr(c)) for c in sorted(c for c in found if isinstance(c, int)))
    return f"(?=[{chars}])(?:{pattern})"
