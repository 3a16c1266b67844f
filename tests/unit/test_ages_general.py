"""Ages, general coverage: ages in words, ages hanging from a clause, the current age over a
historical one, and numbers that are not ages. Every sentence is invented for the test."""

from __future__ import annotations

import pytest



@pytest.mark.parametrize("text, expected", [
    # ages in words
    ("Toby Marsh, who was nine, escaped through a window.", {("Toby Marsh", 9)}),
    ("Ray Stone, who was eleven when the fire started, hid in a cupboard.", {("Ray Stone", 11)}),
    ("Owen Pryce, aged twenty-one, was driving the van.", {("Owen Pryce", 21)}),
    ("Lily Dunmore, aged seventeen, was the youngest on the course.", {("Lily Dunmore", 17)}),
    # 'aged N' closing the clause of the name
    ("Tributes were paid to Nell Harris, a retired midwife from Hull, who died at home on Friday aged 87.",
     {("Nell Harris", 87)}),
    ("Margaret Collins joined the police in 1962 and died last week aged 84.", {("Margaret Collins", 84)}),
    # the current age wins over a historical 'at the age of N in <year>'
    ("Frank Dell started boxing at the age of 12 in 1950. Dell, who died on Tuesday aged 86, won three titles.",
     {("Frank Dell", 86)}),
    ("Ada Finch learned to fly at the age of 19 in 1961. Ada Finch, 81, still flies every summer.",
     {("Ada Finch", 81)}),
    # a shared surname with a courtesy title
    ("Colin Royle and Janet Royle moved to Bolton in 2001. Mrs Royle, 49, told the court she was afraid.",
     {("Janet Royle", 49)}),
])
def test_ages_found(ages_of, text, expected):
    assert ages_of(text) == expected


@pytest.mark.parametrize("text", [
    "Tom Hale, who was one of the first officers at the scene, gave evidence.",
    "Sara Finn, who was ten minutes late, missed the bus.",
    "Eli Ward, who was first to arrive, called the police.",
    "The boy, who was eight, was not hurt.",
    "Kay Lund, who was twenty yards away, heard the shot.",
])
def test_not_ages(ages_of, text):
    assert ages_of(text) == set()


def test_age_after_stacked_relative_clauses(ages_of):
    text = ("Tributes were paid to Harold Penrose, the former ferry captain who carried thousands of "
            "passengers across the estuary, who died in hospital on Monday aged 91.")
    assert ages_of(text) == {("Harold Penrose", 91)}


def test_who_clause_of_someone_else(ages_of):
    text = "Jane Doyle, who cared for Peter Lomax, who died aged 77, gave evidence."
    assert ages_of(text) == {("Peter Lomax", 77)}
