"""Decoding article files: bytes to text, whatever the encoding.

Bytes are decoded as UTF-8 (with or without BOM), UTF-16/32 with a BOM, then as
Korean (cp949 / EUC-KR) when they decode as such into common Hangul, then by the
charset detector (charset-normalizer) for other scripts (Cyrillic, Japanese, ...);
Western text that is none of these is read as cp1252 with a :class:`UnicodeWarning`
naming the file. Newlines are normalised to ``\\n`` and the text to Unicode NFC.

**Mostly UTF-8.** A UTF-8 file with a few broken bytes (a sequence cut off at the end of
the file, a stray byte pasted in) stays UTF-8: the broken sequences become U+FFFD and a
:class:`UnicodeWarning` names the file, how many there are and the byte offset of the
first. A file is mostly UTF-8 when its only fault is a sequence cut off at its end, or
when it holds valid multi-byte sequences and at most :data:`UTF8_MAX_INVALID_SHARE` of
its non-ASCII sequences are invalid, or when it holds at least as many UTF-8 dashes
and curly quotes (General Punctuation) as invalid sequences. Legacy encodings almost
never form valid UTF-8 sequences by chance (cp1252 text: next to none; cp949 or EUC-JP:
about one in six), so they still go to the legacy paths.

A file :mod:`analysis.text.sniffing` found to be UTF-16 without a byte order mark is
decoded strictly with that ``encoding``, or refused.
"""

from __future__ import annotations

import os
import re
import unicodedata
import warnings

from analysis.errors import AnalysisError
from analysis.text.language import is_hangul

__all__ = ["decode_bytes", "normalise_text"]

#: Largest share of invalid sequences among the non-ASCII ones of a file read as UTF-8.
UTF8_MAX_INVALID_SHARE = 0.25
_ASCII = bytes(range(0x80))
#: UTF-8 General Punctuation (U+2000-U+207F: dashes, curly quotes, ellipsis). These bytes
#: (0xE2, then 0x80 or 0x81) never occur in cp949 / EUC text, whose second bytes are 0x41
#: or above but never 0x80, and in cp1252 text only as mojibake ("â€œ"): when a file
#: holds at least as many of them as broken sequences, it is UTF-8 with a few bad bytes.
_UTF8_PUNCTUATION = re.compile(rb"\xe2[\x80\x81][\x80-\xbf]")
#: Largest share of non-ASCII bytes in a file read as cp1252: Western text is mostly ASCII.
WESTERN_MAX_NON_ASCII_SHARE = 0.3
#: Shorter files are read as cp1252 whatever their share (a name, a word).
WESTERN_MIN_BYTES = 64
#: Share of the non-ASCII characters of a cp949 decode that must be common (KS X 1001) ones.
KOREAN_COMMON_SHARE = 0.8
#: Share of the non-ASCII letters that must be Latin for a detected decode to be refused.
LATIN_SHARE = 0.5
#: The last code point of Latin Extended-B: letters up to it count as Latin script.
LAST_LATIN = 0x024F


def decode_bytes(
    data: bytes,
    path: str | os.PathLike[str] | None = None,
    *,
    encoding: str | None = None,
    offset: int = 0,
) -> str:
    """Decode file bytes to text, normalising newlines and Unicode (NFC).

    Order: UTF-8 (BOM or not), UTF-16/32 with a BOM, mostly UTF-8 (broken sequences
    replaced, with a warning), Korean cp949 / EUC-KR, the charset detector for non-Latin
    scripts, else cp1252 with a :class:`UnicodeWarning`.

    Parameters
    ----------
    data : bytes
    path : path, optional
        The file, named in warnings and errors.
    encoding : str, optional
        Decode strictly with this encoding (UTF-16 found without a BOM by
        :func:`analysis.text.sniffing.sniff`); bytes that do not decode are refused.
    offset : int
        Byte offset of ``data`` in its file (a line of a JSONL file), for warnings.

    Examples
    --------
    >>> decode_bytes("Korea\\r\\nNATO".encode("utf-8-sig"))
    'Korea\\nNATO'
    >>> decode_bytes("한국과 나토는 협력을 강화하기로 했다.".encode("cp949"))
    '한국과 나토는 협력을 강화하기로 했다.'
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     decode_bytes("“Yes,” he said. “No”".encode()[:-2], "a.txt")
    '“Yes,” he said. “No�'
    >>> print(caught[0].message)
    a.txt: 1 invalid UTF-8 sequence (the first at byte 25) replaced with U+FFFD; the rest is read as UTF-8. Check the file there if text looks missing.
    """
    if encoding is not None:
        return normalise_text(_decode_strictly(data, encoding, path))
    return normalise_text(_decode(data, path, offset))


