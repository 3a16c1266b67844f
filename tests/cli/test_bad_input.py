"""Bad input never crashes ``factx extract`` and never loses data (issue 7).

Real subprocesses where the operating system matters (stderr as a user sees it, SIGKILL,
a closed pipe); typer's CliRunner, in this process with the shared pipeline, for the rest.
Each subprocess loads spaCy (a few seconds), so there are few of them and each checks a lot.
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factx.cli import app
from factx.records import ArticleFacts

ROOT = Path(__file__).resolve().parents[2]

# article-like text written for these tests (never copied from shared/)
ARTICLE = (
    "Published 3 March 2024\n\n"
    "Tom Doe, 19, was injured in Leeds on Monday night, West Yorkshire Police said.\n\n"
    "\u201cWe are appealing for witnesses,\u201d said Detective Inspector Ann Lee.\n"
)


def factx_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "factx", *args]


def run(*args: str, timeout: float = 240, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(factx_cmd(*args), capture_output=True, text=True, timeout=timeout,
                          cwd=kw.pop("cwd", None), stdin=subprocess.DEVNULL, **kw)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("factx: error: ")]


def assert_records_valid(stdout: str, texts: dict[str, str]) -> list[dict]:
    """Every stdout line is a record of the schema whose offsets point into its text."""
    records = []
    for line in stdout.splitlines():
        record = json.loads(line)
        ArticleFacts.model_validate(record)
        text = texts[record["source"]]
        for fact in record["ages"] + record["dates"] + record["quotes"]:
            assert text[fact["start"]:fact["end"]] == fact["text"]
        for group in ("victims", "agencies", "officials"):
            for item in record[group]:
                for m in item["mentions"]:
                    assert text[m["start"]:m["end"]] == m["text"]
        records.append(record)
    return records


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """A folder of good and bad inputs, as a user's downloads folder might hold."""
    root = tmp_path_factory.mktemp("mixed")
    d = root / "in"
    d.mkdir()
    (d / "01-utf8.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "02-bom.txt").write_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    (d / "03-utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (d / "04-cp1252.txt").write_bytes(ARTICLE.replace("Doe", "Do\u00eb").encode("cp1252"))
    (d / "05-crlf.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    (d / "06-page.html").write_text(
        "<!DOCTYPE html><html><head><title>Local news</title></head><body><nav>Home | Sport</nav>"
        "<article><h1>Cyclist hurt</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
        + "</article><footer>All rights reserved</footer></body></html>", encoding="utf-8")
    (d / "07-empty.txt").write_bytes(b"")
    (d / "08-blank.txt").write_bytes(b" \n\n\t \n")
    (d / "09-report.txt").write_bytes(b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj\n<<>>")
    (d / "10-archive.txt").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00")
    (d / "11-nul.txt").write_bytes(b"Tom Doe was hurt\x00\x00\x01\x02 binary tail")
    (d / "12-sniffed.txt").write_text("<html><body><p>Ann Lee, 40, was hurt in York on Friday, police said.</p></body></html>")
    (root / "emptydir").mkdir()
    (root / "emptydir" / "notes.json").write_text("{}")
    return root


GOOD = ["01-utf8.txt", "02-bom.txt", "03-utf16.txt", "04-cp1252.txt", "05-crlf.txt", "06-page.html", "12-sniffed.txt"]
BAD = {"07-empty.txt": "empty file", "08-blank.txt": "empty file", "09-report.txt": "PDF",
       "10-archive.txt": "ZIP", "11-nul.txt": "NUL"}


def test_mixed_batch_one_record_or_one_error_per_input(mixed):
    emit = mixed / "texts"
    result = run("extract", "in", "missing.txt", "emptydir", "--emit-text", str(emit), cwd=mixed)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout

    # stdout: data only, one valid record per readable input, in input order
    texts = {f"in/{name}": (emit / f"{name}.txt").read_text(encoding="utf-8") for name in GOOD}
    records = assert_records_valid(result.stdout, texts)
    assert [r["source"] for r in records] == [f"in/{name}" for name in GOOD]

    # stderr: one line per bad input, naming it and the reason
    errors = error_lines(result.stderr)
    expected = {f"in/{name}": reason for name, reason in BAD.items()}
    expected.update({"missing.txt": "no such file", "emptydir": "no files matching"})
    assert len(errors) == len(expected)
    for path, reason in expected.items():
        assert any(line.startswith(f"factx: error: {path}: ") and reason in line for line in errors), (path, errors)

    # warnings name what reading had to do
    by_source = {r["source"]: r for r in records}
    assert any("utf-16" in w for w in by_source["in/03-utf16.txt"]["warnings"])
    assert any("cp1252" in w for w in by_source["in/04-cp1252.txt"]["warnings"])
    assert any("HTML" in w for w in by_source["in/06-page.html"]["warnings"])
    assert any("HTML" in w for w in by_source["in/12-sniffed.txt"]["warnings"])
    assert not any("utf" in w.lower() for w in by_source["in/02-bom.txt"]["warnings"])

    # --emit-text wrote exactly the text the offsets refer to (HTML: the main text only)
    assert texts["in/01-utf8.txt"] == ARTICLE == texts["in/02-bom.txt"] == texts["in/03-utf16.txt"]
    assert texts["in/05-crlf.txt"] == ARTICLE
    assert "<p>" not in texts["in/06-page.html"] and "Tom Doe, 19" in texts["in/06-page.html"]
    assert sorted(p.name for p in emit.iterdir()) == sorted(f"{n}.txt" for n in GOOD)


def test_usage_error_from_a_real_process_is_one_clean_message(tmp_path):
    result = run("extract", str(tmp_path), "--format", "yaml", timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert "yaml" in result.stderr


# ---------------------------------------------------------------- -o FILE, SIGKILL

def test_sigkill_mid_run_keeps_the_old_output(tmp_path):
    inputs = tmp_path / "many"
    inputs.mkdir()
    for i in range(60):
        (inputs / f"a{i:03d}.txt").write_text(ARTICLE.replace("Tom Doe", f"Tom Doe{i}") * 3)
    out = tmp_path / "out.jsonl"
    old = '{"old": "content that must survive"}\n'
    out.write_text(old)
    proc = subprocess.Popen(factx_cmd("extract", str(inputs), "-o", str(out), "--quiet"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        # wait until records are being written (to the temporary file), then kill
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None:
            temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
            if temps and temps[0].stat().st_size > 0:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed mid-way"
        assert out.read_text() == old  # nothing renamed yet
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert out.read_text() == old  # the old content, never a truncated new file


def test_normal_run_with_output_leaves_no_temp_files(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_bytes(b"")
    out = tmp_path / "out" / "facts.jsonl"
    out.parent.mkdir()
    out.write_text("old\n")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out), "-q"])
    assert result.exit_code == 1  # b.txt failed; a.txt's record is still written
    lines = out.read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["source"] == str(tmp_path / "a.txt")
    assert sorted(p.name for p in out.parent.iterdir()) == ["facts.jsonl"]
    assert result.stdout == ""


# ---------------------------------------------------------------- closed pipe

def test_closed_pipe_ends_quietly(tmp_path):
    for i in range(12):
        (tmp_path / f"a{i:02d}.txt").write_text(ARTICLE)
    proc = subprocess.Popen(factx_cmd("extract", str(tmp_path), "--quiet"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    try:
        first = proc.stdout.readline()  # like `| head -1`
        proc.stdout.close()
        stderr = proc.stderr.read()
        proc.wait(timeout=180)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    ArticleFacts.model_validate_json(first)
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert "BrokenPipe" not in stderr
    assert proc.returncode in (0, 141, -signal.SIGPIPE)


# ---------------------------------------------------------------- in-process (CliRunner)

@pytest.fixture()
def invoke(nlp):  # nlp: the shared pipeline is built once, and cli reuses it
    runner = CliRunner()

    def call(*args: str, input: str | bytes | None = None):
        result = runner.invoke(app, list(args), input=input)
        assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
        return result

    return call


@pytest.mark.parametrize("args", [
    ["extract"],                                   # no input
    ["extract", "x.txt", "--format", "xml"],       # unknown format
    ["extract", "x.txt", "--reference-date", "yesterday"],
    ["extract", "x.txt", "--no-such-option"],
    ["extract", "-", "-"],                         # stdin twice
    ["extract", "x.txt", "--jobs", "-3"],
    ["nonsense-command"],
])
def test_usage_errors_exit_2(invoke, args):
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""


def test_all_good_exit_0_and_json_format_parses(invoke, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text("Nothing happened here today.")
    result = invoke("extract", str(tmp_path), "--format", "json", "-q")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [ArticleFacts.model_validate(r).source for r in data] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    one = invoke("extract", str(tmp_path / "a.txt"), "--format", "json", "-q")
    assert ArticleFacts.model_validate(json.loads(one.stdout)).source == str(tmp_path / "a.txt")


def test_stdin_input(invoke):
    result = invoke("extract", "-", "-q", input=ARTICLE.encode("utf-16"))
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["source"] == "-" and any("utf-16" in w for w in record["warnings"])
    empty = invoke("extract", "-", "-q", input=b"")
    assert empty.exit_code == 1 and error_lines(empty.stderr) == ["factx: error: -: empty file"]


def test_fail_fast_stops_at_the_first_failure(invoke, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_bytes(b"%PDF-1.4")
    (tmp_path / "c.txt").write_text(ARTICLE)
    (tmp_path / "d.txt").write_bytes(b"")
    names = [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt", "d.txt")]
    fast = invoke("extract", *names, "--fail-fast", "-q")
    assert fast.exit_code == 1
    assert len(error_lines(fast.stderr)) == 1 and "b.txt" in fast.stderr and "d.txt" not in fast.stderr
    assert str(tmp_path / "c.txt") not in fast.stdout
    full = invoke("extract", *names, "-q")
    assert full.exit_code == 1 and len(error_lines(full.stderr)) == 2
    assert [json.loads(l)["source"] for l in full.stdout.splitlines()] == [names[0], names[2]]


def test_unreadable_file_is_one_error_and_the_batch_goes_on(invoke, tmp_path, monkeypatch):
    good = tmp_path / "a.txt"
    good.write_text(ARTICLE)
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE)
    real = Path.read_bytes

    def read_bytes(self):  # the tests run as root, which ignores file permissions
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = invoke("extract", str(locked), str(good), "-q")
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [f"factx: error: {locked}: permission denied"]
    assert json.loads(result.stdout)["source"] == str(good)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_for_real(invoke, tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE)
    locked.chmod(0)
    result = invoke("extract", str(locked), "-q")
    assert result.exit_code == 1 and "permission denied" in result.stderr


def test_emit_text_folder_that_cannot_be_made_is_a_usage_error(invoke, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = invoke("extract", str(tmp_path / "a.txt"), "--emit-text", str(blocker / "sub"))
    assert result.exit_code == 2 and result.stdout == ""
