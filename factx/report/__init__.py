"""HTML reports: see and check the facts in place (``factx extract ... --format html``).

    >>> from factx.report import render_article
    >>> from factx.records import ArticleFacts
    >>> render_article("Nothing happened.", ArticleFacts(source="a.txt")).startswith("<!DOCTYPE html>")
    True

- :func:`render_article`: one self-contained page, the article text with every fact
  highlighted at its offsets, a legend and a side panel of the facts by type.
- :func:`render_index`: a sortable table of many articles.
- :class:`HtmlReportWriter`: writes a page, or a folder of pages plus ``index.html``, atomically.
- :func:`nest_spans`: the pure function that nests overlapping highlights for HTML.
"""

from .render import FACT_TYPES, IndexRow, fact_counts, fact_spans, render_article, render_index
from .spans import HighlightSpan, Mark, flatten_text, nest_spans
from .writer import HtmlReportWriter, LayoutError, choose_layout, page_name, write_report

__all__ = [
    "FACT_TYPES", "HighlightSpan", "HtmlReportWriter", "IndexRow", "LayoutError", "Mark",
    "choose_layout", "fact_counts", "fact_spans", "flatten_text", "nest_spans", "page_name",
    "render_article", "render_index", "write_report",
]
