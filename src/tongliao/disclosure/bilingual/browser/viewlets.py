"""The language selector and the Mongolian stylesheet (viewlets)."""

from plone.app.i18n.locales.browser.selector import LanguageSelector
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure.bilingual import lang_tag


# Each language named in itself, as a selector should (WCAG 3.1.2: tagged).
NATIVE_NAMES = {"zh-cn": "中文", "mn": "ᠮᠣᠩᠭᠣᠯ"}


class BilingualLanguageSelector(LanguageSelector):
    """Plone's selector (``?set_language=`` and the I18N_LANGUAGE cookie) with
    each language's name in its own script and ``lang``/``hreflang`` tags."""

    index = ViewPageTemplateFile("templates/languageselector.pt")

    def render(self):
        return self.index()

    def languages(self):
        rows = []
        for info in super().languages():
            code = info["code"]
            rows.append(
                {
                    "code": code,
                    "selected": info["selected"],
                    "tag": lang_tag(code),
                    "name": NATIVE_NAMES.get(code)
                    or info.get("native")
                    or info.get("name")
                    or code,
                }
            )
        return rows


class MongolianStylesheetViewlet(ViewletBase):
    """The Mongolian stylesheet: fonts and vertical writing for ``:lang(mn)``."""

    def render(self):
        base = f"{self.site_url}/++resource++tongliao.disclosure.bilingual"
        return f'<link rel="stylesheet" href="{base}/mongolian.css" />'
