"""Victims: named people harmed by a crime, attack, accident or others' actions (SPEC "Victim")."""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc

from ..records import Victim


def extract(doc: Doc, ctx) -> Iterator[Victim]:
    return iter(())
