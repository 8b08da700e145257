"""The heading of a page whose content has a Mongolian title (@@title)."""

from Products.Five.browser import BrowserView
from tongliao.disclosure.bilingual import CHINESE
from tongliao.disclosure.bilingual import FALLBACK_MARK
from tongliao.disclosure.bilingual import is_mongolian
from tongliao.disclosure.bilingual import LANG_TAGS
from tongliao.disclosure.bilingual.titles import title_mn
from tongliao.disclosure.bilingual.titles import title_parts

import re


HAN = re.compile("[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
MONGOLIAN = re.compile("[\u1800-\u18af]")


class TitleView(BrowserView):
    """Plone's @@title (the page's <h1>) in the page's language: the Mongolian
    title on a Mongolian page, else the Chinese one tagged and marked."""

    def parts(self):
        return title_parts(self.context.Title(), title_mn(self.context), self.request)


class BilingualInfo(BrowserView):
    """@@bilingual: what shared templates need to tag Chinese content on a
    Mongolian page (``lang`` of a Chinese block, the visible mark)."""

    def is_mongolian(self):
        return is_mongolian(self.request)

    def fallback_lang(self):
        """``zh-CN`` on a Mongolian page (for Chinese-only content), else None."""
        return LANG_TAGS[CHINESE] if self.is_mongolian() else None

    def lang_of(self, text):
        """``zh-CN`` for a Chinese text (Han characters, no Mongolian letters) on
        a Mongolian page: data the agency gave only in Chinese. Else None."""
        if not self.is_mongolian() or not isinstance(text, str):
            return None
        if HAN.search(text) and not MONGOLIAN.search(text):
            return LANG_TAGS[CHINESE]
        return None

    def title_of(self, obj):
        """The title of ``obj`` for a plain-text place (a table caption): the
        Mongolian one on a Mongolian page, else the Chinese one marked."""
        parts = title_parts(obj.Title(), title_mn(obj), self.request)
        return " ".join(filter(None, (parts["title"], parts["fallback_mark"])))

    def fallback_mark(self):
        return FALLBACK_MARK if self.is_mongolian() else ""
