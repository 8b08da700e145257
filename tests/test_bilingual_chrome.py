"""No untranslated chrome on a Mongolian page (real HTTP, the demo core): every
Chinese text around the content of every public page — masthead, navigation,
breadcrumbs, portlets, search box, footer — is inside an element tagged
``lang="zh-CN"`` (a Chinese name standing in for a missing Mongolian one,
marked), and on the core pages the content too. Agencies' sections, the page
<title> and the footer settings are Mongolian where a Mongolian text exists."""

from .applications_support import APPLICANT
from .applications_support import apply_form_data
from .applications_support import PDF
from .applications_support import PROOF_INPUT
from .applications_support import token_of
from .bilingual_support import build_bilingual_demo
from .consultation_support import CLOSE
from .consultation_support import make_consultation
from .consultation_support import OPEN
from .consultation_support import set_clock
from .review_support import make_agency
from .review_support import make_users
from .review_support import publish
from lxml import html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tongliao.disclosure import _
from tongliao.disclosure import demo
from tongliao.disclosure.applications import ratelimit
from tongliao.disclosure.applications.workflow import NOT_FOUND_MSGID
from tongliao.disclosure.bilingual import FALLBACK_MARK
from tongliao.disclosure.bilingual.chrome import mongolian
from tongliao.disclosure.bilingual.dates import date_text
from tongliao.disclosure.bilingual.glossary import suffixes_joined
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.platform.sections import all_sections
from tongliao.disclosure.ratelimit import LOOKUP_LIMITED
from tongliao.disclosure.vocabularies import APPLICANT_TYPES
from tongliao.disclosure.vocabularies import mongolian_term_title

import pytest
import re
import transaction


AGENCY = demo.DEMO_AGENCY_ID
MISSING_TAIL = _("Enter the last four digits of the phone number.")
CORE_PAGES = [
    "",
    "@@disclosure-catalog?year=2021",
    f"{AGENCY}/{demo.NOTICE_ID}",
    f"{AGENCY}",
    f"{AGENCY}/zcwj",
    f"{AGENCY}/guide",
    "@@application-lookup",
    f"{AGENCY}/{demo.INTERPRETATION_ID}",
    f"{AGENCY}/directory",
    f"{AGENCY}/@@apply",
    f"{AGENCY}/@@messages",
    f"{AGENCY}/yjzj",
    "@@complain",
    "sitemap",
    "@@search?SearchableText=通知",
    f"{AGENCY}/@@write-message",
    "@@message-lookup",
    "@@complaint-lookup",
]
# Pages whose content area is not checked yet (only their chrome): none left.
OTHER_PAGES = []
HAN = re.compile("[\u3400-\u9fff]")
SKIPPED = "//script|//style|//template|//noscript|//input[@type='hidden']"
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def language_of(element):
    while element is not None:
        if element.get("lang"):
            return element.get("lang")
        element = element.getparent()
    return None


def untagged_chinese(page_html, chrome_only):
    """Chinese texts and attributes not inside a ``lang="zh-CN"`` element."""
    tree = html.fromstring(page_html)
    for node in tree.xpath(SKIPPED):
        node.drop_tree()
    if chrome_only:
        for node in tree.xpath('//*[@id="content"]'):
            node.drop_tree()
    found = []
    for element in tree.body.iter():
        if not isinstance(element.tag, str):
            continue
        texts = [(element.text, element), (element.tail, element.getparent())]
        texts += [(element.get(name), element) for name in ATTRIBUTES]
        for text, owner in texts:
            if text and HAN.search(text) and language_of(owner) != "zh-CN":
                found.append(f"<{owner.tag} id={owner.get('id')}> {text.strip()[:40]}")
    return found


@pytest.fixture
def mongolian_demo(functional_portal, browser_session):
    portal = build_bilingual_demo(functional_portal)
    session = browser_session()
    assert session.get("", params={"set_language": "mn"}).status_code == 200
    return portal, session


