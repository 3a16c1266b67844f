"""rxguard: the first-character lookahead never changes what a pattern matches."""

from __future__ import annotations

import re

import pytest

from factx.extractors import timex
from factx.extractors.rxguard import first_char_guard

TEXTS = [
    "Last May the fund met; next June it will meet again. MAY 3, 2021 and may 4.",
    "At 9.40pm on Tuesday night, 12/03/2021, FY2020 and Q3 2019 - 3 days ago.",
    "The 1990s, the 21st century, mid-2018 and the ’90s; A2015 is a road.",
    "",
    "\u017f\u212a Kelvin sign and long s fold to k and s under IGNORECASE.",
]


@pytest.mark.parametrize("pattern, flags, guarded", [
    (r"(?:last\s+)?(?:may|june)", 0, True),
    (r"(?<![\d.])\d+\s*pm", re.IGNORECASE, True),
    (r"x?", 0, False),                 # can match empty: unchanged
    (r".+day", 0, False),              # starts with any character: unchanged
    (r"[^a]b", 0, False),              # negated class: unchanged
    (r"(?i:may)|june", 0, False),      # inline flag group: unchanged
    (r"a|b(?P<x>c)", 0, True),         # top-level alternation stays whole
])
def test_guard_table(pattern, flags, guarded):
    out = first_char_guard(pattern, flags)
    assert (out != pattern) == guarded
    a, b = re.compile(pattern, flags), re.compile(out, flags)
    for text in TEXTS:
        assert [(m.span(), m.groupdict()) for m in a.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in b.finditer(text)]


def test_timex_grammar_matches_unchanged():
    for name, rx in timex._grammar():
        if not rx.pattern.startswith("(?=["):
            continue   # a rule the guard cannot help is left as written
        bare = re.compile(rx.pattern[rx.pattern.index("])(?:") + 5:-1], rx.flags)
        for text in TEXTS + [t.upper() for t in TEXTS]:
            assert [(m.span(), m.groupdict()) for m in rx.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in bare.finditer(text)], name
