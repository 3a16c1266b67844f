"""Victims: named people harmed by others, and everyone who is not a victim."""

from __future__ import annotations

import pytest

from factx.extractors.victims import worse



def test_worse():
    assert worse("injured", "killed") == "killed"
    assert worse("harmed", None) == "harmed"
    assert worse(None, None) is None


@pytest.mark.parametrize("text, expected", [
    # passive subject / object of harm verbs
    ("Nadia Orlov was stabbed outside a nightclub in Carlisle.", {("Nadia Orlov", "injured")}),
    ("A gunman shot dead Tobias Wren outside his home.", {("Tobias Wren", "killed")}),
    ("Emil Vasko was killed when a lorry hit his car.", {("Emil Vasko", "killed")}),
    ("Carla Moyes was robbed at knifepoint on Tuesday.", {("Carla Moyes", "harmed")}),
    ("Police said Dara Quinlan was assaulted by two men.", {("Dara Quinlan", "harmed")}),
    ("Rupert Pennock was mauled to death by a dog.", {("Rupert Pennock", "killed")}),
    ("The bus ran over Hugo Lindqvist at the junction.", {("Hugo Lindqvist", "injured")}),
    # harm nouns
    ("Detectives are investigating the murder of Imogen Hartwell.", {("Imogen Hartwell", "killed")}),
    ("Imogen Hartwell's murder shocked the town.", {("Imogen Hartwell", "killed")}),
    # deaths with a crime or accident cause, states
    ("Bram Okafor died after being hit by a car on the bypass.", {("Bram Okafor", "killed")}),
    ("Bram Okafor was pronounced dead shortly after midnight.", {("Bram Okafor", "killed")}),
    ("Mirela Kostova suffered serious injuries in the blast.", {("Mirela Kostova", "injured")}),
    ("Mirela Kostova remains in critical condition after the shooting.", {("Mirela Kostova", "injured")}),
    # victim nouns, appositions, lists, relative clauses
    ("The victim, Jonah Prell, was a father of two.", {("Jonah Prell", "harmed")}),
    ("The fire caused the deaths of three victims: Ines Duarte, 30, Tomas Ferrante, 28, and Yuki Moriya, 25.",
     {("Ines Duarte", "killed"), ("Tomas Ferrante", "killed"), ("Yuki Moriya", "killed")}),
    ("The blast killed two people: Ines Duarte, 30, and Tomas Ferrante, 28.",
     {("Ines Duarte", "killed"), ("Tomas Ferrante", "killed")}),
    ("Police named the victims: Ines Duarte (30) and Tomas Ferrante (28).",
     {("Ines Duarte", "harmed"), ("Tomas Ferrante", "harmed")}),
    ("Rosa Delgado, who was shot in the leg, is recovering.", {("Rosa Delgado", "injured")}),
    # a suspect killed by police is a victim
    ("Officers shot dead the suspect, Kurt Voss, after a chase.", {("Kurt Voss", "killed")}),
])
def test_victims_found(victims_of, text, expected):
    assert victims_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # perpetrators and suspects
    ("Corbin Fallow stabbed his neighbour Imran Shah in the chest.", {("Imran Shah", "injured")}),
    ("Silas Quayle was charged with the murder of Rhoda Penwick.", {("Rhoda Penwick", "killed")}),
    ("Rhoda Penwick was attacked by Silas Quayle in the park.", {("Rhoda Penwick", "harmed")}),
    # relatives and officials who speak about the victim
    ("Her father, Desmond Hartwell, said Imogen Hartwell was murdered by a stranger.", {("Imogen Hartwell", "killed")}),
    ("Det Insp Fiona Carrow said Omar Bayliss was shot twice.", {("Omar Bayliss", "injured")}),
])
def test_only_the_victim(victims_of, text, expected):
    assert victims_of(text) == expected


