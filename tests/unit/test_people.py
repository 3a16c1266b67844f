"""The people index: grouping mentions into persons, fullest names, mislabelled names."""

from __future__ import annotations

import pytest

from factx.extractors.people import find_people, name_tokens, same_person, surname


@pytest.mark.parametrize("a, b, expected", [
    ("Anthony Walgate", "Mr Walgate", True),
    ("Jye Sebastian Webb-Italia", "Webb-Italia", True),
    ("Timothy Walter", "Cornelius Walter", False),
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
    text = ("Annie Lo vanished in May. Police searched for Annie Lo for a week. Her mother, "
            "Vivian Lo, appealed for help. Annie Lo was found on Sunday. Lo had been studying.")
    people = people_of(nlp, text)
    assert "Lo" in people["Annie Lo"]


def test_three_part_and_hyphenated_names(nlp):
    people = people_of(nlp, "Jye Sebastian Webb-Italia, 18, appeared in court. Webb-Italia was remanded.")
    assert "Jye Sebastian Webb-Italia" in people


def test_common_noun_headline_word_is_not_a_person(nlp):
    people = people_of(nlp, "Cleaner, 26, found dead\n\nThe cleaner had worked at the hotel. Lucy Marr was 26.")
    assert "Cleaner" not in people
    assert "Lucy Marr" in people


def test_place_and_business_words_are_not_people(nlp):
    people = people_of(nlp, "Guests at the Hampton Inn heard shots. Dana Wolfe, 20, ran outside.")
    assert all("Inn" not in name for name in people)


def test_untagged_first_name_widens_a_surname(nlp):
    people = people_of(nlp, "Mr Lombardi was attacked. Emiliano Lombardi, 84, died two weeks later.")
    assert "Emiliano Lombardi" in people