def _decode_strictly(data: bytes, encoding: str, path: str | os.PathLike[str] | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise AnalysisError(
            f"looks like {encoding.upper()} text without a byte order mark, but byte "
            f"{exc.start} does not decode as such; save the file as UTF-8",
            path,
        ) from None


def normalise_text(text: str) -> str:
    """Normalise newlines to ``\\n``, drop a leading BOM and compose to Unicode NFC.

    Examples
    --------
    >>> normalise_text("\\ufeffA\\r\\nB\\rC\\u2028D")
    'A\\nB\\nC\\nD'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes, path: str | os.PathLike[str] | None, offset: int = 0) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        lenient = _mostly_utf8(data, exc, path, offset)
    if lenient is not None:
        return lenient
    detected = _detect_legacy(data)
    if detected is not None:
        return detected
    _check_western(data, path)
    where = f"{path}: " if path is not None else ""
    warnings.warn(
        f"{where}not UTF-8 and no other encoding recognised; read as cp1252 (Windows "
        "Western). Save the file as UTF-8 if accented letters look wrong.",
        UnicodeWarning,
        stacklevel=3,
    )
    return data.decode("cp1252", errors="replace")


def _check_western(data: bytes, path: str | os.PathLike[str] | None) -> None:
    """Refuse bytes that no encoding read and too few of which are ASCII for Western text.

    Western text in cp1252 (English, French, German, ...) is mostly ASCII; bytes that are
    mostly not, and are neither UTF-8, Korean nor another script the detector knows, are
    random or binary data, which cp1252 would turn into an "article" of gibberish.

    Examples
    --------
    >>> _check_western("Café au lait, naïve façade.".encode("cp1252"), "a.txt")
    >>> _check_western(bytes(range(0x80, 0x100)), "a.txt")
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: a.txt: not text in any encoding recognised (100% of its 128 bytes are not ASCII, ...
    """
    if len(data) < WESTERN_MIN_BYTES:
        return
    non_ascii = len(data.translate(None, _ASCII))
    if non_ascii <= WESTERN_MAX_NON_ASCII_SHARE * len(data):
        return
    raise AnalysisError(
        f"not text in any encoding recognised ({non_ascii / len(data):.0%} of its "
        f"{len(data):,} bytes are not ASCII, and they are neither UTF-8, Korean nor another "
        "script's encoding): binary or random data; remove it, or save the article as UTF-8",
        path,
    )


def _mostly_utf8(
    data: bytes, error: UnicodeDecodeError, path: str | os.PathLike[str] | None, offset: int
) -> str | None:
    """Decode bytes that are UTF-8 but for a few broken sequences, with a warning; else None."""
    decoded = data.decode("utf-8", errors="replace")
    n_bad = decoded.count("\ufffd") - data.count("\ufffd".encode())
    n_ascii = len(data) - len(data.translate(None, _ASCII))
    n_valid = len(decoded) - n_ascii - n_bad  # valid non-ASCII characters
    cut_at_end = error.reason == "unexpected end of data" and n_bad == 1
    punctuation = len(_UTF8_PUNCTUATION.findall(data))
    if not cut_at_end and punctuation < n_bad and (
            n_valid < 1 or n_bad > UTF8_MAX_INVALID_SHARE * (n_valid + n_bad)):
        return None
    where = f"{path}: " if path is not None else ""
    plural = "s" if n_bad != 1 else ""
    warnings.warn(
        f"{where}{n_bad} invalid UTF-8 sequence{plural} (the first at byte "
        f"{offset + error.start}) replaced with U+FFFD; the rest is read as UTF-8. Check "
        "the file there if text looks missing.",
        UnicodeWarning,
        stacklevel=4,
    )
    return decoded


def _detect_legacy(data: bytes) -> str | None:
    """Decode non-UTF-8 bytes: Korean first, then charset-normalizer for other scripts.

    Returns None for Western (Latin-script) text, which the caller reads as cp1252.
    """
    korean = _decode_korean(data)
    if korean is not None:
        return korean
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.encoding in {"utf_8", "ascii"}:
        return None
    candidate = str(best)
    return None if _mostly_latin(candidate) else candidate


def _decode_korean(data: bytes) -> str | None:
    """Decode cp949 / EUC-KR bytes, or return None if they are not Korean text.

    A strict cp949 decode of Western bytes fails on almost any accented letter
    followed by a space or punctuation; when it succeeds by chance it yields rare
    extension syllables, while real Korean text is overwhelmingly made of the KS X
    1001 (EUC-KR) repertoire, both of whose bytes are 0xA1 or above.
    """
    try:
        candidate = data.decode("cp949")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in candidate if ord(ch) > 0x7F]
    if not wide or not any(is_hangul(ch) for ch in wide):
        return None
    common = sum(1 for ch in wide if min(ch.encode("cp949")) >= 0xA1)
    return candidate if common / len(wide) >= KOREAN_COMMON_SHARE else None


def _mostly_latin(text: str) -> bool:
    """Tell whether the non-ASCII letters of ``text`` are mostly Latin-script ones."""
    letters = [ch for ch in text if ord(ch) > 0x7F and ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if ord(ch) <= LAST_LATIN)
    return latin / len(letters) >= LATIN_SHARE
