"""The Founder pc layout: layout pages, content pages, navigation labels, registration."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.encoding import decode_html
from transforms.layouts import LAYOUTS, FounderPcLayout, Layout, LayoutError, UnknownLayout, get_layout
from transforms.layouts.founder_pc import parse_nav_label
from transforms.records import PageRef

TREE = Path(__file__).parents[1] / "fixtures" / "layouts" / "founder_pc" / "pc"
SITE = "http://epaper.example.cn/jcrb/pc/"
LAYOUT = SITE + "layout/202512/18/"
CONTENT = SITE + "content/202512/18/"
FOUNDER_PC = get_layout("founder-pc")


def _html(path: str) -> str:
    """A fixture page decoded as the flow would (UTF-8 declared in <meta charset>, no HTTP charset)."""
    text, codec = decode_html((TREE / path).read_bytes(), "text/html")
    assert codec == "utf-8"
    return text


def _node(number: int) -> str:
    """A layout page fixture's text."""
    return _html(f"layout/202512/18/node_{number:02d}.html")


def _page(body: str) -> str:
    """A minimal page around some markup."""
    script = "<script>var x = '<a href=\"node_09.html\">09版：假</a>';</script>"  # markup inside scripts is no link
    return f'<html><head><meta charset="utf-8">{script}</head><body>{body}</body></html>'


def _articles(*numbers: int) -> tuple[str, ...]:
    """Absolute article URLs of this edition."""
    return tuple(CONTENT + f"content_{n}.html" for n in numbers)


EDITION_PAGES = (
    PageRef(1, "要闻", LAYOUT + "node_01.html"),
    PageRef(2, "综合", LAYOUT + "node_02.html"),
    PageRef(3, "文化·副刊", LAYOUT + "node_03.html"),
)


# --- layout pages -------------------------------------------------------------------------


def test_page_from_catalogue_list() -> None:
    listing = FOUNDER_PC.parse_page(_node(1), LAYOUT + "node_01.html")
    assert (listing.page_no, listing.page_name, listing.url) == (1, "要闻", LAYOUT + "node_01.html")
    assert listing.pages == EDITION_PAGES  # the calendar's "18" link to node_01 is no page 18
    assert listing.pdf_url == SITE + "attachment/202512/18/c6a0f1d2e3b4.pdf"


def test_articles_in_title_list_order_then_map() -> None:
    listing = FOUNDER_PC.parse_page(_node(1), LAYOUT + "node_01.html")
    # list 5001, 5002, 5003 (#top dropped, repeat dropped); the map adds 5004; the 导读 box's 5011 is page 2's.
    assert listing.article_urls == _articles(5001, 5002, 5003, 5004)


def test_other_links_are_everything_not_followed() -> None:
    listing = FOUNDER_PC.parse_page(_node(1), LAYOUT + "node_01.html")
    others = set(listing.other_links)
    assert {
        CONTENT + "content_5011.html",  # another page's article, from the 导读 box
        SITE + "content/202512/17/content_4990.html",  # another date's article
        SITE + "layout/202512/17/node_01.html",  # the calendar: other editions
        "https://other.example.org/pc/content/202512/18/content_9.html",
        "javascript:void(0)",
        "javascript:alert('已经是第一版')",
        "https://beian.miit.gov.cn/",
        "mailto:epaper@jcrb.example.com",
    } <= others
    followed = {ref.url for ref in listing.pages} | set(listing.article_urls) | {listing.pdf_url}
    assert not others & followed
    assert not any(link.startswith(CONTENT + "content_5001") for link in others)  # #top variant is followed
    assert len(listing.other_links) == len(others)


def test_page_from_layoutlist_with_page_link_ids() -> None:
    listing = FOUNDER_PC.parse_page(_node(2), LAYOUT + "node_02.html")
    assert (listing.page_no, listing.page_name) == (2, "综合")
    assert listing.pages == EDITION_PAGES  # 第01版：要闻 labels
    assert listing.article_urls == _articles(5011, 5012)  # ?div=-1 dropped
    assert listing.pdf_url == SITE + "attachment/202512/18/9d8e7f6a5b4c.pdf"  # not the earlier off-site one
    assert "https://cdn.example.com/jcrb/2025-12-all.pdf" in listing.other_links