def test_no_untranslated_chrome_on_mongolian_pages(mongolian_demo):
    portal, session = mongolian_demo
    problems = {}
    for path in CORE_PAGES + OTHER_PAGES:
        response = session.get(path)
        assert response.status_code == 200, path
        assert 'lang="mn-Mong-CN"' in response.text[:2000], path
        found = untagged_chinese(response.text, chrome_only=path not in CORE_PAGES)
        if found:
            problems[path] = found
    assert problems == {}


def test_the_check_finds_untagged_chinese():
    page = (
        '<html lang="mn-Mong-CN"><body><nav>首页</nav>'
        '<a lang="zh-CN">政策文件</a><input placeholder="网站搜索">'
        '<div id="content">正文</div></body></html>'
    )
    assert untagged_chinese(page, chrome_only=True) == [
        "<nav id=None> 首页",
        "<input id=None> 网站搜索",
    ]


def test_navigation_breadcrumbs_and_title_in_mongolian(mongolian_demo):
    portal, session = mongolian_demo
    agency = portal[AGENCY]
    zcwj_mn = agency["zcwj"].title_mn
    page = session.get(f"{AGENCY}/{demo.INTERPRETATION_ID}").text
    tree = html.fromstring(page)
    navigation = tree.get_element_by_id("portal-globalnav")
    assert zcwj_mn in navigation.text_content()
    assert "政策文件" not in navigation.text_content()
    assert agency.title_mn in navigation.text_content()
    # The interpretation has no Mongolian title: Chinese, tagged and marked, in
    # the breadcrumbs and the <title> (never its agency's name).
    crumb = tree.xpath('//*[@id="portal-breadcrumbs"]//li[contains(@class, "active")]')
    assert crumb[0].get("lang") == "zh-CN"
    assert crumb[0].text_content().endswith(FALLBACK_MARK)
    heading = tree.xpath('//*[@id="content"]//h1')[0]
    assert heading.get("lang") == "zh-CN"
    assert heading.text_content().endswith(FALLBACK_MARK)
    title = tree.findtext(".//title")
    interpretation = agency[demo.INTERPRETATION_ID]
    assert title.startswith(f"{interpretation.Title()} {FALLBACK_MARK} — ")
    assert agency.title_mn not in title
    # Plone's own strings from the Mongolian catalog.
    assert tree.get_element_by_id("searchGadget").get("placeholder") == (
        "ᠰᠦᠯᠵᠢᠶᠡᠨ ᠥᠷᠲᠡᠭᠡ ᠡᠴᠡ ᠡᠷᠢᠬᠦ"
    )
    # Chinese pages keep Plone's Chinese.
    chinese = session.get(
        f"{AGENCY}/{demo.INTERPRETATION_ID}", params={"set_language": "zh-cn"}
    ).text
    assert ">政策文件</a>" in chinese
    assert 'placeholder="网站搜索"' in chinese
    assert FALLBACK_MARK not in chinese


def test_a_new_agencys_sections_are_bilingual(mongolian_demo):
    portal, _session = mongolian_demo
    with api.env.adopt_user(SITE_OWNER_NAME):
        agency = api.content.create(
            container=portal, type="DisclosureAgency", id="new", title="新机关"
        )
    for section in all_sections():
        obj = agency.get(section.id) or agency["fdzdgknr"].get(section.id)
        assert obj.title_mn == suffixes_joined(section.title_mn), section.id
    transaction.abort()


