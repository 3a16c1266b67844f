"""Reading inputs (files, folders, stdin; encodings; HTML) and writing outputs atomically.

Every problem with one input becomes an :class:`InputError` naming the path and the reason;
the caller reports it as one line and goes on with the next input.

    >>> decode_bytes("Caf\u00e9 \u201cnews\u201d".encode("cp1252"), "a.txt")
    ('Caf\u00e9 \u201cnews\u201d', ['not UTF-8: decoded as cp1252 (detected)'], 'cp1252')
    >>> decode_bytes(b"%PDF-1.7 ...", "a.pdf")
    Traceback (most recent call last):
    ...
    factx.io.InputError: a.pdf: binary file (a PDF file), not text

Decoding, in order: a byte order mark (UTF-8, UTF-16, UTF-32); binary signatures and NUL
bytes are refused; UTF-8; UTF-8 with a few stray single-byte characters (each decoded as
cp1252); else detection (charset-normalizer), where any Latin-script single-byte guess
becomes cp1252 when the bytes are valid cp1252. Every decoding other than plain UTF-8 adds a
warning naming the encoding used. Line ends are unified to ``\\n``; offsets in a record refer to
that text (``factx extract --emit-text DIR`` writes it out).

HTML (a .html/.htm/.xhtml name, or text that starts like an HTML page) is reduced to its main
text by trafilatura; offsets then refer to that extracted text.

Known limits: Latin-script single-byte text in another code page than cp1252 (cp1250,
ISO 8859-2 ...) is read as cp1252 when its bytes allow it, since detection cannot tell these
apart reliably on an English news article; UTF-16/32 without a byte order mark is refused as
binary (NUL bytes); HTML fragments without a page structure are sniffed only by their name.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import stat
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
_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_SNIFF = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*"
    r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I | re.S)
# single-byte code pages for Latin scripts, which detection confuses with each other
_LATIN_SINGLE_BYTE = {
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_1", "iso8859_2", "iso8859_3",
    "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15",
    "iso8859_16", "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish", "cp437", "cp850",
    "cp858", "cp1258", "hp_roman8",
}


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
    """Expand the user's paths: files as given, folders walked (sorted, dotfiles skipped).

    Yields an :class:`InputError` in place of a path that does not exist, cannot be looked
    at, or is a folder with no matching file; a sub-folder that cannot be read is reported
    too, rather than skipped in silence.
    """
    globs = tuple(globs)
    for raw in paths:
        if raw == "-":
            yield InputRef("-")
            continue
        try:
            info = os.stat(raw)
        except FileNotFoundError:
            yield InputError(raw, "no such file or folder")
            continue
        except (OSError, ValueError) as error:
            yield InputError(raw, _os_reason(error))
            continue
        if stat.S_ISDIR(info.st_mode):
            found = list(_walk(Path(raw), globs))
            if not any(isinstance(item, InputRef) for item in found):
                if not found:
                    yield InputError(raw, f"no files matching {', '.join(globs)} in this folder")
            yield from found
        else:
            yield InputRef(raw, Path(raw))


def _walk(root: Path, globs: tuple[str, ...]) -> Iterator[Union[InputRef, InputError]]:
    """Matching files under root, sorted by path; unreadable folders as errors in their place."""
    found: list[tuple[str, Union[InputRef, InputError]]] = []

    def unreadable(error: OSError) -> None:
        where = error.filename or str(root)
        found.append((str(where), InputError(str(where), f"cannot read this folder: {_os_reason(error)}")))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            file = Path(dirpath) / name
            if any(file.match(g) for g in globs):
                found.append((str(file), InputRef(str(file), file)))
    for _, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def _os_reason(error: BaseException) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower() if error.strerror[:1].isupper() and error.strerror[1:2].islower() else error.strerror
    return str(error) or type(error).__name__


def read_input(ref: InputRef, stdin: Optional[IO[bytes]] = None, input_format: Optional[str] = None) -> InputText:
    """Read and decode one input; raises :class:`InputError` for anything unusable.

    ``input_format``: ``"html"`` or ``"text"`` to force one; by default a .html/.htm/.xhtml
    name or a text that starts like an HTML page is read as HTML.
    """
    data = _read_bytes(ref, stdin)
    is_html: Optional[bool] = None
    if input_format is not None:
        is_html = input_format == "html"
    elif ref.path is not None and ref.path.suffix.lower() in HTML_SUFFIXES:
        is_html = True
    return text_from_bytes(data, ref.source, is_html)


def _read_bytes(ref: InputRef, stdin: Optional[IO[bytes]]) -> bytes:
    try:
        if ref.path is None:
            if stdin is None:
                if sys.stdin is None:
                    raise InputError(ref.source, "no standard input to read")
                stdin = sys.stdin.buffer
            return stdin.read()
        info = os.stat(ref.path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(ref.source, "is a folder")
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
            # a device or socket may never end (/dev/zero): not an article
            raise InputError(ref.source, "not a regular file")
        return ref.path.read_bytes()
    except FileNotFoundError:
        raise InputError(ref.source, "no such file or folder") from None
    except (OSError, ValueError) as error:
        raise InputError(ref.source, _os_reason(error)) from None
    except MemoryError:
        raise InputError(ref.source, "too large to read into memory") from None


def text_from_bytes(data: bytes, source: str, is_html: Optional[bool] = None) -> InputText:
    """Decode an input's bytes and, for HTML, extract its main text.

    ``is_html=None`` sniffs: text that starts like an HTML page is read as HTML.
    Raises :class:`InputError` for binary data, an empty input, or HTML with no text.
    """
    if not data.strip():
        raise InputError(source, "empty file" if not data else "empty file (only whitespace)")
    text, warnings, encoding = decode_bytes(data, source)
    if is_html is None:
        is_html = looks_like_html(text)
    if is_html:
        text = html_to_text(text, source)
        warnings.append("HTML input: facts refer to the extracted main text")
    if not text.strip():
        raise InputError(source, "empty file (only whitespace)" if not is_html else "HTML page with no text found")
    return InputText(source, text, warnings, encoding)


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML page (doctype, <html>, <head> or <body>)."""
    return bool(_HTML_SNIFF.match(text[:4096]))


