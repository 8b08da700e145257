"""Coordination glue: the request at submit, decisions, override, approval block.

Nothing here searches the catalog: ``approval_problems`` runs inside the guard
of ``approve`` and ``request_coordination`` inside a transition's event.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from datetime import date
from plone import api
from tongliao.disclosure import _
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.coordination.behavior import ICoordination
from tongliao.disclosure.coordination.engine import coordination_status
from tongliao.disclosure.coordination.engine import open_agencies
from tongliao.disclosure.coordination.records import append_record
from tongliao.disclosure.coordination.records import get_records
from tongliao.disclosure.interfaces import IApprovalCondition
from tongliao.disclosure.policy.agency import find_agency
from tongliao.disclosure.review.notify import mail_users
from tongliao.disclosure.review.workflow import creators
from tongliao.disclosure.review.workflow import PENDING_STATES
from tongliao.disclosure.review.workflow import review_round
from tongliao.disclosure.review.workflow import ReviewError
from tongliao.disclosure.review.workflow import submitter
from tongliao.disclosure.review.workflow import workflow_history
from tongliao.disclosure.workdays import CalendarCoverageError
from zope.component import adapter
from zope.interface import implementer


# Given on an agency (its sharing tab): the people who answer for it. It grants
# nothing by itself; the document's provider below turns it into
# COORDINATOR_ROLE on the documents that ask that agency, while they are in review.
AGENCY_ROLE = "AgencyCoordinator"
COORDINATOR_ROLE = "CoordinationReviewer"
DEADLINE_RECORD = "tongliao.disclosure.coordination_deadline_working_days"
DEFAULT_DEADLINE = 5
APPROVE_PERMISSION = "tongliao.disclosure: Approve publication"


def current_state(obj):
    """The review state read from the history (no tool, no security check)."""
    history = workflow_history(obj)
    return history[-1].get("review_state") if history else None


def co_agencies(obj):
    """The agencies named on ``obj`` (other than its own), in the order given."""
    own = find_agency(obj)
    own_uid = own.UID() if own is not None else None
    agencies, seen = [], set()
    for relation in getattr(aq_base(obj), "co_agencies", None) or ():
        agency = getattr(relation, "to_object", None)
        if agency is None or agency.portal_type != "DisclosureAgency":
            continue
        uid = agency.UID()
        if uid in seen or uid == own_uid:
            continue
        seen.add(uid)
        agencies.append(agency)
    return agencies


def status(obj, today=None):
    """The coordination state of the current round (None: no request)."""
    if not ICoordination.providedBy(obj):
        return None
    return coordination_status(
        get_records(obj), review_round(obj), today or site_today()
    )


def is_open(obj):
    """A request of this round still waits for answers or an override."""
    return current_state(obj) in PENDING_STATES and bool(open_agencies(status(obj)))


def deadline_days():
    value = api.portal.get_registry_record(DEADLINE_RECORD, default=DEFAULT_DEADLINE)
    return value if isinstance(value, int) and value >= 0 else DEFAULT_DEADLINE


def request_coordination(obj):
    """At submit: a request record naming the co-agencies and the due date."""
    agencies = co_agencies(obj)
    if not agencies:
        return None
    try:
        due = get_site_calendar().add_working_days(site_today(), deadline_days())
        due = due.isoformat()
    except CalendarCoverageError:
        due = None  # shown as "unknown"; staff see the calendar warning
    record = append_record(
        obj,
        round=review_round(obj),
        kind="request",
        agencies=[{"uid": a.UID(), "title": a.Title()} for a in agencies],
        due=due,
    )
    notify_coordinators(obj, agencies, due)
    return record


def coordinators(agency):
    """The users who answer for ``agency`` (given the role directly or by group)."""
    users = {}
    for principal_id, roles in agency.get_local_roles():
        if AGENCY_ROLE not in roles:
            continue
        user = api.user.get(userid=principal_id)
        if user is not None:
            users[principal_id] = user
            continue
        if api.group.get(groupname=principal_id) is not None:
            for member in api.user.get_users(groupname=principal_id):
                users[member.getId()] = member
    return list(users.values())


def date_text(iso):
    """2026年12月7日, or a dash when the due date is unknown."""
    if not iso:
        return "—"
    day = date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def notify_coordinators(obj, agencies, due, overdue=False):
    """Mail the co-agencies' coordinators that a confirmation is asked (or, with
    ``overdue``, that their answer is past due)."""
    authors = creators(obj) | {submitter(obj)}
    users = {}
    for agency in agencies:
        for user in coordinators(agency):
            if user.getId() not in authors:
                users[user.getId()] = user
    mapping = {
        "title": obj.Title(),
        "url": obj.absolute_url() + "/@@review-panel",
        "due": date_text(due),
        "queue": api.portal.get().absolute_url() + "/@@coordination-queue",
    }
    subject = _("To confirm (coordination): ${title}", mapping=mapping)
    first = _(
        "Your agency is asked to confirm the document ${title} before its "
        "approval, by ${due}.",
        mapping=mapping,
    )
    if overdue:
        subject = _("Overdue (coordination): ${title}", mapping=mapping)
        first = _(
            "Your agency's answer on the document ${title} was due on ${due} and "
            "its approval is waiting for it.",
            mapping=mapping,
        )
    # One msgid a line (mail_users translates each and joins them).
    body = [
        first,
        "",
        _("Confirm or object here: ${url}", mapping=mapping),
        _("Documents waiting for your agency: ${queue}", mapping=mapping),
    ]
    mail_users(obj, list(users.values()), subject, body)
    return len(users)


def _principal_ids(user):
    ids = [user.getId()]
    groups = getattr(user, "getGroups", None)
    return ids + list(groups() if groups else ())


def holds_coordinator_role(agency, principal_ids):
    """The role is given on the agency itself (its sharing tab), to a user or group."""
    return any(
        AGENCY_ROLE in agency.get_local_roles_for_userid(pid) for pid in principal_ids
    )


def agencies_of(obj, user):
    """The co-agencies of the current request ``user`` answers for."""
    current = status(obj)
    if current is None:
        return []
    wanted = {a["uid"] for a in current["agencies"]}
    ids = _principal_ids(user)
    return [
        agency
        for agency in co_agencies(obj)
        if agency.UID() in wanted and holds_coordinator_role(agency, ids)
    ]


def _actor(user):
    return {
        "actor": user.getId(),
        "actor_name": user.getProperty("fullname", "") or user.getId(),
    }


def _not_author(obj, userid):
    if userid in creators(obj) or userid == submitter(obj):
        return [_("You wrote or submitted this item: another person must answer.")]
    return []


def decide(obj, kind, opinion="", agency_uid=None):
    """A co-agency's ``confirm`` or ``object`` as the current user."""
    opinion = (opinion or "").strip()
    if kind not in ("confirm", "object"):
        raise ReviewError([_("Choose confirm or object.")])
    user = api.user.get_current()
    if current_state(obj) not in PENDING_STATES or status(obj) is None:
        raise ReviewError([_("No confirmation is asked of your agency now.")])
    mine = agencies_of(obj, user)
    if agency_uid:
        mine = [a for a in mine if a.UID() == agency_uid]
    if not mine:
        raise ReviewError(
            [_("You do not answer for a co-agency of this document.")], status=403
        )
    if len(mine) > 1:
        raise ReviewError([_("Choose the agency you answer for.")])
    errors = _not_author(obj, user.getId())
    if kind == "object" and not opinion:
        errors.append(_("Give the reason of the objection in the opinion."))
    if errors:
        raise ReviewError(errors)
    agency = mine[0]
    record = append_record(
        obj,
        round=review_round(obj),
        kind=kind,
        agency_uid=agency.UID(),
        agency_title=agency.Title(),
        opinion=opinion,
        **_actor(user),
    )
    obj.reindexObject(idxs=["coordination_open"])
    return record


