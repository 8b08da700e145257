"""The government portal's look on top of Classic UI (Barceloneta): masthead
with emblem and site name, the 适老化 toggle, the footer with the website's
record numbers, and Chinese accessibility statement.

Overrides are viewlets and views registered for the add-on's browser layer, so
Plone upgrades keep working and an uninstalled add-on leaves stock Plone."""

from plone.app.layout.viewlets.common import ViewletBase
from plone.formwidget.namedfile.converter import b64decode_file
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.browser.ploneview import Plone
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure.bilingual import CHINESE
from tongliao.disclosure.bilingual import FALLBACK_MARK
from tongliao.disclosure.bilingual import is_mongolian
from tongliao.disclosure.bilingual import LANG_TAGS
from tongliao.disclosure.chinatime import datetime_text
from tongliao.disclosure.chinatime import to_china
from tongliao.disclosure.interfaces import ISiteIdentitySettings
from zope.component import getMultiAdapter
from zope.component import getUtility

import mimetypes


SETTINGS_PREFIX = "tongliao.disclosure.site"
EMBLEM_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml", "image/webp")


def site_identity():
    """The masthead and footer settings (defaults if the records are missing)."""
    registry = getUtility(IRegistry)
    return registry.forInterface(
        ISiteIdentitySettings, prefix=SETTINGS_PREFIX, check=False
    )


def _setting(settings, name):
    return (getattr(settings, name, None) or "").strip()


def _localized(settings, name, request):
    """{text, lang, mark} of a Chinese setting with a Mongolian twin
    (``name_mn``): on a Mongolian page the twin, else the Chinese text tagged
    ``zh-CN`` and marked; on a Chinese page the Chinese text."""
    chinese = _setting(settings, name)
    if not is_mongolian(request) or not chinese:
        return {"text": chinese, "lang": None, "mark": ""}
    mongolian = _setting(settings, f"{name}_mn")
    if mongolian:
        return {"text": mongolian, "lang": None, "mark": ""}
    return {"text": chinese, "lang": LANG_TAGS[CHINESE], "mark": FALLBACK_MARK}


class MastheadViewlet(ViewletBase):
    """Replaces ``plone.logo``: the emblem, the site's name and a subtitle."""

    index = ViewPageTemplateFile("templates/masthead.pt")

    def update(self):
        super().update()
        settings = site_identity()
        registry = getUtility(IRegistry)
        self.site_title = registry.get("plone.site_title") or ""
        self.subtitle = _localized(settings, "site_subtitle", self.request)
        # On a Mongolian page the Chinese name is Chinese text (the bilingual
        # masthead shows the Mongolian one beside it).
        self.site_title_lang = (
            LANG_TAGS[CHINESE] if is_mongolian(self.request) else None
        )
        if getattr(settings, "emblem", None):
            self.emblem_url = f"{self.site_url}/@@site-emblem"
        else:
            self.emblem_url = (
                f"{self.site_url}/++resource++tongliao.disclosure/emblem.svg"
            )


class ElderModeToggleViewlet(ViewletBase):
    """The header button of 适老化/无障碍 mode (theme.js remembers the choice
    in localStorage; nothing is written on the server)."""

    index = ViewPageTemplateFile("templates/elder_toggle.pt")


FIXED_SITE_ACTIONS = ("sitemap", "accessibility", "contact", "plone_setup")


class FooterViewlet(ViewletBase):
    """Replaces ``plone.footer`` (footer portlets with "Powered by Plone"):
    site links, 主办单位, 承办单位, 联系电话, 网站标识码, ICP and 公安 record
    numbers from the control panel. The ``portletWrapper`` div is where the
    Barceloneta theme takes footer content from."""

    index = ViewPageTemplateFile("templates/footer.pt")

    def update(self):
        super().update()
        settings = site_identity()
        self.organizer = _localized(settings, "organizer", self.request)
        self.operator = _localized(settings, "operator", self.request)
        self.phone = _setting(settings, "phone")
        self.site_code = _setting(settings, "site_code")
        self.icp_number = _setting(settings, "icp_number")
        self.police_number = _setting(settings, "police_number")
        # Site actions other features add (e.g. 举报受理's ``complain``); Plone's
        # own sitemap/accessibility/contact are the fixed links above.
        context_state = getMultiAdapter(
            (self.context, self.request), name="plone_context_state"
        )
        self.extra_actions = [
            action
            for action in context_state.actions("site_actions")
            if action.get("id") not in FIXED_SITE_ACTIONS
        ]


class EmblemView(BrowserView):
    """The uploaded emblem (registry record, base64 like Plone's site logo)."""

    def __call__(self):
        response = self.request.response
        value = getattr(site_identity(), "emblem", None)
        if not value:
            response.setStatus(404)
            return ""
        filename, data = b64decode_file(value)
        content_type = mimetypes.guess_type(filename or "")[0]
        if content_type not in EMBLEM_TYPES:
            response.setStatus(404)
            return ""
        response.setHeader("Content-Type", content_type)
        response.setHeader("X-Content-Type-Options", "nosniff")
        # An SVG opened on its own must not run scripts.
        response.setHeader(
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"
        )
        response.setHeader("Cache-Control", "public, max-age=3600")
        return data


class ChinaTimePloneView(Plone):
    """``@@plone`` whose ``toLocalizedTime`` (the byline, history and Plone's
    listings) shows China time as 2021年7月5日 and 2021年7月5日 09:00:
    plone.app.locales' zh_CN format is 2021-07-05 and the registry override
    Plone offers accepts ASCII only."""

    def toLocalizedTime(self, time, long_format=None, time_only=None):
        try:
            moment = to_china(time)
        except (TypeError, ValueError, AttributeError):
            return super().toLocalizedTime(time, long_format, time_only)
        if moment is None:
            return ""
        if time_only:
            return f"{moment:%H:%M}"
        if long_format:
            return datetime_text(moment)
        return f"{moment.year}年{moment.month}月{moment.day}日"
