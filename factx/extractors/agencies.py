"""Agencies: public bodies with official authority (SPEC "Agency")."""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc

from ..records import Agency


def gazetteer_patterns() -> Iterator[dict]:
    """SpanRuler phrase patterns for every name, alias and acronym in models/agencies.jsonl."""
    return iter(())


def extract(doc: Doc, ctx) -> Iterator[Agency]:
    return iter(())
