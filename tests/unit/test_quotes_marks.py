"""Quote-mark pairing (factx.extractors.quote_marks): pure text, no spaCy."""

from __future__ import annotations

import time

import pytest

from factx.extractors.quote_marks import classify, find_quote_spans


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quote_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said: "We will do it."', ["We will do it."]),
    ("He said: “We will do it.”", ["We will do it."]),
    ("'I don't know,' she said.", ["I don't know,"]),
    ("She said: ‘The dog’s bowl was empty.’", ["The dog’s bowl was empty."]),
    ("It walked 'like a shadow' across the yard.", ["like a shadow"]),
    ("Kit's cousin said: 'The whole crew got s*****d after the match.'",
     ["The whole crew got s*****d after the match."]),
    ('“We will,” she said, “do it.”', ["We will,", "do it."]),
    ("The victims' families said: 'We want answers.'", ["We want answers."]),
    ("He was a fan of '90s music and said: 'Play it again.'", ["Play it again."]),
    ('He said: "The so-called "expert" was wrong," loudly.', ['The so-called "expert" was wrong,']),
    ("She said: 'My son told me: \"Wait for me.\"'", ['My son told me: "Wait for me."']),
    ('He wrote: "I heard \'stop\' twice."', ["I heard 'stop' twice."]),
])
def test_pairs(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize("text", [
    "Don't stop, it's Port's car and O'Brien's house.",
    "The girls' school opened in the '80s.",
    "No quotes at all here.",
])
def test_no_quotes(text):
    assert quoted(text) == []


def test_multi_paragraph_quote_gives_one_span_per_paragraph():
    text = 'She said: "First part.\n\n"Second part.\n\n"Last part."\n\nAfter.'
    spans = find_quote_spans(text)
    assert [text[q.start:q.end] for q in spans] == ["First part.", "Second part.", "Last part."]
    assert [q.continues for q in spans] == [True, True, False]


def test_multi_paragraph_quote_survives_a_caption_in_between():
    text = "He said: “One.\n\nA photo caption line\n\n“Two.”"
    assert quoted(text) == ["One.", "Two."]


def test_continuation_without_opening_mark_closes_in_next_paragraph():
    text = 'They said:\n\n"One thing.\n\nAnother thing."\n\nEnd.'
    assert quoted(text) == ["One thing.", "Another thing."]


def test_broken_quote_is_skipped_with_warning():
    warnings: list[str] = []
    text = 'He said "this never closes.\n\nNext paragraph.\n\nMore text.'
    assert find_quote_spans(text, warnings) == []
    assert warnings and "unpaired opening" in warnings[0]


def test_odd_marks_do_not_break_other_quotes():
    warnings: list[str] = []
    text = 'A stray " mark here.\n\nShe said: "This one is fine."'
    assert [text[q.start:q.end] for q in find_quote_spans(text, warnings)][-1] == "This one is fine."


def test_offsets_point_at_text():
    text = 'x “Hello there,” she said. “Again.”'
    for q in find_quote_spans(text):
        assert text[q.open_mark] in "“\"'‘"
        assert text[q.start:q.end].strip() == text[q.start:q.end]


def test_apostrophe_is_not_a_mark():
    assert classify("don't", 3) is None
    assert classify("'90s", 0) is None


def _best_time(text: str, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        find_quote_spans(text)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("unit", ['"', "'", "“”", "‘ ’", 'a" "b '])
def test_linear_time(unit):
    small = _best_time(unit * 5_000)
    big = _best_time(unit * 40_000)
    # 8x the input must cost far less than 64x (quadratic); best-of-3 absorbs a busy machine
    assert big < 24 * max(small, 1e-3)
