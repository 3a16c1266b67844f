"""Turn highlight spans over a text into a properly nested tree of segments, for HTML.

Facts overlap: a date sits inside a quote, an agency inside an official's title, and two
spans may cross ("[the Met [Police] said]" vs "[Police said it]"). HTML elements must nest,
so :func:`nest_spans` splits the spans that cross into pieces:

    >>> tree = nest_spans("ab cd ef", [HighlightSpan(0, 5, "quote"), HighlightSpan(3, 8, "date")])
    >>> [(n.span.type, n.piece, n.text_content()) for n in tree if isinstance(n, Mark)]
    [('quote', 0, 'ab cd'), ('date', 1, ' ef')]
    >>> [(c.span.type, c.piece, c.text_content()) for c in tree[0].children if isinstance(c, Mark)]
    [('date', 0, 'cd')]

Guarantees (tested): the text of the tree joined in order equals the input text exactly;
each span's pieces cover exactly its characters, in order, the first being piece 0; a span
that lies wholly inside another is never split. Spans that start earlier (and, at the same
start, end later) are the outer ones; equal extents nest in input order.

Known limits: empty spans (start == end) and spans outside the text are dropped (there is no
character to mark); the caller decides whether to warn about them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Union


@dataclass(frozen=True)
class HighlightSpan:
    """One stretch to highlight: ``text[start:end]``, of a fact ``type``, with display ``attrs``."""

    start: int
    end: int
    type: str
    attrs: Any = None


@dataclass
class Mark:
    """A piece of one span, holding text and more deeply nested marks."""

    span: HighlightSpan
    piece: int                      # 0 for the span's first piece, 1, 2... for the rest
    start: int
    end: int
    children: list[Node] = field(default_factory=list)

    @property
    def is_first(self) -> bool:
        return self.piece == 0

    def text_content(self) -> str:
        return "".join(c if isinstance(c, str) else c.text_content() for c in self.children)


Node = Union[str, Mark]


def nest_spans(text: str, spans: Iterable[HighlightSpan]) -> list[Node]:
    """The text as a list of plain strings and :class:`Mark` trees, spans nested properly.

    Crossing spans are split where they cross; nothing else is split.
    """
    kept = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    # rank: outer first. Start ascending, end descending, input order for equal extents.
    order = sorted(range(len(kept)), key=lambda i: (kept[i].start, -kept[i].end, i))
    rank = {i: r for r, i in enumerate(order)}
    bounds = sorted({0, len(text)} | {s.start for s in kept} | {s.end for s in kept})

    starting: dict[int, list[int]] = {}
    for i in order:
        starting.setdefault(kept[i].start, []).append(i)

    root: list[Node] = []
    open_stack: list[tuple[int, Mark]] = []     # (span index, its open piece), outermost first
    pieces = [0] * len(kept)
    active: list[int] = []                      # spans covering the current segment, by rank
    for lo, hi in zip(bounds, bounds[1:]):
        # a sweep: only the spans covering this segment are looked at (usually a handful)
        active = [i for i in active if kept[i].end > lo]
        if lo in starting:
            active = sorted(active + starting[lo], key=rank.__getitem__)
        keep = 0
        while keep < len(open_stack) and keep < len(active) and open_stack[keep][0] == active[keep]:
            keep += 1
        for _, mark in open_stack[keep:]:
            mark.end = lo
        del open_stack[keep:]
        for i in active[keep:]:
            mark = Mark(kept[i], pieces[i], lo, hi)
            pieces[i] += 1
            (open_stack[-1][1].children if open_stack else root).append(mark)
            open_stack.append((i, mark))
        target = open_stack[-1][1].children if open_stack else root
        if target and isinstance(target[-1], str):
            target[-1] += text[lo:hi]
        else:
            target.append(text[lo:hi])
    for _, mark in open_stack:
        mark.end = len(text)
    return root


def flatten_text(nodes: Iterable[Node]) -> str:
    """The text a tree holds, in order (equals the input text of :func:`nest_spans`)."""
    return "".join(n if isinstance(n, str) else n.text_content() for n in nodes)
