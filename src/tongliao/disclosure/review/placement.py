"""No one-step publication under an agency: plain content placed there is reviewed.

Plone's own types (Document, File, Image, Link, Folder, News Item, Event …) get
``disclosure_review_workflow`` when they live in an agency's disclosure area
(in practice in its sections: the agency itself only accepts this add-on's types)
and are not the attachment of one of this add-on's items. Anywhere else the
site's own chain applies (a page at the site root keeps Plone's workflow).

This is a workflow *chain* adapter (``plone.base.interfaces.IWorkflowChain``),
the hook Plone's workflow tool asks for every object, so every channel sees the
same chain: the catalog's ``review_state``, ``@workflow``, folder contents.
Such items are also marked ``IReviewable`` so the review panel, ``@review``,
the queue and the integrity rule treat them like a policy document.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.base.interfaces import IWorkflowChain
from plone.dexterity.interfaces import IDexterityContent
from Products.CMFCore.interfaces import ISiteRoot
from Products.CMFCore.interfaces import IWorkflowTool
from Products.CMFPlacefulWorkflow.adapter import PlacefulWorkflowChain
from Products.CMFPlacefulWorkflow.interfaces import IPlacefulMarker
from Products.CMFPlone.workflow import ToolWorkflowChain
from tongliao.disclosure.interfaces import IReviewable
from zope.component import adapter
from zope.interface import alsoProvides
from zope.interface import implementer


WORKFLOW_ID = "disclosure_review_workflow"
AGENCY_TYPE = "DisclosureAgency"
# This add-on's structure: content below them is "placed in the agency".
STRUCTURE_TYPES = frozenset(
    ("DisclosureAgency", "DisclosureSection", "StandardDirectory", "DirectoryCategory")
)
# This add-on's items: their chains come from the profile, and what lives inside
# them (attachments, evidence) follows them.
OWN_TYPES = STRUCTURE_TYPES | frozenset(
    (
        "PolicyDocument",
        "PolicyInterpretation",
        "DirectoryItem",
        "DisclosureGuide",
        "AnnualReport",
        "DisclosureApplication",
        "DisclosureComplaint",
        "PublicMessage",
        "PolicyConsultation",
        "ConsultationFeedback",
        "Assessment",
        "AccountabilityRecord",
    )
)


def placed_for_review(obj):
    """True when ``obj`` is plain content in an agency's disclosure area."""
    if getattr(aq_base(obj), "portal_type", None) in OWN_TYPES:
        return False
    current = aq_parent(aq_inner(obj))
    while current is not None and not ISiteRoot.providedBy(current):
        portal_type = getattr(aq_base(current), "portal_type", None)
        if portal_type == AGENCY_TYPE:
            return True
        if portal_type in OWN_TYPES and portal_type not in STRUCTURE_TYPES:
            return False  # an attachment: governed by its item
        current = aq_parent(current)
    return False


@adapter(IDexterityContent, IWorkflowTool)
@implementer(IWorkflowChain)
def disclosure_workflow_chain(context, tool):
    if WORKFLOW_ID in tool.objectIds() and placed_for_review(context):
        return (WORKFLOW_ID,)
    if IPlacefulMarker.providedBy(tool):
        return PlacefulWorkflowChain(context, tool)
    return ToolWorkflowChain(context, tool)


def mark_reviewable(obj, event):
    """Added or moved into an agency's area: reviewable like the add-on's items."""
    if event.object is not obj or event.newParent is None:
        return
    if placed_for_review(obj) and not IReviewable.providedBy(obj):
        alsoProvides(obj, IReviewable)
        obj.reindexObject(idxs=["object_provides"])
