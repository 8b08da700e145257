"""The catalogue over real HTTP: the page in Chinese, URL filters, pages, CSV, feed."""

from .helpers import make_agency
from .helpers import SECRET
from datetime import date
from xml.etree import ElementTree

import csv
import io
import pytest
import re
import transaction


@pytest.fixture
def site(catalogue_site):
    return catalogue_site


def titles(html):
    return re.findall(r'class="catalogue-link"\s+href="[^"]+"\s*>([^<]+)</a>', html)


@pytest.mark.parametrize(
    "path", ["/@@disclosure-catalog", "/agency/@@disclosure-catalog"]
)
def test_page_in_chinese_published_only(site, browser_session, path):
    page = browser_session().get(site.absolute_url() + path)
    assert page.status_code == 200, page.text[-3000:]
    for label in (
        "政府信息公开目录",
        "主题分类",
        "发文机关",
        "公文种类",
        "年份",
        "有效性",
    ):
        assert label in page.text
    for label in ("索引号", "标题", "发文字号", "发布日期"):
        assert f">{label}</th>" in page.text
    assert titles(page.text) == [
        "关于推广政务公开标准的通知",
        "关于加强信访工作的意见",
        "通辽市应急管理办法",
    ]
    assert SECRET not in page.text
    # Counts on the page: 3 published, none of them the draft.
    assert "共 3 件" in re.sub(r"<[^>]+>", "", page.text)
    assert 'data-value="02.01"' in page.text


@pytest.mark.parametrize(
    "query,expected",
    [
        ("subject=02.07", ["关于加强信访工作的意见"]),
        ("validity=repealed", ["通辽市应急管理办法"]),
        ("year=2020", ["通辽市应急管理办法"]),
        ("q=信访", ["关于加强信访工作的意见"]),
        ("q=通政公办字〔2021〕1号", ["关于推广政务公开标准的通知"]),
        ("q=秘密草稿", []),
        (
            "sort=oldest",
            [
                "通辽市应急管理办法",
                "关于加强信访工作的意见",
                "关于推广政务公开标准的通知",
            ],
        ),
    ],
)
def test_url_filters(site, browser_session, query, expected):
    page = browser_session().get(f"{site.absolute_url()}/@@disclosure-catalog?{query}")
    assert page.status_code == 200
    assert titles(page.text) == expected


def test_bad_parameter_is_a_translated_400(site, browser_session):
    page = browser_session().get(f"{site.absolute_url()}/@@disclosure-catalog?year=abc")
    assert page.status_code == 400
    assert "年份必须为四位数字" in page.text
    assert "Traceback" not in page.text


def test_facet_links_keep_other_filters(site, browser_session):
    page = browser_session().get(
        f"{site.absolute_url()}/@@disclosure-catalog?q=通知&sort=oldest"
    )
    link = re.search(r'href="([^"]+)"\s+aria-current="true"', page.text)
    assert link is None
    hrefs = re.findall(r'class="facet-link [^"]*"\s+href="([^"]+)"', page.text)
    assert any("kind=notice" in h and "sort=oldest" in h for h in hrefs)


def test_pagination_twenty_per_page(functional_portal, browser_session):
    rows = [
            (f"p{i:02d}", f"第{i:02d}号测试通知", f"通政发〔2021〕{i}号",
             "notice", "02.01", "valid", date(2021, 1, 1), f"2021/02/{i:02d}")
            for i in range(1, 23)
        ]  # fmt: skip
    make_agency(
        functional_portal,
        rows,
        id="big",
        title="大机关",
        credit_code="11150500MB00000019",
    )
    transaction.commit()
    url = f"{functional_portal.absolute_url()}/@@disclosure-catalog"
    first = browser_session().get(url)
    assert len(titles(first.text)) == 20
    assert titles(first.text)[0] == "第22号测试通知"
    assert 'rel="next"' in first.text
    second = browser_session().get(url + "?b_start=20")
    assert titles(second.text) == ["第02号测试通知", "第01号测试通知"]
    assert 'rel="prev"' in second.text and 'rel="next"' not in second.text


