"""Per-Doc indexes that spaCy rebuilds on every access: the text and the entity ranges.

``Doc.text`` joins every token each time it is read and ``Doc.ents`` builds a new Span per
entity, so reading either once per mention makes an extractor quadratic in the article's
length. These helpers build them once per Doc (weakly cached: the cache never keeps a Doc
alive) and answer range questions by bisection.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Ann met Bob in York.")
    >>> doc_text(doc) == doc.text
    True

Known limits: the cache assumes the Doc is not changed after parsing (factx sets
``doc.ents`` only inside the pipeline, before any extractor runs).
"""

from __future__ import annotations

import bisect
import weakref
from typing import NamedTuple

from spacy.tokens import Doc


class EntRange(NamedTuple):
    """What extractors read of an entity, without building a Span."""

    start_char: int
    end_char: int
    label_: str


class _Index:
    __slots__ = ("text", "_ents", "_ent_ends")

    def __init__(self, doc: Doc):
        self.text: str = doc.text
        self._ents: list[EntRange] | None = None
        self._ent_ends: list[int] = []


_CACHE: "weakref.WeakKeyDictionary[Doc, _Index]" = weakref.WeakKeyDictionary()


def _index(doc: Doc) -> _Index:
    found = _CACHE.get(doc)
    if found is None:
        found = _CACHE[doc] = _Index(doc)
    return found


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    return _index(doc).text


def ent_ranges(doc: Doc) -> list[EntRange]:
    """``doc.ents`` as (start_char, end_char, label_) in text order, built once per Doc."""
    index = _index(doc)
    if index._ents is None:
        index._ents = [EntRange(e.start_char, e.end_char, e.label_) for e in doc.ents]
        index._ent_ends = [e.end_char for e in index._ents]
    return index._ents


def ents_overlapping(doc: Doc, start: int, end: int) -> list[EntRange]:
    """The entities sharing a character with ``[start, end)``, in text order (what a loop over
    ``doc.ents`` testing ``ent.start_char < end and start < ent.end_char`` would keep)."""
    ents = ent_ranges(doc)
    ends = _index(doc)._ent_ends
    out = []
    i = bisect.bisect_right(ends, start)  # entities are disjoint and sorted: ends ascend
    while i < len(ents) and ents[i].start_char < end:
        if start < ents[i].end_char:
            out.append(ents[i])
        i += 1
    return out