def may_remind(obj):
    """The approver may remind co-agencies whose answer is overdue."""
    current = status(obj)
    return (
        may_override(obj)
        and current is not None
        and any(agency["overdue"] for agency in current["agencies"])
    )


def remind_overdue(obj):
    """Mail the coordinators of the co-agencies whose answer is overdue;
    returns (agencies reminded, users mailed)."""
    if not may_remind(obj):
        raise ReviewError(
            [_("Only the approver may send reminders, when an answer is overdue.")],
            status=403,
        )
    current = status(obj)
    wanted = {agency["uid"] for agency in current["agencies"] if agency["overdue"]}
    agencies = [agency for agency in co_agencies(obj) if agency.UID() in wanted]
    due = current["due"].isoformat() if current["due"] else None
    return len(agencies), notify_coordinators(obj, agencies, due, overdue=True)


def may_override(obj):
    current = status(obj)
    return (
        current is not None
        and not current["complete"]
        and current_state(obj) == "pending_approval"
        and api.user.has_permission(APPROVE_PERMISSION, obj=obj)
    )


def override(obj, opinion=""):
    """The approver lets approval go ahead without the outstanding agencies."""
    opinion = (opinion or "").strip()
    user = api.user.get_current()
    current = status(obj)
    if current is None or current["complete"]:
        raise ReviewError([_("Nothing is outstanding: no override is needed.")])
    if current_state(obj) != "pending_approval" or not api.user.has_permission(
        APPROVE_PERMISSION, obj=obj
    ):
        raise ReviewError(
            [_("Only the approver may override, at the approval step.")], status=403
        )
    errors = _not_author(obj, user.getId())
    if not opinion:
        errors.append(_("Give the reason of the override in the opinion."))
    if errors:
        raise ReviewError(errors)
    record = append_record(
        obj, round=review_round(obj), kind="override", opinion=opinion, **_actor(user)
    )
    obj.reindexObject(idxs=["coordination_open"])
    return record


