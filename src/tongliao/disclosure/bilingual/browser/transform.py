"""The ``lang`` attribute of the <html> element as a BCP 47 tag with script.

Plone's main template writes the Plone language code (``mn``, ``zh-cn``); screen
readers and search engines need the script for Mongolian (``mn-Mong-CN`` — the
default script of ``mn`` is Cyrillic) and read ``zh-CN`` best. A transform in
plone.transformchain rewrites the attribute of the first <html> tag of HTML
responses, before plone.protect (9000) and after Diazo (8850). On a Mongolian
page it also localizes Plone's chrome (``bilingual/chrome.py``) and makes the
vertical content block focusable.
"""

from plone.transformchain.interfaces import ITransform
from tongliao.disclosure.bilingual import CHINESE
from tongliao.disclosure.bilingual import current_language
from tongliao.disclosure.bilingual import lang_tag
from tongliao.disclosure.bilingual.chrome import localize_chrome
from tongliao.disclosure.interfaces import IBrowserLayer
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface

import re


SCROLLING_BLOCKS = {
    "policy-text",
    "guide-text",
    "interpretation-text",
    "consultation-draft",
    "consultation-explanation",
}


def focusable_content(root):
    """The vertical content block scrolls sideways: keyboard users reach it
    (WCAG 2.1.1; axe scrollable-region-focusable)."""
    for element in root.iterfind('.//*[@id="content"]'):
        if element.get("tabindex") is None:
            element.set("tabindex", "0")
    # Chinese prose blocks set horizontally scroll up and down (mongolian.css).
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments
            continue
        classes = (element.get("class") or "").split()
        if SCROLLING_BLOCKS.intersection(classes) and element.get("lang"):
            element.set("tabindex", "0")


HTML_LANG = re.compile(r'(<html\b[^>]*?\blang=")([^"]*)(")', re.IGNORECASE)


def retag(html, tag):
    """``html`` with the lang of its <html> element set to ``tag`` (first only)."""
    return HTML_LANG.sub(lambda m: f"{m.group(1)}{tag}{m.group(3)}", html, count=1)


@implementer(ITransform)
@adapter(Interface, IBrowserLayer)
class HtmlLangTransform:
    order = 8900

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def _applies(self):
        content_type = self.request.response.getHeader("Content-Type") or ""
        return content_type.startswith("text/html")

    def _context(self):
        """The content the page shows (for its title), or None."""
        context = getattr(self.published, "context", None)
        return context if callable(getattr(context, "Title", None)) else None

    def _tag(self):
        return lang_tag(current_language(self.request))

    def transformUnicode(self, result, encoding):
        if not self._applies():
            return None
        return retag(result, self._tag())

    def transformBytes(self, result, encoding):
        if not self._applies():
            return None
        try:
            text = result.decode(encoding or "utf-8")
        except UnicodeDecodeError:
            return None
        return retag(text, self._tag()).encode(encoding or "utf-8")

    def transformIterable(self, result, encoding):
        if not self._applies():
            return None
        tree = getattr(result, "tree", None)  # lxml, as Diazo hands it on
        if tree is not None and hasattr(tree, "getroot"):
            root = tree.getroot()
            if root is not None and root.tag.rsplit("}", 1)[-1] == "html":
                root.set("lang", self._tag())
                if self._tag() != lang_tag(CHINESE):
                    localize_chrome(root, self.request, self._context())
                    focusable_content(root)
            return result
        try:
            chunks = [c if isinstance(c, bytes) else c.encode("utf-8") for c in result]
            text = b"".join(chunks).decode(encoding or "utf-8")
        except (TypeError, AttributeError, UnicodeDecodeError):
            return None
        return [retag(text, self._tag()).encode(encoding or "utf-8")]
