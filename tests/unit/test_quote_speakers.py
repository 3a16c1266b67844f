"""Who speaks a quote: pronouns with gender, descriptions, captions, outlets, statements
(factx.extractors.quotes and speaker_gender). Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from factx.extractors.quotes import one_edit_apart
from factx.extractors.speaker_gender import compatible, first_name_gender, word_gender


def speakers(facts):
    return [(q.text, q.speaker) for q in facts.quotes if q.direct]


def speaker_of(facts, start: str):
    return next(q.speaker for q in facts.quotes if q.direct and q.text.startswith(start))


# ------------------------------------------------------------------ pure helpers

@pytest.mark.parametrize("a, b, expected", [
    ("callender", "callander", True), ("haldane", "haldene", True), ("morton", "mortons", True),
    ("smith", "smyth", True), ("jones", "james", False), ("ellis", "ellis", False),
    ("moss", "boss", False), ("baker", "walker", False),
])
def test_one_edit_apart(a, b, expected):
    assert one_edit_apart(a, b) is expected


@pytest.mark.parametrize("word, gender", [
    ("Mr", "m"), ("Mrs", "f"), ("Ms", "f"), ("she", "f"), ("him", "m"), ("daughter", "f"),
    ("brother", "m"), ("neighbour", None), ("officer", None),
])
def test_word_gender(word, gender):
    assert word_gender(word) == gender


@pytest.mark.parametrize("name, gender", [
    ("Margaret", "f"), ("Keith", "m"), ("simon", "m"), ("Zyxwv", None), ("Jordan", None),
])
def test_first_name_gender(name, gender):
    assert first_name_gender(name) == gender


def test_unknown_gender_is_compatible():
    assert compatible(None, "m") and compatible("f", None) and not compatible("m", "f")


# ------------------------------------------------------------------ pronouns and gender

@pytest.mark.parametrize("pronoun, expected", [("she", "Sarah Lane"), ("he", "Paul Grant")])
def test_pronoun_takes_the_person_of_its_gender(extract_text, pronoun, expected):
    text = f"Paul Grant met Sarah Lane at the station.\n\n\"It was very cold,\" {pronoun} said.\n"
    assert speakers(extract_text(text)) == [("It was very cold,", expected)]


def test_pronoun_of_no_named_gender_is_not_guessed(extract_text):
    text = "Sarah Lane closed the shop early on Friday.\n\n\"It was a real shock,\" he said.\n"
    assert speakers(extract_text(text)) == [("It was a real shock,", None)]


def test_caption_between_does_not_take_the_pronoun(extract_text):
    text = ("Tom Reed said: \"We lost everything in the fire.\"\n\n"
            "Firefighter Mark Lowe at the scene on Friday (pictured)\n\n"
            "\"It will take years to rebuild,\" he said.\n")
    assert [s for _, s in speakers(extract_text(text))] == ["Tom Reed", "Tom Reed"]


def test_unnamed_subject_stops_the_search(extract_text):
    text = ("Police say the driver is Carl Dent, a 30-year-old from Leeds.\n\n"
            "An eyewitness said, \"He ran across the yard and over the wall,\" he said.\n")
    assert speakers(extract_text(text)) == [("He ran across the yard and over the wall,", None)]


def test_pronoun_chain_over_reported_speech(extract_text):
    text = ("Leanne Moss lives on the first floor.\n\n"
            "She told the Globe that the lift had been broken for weeks.\n\n"
            "\"Nobody ever came to fix it,\" she said.\n")
    assert speaker_of(extract_text(text), "Nobody") == "Leanne Moss"


def test_honorific_of_other_gender_is_a_relative(extract_text):
    text = ("Abigail Ross, 27, lost her son on Sunday.\n\n"
            "Ross's brother Keith said the dog had never bitten anyone.\n\n"
            "Mr Ross said: \"She needs time to grieve.\"\n")
    assert speakers(extract_text(text)) == [("She needs time to grieve.", "Keith Ross")]


def test_misspelt_surname_goes_to_the_named_person(extract_text):
    text = ("Martin Haldane gave evidence to the inquiry on Monday.\n\n"
            "Mr Haldene said: \"I miss her every single day.\"\n")
    assert speakers(extract_text(text)) == [("I miss her every single day.", "Martin Haldane")]


# ------------------------------------------------------------------ descriptions

def test_role_description_is_the_titled_person(extract_text):
    text = ("President Anna Kovac visited the flooded town on Friday.\n\n"
            "The president also met the families of the victims.\n\n"
            "\"We will rebuild every home,\" she said.\n")
    assert speaker_of(extract_text(text), "We will") == "Anna Kovac"


def test_age_description_is_the_person_of_that_age(extract_text):
    text = ("Dan Holt, 19, was charged on Monday.\n\n"
            "The 19-year-old said: \"I should not have done it.\"\n")
    assert speakers(extract_text(text)) == [("I should not have done it.", "Dan Holt")]


def test_lede_description_is_the_person_named_next(extract_text):
    text = ("Mother tells inquiry of her loss\n\n"
            "The mother of a boy killed in the bridge collapse told the inquiry she hopes the "
            "builders 'never sleep again'.\n\n"
            "Mary Fenwick said the company had ignored every warning.\n")
    assert speakers(extract_text(text)) == [("never sleep again", "Mary Fenwick")]


def test_description_later_in_the_story_is_not_cataphoric(extract_text):
    text = ("The council met on Monday.\n\nRoads were closed.\n\nA school shut.\n\n"
            "Buses stopped.\n\nShops closed early.\n\nThe rain went on.\n\n"
            "The head of a local charity, who runs the food bank, said people were 'desperate for help'.\n\n"
            "Helen Fry said the council had done nothing.\n")
    assert speaker_of(extract_text(text), "desperate") is None


def test_passive_reporting_verb_takes_the_agent(extract_text):
    text = "Ms Lane worked at a bakery and was described by friends as 'a wonderful mother'.\n"
    assert speakers(extract_text(text)) == [("a wonderful mother", None)]


# ------------------------------------------------------------------ surface fallbacks

def test_reporting_clause_before_colon_beats_a_bad_parse(extract_text):
    text = ("Peter Olsen, 61, is a farmer who says he has seen three floods, said: "
            "\"This one was the worst of all.\"\n")
    assert speakers(extract_text(text)) == [("This one was the worst of all.", "Peter Olsen")]


def test_quote_paragraph_continues_reported_speech(extract_text):
    text = ("Kent Police are investigating the death.\n\n"
            "A police spokesman said officers were called to the house at 3pm on Sunday.\n\n"
            "\"On arrival, officers found a man with serious head injuries.\"\n")
    assert speakers(extract_text(text)) == [
        ("On arrival, officers found a man with serious head injuries.", "Kent Police")]


def test_open_quote_is_attributed_where_it_closes(extract_text):
    text = ("The street was quiet again on Sunday.\n\n"
            "\"We heard shouting just after midnight.\n\n"
            "\"Then the door slammed and it all went quiet,\" Jo Platt said.\n")
    assert [s for _, s in speakers(extract_text(text))] == ["Jo Platt", "Jo Platt"]


def test_statement_introduced_on_the_line_before(extract_text):
    text = ("The singer Dan Rivers died on Tuesday at the age of 70. "
            "His agents at the Harbor Talent Agency made this statement:\n\n"
            "\"Dan was a kind and gentle man who loved his fans.\"\n")
    speaker = speakers(extract_text(text))[0][1]
    assert speaker is not None and speaker.endswith("Harbor Talent Agency")


# ------------------------------------------------------------------ outlets

def test_sentence_reporter_before_the_quote_beats_the_next_sentence(extract_text):
    text = ("The Herald reports that the bridge \"was closed after the inspection.\" "
            "A resident told the Chronicle, \"The whole street shook.\"\n")
    assert [s for _, s in speakers(extract_text(text))] == ["Herald", "Chronicle"]


def test_short_outlet_name_is_the_full_one(extract_text):
    text = ("The Daily Courier spoke to residents on Monday.\n\n"
            "The water rose overnight; the Courier reports, \"Families were rescued from "
            "their roofs by boat.\"\n")
    assert speakers(extract_text(text))[0][1] == "Daily Courier"


def test_relative_told_outlet_through_a_participle(extract_text):
    text = ("Rosa Kent died on Saturday. Kent's father told the Gazette \"he suspects a feud "
            "led to the attack,\" saying it was \"revenge. She was always kind.\"\n")
    assert {s for _, s in speakers(extract_text(text))} == {"Gazette"}


def test_according_to_an_untagged_station(extract_text):
    text = "The men fled on foot; according to WXYZ 7, they were \"armed and dangerous.\"\n"
    assert speakers(extract_text(text)) == [("armed and dangerous.", "WXYZ 7")]


def test_organisation_in_apposition_does_not_speak(extract_text):
    text = ("Ruddy Brame, a Brooklyn-based Instagram photographer, arrived at the scene early.\n\n"
            "\"The crowd was calm until the police came,\" he told us.\n")
    assert speakers(extract_text(text))[0][1] == "Ruddy Brame"


def test_colon_clause_without_reporting_verb(extract_text):
    text = ("Tom Reed is clearly upset that the road was closed, although he is not too worried "
            "about the detour: \"We will find another way home.\"\n")
    assert speakers(extract_text(text)) == [("We will find another way home.", "Tom Reed")]


@pytest.mark.parametrize("text, expected", [
    # the gerund's own subject: "led to him replying"
    ("Ivan Petrov was flying that night. Her message led to him replying: \"All will be fine.\"",
     "Ivan Petrov"),
    # but "wrote to X, saying" belongs to the writer
    ("Anna Price wrote to Mr Lewis saying: \"I can no longer do this job.\"", "Anna Price"),
])
def test_gerund_subjects(extract_text, text, expected):
    assert speakers(extract_text(text))[0][1] == expected
