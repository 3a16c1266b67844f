"""nest_spans: overlapping highlights become properly nested segments, text kept exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factx.report.spans import HighlightSpan as S
from factx.report.spans import Mark, flatten_text, nest_spans


def shape(nodes):
    """A compact picture of a tree: 'text' or (type, piece, [children])."""
    return [n if isinstance(n, str) else (n.span.type, n.piece, shape(n.children)) for n in nodes]


@pytest.mark.parametrize("text, spans, expected", [
    ("", [], []),
    ("plain", [], ["plain"]),
    # one span, at the start, middle, end, whole
    ("abc def", [S(0, 3, "a")], [("a", 0, ["abc"]), " def"]),
    ("abc def", [S(2, 5, "a")], ["ab", ("a", 0, ["c d"]), "ef"]),
    ("abc def", [S(4, 7, "a")], ["abc ", ("a", 0, ["def"])]),
    ("abc", [S(0, 3, "a")], [("a", 0, ["abc"])]),
    # nesting: a date inside a quote
    ("said it was May 2020 then", [S(8, 25, "quote"), S(12, 20, "date")],
     ["said it ", ("quote", 0, ["was ", ("date", 0, ["May 2020"]), " then"])]),
    # nesting is by extent, not by input order
    ("said it was May 2020 then", [S(12, 20, "date"), S(8, 25, "quote")],
     ["said it ", ("quote", 0, ["was ", ("date", 0, ["May 2020"]), " then"])]),
    # same start: the longer one is outside
    ("IOPC director Jo", [S(0, 4, "agency"), S(0, 16, "official")],
     [("official", 0, [("agency", 0, ["IOPC"]), " director Jo"])]),
    # same end: the longer one is outside
    ("the Met Police", [S(8, 14, "x"), S(4, 14, "agency")],
     ["the ", ("agency", 0, ["Met ", ("x", 0, ["Police"])])]),
    # equal extents nest in input order
    ("Jo Bloggs", [S(0, 9, "victim"), S(0, 9, "speaker")], [("victim", 0, [("speaker", 0, ["Jo Bloggs"])])]),
    # adjacency: touching spans stay siblings, never merged, never nested
    ("abcdef", [S(0, 3, "a"), S(3, 6, "a")], [("a", 0, ["abc"]), ("a", 0, ["def"])]),
    ("abcdef", [S(0, 3, "a"), S(3, 6, "b")], [("a", 0, ["abc"]), ("b", 0, ["def"])]),
    # crossing spans: the later one is split where the earlier one ends
    ("ab cd ef", [S(0, 5, "quote"), S(3, 8, "date")],
     [("quote", 0, ["ab ", ("date", 0, ["cd"])]), ("date", 1, [" ef"])]),
    # three-way crossing
    ("0123456789", [S(0, 4, "a"), S(2, 7, "b"), S(5, 9, "c")],
     [("a", 0, ["01", ("b", 0, ["23"])]), ("b", 1, ["4", ("c", 0, ["56"])]), ("c", 1, ["78"]), "9"]),
    # empty spans and spans outside the text are dropped
    ("abc", [S(1, 1, "a")], ["abc"]),
    ("abc", [S(2, 1, "a")], ["abc"]),
    ("abc", [S(2, 9, "a"), S(-1, 2, "b")], ["abc"]),
    ("", [S(0, 0, "a")], []),
])
def test_nest_spans_table(text, spans, expected):
    tree = nest_spans(text, spans)
    assert shape(tree) == expected
    assert flatten_text(tree) == text


def test_a_contained_span_is_never_split():
    tree = nest_spans("x" * 20, [S(0, 10, "a"), S(5, 15, "b"), S(6, 8, "c")])
    pieces = [m for m in walk(tree) if m.span.type == "c"]
    assert len(pieces) == 1 and (pieces[0].start, pieces[0].end) == (6, 8)


def test_text_with_markup_characters_is_kept_verbatim():
    text = '<script>alert(1)</script> {{ 7*7 }} </textarea>&amp;'
    tree = nest_spans(text, [S(0, 8, "a"), S(26, 36, "b")])
    assert flatten_text(tree) == text
    assert shape(tree)[0] == ("a", 0, ["<script>"])


def walk(nodes):
    for n in nodes:
        if isinstance(n, Mark):
            yield n
            yield from walk(n.children)


spans_strategy = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from("abc")).map(lambda t: S(*t)),
    max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="ab \n<&", min_size=0, max_size=30), spans=spans_strategy)
def test_nest_spans_properties(text, spans):
    tree = nest_spans(text, spans)
    assert flatten_text(tree) == text
    # each kept span's pieces are numbered 0.., contiguous, and cover exactly its range
    kept = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    marks = list(walk(tree))
    by_identity: dict[int, list[Mark]] = {}
    for m in marks:
        by_identity.setdefault(id(m.span), []).append(m)
    for pieces in by_identity.values():
        span = pieces[0].span
        assert [p.piece for p in pieces] == list(range(len(pieces)))
        assert pieces[0].start == span.start and pieces[-1].end == span.end
        for a, b in zip(pieces, pieces[1:]):
            assert a.end == b.start
        assert "".join(p.text_content() for p in pieces) == text[span.start:span.end]
    assert len(by_identity) == len(kept)
    # proper nesting: every child lies inside its parent
    def check(nodes, lo, hi):
        pos = lo
        for n in nodes:
            if isinstance(n, str):
                pos += len(n)
            else:
                assert lo <= n.start == pos and n.end <= hi and n.start < n.end
                check(n.children, n.start, n.end)
                pos = n.end
        assert pos == hi
    check(tree, 0, len(text))
