"""Handling of a DisclosureComplaint: each action is an event plus a transition
of ``disclosure_complaint_workflow`` (fired only here, with the runner role).

received → accepted | not_accepted (reason) → investigating → concluded
(substantiated or not, measures) → replied → pending_publication → published
(→ replied again when the publication is withdrawn, with a reason).
Deciding and closing need ``Handle complaint`` (the supervising office, see
routing.py) and are refused to staff of the agency complained about;
publishing needs ``Publish participation`` and someone other than the proposer.
"""

from plone import api
from plone.dexterity.utils import createContentInContainer
from tongliao.disclosure import _
from tongliao.disclosure.applications.notices import send_text_mail
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.casehistory import ActionError  # noqa: F401 (API)
from tongliao.disclosure.casehistory import available_transitions
from tongliao.disclosure.casehistory import current_actor
from tongliao.disclosure.casehistory import fire
from tongliao.disclosure.casehistory import register_filing
from tongliao.disclosure.casehistory import require
from tongliao.disclosure.complaints.engine import COMPLAINT_DEFAULTS
from tongliao.disclosure.complaints.engine import complaint_due
from tongliao.disclosure.complaints.routing import is_agency_staff
from tongliao.disclosure.complaints.routing import route
from tongliao.disclosure.deadlines import CalendarCoverageError
from tongliao.disclosure.ids import free_id
from tongliao.disclosure.states import state_title
from tongliao.disclosure.tracking import find_by_code
from tongliao.disclosure.tracking import tracking_code_hash

import contextlib
import secrets


WORKFLOW_ID = "disclosure_complaint_workflow"
FILER = "complainant"  # the actor of events done by the public
HANDLE_COMPLAINT = "tongliao.disclosure: Handle complaint"
PUBLISH_PARTICIPATION = "tongliao.disclosure: Publish participation"
OPEN_STATES = ("received", "accepted", "investigating", "concluded")

# action -> (transition, permission)
ACTIONS = {
    "accept": ("accept", HANDLE_COMPLAINT),
    "not_accept": ("not_accept", HANDLE_COMPLAINT),
    "investigate": ("investigate", HANDLE_COMPLAINT),
    "conclude": ("conclude", HANDLE_COMPLAINT),
    "reply": ("reply", HANDLE_COMPLAINT),
    "propose_publication": ("propose_publication", HANDLE_COMPLAINT),
    "publish": ("publish", PUBLISH_PARTICIPATION),
    "return_publication": ("return_publication", PUBLISH_PARTICIPATION),
    # Takes a published case off the site again (reason recorded).
    "withdraw_publication": ("withdraw_publication", PUBLISH_PARTICIPATION),
}

MSG_OWN_AGENCY = _(
    "Staff of the agency complained about may not handle this complaint."
)
MSG_SAME_PERSON = _("Someone other than the proposer must approve the publication.")


def complaint_state_title(state, request=None):
    return state_title(state, request, workflow_id=WORKFLOW_ID)


def settings():
    prefix = "tongliao.disclosure.complaint_"
    return {
        key: api.portal.get_registry_record(f"{prefix}{key}", default=None) or value
        for key, value in COMPLAINT_DEFAULTS.items()
    }


def object_by_uid(uid):
    """The object with this UID, read from the UID index (no catalog search)."""
    if not uid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    rid = catalog._catalog.indexes["UID"]._index.get(uid)
    if rid is None:
        return None
    path = catalog._catalog.paths.get(rid)
    return api.portal.get().unrestrictedTraverse(path, None) if path else None


def agency_of(complaint):
    """The agency complained about: by the path kept at filing, else by UID
    (the agency was moved or renamed)."""
    path = getattr(complaint, "agency_path", None)
    if path:
        agency = api.portal.get().unrestrictedTraverse(path, None)
        if agency is not None and agency.UID() == complaint.agency_uid:
            return agency
    return object_by_uid(complaint.agency_uid)


def accepted_date(complaint):
    event = complaint.last_event("accepted")
    return event["date"] if event else None


def due(complaint, today=None):
    """The running Due of the complaint, None when none runs or no calendar."""
    state = api.content.get_state(complaint, default=None)
    try:
        return complaint_due(
            state,
            complaint.received_date,
            accepted_date(complaint),
            get_site_calendar(),
            today or site_today(),
            settings(),
        )
    except CalendarCoverageError:
        return None


def initialise(complaint, event=None):
    """IObjectAddedEvent: tracking code, receipt day, title, 'received' event."""
    if not register_filing(complaint, site_today()):
        return
    complaint.title = f"举报 {complaint.received_date:%Y%m%d}-{secrets.token_hex(2)}"
    complaint.add_event("received", complaint.received_date, current_actor(FILER))


def find_complaint(code, tail):
    return find_by_code("DisclosureComplaint", code, tail)


def _text(params, name):
    value = params.get(name)
    return value.strip() if isinstance(value, str) else ""


