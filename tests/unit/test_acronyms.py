"""Schwartz-Hearst acronym definitions and initials matching, as pure functions."""

from __future__ import annotations

import pytest

from factx.extractors.acronyms import (
    best_long_form,
    find_definitions,
    initials_match,
    is_short_form,
    looks_like_acronym,
)


@pytest.mark.parametrize("short, candidate, expected", [
    ("IOPC", "a statement from the Independent Office for Police Conduct", "Independent Office for Police Conduct"),
    ("FBI", "agents of the Federal Bureau of Investigation", "Federal Bureau of Investigation"),
    ("NCA", "officers from the National Crime Agency", "National Crime Agency"),
    ("DoJ", "the Department of Justice", "Department of Justice"),
    ("XYZ", "the Department of Justice", None),
    ("QPS", "it was said", None),
])
def test_best_long_form(short, candidate, expected):
    assert best_long_form(short, candidate) == expected


@pytest.mark.parametrize("text, pairs", [
    ("The Crown Prosecution Service (CPS) said it would appeal.", [("Crown Prosecution Service", "CPS")]),
    ("She called the Administration for Children's Services (ACS) twice.",
     [("Administration for Children's Services", "ACS")]),
    ("Staff at the Bureau of Prison Reform (BPR), a new unit, refused.", [("Bureau of Prison Reform", "BPR")]),
    # not definitions: an ordinary word, a caption credit, an age, a long form across a comma
    ("The man (pictured) was arrested.", []),
    ("A view of the harbour (Reuters)", []),
    ("John Smith (42) was arrested.", []),
    ("He said, however (IOPC) was wrong.", []),
])
def test_find_definitions(text, pairs):
    found = [(d.long_form, d.short_form) for d in find_definitions(text)]
    assert found == pairs
    for d in find_definitions(text):
        assert text[d.long_start:d.long_end] == d.long_form
        assert text[d.short_start:d.short_end] == d.short_form


@pytest.mark.parametrize("acronym, long_form, expected", [
    ("NYPD", "New York Police Department", True),
    ("LAPD", "Los Angeles Police Department", True),
    ("IOPC", "Independent Office for Police Conduct", True),
    ("HMICFRS", "Her Majesty's Inspectorate of Constabulary and Fire and Rescue Services", True),
    ("HMICFRS", "Her Majesty’s Inspectorate of Constabulary and Fire and Rescue Services", True),
    ("DOJ", "Department of Justice", True),
    ("MTA", "Metropolitan Transportation Authority", True),
    ("ACS", "Administration for Children's Services", True),
    ("NYPD", "New York Fire Department", False),
    ("FBI", "Federal Bureau", False),
    ("CPS", "Crown Court", False),
    ("A", "Ambulance", False),
])
def test_initials_match(acronym, long_form, expected):
    assert initials_match(acronym, long_form) is expected


@pytest.mark.parametrize("text, expected", [
    ("IOPC", True), ("NYPD", True), ("DoJ", True), ("U.N.", True),
    ("Met", False), ("I", False), ("A1", False), ("police", False), ("NEWSROOMS", False),
])
def test_looks_like_acronym(text, expected):
    assert looks_like_acronym(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("CPS", True), ("DoJ", True), ("pictured", False), ("California", False), ("22", False), ("a b c d", False),
])
def test_is_short_form(text, expected):
    assert is_short_form(text) is expected
