"""factx_entity_fixes, the person part: trimming headline words and relabelling names the
small model tags ORG/GPE/FAC when the text uses them as people."""

from __future__ import annotations

import pytest


def person_ents(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ == "PERSON"]


@pytest.mark.parametrize("text, name", [
    # an age before or after the name (the model tags these ORG)
    ("Gunfire at the Harrowgate flats killed a 27-year-old Amber Quillan on Saturday.", "Amber Quillan"),
    ("Dong-Hyun Seo, 61, was pushed onto the rails.", "Dong-Hyun Seo"),
    # named as, harmed
    ("Officers named the man as Dominic Seery.", "Dominic Seery"),
    ("Nadia Orlov was stabbed outside a nightclub in Carlisle.", "Nadia Orlov"),
])
def test_mislabelled_names_become_people(nlp, text, name):
    assert name in person_ents(nlp, text)


@pytest.mark.parametrize("text, name", [
    # the model glues a title-case verb or a shouted word onto the name
    ("Opal Brennick Has Died At Age 68", "Brennick"),
    ("Casimir Weld Was Found Dead In Flat", "Casimir Weld"),
    ("Emmett Raines PRAISES Dorian Kell", "Emmett Raines"),
    ("Ferdinand Oakes Has Been Arrested\n\nFerdinand Oakes was held on Monday.", "Ferdinand Oakes"),
])
def test_headline_words_trimmed(nlp, text, name):
    assert name in person_ents(nlp, text)


@pytest.mark.parametrize("text, not_person", [
    ("The 26-year-old Akron, Idaho drummer uploaded a clip.", "Akron"),
    ("Volunteers at the food bank in Ashby Combe, 14-15 March, were thanked.", "Ashby Combe"),
    ("A 58-year-old Brixton resident was killed.", "Brixton"),
])
def test_places_stay_places(nlp, text, not_person):
    assert not_person not in person_ents(nlp, text)
