"""factx.io: decoding, binary refusal, HTML, input expansion, atomic output, --emit-text names.

No spaCy here: these run in milliseconds.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from factx import io as fio

SENTENCE = "Ren\u00e9e Caf\u00e9, 61, said \u201cwe are shocked\u201d \u2013 police arrived (\u00a3500 fine)."


# ---------------------------------------------------------------- decode_bytes

@pytest.mark.parametrize("data, expected_text, encoding, warning", [
    (SENTENCE.encode("utf-8"), SENTENCE, "utf-8", None),
    (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), SENTENCE, "utf-8-sig", None),
    (SENTENCE.encode("utf-16"), SENTENCE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), SENTENCE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), SENTENCE, "utf-16", "utf-16"),
    (SENTENCE.encode("utf-32"), SENTENCE, "utf-32", "utf-32"),
    (SENTENCE.encode("cp1252"), SENTENCE, "cp1252", "cp1252"),
    # Latin-1 text (no cp1252-only characters) reads the same as cp1252
    ("Ren\u00e9e, 61, na\u00efve fa\u00e7ade, \u00a3500.".encode("latin-1"),
     "Ren\u00e9e, 61, na\u00efve fa\u00e7ade, \u00a3500.", "cp1252", "cp1252"),
    # bytes undefined in cp1252 (0x81, 0x8d): nothing is lost, every byte decodes
    (b"Caf\xe9 \x81\x8d end", None, None, "not UTF-8"),
    ("\u041f\u043e\u043b\u0438\u0446\u0438\u044f \u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0430 \u043e \u0440\u0430\u043d\u0435\u043d\u044b\u0445 \u0432 \u0433\u043e\u0440\u043e\u0434\u0435. ".encode("cp1251") * 4,
     "\u041f\u043e\u043b\u0438\u0446\u0438\u044f \u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0430 \u043e \u0440\u0430\u043d\u0435\u043d\u044b\u0445 \u0432 \u0433\u043e\u0440\u043e\u0434\u0435. " * 4, "cp1251", "cp1251"),
    # UTF-8 with two cp1252 quote bytes pasted in: the UTF-8 characters stay right
    ("na\u00efve \u2014 ".encode("utf-8") + b"\x93odd\x94", "na\u00efve \u2014 \u201codd\u201d", "utf-8", "2 invalid byte(s)"),
    (b"line one\r\nline two\rline three\n", "line one\nline two\nline three\n", "utf-8", None),
])
def test_decode_bytes(data, expected_text, encoding, warning):
    text, warnings, used = fio.decode_bytes(data, "a.txt")
    if expected_text is None:  # the detector's call: every byte decodes, the warning names it
        assert len(text) == len(data) and warnings == [f"not UTF-8: decoded as {used} (detected)"]
        return
    assert text == expected_text
    assert used == encoding
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warnings[0] and encoding.replace("-sig", "") in warnings[0]


@pytest.mark.parametrize("data, reason", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"\x1f\x8b\x08\x00", "gzip"),
    (b"\x7fELF\x02\x01\x01", "executable"),
    (b"plain start then a NUL \x00 byte", "NUL"),
    (b"x" * 20000 + b"\x00", "NUL"),  # a NUL far from the start is still binary
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid utf-16"),  # a lone surrogate
])
def test_decode_bytes_refuses_binary(data, reason):
    with pytest.raises(fio.InputError) as caught:
        fio.decode_bytes(data, "dir/file.txt")
    message = str(caught.value)
    assert message.startswith("dir/file.txt: ") and reason in message and "\n" not in message


def test_decode_bytes_never_raises_other_errors_on_all_single_bytes():
    # every byte value, alone and in a run, decodes or is refused cleanly
    for value in range(256):
        for data in (bytes([value]) * 50, b"abc " + bytes([value]) + b" def"):
            try:
                text, warnings, encoding = fio.decode_bytes(data, "x")
            except fio.InputError:
                continue
            assert isinstance(text, str) and isinstance(warnings, list) and encoding


# ---------------------------------------------------------------- text_from_bytes, HTML

PAGE = ("<!DOCTYPE html><html><head><title>Site</title></head><body><nav>Home | World</nav>"
        "<article><h1>Cyclist hurt in Leeds</h1><p>Tom Doe, 19, was injured on Monday, police said.</p>"
        "<p>\"We are shocked,\" said Ann Lee, a council spokeswoman.</p></article>"
        "<footer>Copyright</footer></body></html>")


@pytest.mark.parametrize("text, expected", [
    (PAGE, True),
    ("\ufeff  <html lang='en'><body><p>x</p></body></html>", True),
    ("<!-- saved page --><!doctype html><html></html>", True),
    ("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'></html>", True),
    ("<body><p>only a body</p></body>", True),
    ("Tom Doe, 19, was hurt. He wrote <html> in a tweet.", False),
    ("<b>bold</b> is not a page", False),
    ("", False),
])
def test_looks_like_html(text, expected):
    assert fio.looks_like_html(text) is expected


def test_html_main_text_and_warning():
    got = fio.text_from_bytes(PAGE.encode("utf-8"), "page.txt")  # sniffed, whatever the name
    assert "Tom Doe, 19, was injured on Monday" in got.text
    assert "<p>" not in got.text
    assert any("HTML" in w for w in got.warnings)


def test_html_fragment_falls_back_to_visible_text():
    got = fio.text_from_bytes(b"<p>Tom Doe was hurt.</p><p>Police said so.</p>", "frag.html", is_html=True)
    assert "Tom Doe was hurt." in got.text


@pytest.mark.parametrize("data, is_html, reason", [
    (b"", None, "empty file"),
    (b"  \n\t\n ", None, "empty file (only whitespace)"),
    (codecs.BOM_UTF8 + b" \n", None, "empty file (only whitespace)"),
    (b"<html><body></body></html>", None, "HTML page with no text found"),
    (b"<html><head><script>var x = 1;</script></head><body>   </body></html>", True, "no text found"),
])
def test_text_from_bytes_errors(data, is_html, reason):
    with pytest.raises(fio.InputError) as caught:
        fio.text_from_bytes(data, "in.txt", is_html=is_html)
    assert str(caught.value) == f"in.txt: {reason}" or reason in str(caught.value)


def test_html_nested_deeply_is_an_input_error_or_text():
    deep = "<html><body>" + "<div>" * 50000 + "Tom Doe was hurt." + "</div>" * 50000 + "</body></html>"
    try:
        got = fio.text_from_bytes(deep.encode(), "deep.html", is_html=True)
    except fio.InputError as error:
        assert str(error).startswith("deep.html: ")
    else:
        assert "Tom Doe" in got.text


# ---------------------------------------------------------------- iter_inputs, read_input

def _sources(items):
    return [(type(i).__name__, i.source) for i in items]


def test_iter_inputs_walks_sorted_skips_dotfiles_and_reports_problems(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.html").write_text("<p>d</p>")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "e.txt").write_text("e")
    (tmp_path / "none").mkdir()
    (tmp_path / "none" / "x.json").write_text("{}")
    items = list(fio.iter_inputs([str(tmp_path), str(tmp_path / "missing.txt"), "-", str(tmp_path / "none")]))
    assert _sources(items) == [
        ("InputRef", str(tmp_path / "a.txt")),
        ("InputRef", str(tmp_path / "b.txt")),
        ("InputRef", str(tmp_path / "sub" / "d.html")),
        ("InputError", str(tmp_path / "missing.txt")),
        ("InputRef", "-"),
        ("InputError", str(tmp_path / "none")),
    ]
    assert "no such file" in items[3].reason
    assert "no files matching" in items[5].reason


def test_iter_inputs_reports_an_unreadable_subfolder(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "locked").mkdir()
    real_walk = os.walk

    def walk(top, onerror=None, **kw):  # root bypasses permissions: simulate the refusal
        for entry in real_walk(top, onerror=onerror, **kw):
            if entry[0].endswith("locked"):
                onerror(PermissionError(13, "Permission denied", entry[0]))
                continue
            yield entry

    monkeypatch.setattr(fio.os, "walk", walk)
    items = list(fio.iter_inputs([str(tmp_path)]))
    assert _sources(items) == [("InputRef", str(tmp_path / "a.txt")), ("InputError", str(tmp_path / "locked"))]
    assert "permission denied" in items[1].reason


def test_iter_inputs_odd_paths_are_errors_not_exceptions():
    items = list(fio.iter_inputs(["x" * 5000, "/proc/self/nonexistent/deeper"]))
    assert [type(i) for i in items] == [fio.InputError, fio.InputError]
    assert all(i.reason for i in items)


def test_read_input_errors(tmp_path, monkeypatch):
    folder = tmp_path / "f"
    folder.mkdir()
    with pytest.raises(fio.InputError, match="is a folder"):
        fio.read_input(fio.InputRef(str(folder), folder))
    with pytest.raises(fio.InputError, match="no such file"):
        fio.read_input(fio.InputRef("gone.txt", tmp_path / "gone.txt"))
    with pytest.raises(fio.InputError, match="not a regular file"):
        fio.read_input(fio.InputRef("/dev/zero", Path("/dev/zero")))  # would never end
    locked = tmp_path / "locked.txt"
    locked.write_text("secret")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(fio.InputError) as caught:
        fio.read_input(fio.InputRef(str(locked), locked))
    assert str(caught.value) == f"{locked}: permission denied"


def test_read_input_stdin_and_forced_format(tmp_path):
    import io as stdio

    got = fio.read_input(fio.InputRef("-"), stdin=stdio.BytesIO(b"Tom Doe was hurt."))
    assert (got.source, got.text, got.warnings) == ("-", "Tom Doe was hurt.", [])
    page = tmp_path / "page.txt"
    page.write_text("<p>Tom Doe was hurt on a long road near the town.</p>")
    assert "<p>" in fio.read_input(fio.InputRef(str(page), page)).text  # a fragment: not sniffed
    assert "<p>" not in fio.read_input(fio.InputRef(str(page), page), input_format="html").text


def test_read_input_stdin_missing(monkeypatch):
    monkeypatch.setattr(fio.sys, "stdin", None)
    with pytest.raises(fio.InputError, match="no standard input"):
        fio.read_input(fio.InputRef("-"))


# ---------------------------------------------------------------- atomic_output

def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_atomic_output_replaces_keeps_mode_and_leaves_no_temp(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    out.chmod(0o640)
    with fio.atomic_output(out) as handle:
        handle.write("new\n")
        assert out.read_text() == "old\n"  # not visible until the end
    assert out.read_text() == "new\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []


def test_atomic_output_new_file_gets_umask_mode(tmp_path):
    out = tmp_path / "new.jsonl"
    old = os.umask(0o022)
    try:
        with fio.atomic_output(out) as handle:
            handle.write("x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


@pytest.mark.parametrize("exc", [RuntimeError, KeyboardInterrupt])
def test_atomic_output_failure_keeps_old_content(tmp_path, exc):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    with pytest.raises(exc):
        with fio.atomic_output(out) as handle:
            handle.write("half a rec")
            raise exc()
    assert out.read_text() == "old\n"
    assert _leftovers(tmp_path) == []


def test_atomic_output_writes_through_a_symlink(tmp_path):
    target = tmp_path / "real.jsonl"
    target.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    with fio.atomic_output(link) as handle:
        handle.write("new\n")
    assert link.is_symlink() and target.read_text() == "new\n"


def test_write_text_atomic_is_exact(tmp_path):
    path = tmp_path / "t.txt"
    fio.write_text_atomic(path, "a\nb\r\nc\u2019")
    assert path.read_bytes() == "a\nb\r\nc\u2019".encode("utf-8")


# ---------------------------------------------------------------- --emit-text names

def test_emitted_text_path_unique_and_never_the_input(tmp_path):
    taken: set[str] = set()
    names = [fio.emitted_text_path(tmp_path, s, taken).name
             for s in ["x/a.txt", "y/a.txt", "b.html", "-", "x/a.txt"]]
    assert names == ["a.txt.txt", "a.txt-2.txt", "b.html.txt", "stdin.txt", "a.txt-3.txt"]
