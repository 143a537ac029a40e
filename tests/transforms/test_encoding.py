"""Charset detection for fetched HTML: BOM, HTTP header, <meta>, UTF-8, GB18030."""

from __future__ import annotations

import codecs

import pytest

from transforms.encoding import CHARSET_ALIASES, META_SNIFF_BYTES, decode_html, normalise_charset

GBK_ONLY = "薈萃 — 李·明"  # characters outside GB2312 that gb2312-labelled pages carry anyway
CHINESE = "渝中报数字报：第01版"


def _page(meta: str, text: str) -> str:
    """A small HTML page with an optional <meta> tag in its head."""
    return f"<html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>"


META_CHARSET_GB2312 = '<meta charset="gb2312">'
META_HTTP_EQUIV_GBK = '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GBK">'
META_UTF8 = "<meta charset=utf-8>"


CASES = [
    # (id, body, content_type, expected text inside, expected codec)
    (
        "utf8-bom",
        codecs.BOM_UTF8 + _page("", CHINESE).encode("utf-8"),
        "text/html; charset=gbk",
        CHINESE,
        "utf-8",
    ),
    ("utf16le-bom", codecs.BOM_UTF16_LE + _page("", CHINESE).encode("utf-16-le"), None, CHINESE, "utf-16-le"),
    (
        "header-gb2312-gbk-only",
        _page("", GBK_ONLY).encode("gbk"),
        "text/html; charset=gb2312",
        GBK_ONLY,
        "gb18030",
    ),
    ("header-quoted", _page("", CHINESE).encode("gbk"), 'text/html; charset="GB2312"', CHINESE, "gb18030"),
    ("header-x-gbk", _page("", CHINESE).encode("gbk"), "text/html;charset=x-gbk", CHINESE, "gb18030"),
    (
        "header-beats-meta",
        _page(META_UTF8, GBK_ONLY).encode("gbk"),
        "text/html; charset=gbk",
        GBK_ONLY,
        "gb18030",
    ),
    (
        "meta-charset-gb2312",
        _page(META_CHARSET_GB2312, GBK_ONLY).encode("gbk"),
        "text/html",
        GBK_ONLY,
        "gb18030",
    ),
    ("meta-http-equiv", _page(META_HTTP_EQUIV_GBK, CHINESE).encode("gbk"), None, CHINESE, "gb18030"),
    (
        "meta-gb_2312-80",
        _page('<meta charset="gb_2312-80">', CHINESE).encode("gbk"),
        None,
        CHINESE,
        "gb18030",
    ),
    ("meta-utf8", _page(META_UTF8, CHINESE).encode("utf-8"), None, CHINESE, "utf-8"),
    (
        "meta-utf16-means-utf8",
        _page('<meta charset="utf-16">', CHINESE).encode("utf-8"),
        None,
        CHINESE,
        "utf-8",
    ),
    (
        "meta-unknown-label",
        _page('<meta charset="klingon">', CHINESE).encode("gbk"),
        None,
        CHINESE,
        "gb18030",
    ),
    ("nothing-utf8", _page("", CHINESE).encode("utf-8"), None, CHINESE, "utf-8"),
    ("nothing-gbk", _page("", GBK_ONLY).encode("gbk"), None, GBK_ONLY, "gb18030"),
    ("declared-utf8-is-gbk", _page(META_UTF8, GBK_ONLY).encode("gbk"), None, GBK_ONLY, "gb18030"),
    ("declared-gb2312-is-utf8", _page(META_CHARSET_GB2312, CHINESE).encode("utf-8"), None, CHINESE, "utf-8"),
    (
        "header-latin1-is-utf8",
        _page("", CHINESE).encode("utf-8"),
        "text/html; charset=ISO-8859-1",
        CHINESE,
        "utf-8",
    ),
    ("big5-declared", _page('<meta charset="big5">', "臺灣報紙").encode("big5"), None, "臺灣報紙", "big5"),
    ("ascii-only", _page("", "hello").encode("ascii"), None, "hello", "utf-8"),
]


@pytest.mark.parametrize(
    ("body", "content_type", "expected_text", "expected_codec"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_decode_html(body: bytes, content_type: str | None, expected_text: str, expected_codec: str) -> None:
    text, codec = decode_html(body, content_type)
    assert expected_text in text
    assert codec == expected_codec
    assert "\ufeff" not in text


def test_meta_beyond_sniff_window_is_ignored() -> None:
    padding = "<!--" + "x" * META_SNIFF_BYTES + "-->"
    body = _page(padding + '<meta charset="big5">', CHINESE).encode("gbk")
    assert decode_html(body, None) == (body.decode("gb18030"), "gb18030")


def test_undecodable_falls_back_to_declared_with_replacement() -> None:
    body = b"<p>\xff\xff\xff\x80</p>"  # neither big5, UTF-8 nor GB18030
    text, codec = decode_html(body, "text/html; charset=big5")
    assert codec == "big5"
    assert "\ufffd" in text


def test_undecodable_without_declaration_uses_gb18030_with_replacement() -> None:
    text, codec = decode_html(b"<p>\x80\xff</p>", None)
    assert (codec, "\ufffd" in text) == ("gb18030", True)


def test_override_beats_header_and_bom() -> None:
    body = codecs.BOM_UTF8 + "薈".encode()
    assert decode_html(body, "text/html; charset=utf-8", override="gbk") == (
        body.decode("gb18030"),
        "gb18030",
    )


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("gb2312", "gb18030"),
        ("GBK", "gb18030"),
        (" x-gbk ", "gb18030"),
        ("gb_2312-80", "gb18030"),
        ("UTF8", "utf-8"),
        ("latin1", "cp1252"),
        ("big5", "big5"),
        ("no-such-codec", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_charset(label: str | None, expected: str | None) -> None:
    assert normalise_charset(label) == expected


@pytest.mark.parametrize("label", ["gb2312", "gbk", "x-gbk", "gb_2312-80"])
def test_gb_family_aliases_are_gb18030(label: str) -> None:
    assert CHARSET_ALIASES[label] == "gb18030"
