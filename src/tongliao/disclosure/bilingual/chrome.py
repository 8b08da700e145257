"""Plone's own chrome on a Mongolian page: navigation, breadcrumbs, portlets,
site map, search box, login link and the page's <title>.

Plone renders them with the ``plone`` domain, which has no Mongolian catalog,
and a partial one would show English for every other ``plone`` msgid (Plone
falls back to Chinese only where a domain has no ``mn`` catalog at all). So the
transform (``browser/transform.py``) localizes the public chrome here, once,
on the finished page:

- a link to content shows the content's Mongolian title (``title_mn``, catalog
  metadata); without one its Chinese title stays, tagged ``lang="zh-CN"`` and
  marked (:data:`FALLBACK_MARK`), as documents are;
- the few fixed Plone strings of the chrome (:data:`CHROME_STRINGS`, keyed by
  Plone's Chinese text) come from the add-on's Mongolian catalog.
"""

from plone import api
from tongliao.disclosure import _
from tongliao.disclosure.bilingual import CHINESE
from tongliao.disclosure.bilingual import FALLBACK_MARK
from tongliao.disclosure.bilingual import LANG_TAGS
from tongliao.disclosure.bilingual import MONGOLIAN
from tongliao.disclosure.bilingual.settings import site_title_mn
from tongliao.disclosure.bilingual.titles import title_mn
from zope.i18n import translate

import lxml.etree


ZH = LANG_TAGS[CHINESE]
MN = LANG_TAGS[MONGOLIAN]

# Where Plone lists content by title: global navigation, breadcrumbs, portlet
# columns, the site map.
LINK_REGIONS = (
    "portal-globalnav",
    "portal-breadcrumbs",
    "portal-column-one",
    "portal-column-two",
    "portal-sitemap",
)
# Where Plone's fixed strings appear.
STRING_REGIONS = (
    "portal-top",
    "portal-logo-wrapper",
    "mainnavigation-wrapper",
    "portal-breadcrumbs",
    "portal-column-one",
    "portal-column-two",
)
# Plone's Chinese (plone.app.locales, zh_CN) → the add-on's msgid.
CHROME_STRINGS = {
    "首页": _("Home"),
    "登录": _("Log in"),
    "搜索": _("Search"),
    "网站搜索": _("Search the site"),
    "高级搜索": _("Advanced search"),
    "打开导航菜单": _("Open the navigation menu"),
    "当前位置": _("You are here"),
    "导航": _("Navigation"),
}
CHROME_ATTRIBUTES = ("title", "aria-label", "placeholder")


def mongolian(msgid):
    return translate(msgid, target_language=MONGOLIAN)


def _regions(root, ids):
    for element_id in ids:
        yield from root.iterfind(f'.//*[@id="{element_id}"]')


def localize_strings(root):
    table = {zh: mongolian(msgid) for zh, msgid in CHROME_STRINGS.items()}
    for region in _regions(root, STRING_REGIONS):
        for element in region.iter():
            if not isinstance(element.tag, str):
                continue
            if element.text and element.text.strip() in table:
                element.text = element.text.replace(
                    element.text.strip(), table[element.text.strip()]
                )
            for name in CHROME_ATTRIBUTES:
                value = (element.get(name) or "").strip()
                if value in table:
                    element.set(name, table[value])


def _mark():
    mark = lxml.etree.Element("span", {"class": "fallback-mark", "lang": MN})
    mark.text = FALLBACK_MARK
    return mark


def retitle(element, chinese, mongolian_title):
    """Put the Mongolian title in place of ``chinese`` in ``element`` (a link or
    list item), or tag it Chinese and mark it. False if the text is not there."""
    for node in element.iter():
        if not isinstance(node.tag, str) or node.get("lang"):
            continue
        for attribute in ("text", "tail"):
            if (node is element and attribute == "tail") or (
                attribute == "text" and node.tag == "svg"
            ):
                continue
            text = getattr(node, attribute)
            if not text or text.strip() != chinese:
                continue
            if mongolian_title:
                setattr(node, attribute, text.replace(chinese, mongolian_title))
            else:
                element.set("lang", ZH)
                element.append(_mark())
            return True
    return False


def _titles_by_url(root, portal_url):
    """{url: (Chinese title, Mongolian title)} of the content the chrome links."""
    urls = set()
    for region in _regions(root, LINK_REGIONS):
        urls.update(
            a.get("href").rstrip("/")
            for a in region.iterfind(".//a[@href]")
            if a.get("href").startswith(portal_url + "/")
        )
    if not urls:
        return {}
    portal = api.portal.get()
    base = "/".join(portal.getPhysicalPath())
    paths = [base + url[len(portal_url) :].split("?")[0] for url in urls]
    brains = api.portal.get_tool("portal_catalog")(path={"query": paths, "depth": 0})
    return {
        portal_url + brain.getPath()[len(base) :]: (brain.Title, title_mn(brain))
        for brain in brains
    }


def localize_links(root, portal_url, context=None):
    titles = _titles_by_url(root, portal_url)
    for region in _regions(root, LINK_REGIONS):
        for link in region.iterfind(".//a[@href]"):
            found = titles.get(link.get("href").rstrip("/"))
            if found:
                retitle(link, *found)
                label = link.getnext()  # the global navigation's submenu opener
                while label is not None and label.tag != "label":
                    label = label.getnext()
                if label is not None and label.get("aria-label") == found[0]:
                    if found[1]:
                        label.set("aria-label", found[1])
                    else:
                        label.set("lang", ZH)
    if context is None:
        return
    chinese, mongolian_title = context.Title(), title_mn(context)
    # The current page in the breadcrumbs, and Plone's hidden title for social
    # media (``#social-tags-body``).
    for item in root.iterfind('.//*[@id="portal-breadcrumbs"]//li'):
        if "active" in (item.get("class") or "").split():
            retitle(item, chinese, mongolian_title)
    for item in root.iterfind('.//*[@id="social-tags-body"]/*'):
        retitle(item, chinese, mongolian_title)


def page_title(text, context=None):
    """The <title> text on a Mongolian page: the parts "page — site" each in
    Mongolian where there is one, else the Chinese one marked."""
    site_title = api.portal.get_registry_record("plone.site_title", default="")
    parts = []
    for part in text.split(" — "):
        if part == site_title:
            part = site_title_mn() or f"{part} {FALLBACK_MARK}"
        elif context is not None and part == context.Title():
            part = title_mn(context) or f"{part} {FALLBACK_MARK}"
        parts.append(part)
    return " — ".join(parts)


def localize_chrome(root, request, context=None):
    """Localize the chrome of the Mongolian page ``root`` (lxml, in place)."""
    portal_url = api.portal.get().absolute_url()
    localize_strings(root)
    localize_links(root, portal_url, context)
    title = root.find("./head/title")
    if title is not None and title.text:
        title.text = page_title(title.text.strip(), context)
