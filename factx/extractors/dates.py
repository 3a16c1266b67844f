"""Dates and times, normalised to TIMEX3 values (SPEC "DateFact")."""

from __future__ import annotations

from datetime import date
from typing import Iterator, Optional

from spacy.tokens import Doc

from ..records import DateFact


def find_publication_date(text: str) -> Optional[date]:
    """The article's own publication date from its publication line, if it states one."""
    return None


def extract(doc: Doc, ctx) -> Iterator[DateFact]:
    return iter(())
