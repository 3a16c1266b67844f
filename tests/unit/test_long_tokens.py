"""factx.long_tokens: long whitespace-free runs reach spaCy's tokenizer only as short pieces."""

from __future__ import annotations

import pickle
import time

import pytest
import spacy

from factx.long_tokens import MAX_RUN, PIECE, LongRunTokenizer, cut_run, long_runs


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.tokenizer = LongRunTokenizer(nlp.tokenizer)
    return nlp


@pytest.mark.parametrize("text, runs", [
    ("short words only, nothing long", []),
    ("x" * MAX_RUN, []),
    ("x" * (MAX_RUN + 1), [(0, MAX_RUN + 1)]),
    ("a " + "," * 300 + " b " + '"' * 250, [(2, 302), (305, 555)]),
    ("\n" * 500 + " " * 500, []),
])
def test_long_runs(text, runs):
    assert long_runs(text) == runs


def test_cut_run_joins_back():
    run = "".join(chr(0x41 + i % 26) for i in range(1234))
    pieces = cut_run(run)
    assert "".join(pieces) == run and max(map(len, pieces)) == PIECE


@pytest.mark.parametrize("text", [
    "He said " + '"' * 500 + " twice.",
    "," * 1000,
    "start\n" + "1" * 999 + "\n\n" + "\u201c" * 333 + "  end  ",
    "a" * 201 + " " + "b" * 201 + "\t" + "c" * 5,
    "Tom Doe, 34, was hurt. " * 5 + "http://example.com/" + "p" * 300 + " said police.",
])
def test_text_and_offsets_are_kept(blank, text):
    doc = blank(text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in doc)
    assert max(len(t) for t in doc) <= max(PIECE, MAX_RUN)


def test_ordinary_text_tokenized_as_before(blank):
    plain = spacy.blank("en")
    text = "Tom Doe, 34, said: \u201cIt's over.\u201d Police (the Met) agreed."
    assert [t.text for t in blank(text)] == [t.text for t in plain(text)]


def test_delegates_and_pickles(blank):
    blank.tokenizer.add_special_case("gonna", [{"ORTH": "gon"}, {"ORTH": "na"}])
    assert [t.text for t in blank("gonna go")] == ["gon", "na", "go"]
    again = pickle.loads(pickle.dumps(blank.tokenizer))
    assert isinstance(again, LongRunTokenizer) and again("a " + "b" * 300).text == "a " + "b" * 300


def test_a_long_run_is_linear(blank):
    # without the wrapper, 20,000 commas take minutes (spaCy strips one suffix at a time)
    started = time.perf_counter()
    doc = blank("," * 20000)
    assert time.perf_counter() - started < 5 and len(doc) == 200
