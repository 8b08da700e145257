"""1000 → 1001: every write path reviewed (先审查、后公开); applications' new
permission (approve extension) and settings (notice receipt, duplicate window).

New workflows for agencies and structure, the review workflow's new permissions
and ``withdraw_on_change``, guards that no longer use a browser view, agencies
that accept only this add-on's types, and the ``Manage staff groups`` permission.
Plain content already placed in an agency's sections moves to the review
workflow: it starts as a draft (hidden from the public) until it has been
reviewed, which is the safe reading of 先审查、后公开 for content nobody reviewed.

The FTIs now name the classes in their feature packages (``policy``,
``platform`` …): reloading typeinfo and reindexing ``object_provides`` (the
schema interfaces' dotted names changed) covers that; objects already stored
unpickle through the alias modules kept at the old paths.
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