def test_page_list_in_a_select_dropdown() -> None:
    listing = FOUNDER_PC.parse_page(_node(3), LAYOUT + "node_03.html")
    assert (listing.page_no, listing.page_name) == (3, "文化·副刊")
    assert listing.pages == EDITION_PAGES
    assert listing.article_urls == _articles(5021)
    assert listing.pdf_url == SITE + "attachement/202512/18/0a1b2c3d4e5f.pdf"
    assert SITE + "layout/202512/16/node_01.html" in listing.other_links  # the date dropdown
    assert LAYOUT + "0" not in listing.other_links  # the placeholder option is no link


def test_options_that_are_not_pages_are_not_links() -> None:
    html = _page(
        '<select><option value="node_01.html">01版：要闻</option><option value="2">第二页</option>'
        '<option value="content_1.html">01版：假</option><option>无值</option></select>'
    )
    listing = FOUNDER_PC.parse_page(html, LAYOUT + "node_01.html")
    assert listing.pages == (PageRef(1, "要闻", LAYOUT + "node_01.html"),)
    assert listing.other_links == ()


def test_links_to_other_editions_are_not_pages_or_articles() -> None:
    html = _page(
        '<a href="node_01.html">01版：要闻</a>'
        '<a href="../17/node_02.html">02版：昨日综合</a>'
        '<a href="/other/pc/layout/202512/18/node_03.html">03版：别的报纸</a>'
        '<a href="http://mirror.example.com/jcrb/pc/layout/202512/18/node_04.html">04版：镜像</a>'
        '<ul class="news-list"><li><a href="../../../content/202512/18/content_1.html">今日</a></li>'
        '<li><a href="../../../content/202512/17/content_2.html">昨日</a></li>'
        '<li><a href="https://epaper.example.cn:8443/jcrb/pc/content/202512/18/content_3.html">他站</a></li></ul>'
    )
    listing = FOUNDER_PC.parse_page(html, LAYOUT + "node_01.html")
    assert listing.pages == (PageRef(1, "要闻", LAYOUT + "node_01.html"),)
    assert listing.article_urls == _articles(1)
    assert listing.other_links == (
        SITE + "layout/202512/17/node_02.html",
        "http://epaper.example.cn/other/pc/layout/202512/18/node_03.html",
        "http://mirror.example.com/jcrb/pc/layout/202512/18/node_04.html",
        SITE + "content/202512/17/content_2.html",
        "https://epaper.example.cn:8443/jcrb/pc/content/202512/18/content_3.html",
    )


def test_without_a_title_list_every_article_link_counts() -> None:
    html = _page(
        '<a href="../../../content/202512/18/content_7.html">甲</a>'
        '<map name="PagePicMap"><area href="../../../content/202512/18/content_8.html">'
        '<area href="../../../content/202512/18/content_7.html"></map>'
    )
    listing = FOUNDER_PC.parse_page(html, LAYOUT + "node_02.html")
    assert listing.article_urls == _articles(7, 8)


def test_page_number_from_node_file_when_not_linked() -> None:
    html = _page('<a href="node_01.html">01版：要闻</a><a href="node_07.html">下一版</a>')
    listing = FOUNDER_PC.parse_page(html, LAYOUT + "node_07.html?from=index#top")
    assert (listing.page_no, listing.page_name) == (7, "")
    assert listing.pages == (PageRef(1, "要闻", LAYOUT + "node_01.html"),)


def test_a_named_label_wins_over_a_bare_one() -> None:
    html = _page(
        '<a href="node_02.html">02版</a><a href="node_02.html">02版：综合</a><a href="node_02.html">第03版：错</a>'
    )
    listing = FOUNDER_PC.parse_page(html, LAYOUT + "node_02.html")
    assert listing.pages == (PageRef(2, "综合", LAYOUT + "node_02.html"),)


