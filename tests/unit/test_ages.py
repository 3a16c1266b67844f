"""Ages of named people: the shapes that state an age, and numbers that are not ages."""

from __future__ import annotations

import pytest

from factx.extractors.ages import number_value, parse_age


@pytest.mark.parametrize("text, expected", [
    ("34-year-old", 34),
    ("34 years old", 34),
    ("aged 22", 22),
    ("22", 22),
    ("seven-year-old", 7),
    ("twenty-two", 22),
    ("18-month-old", None),
    ("12-day-old", None),
    ("2015", None),
    ("abc", None),
])
def test_parse_age(text, expected):
    assert parse_age(text) == expected


@pytest.mark.parametrize("word, expected", [("7", 7), ("seven", 7), ("forty-one", 41), ("lots", None)])
def test_number_value(word, expected):
    assert number_value(word) == expected


def ages_of(extract_text, text):
    facts = extract_text(text)
    for age in facts.ages:
        assert text[age.start:age.end] == age.text
    return {(a.name, a.age) for a in facts.ages}


@pytest.mark.parametrize("text, expected", [
    # name, then age
    ("Marcus Oldfield, 34, was arrested in Leeds on Friday.", {("Marcus Oldfield", 34)}),
    ("Police named the driver as Tomas Varga (41).", {("Tomas Varga", 41)}),
    ("The victims were Priya Nandakumar, 19, Owen Bellweather, 23, and Ruth Cassidy 25.",
     {("Priya Nandakumar", 19), ("Owen Bellweather", 23), ("Ruth Cassidy", 25)}),
    ("Helena Marsh, aged 61, lived alone in the village.", {("Helena Marsh", 61)}),
    ("Declan Foyle, who was 29, had moved to the city in May.", {("Declan Foyle", 29)}),
    ("Jorge Almeida (pictured), 52, was seen leaving the bar.", {("Jorge Almeida", 52)}),
    # N-year-old, then name
    ("The 22-year-old student Kasia Brodowska was treated in hospital.", {("Kasia Brodowska", 22)}),
    ("A neighbour said 47-year-old Gareth Pryce had heard nothing.", {("Gareth Pryce", 47)}),
    ("The driver hit her 38-year-old sister, Lenora Quist, near the school.", {("Lenora Quist", 38)}),
    ("Felix Arbuckle, a 26-year-old mechanic, told reporters he saw the crash.", {("Felix Arbuckle", 26)}),
    ("Folk singer Ambrose Tully died at the age of 81 on Monday.", {("Ambrose Tully", 81)}),
    # adjacent sentences
    ("Officers named the man as Dominic Seery. The 33-year-old had lived in the flat for years.",
     {("Dominic Seery", 33)}),
    ("The 53-year-old victim, identified by police as Marta Kowalczyk, remains in hospital.",
     {("Marta Kowalczyk", 53)}),
])
def test_ages_found(extract_text, text, expected):
    assert ages_of(extract_text, text) == expected


@pytest.mark.parametrize("text", [
    # unnamed people are not listed
    "A 45-year-old woman was taken to hospital after the crash.",
    # sentence lengths, years, counts, house numbers, money, months
    "Ronan Pike was jailed for 11 years at Leeds Crown Court.",
    "Ronan Pike, 2015, a documentary about the river, won an award.",
    "Ronan Pike bought 14 houses and paid £30 for each survey.",
    "Ronan Pike lives at 12 Hill Street with his 18-month-old son.",
    "Ronan Pike visited Park Ridge, 22-23 July, with his family.",
    # the age of a thing, not of the person
    "Ronan Pike flew the plane. The 40-year-old plane was inherited from the air force.",
])
def test_not_ages(extract_text, text):
    assert ages_of(extract_text, text) == set()


def test_one_age_per_person_first_wins(extract_text):
    text = "Lena Brook, 30, was hurt. Lena Brook, 31, according to another report, went home."
    assert ages_of(extract_text, text) == {("Lena Brook", 30)}


def test_definite_repeat_of_stated_age_not_given_to_another(extract_text):
    text = ("Ivo Sanderson, 22, planted the device. President Ada Lowe condemned the attack, "
            "saying the 22-year-old bomber acted alone.")
    assert ages_of(extract_text, text) == {("Ivo Sanderson", 22)}


def test_modifier_name_not_given_an_age(extract_text):
    text = "Thousands attended the Ariel Grant concert when the 22-year-old attacker struck."
    assert ages_of(extract_text, text) == set()


def test_definite_age_not_given_to_a_person_named_later_in_its_sentence(extract_text):
    text = "Fans mourned Mac Dorsey. The 31-year-old rapper posted a photo of himself and Dorsey."
    assert ages_of(extract_text, text) == set()


def test_definite_age_then_possessive_of_same_person(extract_text):
    text = "Laura Bennett went missing in May. After a search for the missing 24-year-old, Bennett's car was found."
    assert ages_of(extract_text, text) == {("Laura Bennett", 24)}