def decode_bytes(data: bytes, source: str) -> tuple[str, list[str], str]:
    """Decode bytes to text: BOMs first, then UTF-8, then detection; reject binary data.

    Returns ``(text, warnings, encoding)``; raises :class:`InputError` for binary data or
    text that its byte order mark announces but that does not decode.
    """
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(source, f"binary file ({what}), not text")
    failure: Optional[InputError] = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as error:
                # FF FE 00 00 is UTF-32's mark, or UTF-16's followed by a NUL: try the next
                failure = failure or InputError(source, f"invalid {enc} text at byte {error.start}")
                continue
            warnings = [] if enc == "utf-8-sig" else [f"decoded as {enc} (byte order mark)"]
            return _normalise(text), warnings, enc
    if failure is not None:
        raise failure
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return _normalise(data.decode("utf-8")), [], "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_stray_bytes(data)
    if mixed is not None:
        text, stray = mixed
        return _normalise(text), [f"decoded as utf-8 with {stray} invalid byte(s) read as cp1252"], "utf-8"
    encoding = _detect_encoding(data)
    text = data.decode(encoding)
    return _normalise(text), [f"not UTF-8: decoded as {encoding} (detected)"], encoding


def _valid_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _escaped_byte_as_cp1252(match: re.Match) -> str:
    byte = bytes([ord(match.group()) - 0xDC00])
    return byte.decode("cp1252") if _valid_cp1252(byte) else byte.decode("latin-1")


def _utf8_with_stray_bytes(data: bytes) -> Optional[tuple[str, int]]:
    """UTF-8 text with a few bytes from a single-byte code page pasted in, or None.

    Returns the text, each stray byte decoded as cp1252, and the number of stray bytes. Taken
    as such when valid multi-byte UTF-8 sequences outnumber the invalid bytes: a real cp1252
    text almost never forms valid UTF-8 sequences by chance.
    """
    multibyte = len(_UTF8_MULTIBYTE.findall(data))
    if not multibyte:
        return None
    escaped = data.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED_BYTE.findall(escaped))
    if stray > multibyte:
        return None
    return _ESCAPED_BYTE.sub(_escaped_byte_as_cp1252, escaped), stray


