"""Very long and adversarial text: processed in full, offsets right, time linear in size.

The timing tests compare CPU time (``time.process_time``: immune to other processes on a
busy machine) of an input and of the same kind of input 8x longer; linear code takes ~8x,
the bound is 20x. A failure names the kind of input; profile it with
``python -m cProfile -s tottime`` over ``factx.api.extract`` to find the extractor.
"""

from __future__ import annotations

import time

import pytest

from factx import api

# long words: few tokens per character keep the parser's share (and the test's time) small
FILLER = "Pneumonoultramicroscopicsilicovolcanoconiosis Incomprehensibilities Counterrevolutionaries "


@pytest.mark.parametrize("text, limit, cuts", [
    ("short", 10, ["short"]),
    ("line one\nline two\nline three\n", 12, ["line one\n", "line two\n", "line three\n"]),
    ("aaaa bbbb cccc dddd", 10, ["aaaa bbbb ", "cccc dddd"]),  # no newline: cut after a space
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),             # neither: cut at the limit
    ("ab\n" + "c" * 20, 10, ["ab\n", "c" * 10, "c" * 10]),
    ("", 10, [""]),
])
def test_split_text_table(text, limit, cuts):
    assert api.split_text(text, limit) == cuts


@pytest.mark.parametrize("text", [
    "word " * 50_000,
    "\n" * 30_000 + "x" * 300_000,
    ("para one two.\n\n" * 9000) + "tail",
    "," * 1_000_000,
])
def test_split_text_pieces_join_back_and_fit(text):
    pieces = api.split_text(text)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= api.CHUNK_CHARS for p in pieces)


def test_long_single_line_is_processed_in_full(nlp, sound):
    # one line of ~130,000 characters (no newline): cut at spaces into two pieces
    head = "Tom Doe, 19, was injured in Leeds on Monday, police said. "
    tail = " Ann Lee, 40, was hurt in York on Friday, officers said."
    body = FILLER * ((api.CHUNK_CHARS + 30_000) // len(FILLER))
    text = head + body + tail
    assert "\n" not in text
    doc, warnings = api.parse(nlp, text)
    assert doc.text == text
    assert warnings and "pieces" in warnings[0]
    facts = api.extract(text, nlp=nlp)
    sound(facts, text)
    assert any("pieces" in w for w in facts.warnings)
    starts = [a.start for a in facts.ages] + [d.start for d in facts.dates]
    assert any(s > len(text) - len(tail) for s in starts), "nothing found in the last piece: text cut?"


@pytest.mark.slow
def test_one_megabyte_line_without_spaces(nlp, sound):
    # a 1 MB line with no newline and no space (a CSV-like dump): pieces at the limit, and
    # long whitespace-free runs reach the tokenizer in short pieces (factx.long_tokens)
    unit = "Tom,Doe,19,Leeds,7;"
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    facts = api.extract(text, nlp=nlp)
    sound(facts, text)
    assert any("processed in 10 pieces" in w for w in facts.warnings)


def _cpu(fn) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


ARTICLE_LINE = ("Tom Doe, 19, was injured in Leeds on Monday night, West Yorkshire Police said. "
                "\u201cWe are appealing for witnesses,\u201d said Detective Inspector Ann Lee. ")
ADVERSARIAL = {
    # kind: (unit, base size in characters)
    "quotation marks": ('"', 4_000),
    "curly quotes": ("\u201c\u201d", 4_000),
    "commas": (",", 4_000),
    "digits": ("7", 4_000),
    "spaced quotes": ('" ', 1_500),
    "one long article line": (ARTICLE_LINE, 1_500),
    "dense quotes and dates": ("Tom,Doe,19,Leeds,\u201cquoted\u201d,2024-03-04;", 1_500),
}
# Extractors read Doc.text / Doc.ents once per article (factx.extractors.docindex), never once
# per mention: both rebuild from every token on each access, which made long lines quadratic.


@pytest.mark.parametrize("kind", list(ADVERSARIAL))
def test_time_is_linear_in_size(nlp, kind):
    unit, base = ADVERSARIAL[kind]

    def text(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    small, large = text(base), text(8 * base)
    # the best of two runs: the first also warms caches (vocabulary strings, rule files)
    t1 = min(_cpu(lambda: api.extract(small, nlp=nlp)) for _ in range(2))
    t8 = _cpu(lambda: api.extract(large, nlp=nlp))
    assert t8 < 20 * t1 + 0.05, f"{kind}: {base} chars took {t1:.3f}s, {8 * base} chars {t8:.3f}s"
