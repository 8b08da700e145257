"""蒙汉双语 through real HTTP: the visitor chooses Mongolian with Plone's
selector (remembered by a cookie), the page is tagged mn-Mong-CN, the public
strings, vocabulary titles and dates are Mongolian, a document without a
Mongolian title shows its Chinese title tagged zh-CN and marked, and the
Mongolian pages show no more than the Chinese ones (drafts stay hidden)."""

from .helpers import rel
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tongliao.disclosure.bilingual import FALLBACK_MARK
from tongliao.disclosure.bilingual.glossary import suffixes_joined as mn

import pytest
import re
import transaction


MN_TITLE = "ᠵᠠᠰᠠᠭ ᠤᠨ ᠬᠡᠷᠡᠭ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ"
MN_AGENCY = "ᠲᠥᠩᠯᠢᠶᠣᠣ ᠬᠣᠲᠠ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠣᠷᠳᠣᠨ ᠤ ᠲᠡᠩᠭᠢᠯᠢᠭ"
SECRET_MN = "ᠨᠢᠭᠤᠴᠠ ᠨᠣᠣᠷᠠᠭ"


def html_lang(text):
    return re.search(r"<html\b[^>]*\blang=\"([^\"]*)\"", text).group(1)


@pytest.fixture
def bilingual_site(catalogue_site):
    portal = catalogue_site
    with api.env.adopt_user(SITE_OWNER_NAME):
        agency = portal["agency"]
        agency.title_mn = MN_AGENCY
        agency.reindexObject()
        agency["d1"].title_mn = MN_TITLE
        agency["d1"].reindexObject()
        agency["secret"].title_mn = SECRET_MN
        agency["secret"].reindexObject()
    transaction.commit()
    return portal


def mongolian(browser_session):
    session = browser_session()
    response = session.get("@@disclosure-home", params={"set_language": "mn"})
    assert response.status_code == 200
    return session, response


def test_site_policy_offers_chinese_and_mongolian(portal):
    assert api.portal.get_registry_record("plone.available_languages") == [
        "zh-cn",
        "mn",
    ]
    assert api.portal.get_registry_record("plone.default_language") == "zh-cn"
    assert api.portal.get_registry_record("plone.use_cookie_negotiation") is True


def test_chinese_first_with_a_tagged_selector(bilingual_site, browser_session):
    response = browser_session().get("@@disclosure-home")
    assert html_lang(response.text) == "zh-CN"
    assert "最新文件" in response.text
    # Plone's selector, each language named in its own script and tagged.
    text = response.text
    assert re.search(r'hreflang="mn-Mong-CN" lang="mn-Mong-CN"[^>]*>ᠮᠣᠩᠭᠣᠯ<', text)
    assert re.search(r'lang="zh-CN" aria-current="true"[^>]*>中文<', text)
    assert "?set_language=mn" in response.text
    # The masthead: the Mongolian name (vertical, tagged) beside the Chinese one.
    masthead = re.search(r'<div class="bilingual-masthead">.*?</div>', text, re.S)
    mn_name = r'<span class="masthead-mn" lang="mn-Mong-CN"[^>]*>ᠲᠥᠩᠯᠢᠶᠣᠣ'
    assert re.search(mn_name, masthead[0])
    assert '<span class="masthead-zh" lang="zh-CN"' in masthead[0]
    # The Chinese page shows the Chinese titles, unmarked.
    assert MN_TITLE not in response.text
    assert FALLBACK_MARK not in response.text


def test_mongolian_is_chosen_and_remembered(bilingual_site, browser_session):
    session, response = mongolian(browser_session)
    assert session.cookies.get("I18N_LANGUAGE") == "mn"
    assert html_lang(response.text) == "mn-Mong-CN"
    assert mn("ᠬᠠᠮᠤᠭ ᠰᠢᠨ᠎ᠡ ᠪᠢᠴᠢᠭ ᠪᠠᠷᠢᠮᠲᠠ") in response.text  # Latest documents
    assert "最新文件" not in response.text
    # Remembered: the next page, without the parameter, is Mongolian too.
    page = session.get("@@disclosure-catalog")
    assert html_lang(page.text) == "mn-Mong-CN"
    # Back to Chinese.
    page = session.get("@@disclosure-home", params={"set_language": "zh-cn"})
    assert html_lang(page.text) == "zh-CN"
    assert "最新文件" in page.text


