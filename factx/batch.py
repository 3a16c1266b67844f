"""Batch extraction at scale: many articles, in input order, streamed, on N processes.

    >>> from factx.api import Article
    >>> from factx.batch import extract_outcomes
    >>> articles = [Article("Jane Roe, 34, was hurt.", source="a"), Article("Nothing.", source="b")]
    >>> [o.source for o in extract_outcomes(articles, jobs=1)]
    ['a', 'b']

How it works:

- Articles are cut into batches of at most ``batch_size`` articles and ``MAX_BATCH_CHARS``
  characters (the parser's memory grows with a batch's length, not with the number of
  inputs). A text longer than ``api.CHUNK_CHARS`` is parsed in pieces cut at line ends
  (``api.split_text``) and joined back into one Doc, so offsets stay right.
- ``jobs == 1``: parse + extract in this process. ``jobs > 1``: a process pool where every
  worker builds the pipeline once (on Linux the workers are forked from this process and
  inherit the pipeline already loaded) and runs parse *and* extract, returning each record as
  one line of JSON. At most ``4 * jobs`` batches are in flight, and results are yielded
  strictly in input order, so memory stays flat whatever the number of inputs.
  (Measured against ``nlp.pipe(n_process=N)`` with the extractors in the parent: that leaves
  the parent deserialising Docs and extracting while N workers parse, which scaled worse on
  two cores; see bench/bench.py.)
- Each batch runs inside ``nlp.memory_zone()``, so the strings the vocabulary learns from one
  batch are freed after it: a long news stream does not grow the process.
- An article whose extraction raises becomes a failed :class:`Outcome` (the others go on); if
  a whole spaCy batch raises, its articles are retried one by one to isolate the bad one.

Also here, because they are about many inputs: JSON Lines input (news dumps, one article per
line; :func:`iter_jsonl_articles`) and resumable JSONL output (:class:`ResumableJsonl`).

Known limits: a worker killed by the operating system (out of memory) stops the batch with
:class:`WorkerDied`; page-furniture captions that straddle the cut of a very long text are
not joined.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterable, Iterator, Optional, Union

if TYPE_CHECKING:  # spaCy is heavy: imported by the functions that need it
    from spacy.language import Language
    from spacy.tokens import Doc

    from .api import Article
    from .records import ArticleFacts

# spaCy's parser needs memory in proportion to the length of what it parses at once: long
# texts go in pieces (api.CHUNK_CHARS), and a batch holds at most this many characters.
MAX_BATCH_CHARS = 200_000
# spaCy's batching gains little on CPU (measured: 1, 4, 16 and 64 run at the same speed), while
# small batches balance the worker processes and keep the ordered output flowing.
DEFAULT_BATCH_SIZE = 4
IN_FLIGHT_PER_JOB = 4


class ExtractionError(RuntimeError):
    """Extracting one article raised: ``str()`` names the article and the error."""

    def __init__(self, source: str, message: Optional[str]):
        self.source, self.message = source, message
        super().__init__(f"{source}: {message}")


class WorkerDied(RuntimeError):
    """A worker process ended abnormally (killed, out of memory): the batch cannot go on."""


@dataclass
class Outcome:
    """What became of one input: its record (as an object, as JSON, or both), or an error."""

    source: str
    _facts: Optional["ArticleFacts"] = None
    _json: Optional[str] = None
    error: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def json(self) -> str:
        """The record as one line of JSON."""
        if self._json is None:
            self._json = self.facts.model_dump_json()
        return self._json

    @property
    def facts(self) -> "ArticleFacts":
        if self._facts is None:
            if self._json is None:
                raise ValueError(f"{self.source}: no record ({self.error})")
            from .records import ArticleFacts

            self._facts = ArticleFacts.model_validate_json(self._json)
        return self._facts


def resolve_jobs(jobs: int) -> int:
    """``jobs`` as a process count: 0 means every core this process may run on."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def batches(articles: Iterable["Article"], batch_size: int = DEFAULT_BATCH_SIZE,
            max_chars: int = MAX_BATCH_CHARS) -> Iterator[list["Article"]]:
    """Group articles into lists of at most ``batch_size`` items and ``max_chars`` characters.

    An article longer than ``max_chars`` forms a batch of its own. Lazy: a full batch is
    handed on as soon as its last article is read.
    """
    batch: list = []
    chars = 0
    for article in articles:
        size = len(article.text)
        if batch and chars + size > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += size
        if len(batch) >= batch_size:  # at once, not when the next article comes (live streams)
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def parse_batch(nlp: "Language", batch: list["Article"]) -> Iterator[tuple["Doc", "Article"]]:
    """Parse a batch with ``nlp.pipe``; long texts go in pieces, joined back into one Doc."""
    from spacy.tokens import Doc

    from .api import split_text

    def pieces() -> Iterator[tuple[str, tuple[int, int]]]:
        for index, article in enumerate(batch):
            parts = split_text(article.text)
            for part_no, part in enumerate(parts):
                yield part, (index, len(parts) - 1 - part_no)

    parts: list[Doc] = []
    for doc, (index, remaining) in nlp.pipe(pieces(), as_tuples=True, batch_size=max(1, len(batch))):
        parts.append(doc)
        if remaining:
            continue
        article = batch[index]
        if len(parts) > 1:
            doc = Doc.from_docs(parts, ensure_whitespace=False)
            article.warnings.append(f"text of {len(article.text)} characters processed in {len(parts)} pieces")
        parts = []
        yield doc, article


