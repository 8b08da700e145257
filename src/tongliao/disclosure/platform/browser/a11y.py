"""Viewlets every public page gets: a skip link and the platform's stylesheets."""

from plone.app.layout.viewlets.common import ViewletBase
from tongliao.disclosure import _
from zope.i18n import translate


class SkipLinkViewlet(ViewletBase):
    """WCAG 2.4.1: the first link of the page jumps to the content."""

    def render(self):
        label = translate(_("Skip to main content"), context=self.request)
        return (
            '<a class="skip-link visually-hidden-focusable" '
            f'href="#content">{label}</a>'
        )


class StylesheetsViewlet(ViewletBase):
    def render(self):
        base = f"{self.site_url}/++resource++tongliao.disclosure"
        return (
            f'<link rel="stylesheet" href="{base}/disclosure.css" />'
            f'<link rel="stylesheet" href="{base}/theme.css" />'
            f'<link rel="stylesheet" media="print" href="{base}/print.css" />'
            # Not deferred: it sets 适老化 mode before the first paint.
            f'<script src="{base}/theme.js"></script>'
        )