@pytest.mark.parametrize("text", [
    # unnamed victims
    "A 30-year-old man was stabbed in Carlisle on Friday night.",
    # suspects only
    "Declan Voight, 24, was arrested and charged with fraud.",
    "Tarik Oduya pleaded not guilty to criminal damage.",
    # natural death / obituary
    "Folk singer Ambrose Tully has died of a heart attack at the age of 81.",
    "Ambrose Tully died peacefully at home after a long illness.",
    # people merely mentioned, protest stories
    "Protesters marched past the home of Mayor Hilde Brannock on Sunday.",
    "Frida Lowry said the fraud cost pensioners millions.",
    # lists after a colon that do not introduce harmed people
    "Police named the suspects in the robbery: Ines Duarte (30) and Tomas Ferrante (28).",
    "The party had two hosts: Ines Duarte and Tomas Ferrante.",
    # death long ago with no harm in the story
    "A friend said her husband Rolf had died about two years before.",
])
def test_no_victims(victims_of, text):
    assert victims_of(text) == set()


def test_victim_age_from_ages(extract_text):
    facts = extract_text("Priya Nandakumar, 19, was stabbed to death in a park.")
    assert [(v.name, v.age, v.harm) for v in facts.victims] == [("Priya Nandakumar", 19, "killed")]


def test_surname_mentions_join_the_victim(extract_text):
    text = "Anton Kessel was stabbed on Friday. Mr Kessel was later pronounced dead."
    facts = extract_text(text)
    assert [(v.name, v.harm, len(v.mentions)) for v in facts.victims] == [("Anton Kessel", "killed", 2)]


def test_described_victim_gives_harm_and_age(extract_text):
    text = ("A masked man shot dead a 16-year-old girl in Ashgrove on Friday. "
            "Officers later released video of the attack that killed Nell Farrier.")
    facts = extract_text(text)
    assert [(v.name, v.age, v.harm) for v in facts.victims] == [("Nell Farrier", 16, "killed")]


@pytest.mark.parametrize("text, expected", [
    ("Actor Rafe Brandt told reporters he was assaulted by a photographer.", {("Rafe Brandt", "harmed")}),
    # an officer speaking in role is not talking about themself
    ("Det Sgt Alma Ridley said he was stabbed in the chest.", set()),
    # a relative speaking
    ("Her father, Owen Tate, said she was attacked on the way home.", set()),
])
def test_pronoun_in_own_report(victims_of, text, expected):
    assert victims_of(text) == expected


def test_joined_verbs_take_the_worst_harm(victims_of):
    assert victims_of("Ossian Ashcroft was struck and injured by a tram.") == {("Ossian Ashcroft", "injured")}
    assert victims_of("Ossian Ashcroft was beaten and killed by a gang.") == {("Ossian Ashcroft", "killed")}


def test_critical_of_is_not_a_condition(victims_of):
    assert victims_of("Coach Lars Rourke was critical of the slow start.") == set()


FATHER_AND_SON = [
    # the father, named only by title and surname, speaks about his son
    ("Liam Doyle was stabbed outside a takeaway in Harwick on Saturday night and died in hospital. "
     "His father, Mr Doyle, 54, said the family was heartbroken.", None),
    ("Liam Doyle was stabbed outside a takeaway in Harwick on Saturday night. "
     "Mr Doyle, 54, said his son had done nothing wrong.", None),
    ("Liam Doyle, 19, was stabbed outside a takeaway in Harwick. "
     "Mr Doyle, 54, the teenager's father, said he was kind.", 19),
    ("Megan Doyle was stabbed outside a takeaway in Harwick. Mr Doyle, 54, said she was kind.", None),
]


@pytest.mark.parametrize("text, age", FATHER_AND_SON)
def test_relative_sharing_a_surname_is_not_the_victim(extract_text, text, age):
    facts = extract_text(text)
    victims = [(v.name, v.age) for v in facts.victims]
    first = text.split(" was ")[0].split(",")[0]
    assert victims == [(first, age)]
    assert all(m.text != "Doyle" for v in facts.victims for m in v.mentions)
    assert (first, 54) not in {(a.name, a.age) for a in facts.ages}


def test_title_and_surname_is_still_the_victim_without_a_relative_cue(extract_text):
    text = "Liam Doyle, 19, was stabbed in Harwick. Mr Doyle later died in hospital."
    facts = extract_text(text)
    assert [(v.name, v.age, v.harm, len(v.mentions)) for v in facts.victims] == [("Liam Doyle", 19, "killed", 2)]