def _error_text(error: BaseException) -> str:
    return f"internal error: {type(error).__name__}: {error}"


def extract_batch(nlp: "Language", batch: list["Article"], as_json: bool = False) -> list[Outcome]:
    """Parse and extract one batch, inside a spaCy memory zone; never raises for one article."""
    from .api import facts_from_doc

    outcomes: list[Outcome] = []
    try:
        with nlp.memory_zone():
            for doc, article in parse_batch(nlp, batch):
                try:
                    facts = facts_from_doc(doc, article)
                    outcomes.append(Outcome(article.source, _json=facts.model_dump_json()) if as_json
                                    else Outcome(article.source, _facts=facts))
                except Exception as error:  # one bad article must not stop the batch
                    outcomes.append(Outcome(article.source, error=_error_text(error)))
    except Exception as error:
        if len(batch) == 1:
            return [Outcome(batch[0].source, error=_error_text(error))]
        # the parser raised for the whole batch: retry one by one to isolate the bad article
        done = len(outcomes)
        for article in batch[done:]:
            outcomes.extend(extract_batch(nlp, [article], as_json))
    return outcomes


# ---------------------------------------------------------------- worker processes

_worker_nlp: Optional["Language"] = None


def _die_with_parent() -> None:
    """End this worker when the main process dies (``kill -9``), instead of lingering.

    Linux: the kernel sends SIGKILL (prctl PR_SET_PDEATHSIG). Elsewhere, and as a backstop, a
    daemon thread checks every second whether the parent changed.
    """
    import signal
    import threading
    import time

    parent = os.getppid()
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, name="factx-parent-watch", daemon=True).start()


def _init_worker(nlp: Optional["Language"]) -> None:
    import signal

    global _worker_nlp
    # Ctrl-C goes to the whole process group: the parent handles it and ends the pool
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if nlp is None:
        from .pipeline import get_pipeline

        nlp = get_pipeline()  # inherited, already built, when the worker was forked
    _worker_nlp = nlp


def _work(batch: list["Article"]) -> list[Outcome]:
    assert _worker_nlp is not None, "worker not initialised"
    return extract_batch(_worker_nlp, batch, as_json=True)


def _pool_outcomes(nlp: Optional["Language"], articles: Iterable["Article"], jobs: int,
                   batch_size: int) -> Iterator[Outcome]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(),
                                   initializer=_init_worker, initargs=(nlp,))
    pending: deque = deque()
    finished = False
    try:
        for batch in batches(articles, batch_size):
            pending.append(executor.submit(_work, batch))
            # keep every worker busy, but never read the inputs far ahead of the output;
            # hand on finished results at once
            while pending and (len(pending) >= IN_FLIGHT_PER_JOB * jobs or pending[0].done()):
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
        finished = True
    except BrokenProcessPool:
        raise WorkerDied("a worker process ended abnormally (out of memory?); the batch stopped") from None
    finally:
        for future in pending:
            future.cancel()
        if not finished:
            # interrupted, or the reader stopped early: do not wait for batches nobody will read
            _terminate_workers(executor)
        executor.shutdown(wait=True, cancel_futures=True)


def _terminate_workers(executor) -> None:
    processes = getattr(executor, "_processes", None) or {}  # no public API before Python 3.14
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.terminate()


def extract_outcomes(articles: Iterable["Article"], jobs: int = 1, batch_size: int = DEFAULT_BATCH_SIZE,
                     nlp: Optional["Language"] = None, as_json: bool = True) -> Iterator[Outcome]:
    """One :class:`Outcome` per article, in input order, streamed.

    ``jobs``: processes (0 = all cores). ``nlp``: a pipeline to use instead of the default
    one (with ``jobs > 1`` it is passed to the workers: inherited when they are forked,
    pickled otherwise). ``as_json`` (in-process only) serialises each record as it is made;
    pool workers always send JSON.
    """
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        if nlp is None:
            from .pipeline import get_pipeline

            nlp = get_pipeline()
        for batch in batches(articles, batch_size):
            yield from extract_batch(nlp, batch, as_json=as_json)
        return
    default = None
    if nlp is not None:
        from . import pipeline

        default = pipeline._nlp
    yield from _pool_outcomes(None if nlp is None or nlp is default else nlp, articles, jobs, batch_size)


