"""The people index: grouping mentions into persons, fullest names, mislabelled names."""

from __future__ import annotations

import pytest

from factx.extractors.people import find_people, name_tokens, same_person, surname


@pytest.mark.parametrize("a, b, expected", [
    ("Anthony Walgate", "Mr Walgate", True),
    ("Ruan Matthias Lorne-Padley", "Lorne-Padley", True),
    ("Ansel Thorley", "Percival Thorley", False),
    ("Jane Roe", "John Doe", False),
])
def test_same_person(a, b, expected):
    assert same_person(a, b) is expected


def test_name_tokens_and_surname():
    assert name_tokens("Det Supt Jane Roe Jr") == ["jane", "roe"]
    assert surname("Mr. Kovari's") == "kovari"


def people_of(nlp, text):
    return {p.name: [m.text for m in p.mentions] for p in find_people(nlp(text))}


def test_surname_and_title_join_the_full_name(nlp):
    people = people_of(nlp, "Anthony Walgate was found dead. Mr Walgate had moved to London in May.")
    assert list(people) == ["Anthony Walgate"]
    assert people["Anthony Walgate"] == ["Anthony Walgate", "Walgate"]


def test_ambiguous_surname_goes_to_the_person_the_story_is_about(nlp):
    text = ("Yara Hollis vanished in June. Police searched for Yara Hollis for a week. Her mother, "
            "Bettina Hollis, appealed for help. Yara Hollis was found on Monday. Hollis had been working.")
    people = people_of(nlp, text)
    assert "Hollis" in people["Yara Hollis"]
    assert people["Bettina Hollis"] == ["Bettina Hollis"]


def test_shared_surname_named_once_each_stays_ambiguous(nlp):
    text = "Ansel Thorley and Percival Thorley were hurt. Thorley was later released."
    people = people_of(nlp, text)
    assert "Thorley" not in people["Ansel Thorley"] + people["Percival Thorley"]


def test_three_part_and_hyphenated_names(nlp):
    people = people_of(nlp, "Ruan Matthias Lorne-Padley, 19, appeared in court. Lorne-Padley was remanded.")
    assert people["Ruan Matthias Lorne-Padley"] == ["Ruan Matthias Lorne-Padley", "Lorne-Padley"]


def test_common_noun_headline_word_is_not_a_person(nlp):
    people = people_of(nlp, "Barber, 31, found dead\n\nThe barber had worked at the salon for years. "
                            "Tessa Varnell was 31.")
    assert "Barber" not in people
    assert "Tessa Varnell" in people


@pytest.mark.parametrize("place", ["Brockley Inn", "Kessler Inn"])
def test_place_and_business_words_are_not_people(nlp, place):
    people = people_of(nlp, f"Waiters at the {place} heard shots. Dana Wolfe, 20, ran outside.")
    assert list(people) == ["Dana Wolfe"]


def test_untagged_first_name_widens_a_surname(nlp):
    people = people_of(nlp, "Opal Brennick Has Died At Age 68")
    assert "Opal Brennick" in people


def test_headline_entity_split_at_a_shouted_word(nlp):
    people = people_of(nlp, "Lionel Tarrant REBUKES Hugo Brisk\n\nMr Tarrant, 58, told him to resign.")
    assert "Lionel Tarrant" in people
    assert all("REBUKES" not in name for name in people)


@pytest.mark.parametrize("text, full, relative", [
    ("Liam Doyle was stabbed. His father, Mr Doyle, 54, said he was kind.", "Liam Doyle", "Doyle"),
    ("Liam Doyle was stabbed. Mr Doyle, 54, the teenager's father, said he was kind.", "Liam Doyle", "Doyle"),
    # an honorific of the other gender
    ("Emma Marbeck died at the scene. Mr Marbeck, 62, died in hospital.", "Emma Marbeck", "Marbeck"),
])
def test_relative_sharing_a_surname_is_a_person_of_their_own(nlp, text, full, relative):
    people = people_of(nlp, text)
    assert people[full] == [full]
    assert people[relative] == [relative]


@pytest.mark.parametrize("text, full", [
    # a description of the person, not someone's relative
    ("Ugo Renzetti was accused of theft. Renzetti, a divorced father-of-two, denied it.", "Ugo Renzetti"),
    ("Ugo Renzetti was accused of theft. Mr Renzetti said his son had nothing to do with it.", "Ugo Renzetti"),
    ("Emma Marbeck, 62, was hurt. Mrs Marbeck, 62, said her daughter was safe.", "Emma Marbeck"),
])
def test_same_person_keeps_their_surname_mentions(nlp, text, full):
    people = people_of(nlp, text)
    assert list(people) == [full]
    assert len(people[full]) == 2