def may_act(complaint, action):
    """Whether the current user may do ``action`` now (no message)."""
    try:
        check(complaint, action)
    except ActionError:
        return False
    return True


def check(complaint, action):
    """Raise ActionError unless the current user may do ``action`` now."""
    require(action in ACTIONS, _("Unknown action."))
    transition, permission = ACTIONS[action]
    require(
        api.user.has_permission(permission, obj=complaint),
        _("You may not handle this complaint."),
    )
    require(
        not is_agency_staff(agency_of(complaint), api.user.get_current()),
        MSG_OWN_AGENCY,
    )
    require(
        transition in available_transitions(complaint),
        _("This action is not possible in the current state."),
    )
    if action in ("publish", "return_publication"):
        proposed = complaint.last_event("publication_proposed")
        require(
            proposed is None or proposed["actor"] != current_actor(FILER),
            MSG_SAME_PERSON,
        )


def perform(complaint, action, note="", **params):
    """Do one action as the current user; returns the event stored.

    Raises ActionError (nothing changes) when the action is impossible.
    """
    check(complaint, action)
    transition, _permission = ACTIONS[action]
    data = {}
    if action == "not_accept":
        reason = _text(params, "reason")
        require(reason, _("Give the reason for not accepting the complaint."))
        complaint.refusal_reason = reason
    elif action == "conclude":
        verdict = params.get("substantiated")
        require(
            verdict in ("yes", "no", True, False),
            _("Say whether the complaint is substantiated."),
        )
        finding = _text(params, "finding")
        require(finding, _("Describe the finding."))
        substantiated = verdict in ("yes", True)
        measures = _text(params, "measures")
        require(
            measures or not substantiated,
            _("Describe the measures taken for a substantiated complaint."),
        )
        complaint.substantiated = substantiated
        complaint.finding = finding
        complaint.measures = measures
        data["substantiated"] = substantiated
    elif action == "reply":
        reply_text = _text(params, "reply_text")
        require(reply_text, _("Write the reply to the complainant."))
        complaint.reply_text = reply_text
    elif action == "propose_publication":
        summary = _text(params, "public_summary")
        require(
            summary,
            _("Write the anonymised summary: no name, phone, e-mail or ID number."),
        )
        complaint.public_summary = summary
    elif action == "return_publication":
        require(_text(params, "reason"), _("Give the reason for returning it."))
    elif action == "withdraw_publication":
        require(
            _text(params, "reason"),
            _("Give the reason for withdrawing the publication."),
        )
    event_type = {
        "accept": "accepted",
        "not_accept": "not_accepted",
        "investigate": "investigating",
        "conclude": "concluded",
        "reply": "replied",
        "propose_publication": "publication_proposed",
        "publish": "published",
        "return_publication": "publication_returned",
        "withdraw_publication": "publication_withdrawn",
    }[action]
    note = note or _text(params, "reason")
    event = complaint.add_event(
        event_type, site_today(), current_actor(FILER), note=note, **data
    )
    fire(complaint, transition)
    if action == "reply" and complaint.email:
        send_text_mail(
            complaint.email,
            "您的举报已办结",
            f"您的举报（查询码 {complaint.tracking_code}）已办结。\n\n{reply_text}",
        )
    complaint.reindexObject()
    return event


# Filing ------------------------------------------------------------------------

BOX_ID = "complaints"
BOX_TITLE = "举报受理"


def complaint_box():
    """The site-level folder that keeps every complaint (made on first use).

    Complaints live outside the agencies' folders, so no local role on an
    agency reaches the complaints about it.
    """
    portal = api.portal.get()
    box = portal.get(BOX_ID)
    if box is None:
        with api.env.adopt_roles(["Manager"]):
            box = createContentInContainer(
                portal, "Folder", checkConstraints=False, id=BOX_ID, title=BOX_TITLE
            )
            box.exclude_from_nav = True
            # Public like the site, so the breadcrumb to a published case works;
            # its listing shows only the cases the visitor may see.
            if api.portal.get_tool("portal_workflow").getChainFor(box):
                with contextlib.suppress(api.exc.InvalidParameterError):
                    api.content.transition(box, to_state="published")
            box.reindexObject()
    return box


def application_by_code(code):
    """The UID of the DisclosureApplication with this tracking code, or None."""
    digest = tracking_code_hash(code)
    if not digest:
        return None
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="DisclosureApplication", tracking_code_hash=digest
    )
    return brains[0].UID if brains else None


def file_complaint(agency, **data):
    """Create the complaint about ``agency`` (as the system) and route it."""
    box = complaint_box()
    with api.env.adopt_roles(["Manager"]):
        complaint = createContentInContainer(
            box,
            "DisclosureComplaint",
            checkConstraints=False,
            id=free_id(box, f"complaint-{site_today():%Y%m%d}-{secrets.token_hex(4)}"),
            agency_uid=agency.UID(),
            **data,
        )
    complaint.agency_path = "/".join(agency.getPhysicalPath())
    route(complaint, agency)
    complaint.reindexObject()
    return complaint
