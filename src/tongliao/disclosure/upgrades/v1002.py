"""1001 → 1002: the supervision systems and the portal.

- 举报受理 and 政民互动 (``DisclosureComplaint``, ``PublicMessage``), 意见征集
  (``PolicyConsultation``, ``ConsultationFeedback``), 绩效考核 and 责任追究
  (``Assessment``, ``AccountabilityRecord``): their types, workflows, roles,
  permissions, settings, actions and control panels; the staff groups
  ``complaint_handlers`` and ``disclosure_supervisors``; the 意见征集 section of
  every agency.
- 协调: PolicyDocument's co-agencies behavior, the coordination roles and the
  catalog index of open coordination requests.
- The government theme's settings (masthead, footer) and the navigation icons.
- 蒙汉双语: the Mongolian title behavior and its catalog column, the
  standard's Mongolian section titles on every agency's sections, the bilingual
  settings (the site policy profile's languages are a site's own choice:
  re-apply ``tongliao.disclosure:site`` to offer Mongolian).
- Application histories and files, annual-report overrides, logs and snapshots
  move from private attributes into annotations, with UTC timestamps
  (``migration.upgrade.migrate_private_attributes``).
"""

from plone import api
from tongliao.disclosure.bilingual.content import add_section_titles
from tongliao.disclosure.migration.upgrade import migrate_private_attributes
from tongliao.disclosure.setuphandlers import ensure_agency_sections
from tongliao.disclosure.setuphandlers import ensure_staff_groups
from tongliao.disclosure.upgrades import reload_profile_steps


NEW_INDEXES = (
    ("reassessment_date", "FieldIndex"),
    ("interpreted_uids", "KeywordIndex"),
    ("coordination_open", "KeywordIndex"),
)
NEW_COLUMNS = (
    "pending_comments",
    "reassessment_date",
    "interpreted_uids",
    "coordination_open",
    "coordination_due",
    "title_mn",
)
REINDEXED_TYPES = ("PolicyDocument", "PolicyInterpretation", "PolicyConsultation")


def upgrade(context):
    reload_profile_steps(
        context,
        "rolemap",
        "workflow",
        "typeinfo",
        "plone.app.registry",
        "actions",
        "controlpanel",
    )
    ensure_staff_groups()
    ensure_agency_sections()
    for brain in api.content.find(portal_type="DisclosureAgency"):
        add_section_titles(brain.getObject())
    migrate_private_attributes(context)
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    catalog = api.portal.get_tool("portal_catalog")
    added = []
    for name, meta_type in NEW_INDEXES:
        if name not in catalog.indexes():
            catalog.addIndex(name, meta_type)
            added.append(name)
    for name in NEW_COLUMNS:
        if name not in catalog.schema():
            catalog.addColumn(name)
    for brain in catalog.unrestrictedSearchResults(portal_type=REINDEXED_TYPES):
        catalog.reindexObject(
            brain._unrestrictedGetObject(),
            idxs=added or ["getId"],
            update_metadata=True,
        )
