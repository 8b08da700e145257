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
import re


HAN = re.compile("[\u3400-\u9fff]")
MONGOLIAN_TEXT = re.compile("[\u1820-\u18af]")


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
    "search-results",
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
# Plone's and z3c.form's fixed strings in the content area of the public pages
# (the apply form's required marker and errors, the search page, the site map):
# Plone's Chinese → the add-on's msgid. Only untagged text is replaced, whole.
CONTENT_STRINGS = {
    # z3c.form / plone.app.z3cform
    "必填": _("Required"),
    "缺少必需的输入": _("This field is required."),
    "Error": _("Error"),  # the status message's heading (no Chinese either)
    "错误": _("Error"),
    # the site map
    "站点地图": _("Site map"),
    "网站内容的概览。将鼠标停放到条目上数秒，可查看其描述信息。": _(
        "An overview of the content of the site."
    ),
}
# The search page's (Products.CMFPlone browser/templates/search.pt), replaced
# inside its form only.
SEARCH_STRINGS = {
    "搜索站点": _("Search the site"),
    "搜索": _("Search"),
    "的搜索结果": _("search results"),
    "有": _("Found"),
    "项符合搜索条件": _("items match the search"),
    "筛选结果": _("Filter the results"),
    "内容类型": _("Content type"),
    "全选/取消": _("Select all or none"),
    "新创建的内容, 自从...": _("New items since"),
    "昨天": _("Yesterday"),
    "上周": _("Last week"),
    "上月": _("Last month"),
    "任何时候": _("Ever"),
    "排序方式": _("Sort by"),
    "相关度": _("Relevance"),
    "日期 （最新在前）": _("Date (newest first)"),
    "按字母表顺": _("Alphabetically"),
    "位于": _("Located in"),
    "订阅 持续更新的供稿。": _("Subscribe to an always-updated feed."),
    "没有找到结果。": _("No results were found."),
}
CONTENT_ATTRIBUTES = ("title", "aria-label", "placeholder")


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


def _untagged(element, top):
    """No ``lang`` on ``element`` or its ancestors up to ``top`` (excluded)."""
    while element is not None and element is not top:
        if element.get("lang"):
            return False
        element = element.getparent()
    return True


def _has_chinese(text):
    return bool(text) and bool(HAN.search(text)) and not MONGOLIAN_TEXT.search(text)


def _replace_strings(top, strings):
    """Each whole untagged text or attribute under ``top`` that is a key of
    ``strings`` (Plone's Chinese) becomes the msgid's Mongolian."""
    table = {zh: mongolian(msgid) for zh, msgid in strings.items()}
    for element in top.iter():
        if not isinstance(element.tag, str) or not _untagged(element, top):
            continue
        for attribute in ("text", "tail"):
            text = getattr(element, attribute)
            found = table.get((text or "").strip())
            if found:
                setattr(element, attribute, text.replace(text.strip(), found))
        names = list(CONTENT_ATTRIBUTES)
        if element.tag == "input" and element.get("type") == "submit":
            names.append("value")  # a button's label
        for name in names:
            found = table.get((element.get(name) or "").strip())
            if found:
                element.set(name, found)


def localize_content(root):
    """Plone's fixed strings in the content area (:data:`CONTENT_STRINGS`), the
    search page (:data:`SEARCH_STRINGS`, its content types), and Chinese left
    in a heading, a form control or the search term tagged (a content title
    without a Mongolian one, marked)."""
    for content in root.iterfind('.//*[@id="content"]'):
        _replace_strings(content, CONTENT_STRINGS)
        for form in content.iterfind('.//form[@id="searchform"]'):
            _replace_strings(form, SEARCH_STRINGS)
        # What the visitor typed (a form shown again with its errors).
        for control in content.iterfind(".//textarea"):
            if _has_chinese(control.text) and control.get("lang") is None:
                control.set("lang", ZH)
        for control in content.iterfind(".//input[@value]"):
            if _has_chinese(control.get("value")) and control.get("lang") is None:
                control.set("lang", ZH)
        _localize_search(content)
        # The page's heading: a content title without a Mongolian one.
        for heading in content.iterfind(".//h1"):
            if heading.get("lang") is None and _has_chinese(heading.text_content()):
                heading.set("lang", ZH)
                heading.append(_mark())


def _localize_search(content):
    """@@search: the searched words (typed by the visitor) tagged when Chinese;
    each content type's label from the add-on's catalog, else tagged."""
    for term in content.iterfind('.//*[@id="search-term"]//span[@class="text-muted"]'):
        if _has_chinese(term.text):
            term.set("lang", ZH)
    types = api.portal.get_tool("portal_types")
    for box in content.iterfind('.//input[@name="portal_type:list"]'):
        label = box.getnext()
        fti = types.get(box.get("value"))
        if label is None or label.tag != "label" or fti is None:
            continue
        title = translate(
            fti.Title(), domain=fti.i18n_domain or "plone", target_language=MONGOLIAN
        )
        if MONGOLIAN_TEXT.search(title):
            label.text = title
        elif _has_chinese(label.text):
            label.set("lang", ZH)


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
    localize_content(root)
    title = root.find("./head/title")
    if title is not None and title.text:
        title.text = page_title(title.text.strip(), context)
