"""Quote attribution (factx.extractors.quotes) on sentences written for these tests."""

from __future__ import annotations

import pytest

from factx.extractors.quotes import is_speech_verb, looks_like_title, verb_forms


def direct(facts):
    return [(q.text, q.speaker) for q in facts.quotes if q.direct]


@pytest.mark.parametrize("text, expected", [
    # colon introduction
    ("Detective Mary Stone said: \"We are looking for a grey van.\"",
     [("We are looking for a grey van.", "Mary Stone")]),
    # inverted order after the quote
    ("\"The road will stay closed,\" said Inspector Paul Grant.",
     [("The road will stay closed,", "Paul Grant")]),
    # pronoun resolved to the person named before
    ("Tom Baker runs the bakery on Hill Street. \"It was a shock,\" he said.",
     [("It was a shock,", "Tom Baker")]),
    # interrupted quote: two quotes, one speaker
    ("Anna Frost lives nearby. \"We will,\" she said, \"rebuild the shop.\"",
     [("We will,", "Anna Frost"), ("rebuild the shop.", "Anna Frost")]),
    # partial quote inside a reported sentence
    ("Mr Carl Woods said the decision was 'deeply unfair' to the staff.",
     [("deeply unfair", "Carl Woods")]),
    # unnamed speaker
    ("A neighbour said: 'We heard three loud bangs in the night.'",
     [("We heard three loud bangs in the night.", None)]),
])
def test_direct_quote_speakers(extract_text, text, expected):
    assert direct(extract_text(text)) == expected


def test_multi_paragraph_quote_keeps_the_speaker(extract_text):
    text = ("Council leader Ruth Hale said: \"We have listened to the residents.\n\n"
            "\"The bridge will reopen next spring.\n\n"
            "\"Nobody wants this to happen again.\"\n")
    quotes = direct(extract_text(text))
    assert [q[0] for q in quotes] == ["We have listened to the residents.",
                                      "The bridge will reopen next spring.",
                                      "Nobody wants this to happen again."]
    assert {q[1] for q in quotes} == {"Ruth Hale"}


def test_following_quote_paragraph_continues_speaker(extract_text):
    text = ("\"The river rose very fast,\" said farmer Owen Price.\n\n"
            "\"We lost half the sheep before dawn.\"\n")
    assert [q[1] for q in direct(extract_text(text))] == ["Owen Price", "Owen Price"]


def test_outlet_is_speaker_when_nobody_is_named(extract_text):
    facts = extract_text("His sister told the Chronicle: \"He was always kind to everyone.\"")
    assert direct(facts)[0][1] in {"Chronicle", "the Chronicle"}


def test_named_person_beats_outlet(extract_text):
    facts = extract_text("Laura Finch told the Chronicle: \"He was always kind to everyone.\"")
    assert direct(facts)[0][1] == "Laura Finch"


@pytest.mark.parametrize("text", [
    "The band played \"Blue Summer Nights\" at the fair.",
    "Robert 'Bobby' Lane won the race.",
    "The so-called 'experts' were wrong.",
    "The plan is known as \"Operation Kestrel\".",
])
def test_not_quotes(extract_text, text):
    assert direct(extract_text(text)) == []


def test_indirect_speech(extract_text):
    facts = extract_text("Mayor Helen Shaw said the park would reopen in May.")
    reported = [q for q in facts.quotes if not q.direct]
    assert reported and reported[0].speaker == "Helen Shaw"
    assert "the park would reopen in May" in reported[0].text


def test_according_to(extract_text):
    facts = extract_text("According to Sergeant Mike Dunn, the driver fled on foot.")
    reported = [q for q in facts.quotes if not q.direct]
    assert reported and reported[0].speaker == "Mike Dunn"
    assert reported[0].text.startswith("the driver fled")


def test_broken_quote_warns_and_does_not_fail(extract_text):
    facts = extract_text("Jim Reed said: \"This quote never ends.\n\nThe next paragraph is plain.\n")
    assert direct(facts) == []
    assert any("quotation mark" in w for w in facts.warnings)


def test_offsets_match_text(extract_text):
    text = ("Chief Inspector Jo Marsh said: “We are grateful for the help.”\n\n"
            "“Please call us,” she added, “if you saw anything.”\n")
    facts = extract_text(text)
    assert len(facts.quotes) >= 3
    for q in facts.quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end]


@pytest.mark.parametrize("lemma, form", [
    ("say", "says"), ("add", "added"), ("deny", "denied"), ("admit", "admitted"),
    ("tweet", "tweeting"), ("testify", "testified"), ("write", "writing"),
])
def test_verb_forms(lemma, form):
    assert form in verb_forms(lemma)


@pytest.mark.parametrize("text, expected", [
    ("Blue Summer Nights", True), ("Susie Q", True),
    ("We will rebuild.", False), ("every support", False), ("It Was Over, he said", False),
])
def test_looks_like_title(text, expected):
    assert looks_like_title(text) is expected


def test_speech_verb_tokens(nlp):
    doc = nlp("She said it and he told them, adding more.")
    assert [t.text for t in doc if is_speech_verb(t)] == ["said", "told", "adding"]
