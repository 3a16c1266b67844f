"""factx on Dask, for when one machine is not enough: partition functions for ``dask.bag``.

Files in, JSON Lines out, one pipeline per worker process::

    from pathlib import Path
    import dask.bag as db
    from dask.distributed import Client
    from factx.dask_recipe import extract_partition

    client = Client("scheduler:8786")            # or Client(LocalCluster(...)) on one machine
    paths = sorted(str(p) for p in Path("news").rglob("*.txt"))
    bag = db.from_sequence(paths, partition_size=200)
    bag.map_partitions(extract_partition).to_textfiles("facts/part-*.jsonl", last_endline=True)

A JSONL news dump (one article per line)::

    lines = db.read_text("dump-*.jsonl", include_path=True, blocksize=None)
    lines.map_partitions(extract_jsonl_partition, text_key="text", id_key="id") \\
         .to_textfiles("facts/part-*.jsonl", last_endline=True)

Each output line is one record, exactly what ``factx extract`` writes; partition files keep
their partitions' order, so ``cat facts/part-*.jsonl`` (with the default zero-padded names)
is in input order.

Rules of thumb: run workers with one thread each (``threads_per_worker=1``, as many worker
processes as cores): spaCy work holds the GIL for much of its time, and a pipeline is not
safe to share between threads, so a second thread working at the same time in the same
process builds a pipeline of its own (~150 MB). Partitions of a few hundred articles amortise the per-task overhead.

Known limits: an input that cannot be read or extracted is logged (``logging`` warning, seen
in the worker logs) and skipped unless ``on_error="raise"``; with ``blocksize`` set,
``read_text`` splits files into blocks, so sources fall back to ``FILE:LINE`` only when an
article has no id and ``blocksize=None``.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Literal, Optional, Union

if TYPE_CHECKING:
    from spacy.language import Language

    from .api import Article

log = logging.getLogger("factx.dask")

OnError = Literal["skip", "raise"]

_lock = threading.Lock()
_free: list["Language"] = []  # pipelines not in use by any thread of this process
_shared_given = False


@contextlib.contextmanager
def borrowed_pipeline() -> Iterator["Language"]:
    """A pipeline for this thread's use only: the process-wide one if free, else another.

    A pipeline is not safe to share between threads, so a second thread running at the same
    time gets a pipeline of its own (built once, then reused by any thread).
    """
    global _shared_given
    with _lock:
        nlp = _free.pop() if _free else None
        use_shared = nlp is None and not _shared_given
        _shared_given = _shared_given or use_shared
    if nlp is None:
        from .pipeline import build_pipeline, get_pipeline

        nlp = get_pipeline() if use_shared else build_pipeline()
    try:
        yield nlp
    finally:
        with _lock:
            _free.append(nlp)


def _extract(articles: Iterable["Article"], on_error: OnError, batch_size: int) -> list[str]:
    from .batch import ExtractionError, extract_outcomes

    lines: list[str] = []
    with borrowed_pipeline() as nlp:
        for outcome in extract_outcomes(articles, jobs=1, batch_size=batch_size, nlp=nlp):
            if outcome.ok:
                lines.append(outcome.json)
            elif on_error == "raise":
                raise ExtractionError(outcome.source, outcome.error)
            else:
                log.warning("factx: %s: %s", outcome.source, outcome.error)
    return lines


def _skip_or_raise(error: Exception, on_error: OnError) -> None:
    if on_error == "raise":
        raise error
    log.warning("factx: %s", error)


def extract_partition(paths: Iterable[Union[str, Path]], reference_date: Optional[str] = None,
                      on_error: OnError = "skip", batch_size: int = 4) -> list[str]:
    """A partition of article file paths -> one JSON record line per readable article."""
    from . import io as fio
    from .api import Article

    def articles() -> Iterable[Article]:
        for raw in paths:
            try:
                got = fio.read_input(fio.InputRef(str(raw), Path(raw)))
            except fio.InputError as error:
                _skip_or_raise(error, on_error)
                continue
            yield Article(text=got.text, source=got.source, reference_date=reference_date,
                          warnings=got.warnings)

    return _extract(articles(), on_error, batch_size)


def extract_jsonl_partition(lines: Iterable[Union[str, tuple[str, str]]], text_key: str = "text",
                            id_key: Optional[str] = "id", reference_date: Optional[str] = None,
                            on_error: OnError = "skip", batch_size: int = 4) -> list[str]:
    """A partition of JSONL lines (or ``(line, path)`` from ``read_text(include_path=True)``)."""
    from .batch import InputLineError, iter_jsonl_articles

    def articles() -> Iterable["Article"]:
        numbers: dict[Optional[str], int] = {}  # line numbers per file
        for item in lines:
            line, path = item if isinstance(item, tuple) else (item, None)
            numbers[path] = number = numbers.get(path, 0) + 1
            for got in iter_jsonl_articles([line], path or "-", text_key, id_key, reference_date, start=number):
                if isinstance(got, InputLineError):
                    _skip_or_raise(got, on_error)
                else:
                    yield got

    return _extract(articles(), on_error, batch_size)