def test_csv_published_only_with_bom(site, browser_session):
    response = browser_session().get(
        f"{site.absolute_url()}/@@disclosure-catalog.csv?subject=02"
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "索引号",
        "标题",
        "发文字号",
        "发文机关",
        "成文日期",
        "发布日期",
        "有效性",
        "链接",
    ]
    body = {row[1]: row for row in rows[1:]}
    assert set(body) == {
        "关于推广政务公开标准的通知",
        "关于加强信访工作的意见",
        "通辽市应急管理办法",
    }
    d1 = body["关于推广政务公开标准的通知"]
    assert d1[0].startswith("1115050001147000MT/2021-")
    assert d1[2:7] == [
        "通政公办字〔2021〕1号",
        "通辽市人民政府办公室",
        "2021-07-15",
        "2021-07-20",
        "有效",
    ]
    assert d1[7] == site["agency"]["d1"].absolute_url()
    assert SECRET not in response.content.decode("utf-8")


def test_csv_filters_like_the_page(site, browser_session):
    response = browser_session().get(
        f"{site.absolute_url()}/@@disclosure-catalog.csv?validity=repealed"
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["通辽市应急管理办法"]


def test_feed_published_only(site, browser_session):
    response = browser_session().get(f"{site.absolute_url()}/agency/@@disclosure-feed")
    assert response.status_code == 200
    assert "rss" in response.headers["Content-Type"]
    root = ElementTree.fromstring(response.content)
    items = root.findall("./channel/item")
    assert [i.findtext("title") for i in items] == [
        "关于推广政务公开标准的通知",
        "关于加强信访工作的意见",
        "通辽市应急管理办法",
    ]
    assert items[0].findtext("link") == site["agency"]["d1"].absolute_url()
    assert "通政公办字〔2021〕1号" in items[0].findtext("description")
    assert items[0].findtext("pubDate").startswith("Tue, 20 Jul 2021")
    assert SECRET not in response.content.decode("utf-8")


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("通政办发(2021)5号", ["关于加强信访工作的意见"]),
        ("通政办发[2021]5号", ["关于加强信访工作的意见"]),
        ("通政办发（2021）5号", ["关于加强信访工作的意见"]),
        ("通政办发【2021】5号", ["关于加强信访工作的意见"]),
        ("通政办发〔２０２１〕５号", ["关于加强信访工作的意见"]),
        ("信访工作", ["关于加强信访工作的意见"]),
    ],
)
def test_search_understands_what_people_type(site, browser_session, typed, expected):
    page = browser_session().get(
        site.absolute_url() + "/@@disclosure-catalog", params={"q": typed}
    )
    assert page.status_code == 200
    assert titles(page.text) == expected


QUERY_SYNTAX = ['"', "'", "*", "?", "(", ")", "and", "or", "not", "NOT 通知",
                "通知 AND", "(通知", '"通知', "\\", "[", "]", "a:b", "-", "+",
                "通政办发(2021)", "％", "<script>"]  # fmt: skip


@pytest.mark.parametrize("typed", QUERY_SYNTAX)
@pytest.mark.parametrize(
    "path",
    ["/@@disclosure-catalog", "/@@disclosure-catalog.csv", "/@disclosure-catalog"],
)
def test_query_syntax_is_plain_text(
    site, browser_session, request_factory, typed, path
):
    session = request_factory() if path.startswith("/@d") else browser_session()
    response = session.get(site.absolute_url() + path, params={"q": typed})
    assert response.status_code == 200, response.text[-2000:]
    assert SECRET not in response.text


@pytest.mark.parametrize("typed", QUERY_SYNTAX)
def test_rest_search_reads_query_syntax_as_text(site, request_factory, typed):
    """plone.restapi's @search answered 500 (ParseError) for these."""
    response = request_factory().get("@search", params={"SearchableText": typed})
    assert response.status_code == 200, response.text[-2000:]
    assert SECRET not in response.text


def test_rest_search_keeps_valid_syntax_and_finds_words(site, request_factory):
    found = request_factory().get("@search", params={"SearchableText": "信访"}).json()
    assert [i["title"] for i in found["items"]] == ["关于加强信访工作的意见"]
    prefix = request_factory().get("@search", params={"SearchableText": "信访*"})
    assert prefix.status_code == 200
