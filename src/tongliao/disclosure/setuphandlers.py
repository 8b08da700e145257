"""Install, uninstall and demo handlers of the GenericSetup profiles."""

from plone import api
from Products.CMFPlone.interfaces import INonInstallable
from tongliao.disclosure import logger
from tongliao.disclosure.demo import create_demo_content
from tongliao.disclosure.platform.sections import ensure_sections
from tongliao.disclosure.platform.share import ensure_share_image
from zope.interface import implementer


# Groups of the disclosure staff and the global roles they carry (ARCHITECTURE.md).
STAFF_GROUPS = (
    ("disclosure_editors", "信息员", ("Contributor", "Editor", "Reader")),
    ("department_reviewers", "初审员", ("DepartmentReviewer",)),
    ("secrecy_reviewers", "保密审查员", ("SecrecyReviewer",)),
    ("disclosure_approvers", "审批领导", ("DisclosureApprover",)),
    ("disclosure_officers", "依申请公开办理员", ("DisclosureOfficer",)),
    # The city's 政务公开办公室: handles complaints (complaints/routing.py).
    ("complaint_handlers", "政务公开办公室（举报受理）", ("ComplaintHandler",)),
    ("disclosure_supervisors", "政务公开办公室", ("DisclosureSupervisor",)),
)

DISCLOSURE_ROLES = (
    "DepartmentReviewer",
    "SecrecyReviewer",
    "DisclosureApprover",
    "DisclosureOfficer",
    "DisclosureSupervisor",
)


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall and site policy profiles from the add-ons panel."""
        return ["tongliao.disclosure:uninstall", "tongliao.disclosure:site"]

    def getNonInstallableProducts(self):
        return []


def ensure_staff_groups():
    """Create the staff groups once; re-running keeps members and fixes roles."""
    for group_id, title, roles in STAFF_GROUPS:
        group = api.group.get(groupname=group_id)
        if group is None:
            group = api.group.create(groupname=group_id, title=title, roles=list(roles))
            logger.info("Created group %s", group_id)
        else:
            api.group.grant_roles(group=group, roles=list(roles))


def ensure_agency_sections():
    """Agencies created before the sections existed get them (idempotent)."""
    for brain in api.content.find(portal_type="DisclosureAgency"):
        ensure_sections(brain.getObject())


def post_install(context):
    """Post install script of the default profile."""
    ensure_staff_groups()
    ensure_agency_sections()
    ensure_share_image()


def uninstall(context):
    """Uninstall keeps the staff groups: they hold the site's user assignments."""
    logger.info("tongliao.disclosure uninstalled; staff groups kept on purpose")


def install_demo(context):
    """Create the demo content (idempotent: existing items are left alone)."""
    create_demo_content(api.portal.get())
