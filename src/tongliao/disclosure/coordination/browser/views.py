"""Coordination on the review panel and approval sheet, and the 待确认 queue."""

from AccessControl import Unauthorized
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from tongliao.disclosure import _
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.chinatime import datetime_text
from tongliao.disclosure.coordination.behavior import ICoordination
from tongliao.disclosure.coordination.workflow import agencies_of
from tongliao.disclosure.coordination.workflow import AGENCY_ROLE
from tongliao.disclosure.coordination.workflow import date_text
from tongliao.disclosure.coordination.workflow import decide
from tongliao.disclosure.coordination.workflow import may_override
from tongliao.disclosure.coordination.workflow import may_remind
from tongliao.disclosure.coordination.workflow import override
from tongliao.disclosure.coordination.workflow import remind_overdue
from tongliao.disclosure.coordination.workflow import status
from tongliao.disclosure.review.workflow import ReviewError
from tongliao.disclosure.states import state_title
from zope.i18n import translate


DECISION_TITLES = {
    "confirm": _("Confirmed"),
    "object": _("Objected"),
    "pending": _("Awaiting answer"),
    "overdue": _("Overdue"),
}


class CoordinationSection(BrowserView):
    """The coordination block of @@review-panel (also read by @@approval-sheet)."""

    errors = ()

    def t(self, message):
        return translate(message, context=self.request)

    def status(self):
        if not hasattr(self, "_status"):
            self._status = status(self.context)
        return self._status

    def handle(self):
        """The panel's POST with ``coordination.action``: decide or override."""
        CheckAuthenticator(self.request)
        form = self.request.form
        action = form.get("coordination.action")
        opinion = form.get("coordination.opinion", "")
        if not isinstance(opinion, str):
            opinion = ""
        try:
            if action == "remind":
                agencies, users = remind_overdue(self.context)
                IStatusMessage(self.request).add(
                    self.t(
                        _(
                            "Reminder sent to ${users} staff of ${agencies} agencies.",
                            mapping={"users": users, "agencies": agencies},
                        )
                    )
                )
                return
            if action == "override":
                override(self.context, opinion)
            else:
                decide(self.context, action, opinion, form.get("coordination.agency"))
        except ReviewError as error:
            self.errors = error.translated(self.request)
            self.request.response.setStatus(error.status)
            return
        IStatusMessage(self.request).add(self.t(_("Your answer is recorded.")))

    def may_remind(self):
        return may_remind(self.context)

    def rows(self):
        current = self.status()
        if current is None:
            return []
        rows = []
        for agency in current["agencies"]:
            record = agency["record"] or {}
            key = "overdue" if agency["overdue"] else agency["decision"]
            rows.append(
                {
                    "agency": agency["title"],
                    "decision": key,
                    "decision_title": self.t(DECISION_TITLES[key]),
                    "actor_name": record.get("actor_name") or "",
                    "time": datetime_text(record["time"]) if record else "",
                    "opinion": record.get("opinion") or "",
                }
            )
        return rows

    def override_row(self):
        current = self.status()
        record = current and current["override"]
        if not record:
            return None
        return {
            "actor_name": record["actor_name"],
            "time": datetime_text(record["time"]),
            "opinion": record["opinion"],
        }

    def due_text(self):
        current = self.status()
        if current is None:
            return ""
        if current["due"] is None:
            return self.t(_("unknown (the working-day calendar does not cover it)"))
        return date_text(current["due"].isoformat())

    def requested_text(self):
        current = self.status()
        return datetime_text(current["requested"]) if current else ""

    def my_agencies(self):
        return [
            {"uid": a.UID(), "title": a.Title()}
            for a in agencies_of(self.context, api.user.get_current())
        ]

    def may_override(self):
        return may_override(self.context)


class CoordinationQueue(BrowserView):
    """@@coordination-queue (待我确认): documents asking my agency to confirm."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see the coordination queue")
        return self.index()

    def my_agencies(self):
        """Agencies whose sharing gives the current user the coordinator role."""
        user = api.user.get_current()
        ids = [user.getId(), *(getattr(user, "getGroups", list)() or ())]
        agencies = []
        for brain in api.content.find(portal_type="DisclosureAgency"):
            local = brain.getObject().get_local_roles()  # a handful of agencies
            if any(pid in ids and AGENCY_ROLE in roles for pid, roles in local):
                agencies.append((brain.UID, brain.Title))
        return agencies

    def items(self):
        agencies = dict(self.my_agencies())
        if not agencies:
            return []
        today = site_today().isoformat()
        rows = []
        for brain in api.content.find(
            object_provides=ICoordination.__identifier__,
            coordination_open=list(agencies),
            sort_on="modified",
        ):
            due = brain.coordination_due
            waiting = [uid for uid in brain.coordination_open or () if uid in agencies]
            rows.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL() + "/@@review-panel",
                    "agencies": "、".join(agencies[uid] for uid in waiting),
                    "state": state_title(brain.review_state, self.request),
                    "due": _iso_date_text(due),
                    "overdue": bool(due) and due < today,
                }
            )
        return rows


def _iso_date_text(value):
    return date_text(value) if value else ""
