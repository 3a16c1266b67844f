"""api: the rules applied across extractors, and the importable entry points."""

from __future__ import annotations

from factx.api import split_text

ARTICLE = """Army sergeant killed in training crash

Published: 4 May 2024

Sgt. Owen Marsh, 29, was killed when his vehicle overturned on Salisbury Plain on Tuesday.

Sgt. Owen Marsh had said last year that training was "the best part of the job".

A council spokesman said: "Our thoughts are with his family."

Wiltshire Council said the road would stay closed.
"""


def test_a_victim_quoted_is_not_an_official(extract_text):
    facts = extract_text(ARTICLE)
    assert [v.name for v in facts.victims] == ["Owen Marsh"]
    assert facts.officials == []
    assert any(q.speaker == "Owen Marsh" for q in facts.quotes)


def test_an_unnamed_spokesman_speaks_for_the_one_body_his_word_names(extract_text):
    facts = extract_text(ARTICLE)
    quote = next(q for q in facts.quotes if q.text.startswith("Our thoughts"))
    assert quote.speaker == "Wiltshire Council"


def test_an_unnamed_spokesman_with_two_candidate_bodies_stays_unresolved(extract_text):
    text = ARTICLE.replace("Wiltshire Council said", "Wiltshire Council and Swindon Borough Council said")
    quote = next(q for q in extract_text(text).quotes if q.text.startswith("Our thoughts"))
    assert quote.speaker is None


def test_split_text_joins_back_exactly():
    text = ("line one\n" * 50) + ("x" * 300)
    pieces = split_text(text, limit=64)
    assert "".join(pieces) == text
    assert all(len(p) <= 64 for p in pieces)
