"""Decoding article files: bytes to text, whatever the encoding.

Bytes are decoded as UTF-8 (with or without BOM), UTF-16/32 with a BOM, then as
Korean (cp949 / EUC-KR) when they decode as such into common Hangul, then by the
charset detector (charset-normalizer) for other scripts (Cyrillic, Japanese, ...);
Western text that is none of these is read as cp1252 with a :class:`UnicodeWarning`
naming the file. Newlines are normalised to ``\\n`` and the text to Unicode NFC.
"""

from __future__ import annotations

import os
import unicodedata
import warnings

from analysis.text.language import is_hangul

__all__ = ["decode_bytes", "normalise_text"]

#: Share of the non-ASCII characters of a cp949 decode that must be common (KS X 1001) ones.
KOREAN_COMMON_SHARE = 0.8
#: Share of the non-ASCII letters that must be Latin for a detected decode to be refused.
LATIN_SHARE = 0.5
#: The last code point of Latin Extended-B: letters up to it count as Latin script.
LAST_LATIN = 0x024F


def decode_bytes(data: bytes, path: str | os.PathLike[str] | None = None) -> str:
    """Decode file bytes to text, normalising newlines and Unicode (NFC).

    Order: UTF-8 (BOM or not), UTF-16/32 with a BOM, Korean cp949 / EUC-KR, the
    charset detector for non-Latin scripts, else cp1252 with a :class:`UnicodeWarning`.

    Examples
    --------
    >>> decode_bytes("Korea\\r\\nNATO".encode("utf-8-sig"))
    'Korea\\nNATO'
    >>> decode_bytes("한국과 나토는 협력을 강화하기로 했다.".encode("cp949"))
    '한국과 나토는 협력을 강화하기로 했다.'
    """
    return normalise_text(_decode(data, path))


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


def _decode(data: bytes, path: str | os.PathLike[str] | None) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    detected = _detect_legacy(data)
    if detected is not None:
        return detected
    where = f"{path}: " if path is not None else ""
    warnings.warn(
        f"{where}not UTF-8 and no other encoding recognised; read as cp1252 (Windows "
        "Western). Save the file as UTF-8 if accented letters look wrong.",
        UnicodeWarning,
        stacklevel=3,
    )
    return data.decode("cp1252", errors="replace")


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
