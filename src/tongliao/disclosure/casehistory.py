"""An append-only event history for cases the public files (complaints,
messages): who did what, when, with which note. Never rewritten."""

from datetime import date
from datetime import datetime
from datetime import UTC
from persistent.list import PersistentList


class EventHistory:
    """Mixin of a content class: ``add_event`` / ``get_events`` / ``last_event``."""

    def _event_list(self, create=False):
        events = self.__dict__.get("_events")
        if events is None:
            if not create:
                return ()  # readers get nothing rather than a write on GET
            events = self._events = PersistentList()
        return events

    def add_event(self, type, day, actor, note="", **data):
        if not isinstance(day, date):
            raise TypeError(f"event date must be a date, got {day!r}")
        event = {
            "type": type,
            "date": day,
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

    def last_event(self, type):
        for event in reversed(self._event_list()):
            if event["type"] == type:
                return event
        return None
