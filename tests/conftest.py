"""Shared fixtures. The spaCy pipeline is built once per test session (it takes ~1 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def nlp():
    from factx.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def extract_text(nlp):
    """extract_text(text, reference_date=None) -> ArticleFacts, with the shared pipeline."""
    from factx.api import extract

    def run(text: str, reference_date=None, source: str = "-"):
        return extract(text, source=source, reference_date=reference_date, nlp=nlp)

    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (dev set, corpus): read by path, never copied. Skips when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not present")
    return SHARED


@pytest.fixture(scope="session")
def victims_of(extract_text):
    """victims_of(text) -> {(name, harm)}, after checking every mention's offsets."""

    def run(text: str):
        facts = extract_text(text)
        for v in facts.victims:
            for m in v.mentions:
                assert text[m.start:m.end] == m.text
        return {(v.name, v.harm) for v in facts.victims}

    return run


@pytest.fixture(scope="session")
def ages_of(extract_text):
    """ages_of(text) -> {(name, age)}, after checking every age's offsets."""

    def run(text: str):
        facts = extract_text(text)
        for age in facts.ages:
            assert text[age.start:age.end] == age.text
        return {(a.name, a.age) for a in facts.ages}

    return run