def test_footer_settings_in_mongolian(mongolian_demo):
    portal, session = mongolian_demo
    prefix = "tongliao.disclosure.site."
    footer = session.get("").text
    # No Mongolian organizer yet: the Chinese name, tagged and marked.
    assert re.search(
        r'<span lang="zh-CN"[^>]*>通辽市人民政府办公室</span>'
        r'<span class="fallback-mark"',
        footer,
    )
    with api.env.adopt_user(SITE_OWNER_NAME):
        api.portal.set_registry_record(
            prefix + "organizer_mn", "ᠲᠥᠩᠯᠢᠶᠣᠣ ᠬᠣᠲᠠ ᠶᠢᠨ ᠠᠯᠪᠠᠨ ᠲᠡᠩᠭᠢᠯᠢᠭ"
        )
    transaction.commit()
    footer = session.get("").text
    assert "ᠲᠥᠩᠯᠢᠶᠣᠣ ᠬᠣᠲᠠ ᠶᠢᠨ ᠠᠯᠪᠠᠨ ᠲᠡᠩᠭᠢᠯᠢᠭ</span>" in footer
    assert "ᠡᠷᠬᠢᠯᠡᠨ ᠶᠠᠪᠤᠭᠤᠯᠤᠭᠴᠢ ᠨᠢᠭᠡᠴᠢ" in footer  # Organizer: (label)
    # The masthead's subtitle (Mongolian default) and the Chinese name, tagged.
    assert re.search(r'<span class="gov-site-title" lang="zh-CN"', footer)
    assert "ᠲᠠᠪᠴᠠᠩ</span></span>" in footer


def test_apply_errors_in_mongolian(mongolian_demo):
    """An invalid application on a Mongolian page: the status message and each
    field's error are Mongolian, what the visitor typed is tagged, no Chinese
    outside a tagged element."""
    _portal, session = mongolian_demo
    page = session.get(f"{AGENCY}/@@apply")
    data = apply_form_data(
        {**APPLICANT, "applicant_name": "", "phone": "123", "applicant_type": "alien"}
    )
    data["_authenticator"] = token_of(page.text)
    response = session.post(f"{AGENCY}/@@apply", data=data)  # no proof attached
    assert response.status_code == 400
    assert untagged_chinese(response.text, chrome_only=False) == []
    tree = html.fromstring(response.text)
    errors = {
        element.text_content().strip()
        for element in tree.xpath('//*[contains(@class, "invalid-feedback")]')
    }
    assert errors == {
        mongolian(_("This field is required.")),
        mongolian(_("Enter a phone number with at least 7 digits.")),
        mongolian(_("Choose one of the options.")),
        mongolian(_("Attach a proof of identity (PDF, JPG or PNG).")),
    }
    status = tree.xpath('//*[contains(@class, "portalMessage")]')[0].text_content()
    assert mongolian(_("Please correct the marked fields.")) in status
    assert mongolian(_("Error")) in status
    required = {e.get("title") for e in tree.xpath('//span[@class="required"]')}
    assert required == {mongolian(_("Required"))}
    # The options in Mongolian (data files' title_mn and the catalog).
    options = tree.xpath('//select[@id="form-widgets-applicant_type"]/option')
    assert [o.text for o in options[:2]] == [
        mongolian(_("Please choose")),
        mongolian_term_title(APPLICANT_TYPES, "natural_person"),
    ]
    description = tree.get_element_by_id("form-widgets-description")
    assert description.get("lang") == "zh-CN"
    assert description.text == APPLICANT["description"]


def test_lookup_messages_in_mongolian(mongolian_demo):
    """The lookup's answers on a Mongolian page: missing fields, not found and
    the rate limit, each in Mongolian."""
    portal, session = mongolian_demo
    ratelimit.reset()
    with api.env.adopt_user(SITE_OWNER_NAME):
        api.portal.set_registry_record(
            "tongliao.disclosure.status_lookup_limit_per_ip", 2
        )
    transaction.commit()
    cases = [
        ({"code": "ABCD-EFGH-JKMN"}, 400, MISSING_TAIL),
        ({"code": "ABCD-EFGH-JKMN", "phone_tail": "5678"}, 404, NOT_FOUND_MSGID),
        ({"code": "ABCD-EFGH-JKMN", "phone_tail": "1234"}, 404, NOT_FOUND_MSGID),
        ({"code": "ABCD-EFGH-JKMN", "phone_tail": "1234"}, 429, LOOKUP_LIMITED),
    ]
    for form, status, message in cases:
        response = session.post("@@application-lookup", data=form)
        assert response.status_code == status, form
        assert untagged_chinese(response.text, chrome_only=False) == [], form
        tree = html.fromstring(response.text)
        shown = tree.get_element_by_id("lookup-message").text_content().strip()
        assert shown == mongolian(message), form
    # The Chinese page keeps its Chinese message.
    chinese = session.post(
        "@@application-lookup", data={"code": "X", "set_language": "zh-cn"}
    )
    assert "请输入手机号码后四位。" in chinese.text


