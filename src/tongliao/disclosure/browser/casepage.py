"""The page and the action endpoint of a case the public filed (complaints,
messages): its history, the actions the current user may take now, and one
POST endpoint that does an action or shows the page again with the error."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from tongliao.disclosure import _
from tongliao.disclosure.applications.browser.procedure import staff_name
from tongliao.disclosure.applications.content import VIEW_APPLICANT_DATA_TITLE
from tongliao.disclosure.casehistory import ActionError
from tongliao.disclosure.chinatime import datetime_text
from zExceptions import Forbidden
from zope.i18n import translate


def day_text(day):
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


class CasePage(BrowserView):
    """Subclasses set the template, the action tables and ``may_act``."""

    template = None
    error = ""
    actions_order = ()  # action ids, in the order offered
    action_titles = {}
    action_fields = {}  # action -> ((name, label, kind), …)
    event_titles = {}
    filer_label = ""  # who "filer" events name, e.g. 举报人
    filer_actor = ""

    def __call__(self):
        return self.template()

    def t(self, message):
        return translate(message, context=self.request) if message else ""

    def may_act(self, action):
        raise NotImplementedError

    def due(self):
        raise NotImplementedError

    def is_staff(self):
        return api.user.has_permission(VIEW_APPLICANT_DATA_TITLE, obj=self.context)

    def received(self):
        return day_text(self.context.received_date)

    def due_text(self):
        running = self.due()
        if running is None:
            return ""
        text = day_text(running.date)
        return text + ("（" + self.t(_("overdue")) + "）" if running.overdue else "")

    def events(self):
        return [
            {
                "title": self.t(self.event_titles.get(event["type"], event["type"])),
                "date": day_text(event["date"]),
                "recorded": datetime_text(event["recorded"]),
                "actor": self.filer_label
                if event["actor"] == self.filer_actor
                else staff_name(event["actor"]),
                "note": event["note"],
            }
            for event in self.context.get_events()
        ]

    def actions(self):
        return [
            {
                "id": action,
                "title": self.t(self.action_titles[action]),
                "fields": [
                    {"name": name, "label": self.t(label), "kind": kind}
                    for name, label, kind in self.action_fields.get(action, ())
                ],
            }
            for action in self.actions_order
            if self.may_act(action)
        ]


class CaseActionView(BrowserView):
    """POST: one action; an error shows the case page again (400), unchanged."""

    page = None  # the CasePage class

    def perform(self, action, **params):
        raise NotImplementedError

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        error = None
        try:
            CheckAuthenticator(self.request)
            form = self.request.form
            action = form.get("action")
            params = {k: v for k, v in form.items() if isinstance(v, str)}
            params.pop("action", None)
            self.perform(action if isinstance(action, str) else "", **params)
        except Forbidden:
            error = _("The form has expired. Reload the page and submit it again.")
        except ActionError as exc:
            error = exc.message
        if error is not None:
            self.request.response.setStatus(400)
            view = self.page(self.context, self.request)
            view.error = translate(error, context=self.request)
            return view()
        api.portal.show_message(message=_("Done."), request=self.request)
        return self.request.response.redirect(self.context.absolute_url())
