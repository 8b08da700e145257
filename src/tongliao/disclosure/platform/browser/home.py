"""@@disclosure-home: the platform's front page (the demo site's default view)."""

from plone import api
from tongliao.disclosure.bilingual.settings import site_title_mn
from tongliao.disclosure.bilingual.titles import title_mn
from tongliao.disclosure.bilingual.titles import title_parts
from tongliao.disclosure.browser.base import _Base
from tongliao.disclosure.platform import catalogue
from tongliao.disclosure.platform.browser.listing import listing_rows
from tongliao.disclosure.platform.catalogue import CatalogueQuery
from zope.component import queryMultiAdapter


HOME_VIEW = "disclosure-home"
LATEST = 10


class DisclosureHome(_Base):
    def agencies(self):
        """Agencies with their 依申请公开 and 年报 sections (brains only)."""
        rows = []
        for brain in api.content.find(
            portal_type="DisclosureAgency", sort_on="sortable_title"
        ):
            url = brain.getURL()
            rows.append(
                {
                    "url": url,
                    **title_parts(brain.Title, title_mn(brain)),
                    "catalogue": f"{url}/@@disclosure-catalog",
                    "on_request": f"{url}/ysqgk",
                    "annual_reports": f"{url}/zfxxgknb",
                }
            )
        return rows

    def latest(self):
        result = catalogue.search(
            self.context, CatalogueQuery(b_size=LATEST), with_facets=False
        )
        return {"total": result.total, "rows": listing_rows(result.brains)}

    def site_title(self):
        """The site title of the control panel (what the browser tab shows)."""
        return (
            api.portal.get_registry_record("plone.site_title", default=None)
            or self.context.Title()
        )

    def heading(self):
        """The site title in the page's language (bilingual/): the Mongolian
        one on a Mongolian page, else the Chinese one (tagged and marked)."""
        return title_parts(self.site_title(), site_title_mn())

    def catalogue_url(self):
        return f"{self.context.absolute_url()}/@@disclosure-catalog"

    def lookup_url(self):
        if queryMultiAdapter((self.context, self.request), name="application-lookup"):
            return f"{self.context.absolute_url()}/@@application-lookup"
        return None


def set_home_as_default(portal):
    """Make @@disclosure-home the site's default view (demo profile)."""
    fti = api.portal.get_tool("portal_types").getTypeInfo(portal)
    methods = tuple(fti.view_methods)
    if HOME_VIEW not in methods:
        fti.manage_changeProperties(view_methods=methods + (HOME_VIEW,))
    portal.setLayout(HOME_VIEW)
