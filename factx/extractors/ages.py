"""Ages of named people (SPEC "Age")."""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc

from ..records import Age


def extract(doc: Doc, ctx) -> Iterator[Age]:
    return iter(())
