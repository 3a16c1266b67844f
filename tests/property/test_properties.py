"""Property-based tests (hypothesis): whatever the text, factx never raises and its records
keep their invariants (schema-valid JSON, offsets pointing at each fact's text).

Three sources of text: random Unicode; random article-like text assembled from sentences with
names, ages, dates, quotes and agencies (written here, not taken from any article); random
mutations of a window of the bundled sample article. Example counts are modest so the suite
stays fast; a failure prints the falsifying text and a ``@reproduce_failure`` blob.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factx import api
from factx import io as fio

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "met-port-reinvestigation.txt"

FAST = settings(max_examples=200, deadline=None, database=None, print_blob=True)
SLOW = dict(deadline=None, database=None, print_blob=True,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ---------------------------------------------------------------- decoding (no spaCy)

@FAST
@given(st.binary(max_size=3000))
def test_any_bytes_decode_or_are_refused_cleanly(data):
    try:
        got = fio.text_from_bytes(data, "in.txt")
    except fio.InputError as error:
        assert str(error).startswith("in.txt: ") and "\n" not in str(error)
        return
    assert got.text.strip() and "\r" not in got.text


MAGIC = tuple(fio._BINARY_MAGIC)


@FAST
@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]))
def test_unicode_encodings_round_trip_exactly(text, encoding):
    # a text starting with NUL after UTF-16's mark reads as UTF-32's mark (FF FE 00 00)
    assume("\r" not in text and not text.startswith(("\ufeff", "\x00")))
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # with its byte order mark, as editors write it
        data = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + data
    if encoding == "utf-8":
        assume("\x00" not in text and not data.startswith(MAGIC))
    decoded, warnings, _ = fio.decode_bytes(data, "x")
    assert decoded == text
    assert (warnings == []) == encoding.startswith("utf-8")


# ---------------------------------------------------------------- extraction

def check_extract(nlp, sound, text: str) -> None:
    facts = api.extract(text, source="prop", nlp=nlp)
    sound(facts, text)


@settings(max_examples=60, **SLOW)
@given(st.text(max_size=400))
def test_random_unicode(nlp, sound, text):
    check_extract(nlp, sound, text)


QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb`"


@settings(max_examples=40, **SLOW)
@given(st.text(alphabet=st.sampled_from(list(QUOTE_CHARS + " \n,.:;-Aa1")), max_size=400))
def test_random_punctuation_and_quotes(nlp, sound, text):
    check_extract(nlp, sound, text)


FIRST = ["Tom", "Ann", "Maria", "John", "Aisha", "Li", "Sean", "Priya", "Oleksandr", "Zo\u00eb", "Jos\u00e9", "Mary-Kate"]
LAST = ["Doe", "Lee", "Okafor", "Smith", "Kowalski", "O'Neill", "Garc\u00eda", "Nguyen", "Ferreira-Lopes", "MacLeod"]
AGENCIES = ["West Yorkshire Police", "the Metropolitan Police", "the Met", "the IOPC",
            "the Independent Office for Police Conduct (IOPC)", "the Crown Prosecution Service",
            "the FBI", "the fire service", "Leeds City Council", "the Ministry of Justice", "the NYPD",
            "the coroner's court", "Scotland Yard"]
TITLES = ["Detective Inspector", "Chief Constable", "Sgt", "Mayor", "Dr", "Mr", "Ms", ""]
ROLES = ["a spokeswoman for", "the head of", "a senior officer at", "the director of"]
DATES = ["on Monday", "last December", "on 3 March 2024", "in June 2014", "yesterday",
         "at 8:30 p.m. on Thursday", "in 2015", "on Tuesday night", "at 14:30 GMT",
         "between June 2014 and September 2015", "earlier this year", "on 31/12/2019", "now"]
HARMS = ["was stabbed", "was killed", "died", "was injured", "was assaulted", "was robbed",
         "was shot dead", "was found dead", "suffered serious injuries", "was arrested"]
PLACES = ["Leeds", "the Bronx", "a nightclub in York", "Port Talbot", "east London"]
WORDS = ["we", "are", "appealing", "for", "witnesses", "this", "was", "a", "tragedy", "nobody",
         "should", "lose", "their", "life", "like", "that", "investigation", "continues", "I", "saw", "it"]
OPEN_CLOSE = [("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("'", "'"), ("\u201c", ""), ("", '"')]

names = st.builds(lambda f, l: f"{f} {l}", st.sampled_from(FIRST), st.sampled_from(LAST))
ages = st.integers(min_value=0, max_value=109)
speech = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(lambda ws: " ".join(ws).capitalize())


@st.composite
def sentences(draw) -> str:
    name, age = draw(names), draw(ages)
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return f"{name}, {age}, {draw(st.sampled_from(HARMS))} in {draw(st.sampled_from(PLACES))} {draw(st.sampled_from(DATES))}."
    if kind == 1:
        return f"The {age}-year-old {draw(st.sampled_from(HARMS))} {draw(st.sampled_from(DATES))}, {draw(st.sampled_from(AGENCIES))} said."
    if kind == 2:
        opening, closing = draw(st.sampled_from(OPEN_CLOSE))
        title = draw(st.sampled_from(TITLES))
        return f"{opening}{draw(speech)},{closing} said {title} {name}".replace("  ", " ") + "."
    if kind == 3:
        opening, closing = draw(st.sampled_from(OPEN_CLOSE))
        return (f"{name}, {draw(st.sampled_from(ROLES))} {draw(st.sampled_from(AGENCIES))}, said: "
                f"{opening}{draw(speech)}.{closing}")
    if kind == 4:
        return f"{draw(st.sampled_from(AGENCIES)).capitalize()} said the {name.split()[1]} family would be supported."
    if kind == 5:
        return f"Published {draw(st.integers(1, 28))} {draw(st.sampled_from(['March', 'August', 'December']))} {draw(st.integers(1990, 2030))}"
    if kind == 6:
        return f"{name} ({age}) and {draw(names)}, who was {draw(ages)}, {draw(st.sampled_from(HARMS))}."
    if kind == 7:
        return f"According to {draw(st.sampled_from(AGENCIES))}, {name} {draw(st.sampled_from(HARMS))} {draw(st.sampled_from(DATES))}."
    if kind == 8:
        return f"Mr {name.split()[1]} said he had been {draw(st.sampled_from(['threatened', 'hurt', 'attacked']))} {draw(st.sampled_from(DATES))}."
    return draw(st.sampled_from(["Advertisement", "Image caption: police at the scene", "Share this article",
                                 "Related Topics", "Sorry, this video is unavailable."]))


@st.composite
def articles(draw) -> str:
    parts = draw(st.lists(sentences(), min_size=1, max_size=14))
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(["\n\n", "\n", " ", "  "])) + part
    return text


@settings(max_examples=40, **SLOW)
@given(articles())
def test_article_like_text(nlp, sound, text):
    check_extract(nlp, sound, text)


@st.composite
def mutated_sample(draw) -> str:
    sample = SAMPLE.read_text(encoding="utf-8")
    start = draw(st.integers(0, max(0, len(sample) - 400)))
    text = sample[start:start + draw(st.integers(200, 2500))]
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text)))
        end = draw(st.integers(at, min(len(text), at + 200)))
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "quote", "join_lines", "split", "upper"]))
        if op == "insert":
            text = text[:at] + draw(st.text(max_size=30)) + text[at:]
        elif op == "delete":
            text = text[:at] + text[end:]
        elif op == "duplicate":
            text = text[:end] + text[at:end] + text[end:]
        elif op == "quote":
            text = text[:at] + draw(st.sampled_from(list(QUOTE_CHARS))) + text[at:]
        elif op == "join_lines":
            text = text[:at] + text[at:end].replace("\n", " ") + text[end:]
        elif op == "split":
            text = text[:at] + "\n\n" + text[at:]
        else:
            text = text[:at] + text[at:end].upper() + text[end:]
    return text


@pytest.mark.skipif(not SAMPLE.exists(), reason=f"{SAMPLE} not present")
@settings(max_examples=30, **SLOW)
@given(mutated_sample())
def test_mutated_sample(nlp, sound, text):
    check_extract(nlp, sound, text)