@implementer(IApprovalCondition)
@adapter(ICoordination)
class CoordinationCondition:
    """Approval waits until every co-agency confirmed or the approver overrode."""

    def __init__(self, context):
        self.context = context

    def problems(self):
        current = status(self.context)
        if current is None or current["complete"]:
            return []
        titles = "、".join(a["title"] for a in current["outstanding"])
        return [
            _(
                "Not every co-agency has confirmed (${titles}): approval waits for "
                "their confirmation or for the approver's override with a reason.",
                mapping={"titles": titles},
            )
        ]


def after_transition(obj, event):
    """The request goes out at submit; the queue index follows every step."""
    if not event.action:
        return
    if event.action == "submit":
        request_coordination(obj)
    obj.reindexObject(idxs=["coordination_open", "allowedRolesAndUsers"])


# Reading rights of the co-agencies' coordinators (borg.localrole provider). --------


class CoordinatorLocalRoles:
    """``CoordinationReviewer`` on the document for the co-agencies' coordinators
    while a request of the current round is in review (the workflow gives that
    role View in the review states only)."""

    def __init__(self, context):
        self.context = aq_inner(context)

    def _agencies(self):
        obj = self.context
        current = status(obj) if current_state(obj) in PENDING_STATES else None
        if current is None:
            return []
        wanted = {a["uid"] for a in current["agencies"]}
        return [a for a in co_agencies(obj) if a.UID() in wanted]

    def getRoles(self, principal_id):
        for agency in self._agencies():
            if holds_coordinator_role(agency, [principal_id]):
                return (COORDINATOR_ROLE,)
        return ()

    def getAllRoles(self):
        seen = set()
        for agency in self._agencies():
            for principal_id, roles in agency.get_local_roles():
                if AGENCY_ROLE in roles and principal_id not in seen:
                    seen.add(principal_id)
                    yield principal_id, (COORDINATOR_ROLE,)
