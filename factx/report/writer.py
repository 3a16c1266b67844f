"""Writing HTML reports: one page for one input, or a folder of pages plus ``index.html``.

    >>> choose_layout(["a.txt"], Path("a.html"))
    'page'
    >>> choose_layout(["articles/"], Path("report"))   # doctest: +SKIP
    'folder'

The writer is fed in two steps because extraction is a stream: :meth:`HtmlReportWriter.expect`
when an input has been read (its text, in input order), :meth:`HtmlReportWriter.write` when
its facts come back (in the same order), :meth:`HtmlReportWriter.add_failure` for an input
that could not be read. Only the pending texts and one summary row per article are kept.

Atomic: a new folder is built in a temporary folder beside it and renamed into place at the
end; an existing folder is updated page by page, each page written to a temporary file and
renamed, the index last. A single page is written to a temporary file and renamed.

Known limits: refreshing an existing folder leaves pages of articles no longer given.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections import deque
from pathlib import Path
from typing import Iterable, Literal, Optional

from ..io import atomic_output
from ..records import ArticleFacts
from .render import IndexRow, fact_counts, render_article, render_index

Layout = Literal["page", "folder"]
PAGE_SUFFIXES = (".html", ".htm")


class LayoutError(ValueError):
    """The inputs and ``-o`` do not fit together (a user mistake)."""


def choose_layout(paths: Iterable[str], output: Path) -> Layout:
    """'page' for one input file written to ``*.html``; 'folder' otherwise.

    Several inputs or a folder input need a folder; ``-o`` naming an existing folder, or
    a name without an .html/.htm suffix, is a folder too.
    """
    paths = list(paths)
    many = len(paths) > 1 or any(p != "-" and Path(p).is_dir() for p in paths)
    is_page_name = output.suffix.lower() in PAGE_SUFFIXES
    if output.is_dir():
        return "folder"
    if output.exists() and not output.is_file():
        raise LayoutError(f"{output}: exists and is neither a file nor a folder")
    if many:
        if is_page_name or output.is_file():
            raise LayoutError(f"{output}: several inputs need a folder for --format html, not a file")
        return "folder"
    return "page" if is_page_name else "folder"


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def page_name(source: str, taken: set[str]) -> str:
    """A safe, unique file name for an article's page: 'dev/a b.txt' -> 'a_b.html'."""
    stem = "stdin" if source == "-" else Path(source).stem
    stem = _UNSAFE.sub("_", stem).strip("._") or "article"
    stem = stem[:100]
    name, n = f"{stem}.html", 1
    while name.lower() in taken or name.lower() == "index.html":
        n += 1
        name = f"{stem}-{n}.html"
    taken.add(name.lower())
    return name


class HtmlReportWriter:
    """Writes pages as facts arrive, then the index (folder layout). Use as a context manager."""

    def __init__(self, output: Path, layout: Layout, title: Optional[str] = None):
        self.output, self.layout = Path(output), layout
        self.title = title or "factx report"
        self._pending: deque[tuple[int, str]] = deque()     # (row index, text) awaiting facts
        self._rows: list[IndexRow] = []
        self._taken: set[str] = set()
        self._staging: Optional[Path] = None
        self._dir: Optional[Path] = None
        self.pages_written = 0

    def __enter__(self) -> "HtmlReportWriter":
        if self.layout == "folder":
            if self.output.is_dir():
                self._dir = self.output
            else:
                parent = self.output.parent if str(self.output.parent) else Path(".")
                parent.mkdir(parents=True, exist_ok=True)
                self._staging = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.", suffix=".tmp", dir=parent))
                self._dir = self._staging
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is not None and self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
        return False

    def expect(self, source: str, text: str) -> None:
        """An input was read: its facts will follow through :meth:`write`, in this order."""
        self._rows.append(IndexRow(source=source))
        self._pending.append((len(self._rows) - 1, text))

    def add_failure(self, source: str, reason: str) -> None:
        """An input that could not be read: a row in the index, no page."""
        self._rows.append(IndexRow(source=source, error=reason))

    def write(self, facts: ArticleFacts) -> None:
        """The facts of the oldest expected input: render and write its page."""
        if not self._pending:
            raise RuntimeError("HtmlReportWriter.write() without a matching expect()")
        row_index, text = self._pending.popleft()
        row = self._rows[row_index]
        row.counts, row.warnings = fact_counts(facts), list(facts.warnings)
        if self.layout == "page":
            if self.pages_written:
                raise LayoutError(f"{self.output}: one page holds one article; give a folder for several")
            target = self.output
            html = render_article(text, facts)
        else:
            assert self._dir is not None, "use HtmlReportWriter as a context manager"
            name = page_name(facts.source, self._taken)
            row.href = name
            target = self._dir / name
            html = render_article(text, facts, index_href="index.html")
        _write_file(target, html)
        self.pages_written += 1

    def close(self) -> None:
        """Write the index (folder layout) and move the finished folder into place."""
        if self.layout != "folder":
            return
        assert self._dir is not None, "use HtmlReportWriter as a context manager"
        _write_file(self._dir / "index.html", render_index(self._rows, title=self.title))
        if self._staging is not None:
            os.chmod(self._staging, 0o777 & ~_umask())
            os.replace(self._staging, self.output)
            self._staging = None
            self._dir = self.output


def _write_file(target: Path, html: str) -> None:
    with atomic_output(target) as out:
        out.write(html)
    # the temporary file was private (0600); a page is an ordinary file for the user's umask
    os.chmod(target, 0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_report(items: Iterable[tuple[str, ArticleFacts]], output: Path, layout: Layout = "folder",
                 failures: Iterable[tuple[str, str]] = ()) -> Path:
    """Library use: write pages for (text, facts) pairs (and failed inputs) to ``output``."""
    with HtmlReportWriter(output, layout) as writer:
        for source, reason in failures:
            writer.add_failure(source, reason)
        for text, facts in items:
            writer.expect(facts.source, text)
            writer.write(facts)
        writer.close()
    return Path(output)

