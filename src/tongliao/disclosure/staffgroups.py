"""Who may grant the staff roles that reach personal data or review steps.

Membership of the groups that carry ``DepartmentReviewer``, ``SecrecyReviewer``,
``DisclosureApprover`` and ``DisclosureOfficer`` — and direct assignment of those
roles — needs the permission ``tongliao.disclosure: Manage staff groups``, which
only Manager holds (a Site Administrator manages users but cannot make themselves
a reviewer or read applicants' personal data). Every change is recorded (who,
when, which group or role, which principal) in the site's staff log, shown to
Managers on ``@@staff-log``.

Every channel ends in PAS: group membership through the ``PrincipalAddedToGroup``
and ``PrincipalRemovedFromGroup`` events of the group plugin; direct role
assignment has no event, so a writing request compares the holders of the
protected roles after traversal with those before it commits.
"""

from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from datetime import datetime
from datetime import UTC
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations


PERMISSION = "tongliao.disclosure: Manage staff groups"
PROTECTED_ROLES = (
    "DepartmentReviewer",
    "SecrecyReviewer",
    "DisclosureApprover",
    "DisclosureOfficer",
    "ComplaintHandler",
    "DisclosureSupervisor",
)
PROTECTED_GROUPS = (
    "department_reviewers",
    "secrecy_reviewers",
    "disclosure_approvers",
    "disclosure_officers",
    "complaint_handlers",
    "disclosure_supervisors",
)
LOG_KEY = "tongliao.disclosure.staff_log"
HOLDERS_KEY = "tongliao.disclosure.staff_role_holders"  # request environ


def _portal():
    try:
        return api.portal.get()
    except api.exc.CannotGetPortalError:
        return None


def may_manage(portal):
    return bool(getSecurityManager().checkPermission(PERMISSION, portal))


def _actor():
    user = getSecurityManager().getUser()
    return user.getId() or user.getUserName()


def record(portal, action, group_or_role, principal):
    annotations = IAnnotations(portal)
    log = annotations.get(LOG_KEY)
    if log is None:
        log = annotations[LOG_KEY] = PersistentList()
    log.append(
        {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "actor": _actor(),
            "action": action,
            "target": group_or_role,
            "principal": principal,
        }
    )


def staff_log(portal):
    return [dict(entry) for entry in IAnnotations(portal).get(LOG_KEY, ())]


def _membership_changed(event, action):
    if event.group_id not in PROTECTED_GROUPS:
        return
    portal = _portal()
    if portal is None:
        return
    if not may_manage(portal):
        raise Unauthorized(
            "Only a Manager may change the membership of the disclosure staff groups"
        )
    record(portal, action, event.group_id, event.principal)


def on_added_to_group(event):
    _membership_changed(event, "added")


def on_removed_from_group(event):
    _membership_changed(event, "removed")


def role_holders(portal):
    """{role: sorted principal ids} of the protected global roles."""
    manager = portal.acl_users.portal_role_manager
    return {
        role: sorted(pid for pid, _title in manager.listAssignedPrincipals(role))
        for role in PROTECTED_ROLES
    }


def _writing_portal(request):
    if request.get("REQUEST_METHOD", "GET") in ("GET", "HEAD"):
        return None
    portal = _portal()
    if portal is None or "portal_role_manager" not in portal.acl_users.objectIds():
        return None
    return portal


def remember_role_holders(event):
    """After traversal of a writing request: who holds the protected roles now."""
    portal = _writing_portal(event.request)
    if portal is not None:
        event.request.environ[HOLDERS_KEY] = role_holders(portal)


def check_role_assignments(event):
    """Before a writing request commits: protected roles changed only by a Manager."""
    before = event.request.environ.get(HOLDERS_KEY)
    portal = _writing_portal(event.request)
    if before is None or portal is None:
        return
    after = role_holders(portal)
    if after == before:
        return
    if not may_manage(portal):
        raise Unauthorized("Only a Manager may assign the disclosure staff roles")
    for role in PROTECTED_ROLES:
        for principal in sorted(set(after[role]) - set(before[role])):
            record(portal, "role granted", role, principal)
        for principal in sorted(set(before[role]) - set(after[role])):
            record(portal, "role revoked", role, principal)
