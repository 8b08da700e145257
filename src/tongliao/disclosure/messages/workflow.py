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
from tongliao.disclosure.casehistory import ActionError
from tongliao.disclosure.casehistory import available_transitions
from tongliao.disclosure.casehistory import current_actor
from tongliao.disclosure.casehistory import fire
from tongliao.disclosure.casehistory import register_filing
from tongliao.disclosure.casehistory import require
from tongliao.disclosure.complaints.engine import MESSAGE_DEFAULTS
from tongliao.disclosure.complaints.engine import message_due
from tongliao.disclosure.deadlines import CalendarCoverageError
from tongliao.disclosure.ids import free_id
from tongliao.disclosure.states import state_title
from tongliao.disclosure.tracking import find_by_code

import secrets


WORKFLOW_ID = "disclosure_message_workflow"
FILER = "writer"  # the actor of events done by the public
ANSWER_MESSAGE = "tongliao.disclosure: Answer message"
PUBLISH_PARTICIPATION = "tongliao.disclosure: Publish participation"

ACTIONS = {
    "answer": ("answer", ANSWER_MESSAGE),
    "propose_publication": ("propose_publication", ANSWER_MESSAGE),
    "publish": ("publish", PUBLISH_PARTICIPATION),
    "return_publication": ("return_publication", PUBLISH_PARTICIPATION),
    # Takes a published message off the site again (reason recorded).
    "withdraw_publication": ("withdraw_publication", PUBLISH_PARTICIPATION),
}
EVENT_TYPES = {
    "answer": "answered",
    "propose_publication": "publication_proposed",
    "publish": "published",
    "return_publication": "publication_returned",
    "withdraw_publication": "publication_withdrawn",
}


def message_state_title(state, request=None):
    return state_title(state, request, workflow_id=WORKFLOW_ID)


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
    if not register_filing(message, site_today()):  # listed on @@messages
        return
    message.add_event("received", message.received_date, current_actor(FILER))


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


def check(message, action):
    require(action in ACTIONS, _("Unknown action."))
    transition, permission = ACTIONS[action]
    require(
        api.user.has_permission(permission, obj=message),
        _("You may not handle this message."),
    )
    require(
        transition in available_transitions(message),
        _("This action is not possible in the current state."),
    )
    if action == "propose_publication":
        require(
            message.publication_consent,
            _("The writer did not agree to publication."),
        )
    if action in ("publish", "return_publication"):
        proposed = message.last_event("publication_proposed")
        require(
            proposed is None or proposed["actor"] != current_actor(FILER),
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
        require(text, _("Write the answer."))
        message.answer = text
    if action == "return_publication":
        require(reason, _("Give the reason for returning it."))
    if action == "withdraw_publication":
        require(reason, _("Give the reason for withdrawing the publication."))
    event = message.add_event(
        EVENT_TYPES[action], site_today(), current_actor(FILER), note=reason
    )
    fire(message, ACTIONS[action][0])
    if action == "answer" and message.email:
        send_text_mail(
            message.email,
            "您的留言已答复",
            f"您的留言“{message.title}”已答复：\n\n{text}",
        )
    message.reindexObject()
    return event