@pytest.mark.parametrize(
    "url",
    [
        SITE + "layout/202512/18/index.html",
        "http://epaper.example.cn/jcrb/html/2025-12/18/node_2.htm",  # the classic layout's URL
        SITE + "content/202512/18/content_1.html",
    ],
)
def test_a_url_that_is_no_layout_page_is_an_error(url: str) -> None:
    with pytest.raises(LayoutError, match="cannot tell which page"):
        FOUNDER_PC.parse_page(_page('<a href="node_01.html">01版：要闻</a>'), url)


def test_lettered_sections_sort_by_section_then_number() -> None:
    nav = "".join(
        f'<li><a href="{href}">{label}</a></li>'
        for href, label in [("node_09.html", "B01版：体育"), ("node_02.html", "A02版"), ("node_01.html", "A01版：要闻")]
    )
    listing = FOUNDER_PC.parse_page(_page(f"<ul>{nav}</ul>"), LAYOUT + "node_02.html")
    assert listing.pages == (
        PageRef(101, "A1 要闻", LAYOUT + "node_01.html"),  # page keys keep A1 and B1 apart
        PageRef(102, "A2", LAYOUT + "node_02.html"),
        PageRef(201, "B1 体育", LAYOUT + "node_09.html"),
    )
    assert (listing.page_no, listing.page_name) == (102, "A2")


def test_base_href_is_respected() -> None:
    html = (
        f'<html><head><base href="{LAYOUT}"></head><body><a href="node_01.html">01版：要闻</a>'
        '<div id="titleList"><a href="../../../content/202512/18/content_3.html">t</a></div></body></html>'
    )
    listing = FOUNDER_PC.parse_page(html, "http://epaper.example.cn/jcrb/pc/layout/202512/18/node_01.html?x=1")
    assert listing.article_urls == _articles(3)
    assert listing.page_no == 1


# --- navigation labels --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01版：要闻", (1, "要闻", "")),
        ("第02版：综合", (2, "综合", "")),
        ("02版:综合", (2, "综合", "")),
        ("\n  03版 ： 文化·副刊 \n", (3, "文化·副刊", "")),
        ("08版", (8, "", "")),
        ("第 10 版 要闻", (10, "要闻", "")),
        ("A01版：要闻", (101, "A1 要闻", "A")),
        ("b12版：体育", (212, "B12 体育", "B")),
        ("A03：评论", (103, "A3 评论", "A")),
        ("01", None),  # a bare number: calendar days, pagers
        ("18日", None),
        ("01 要闻", None),
        ("上一版", None),
        ("下一版", None),
        ("PDF下载", None),
        ("2025年12月18日", None),
        ("1234版", None),
        ("", None),
    ],
)
def test_parse_nav_label(text: str, expected: tuple[int, str, str] | None) -> None:
    assert parse_nav_label(text) == expected


# --- content pages ------------------------------------------------------------------------


def test_article_with_heading_ids_and_founder_content() -> None:
    zone = FOUNDER_PC.parse_article(_html("content/202512/18/content_5001.html"), CONTENT + "content_5001.html", 1)
    assert (zone.url, zone.page_no) == (CONTENT + "content_5001.html", 1)
    assert zone.kicker == "聚焦交通强市建设"
    assert zone.title == "长江大桥 开启智慧通行新时代"  # <br> inside the title becomes a space
    assert zone.subtitle == "—— 高峰时段通行效率提升 18%"
    assert zone.author == "本报记者 张 三 通讯员 李 四"
    assert zone.paragraphs == (
        "\u3000\u3000本报讯\u300012月17日，记者从市交通运输局获悉，长江大桥智慧通行系统上线运行一个月来，"
        "高峰时段通行效率提升18%。",
        "\u3000\u3000系统在桥面布设了\u3000240个感知设备。",
        "\u3000\u3000“以前过桥要半小时，现在十分钟就够了。”市民王先生说。",
        "\u3000\u3000“绿波带”覆盖主要路口",
        "\u3000\u3000据介绍，沿线 12 个路口已实现信号灯联动。",
        "（下转第2版）",
    )


