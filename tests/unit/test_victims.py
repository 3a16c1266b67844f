"""Victims: named people harmed by others, and everyone who is not a victim."""

from __future__ import annotations

import pytest

from factx.extractors.victims import worse


def victims_of(extract_text, text):
    facts = extract_text(text)
    for v in facts.victims:
        for m in v.mentions:
            assert text[m.start:m.end] == m.text
    return {(v.name, v.harm) for v in facts.victims}


def test_worse():
    assert worse("injured", "killed") == "killed"
    assert worse("harmed", None) == "harmed"
    assert worse(None, None) is None


@pytest.mark.parametrize("text, expected", [
    # passive subject / object of harm verbs
    ("Nadia Orlov was stabbed outside a nightclub in Leeds.", {("Nadia Orlov", "injured")}),
    ("A gunman shot dead Tobias Wren outside his home.", {("Tobias Wren", "killed")}),
    ("Emil Strand was killed when a lorry hit his car.", {("Emil Strand", "killed")}),
    ("Carla Moyes was robbed at knifepoint on Tuesday.", {("Carla Moyes", "harmed")}),
    ("Police said Dara Quinlan was assaulted by two men.", {("Dara Quinlan", "harmed")}),
    ("Walter Pennock was mauled to death by a dog.", {("Walter Pennock", "killed")}),
    ("The bus ran over Hugo Lindqvist at the junction.", {("Hugo Lindqvist", "injured")}),
    # harm nouns
    ("Detectives are investigating the murder of Imogen Hale.", {("Imogen Hale", "killed")}),
    ("Imogen Hale's murder shocked the town.", {("Imogen Hale", "killed")}),
    # deaths with a crime or accident cause, states
    ("Bram Okafor died after being hit by a car on the bypass.", {("Bram Okafor", "killed")}),
    ("Bram Okafor was pronounced dead at the scene.", {("Bram Okafor", "killed")}),
    ("Sienna Holt suffered serious injuries in the blast.", {("Sienna Holt", "injured")}),
    ("Sienna Holt remains in critical condition after the shooting.", {("Sienna Holt", "injured")}),
    # victim nouns, appositions, lists, relative clauses
    ("The victim, Jonah Prell, was a father of two.", {("Jonah Prell", "harmed")}),
    ("The fire caused the deaths of three victims: Ana Reyes, 30, Luis Ortega, 28, and Mia Chen, 25.",
     {("Ana Reyes", "killed"), ("Luis Ortega", "killed"), ("Mia Chen", "killed")}),
    ("Rosa Delgado, who was shot in the leg, is recovering.", {("Rosa Delgado", "injured")}),
    # a suspect killed by police is a victim
    ("Officers shot dead the suspect, Kurt Voss, after a chase.", {("Kurt Voss", "killed")}),
])
def test_victims_found(extract_text, text, expected):
    assert victims_of(extract_text, text) == expected


@pytest.mark.parametrize("text, expected", [
    # perpetrators and suspects
    ("Grant Fallow stabbed his neighbour Imran Shah in the chest.", {("Imran Shah", "injured")}),
    ("Martin Quayle was charged with the murder of Lucy Penn.", {("Lucy Penn", "killed")}),
    ("Lucy Penn was attacked by Martin Quayle in the park.", {("Lucy Penn", "harmed")}),
    # relatives and officials who speak about the victim
    ("Her father, Desmond Hale, said Imogen Hale was murdered by a stranger.", {("Imogen Hale", "killed")}),
    ("Det Insp Fiona Carrow said Omar Bayliss was shot twice.", {("Omar Bayliss", "injured")}),
])
def test_only_the_victim(extract_text, text, expected):
    assert victims_of(extract_text, text) == expected


@pytest.mark.parametrize("text", [
    # unnamed victims
    "A 30-year-old man was stabbed in Leeds on Friday night.",
    # suspects only
    "Declan Morrow, 24, was arrested and charged with fraud.",
    "Nico Barrett pleaded not guilty to public lewdness.",
    # natural death / obituary
    "Folk singer Ambrose Tully has died of a heart attack at the age of 81.",
    "Ambrose Tully died peacefully at home after a long illness.",
    # people merely mentioned, protest stories
    "Protesters marched past the home of Mayor Ellen Park on Sunday.",
    "Gemma Lowry said the fraud cost pensioners millions.",
    # death long ago with no harm in the story
    "A neighbour said her partner Colin had died around 18 months ago.",
])
def test_no_victims(extract_text, text):
    assert victims_of(extract_text, text) == set()


def test_victim_age_from_ages(extract_text):
    facts = extract_text("Priya Nandakumar, 19, was stabbed to death in a park.")
    assert [(v.name, v.age, v.harm) for v in facts.victims] == [("Priya Nandakumar", 19, "killed")]


def test_surname_mentions_join_the_victim(extract_text):
    text = "Anton Reyes was stabbed on Friday. Mr Reyes was later pronounced dead."
    facts = extract_text(text)
    assert [(v.name, v.harm, len(v.mentions)) for v in facts.victims] == [("Anton Reyes", "killed", 2)]


def test_described_victim_gives_harm_and_age(extract_text):
    text = ("A gunman shot dead a 17-year-old boy in the Bronx on Thursday. "
            "Police released footage of the shooting that killed Kieran Moss.")
    facts = extract_text(text)
    assert [(v.name, v.age, v.harm) for v in facts.victims] == [("Kieran Moss", 17, "killed")]


@pytest.mark.parametrize("text, expected", [
    ("Actor Milo Brandt told reporters he was assaulted by a photographer.", {("Milo Brandt", "harmed")}),
    # an officer speaking in role is not talking about themself
    ("Det Sgt Alma Reid said he was stabbed in the chest.", set()),
    # a relative speaking
    ("Her father, Owen Tate, said she was attacked on the way home.", set()),
])
def test_pronoun_in_own_report(extract_text, text, expected):
    assert victims_of(extract_text, text) == expected


def test_joined_verbs_take_the_worst_harm(extract_text):
    assert victims_of(extract_text, "Ben Ashcroft was hit and killed by a van.") == {("Ben Ashcroft", "killed")}


def test_critical_of_is_not_a_condition(extract_text):
    assert victims_of(extract_text, "Coach Tim Rourke was critical of the slow start.") == set()
