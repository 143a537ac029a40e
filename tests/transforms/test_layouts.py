"""Layout adapters: the Founder node and content pages, page labels, the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.encoding import decode_html
from transforms.layouts import (
    LAYOUTS,
    FounderLayout,
    Layout,
    LayoutError,
    UnknownLayout,
    get_layout,
    parse_page_label,
)
from transforms.records import PageRef

EDITION = Path(__file__).parents[1] / "fixtures" / "layouts" / "founder" / "html" / "2025-12" / "18"
BASE = "http://epaper.example.cn/yzb/html/2025-12/18/"
FOUNDER = get_layout("founder")


def _html(name: str) -> str:
    """A fixture page decoded as the flow would (GBK bytes declared gb2312, no HTTP charset)."""
    text, codec = decode_html((EDITION / name).read_bytes(), "text/html")
    assert codec == "gb18030"
    return text


def _page(title: str, body: str) -> str:
    """A minimal page around some markup."""
    script = "<script>var x = '<a href=\"no.htm\">';</script>"  # markup inside scripts is no link
    return f"<html><head><title>{title}</title>{script}</head><body>{body}</body></html>"


EDITION_PAGES = (
    PageRef(1, "要闻", BASE + "node_2.htm"),
    PageRef(2, "综合", BASE + "node_3.htm"),
    PageRef(3, "渝中·薈萃", BASE + "node_4.htm"),
    PageRef(4, "专题", BASE + "node_5.htm"),
)


# --- node pages ---------------------------------------------------------------------------


def test_page_with_page_links() -> None:
    listing = FOUNDER.parse_page(_html("node_2.htm"), BASE + "node_2.htm")
    assert (listing.page_no, listing.page_name, listing.url) == (1, "要闻", BASE + "node_2.htm")
    assert listing.pages == EDITION_PAGES
    assert listing.pdf_url == "http://epaper.example.cn/yzb/page/1/2025-12/18/01/2025121801_pdf.pdf"


def test_articles_in_title_list_order_then_map_then_zone_divs() -> None:
    listing = FOUNDER.parse_page(_html("node_2.htm"), BASE + "node_2.htm")
    # title list 1001, 1002, 1003 (#top dropped, repeat of 1001 dropped); map adds 1004
    # (?div=-1 dropped, so its 1002/1001 zones are repeats); zone divs add 1005.
    assert listing.article_urls == tuple(BASE + f"content_{n}.htm" for n in (1001, 1002, 1003, 1004, 1005))


def test_other_links_are_everything_not_followed() -> None:
    listing = FOUNDER.parse_page(_html("node_2.htm"), BASE + "node_2.htm")
    others = set(listing.other_links)
    assert {
        "https://other.example.org/html/2025-12/18/content_9.htm",  # an article link off the site
        "javascript:void(0)",
        "javascript:alert('已经是第一版')",
        "https://beian.miit.gov.cn/",
        "mailto:epaper@yzb.example.cn",
        "http://epaper.example.cn/yzb/html/2025-12/01/node_2.htm",  # the calendar: other editions
    } <= others
    followed = {ref.url for ref in listing.pages} | set(listing.article_urls) | {listing.pdf_url}
    assert not others & followed
    assert not any(BASE + "content_10" in link for link in others)  # ?div=-1 variants count as followed
    assert len(listing.other_links) == len(others)


def test_page_without_page_link_ids_uses_link_text() -> None:
    listing = FOUNDER.parse_page(_html("node_3.htm"), BASE + "node_3.htm")
    assert (listing.page_no, listing.page_name) == (2, "综合")
    assert listing.pages == EDITION_PAGES  # 第2版:综合 style labels; 上一版/下一版 are not pages
    assert listing.article_urls == tuple(BASE + f"content_{n}.htm" for n in (1011, 1012, 1013))
    assert listing.pdf_url == "http://epaper.example.cn/yzb/page/1/2025-12/18/02/2025121802_pdf.pdf"


def test_page_text_links_to_other_editions_are_not_pages() -> None:
    html = _page(
        "p",
        '<a href="node_2.htm">第01版：要闻</a><a href="node_3.htm">第02版：综合</a>'
        '<a href="../17/node_2.htm">第01版（昨日）</a><a href="http://epaper.example.cn/node_9.htm">第9版</a>',
    )
    listing = FOUNDER.parse_page(html, BASE + "node_3.htm")
    assert [ref.url for ref in listing.pages] == [BASE + "node_2.htm", BASE + "node_3.htm"]
    assert listing.other_links == (
        "http://epaper.example.cn/yzb/html/2025-12/17/node_2.htm",
        "http://epaper.example.cn/node_9.htm",
    )


def test_page_number_from_node_file_when_not_linked() -> None:
    html = _page("p", '<a id="pageLink" href="node_2.htm">第01版：要闻</a><a href="content_5.htm">t</a>')
    listing = FOUNDER.parse_page(html, BASE + "node_7.htm")
    assert (listing.page_no, listing.page_name) == (7, "")
    assert listing.pages == (PageRef(1, "要闻", BASE + "node_2.htm"),)


def test_unknown_page_number_is_an_error() -> None:
    with pytest.raises(LayoutError, match="cannot tell which page"):
        FOUNDER.parse_page(_page("p", '<a href="content_5.htm">t</a>'), BASE + "index.htm")


def test_lettered_sections_sort_by_section_then_number() -> None:
    nav = "".join(
        f'<a id="pageLink" href="{href}">{label}</a>'
        for href, label in [
            ("node_9.htm", "第B1版：体育"),
            ("node_3.htm", "第A2版"),
            ("node_2.htm", "第A01版：要闻"),
        ]
    )
    listing = FOUNDER.parse_page(_page("p", nav), BASE + "node_3.htm")
    assert listing.pages == (
        PageRef(101, "A1 要闻", BASE + "node_2.htm"),  # page keys keep A1 and B1 apart
        PageRef(102, "A2", BASE + "node_3.htm"),
        PageRef(201, "B1 体育", BASE + "node_9.htm"),
    )
    assert (listing.page_no, listing.page_name) == (102, "A2")


def test_off_site_links_are_never_pages_or_articles() -> None:
    html = _page(
        "p",
        '<a id="pageLink" href="node_2.htm">第01版</a>'
        '<a id="pageLink" href="http://mirror.example.com/node_3.htm">第02版</a>'
        '<a href="https://epaper.example.cn:8443/content_1.htm">x</a>'
        '<a href="content_2.htm">y</a><a href="#">top</a><a href="">empty</a><a>no href</a>',
    )
    listing = FOUNDER.parse_page(html, BASE + "node_2.htm")
    assert [ref.page_no for ref in listing.pages] == [1]
    assert listing.article_urls == (BASE + "content_2.htm",)
    assert listing.other_links == (
        "http://mirror.example.com/node_3.htm",
        "https://epaper.example.cn:8443/content_1.htm",
    )


def test_base_href_is_respected() -> None:
    html = (
        '<html><head><base href="http://epaper.example.cn/yzb/html/2025-12/18/"></head><body>'
        '<a id="pageLink" href="node_2.htm">第01版：要闻</a><a href="content_3.htm">t</a></body></html>'
    )
    listing = FOUNDER.parse_page(html, "http://epaper.example.cn/yzb/html/2025-12/18/node_2.htm?x=1")
    assert listing.article_urls == (BASE + "content_3.htm",)
    assert listing.page_no == 1


# --- page labels --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第02版：综合", (2, "综合", "")),
        ("第2版:综合", (2, "综合", "")),
        ("第 02 版 ： 综 合", (2, "综 合", "")),
        ("第01版", (1, "", "")),
        ("第10版：渝中·薈萃", (10, "渝中·薈萃", "")),
        ("第A3版", (103, "A3", "A")),
        ("第a03版：要闻", (103, "A3 要闻", "A")),
        ("A03版", (103, "A3", "A")),
        ("第B12版：体育\n", (212, "B12 体育", "B")),
        ("02", (2, "", "")),
        ("第100版", (100, "", "")),
        ("要闻", None),
        ("上一版", None),
        ("2025", None),
        ("", None),
    ],
)
def test_parse_page_label(text: str, expected: tuple[int, str, str] | None) -> None:
    assert parse_page_label(text) == expected


# --- article pages ------------------------------------------------------------------------


def test_article_in_ozoom_with_p_and_br() -> None:
    zone = FOUNDER.parse_article(_html("content_1001.htm"), BASE + "content_1001.htm", 1)
    assert (zone.url, zone.page_no) == (BASE + "content_1001.htm", 1)
    assert zone.kicker == "聚焦渝中高质量发展"
    assert zone.title == "解放碑商圈 焕发新活力"  # <br> inside the title becomes a space
    assert zone.subtitle == "—— 今年以来客流同比增长 12%"
    assert zone.author == "本报记者 李 一"
    assert zone.paragraphs == (
        "\u3000\u3000本报讯（记者 李一）12月17日，记者从渝中区商务委获悉，"
        "今年以来解放碑商圈客流同比增长12%，“夜经济”成为新的增长点。",
        "\u3000\u3000解放碑步行街改造后，街区面积扩大到\u30002.3万平方米。",
        "\u3000\u3000“以前周末人挤人，现在逛得舒服多了。”市民张女士说。",
        "\u3000\u3000夜间消费占比过半",
        "\u3000\u3000据统计，18时至24时的消费额占全天的 53%，较去年提高7个百分点。",
        "（下转第2版）",
    )


def test_article_in_founder_content_without_p() -> None:
    zone = FOUNDER.parse_article(_html("content_1002.htm"), BASE + "content_1002.htm", 3)
    assert (zone.kicker, zone.title, zone.subtitle) == ("", "渝中·薈萃：老街新生——十八梯的冬天", "")
    assert zone.author == "文/图 本报记者 王 二"
    assert zone.paragraphs == (
        "\u3000\u3000十八梯的石阶上，早起的茶客已经坐满。",
        "\u3000\u3000\u3000“冬天来这里，就是为了这一口热茶。”",
        "\u3000\u3000老茶馆的王师傅说，今年的客人比往年多了三成。",
        "\u3000\u3000（本报记者 王 二）",
    )


def test_article_in_newsdetatext_with_founder_author() -> None:
    zone = FOUNDER.parse_article(_html("content_1003.htm"), BASE + "content_1003.htm", 1)
    assert (zone.title, zone.author) == ("简讯", "通讯员 陈三")
    assert zone.paragraphs == (
        "\u3000\u3000■ 渝中区举办冬季长跑活动。",
        "\u3000\u3000■ 大坪街道开展消防演练。",
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<P>　　一<BR>　　二</P><p>  </p><p>\u3000</p>", ("　　一", "　　二")),
        ("<p>\n  　　跨行\n  的句子 </p>", ("　　跨行 的句子",)),  # source newlines inside <p> are spaces
        ("<p>&nbsp;&nbsp;甲<!-- 注释 --><span>乙</span></p>", ("\xa0\xa0甲乙",)),
        ("　　一\n　　二<br>　　三<div>　　四</div>五", ("　　一", "　　二", "　　三", "　　四", "五")),
        ("", ()),
    ],
)
def test_body_paragraphs(body: str, expected: tuple[str, ...]) -> None:
    html = _page("a", f'<h1>标题</h1><div id="ozoom">{body}</div>')
    assert FOUNDER.parse_article(html, BASE + "content_1.htm", 1).paragraphs == expected


def test_headings_inside_the_body_are_not_kicker_or_byline() -> None:
    html = _page("a", '<h1>标题</h1><div id="ozoom"><h3>小标题</h3><h4>记者 甲</h4><p>正文</p></div>')
    zone = FOUNDER.parse_article(html, BASE + "content_1.htm", 1)
    assert (zone.kicker, zone.author, zone.paragraphs) == ("", "", ("正文",))


def test_page_without_body_has_no_paragraphs() -> None:
    zone = FOUNDER.parse_article(_page("a", "<h1>  图片新闻  </h1>"), BASE + "content_1.htm", 2)
    assert (zone.title, zone.paragraphs) == ("图片新闻", ())


# --- registry -----------------------------------------------------------------------------


def test_registry_gives_the_founder_layout() -> None:
    assert isinstance(FOUNDER, FounderLayout)
    assert isinstance(FOUNDER, Layout)
    assert FOUNDER.name == "founder"
    assert set(LAYOUTS) == {"founder", "founder-pc"}


def test_unknown_layout_is_a_key_error_with_a_clear_message() -> None:
    with pytest.raises(KeyError) as caught:
        get_layout("dayu")
    assert isinstance(caught.value, UnknownLayout)
    assert str(caught.value) == "unknown layout 'dayu'; known layouts: founder, founder-pc"


@pytest.mark.parametrize(
    ("layout", "first", "page_no", "expected"),
    [
        ("founder", "http://e.cn/yzb/html/2025-12/18/node_1.htm", 3, "http://e.cn/yzb/html/2025-12/18/node_3.htm"),
        ("founder", "http://e.cn/yzb/html/2025-12/18/node_1.htm", 12, "http://e.cn/yzb/html/2025-12/18/node_12.htm"),
        ("founder-pc", "http://e.cn/pc/layout/202512/18/node_01.html", 2, "http://e.cn/pc/layout/202512/18/node_02.html"),
        ("founder", "http://e.cn/yzb/index.htm", 2, None),
    ],
)
def test_guess_page_url(layout: str, first: str, page_no: int, expected: str | None) -> None:
    assert get_layout(layout).guess_page_url(first, page_no) == expected


WZ = '<table class="wz">{rows}</table><div id="ozoom"><P>　　正文。</P></div>'


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<founder-title>渝中区推进城市更新</founder-title><founder-content><p>正文。</p></founder-content>",
         ("", "渝中区推进城市更新", "")),
        (WZ.format(rows="<tr><td>引题</td></tr><tr><td><strong>主题</strong></td></tr><tr><td>副题</td></tr>"),
         ("引题", "主题", "副题")),
        (WZ.format(rows="<tr><td>主题</td></tr><tr><td>副题</td></tr>"), ("", "主题", "副题")),
        (WZ.format(rows="<tr><td></td></tr><tr><td>只有主题</td></tr>"), ("", "只有主题", "")),
        ("<h3>引</h3><h1>标题</h1>" + WZ.format(rows="<tr><td>不用</td></tr>"), ("引", "标题", "")),
    ],
)
def test_titles_on_templates_without_h1(markup: str, expected: tuple[str, str, str]) -> None:
    zone = get_layout("founder").parse_article(f"<html><body>{markup}</body></html>", "http://e.cn/content_1.htm", 1)
    assert (zone.kicker, zone.title, zone.subtitle) == expected
