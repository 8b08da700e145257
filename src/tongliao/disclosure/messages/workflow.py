"""Handling of a PublicMessage (``disclosure_message_workflow``):

received → answered → pending_publication → published (only with the writer's
consent; approved by someone other than the proposer) or back to answered.
Transitions fire only here, with the runner role, so each leaves an event.
"""

from plone import api
from plone.dexterity.utils import createContentInContainer
from tongliao.disclosure import _
from tongliao.disclosure.applications.notices import send_text_mail
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.complaints.engine import MESSAGE_DEFAULTS
from tongliao.disclosure.complaints.engine import message_due
from tongliao.disclosure.deadlines import CalendarCoverageError
from tongliao.disclosure.ids import free_id
from tongliao.disclosure.states import state_title
from tongliao.disclosure.tracking import find_by_code
from tongliao.disclosure.tracking import normalize_phone
from tongliao.disclosure.tracking import unique_tracking_code

import secrets


WORKFLOW_ID = "disclosure_message_workflow"
RUNNER_ROLE = "ApplicationWorkflowRunner"
ANSWER_MESSAGE = "tongliao.disclosure: Answer message"
PUBLISH_PARTICIPATION = "tongliao.disclosure: Publish participation"

ACTIONS = {
    "answer": ("answer", ANSWER_MESSAGE),
    "propose_publication": ("propose_publication", ANSWER_MESSAGE),
    "publish": ("publish", PUBLISH_PARTICIPATION),
    "return_publication": ("return_publication", PUBLISH_PARTICIPATION),
}
EVENT_TYPES = {
    "answer": "answered",
    "propose_publication": "publication_proposed",
    "publish": "published",
    "return_publication": "publication_returned",
}


class ActionError(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def message_state_title(state, request=None):
    return state_title(state, request, workflow_id=WORKFLOW_ID)


def current_actor():
    if api.user.is_anonymous():
        return "writer"
    return api.user.get_current().getId()


def due(message, today=None):
    state = api.content.get_state(message, default=None)
    days = api.portal.get_registry_record(
        "tongliao.disclosure.message_answer_days", default=None
    )
    try:
        return message_due(
            state,
            message.received_date,
            get_site_calendar(),
            today or site_today(),
            {"answer_days": days or MESSAGE_DEFAULTS["answer_days"]},
        )
    except CalendarCoverageError:
        return None


def initialise(message, event=None):
    """IObjectAddedEvent: tracking code, receipt day, 'received' event."""
    if message.__dict__.get("_initialised"):
        return
    message._initialised = True
    if message.phone:
        message.phone = normalize_phone(message.phone)
    message.tracking_code = message.tracking_code or unique_tracking_code()
    message.received_date = site_today()
    message.exclude_from_nav = True  # listed on @@messages, not in navigation
    message.add_event("received", message.received_date, current_actor())


def file_message(agency, **data):
    """Create the message in the agency's folder (as the system)."""
    with api.env.adopt_roles(["Manager"]):
        return createContentInContainer(
            agency,
            "PublicMessage",
            checkConstraints=False,
            id=free_id(agency, f"message-{site_today():%Y%m%d}-{secrets.token_hex(4)}"),
            **data,
        )


def find_message(code, tail):
    return find_by_code("PublicMessage", code, tail)


def available_transitions(message):
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles([RUNNER_ROLE]):
        return {item["id"] for item in workflow.getTransitionsFor(message)}


def _require(condition, message):
    if not condition:
        raise ActionError(message)


def check(message, action):
    _require(action in ACTIONS, _("Unknown action."))
    transition, permission = ACTIONS[action]
    _require(
        api.user.has_permission(permission, obj=message),
        _("You may not handle this message."),
    )
    _require(
        transition in available_transitions(message),
        _("This action is not possible in the current state."),
    )
    if action == "propose_publication":
        _require(
            message.publication_consent,
            _("The writer did not agree to publication."),
        )
    if action in ("publish", "return_publication"):
        proposed = message.last_event("publication_proposed")
        _require(
            proposed is None or proposed["actor"] != current_actor(),
            _("Someone other than the proposer must approve the publication."),
        )


def may_act(message, action):
    try:
        check(message, action)
    except ActionError:
        return False
    return True


def perform(message, action, **params):
    """Do one action as the current user; ActionError leaves everything as it was."""
    check(message, action)
    text = params.get("answer")
    text = text.strip() if isinstance(text, str) else ""
    reason = params.get("reason")
    reason = reason.strip() if isinstance(reason, str) else ""
    if action == "answer":
        _require(text, _("Write the answer."))
        message.answer = text
    if action == "return_publication":
        _require(reason, _("Give the reason for returning it."))
    event = message.add_event(
        EVENT_TYPES[action], site_today(), current_actor(), note=reason
    )
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles([RUNNER_ROLE, "Manager"]):
        workflow.doActionFor(message, ACTIONS[action][0])
    if action == "answer" and message.email:
        send_text_mail(
            message.email,
            "您的留言已答复",
            f"您的留言“{message.title}”已答复：\n\n{text}",
        )
    message.reindexObject()
    return event
