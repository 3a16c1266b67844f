"""Quotes (direct and reported) and the officials who speak them (SPEC "Quote and Official")."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Official, Quote


def extract(doc: Doc, ctx) -> tuple[list[Quote], list[Official]]:
    return [], []
