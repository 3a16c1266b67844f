"""The ``factx`` command line: options, inputs and outputs, errors -> exit codes.

No extraction logic lives here: it calls :mod:`factx.api`, :mod:`factx.io` and
:mod:`factx.evaluate`. Heavy modules (spaCy) are imported only by commands that need them, so
``--help``, ``--version`` and ``schema`` start fast.
"""

from __future__ import annotations

import io
import json
import sys
import time
from datetime import date
from enum import Enum
from pathlib import Path
from typing import IO, Iterator, List, Optional

import typer
from rich.console import Console

from . import __version__

app = typer.Typer(
    name="factx",
    help="Extract victims, ages, dates, agencies and quoted officials from news articles.",
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


ARTICLE_SUFFIXES = [".txt", ".text", ".md", ".html", ".htm"]


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    html = "html"


class InputFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


class CliError(Exception):
    """A user mistake reported as one line, then exit code 2."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factx {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """factx: structured, checkable facts from news articles."""


def _parse_reference_date(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD") from None


def report_error(message: str) -> None:
    """One line on stderr, no markup interpretation of user text."""
    err.print(f"factx: error: {message}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., metavar="PATH...",
                                      help="Article files, folders (walked recursively), or - for stdin."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Write to this file (atomically) instead of stdout. html: a .html file for one input, else a folder."),
    fmt: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f",
                                     help="jsonl: one record per line; json: indented; table: for people; html: pages with the facts highlighted (needs -o)."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", metavar="YYYY-MM-DD",
                                                 help="Anchor for relative dates; default: the article's publication line."),
    globs: Optional[List[str]] = typer.Option(None, "--glob", "-g",
                                              help="File patterns to take from folders (repeatable). Default: *.txt *.text *.md *.html *.htm"),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes (parse + extract); 0 = all cores."),
    batch_size: int = typer.Option(4, "--batch-size", min=1, help="Articles per spaCy batch (per task with --jobs > 1)."),
    input_format: InputFormat = typer.Option(InputFormat.text, "--input-format",
                                             help="text: each file (or stdin) is one article; jsonl: one article per line."),
    text_key: str = typer.Option("text", "--text-key", help="jsonl input: the key holding the article text."),
    id_key: str = typer.Option("id", "--id-key", help="jsonl input: the key naming the article (source); else FILE:LINE."),
    skip_existing: bool = typer.Option(False, "--skip-existing", "--resume",
                                       help="With -o FILE (jsonl): keep the records already in FILE (or left in FILE.partial by a killed run) and extract only the inputs missing."),
    fail_fast: bool = typer.Option(False, "--fail-fast", help="Stop at the first input that fails."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr."),
    emit_text: Optional[Path] = typer.Option(None, "--emit-text", metavar="DIR", file_okay=False,
                                             help="Also write the text each record's offsets refer to (decoded; HTML: its main text) as DIR/<input name>.txt."),
) -> None:
    """Extract facts from articles and write one record per input."""
    ref = _parse_reference_date(reference_date)
    from . import io as fio

    refs = list(fio.iter_inputs(paths, tuple(globs) if globs else fio.DEFAULT_GLOBS))
    if sum(1 for r in refs if isinstance(r, fio.InputRef) and r.source == "-") > 1:
        raise typer.BadParameter("'-' (stdin) can be given only once")
    html_layout = _html_layout(paths, output) if fmt is OutputFormat.html else None
    if html_layout is None and output is not None and output.is_dir():
        raise typer.BadParameter(f"'{output}' is a folder; only --format html writes to a folder", param_hint="'--output'")
    if skip_existing and (output is None or fmt is not OutputFormat.jsonl):
        raise typer.BadParameter("--skip-existing needs -o FILE and --format jsonl", param_hint="'--skip-existing'")
    status = run_extract(refs, output, fmt, ref, jobs, batch_size, fail_fast, quiet, html_layout=html_layout,
                         input_format=input_format, text_key=text_key, id_key=id_key, skip_existing=skip_existing,
                         emit_text=_emit_text_dir(emit_text))
    raise typer.Exit(status)


def _emit_text_dir(folder: Optional[Path]) -> Optional[Path]:
    """The --emit-text folder, created if missing, or a usage error."""
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise typer.BadParameter(f"cannot create '{folder}': {error.strerror or error}",
                                     param_hint="'--emit-text'") from None
    return folder


def _html_layout(paths: List[str], output: Optional[Path]) -> str:
    """'page' or 'folder' for --format html, or a usage error."""
    from .report import LayoutError, choose_layout

    if output is None:
        raise typer.BadParameter("--format html needs -o: a .html file for one input, a folder for several",
                                 param_hint="'--output'")
    try:
        return choose_layout(paths, output)
    except LayoutError as error:
        raise typer.BadParameter(str(error), param_hint="'--output'") from None


def run_extract(refs, output: Optional[Path], fmt: OutputFormat, ref: Optional[date], jobs: int,
                batch_size: int, fail_fast: bool, quiet: bool, html_layout: Optional[str] = None,
                input_format: "InputFormat" = None, text_key: str = "text", id_key: str = "id",
                skip_existing: bool = False, emit_text: Optional[Path] = None) -> int:
    """Stream the inputs through the pipeline to the output; return the exit status.

    Records come out in input order, one per input that could be read, flushed one by one
    (jsonl); ``jobs`` processes parse and extract (see :mod:`factx.batch`). With
    ``skip_existing`` the inputs whose source already has a record in ``output`` are skipped.
    """
    from . import batch as fbatch
    from . import io as fio
    from .api import Article
    from .pipeline import ModelMissingError, get_pipeline
    from .rules import RuleFileError

    failed = 0
    done = 0
    skipped = 0
    already: set[str] = set()  # sources with a record in the output (--skip-existing)
    jsonl_input = input_format is InputFormat.jsonl
    started = time.monotonic()
    stop = False
    html = None  # the HTML report writer: it needs each input's text, and the failed inputs
    emitted: set[str] = set()  # --emit-text file names used in this run

    def fail(source: str, reason: str) -> None:
        """One input failed: one line on stderr, a row in the HTML index, maybe stop."""
        nonlocal failed, stop
        failed += 1
        report_error(f"{source}: {reason}")
        if html is not None:
            html.add_failure(source, reason)
        stop = fail_fast

    def emit(source: str, text: str) -> bool:
        """--emit-text: write the text the offsets refer to; False (reported) when that fails."""
        if emit_text is None:
            return True
        try:
            fio.write_text_atomic(fio.emitted_text_path(emit_text, source, emitted), text)
            return True
        except OSError as error:
            fail(source, f"cannot write its text into {emit_text}: {error.strerror or error}")
            return False

    def articles() -> Iterator[Article]:
        nonlocal skipped
        for item in refs:
            if stop:
                return
            if isinstance(item, fio.InputError):
                fail(item.source, item.reason)
                continue
            if jsonl_input:
                yield from jsonl_articles(item)
                continue
            if item.source in already:
                skipped += 1
                continue
            try:
                got = fio.read_input(item)
            except fio.InputError as error:
                fail(error.source, error.reason)
                continue
            if not emit(got.source, got.text):
                continue
            if html is not None:
                html.expect(got.source, got.text)
            yield Article(text=got.text, source=got.source, reference_date=ref, warnings=got.warnings)

    def jsonl_articles(item) -> Iterator[Article]:
        nonlocal skipped
        try:
            handle = (io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace") if item.path is None
                      else open(item.path, encoding="utf-8", errors="replace"))
        except OSError as error:
            fail(item.source, error.strerror or str(error))
            return
        with handle:
            for got in fbatch.iter_jsonl_articles(handle, item.source, text_key, id_key or None, ref):
                if stop:
                    return
                if isinstance(got, fbatch.InputLineError):
                    fail(got.source, got.reason)
                    continue
                if got.source in already:
                    skipped += 1
                    continue
                if not emit(got.source, got.text):
                    continue
                if html is not None:
                    html.expect(got.source, got.text)
                yield got

    try:
        nlp = get_pipeline()  # once, here: forked workers inherit it
    except (ModelMissingError, RuleFileError) as error:
        report_error(str(error))
        return 2
    n_process = fbatch.resolve_jobs(jobs)
    show_progress = not quiet and err.is_terminal
    total: Optional[int] = sum(1 for r in refs if not isinstance(r, fio.InputError))
    if jsonl_input:
        total = _count_jsonl(refs) if show_progress else None
    progress = None
    if show_progress and (total is None or total > 1):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                            console=err, transient=True, redirect_stdout=False, redirect_stderr=False)
        task = progress.add_task("extract", total=total, rate="")
        # started at the first record, once worker processes are forked: forking while the
        # bar's refresh thread holds a lock could hang a worker

    try:
        opener = _open_output(output, resume=skip_existing)
        with (_html_report(output, html_layout) if html_layout else opener) as out:
            html = out if html_layout else None
            writer = html or _RecordWriter(out, fmt)
            already.update(opener.done)
            as_json = html is None and fmt is OutputFormat.jsonl
            for outcome in fbatch.extract_outcomes(articles(), jobs=n_process, batch_size=batch_size,
                                                   nlp=nlp, as_json=as_json):
                if not outcome.ok:
                    fail(outcome.source, str(outcome.error))
                    if stop:
                        break
                    continue
                if as_json:
                    writer.write_line(outcome.json)
                else:
                    writer.write(outcome.facts)
                done += 1
                if progress is not None:
                    if not progress.live.is_started:
                        progress.start()
                    rate = done / max(time.monotonic() - started, 1e-9)
                    progress.update(task, advance=1, rate=f"{rate:.1f} articles/s")
            writer.close()
        if output is not None and not skip_existing and not html_layout:
            fbatch.remove_stale_partial(output)
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 1 if failed else 0
    except fbatch.WorkerDied as error:
        report_error(str(error))
        return 1
    except OSError as error:
        report_error(f"{output}: {error.strerror or error}")
        return 1
    finally:
        if progress is not None:
            progress.stop()
    if not quiet and (total is None or total > 1 or failed):
        seconds = time.monotonic() - started
        kept = f", {skipped} skipped (already in {output})" if skip_existing else ""
        rate = f" ({done / max(seconds, 1e-9):.1f} articles/s)" if done else ""
        err.print(f"factx: {done} record(s), {failed} failed{kept}, {seconds:.1f}s{rate}",
                  markup=False, highlight=False, soft_wrap=True)
    return 1 if failed else 0


def _count_jsonl(refs) -> Optional[int]:
    """Articles in the JSONL inputs, for the progress bar; None when one of them is stdin."""
    from .batch import count_lines
    from .io import InputRef

    files = [r for r in refs if isinstance(r, InputRef)]
    if any(r.path is None for r in files):
        return None
    try:
        return sum(count_lines(r.path) for r in files)
    except OSError:
        return None


def _html_report(output: Path, layout: str):
    from .report import HtmlReportWriter

    return HtmlReportWriter(output, layout)  # type: ignore[arg-type]


def _quiet_broken_pipe() -> None:
    # the reader went away (`| head`): stop writing, and keep Python from complaining at exit
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


class _open_output:
    def __init__(self, path: Optional[Path], resume: bool = False):
        self.path, self.resume = path, resume
        self._ctx = None
        self._resumable = None
        self.done: set[str] = set()  # sources already in the output (resume)

    def __enter__(self) -> IO[str]:
        if self.path is None:
            return sys.stdout
        if self.resume:
            from .batch import ResumableJsonl

            self._resumable = ResumableJsonl(self.path).open()
            self.done = self._resumable.done
            return self._resumable  # type: ignore[return-value]
        from .io import atomic_output

        self._ctx = atomic_output(self.path)
        return self._ctx.__enter__()

    def __exit__(self, *exc) -> bool:
        if self._resumable is not None:
            # on any failure FILE.partial stays, holding every record finished so far
            self._resumable.commit() if exc[0] is None else self._resumable.close()
            return False
        if self._ctx is not None:
            return bool(self._ctx.__exit__(*exc))
        return False


class _RecordWriter:
    """Writes records in the chosen format, flushing each JSONL record as it comes."""

    def __init__(self, out: IO[str], fmt: OutputFormat):
        self.out, self.fmt = out, fmt
        self.pending: list[dict] = []

    def write_line(self, line: str) -> None:
        """A record already serialised as one line of JSON (jsonl only)."""
        self.out.write(line + "\n")
        self.out.flush()

    def write(self, facts) -> None:
        if self.fmt is OutputFormat.jsonl:
            self.out.write(facts.model_dump_json() + "\n")
            self.out.flush()
        elif self.fmt is OutputFormat.json:
            self.pending.append(facts.model_dump(mode="json"))
        else:
            from .table import render_table

            render_table(facts, self.out)

    def close(self) -> None:
        if self.fmt is OutputFormat.json:
            data = self.pending[0] if len(self.pending) == 1 else self.pending
            self.out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        self.out.flush()


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold records (JSON Lines, one per article, with 'id')."),
    predictions: Optional[Path] = typer.Argument(None, help="Predicted records (JSON Lines), matched by source file stem."),
    articles: Optional[Path] = typer.Option(None, "--articles", "-a", file_okay=False,
                                            help="Extract the articles in this folder (file stem = gold id) and score them."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    details: bool = typer.Option(False, "--details", "-d", help="List every miss, false positive and wrong value."),
) -> None:
    """Score factx against gold records: P/R/F1 per field, plus value accuracies."""
    from . import evaluate as ev

    if (predictions is None) == (articles is None):
        raise typer.BadParameter("give either a PREDICTIONS file or --articles DIR")
    try:
        gold_rows = ev.load_jsonl(gold)
        if predictions is not None:
            predicted = {ev.article_id(r): r for r in ev.load_jsonl(predictions)}
        else:
            predicted = _extract_for_eval(gold_rows, articles)
    except ev.EvalInputError as error:
        report_error(str(error))
        raise typer.Exit(2)
    report = ev.score(gold_rows, predicted)
    out = Console(highlight=False)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        report.render_table(out)
    if details:
        report.render_details(out if not as_json else err)


def _extract_for_eval(gold_rows: list[dict], folder: Path) -> dict[str, dict]:
    from . import io as fio
    from .api import Article, extract_many

    wanted: list[Article] = []
    for row in gold_rows:
        stem = row.get("id")
        # the article, not a gold or record file that shares its stem (samples/x.gold.jsonl)
        candidates = sorted(
            (p for p in folder.glob(f"{stem}.*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.stem == stem),
            key=lambda p: ARTICLE_SUFFIXES.index(p.suffix.lower()),
        ) if stem else []
        if not candidates:
            report_error(f"{folder / str(stem)}.*: no article file for gold id '{stem}'")
            continue
        try:
            got = fio.read_input(fio.InputRef(str(candidates[0]), candidates[0]))
        except fio.InputError as error:
            report_error(str(error))
            continue
        wanted.append(Article(text=got.text, source=got.source, warnings=got.warnings))
    return {Path(f.source).stem: f.model_dump(mode="json") for f in extract_many(wanted)}


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output record."""
    from .records import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


def main() -> None:
    """Entry point: turns interrupts and closed pipes into the conventional exit codes."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("factx: interrupted", markup=False)
        sys.exit(130)
    except BrokenPipeError:
        _quiet_broken_pipe()
        sys.exit(0)
