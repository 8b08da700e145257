"""Who handles a complaint: the disclosure office above the agency concerned,
never the agency complained about.

The site-level group ``complaint_handlers`` (政务公开办公室, role
``ComplaintHandler``) handles every complaint by default. The registry record
``tongliao.disclosure.complaint_routing`` maps an agency (its id) to the group
of its supervising office, one ``agency-id=group-id`` line each; that group
gets the ``ComplaintHandler`` role on each complaint about the agency. Whoever
holds a local role on the agency concerned (its own staff) may not decide or
close a complaint about it, whatever else they hold.
"""

from plone import api


HANDLER_ROLE = "ComplaintHandler"
DEFAULT_GROUP = "complaint_handlers"
ROUTING_RECORD = "tongliao.disclosure.complaint_routing"
# Local roles that make someone staff of an agency (Owner is whoever created
# the folder, usually the site administrator).
STAFF_ROLES = frozenset(
    {
        "Contributor",
        "Editor",
        "Reader",
        "Reviewer",
        "DepartmentReviewer",
        "SecrecyReviewer",
        "DisclosureApprover",
        "DisclosureOfficer",
    }
)


def parse_routing(lines):
    """{agency id: group id} from ``agency-id=group-id`` lines (others ignored)."""
    table = {}
    for line in lines or ():
        agency_id, sep, group_id = (line or "").partition("=")
        if sep and agency_id.strip() and group_id.strip():
            table[agency_id.strip()] = group_id.strip()
    return table


def supervising_group(agency):
    """The group id of the office that handles complaints about ``agency``."""
    lines = api.portal.get_registry_record(ROUTING_RECORD, default=None) or ()
    return parse_routing(lines).get(agency.getId(), DEFAULT_GROUP)


def route(complaint, agency):
    """Give the supervising office the handler role on this complaint."""
    group_id = supervising_group(agency)
    if group_id != DEFAULT_GROUP:
        complaint.manage_setLocalRoles(group_id, [HANDLER_ROLE])
    return group_id


def is_agency_staff(agency, user):
    """Whether ``user`` (or one of its groups) holds a staff role on ``agency``."""
    if agency is None or user is None:
        return False
    principals = {user.getId()} | set(getattr(user, "getGroups", list)() or ())
    for principal, roles in agency.get_local_roles():
        if principal in principals and STAFF_ROLES.intersection(roles):
            return True
    return False
