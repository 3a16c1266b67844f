"""`factx extract` at scale: JSONL and stdin input, --jobs, --skip-existing (killed and resumed),
and a start-up that imports nothing heavy for --help, --version and schema."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factx.batch import partial_path, read_records
from factx.cli import app

ROOT = Path(__file__).resolve().parents[2]
FACTX = [sys.executable, "-m", "factx"]


def _story(i: int) -> str:
    return (f"Jane Roe{i}, 34, was stabbed in Leeds on Friday, police said. "
            f"A man, 40, was arrested. Officers said inquiries continue into case {i}.\n")


@pytest.fixture
def runner(nlp) -> CliRunner:  # nlp: the pipeline is built once, shared with the CLI
    return CliRunner()


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"a{i:02d}.txt").write_text(_story(i))
    return folder


def _sources(text: str) -> list[str]:
    return [json.loads(line)["source"] for line in text.splitlines() if line.strip()]


def test_jsonl_from_stdin_with_keys_and_bad_lines(runner):
    lines = [
        json.dumps({"ref": "n1", "body": _story(1)}),
        json.dumps({"body": _story(2)}),
        "{broken",
        json.dumps({"ref": "n4", "title": "no body"}),
    ]
    result = runner.invoke(app, ["extract", "-", "--input-format", "jsonl", "--text-key", "body",
                                 "--id-key", "ref"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1  # some lines failed, the others were extracted
    assert _sources(result.stdout) == ["n1", "-:2"]
    assert "-:3: not valid JSON" in result.stderr
    assert "-:4 (id n4): no text" in result.stderr
    assert "2 record(s), 2 failed" in result.stderr


def test_jsonl_file_with_two_jobs_keeps_order(runner, tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": f"x{i}", "text": _story(i)}) + "\n" for i in range(5)))
    result = runner.invoke(app, ["extract", str(dump), "--input-format", "jsonl", "--jobs", "2",
                                 "--batch-size", "1", "-q"])
    assert result.exit_code == 0, result.stderr
    assert _sources(result.stdout) == [f"x{i}" for i in range(5)]
    assert result.stderr == ""  # --quiet: no summary


def test_text_from_stdin(runner):
    result = runner.invoke(app, ["extract", "-"], input=_story(1))
    assert result.exit_code == 0
    assert _sources(result.stdout) == ["-"]


@pytest.mark.parametrize("args", [
    ["--skip-existing"],                                   # no -o
    ["--skip-existing", "-o", "x.json", "--format", "json"],
])
def test_skip_existing_needs_a_jsonl_output_file(runner, articles_dir, args):
    result = runner.invoke(app, ["extract", str(articles_dir), *args])
    assert result.exit_code == 2
    assert "--skip-existing needs -o FILE" in result.stderr


def test_skip_existing_keeps_records_and_extracts_only_the_missing(runner, articles_dir, tmp_path):
    out = tmp_path / "facts.jsonl"
    files = sorted(str(p) for p in articles_dir.iterdir())
    first = runner.invoke(app, ["extract", *files[:2], "-o", str(out)])
    assert first.exit_code == 0
    kept = out.read_text().splitlines()
    again = runner.invoke(app, ["extract", str(articles_dir), "-o", str(out), "--skip-existing"])
    assert again.exit_code == 0, again.stderr
    assert "4 record(s), 0 failed, 2 skipped" in again.stderr
    lines = out.read_text().splitlines()
    assert lines[:2] == kept  # the old records, untouched
    assert _sources(out.read_text()) == files
    assert not partial_path(out).exists()


def test_plain_output_removes_a_stale_partial(runner, articles_dir, tmp_path):
    out = tmp_path / "facts.jsonl"
    partial_path(out).write_text(json.dumps({"source": "old"}) + "\n")
    result = runner.invoke(app, ["extract", str(articles_dir), "-o", str(out), "-q"])
    assert result.exit_code == 0
    assert not partial_path(out).exists()


def test_killed_run_resumes_losing_nothing_and_repeating_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    count = 20
    for i in range(count):
        (folder / f"a{i:03d}.txt").write_text(_story(i))
    out = tmp_path / "facts.jsonl"
    command = [*FACTX, "extract", str(folder), "-o", str(out), "--skip-existing", "--batch-size", "1",
               "--jobs", "2"]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    run = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    try:
        while time.monotonic() < deadline and run.poll() is None:
            if len(list(read_records(partial_path(out)))) >= 3:
                workers = _children(run.pid)
                break
            time.sleep(0.02)
        run.send_signal(signal.SIGKILL)
    finally:
        run.wait()
        run.stderr.close()
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    if Path("/proc").is_dir():
        assert len(workers) == 2
        _assert_gone(workers)  # the worker processes die with the main one
    assert not out.exists()  # the output appears only when complete
    done_before = [s for s, _ in read_records(partial_path(out))]
    assert 3 <= len(done_before) < count

    rerun = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{count - len(done_before)} record(s), 0 failed, {len(done_before)} skipped" in rerun.stderr
    sources = [s for s, _ in read_records(out)]
    assert sources == [str(p) for p in sorted(folder.iterdir())]  # all, once each, in input order
    assert not partial_path(out).exists()


def _children(pid: int) -> list[int]:
    """Live child processes of pid (Linux /proc; empty elsewhere)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def _assert_gone(pids: list[int], seconds: float = 5.0) -> None:
    def alive(pid: int) -> bool:
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    assert not [p for p in pids if alive(p)], "worker processes outlived the killed main process"


def test_help_version_and_schema_import_nothing_heavy():
    script = (
        "import sys\n"
        "from factx.cli import app\n"
        "for args in (['--help'], ['--version'], ['schema'], ['extract', '--help']):\n"
        "    try:\n"
        "        app(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = sorted(m for m in ('spacy', 'thinc', 'numpy', 'dateparser', 'trafilatura', 'factx.pipeline')\n"
        "               if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in done.stderr, done.stderr
