"""1000 → 1001: every write path reviewed (先审查、后公开); applications' new
permission (approve extension) and settings (notice receipt, duplicate window,
notice templates), the agencies' notice settings behavior, and the catalog
indexes table 四 and the fee figures are computed from.

New workflows for agencies and structure, the review workflow's new permissions
and ``withdraw_on_change``, guards that no longer use a browser view, agencies
that accept only this add-on's types, and the ``Manage staff groups`` permission.
Agencies keep their public state (published stays published). Plain content
already placed in an agency's sections moves to the review workflow: it starts as
a draft (hidden from the public) until it has been reviewed, which is the safe
reading of 先审查、后公开 for content nobody reviewed.

The FTIs now name the classes in their feature packages (``policy``,
``platform`` …): reloading typeinfo and reindexing ``object_provides`` (the
schema interfaces' dotted names changed) covers that; objects already stored
unpickle through the alias modules kept at the old paths.
"""

from DateTime import DateTime
from plone import api
from tongliao.disclosure.interfaces import IReviewable
from tongliao.disclosure.review.placement import placed_for_review
from tongliao.disclosure.upgrades import reload_profile_steps
from zope.interface import alsoProvides


def _keep_agency_state(agency, wftool):
    """An agency published under Plone's default workflow stays published."""
    old = (getattr(agency, "workflow_history", None) or {}).get(
        "simple_publication_workflow"
    )
    if not old or "disclosure_agency_workflow" in agency.workflow_history:
        return
    state = old[-1].get("review_state")
    if state not in ("published", "private"):
        state = "private"  # pending: not public before either
    wftool.setStatusOf(
        "disclosure_agency_workflow",
        agency,
        {
            "action": None,
            "actor": "upgrade 1001",
            "comments": "simple_publication_workflow: "
            + str(old[-1].get("review_state")),
            "review_state": state,
            "time": DateTime(),
        },
    )


def upgrade(context):
    reload_profile_steps(
        context, "rolemap", "workflow", "typeinfo", "plone.app.registry"
    )
    catalog = api.portal.get_tool("portal_catalog")
    wftool = api.portal.get_tool("portal_workflow")
    for agency in catalog.unrestrictedSearchResults(portal_type="DisclosureAgency"):
        _keep_agency_state(agency._unrestrictedGetObject(), wftool)
        path = agency.getPath()
        for brain in catalog.unrestrictedSearchResults(path=path):
            obj = brain._unrestrictedGetObject()
            if placed_for_review(obj) and not IReviewable.providedBy(obj):
                alsoProvides(obj, IReviewable)
    wftool.updateRoleMappings()
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
