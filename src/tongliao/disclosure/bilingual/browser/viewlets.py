"""The language selector and the Mongolian stylesheet (viewlets)."""

from plone import api
from plone.app.i18n.locales.browser.selector import LanguageSelector
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure.bilingual import lang_tag
from tongliao.disclosure.bilingual.settings import site_title_mn


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


class BilingualMastheadViewlet(ViewletBase):
    """The platform's name in both scripts, as the city's notices head them:
    the Mongolian name in a vertical column beside the Chinese one. Shown only
    when the Mongolian site title is set (site profile)."""

    index = ViewPageTemplateFile("templates/masthead.pt")

    def update(self):
        super().update()
        self.name_mn = site_title_mn()
        self.name_zh = (
            api.portal.get_registry_record("plone.site_title", default="") or ""
        )

    def available(self):
        return bool(self.name_mn and self.name_zh)
