"""Linked display over real HTTP: back-references filtered by permission (HTML and
REST), repealed banner, validity badges, staff-only interpretation lag, Chinese
labels, and Chinese phrase search (catalog, @search, the site search page)."""

from .helpers import make_agency
from .rest_docs import record
from datetime import date
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from tests.world_support import world_fixture
from tongliao.disclosure.review.staging import review_to
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified

import pytest
import re


BODY = (
    "<p>为贯彻落实《中华人民共和国政府信息公开条例》，进一步规范全市各级行政机关"
    "政务公开工作，现就推广落实工作通知如下。</p>"
)


def _rel(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


def build_linked(portal):
    with api.env.adopt_user(SITE_OWNER_NAME):
        agency = make_agency(portal)
        new = api.content.create(
            container=agency,
            type="PolicyDocument",
            id="new",
            title="新规程",
            date_written=date(2021, 8, 2),
            document_kind="notice",
            subject_category="02.01",
            document_number="通政办发〔2021〕30号",
        )
        new.setEffectiveDate("2021/08/05 09:00 GMT+8")
        review_to(new, "published")
        doc = api.content.create(
            container=agency,
            type="PolicyDocument",
            id="doc",
            title="关于推广地方标准的通知",
            date_written=date(2021, 7, 15),
            document_kind="notice",
            subject_category="02.01",
            document_number="通政公办字〔2021〕1号",
            validity="repealed",
            text=RichTextValue(BODY, "text/html", "text/x-html-safe"),
        )
        doc.replaced_by = _rel(new)
        modified(doc)
        doc.setEffectiveDate("2021/07/20 09:00 GMT+8")  # a Tuesday
        review_to(doc, "published")
        for obj_id, title, state, when in (
            ("public-interp", "公开的解读", "published", "2021/07/27 10:00 GMT+8"),
            ("draft-interp", "未发布的解读草稿", None, None),
        ):
            interp = api.content.create(
                container=agency,
                type="PolicyInterpretation",
                id=obj_id,
                title=title,
                interpretation_form=["text"],
            )
            interp.interpreted_documents = [_rel(doc)]
            modified(interp)
            if state:
                interp.setEffectiveDate(when)
                review_to(interp, state)
    return agency.getPhysicalPath()


linked_world = world_fixture(build_linked, "linked_world")


@pytest.fixture
def linked(linked_world, functional_portal):
    return functional_portal.unrestrictedTraverse(linked_world)


def test_anonymous_sees_only_published_interpretation_html(linked, browser_session):
    page = browser_session().get(linked["doc"].absolute_url())
    assert page.status_code == 200
    assert "公开的解读" in page.text
    assert "未发布的解读草稿" not in page.text
    # The metadata table in Chinese, the index number, the repealed banner.
    for label in (
        "索引号",
        "主题分类",
        "发文机关",
        "成文日期",
        "发文字号",
        "发布日期",
        "有效性",
    ):
        assert label in page.text
    assert "1115050001147000MT/2021-00002" in page.text
    assert "本文件已废止" in page.text
    assert linked["new"].absolute_url() in page.text


def test_manager_sees_unpublished_interpretation_html(linked, browser_session):
    page = browser_session(role="Manager").get(linked["doc"].absolute_url())
    assert "公开的解读" in page.text
    assert "未发布的解读草稿" in page.text


@pytest.mark.parametrize(
    "role,expected",
    [("Anonymous", ["公开的解读"]), ("Manager", ["公开的解读", "未发布的解读草稿"])],
)
def test_rest_interpretations_filtered(linked, request_factory, role, expected):
    data = (
        request_factory(role=role)
        .get("/agency/doc", params={"expand": "back-references"})
        .json()
    )
    back = data["@components"]["back-references"]
    assert sorted(i["title"] for i in back["interpretations"]) == sorted(expected)
    assert back["replaces"] == []
    assert data["replaced_by"]["title"] == "新规程"
    assert data["index_number"] == "1115050001147000MT/2021-00002"


def test_rest_plain_get_links_back_references_only(linked, request_factory):
    """A plain GET stays cheap: the back-references are a link, not a list."""
    data = request_factory().get("/agency/doc").json()
    back = data["@components"]["back-references"]
    assert back == {"@id": f"{linked['doc'].absolute_url()}/@back-references"}
    assert "interpretations" not in data


def test_rest_back_references_endpoint(linked, request_factory):
    api_session = request_factory()
    direct = api_session.get("/agency/doc/@back-references").json()
    assert [i["title"] for i in direct["interpretations"]] == ["公开的解读"]
    [interpretation] = direct["interpretations"]
    assert interpretation["interpretation_form"] == ["text"]
    replaces = api_session.get("/agency/new/@back-references").json()["replaces"]
    assert [(d["title"], d["validity_title"]) for d in replaces] == [
        ("关于推广地方标准的通知", "废止")
    ]


def _example_values(text):
    """Per-run UIDs and timestamps replaced by fixed examples."""
    replacements = {}
    for n, uid in enumerate(dict.fromkeys(re.findall(r"\b[0-9a-f]{32}\b", text))):
        replacements[uid] = f"{n + 1:032x}"
    for stamp in re.findall(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^\"]*", text):
        if not stamp.startswith("2021-"):
            replacements[stamp] = "2026-01-20T09:00:00+00:00"
    return replacements


def test_rest_document_examples_recorded(linked, request_factory):
    api_session = request_factory()
    plain = api_session.get("/agency/doc")
    assert plain.status_code == 200
    record(
        "policy-document",
        plain,
        "Policy document: a plain GET (back-references only linked)",
        _example_values(plain.text),
    )
    expanded = api_session.get("/agency/doc", params={"expand": "back-references"})
    assert expanded.status_code == 200
    record(
        "policy-document-back-references",
        expanded,
        "Policy document with ?expand=back-references",
        _example_values(expanded.text),
    )


def test_anonymous_cannot_read_draft_interpretation(linked, request_factory):
    assert request_factory(role="Manager").get("/agency/draft-interp").ok
    denied = request_factory().get("/agency/draft-interp")
    assert denied.status_code == 401
    assert "未发布的解读草稿" not in denied.text


def test_rest_interpreted_documents_with_validity(linked, request_factory):
    data = request_factory().get("/agency/public-interp").json()
    [doc] = data["interpreted_documents"]
    assert (doc["title"], doc["validity"], doc["validity_title"]) == (
        "关于推广地方标准的通知",
        "repealed",
        "废止",
    )


def test_interpretation_page_badges_and_staff_only_lag(linked, browser_session):
    url = linked["public-interp"].absolute_url()
    public = browser_session().get(url).text
    assert "关于推广地方标准的通知" in public and "validity-repealed" in public
    assert "废止" in public
    assert "interpretation-lag" not in public
    staff = browser_session(role="Manager").get(url).text
    # 2021-07-20 (Tue) → 2021-07-27 (Tue): 5 working days > 3 → flagged.
    assert "lag-late" in staff
    assert "晚于文件发布 <span>5</span> 个工作日（上限 <span>3</span>）" in staff


def test_replacement_lists_what_it_replaces(linked, browser_session):
    page = browser_session().get(linked["new"].absolute_url()).text
    assert "关于推广地方标准的通知" in page


def test_agency_view(linked, browser_session):
    page = browser_session().get(linked.absolute_url()).text
    assert "统一社会信用代码" in page and "1115050001147000MT" in page
    assert "新规程" in page and "未发布的解读草稿" not in page


# Chinese full text ---------------------------------------------------------------

# The organ code of 发文字号 is found by full text; the whole number with its
# 〔〕 and digits is not (the splitter's phrase positions differ between index
# and query), so the exact number is searched on the document_number index.
PHRASES = [
    ("政务", True),
    ("政务公开", True),
    ("行政机关", True),
    ("通政公办字", True),
    ("国家秘密", False),
]


def test_document_number_exact_match(linked):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(document_number="通政公办字〔2021〕1号")
    assert [b.getId for b in brains] == ["doc"]
    assert brains[0].index_number == "1115050001147000MT/2021-00002"


@pytest.mark.parametrize("phrase,found", PHRASES)
def test_catalog_chinese_phrase(linked, phrase, found):
    catalog = api.portal.get_tool("portal_catalog")
    ids = {b.getId for b in catalog.unrestrictedSearchResults(SearchableText=phrase)}
    assert ("doc" in ids) is found


@pytest.mark.parametrize("phrase,found", PHRASES)
def test_rest_search_chinese_phrase(linked, request_factory, phrase, found):
    data = request_factory().get("/@search", params={"SearchableText": phrase}).json()
    ids = {item["@id"].rsplit("/", 1)[-1] for item in data["items"]}
    assert ("doc" in ids) is found
    assert "draft-interp" not in ids


@pytest.mark.parametrize("phrase,found", PHRASES[:2] + PHRASES[-1:])
def test_search_page_chinese_phrase(linked, browser_session, phrase, found):
    url = f"{linked.absolute_url()}/../@@search"
    page = browser_session().get(url, params={"SearchableText": phrase}).text
    assert (linked["doc"].absolute_url() in page) is found
