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



@pytest.mark.parametrize("text, expected", [
    # name, then age
    ("Marcus Oldfield, 34, was arrested in Carlisle on Friday.", {("Marcus Oldfield", 34)}),
    ("Police named the driver as Tomas Varga (41).", {("Tomas Varga", 41)}),
    ("The victims were Priya Nandakumar, 19, Owen Bellweather, 23, and Oona Cassidy 25.",
     {("Priya Nandakumar", 19), ("Owen Bellweather", 23), ("Oona Cassidy", 25)}),
    ("Helena Marsh, aged 61, lived alone in the village.", {("Helena Marsh", 61)}),
    ("Declan Foyle, who was 29, had moved to the city in May.", {("Declan Foyle", 29)}),
    ("Jorge Almeida (pictured), 52, was seen leaving the bar.", {("Jorge Almeida", 52)}),
    # N-year-old, then name
    ("The 22-year-old student Kasia Brodowska was treated in hospital.", {("Kasia Brodowska", 22)}),
    ("A neighbour said 47-year-old Emlyn Pryce had heard nothing.", {("Emlyn Pryce", 47)}),
    ("The driver hit her 38-year-old sister, Thea Quist, near the school.", {("Thea Quist", 38)}),
    ("Felix Arbuckle, a 26-year-old mechanic, told reporters he saw the crash.", {("Felix Arbuckle", 26)}),
    ("Folk singer Ambrose Tully died at the age of 81 on Monday.", {("Ambrose Tully", 81)}),
    # adjacent sentences
    ("Officers named the man as Dominic Seery. The 33-year-old had lived in the flat for years.",
     {("Dominic Seery", 33)}),
    ("The 44-year-old woman, named by detectives as Marta Kowalczyk, is recovering at home.",
     {("Marta Kowalczyk", 44)}),
    ("The 44-year-old cyclist, whom officers identified as Marta Kowalczyk, is recovering.",
     {("Marta Kowalczyk", 44)}),
    # "died aged N" / "died at N": the age hangs from the verb, not the name
    ("Marlon Teague died aged 68 on Monday.", {("Marlon Teague", 68)}),
    ("Marlon Teague, the folk singer, died at 68 after a short illness.", {("Marlon Teague", 68)}),
    ("Opal Brennick Has Died At Age 68", {("Opal Brennick", 68)}),
])
def test_ages_found(ages_of, text, expected):
    assert ages_of(text) == expected


@pytest.mark.parametrize("text", [
    # unnamed people are not listed
    "A 45-year-old woman was taken to hospital after the crash.",
    # sentence lengths, years, counts, house numbers, money, months
    "Ronan Pike was jailed for 12 years on Monday.",
    "Ronan Pike died at 4pm on Monday, 12 hours after the crash.",
    "Ronan Pike was freed aged under 30, after 12 years.",
    "Ronan Pike visited the boy, aged 5, at home.",
    "Ronan Pike, 2015, a documentary about the river, won an award.",
    "Ronan Pike bought 14 houses and paid £30 for each survey.",
    "Ronan Pike lives at 12 Hill Street with his 18-month-old son.",
    "Ronan Pike toured Elm Hollow, 14-16 May, with his band.",
    # the age of a thing, not of the person
    "Ronan Pike sailed the ferry. The 35-year-old ferry was bought from the navy.",
])
def test_not_ages(ages_of, text):
    assert ages_of(text) == set()


def test_one_age_per_person_first_wins(ages_of):
    text = "Lise Varden, 30, was hurt. Lise Varden, 31, according to another report, went home."
    assert ages_of(text) == {("Lise Varden", 30)}


def test_definite_repeat_of_stated_age_not_given_to_another(ages_of):
    text = ("Ivo Sanderson, 22, planted the device. President Ada Lowe condemned the attack, "
            "saying the 22-year-old bomber acted alone.")
    assert ages_of(text) == {("Ivo Sanderson", 22)}


def test_modifier_name_not_given_an_age(ages_of):
    text = "Thousands packed the Juniper Lowell concert when the 23-year-old bomber struck."
    assert ages_of(text) == set()


def test_definite_age_not_given_to_a_person_named_later_in_its_sentence(ages_of):
    text = "Fans mourned Tiko Brannigan. The 28-year-old drummer shared a picture of himself with Brannigan."
    assert ages_of(text) == set()


def test_definite_age_then_possessive_of_same_person(ages_of):
    text = ("Greta Calloway disappeared in March. After a week-long hunt for the 31-year-old, "
            "Calloway's bike was recovered.")
    assert ages_of(text) == {("Greta Calloway", 31)}
