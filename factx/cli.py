"""The ``factx`` command line: options, inputs and outputs, errors -> exit codes.

No extraction logic lives here: it calls :mod:`factx.api`, :mod:`factx.io` and
:mod:`factx.evaluate`. Heavy modules (spaCy) are imported only by commands that need them, so
``--help``, ``--version`` and ``schema`` start fast.
"""

from __future__ import annotations

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


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    html = "html"


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
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes for parsing; 0 = all cores."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per spaCy batch."),
    fail_fast: bool = typer.Option(False, "--fail-fast", help="Stop at the first input that fails."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr."),
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
    status = run_extract(refs, output, fmt, ref, jobs, batch_size, fail_fast, quiet, html_layout=html_layout)
    raise typer.Exit(status)


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
                batch_size: int, fail_fast: bool, quiet: bool, html_layout: Optional[str] = None) -> int:
    """Stream the inputs through the pipeline to the output; return the exit status."""
    import os

    from . import io as fio
    from .api import Article, extract_many
    from .pipeline import ModelMissingError, get_pipeline
    from .rules import RuleFileError

    failed = 0
    done = 0
    started = time.monotonic()
    stop = False
    html = None  # the HTML report writer: it needs each input's text, and the failed inputs

    def articles() -> Iterator[Article]:
        nonlocal failed, stop
        for item in refs:
            if stop:
                return
            if isinstance(item, fio.InputError):
                failed += 1
                report_error(str(item))
                if html is not None:
                    html.add_failure(item.source, item.reason)
                stop = fail_fast
                continue
            try:
                got = fio.read_input(item)
            except fio.InputError as error:
                failed += 1
                report_error(str(error))
                if html is not None:
                    html.add_failure(error.source, error.reason)
                stop = fail_fast
                continue
            if html is not None:
                html.expect(got.source, got.text)
            yield Article(text=got.text, source=got.source, reference_date=ref, warnings=got.warnings)

    try:
        nlp = get_pipeline()
    except (ModelMissingError, RuleFileError) as error:
        report_error(str(error))
        return 2
    n_process = (os.cpu_count() or 1) if jobs == 0 else jobs
    total = sum(1 for r in refs if not isinstance(r, fio.InputError))
    progress = None
    if not quiet and err.is_terminal and total > 1:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                            console=err, transient=True, redirect_stdout=False, redirect_stderr=False)
        task = progress.add_task("extract", total=total, rate="")
        progress.start()

    try:
        with (_html_report(output, html_layout) if html_layout else _open_output(output)) as out:
            html = out if html_layout else None
            writer = html or _RecordWriter(out, fmt)
            for facts in extract_many(articles(), nlp=nlp, batch_size=batch_size, n_process=n_process):
                writer.write(facts)
                done += 1
                if progress is not None:
                    rate = done / max(time.monotonic() - started, 1e-9)
                    progress.update(task, advance=1, rate=f"{rate:.1f} articles/s")
            writer.close()
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 1 if failed else 0
    except OSError as error:
        report_error(f"{output}: {error.strerror or error}")
        return 1
    finally:
        if progress is not None:
            progress.stop()
    if not quiet and (total > 1 or failed):
        seconds = time.monotonic() - started
        err.print(f"factx: {done} record(s), {failed} failed, {seconds:.1f}s", markup=False, highlight=False)
    return 1 if failed else 0


def _html_report(output: Path, layout: str):
    from .report import HtmlReportWriter

    return HtmlReportWriter(output, layout)  # type: ignore[arg-type]


def _quiet_broken_pipe() -> None:
    # the reader went away (`| head`): stop writing, and keep Python from complaining at exit
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


class _open_output:
    def __init__(self, path: Optional[Path]):
        self.path = path
        self._ctx = None

    def __enter__(self) -> IO[str]:
        if self.path is None:
            return sys.stdout
        from .io import atomic_output

        self._ctx = atomic_output(self.path)
        return self._ctx.__enter__()

    def __exit__(self, *exc) -> bool:
        if self._ctx is not None:
            return bool(self._ctx.__exit__(*exc))
        return False


class _RecordWriter:
    """Writes records in the chosen format, flushing each JSONL record as it comes."""

    def __init__(self, out: IO[str], fmt: OutputFormat):
        self.out, self.fmt = out, fmt
        self.pending: list[dict] = []

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
        candidates = sorted(folder.glob(f"{stem}.*")) if stem else []
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
