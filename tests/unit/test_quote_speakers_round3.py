"""Quote speakers round 3: a person in apposition to a role subject speaks ("The leader of X
Council, Cllr Jane Roe, said"), a person closing an 'in Charge' title speaks, and their
titles (invented sentences)."""

from __future__ import annotations

import pytest


def _speakers(facts):
    return [q.speaker for q in facts.quotes if q.direct]


def _official(facts, name):
    return next((o for o in facts.officials if o.name == name), None)


@pytest.mark.parametrize("text, speaker", [
    # apposition hung on the 'of' object (a body)
    ("The leader of Brackenfield District Council, Cllr Priya Anand, said: \"We have cut "
     "everything we can.\"", "Priya Anand"),
    # apposition hung on a conjunct of the constituency, words told to an outlet
    ("The MP for Brackenfield and Oake, Colin Harte, told the Gazette: \"This is a false "
     "economy.\"", "Colin Harte"),
    # apposition after a place in an 'at' phrase
    ("The RNLI's deputy coxswain at Polwenna, Jack Treloar, said: \"He taught us all how to "
     "read the sea.\"", "Jack Treloar"),
    # a name closing an 'in Charge' title speaks, not the agency
    ("FBI Special Agent in Charge Nora Quill said the ledgers were \"full of holes and "
     "forged receipts.\"", "Nora Quill"),
])
def test_person_speaks_for_role_subject(extract_text, text, speaker):
    assert _speakers(extract_text(text)) == [speaker]


def test_pronoun_after_apposed_subject(extract_text):
    text = ("The leader of Brackenfield District Council, Cllr Priya Anand, said the cuts were "
            "painful.\n\nShe said: \"Nobody wanted to close a library.\"")
    assert _speakers(extract_text(text)) == ["Priya Anand"]


@pytest.mark.parametrize("text, not_speaker", [
    # a lawyer for a named person: the lawyer (unnamed) speaks
    ("A lawyer for Nora Quill said: \"My client denies every charge.\"", "Nora Quill"),
    # the parse hangs the name on a person noun ('the boy'): no guess between the two
    ("The coach of the injured boy, Tom Beck, said: \"We are heartbroken by the loss.\"", "Tom Beck"),
])
def test_role_subject_negatives(extract_text, text, not_speaker):
    assert not_speaker not in _speakers(extract_text(text))


@pytest.mark.parametrize("text, name, title, org", [
    ("The leader of Brackenfield District Council, Cllr Priya Anand, said: \"We have cut "
     "everything we can.\"", "Priya Anand", "leader of Brackenfield District Council",
     "Brackenfield District Council"),
    ("The MP for Brackenfield and Oake, Colin Harte, told the Gazette: \"This is a false "
     "economy.\"", "Colin Harte", "MP for Brackenfield and Oake", None),
    ("The Senior Coroner for Westdale, Ruth Arden, said: \"This was a tragic accident at work.\"",
     "Ruth Arden", "Senior Coroner for Westdale", None),
    ("Treasury Special Agent in Charge Nora Quill said the ledgers were \"full of holes and "
     "forged receipts.\"", "Nora Quill", "Treasury Special Agent in Charge", "Treasury"),
    ("Harlow Fire Department Chief Owen Blake said: \"Crews worked through the night.\"",
     "Owen Blake", "Harlow Fire Department Chief", "Harlow Fire Department"),
    ("Harlow Police Department detective Anna Cole said: \"The phone records were clear.\"",
     "Anna Cole", "detective", "Harlow Police Department"),
])
def test_titles_of_role_subjects(extract_text, text, name, title, org):
    o = _official(extract_text(text), name)
    assert o is not None
    assert o.title == title
    if org is not None:
        assert o.organization == org


@pytest.mark.parametrize("appos, expected", [
    # a first name opens the apposition: a person even when the model calls it an organisation
    ("Declan Morrissey", "Declan Morrissey"),
    # no known first name, not a person: the speaker is not made up
    ("Harbour Rowing Club", None),
])
def test_apposed_name_after_possessed_role(extract_text, appos, expected):
    text = (f"Niamh's former rowing coach, {appos}, said the girl had trained every morning.\n\n"
            "\"Nobody worked harder than her,\" the coach said.")
    speakers = [q.speaker for q in extract_text(text).quotes if not q.direct]
    assert "Niamh" not in speakers
    if expected is not None:
        assert speakers == [expected]


@pytest.mark.parametrize("relative, expected", [
    ("brother, Owen", "Owen Garvey"),  # blood kin share the family surname
    ("wife, Maeve", "Maeve"),          # a spouse keeps the name the text gives
])
def test_first_name_given_as_relative(extract_text, relative, expected):
    text = ("Tom Garvey, 40, was hurt in the fall.\n\n"
            f"Mr Garvey's {relative}, said: \"We just want him home safe.\"")
    assert [q.speaker for q in extract_text(text).quotes if q.direct] == [expected]
