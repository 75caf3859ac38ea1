"""Sniffing: what a file is, told from its name and its first bytes, before it is read.

A corpus folder holds whatever an archive held: PDFs, images, archives, binaries, Word
documents, HTML pages saved as ``.txt``, files of NULs, UTF-16 without a byte order
mark. :func:`sniff` looks at the first :data:`SNIFF_BYTES` bytes only (so it costs the
same for a 1 KB and a 1 GB file) and either says how to read the file
(:class:`Sniffed`) or raises an :class:`~analysis.errors.AnalysisError` naming the file,
what it is and what to do. :func:`unsupported_reason` words the refusal of a file type
the loaders do not read.

Rules, in order:

1. **Magic numbers** (:data:`MAGIC`): PDF, images, archives (ZIP also holds ``.docx``,
   ``.xlsx``, ``.odt``, ``.epub``), executables, office and database files are refused
   with a hint (a PDF: convert it with ``pdftotext``).
2. **UTF-16 without a byte order mark**: text that is mostly ASCII puts a NUL byte in
   every other position. When at least :data:`UTF16_NUL_SHARE` of the odd (or even)
   positions are NUL and at most :data:`UTF16_OTHER_NUL_SHARE` of the others, the file is
   read as UTF-16-LE (or BE); the caller decodes it strictly and refuses it if that fails.
3. **Binary data**: more than :data:`MAX_NUL_SHARE` NUL bytes, or more than
   :data:`MAX_CONTROL_SHARE` other control bytes (C0 controls but tab, newline, carriage
   return and form feed; DEL), means binary data (random bytes, a file of NULs). A text
   with a few stray NULs passes and has them removed when read
   (:func:`analysis.text.cleaning.remove_controls`).
4. **HTML by content**: a text whose first non-blank character is ``<`` and whose head
   holds one of :data:`HTML_MARKERS` is an HTML page, whatever its name says.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from analysis.errors import AnalysisError

__all__ = [
    "HTML_SUFFIXES",
    "MAGIC",
    "SNIFF_BYTES",
    "Sniffed",
    "check_binary_blocks",
    "sniff",
    "unsupported_reason",
]

#: How many bytes of a file :func:`sniff` reads.
SNIFF_BYTES = 8192
#: Suffixes read as HTML pages (and any text whose content is HTML, see :func:`sniff`).
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".xhtml")
#: Share of NUL bytes above which a file (not UTF-16) is binary data; a text with a few
#: stray NULs is read, and they are removed.
MAX_NUL_SHARE = 0.3
#: Share of other control bytes above which a file is binary data.
MAX_CONTROL_SHARE = 0.05
#: A last block shorter than this is tested with the bytes before it (a few control
#: bytes at the very end of a text are not a binary block).
MIN_BLOCK_BYTES = 1024
#: Share of NUL bytes in every other position that marks UTF-16 without a BOM ...
UTF16_NUL_SHARE = 0.3
#: ... when the other positions hold at most this share of NULs.
UTF16_OTHER_NUL_SHARE = 0.02
#: Fewest bytes a head must have for the UTF-16 test (a shorter file is not UTF-16 text).
UTF16_MIN_BYTES = 8
#: Tags whose presence in the head of a text starting with ``<`` make it an HTML page.
HTML_MARKERS: tuple[bytes, ...] = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ",
                                   b"<title")

#: Leading bytes of file types that are not text, with what the file is and what to do.
MAGIC: Mapping[bytes, str] = MappingProxyType({
    b"%PDF-": "a PDF document; convert it to text first, e.g. `pdftotext FILE.pdf FILE.txt`, "
              "and read the .txt",
    b"\x89PNG\r\n\x1a\n": "a PNG image, not text; remove it from the input",
    b"\xff\xd8\xff": "a JPEG image, not text; remove it from the input",
    b"GIF87a": "a GIF image, not text; remove it from the input",
    b"GIF89a": "a GIF image, not text; remove it from the input",
    b"II*\x00": "a TIFF image, not text; remove it from the input",
    b"MM\x00*": "a TIFF image, not text; remove it from the input",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx/.odt/.epub document, which are ZIP "
                   "archives); unpack it, or save the document as plain text (.txt)",
    b"PK\x05\x06": "an empty ZIP archive; remove it from the input",
    b"\x1f\x8b": "a gzip archive; unpack it (gunzip) and read the files inside",
    b"\xfd7zXZ\x00": "an xz archive; unpack it (unxz) and read the files inside",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive; unpack it and read the files inside",
    b"Rar!\x1a\x07": "a RAR archive; unpack it and read the files inside",
    b"\x28\xb5\x2f\xfd": "a zstd archive; unpack it (unzstd) and read the files inside",
    b"\x7fELF": "an executable program (ELF), not text; remove it from the input",
    b"\xfe\xed\xfa\xce": "an executable program (Mach-O), not text; remove it from the input",
    b"\xfe\xed\xfa\xcf": "an executable program (Mach-O), not text; remove it from the input",
    b"\xce\xfa\xed\xfe": "an executable program (Mach-O), not text; remove it from the input",
    b"\xcf\xfa\xed\xfe": "an executable program (Mach-O), not text; remove it from the input",
    b"\xca\xfe\xba\xbe": "a compiled program (Java class or Mach-O), not text; remove it",
    b"\x00asm": "a WebAssembly program, not text; remove it from the input",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "an old Office document (.doc/.xls/.ppt); save it as "
                                         "plain text (.txt) or .csv",
    b"SQLite format 3\x00": "an SQLite database; export its articles as .csv or .jsonl",
    b"PAR1": "a Parquet file; export its articles as .csv or .jsonl",
    b"{\\rtf": "an RTF document; save it as plain text (.txt)",
})
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV sound file", b"AVI ": "an AVI video"}

#: Hints for file types the loaders do not read (after "unsupported file type .X; ").
UNSUPPORTED_HINTS: Mapping[str, str] = MappingProxyType({
    ".pdf": "convert it to text first, e.g. `pdftotext FILE.pdf FILE.txt`, and read the .txt",
    ".tsv": "save it as .csv (comma-separated) with a 'text' column",
    ".md": "notes are not read as articles; rename it .txt to read it as one",
    ".docx": "save the document as plain text (.txt)",
    ".doc": "save the document as plain text (.txt)",
    ".odt": "save the document as plain text (.txt)",
    ".rtf": "save the document as plain text (.txt)",
    ".xlsx": "save the sheet as .csv with a 'text' column",
    ".xls": "save the sheet as .csv with a 'text' column",
    ".ods": "save the sheet as .csv with a 'text' column",
    ".xml": "export the articles as .jsonl or .csv with a 'text' field",
    ".zip": "unpack it and read the files inside",
    ".gz": "unpack it (gunzip) and read the files inside",
})
# C0 control bytes that are not tab, newline, carriage return or form feed; and DEL
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


@dataclass(frozen=True, slots=True)
class Sniffed:
    """How to read a file, as :func:`sniff` tells it.

    Parameters
    ----------
    html : bool
        The file is an HTML page (by its name or its content).
    encoding : str or None
        ``"utf-16-le"`` / ``"utf-16-be"`` for UTF-16 without a byte order mark, else None
        (let :func:`analysis.text.decoding.decode_bytes` decide).
    """

    html: bool = False
    encoding: str | None = None


def unsupported_reason(suffix: str, supported: tuple[str, ...]) -> str:
    """Word the refusal of a file type the loaders do not read.

    Examples
    --------
    >>> unsupported_reason(".pdf", (".txt",))
    'unsupported file type .pdf; convert it to text first, e.g. `pdftotext FILE.pdf FILE.txt`, and read the .txt'
    >>> unsupported_reason("", (".txt", ".csv"))
    'unsupported file type (none); use one of .txt, .csv'
    """
    hint = UNSUPPORTED_HINTS.get(suffix) or f"use one of {', '.join(supported)}"
    return f"unsupported file type {suffix or '(none)'}; {hint}"


def sniff(
    head: bytes, path: str | os.PathLike[str] | None = None, *, html_suffix: bool = False
) -> Sniffed:
    """Tell how to read a file from its first bytes, or refuse it with what to do.

    Parameters
    ----------
    head : bytes
        The first :data:`SNIFF_BYTES` bytes of the file (or all of a shorter one).
    path : path, optional
        The file, named in the error.
    html_suffix : bool
        The file's name says it is HTML.

    Raises
    ------
    AnalysisError
        If the file is a PDF, an image, an archive, a program or other binary data.

    Examples
    --------
    >>> sniff(b"NATO met in Vilnius.")
    Sniffed(html=False, encoding=None)
    >>> sniff("NATO met.".encode("utf-16-le"))
    Sniffed(html=False, encoding='utf-16-le')
    >>> sniff(b"<!DOCTYPE html><html><body><p>NATO met.</p></body></html>").html
    True
    >>> sniff(b"%PDF-1.7 ...", "a.txt")
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: a.txt: a PDF document; convert it to text first, ...
    """
    head = head[:SNIFF_BYTES]
    _check_magic(head, path)
    utf16 = _utf16_without_bom(head)
    if utf16 is not None:
        return Sniffed(html=html_suffix, encoding=utf16)
    _check_binary(head, path)
    return Sniffed(html=html_suffix or looks_like_html(head))


def looks_like_html(head: bytes) -> bool:
    """Tell whether text bytes are an HTML page: a ``<`` first and an HTML tag in the head.

    Examples
    --------
    >>> looks_like_html(b"\\n  <!doctype html>\\n<html lang='en'>")
    True
    >>> looks_like_html(b"NATO met. <html> is a tag.")
    False
    """
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n\f")
    if not start.startswith(b"<"):
        return False
    lowered = start[:2048].lower()
    return any(marker in lowered for marker in HTML_MARKERS)


def _check_magic(head: bytes, path: str | os.PathLike[str] | None) -> None:
    for magic, what in MAGIC.items():
        if head.startswith(magic):
            raise AnalysisError(what, path)
    if _BZIP2.match(head):
        raise AnalysisError("a bzip2 archive; unpack it (bunzip2) and read the files inside", path)
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_KINDS:
        raise AnalysisError(f"{_RIFF_KINDS[head[8:12]]}, not text; remove it from the input", path)
    if head.startswith(b"MZ") and b"\x00" in head[:64]:
        raise AnalysisError("an executable program (Windows), not text; remove it from the input",
                            path)


def _utf16_without_bom(head: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when NULs fill every other position, else None."""
    if len(head) < UTF16_MIN_BYTES or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    even_share = even.count(0) / len(even)
    odd_share = odd.count(0) / len(odd)
    if odd_share >= UTF16_NUL_SHARE and even_share <= UTF16_OTHER_NUL_SHARE:
        return "utf-16-le"
    if even_share >= UTF16_NUL_SHARE and odd_share <= UTF16_OTHER_NUL_SHARE:
        return "utf-16-be"
    return None


