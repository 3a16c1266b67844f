"""Dates in context: spans, offsets, tense from the parse, anchors, filters (shared pipeline)."""

from __future__ import annotations

import pytest


def _dates(facts):
    return [(d.text, d.value, d.type) for d in facts.dates]


def _offsets_ok(facts, text):
    return all(text[d.start:d.end] == d.text for d in facts.dates)


@pytest.mark.parametrize("text,ref,expected", [
    ("Gabriel Kovari, 22, was stabbed on Tuesday.", "2022-08-18",
     [("Tuesday", "2022-08-16", "DATE")]),
    ("The 26-year-old was arrested after the attack.", "2022-08-18", []),
    ("She had Covid-19 and was driving on the M25 near junction 10.", "2022-08-18", []),
    ("He was jailed for four years and banned from driving for 18 months.", "2022-08-18", []),
    ("He will appear in court on Monday.", "2022-08-18", [("Monday", "2022-08-22", "DATE")]),
    ("He appeared in court on Monday.", "2022-08-18", [("Monday", "2022-08-15", "DATE")]),
    ("The company was fined in 2015 and again in 2018.", "2022-08-18",
     [("2015", "2015", "DATE"), ("2018", "2018", "DATE")]),
    ("He worked there between June 2014 and September 2015.", None,
     [("June 2014", "2014-06", "DATE"), ("September 2015", "2015-09", "DATE")]),
    ("The victim was attacked last December, police said.", None,
     [("last December", None, "DATE")]),
    ("Police were called at 8:30 p.m. on Thursday.", "2016-01-22",
     [("8:30 p.m. on Thursday", "2016-01-21T20:30", "TIME")]),
])
def test_dates_in_context(extract_text, text, ref, expected):
    facts = extract_text(text, reference_date=ref)
    assert _dates(facts) == expected
    assert _offsets_ok(facts, text)


def test_publication_line_sets_reference_and_is_a_fact(extract_text):
    text = ("Baby attacked by family dog\n\nPublished: 16 September 2020\n\n"
            "The baby was attacked on Sunday evening at his home. Police said the dog attacked "
            "him on Sunday. A neighbour said it happened at 3.30pm on Sunday afternoon.\n")
    facts = extract_text(text)
    assert facts.reference_date == "2020-09-16"
    assert facts.reference_date_source == "article"
    got = _dates(facts)
    assert got[0] == ("16 September 2020", "2020-09-16", "DATE")
    assert ("Sunday evening", "2020-09-13TEV", "TIME") in got
    assert ("3.30pm on Sunday afternoon", "2020-09-13T15:30", "TIME") in got
    assert [g for g in got if g[0] == "Sunday"] == [("Sunday", "2020-09-13", "DATE")]  # once
    assert _offsets_ok(facts, text)


def test_bare_clock_time_takes_the_preceding_day(extract_text):
    text = "The stabbing happened at 9pm on Wednesday. Paramedics arrived at 9.40pm."
    facts = extract_text(text, reference_date="2020-09-24")
    assert ("9.40pm", "2020-09-23T21:40", "TIME") in _dates(facts)


def test_next_morning_is_anchored_to_the_stated_day(extract_text):
    text = ("She was last seen on July 12 around 5.30pm. Her body was found at 8:05 a.m. the next "
            "morning by two walkers.")
    facts = extract_text(text, reference_date="2020-09-15")
    got = _dates(facts)
    assert ("July 12 around 5.30pm", "2020-07-12T17:30", "TIME") in got
    assert ("8:05 a.m. the next morning", "2020-07-13T08:05", "TIME") in got


def test_no_reference_date_means_null_relative_values(extract_text):
    text = "The attack happened on Thursday, two years ago, in June 2014."
    facts = extract_text(text)
    assert facts.reference_date is None
    values = {d.text: d.value for d in facts.dates}
    assert values["Thursday"] is None
    assert values["two years ago"] is None
    assert values["June 2014"] == "2014-06"


def test_year_anchor_from_nearby_full_date(extract_text):
    text = ("She died in the early hours of January 5, 2019. The inquest heard she had been out "
            "with friends on January 4.")
    facts = extract_text(text, reference_date="2020-09-30")
    assert ("January 4", "2019-01-04", "DATE") in _dates(facts)


def test_names_and_counts_are_not_dates(extract_text):
    text = "April Jones met Sunday Times reporters. A crowd of 2015 people lived at 1705 Hoe Avenue."
    facts = extract_text(text, reference_date="2022-08-18")
    assert _dates(facts) == []