def test_mongolian_catalogue_titles_fallback_dates_and_facets(
    bilingual_site, browser_session
):
    session, home = mongolian(browser_session)
    # The agency's Mongolian name on the home page.
    assert MN_AGENCY in home.text
    page = session.get("@@disclosure-catalog").text
    # d1 has a Mongolian title: shown, not marked.
    assert f">{MN_TITLE}</a>" in page
    # d2 has none: the Chinese title, tagged zh-CN, with the visible mark.
    assert re.search(
        r'lang="zh-CN"[^>]*>关于加强信访工作的意见</a><span class="fallback-mark" '
        r'lang="mn-Mong-CN"[^>]*>' + re.escape(FALLBACK_MARK),
        page,
    )
    # Dates: Arabic digits with the Mongolian unit words.
    assert "2021 ᠣᠨ 7 ᠰᠠᠷ᠎ᠠ 20 ᠡᠳᠦᠷ" in page
    assert "2021年7月20日" not in page
    # Facets: vocabulary titles in Mongolian (有效 / 通知 / 综合政务).
    assert mn("ᠬᠦᠴᠦᠨ ᠲᠡᠢ") in page
    assert "ᠮᠡᠳᠡᠭᠳᠡᠯ" in page
    assert mn("ᠶᠡᠷᠦᠩᠬᠡᠢ ᠵᠠᠰᠠᠭ ᠤᠨ ᠬᠡᠷᠡᠭ") in page
    # …and a second-level subject, untranslated, tagged as Chinese.
    assert re.search(r'data-value="02.01"><span lang="zh-CN"[^>]*>[^<]*政务公开', page)
    # Labels from the Mongolian catalog.
    assert mn("ᠡᠷᠢᠯᠲᠡ ᠶᠢᠨ ᠳ᠋ᠤᠭᠠᠷ") in page  # Index number
    # Never more than the Chinese page: the draft's Mongolian title is hidden.
    assert SECRET_MN not in page
    assert "未发布的秘密草稿通知" not in page


def test_mongolian_document_page_heading(bilingual_site, browser_session):
    session, _home = mongolian(browser_session)
    agency = bilingual_site["agency"]
    page = session.get(rel(agency["d1"])).text
    assert re.search(r'<h1 class="documentFirstHeading"><span>' + MN_TITLE, page)
    assert mn("ᠬᠦᠴᠦᠨ ᠲᠡᠢ") in page  # validity in the metadata table
    assert "2021 ᠣᠨ 7 ᠰᠠᠷ᠎ᠠ 15 ᠡᠳᠦᠷ" in page  # date written
    page = session.get(rel(agency["d2"])).text
    assert re.search(
        r'<h1 class="documentFirstHeading"><span lang="zh-CN"[^>]*>'
        r"关于加强信访工作的意见</span>"
        r'<span class="fallback-mark" lang="mn-Mong-CN"',
        page,
    )
    # Data given only in Chinese is tagged: the issuing agency, the body text.
    agency_cell = r'<td class="metadata-value" lang="zh-CN"[^>]*>通辽市人民政府办公室'
    assert re.search(agency_cell, page)
    # The draft stays hidden whatever the language.
    response = session.get(rel(agency["secret"]), allow_redirects=False)
    assert response.status_code in (302, 401, 403, 404)
    assert SECRET_MN not in response.text


def test_mongolian_agency_area_and_apply_form(bilingual_site, browser_session):
    session, _home = mongolian(browser_session)
    agency = bilingual_site["agency"]
    page = session.get(rel(agency)).text
    # The agency's heading in Mongolian; its sections too: the standard's
    # section titles are data (platform/sections.py), set on creation.
    assert f"<span>{MN_AGENCY}</span></h1>" in page
    assert mn("ᠪᠣᠳᠣᠯᠭ᠎ᠠ ᠶᠢᠨ ᠪᠢᠴᠢᠭ ᠪᠠᠷᠢᠮᠲᠠ") in page  # 政策文件
    assert not re.search(r'lang="zh-CN"[^>]*>政策文件<span class="fallback-mark"', page)
    page = session.get(rel(agency) + "/@@apply").text
    assert mn("ᠭᠤᠶᠤᠴᠢᠯᠭ᠎ᠠ ᠲᠤᠰᠢᠶᠠᠬᠤ") in page  # Submit application
    assert re.search(r'<span lang="zh-CN"[^>]*>通辽市人民政府办公室</span>', page)
    assert html_lang(page) == "mn-Mong-CN"


def test_editor_sees_the_mongolian_title_field(bilingual_site, browser_session):
    session = browser_session(role="Manager")
    page = session.get(rel(bilingual_site["agency"]["d1"]) + "/@@edit").text
    assert "form.widgets.IMongolianTitle.title_mn" in page
    assert "蒙古文标题" in page