def check_binary_blocks(data: bytes, path: str | os.PathLike[str] | None = None) -> None:
    """Refuse a file any block of which past the sniffed head is binary data.

    :func:`sniff` reads only the first :data:`SNIFF_BYTES`; an article with an image or
    random bytes after them would be read as text, its control bytes removed. Each
    further block of :data:`SNIFF_BYTES` gets the same NUL and control-byte test (not
    for UTF-16, whose NULs are text).

    Raises
    ------
    AnalysisError
        Naming the byte offset of the first binary block.

    Examples
    --------
    >>> check_binary_blocks(b"NATO met. " * 2000)
    >>> check_binary_blocks(b"NATO met. " * 1000 + bytes(range(32)) * 400, "a.txt")
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: a.txt: binary data from about byte 8,192 on (5384 control bytes ...
    """
    for start in range(SNIFF_BYTES, len(data), SNIFF_BYTES):
        block = data[start:start + SNIFF_BYTES]
        if len(block) < MIN_BLOCK_BYTES:
            start = max(len(data) - SNIFF_BYTES, 0)
            block = data[start:]
        found = _binary_bytes(block)
        if found is not None:
            raise AnalysisError(
                f"binary data from about byte {start:,} on ({found} in the {len(block):,} "
                f"from there), after text; remove it from the input, or save the article "
                "alone as UTF-8 text",
                path,
            )


def _check_binary(head: bytes, path: str | os.PathLike[str] | None) -> None:
    found = _binary_bytes(head)
    if found is not None:
        raise AnalysisError(
            f"binary data, not text ({found}{_where(found, len(head))}); remove it from the "
            "input, or save the article as UTF-8 text",
            path,
        )


def _where(found: str, size: int) -> str:
    return "" if found.startswith("only") else f" in its first {size}"


def _binary_bytes(block: bytes) -> str | None:
    """Say what makes ``block`` binary ("40 NUL bytes"), or None when it may be text."""
    if not block:
        return None
    nuls = block.count(0)
    if nuls / len(block) > MAX_NUL_SHARE:
        return "only NUL bytes" if nuls == len(block) else f"{nuls} NUL bytes"
    controls = len(block) - len(block.translate(None, _CONTROL_BYTES))
    if controls / len(block) > MAX_CONTROL_SHARE:
        return f"{controls} control bytes"
    return None
