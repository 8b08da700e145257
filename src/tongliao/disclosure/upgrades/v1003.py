"""1002 → 1003.

- The head of the disclosure office can open the cases they approve
  extensions for. The approver (``DisclosureApprover``, group 审批领导) holds
  'Approve extension' but could not view an open case, so
  ``@@approve-extension`` and ``@case-actions`` refused them over the web. Open
  cases (registered, awaiting correction, processing, consulting) now grant
  them View and Access contents information; the applicant's personal data
  stays masked (they do not hold 'View applicant data').
- 蒙汉双语: the Mongolian masthead subtitle, organizer and operator settings;
  the standard's Mongolian titles on every agency's sections (where none is
  set); the ``title_mn`` catalog column no longer holds a title acquired from
  the agency.
"""

from plone import api
from tongliao.disclosure.bilingual.content import add_section_titles
from tongliao.disclosure.upgrades import reload_profile_steps


def upgrade(context):
    reload_profile_steps(context, "workflow", "plone.app.registry")
    workflow = api.portal.get_tool("portal_workflow")
    definition = workflow["disclosure_application_workflow"]
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="DisclosureApplication"):
        definition.updateRoleMappingsFor(brain._unrestrictedGetObject())
    for brain in catalog.unrestrictedSearchResults(portal_type="DisclosureAgency"):
        add_section_titles(brain._unrestrictedGetObject())
    # Metadata written before the title_mn indexer stopped acquiring.
    for brain in catalog.unrestrictedSearchResults():
        if getattr(brain, "title_mn", None):
            brain._unrestrictedGetObject().reindexObject(idxs=["getId"])
