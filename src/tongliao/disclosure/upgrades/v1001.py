"""1000 → 1001: every write path reviewed (先审查、后公开); applications' new
permission (approve extension) and settings (notice receipt, duplicate window,
notice templates), the agencies' notice settings behavior, and the catalog
indexes table 四 and the fee figures are computed from.

New workflows for agencies and structure, the review workflow's new permissions
and ``withdraw_on_change``, guards that no longer use a browser view, agencies
that accept only this add-on's types, and the ``Manage staff groups`` permission.
Plain content already placed in an agency's sections moves to the review
workflow: it starts as a draft (hidden from the public) until it has been
reviewed, which is the safe reading of 先审查、后公开 for content nobody reviewed.
"""

from plone import api
from tongliao.disclosure.interfaces import IReviewable
from tongliao.disclosure.review.placement import placed_for_review
from tongliao.disclosure.upgrades import reload_profile_steps
from zope.interface import alsoProvides


def upgrade(context):
    reload_profile_steps(
        context, "rolemap", "workflow", "typeinfo", "plone.app.registry"
    )
    catalog = api.portal.get_tool("portal_catalog")
    for agency in catalog.unrestrictedSearchResults(portal_type="DisclosureAgency"):
        path = agency.getPath()
        for brain in catalog.unrestrictedSearchResults(path=path):
            obj = brain._unrestrictedGetObject()
            if placed_for_review(obj) and not IReviewable.providedBy(obj):
                alsoProvides(obj, IReviewable)
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    catalog.reindexIndex(
        ["review_state", "object_provides", "allowedRolesAndUsers"], None
    )
    add_application_report_indexes(catalog)


# Indexes and metadata of DisclosureApplications for table 四 and the fees.
NEW_INDEXES = (("remedy_years", "KeywordIndex"), ("fee_paid_year", "FieldIndex"))
NEW_COLUMNS = ("remedy_proceedings", "fee_paid_amount")


def add_application_report_indexes(catalog):
    added = []
    for name, meta_type in NEW_INDEXES:
        if name not in catalog.indexes():
            catalog.addIndex(name, meta_type)
            added.append(name)
    new_columns = [name for name in NEW_COLUMNS if name not in catalog.schema()]
    for name in new_columns:
        catalog.addColumn(name)
    if not (added or new_columns):
        return
    for brain in catalog.unrestrictedSearchResults(portal_type="DisclosureApplication"):
        catalog.reindexObject(
            brain._unrestrictedGetObject(),
            idxs=added or ["getId"],
            update_metadata=True,
        )
