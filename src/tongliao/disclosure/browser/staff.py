"""Staff-facing pages: the dashboard and the warnings viewlet."""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure.warnings import collect_warnings


def is_staff():
    """Staff are those who may see the dashboard (rolemap.xml lists their roles)."""
    if api.user.is_anonymous():
        return False
    return api.user.has_permission(
        "tongliao.disclosure: View staff dashboard", obj=api.portal.get()
    )


class StaffWarningsViewlet(ViewletBase):
    """Warnings above the content, for staff only."""

    index = ViewPageTemplateFile("templates/staff_warnings_viewlet.pt")

    def update(self):
        super().update()
        self.warnings = collect_warnings(api.portal.get()) if is_staff() else []

    def available(self):
        return bool(self.warnings)


class DisclosureDashboard(BrowserView):
    """工作台: what staff must act on (warnings) and the entry points of their work."""

    def warnings(self):
        return collect_warnings(api.portal.get())

    def portal_url(self):
        return api.portal.get().absolute_url()
