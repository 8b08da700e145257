"""Views of an agency's disclosure area: the agency home and its sections."""

from plone import api
from tongliao.disclosure.bilingual.dates import date_text
from tongliao.disclosure.bilingual.titles import title_mn
from tongliao.disclosure.bilingual.titles import title_parts
from tongliao.disclosure.browser.base import _Base
from tongliao.disclosure.platform import catalogue
from tongliao.disclosure.platform.browser.listing import listing_rows
from tongliao.disclosure.platform.catalogue import CatalogueQuery
from tongliao.disclosure.platform.sections import SECTION_BY_KIND
from tongliao.disclosure.platform.sections import SECTION_TYPE
from tongliao.disclosure.policy.agency import find_agency
from tongliao.disclosure.policy.browser.views import DisclosureAgencyView
from zope.component import queryMultiAdapter


LISTING_SIZE = 20
DOCUMENT_KINDS = ("policy_documents", "regulations", "normative")


def agency_sections(agency):
    """Top-level sections of ``agency``: [{url, title}] from brains."""
    if agency is None:
        return []
    path = "/".join(agency.getPhysicalPath())
    brains = api.content.find(
        portal_type=SECTION_TYPE,
        path={"query": path, "depth": 1},
        sort_on="getObjPositionInParent",
    )
    return [
        {"url": brain.getURL(), **title_parts(brain.Title, title_mn(brain))}
        for brain in brains
    ]


class _AreaMixin:
    def agency(self):
        return find_agency(self.context)

    def latest_documents(self, size=10, extra=None):
        agency = self.agency()
        query = CatalogueQuery(b_size=size)
        result = catalogue.search(agency, query, with_facets=False, extra=extra)
        return {"total": result.total, "rows": listing_rows(result.brains)}

    def apply_url(self):
        agency = self.agency()
        if agency is not None and queryMultiAdapter(
            (agency, self.request), name="apply"
        ):
            return f"{agency.absolute_url()}/@@apply"
        return None

    def lookup_url(self):
        portal = api.portal.get()
        if queryMultiAdapter((portal, self.request), name="application-lookup"):
            return f"{portal.absolute_url()}/@@application-lookup"
        return None


class SectionView(_Base, _AreaMixin):
    """A section: its kind's listing, then its own free content."""

    def kind(self):
        return self.context.section_kind or "free"

    def definition(self):
        return SECTION_BY_KIND.get(self.kind())

    def is_document_section(self):
        return self.kind() in DOCUMENT_KINDS

    def documents(self):
        definition = self.definition()
        extra = dict(definition.criteria) if definition else {}
        return self.latest_documents(LISTING_SIZE, extra)

    def catalogue_url(self):
        return f"{self.agency().absolute_url()}/@@disclosure-catalog"

    def items(self):
        """Published items of the kind's types in the agency (permission-aware)."""
        definition = self.definition()
        if (
            definition is None
            or not definition.portal_types
            or self.is_document_section()
        ):
            return []
        brains = api.content.find(
            portal_type=list(definition.portal_types),
            path="/".join(self.agency().getPhysicalPath()),
            sort_on="effective",
            sort_order="reverse",
            sort_limit=LISTING_SIZE,
        )[:LISTING_SIZE]
        return [
            {
                "url": brain.getURL(),
                **title_parts(brain.Title, title_mn(brain)),
                "description": brain.Description,
                "date": date_text(catalogue.publication_date(brain)),
                "review_state": brain.review_state,
            }
            for brain in brains
        ]

    def children(self):
        return self.contents()


class AgencyHomeView(DisclosureAgencyView, _AreaMixin):
    """The agency's disclosure area: contact data, sections, latest documents."""

    def sections(self):
        return agency_sections(self.context)

    def catalogue_url(self):
        return f"{self.context.absolute_url()}/@@disclosure-catalog"
