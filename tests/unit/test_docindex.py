"""docindex: cached Doc text and entity ranges answer like Doc.text / a loop over Doc.ents."""

from __future__ import annotations

import pytest

from factx.extractors.docindex import doc_text, ent_ranges, ents_overlapping

TEXT = ("Jane Roe of Leeds met Tom Doe in York on Monday.\n\n"
        "West Yorkshire Police said the meeting in Hull lasted two hours.")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_text_and_ranges(doc):
    assert doc_text(doc) == doc.text == TEXT
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [tuple(r) for r in ent_ranges(doc)]


@pytest.mark.parametrize("start, end", [
    (0, 1), (0, 4), (3, 9), (12, 17), (17, 22), (20, 30), (0, len(TEXT)), (49, 51), (50, 50), (len(TEXT), len(TEXT)),
])
def test_overlapping_matches_naive_loop(doc, start, end):
    naive = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.start_char < end and start < e.end_char]
    assert [tuple(r) for r in ents_overlapping(doc, start, end)] == naive
