"""Invariants every record must keep, whatever the input (shared by the property tests)."""

from __future__ import annotations

import pytest

from factx.records import ArticleFacts


def record_problems(facts: ArticleFacts, text: str) -> list[str]:
    """Everything wrong with a record for ``text``; [] when it is sound.

    Sound: the dumped JSON validates against the schema; every fact's offsets lie in the text
    and ``text[start:end]`` is its surface (ages, dates, quotes, every mention); officials'
    quote indexes exist; no extractor produced offsets that api.check_offsets had to drop.
    """
    problems: list[str] = []
    again = ArticleFacts.model_validate_json(facts.model_dump_json())
    if again != facts:
        problems.append("record changes through JSON")
    spans = [("age", f.start, f.end, f.text) for f in facts.ages]
    spans += [("date", f.start, f.end, f.text) for f in facts.dates]
    spans += [("quote", q.start, q.end, q.text) for q in facts.quotes]
    for kind, group in (("victim", facts.victims), ("agency", facts.agencies), ("official", facts.officials)):
        spans += [(kind, m.start, m.end, m.text) for item in group for m in item.mentions]
    for kind, start, end, surface in spans:
        if not (0 <= start <= end <= len(text)) or text[start:end] != surface:
            problems.append(f"{kind} {surface!r} at {start}:{end} is {text[start:end]!r} in the text")
    for q in facts.quotes:
        if q.speaker_start is not None and not (0 <= q.speaker_start <= (q.speaker_end or 0) <= len(text)):
            problems.append(f"quote speaker offsets {q.speaker_start}:{q.speaker_end} outside the text")
    for official in facts.officials:
        if any(not 0 <= i < len(facts.quotes) for i in official.quotes):
            problems.append(f"official {official.name!r} points at missing quotes {official.quotes}")
    problems += [w for w in facts.warnings if w.startswith("internal:")]
    return problems


@pytest.fixture(scope="session")
def sound():
    """sound(facts, text): assert the record keeps every invariant."""

    def check(facts: ArticleFacts, text: str) -> None:
        problems = record_problems(facts, text)
        assert not problems, problems

    return check
