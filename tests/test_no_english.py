"""No English word a Chinese visitor or officer can see: the visible text and
the title/alt/aria-label/placeholder attributes of the public pages and the
main staff forms, fetched over real HTTP. Hidden inputs, scripts, styles and
URLs are not read; an allow-list keeps proper names and acronyms."""

from lxml import html
from tongliao.disclosure import demo

import re


AGENCY = demo.DEMO_AGENCY_ID
DOCUMENT = f"/{AGENCY}/{demo.NOTICE_ID}"
PUBLIC_PAGES = [
    "",
    "/@@disclosure-catalog?year=2021",
    DOCUMENT,
    f"/{AGENCY}/{demo.INTERPRETATION_ID}",
    f"/{AGENCY}",
    f"/{AGENCY}/zcwj",
    f"/{AGENCY}/guide",
    f"/{AGENCY}/directory",
    f"/{AGENCY}/@@apply",
    "/@@application-lookup",
    "/@@search?SearchableText=通知",
    "/contact-info",
    "/accessibility-info",
    "/sitemap",
    "/login",
]
STAFF_PAGES = [
    f"/{AGENCY}/++add++PolicyDocument",
    f"{DOCUMENT}/edit",
    f"{DOCUMENT}/@@review-panel",
    f"/{AGENCY}/folder_contents",
    f"/{AGENCY}/@@applications-dashboard",
]
# Proper names, standards and file formats a Chinese page writes in Latin
# letters.
ALLOWED = {
    "CSV", "RSS", "PDF", "ICP", "WCAG", "AA", "GB", "DB", "Tab", "Word",
    "Excel", "xlsx", "docx", "PNG", "SVG", "JPEG", "URL", "ID", "Email", "E-mail",
    "email", "JPG", "KB", "Cookie", "Cookies",
}  # fmt: skip
# What is still English on the staff screens: a shrink-only list, so a new
# English string fails.
KNOWN_STAFF_ENGLISH = {
    "Close",  # Barceloneta's static menu button (theme.js translates it)
    "English",  # the language choice of the add form (site language list)
    "view",  # folder contents' column menu
    "admin",  # the test site's owner, a user id
    # Portlet manager titles: plone.app.locales says "Plone 左列", and its
    # translations win over the add-on's catalog.
    "Plone",
}
READ_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
SKIPPED = (
    "//script|//style|//template|//noscript|//input[@type='hidden']"
    "|//*[@aria-hidden='true']"
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")


def english_words(page_html):
    tree = html.fromstring(page_html)
    for node in tree.xpath(SKIPPED):
        node.drop_tree()
    # Barceloneta's static "Close" on the phone menu: theme.js translates it.
    for button in tree.xpath("//*[contains(@class, 'offcanvas')]//button"):
        button.attrib.pop("aria-label", None)
    texts = [" ".join(tree.xpath("//body//text()"))]
    texts.append(tree.findtext(".//title") or "")
    for name in READ_ATTRIBUTES:
        texts.extend(tree.xpath(f"//body//@{name}"))
    found = set()
    for token in " ".join(texts).split():
        if re.search(r"\d|https?:|www\.|@|/", token):
            continue  # codes, URLs, addresses
        found.update(w for w in WORD.findall(token) if w not in ALLOWED)
    return sorted(found)


def _english(session, base, paths):
    found = {}
    for path in paths:
        response = session.get(base + path)
        assert response.status_code == 200, (path, response.status_code)
        words = english_words(response.text)
        if words:
            found[path or "/"] = words
    return found


def test_public_and_staff_pages_have_no_english(core_demo_site, browser_session):
    base = core_demo_site.absolute_url()
    assert _english(browser_session(), base, PUBLIC_PAGES) == {}
    staff = _english(browser_session(role="Manager"), base, STAFF_PAGES)
    new = {
        path: sorted(set(words) - KNOWN_STAFF_ENGLISH)
        for path, words in staff.items()
        if set(words) - KNOWN_STAFF_ENGLISH
    }
    assert new == {}
    # The masthead and footer control panel: its form (Plone's control-panel
    # menu around it is Plone's).
    panel = html.fromstring(
        browser_session(role="Manager").get(f"{base}/@@site-identity-settings").text
    )
    form = panel.xpath("//form[@id='form']")[0]
    assert english_words(html.tostring(form, encoding=str)) == []
    assert "主办单位" in form.text_content()


def test_english_words_ignores_codes_urls_and_hidden_inputs():
    page = (
        "<html><head><title>标题</title></head><body><p>索引号 1115050001147000MT"
        "/2021-00001 https://beian.miit.gov.cn/ 下载 CSV</p>"
        '<input type="hidden" value="Hidden value"/><script>var Foo;</script>'
        '<img alt="Emblem" src="x.png"/><a title="Read more">更多</a></body></html>'
    )
    assert english_words(page) == ["Emblem", "Read", "more"]


def test_masthead_footer_and_navigation_icons(core_demo_site, browser_session):
    session = browser_session()
    base = core_demo_site.absolute_url()
    page = session.get(f"{base}/{AGENCY}/{demo.NOTICE_ID}").text
    tree = html.fromstring(page)
    assert not tree.xpath("//body//img[contains(@src, 'plone-logo')]")
    assert "Powered by Plone" not in page
    assert (
        tree.xpath("string(//*[@id='portal-logo'])")
        .strip()
        .startswith("通辽市政务公开平台")
    )
    footer = tree.xpath("string(//*[@id='portal-footer-wrapper'])")
    for text in ("主办单位：通辽市人民政府办公室", "网站标识码：", "蒙ICP备"):
        assert text in footer
    # Our types have their own icons, not Plone's blank-page fallback.
    icons = tree.xpath("//*[contains(@class, 'navTree')]//svg/@class")
    assert icons and not [icon for icon in icons if "bi-file " in icon + " "]
    accessibility = session.get(f"{base}/accessibility-info").text
    assert "${" not in accessibility
    assert "适老化模式" in accessibility
    emblem = session.get(f"{base}/@@site-emblem")
    assert emblem.status_code == 404  # no emblem uploaded: the placeholder
    assert "emblem.svg" in page
