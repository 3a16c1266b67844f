"""factx_entity_fixes, the person part: trimming headline words and relabelling names the
small model tags ORG/GPE/FAC when the text uses them as people."""

from __future__ import annotations

import pytest


def person_ents(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ == "PERSON"]


@pytest.mark.parametrize("text, name", [
    # an age after or before the name
    ("Shooting at the Sheepshead houses killed a 22-year-old Crystal Sweet on Sunday.", "Crystal Sweet"),
    ("Ki-Suck Han, 58, was pushed onto the tracks.", "Ki-Suck Han"),
    # named as, harmed
    ("Officers named the man as Dominic Seery.", "Dominic Seery"),
    ("Nadia Orlov was stabbed outside a nightclub in Leeds.", "Nadia Orlov"),
])
def test_mislabelled_names_become_people(nlp, text, name):
    assert name in person_ents(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Richie Havens Has Died At Age 72", "Richie Havens"),
    ("Donald Trump DEFENDS Kyle Rittenhouse", "Donald Trump"),
])
def test_headline_words_trimmed(nlp, text, name):
    assert name in person_ents(nlp, text)


@pytest.mark.parametrize("text, not_person", [
    ("The 31-year-old Oakland, California rapper posted a photo.", "Oakland"),
    ("Staff at the care centre in Springwood, 23-24 July, were tested.", "Springwood"),
    ("A 62-year-old Bronx resident was killed.", "Bronx"),
])
def test_places_stay_places(nlp, text, not_person):
    assert not_person not in person_ents(nlp, text)
