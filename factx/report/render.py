"""Render facts as self-contained HTML pages: one per article, and an index of many.

    >>> from factx.records import ArticleFacts, DateFact
    >>> text = "It happened in June 2014."
    >>> facts = ArticleFacts(source="a.txt", dates=[DateFact(text="June 2014", start=15, end=24, value="2014-06")])
    >>> html = render_article(text, facts)
    >>> 'data-tip="Date: 2014-06 (DATE)"' in html
    True

Pages come from Jinja2 templates with autoescaping on, so the article text (untrusted) is
always text, never markup. Each page inlines its own CSS and JS (no network) and carries a
Content-Security-Policy that allows only those two blocks, by hash: even if markup slipped
through, no other script would run. The article element holds exactly the article text
(``innerText`` equals the input), with every fact wrapped in a ``<mark>`` at its offsets.

Known limits: facts with empty or out-of-range offsets cannot be highlighted; the page says
how many were skipped. Tooltips are CSS (``data-tip``) plus ``title`` attributes: touch
screens show them on focus only.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..records import ArticleFacts
from .spans import HighlightSpan, Node, nest_spans

# Fact types in display order: (type, label in the legend and panel).
FACT_TYPES: tuple[tuple[str, str], ...] = (
    ("victim", "Victims"),
    ("age", "Ages"),
    ("date", "Dates"),
    ("agency", "Agencies"),
    ("official", "Officials"),
    ("quote", "Quotes"),
)


@dataclass
class MarkInfo:
    """What a highlight shows: its anchor id, its tooltip, and extra data attributes."""

    anchor: str
    tip: str
    speaker: Optional[str] = None


@dataclass
class PanelItem:
    label: str
    detail: str = ""
    links: list[str] = field(default_factory=list)     # anchor ids of the mentions


@dataclass
class PanelGroup:
    type: str
    label: str
    items: list[PanelItem] = field(default_factory=list)
    mentions: int = 0


@dataclass
class IndexRow:
    """One line of the index: an article's page and counts, or an input that failed."""

    source: str
    href: Optional[str] = None
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: Optional[str] = None


def _join(*parts: object) -> str:
    return "; ".join(str(p) for p in parts if p not in (None, ""))


def fact_spans(facts: ArticleFacts) -> tuple[list[HighlightSpan], list[PanelGroup]]:
    """Every highlight of a record (with tooltips and anchors), and the side panel's groups."""
    spans: list[HighlightSpan] = []
    groups = {t: PanelGroup(t, label) for t, label in FACT_TYPES}

    def add(type_: str, start: int, end: int, anchor: str, tip: str, speaker: Optional[str] = None) -> str:
        spans.append(HighlightSpan(start, end, type_, MarkInfo(anchor, tip, speaker)))
        groups[type_].mentions += 1
        return anchor

    for i, v in enumerate(facts.victims):
        tip = _join(f"Victim: {v.name}", f"age {v.age}" if v.age is not None else None,
                    f"harm: {v.harm}" if v.harm else None)
        links = [add("victim", m.start, m.end, f"victim-{i}-{j}", tip) for j, m in enumerate(v.mentions)]
        groups["victim"].items.append(PanelItem(v.name, _join(v.age, v.harm), links))
    for i, a in enumerate(facts.ages):
        anchor = add("age", a.start, a.end, f"age-{i}", f"Age: {a.name} is {a.age}")
        groups["age"].items.append(PanelItem(a.name, str(a.age), [anchor]))
    for i, d in enumerate(facts.dates):
        anchor = add("date", d.start, d.end, f"date-{i}", f"Date: {d.value or 'no value'} ({d.type})")
        groups["date"].items.append(PanelItem(d.text, _join(d.value or "no value", d.type), [anchor]))
    for i, a in enumerate(facts.agencies):
        tip = _join(f"Agency: {a.name}", f"acronym {a.acronym}" if a.acronym else None,
                    f"kind: {a.kind}" if a.kind else None)
        links = [add("agency", m.start, m.end, f"agency-{i}-{j}", tip) for j, m in enumerate(a.mentions)]
        groups["agency"].items.append(PanelItem(a.name, _join(a.acronym, a.kind), links))
    for i, o in enumerate(facts.officials):
        tip = _join(f"Official: {o.name}", f"title: {o.title}" if o.title else None,
                    f"organisation: {o.organization}" if o.organization else None,
                    f"{len(o.quotes)} quote(s)" if o.quotes else None)
        links = [add("official", m.start, m.end, f"official-{i}-{j}", tip) for j, m in enumerate(o.mentions)]
        groups["official"].items.append(PanelItem(o.name, _join(o.title, o.organization), links))
    for i, q in enumerate(facts.quotes):
        kind = "direct" if q.direct else "indirect"
        anchor = add("quote", q.start, q.end, f"quote-{i}",
                     f"Quote ({kind}): speaker {q.speaker or 'unknown'}", q.speaker or "speaker unknown")
        preview = q.text if len(q.text) <= 90 else q.text[:87].rstrip() + "…"
        groups["quote"].items.append(PanelItem(q.speaker or "speaker unknown", preview, [anchor]))
        if q.speaker_start is not None and q.speaker_end is not None:
            # the speaker's words in the text; not a fact of its own, so not counted
            spans.append(HighlightSpan(q.speaker_start, q.speaker_end, "speaker",
                                       MarkInfo(f"speaker-{i}", f"Speaker of quote {i + 1}: {q.speaker}")))
    return spans, list(groups.values())


@lru_cache(maxsize=None)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("factx.report", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


@lru_cache(maxsize=None)
def _asset(name: str) -> tuple[Markup, str]:
    """Our own static CSS/JS (trusted, not user text) and its CSP hash source."""
    body = resources.files("factx.report").joinpath("templates", name).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
    return Markup(body), f"'sha256-{digest}'"


def _page_assets(script: str) -> dict[str, object]:
    css, css_hash = _asset("report.css")
    js, js_hash = _asset(script)
    csp = (f"default-src 'none'; style-src {css_hash}; script-src {js_hash}; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    return {"css": css, "js": js, "csp": csp}


def render_article(text: str, facts: ArticleFacts, index_href: Optional[str] = None) -> str:
    """One self-contained page: the article text with every fact highlighted in place."""
    spans, groups = fact_spans(facts)
    tree: list[Node] = nest_spans(text, spans)
    skipped = sum(1 for s in spans if not 0 <= s.start < s.end <= len(text))
    return _environment().get_template("article.html.j2").render(
        facts=facts, text_nodes=tree, groups=groups, skipped=skipped, index_href=index_href,
        fact_types=FACT_TYPES, **_page_assets("article.js"))


def render_index(rows: Iterable[IndexRow], title: str = "factx report") -> str:
    """The index page: a sortable table of articles with counts per fact type."""
    rows = list(rows)
    totals = {t: sum(r.counts.get(t, 0) for r in rows) for t, _ in FACT_TYPES}
    return _environment().get_template("index.html.j2").render(
        rows=rows, title=title, totals=totals, fact_types=FACT_TYPES,
        failed=sum(1 for r in rows if r.error), **_page_assets("index.js"))


def fact_counts(facts: ArticleFacts) -> dict[str, int]:
    """Facts per type, as the index shows them (one per victim, agency... not per mention)."""
    return {"victim": len(facts.victims), "age": len(facts.ages), "date": len(facts.dates),
            "agency": len(facts.agencies), "official": len(facts.officials), "quote": len(facts.quotes)}
