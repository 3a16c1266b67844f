"""Keep spaCy's tokenizer linear on text with very long runs without whitespace.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free run one at a time, and
each step searches and copies the rest of the run: a run of n quotation marks or commas costs
O(n^2) (measured: 4,000 quotes in 2.4 s, 32,000 in over 2 minutes; a 1 MB line of commas would
take hours). :class:`LongRunTokenizer` wraps the model's tokenizer: runs of at most
``MAX_RUN`` non-space characters (every real word, and nearly every URL) are tokenized as
usual; longer runs are cut into tokens of ``PIECE`` characters with no space between them,
so the Doc's text is still exactly the input and every offset stays right.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.tokenizer = LongRunTokenizer(nlp.tokenizer)
    >>> doc = nlp("He said " + '"' * 500 + " twice.")
    >>> doc.text == "He said " + '"' * 500 + " twice.", max(len(t) for t in doc)
    (True, 100)

Known limits: a run longer than ``MAX_RUN`` (a very long URL, a line of dashes) becomes
fixed-size pieces instead of its usual tokens; no fact is ever found inside such a run.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from spacy.tokens import Doc

MAX_RUN = 200
PIECE = 100
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


def long_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every whitespace-free run longer than ``MAX_RUN`` characters."""
    return [m.span() for m in _LONG_RUN.finditer(text)]


def cut_run(run: str, piece: int = PIECE) -> list[str]:
    """A long run as pieces of at most ``piece`` characters: ``"".join(...) == run``."""
    return [run[i:i + piece] for i in range(0, len(run), piece)]


class LongRunTokenizer:
    """A spaCy tokenizer that hands long whitespace-free runs over as fixed-size pieces.

    Everything else (special cases, ``vocab``, serialisation) is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        runs = long_runs(text)
        if not runs:
            return self.tokenizer(text)
        vocab = self.tokenizer.vocab
        parts: list[Doc] = []
        pos = 0
        for start, end in runs:
            if start > pos:
                parts.append(self.tokenizer(text[pos:start]))
            words = cut_run(text[start:end])
            spaces = [False] * len(words)
            # the run's trailing space belongs to its last piece, as spaCy does for words
            if end < len(text) and text[end] == " ":
                spaces[-1] = True
                end += 1
            parts.append(Doc(vocab, words=words, spaces=spaces))
            pos = end
        if pos < len(text):
            parts.append(self.tokenizer(text[pos:]))
        parts = [p for p in parts if len(p)]
        doc = Doc.from_docs(parts, ensure_whitespace=False)
        assert doc.text == text, "LongRunTokenizer changed the text"
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # only reached for attributes this class lacks; "tokenizer" itself is missing while
        # unpickling, and must not recurse
        if name == "tokenizer" or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
