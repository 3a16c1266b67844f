"""The factx_* spaCy components: paragraphs, page furniture, entity repairs."""

from __future__ import annotations

import pytest

from factx.components import FURNITURE_KEY, furniture_ranges, _furniture_regexes


@pytest.mark.parametrize(
    "line, is_furniture",
    [
        ("Oops!", True),
        ("Something went wrong.", True),
        ("·3-min read", True),
        ("(Northshire Constabulary)", True),
        ("Our goal is to create a safe and engaging place for users to connect.", True),
        ("Mara Quill was hurt in the crash (PA Media)", True),
        ("Mara Quill, 33, was hurt in the crash on Friday.", False),
        ("The council said the road would reopen (after repairs) next week.", False),
    ],
)
def test_furniture_lines(line, is_furniture):
    text = f"Headline here\n\n{line}\n\nA body paragraph follows.\n"
    ranges = furniture_ranges(text, _furniture_regexes())
    hit = any(text[s:e].strip() == line for s, e, _ in ranges)
    assert hit is is_furniture


def test_repeated_caption_lines_are_furniture_both_times():
    caption = "Tomas Reyes was last seen near the harbour"
    text = f"Intro paragraph.\n\n{caption}\n{caption}\n\nBody.\n"
    ranges = furniture_ranges(text, [])
    assert [text[s:e] for s, e, _ in ranges] == [caption, caption]


def test_every_line_break_starts_a_sentence(nlp):
    doc = nlp("Crash victim named\n\nPolice named the man as Ivo Brandt on Monday.\nA caption line\nMore text here.")
    starts = [s.text.split()[0] for s in doc.sents]
    assert starts[:2] == ["Crash", "Police"]
    assert "A" in starts and "More" in starts


@pytest.mark.parametrize("stamp", ["Posted: Mar 14, 2024", "Updated: Jun 3, 2022 4:10 pm"])
def test_month_day_in_a_stamp_is_not_a_person(extract_text, stamp):
    facts = extract_text(f"By Jane Roe\n{stamp}\n\nOrla Finch, 40, was stabbed in Corby.")
    assert [(a.name, a.age) for a in facts.ages] == [("Orla Finch", 40)]


def test_furniture_spans_are_on_the_doc(nlp):
    doc = nlp("Oops!\n\nNora Vale, 29, was injured.\n")
    assert [s.text for s in doc.spans[FURNITURE_KEY]] == ["Oops!"]
