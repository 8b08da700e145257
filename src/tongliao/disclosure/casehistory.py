"""Cases the public files (complaints, messages): an append-only event history
(who did what, when, with which note; never rewritten) and the runner-role
transitions their ``perform`` functions fire."""

from datetime import date
from datetime import datetime
from datetime import UTC
from persistent.list import PersistentList
from plone import api
from tongliao.disclosure.tracking import normalize_phone
from tongliao.disclosure.tracking import unique_tracking_code


class EventHistory:
    """Mixin of a content class: ``add_event`` / ``get_events`` / ``has_event`` /
    ``last_event``; a class may keep the list elsewhere (``_event_list``)."""

    def _event_list(self, create=False):
        events = self.__dict__.get("_events")
        if events is None:
            if not create:
                return ()  # readers get nothing rather than a write on GET
            events = self._events = PersistentList()
        return events

    def add_event(self, type, day, actor, note="", **data):
        """Append one event; the history is never rewritten."""
        if not isinstance(day, date):
            raise TypeError(f"event date must be a date, got {day!r}")
        event = {
            "type": type,
            "date": day.date() if isinstance(day, datetime) else day,
            "actor": actor or "",
            "note": note or "",
            "recorded": datetime.now(UTC).isoformat(timespec="seconds"),
            "data": dict(data),
        }
        self._event_list(create=True).append(event)
        return event

    def get_events(self):
        """Copies of the events, oldest first."""
        return [dict(event, data=dict(event["data"])) for event in self._event_list()]

    def has_event(self, type):
        return any(event["type"] == type for event in self._event_list())

    def last_event(self, type):
        for event in reversed(self._event_list()):
            if event["type"] == type:
                return event
        return None


# Transitions of these cases are guarded by a permission only this role holds:
# they fire only through the feature's ``perform``, which records an event.
RUNNER_ROLE = "ApplicationWorkflowRunner"


class ActionError(ValueError):
    """An action that cannot be done; ``message`` is a translatable msgid."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def require(condition, message):
    if not condition:
        raise ActionError(message)


def available_transitions(obj):
    """The transitions of the state (as the runner role sees them)."""
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles([RUNNER_ROLE]):
        return {item["id"] for item in workflow.getTransitionsFor(obj)}


def fire(obj, transition):
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles([RUNNER_ROLE, "Manager"]):
        workflow.doActionFor(obj, transition)


def current_actor(anonymous="filer"):
    """The user id, or ``anonymous`` for the public filing a case."""
    if api.user.is_anonymous():
        return anonymous
    return api.user.get_current().getId()


def register_filing(case, today):
    """IObjectAddedEvent of a case the public files (complaint, message), once:
    the phone in its stored form, a tracking code, the receipt day ``today``,
    out of the navigation. False when the case was already registered."""
    if case.__dict__.get("_initialised"):
        return False
    case._initialised = True
    if case.phone:
        case.phone = normalize_phone(case.phone)
    case.tracking_code = case.tracking_code or unique_tracking_code()
    case.received_date = today
    case.exclude_from_nav = True  # listed on their own pages, not in navigation
    return True
