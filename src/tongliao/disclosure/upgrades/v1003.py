"""1002 → 1003.

- The head of the disclosure office can open the cases they approve
  extensions for. The approver (``DisclosureApprover``, group 审批领导) holds
  'Approve extension' but could not view an open case, so
  ``@@approve-extension`` and ``@case-actions`` refused them over the web. Open
  cases (registered, awaiting correction, processing, consulting) now grant
  them View and Access contents information; the applicant's personal data
  stays masked (they do not hold 'View applicant data').
- A published anonymised complaint or message can be withdrawn from the site
  (``withdraw_publication``, by who may approve publications, with a reason):
  the new transition, and 'Publish participation' in the published state.
- 蒙汉双语: the Mongolian masthead subtitle, organizer and operator settings;
  the standard's Mongolian titles on every agency's sections (where none is
  set); the ``title_mn`` catalog column no longer holds a title acquired from
  the agency.
- Art. 26 "or of its change": PolicyDocument's 信息变更日期 (``date_changed``)
  and the day of its last publication (``last_published``, set on every
  publication; for documents published before this step: their 发布日期),
  the catalog index ``last_published`` and both columns.
- A shared link shows the government emblem (site logo, unless the site has
  one of its own), not the Plone logo.
- 意见征集 in the assessment: PolicyConsultation's columns ``feedback_deadline``
  and ``feedback_date`` (setting ``consultation_feedback_working_days``).
"""

from plone import api
from tongliao.disclosure.bilingual.content import add_section_titles
from tongliao.disclosure.chinatime import to_china
from tongliao.disclosure.platform.share import ensure_share_image
from tongliao.disclosure.upgrades import reload_profile_steps


REMAPPED = (
    ("DisclosureApplication", "disclosure_application_workflow"),
    ("DisclosureComplaint", "disclosure_complaint_workflow"),
    ("PublicMessage", "disclosure_message_workflow"),
)


def upgrade(context):
    reload_profile_steps(context, "workflow", "plone.app.registry")
    workflow = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    for portal_type, workflow_id in REMAPPED:
        definition = workflow[workflow_id]
        for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
            definition.updateRoleMappingsFor(brain._unrestrictedGetObject())
    for brain in catalog.unrestrictedSearchResults(portal_type="DisclosureAgency"):
        add_section_titles(brain._unrestrictedGetObject())
    # Metadata written before the title_mn indexer stopped acquiring.
    for brain in catalog.unrestrictedSearchResults():
        if getattr(brain, "title_mn", None):
            brain._unrestrictedGetObject().reindexObject(idxs=["getId"])
    add_change_dates(catalog)
    add_feedback_columns(catalog)
    ensure_share_image()


def add_change_dates(catalog):
    if "last_published" not in catalog.indexes():
        catalog.addIndex("last_published", "FieldIndex")
    for name in ("date_changed", "last_published"):
        if name not in catalog.schema():
            catalog.addColumn(name)
    for brain in catalog.unrestrictedSearchResults(
        portal_type="PolicyDocument", review_state="published"
    ):
        doc = brain._unrestrictedGetObject()
        if getattr(doc.aq_base, "last_published", None) is None and doc.effective_date:
            doc.last_published = to_china(doc.effective_date).date()
        catalog.reindexObject(doc, idxs=["last_published"], update_metadata=True)


def add_feedback_columns(catalog):
    for name in ("feedback_deadline", "feedback_date"):
        if name not in catalog.schema():
            catalog.addColumn(name)
    for brain in catalog.unrestrictedSearchResults(portal_type="PolicyConsultation"):
        catalog.reindexObject(
            brain._unrestrictedGetObject(), idxs=["getId"], update_metadata=True
        )
