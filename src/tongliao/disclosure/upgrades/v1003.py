"""1002 → 1003: the head of the disclosure office can open the cases they
approve extensions for.

The approver (``DisclosureApprover``, group 审批领导) holds 'Approve extension'
but could not view an open case, so ``@@approve-extension`` and
``@case-actions`` refused them over the web. Open cases (registered,
awaiting correction, processing, consulting) now grant them View and Access
contents information; the applicant's personal data stays masked (they do not
hold 'View applicant data').
"""

from plone import api
from tongliao.disclosure.upgrades import reload_profile_steps


def upgrade(context):
    reload_profile_steps(context, "workflow")
    workflow = api.portal.get_tool("portal_workflow")
    definition = workflow["disclosure_application_workflow"]
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="DisclosureApplication"):
        definition.updateRoleMappingsFor(brain._unrestrictedGetObject())