def test_article_with_author_class_and_body_without_p() -> None:
    zone = FOUNDER_PC.parse_article(_html("content/202512/18/content_5002.html"), CONTENT + "content_5002.html", 1)
    assert (zone.kicker, zone.title, zone.subtitle) == ("", "江城今冬首场雪如期而至", "")
    assert zone.author == "文/图 本报记者 王 六"
    assert zone.paragraphs == (
        "\u3000\u300017日夜间，江城迎来今冬首场降雪。",
        "\u3000\u3000\u3000“一觉醒来，窗外全白了。”",
        "\u3000\u3000气象部门提醒市民注意出行安全。",
        "\u3000\u3000（本报记者 王 六）",
    )


def test_article_without_heading_ids_uses_heading_tags() -> None:
    zone = FOUNDER_PC.parse_article(_html("content/202512/18/content_5003.html"), CONTENT + "content_5003.html", 1)
    assert (zone.kicker, zone.title, zone.subtitle, zone.author) == ("", "图片新闻", "雪后东湖", "本报记者 陈 七 摄")
    assert zone.paragraphs == ("\u3000\u300018日清晨，东湖边游人如织。", "\u3000\u3000湖面薄冰初结。")


def test_article_in_newsdetatext_without_founder_content() -> None:
    zone = FOUNDER_PC.parse_article(_html("content/202512/18/content_5011.html"), CONTENT + "content_5011.html", 2)
    assert (zone.title, zone.subtitle, zone.author, zone.page_no) == (
        "城市更新：老旧小区焕新颜",
        "今年改造老旧小区 126 个",
        "",
        2,
    )
    assert zone.paragraphs[0] == "\u3000\u3000（上接第1版）今年全市改造老旧小区126个，惠及居民4.2万户。"


def test_heading_ids_win_over_heading_tags() -> None:
    html = _page('<h1>网站名</h1><h3>栏目</h3><p id="Title">标题</p><div class="newsdetatext"><p>正文</p></div>')
    zone = FOUNDER_PC.parse_article(html, CONTENT + "content_1.html", 1)
    assert (zone.kicker, zone.title, zone.subtitle) == ("", "标题", "")


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
    html = _page(f'<p id="Title">标题</p><div class="newsdetatext"><founder-content>{body}</founder-content></div>')
    assert FOUNDER_PC.parse_article(html, CONTENT + "content_1.html", 1).paragraphs == expected


def test_bylines_inside_the_body_are_not_the_author() -> None:
    html = _page(
        '<p id="Title">标题</p><div class="newsdetatext"><founder-content>'
        '<p class="author">记者 甲</p><p>正文</p></founder-content></div>'
    )
    zone = FOUNDER_PC.parse_article(html, CONTENT + "content_1.html", 1)
    assert (zone.author, zone.paragraphs) == ("", ("记者 甲", "正文"))


def test_page_without_body_has_no_paragraphs() -> None:
    zone = FOUNDER_PC.parse_article(_page('<p id="Title">  图片新闻  </p>'), CONTENT + "content_1.html", 2)
    assert (zone.title, zone.paragraphs) == ("图片新闻", ())


# --- registry -----------------------------------------------------------------------------


def test_registry_gives_the_founder_pc_layout() -> None:
    assert isinstance(FOUNDER_PC, FounderPcLayout)
    assert isinstance(FOUNDER_PC, Layout)
    assert FOUNDER_PC.name == "founder-pc"
    assert get_layout("founder").name == "founder"


def test_registry_names_both_founder_layouts() -> None:
    assert set(LAYOUTS) == {"founder", "founder-pc"}
    with pytest.raises(UnknownLayout) as caught:
        get_layout("founder_pc")
    assert str(caught.value) == "unknown layout 'founder_pc'; known layouts: founder, founder-pc"
