"""The ``--format table`` view: one article's facts for people, not programs."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.table import Table

from .records import ArticleFacts


def render_table(facts: ArticleFacts, out: IO[str]) -> None:
    """Print the record as a few rich tables (no colour when ``out`` is not a terminal)."""
    console = Console(file=out, highlight=False, soft_wrap=False, width=120)
    console.rule(f"{facts.source}  (reference date: {facts.reference_date or 'unknown'})")
    sections = [
        ("Victims", ["name", "age", "harm"], [[v.name, v.age, v.harm] for v in facts.victims]),
        ("Ages", ["name", "age", "text"], [[a.name, a.age, a.text] for a in facts.ages]),
        ("Dates", ["text", "value", "type"], [[d.text, d.value, d.type] for d in facts.dates]),
        ("Agencies", ["name", "aliases", "kind"], [[a.name, ", ".join(a.aliases), a.kind] for a in facts.agencies]),
        ("Officials", ["name", "title", "organization", "quotes"],
         [[o.name, o.title, o.organization, len(o.quotes)] for o in facts.officials]),
        ("Quotes", ["speaker", "direct", "text"],
         [[q.speaker, "yes" if q.direct else "no", q.text if len(q.text) < 90 else q.text[:87] + "..."] for q in facts.quotes]),
    ]
    for title, columns, rows in sections:
        table = Table(title=f"{title} ({len(rows)})", title_justify="left", expand=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        console.print(table)
    for w in facts.warnings:
        console.print(f"warning: {w}", markup=False)
