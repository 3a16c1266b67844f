"""What every extractor may read about the article besides the Doc."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from spacy.tokens import Doc, Span

from ..components import FURNITURE_KEY
from ..records import Age, Agency
from .docindex import doc_text
from .people import People, find_people


@dataclass
class ArticleContext:
    """Shared state for one article's extraction. Extractors add warnings, never print."""

    doc: Doc
    reference_date: Optional[date] = None
    warnings: list[str] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    ages: list[Age] = field(default_factory=list)
    _people: Optional[People] = None
    _furniture: Optional[list[tuple[int, int]]] = None

    @property
    def text(self) -> str:
        # Doc.text is rebuilt from every token on each access: share the one per-Doc copy
        return doc_text(self.doc)

    @property
    def furniture(self) -> list[tuple[int, int]]:
        """Character ranges of page furniture (banners, captions, footers), sorted."""
        if self._furniture is None:
            spans = self.doc.spans[FURNITURE_KEY] if FURNITURE_KEY in self.doc.spans else []
            self._furniture = sorted((s.start_char, s.end_char) for s in spans)
        return self._furniture

    def is_furniture(self, start: int, end: Optional[int] = None) -> bool:
        """True when the character range lies inside page furniture."""
        end = start + 1 if end is None else end
        ranges = self.furniture
        i = bisect.bisect_right(ranges, (start, float("inf"))) - 1
        return i >= 0 and ranges[i][0] <= start and end <= ranges[i][1]

    def span_is_furniture(self, span: Span) -> bool:
        return self.is_furniture(span.start_char, span.end_char)

    @property
    def people(self) -> People:
        if self._people is None:
            self._people = find_people(self.doc)
        return self._people
