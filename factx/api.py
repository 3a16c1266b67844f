"""The importable API: ``extract(text)`` for one article, ``extract_many(...)`` for a stream.

    >>> from factx import extract
    >>> facts = extract("Jane Roe, 34, was stabbed in Leeds on Friday.", reference_date="2024-03-04")
    >>> facts.victims[0].name
    'Jane Roe'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .extractors import agencies, ages, dates, quotes, victims
from .extractors.context import ArticleContext
from .extractors.people import same_person
from .pipeline import get_pipeline
from .records import ArticleFacts

# spaCy's parser needs memory in proportion to a doc's length: long texts go through in
# pieces of at most this many characters, cut at line ends, and are joined back after.
CHUNK_CHARS = 100_000

DateLike = Union[date, str, None]


@dataclass
class Article:
    """One input: its text, where it came from, and what reading it already had to say."""

    text: str
    source: str = "-"
    reference_date: DateLike = None
    warnings: list[str] = field(default_factory=list)


def _as_date(value: DateLike) -> Optional[date]:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Cut text into pieces of at most ``limit`` characters, at line ends where possible.

    The pieces join back to the text exactly, so offsets stay right.
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        cut = start + limit if cut <= start else cut + 1
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def parse(nlp: Language, text: str) -> tuple[Doc, list[str]]:
    """Run the pipeline over text of any length; the Doc's text is exactly ``text``."""
    pieces = split_text(text)
    if len(pieces) == 1:
        return nlp(text), []
    docs = list(nlp.pipe(pieces))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    warning = f"text of {len(text)} characters processed in {len(pieces)} pieces"
    return doc, [warning]


def facts_from_doc(doc: Doc, article: Article) -> ArticleFacts:
    """Run every extractor over a parsed article and build its record."""
    warnings = list(article.warnings)
    ref = _as_date(article.reference_date)
    ref_source = "option" if ref else None
    if ref is None:
        ref = dates.find_publication_date(doc.text)
        ref_source = "article" if ref else None
    if ref is None:
        warnings.append("no reference date: relative dates have null values")
    ctx = ArticleContext(doc=doc, reference_date=ref, warnings=warnings)
    ctx.agencies = list(agencies.extract(doc, ctx))
    ctx.ages = list(ages.extract(doc, ctx))
    found_victims = list(victims.extract(doc, ctx))
    found_dates = list(dates.extract(doc, ctx))
    found_quotes, found_officials = quotes.extract(doc, ctx)
    # victims speaking (or reported) are not officials, whatever rank they held (SPEC Official)
    found_officials = [o for o in found_officials
                       if not any(same_person(o.name, v.name) for v in found_victims)]
    facts = ArticleFacts(
        source=article.source,
        reference_date=ref.isoformat() if ref else None,
        reference_date_source=ref_source,
        victims=found_victims,
        ages=ctx.ages,
        dates=found_dates,
        agencies=ctx.agencies,
        officials=found_officials,
        quotes=found_quotes,
        warnings=ctx.warnings,
    )
    return check_offsets(facts, doc.text)


def check_offsets(facts: ArticleFacts, text: str) -> ArticleFacts:
    """Drop (with a warning) any fact whose offsets do not point at its surface text.

    Extractors build facts from spaCy spans, so this should never fire; it is the guarantee
    users rely on, so it is checked rather than assumed.
    """

    def ok(start: int, end: int, surface: str) -> bool:
        return 0 <= start <= end <= len(text) and text[start:end] == surface

    bad = 0
    for name in ("ages", "dates"):
        kept = [f for f in getattr(facts, name) if ok(f.start, f.end, f.text)]
        bad += len(getattr(facts, name)) - len(kept)
        setattr(facts, name, kept)
    for q in facts.quotes:
        if not ok(q.start, q.end, q.text):
            bad += 1
    for group in (facts.victims, facts.agencies, facts.officials):
        for item in group:
            kept = [m for m in item.mentions if ok(m.start, m.end, m.text)]
            bad += len(item.mentions) - len(kept)
            item.mentions = kept
    if bad:
        facts.warnings.append(f"internal: {bad} fact(s) with offsets not matching the text were dropped")
    return facts


def extract(text: str, source: str = "-", reference_date: DateLike = None,
            nlp: Optional[Language] = None) -> ArticleFacts:
    """Extract the facts of one article's text."""
    nlp = nlp or get_pipeline()
    article = Article(text=text, source=source, reference_date=reference_date)
    doc, warnings = parse(nlp, text)
    article.warnings.extend(warnings)
    return facts_from_doc(doc, article)


def extract_many(articles: Iterable[Union[Article, str]], nlp: Optional[Language] = None,
                 batch_size: int = 4, n_process: int = 1) -> Iterator[ArticleFacts]:
    """Extract many articles as a stream, in input order; memory stays flat.

    ``articles`` may hold plain strings or :class:`Article` objects. ``n_process`` > 1 (0 = all
    cores) runs parse *and* extraction in that many worker processes (see :mod:`factx.batch`).
    An article whose extraction fails raises :class:`factx.batch.ExtractionError` naming it;
    for a stream that goes on past failures, use :func:`factx.batch.extract_outcomes`.

        >>> [f.source for f in extract_many([Article("Jane Roe was hurt.", source="a"), "No news."])]
        ['a', '-']
    """
    from .batch import ExtractionError, extract_outcomes

    def normalised() -> Iterator[Article]:
        for item in articles:
            yield item if isinstance(item, Article) else Article(text=item)

    outcomes = extract_outcomes(normalised(), jobs=n_process, batch_size=batch_size, nlp=nlp, as_json=False)
    for outcome in outcomes:
        if not outcome.ok:
            outcomes.close()
            raise ExtractionError(outcome.source, outcome.error)
        yield outcome.facts