def test_an_application_and_its_lookup_in_mongolian(mongolian_demo):
    """A case sent from a Mongolian page: the confirmation's dates are
    Mongolian; the lookup shows the state in Mongolian and the agency's
    Mongolian title, the Chinese receipt's title tagged."""
    portal, session = mongolian_demo
    ratelimit.reset()
    page = session.get(f"{AGENCY}/@@apply")
    values = {name: value for name, value in APPLICANT.items() if name != "email"}
    data = apply_form_data(values)
    data["_authenticator"] = token_of(page.text)
    done = session.post(f"{AGENCY}/@@apply", data=data, files={PROOF_INPUT: PDF})
    assert done.status_code == 200
    assert untagged_chinese(done.text, chrome_only=False) == []
    tree = html.fromstring(done.text)
    received = tree.get_element_by_id("received-date").text_content()
    assert received == date_text(site_today(), "mn")
    code = tree.get_element_by_id("tracking-code").text_content().strip()
    found = session.post(
        "@@application-lookup", data={"code": code, "phone_tail": "5678"}
    )
    assert found.status_code == 200
    assert untagged_chinese(found.text, chrome_only=False) == []
    assert mongolian(_("Registered")) in found.text
    assert portal[AGENCY].title_mn in found.text
    # The Chinese lookup is unchanged.
    chinese = session.post(
        "@@application-lookup",
        data={"code": code, "phone_tail": "5678", "set_language": "zh-cn"},
    )
    assert "<dd>已登记</dd>" in chinese.text
    assert "<dd>通辽市人民政府办公室</dd>" in chinese.text
    transaction.abort()


def test_a_consultation_in_mongolian(mongolian_demo, monkeypatch):
    """An open consultation on a Mongolian page: its labels, period and form in
    Mongolian, the draft and the agency's texts tagged Chinese; a comment sent
    without text answered in Mongolian."""
    portal, session = mongolian_demo
    ratelimit.reset()
    make_users(portal)
    consultation = publish(make_consultation(make_agency(portal)))
    transaction.commit()
    set_clock(monkeypatch, "2026-11-10 10:00")
    path = "/".join(consultation.getPhysicalPath()[2:])
    page = session.get(path)
    assert page.status_code == 200
    assert untagged_chinese(page.text, chrome_only=False) == []
    tree = html.fromstring(page.text)
    period = tree.get_element_by_id("consultation-period").text_content()
    assert period == mongolian(
        _(
            "${start} to ${end}",
            mapping={"start": date_text(OPEN, "mn"), "end": date_text(CLOSE, "mn")},
        )
    )
    draft = tree.xpath('//*[contains(@class, "consultation-draft")]')[0]
    assert draft.get("lang") == "zh-CN"
    response = session.post(
        f"{path}/@@view",
        data={
            "form.submitted": "1",
            "text": "",
            "_authenticator": token_of(page.text),
        },
    )
    assert response.status_code == 400
    assert untagged_chinese(response.text, chrome_only=False) == []
    assert mongolian(_("Write your comment.")) in response.text
    # The Chinese page keeps its Chinese period.
    chinese = session.get(path, params={"set_language": "zh-cn"})
    assert "2026年11月1日至2026年11月30日" in chinese.text
