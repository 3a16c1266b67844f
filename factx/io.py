"""Reading inputs (files, folders, stdin; encodings; HTML) and writing outputs atomically.

Every problem with one input becomes an :class:`InputError` naming the path and the reason;
the caller reports it and goes on with the next input.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

DEFAULT_GLOBS = ("*.txt", "*.text", "*.md", "*.html", "*.htm")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (docx/xlsx/zip)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an OLE document (doc/xls)",
    b"\x7fELF": "an executable",
}
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)


class InputError(Exception):
    """One input cannot be read: ``str()`` is the one-line message for the user."""

    def __init__(self, source: str, reason: str):
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")


@dataclass
class InputText:
    """A decoded input: the text factx reads, and what decoding it had to say."""

    source: str
    text: str
    warnings: list[str] = field(default_factory=list)
    encoding: str = "utf-8"


@dataclass
class InputRef:
    """A named input not yet read: a path, or '-' for stdin."""

    source: str
    path: Optional[Path] = None


def iter_inputs(paths: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS) -> Iterator[Union[InputRef, InputError]]:
    """Expand the user's paths: files as given, folders walked (sorted, dotfiles skipped)."""
    globs = tuple(globs)
    for raw in paths:
        if raw == "-":
            yield InputRef("-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(_walk(path, globs))
            if not found:
                yield InputError(raw, f"no files matching {', '.join(globs)} in this folder")
            for file in found:
                yield InputRef(str(file), file)
        elif path.exists():
            yield InputRef(raw, path)
        else:
            yield InputError(raw, "no such file or folder")


def _walk(root: Path, globs: tuple[str, ...]) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            file = Path(dirpath) / name
            if any(file.match(g) for g in globs):
                yield file


def read_input(ref: InputRef, stdin: Optional[IO[bytes]] = None) -> InputText:
    """Read and decode one input; raises :class:`InputError` for anything unusable."""
    try:
        if ref.path is None:
            data = (stdin or sys.stdin.buffer).read()
        else:
            data = ref.path.read_bytes()
    except IsADirectoryError:
        raise InputError(ref.source, "is a folder") from None
    except PermissionError:
        raise InputError(ref.source, "permission denied") from None
    except OSError as err:
        raise InputError(ref.source, err.strerror or str(err)) from None
    is_html = (ref.path is not None and ref.path.suffix.lower() in HTML_SUFFIXES) or bool(_HTML_SNIFF.match(data[:512]))
    text, warnings, encoding = decode_bytes(data, ref.source)
    if is_html:
        text = html_to_text(text, ref.source)
        warnings.append("HTML input: facts refer to the extracted main text")
    if not text.strip():
        raise InputError(ref.source, "empty file" if not data.strip() else "no text found")
    return InputText(ref.source, text, warnings, encoding)


def decode_bytes(data: bytes, source: str) -> tuple[str, list[str], str]:
    """Decode bytes to text: BOMs first, then UTF-8, then detection; reject binary data."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(source, f"binary file ({what}), not text")
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as err:
                raise InputError(source, f"invalid {enc} text at byte {err.start}") from None
            warnings = [] if enc == "utf-8-sig" else [f"decoded as {enc} (byte order mark)"]
            return _normalise(text), warnings, enc
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return _normalise(data.decode("utf-8")), [], "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        encoding = "cp1252"
        text = data.decode(encoding, errors="replace")
        return _normalise(text), ["not UTF-8 and no encoding detected: decoded as cp1252 with replacements"], encoding
    encoding = best.encoding
    text = str(best)
    return _normalise(text), [f"not UTF-8: decoded as {encoding} (detected)"], encoding


def _normalise(text: str) -> str:
    # Offsets refer to the text as factx read it; only line endings are unified, because
    # '\r\n' vs '\n' is a property of the file, not of the article.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(html: str, source: str) -> str:
    """The main text of an HTML page (trafilatura), paragraphs separated by blank lines."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError(source, "HTML input needs the 'trafilatura' package") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_recall=True, deduplicate=False)
    if not text:
        raise InputError(source, "HTML page with no main text found")
    return re.sub(r"\n(?!\n)", "\n\n", text)


@contextlib.contextmanager
def atomic_output(path: Path, mode: str = "w") -> Iterator[IO]:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    If anything fails (or the process is killed) before the end, ``path`` keeps its old
    content or does not exist: never a half-written file.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