# ---------------------------------------------------------------- JSON Lines input

def iter_jsonl_articles(handle: Iterable[str], name: str, text_key: str = "text", id_key: Optional[str] = "id",
                        reference_date=None, start: int = 1) -> Iterator[Union["Article", "InputLineError"]]:
    """Articles from JSON Lines, one object per line (news dumps come this way).

    ``source`` is the value of ``id_key`` when the line has it, else ``"<name>:<line number>"``.
    Blank lines are skipped; a line that is not a JSON object, or has no text, becomes an
    :class:`InputLineError` and reading goes on. ``start``: the number of the first line.
    """
    from .api import Article

    for number, line in enumerate(handle, start):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputLineError(where, f"not valid JSON ({error.msg}, column {error.colno})")
            continue
        if not isinstance(row, dict):
            yield InputLineError(where, "not a JSON object")
            continue
        ident = row.get(id_key) if id_key else None
        source = str(ident) if ident not in (None, "") else where
        text = row.get(text_key)
        named = where if source == where else f"{where} (id {source})"
        if not isinstance(text, str):
            yield InputLineError(named, f"no text: key '{text_key}' missing or not a string")
            continue
        if not text.strip():
            yield InputLineError(named, "empty text")
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        yield Article(text=text, source=source, reference_date=reference_date)


class InputLineError(Exception):
    """One line of a JSONL input cannot be used: ``str()`` is the message for the user."""

    def __init__(self, source: str, reason: str):
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")


def count_lines(path: Path) -> int:
    """Non-blank lines of a file, read in blocks (for the progress bar's total)."""
    count = 0
    with open(path, "rb") as handle:
        for line in handle:
            count += bool(line.strip())
    return count


# ---------------------------------------------------------------- resumable JSONL output

def partial_path(path: Path) -> Path:
    return path.with_name(path.name + ".partial")


def read_records(path: Path) -> Iterator[tuple[str, str]]:
    """(source, line) of every complete record in a JSONL output; damaged lines are skipped.

    A run killed while writing leaves at most one truncated last line: it is not valid JSON,
    so it is skipped and that input is done again.
    """
    try:
        handle = open(path, encoding="utf-8")
    except FileNotFoundError:
        return
    with handle:
        for line in handle:
            if not line.endswith("\n"):
                continue  # truncated by a kill
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(row, dict) and isinstance(row.get("source"), str):
                yield row["source"], line


class ResumableJsonl:
    """JSONL output that survives being killed: ``-o FILE --skip-existing``.

    On open, the records already in ``FILE`` and in ``FILE.partial`` (left by a killed run)
    are copied, once each, into a fresh ``FILE.partial`` (written beside it and renamed in).
    New records are appended to ``FILE.partial`` and flushed one by one. :meth:`commit`
    renames ``FILE.partial`` to ``FILE``. Killed at any moment, ``FILE`` is either the old
    or the new complete file and ``FILE.partial`` holds every record finished so far, so a
    rerun loses nothing and repeats nothing.

    Order rule: the kept records first, in the order they were in, then the new ones in input
    order. A run that was killed and resumed over the same inputs ends in input order.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.partial = partial_path(self.path)
        self.done: set[str] = set()
        self.kept = 0
        self._out: Optional[IO[str]] = None

    def open(self) -> "ResumableJsonl":
        directory = self.path.parent if str(self.path.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                for file in (self.path, self.partial):
                    for source, line in read_records(file):
                        if source not in self.done:
                            self.done.add(source)
                            handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.partial)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self.kept = len(self.done)
        self._out = open(self.partial, "a", encoding="utf-8")
        return self

    def write(self, line: str) -> None:
        assert self._out is not None
        self._out.write(line if line.endswith("\n") else line + "\n")
        self._out.flush()

    def flush(self) -> None:
        if self._out is not None:
            self._out.flush()

    def commit(self) -> None:
        """Make ``FILE`` the complete output."""
        assert self._out is not None
        self._out.flush()
        os.fsync(self._out.fileno())
        self._out.close()
        self._out = None
        os.replace(self.partial, self.path)

    def close(self) -> None:
        """Stop without committing: ``FILE.partial`` stays for the next run."""
        if self._out is not None:
            self._out.close()
            self._out = None


def remove_stale_partial(path: Path) -> None:
    """After a complete non-resuming run: a leftover ``FILE.partial`` no longer applies."""
    with contextlib.suppress(OSError):
        partial_path(Path(path)).unlink()
