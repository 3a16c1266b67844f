"""Fuzz target (atheris): bytes -> io.text_from_bytes -> api.extract, with every invariant checked.

    make fuzz                      # 10 minutes (FUZZ_SECONDS), corpus in $(FUZZ_CORPUS)
    .venv/bin/python fuzz/fuzz_extract.py CORPUS_DIR fuzz/seeds -max_total_time=60

A crash is any exception other than io.InputError (which is the clean "bad input" answer),
a record that does not validate against the schema, or a fact whose offsets do not point at
its text. libFuzzer writes the input that crashed to ``crash-<sha1>`` (see -artifact_prefix);
replay it with ``python fuzz/fuzz_extract.py crash-<sha1>``.

The spaCy pipeline is built once; only factx's own modules and the decoders it calls are
instrumented for coverage (instrumenting spaCy and numpy would slow every input tenfold).
"""

from __future__ import annotations

import os
import sys

import atheris

with atheris.instrument_imports(include=["factx", "charset_normalizer"]):
    from factx import api
    from factx import io as fio
    from factx.pipeline import get_pipeline
    from factx.records import ArticleFacts

NLP = get_pipeline()


def check_record(facts: ArticleFacts, text: str) -> None:
    """Raise AssertionError unless the record is valid JSON of the schema with exact offsets."""
    ArticleFacts.model_validate_json(facts.model_dump_json())
    spans = [(f.start, f.end, f.text) for f in facts.ages + facts.dates]
    spans += [(q.start, q.end, q.text) for q in facts.quotes]
    for group in (facts.victims, facts.agencies, facts.officials):
        spans += [(m.start, m.end, m.text) for item in group for m in item.mentions]
    for start, end, surface in spans:
        assert 0 <= start <= end <= len(text) and text[start:end] == surface, (start, end, surface)
    for official in facts.officials:
        assert all(0 <= i < len(facts.quotes) for i in official.quotes), official.quotes
    assert not any(w.startswith("internal:") for w in facts.warnings), facts.warnings


def TestOneInput(data: bytes) -> None:
    # the first byte picks how the rest is read: sniffed, forced HTML, or forced text
    if not data:
        return
    mode, body = data[0] % 3, data[1:]
    is_html = None if mode == 0 else mode == 1
    try:
        got = fio.text_from_bytes(body, "fuzz", is_html=is_html)
    except fio.InputError:
        return
    facts = api.extract(got.text, source="fuzz", nlp=NLP)
    check_record(facts, got.text)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    main()