def _detect_encoding(data: bytes) -> str:
    """The encoding of non-UTF-8 bytes: cp1252 for Latin-script guesses, else the detector's."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        guess = best.encoding if best is not None else None
    except Exception:  # the detector is a heuristic: its failure must not stop the input
        guess = None
    if (guess is None or guess in _LATIN_SINGLE_BYTE) and _valid_cp1252(data):
        return "cp1252"
    if guess is not None:
        try:
            data.decode(guess)
            return guess
        except (UnicodeDecodeError, LookupError):
            pass
    return "latin_1"  # decodes every byte: nothing is lost


def _normalise(text: str) -> str:
    # Offsets refer to the text as factx read it; only line endings are unified, because
    # '\r\n' vs '\n' is a property of the file, not of the article.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(html: str, source: str) -> str:
    """The main text of an HTML page (trafilatura), paragraphs separated by blank lines.

    A page where trafilatura finds no main text falls back to all of its visible text.
    """
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError(source, "HTML input needs the 'trafilatura' package") from None
    _quiet_logger("trafilatura")
    try:
        text = _html_main_text(trafilatura, html)
        if not text and "<body" not in html[:4096].lower():
            # a fragment ("<p>...</p>"): trafilatura wants a page around it
            text = _html_main_text(trafilatura, f"<html><body>{html}</body></html>")
    except RecursionError:
        raise InputError(source, "HTML page nested too deeply to read") from None
    except Exception as error:  # lxml and trafilatura raise many kinds on broken pages
        raise InputError(source, f"unreadable HTML ({type(error).__name__})") from None
    if not text or not text.strip():
        raise InputError(source, "HTML page with no text found")
    return re.sub(r"\n(?!\n)", "\n\n", _normalise(text))


def _html_main_text(trafilatura, html: str) -> str:
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_recall=True, deduplicate=False)
    return text or trafilatura.html2txt(html)


def _quiet_logger(name: str) -> None:
    # trafilatura logs "parsed tree length: 0" and the like for odd pages; with no handler
    # configured, Python would print them on stderr, where only factx's own messages belong.
    # A NullHandler keeps them for an application that configures logging.
    import logging

    logger = logging.getLogger(name)
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())


def emitted_text_path(directory: Path, source: str, taken: set[str]) -> Path:
    """Where ``--emit-text`` writes an input's text: ``DIR/<file name>.txt``, unique in a run.

    ``article.html`` -> ``article.html.txt``; stdin -> ``stdin.txt``; a second input with the
    same file name gets ``article.html-2.txt``. Adding ``.txt`` to the full name means an input
    ``a.txt`` never gets overwritten by its own text, even when DIR is the input folder.
    """
    base = "stdin" if source == "-" else (Path(source).name or "input")
    name, n = f"{base}.txt", 1
    while name in taken:
        n += 1
        name = f"{base}-{n}.txt"
    taken.add(name)
    return Path(directory) / name


def write_text_atomic(path: Path, text: str) -> None:
    """Write text exactly (UTF-8, no newline translation), atomically."""
    with atomic_output(path, newline="") as handle:
        handle.write(text)


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_output(path: Path, mode: str = "w", newline: Optional[str] = None) -> Iterator[IO]:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    If anything fails (or the process is killed) before the end, ``path`` keeps its old
    content or does not exist: never a half-written file. The new file keeps the old one's
    permissions (or gets the usual ones for a new file); a symbolic link is written through.
    """
    path = Path(os.path.realpath(path))
    directory = path.parent
    try:
        file_mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        file_mode = _default_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        os.fchmod(fd, file_mode)
        binary = "b" in mode
        with os.fdopen(fd, mode, encoding=None if binary else "utf-8",
                       newline=None if binary else newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
