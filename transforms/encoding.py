"""Decode fetched HTML bytes to text, the way Chinese e-paper sites actually encode them.

Order of evidence: a byte-order mark, the HTTP ``Content-Type`` charset, a ``<meta>`` charset in the
first bytes of the document, then a strict UTF-8 attempt and GB18030 as the last resort. A declared
charset that fails strictly gives way to strict UTF-8, then strict GB18030, and only then is decoded
with replacement characters; non-ASCII bytes that are valid UTF-8 are read as UTF-8 whatever the
label (see ``_decode_declared``). Every GB
family label is read as GB18030, a superset: pages labelled ``gb2312`` routinely carry GBK-only
characters (薈, the em dash —, the middle dot ·) that a strict GB2312 decoder rejects.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "CHARSET_ALIASES",
    "FALLBACK_ENCODING",
    "META_SNIFF_BYTES",
    "decode_html",
    "normalise_charset",
]

# Labels mapped to the codec we really decode with; keys are lower-case labels as sites write them.
CHARSET_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        # The GB family: GB18030 decodes every GB2312 and GBK byte sequence the same way, and more.
        "gb2312": "gb18030",
        "gb_2312": "gb18030",
        "gb_2312-80": "gb18030",
        "csgb2312": "gb18030",
        "euc-cn": "gb18030",
        "gbk": "gb18030",
        "x-gbk": "gb18030",
        "cp936": "gb18030",
        "ms936": "gb18030",
        "windows-936": "gb18030",
        "chinese": "gb18030",
        "iso-ir-58": "gb18030",
        "gb18030": "gb18030",
        # WHATWG: browsers read these labels as windows-1252, so a stray 0x80-0x9f byte is not an error.
        "iso-8859-1": "cp1252",
        "iso8859-1": "cp1252",
        "latin1": "cp1252",
        "latin-1": "cp1252",
        "us-ascii": "cp1252",
        "ascii": "cp1252",
        "utf8": "utf-8",
        "unicode-1-1-utf-8": "utf-8",
    }
)

FALLBACK_ENCODING = "gb18030"  # the last guess: Chinese local papers that declare nothing are GBK-era sites
META_SNIFF_BYTES = 4096  # HTML spec prescan length (1024) with room for the long <head>s CMSs emit first

# The charset parameter of a Content-Type value: text/html; charset="GB2312"
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# <meta charset="gb2312"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# Byte-order marks, longest first so UTF-32 is not mistaken for UTF-16 (codec, mark length).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A <meta> cannot truthfully declare UTF-16 in an ASCII-compatible prescan; browsers read it as UTF-8.
_META_UTF16 = frozenset({"utf-16", "utf-16le", "utf-16be", "utf-16-le", "utf-16-be"})


def normalise_charset(label: str | None) -> str | None:
    """The codec name to decode a declared charset label with, or None when Python knows no such codec."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    name = CHARSET_ALIASES.get(key, key)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(body: bytes, content_type: str | None, *, override: str | None = None) -> tuple[str, str]:
    """Decode an HTML body; return the text and the codec used (``override`` beats every detection)."""
    forced = normalise_charset(override)
    if forced is not None:
        return _decode_declared(body, forced, utf8_first=False)
    bom = _from_bom(body)
    if bom is not None:
        return bom
    declared = normalise_charset(_header_charset(content_type)) or _meta_charset(body)
    if declared is None:
        return _decode_declared(body, FALLBACK_ENCODING, utf8_first=True)
    return _decode_declared(body, declared, utf8_first=not body.isascii())


def _decode_declared(body: bytes, declared: str, *, utf8_first: bool) -> tuple[str, str]:
    """Strictly try (UTF-8 first when asked) the label, UTF-8, GB18030; else the label, replacing errors.

    Non-ASCII bytes that form valid UTF-8 are UTF-8 whatever the label says: sites moved to UTF-8
    keep ``charset=gb2312`` templates, and GB18030 would decode those bytes "successfully" as garbage.
    A GBK page, on the other hand, practically never happens to be valid UTF-8.
    """
    order = ("utf-8", declared, FALLBACK_ENCODING) if utf8_first else (declared, "utf-8", FALLBACK_ENCODING)
    decoded = _decode_first_strict(body, order)
    return decoded or (body.decode(declared, errors="replace"), declared)


def _from_bom(body: bytes) -> tuple[str, str] | None:
    """Text and codec when the body starts with a byte-order mark (the mark itself removed)."""
    for mark, codec in _BOMS:
        if body.startswith(mark):
            return body[len(mark) :].decode(codec, errors="replace"), codec
    return None


def _header_charset(content_type: str | None) -> str | None:
    """The charset label of an HTTP Content-Type value, if it names one."""
    if not content_type:
        return None
    match = _CONTENT_TYPE_CHARSET.search(content_type)
    return match.group(1) if match else None


def _meta_charset(body: bytes) -> str | None:
    """The codec named by the first usable ``<meta>`` charset in the document's first bytes."""
    for match in _META_CHARSET.finditer(body[:META_SNIFF_BYTES]):
        codec = normalise_charset(match.group(1).decode("ascii"))
        if codec is not None:
            return "utf-8" if codec.replace("_", "-") in _META_UTF16 else codec
    return None


def _decode_first_strict(body: bytes, codecs_to_try: tuple[str, ...]) -> tuple[str, str] | None:
    """Text and codec of the first codec that decodes the whole body without error."""
    for codec in dict.fromkeys(codecs_to_try):
        try:
            return body.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return None
