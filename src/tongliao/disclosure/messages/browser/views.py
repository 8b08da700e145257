"""Views of 政民互动: the message form, lookup, published list, message page."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure import _
from tongliao.disclosure.applications.browser.procedure import staff_name
from tongliao.disclosure.applications.content import VIEW_APPLICANT_DATA_TITLE
from tongliao.disclosure.browser.publicform import PublicCaseForm
from tongliao.disclosure.browser.publicform import PublicLookupView
from tongliao.disclosure.chinatime import datetime_text
from tongliao.disclosure.messages.content import IPublicMessage
from tongliao.disclosure.messages.workflow import ActionError
from tongliao.disclosure.messages.workflow import ACTIONS
from tongliao.disclosure.messages.workflow import due
from tongliao.disclosure.messages.workflow import file_message
from tongliao.disclosure.messages.workflow import find_message
from tongliao.disclosure.messages.workflow import may_act
from tongliao.disclosure.messages.workflow import message_state_title
from tongliao.disclosure.messages.workflow import perform
from zExceptions import Forbidden
from zope.i18n import translate


MESSAGE_NOT_FOUND = "未找到与该查询码和手机号后四位相符的留言，请核对后重试。"


def day_text(day):
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


class WriteMessageView(PublicCaseForm):
    """<agency>/@@write-message: ask the agency about its disclosure work."""

    schema = IPublicMessage
    field_names = (
        "title",
        "question",
        "writer_name",
        "phone",
        "email",
        "publication_consent",
    )
    bucket = "message"
    heading = _("Ask a question about government information disclosure")
    intro = _(
        "Your question goes to the agency, which answers within the period set "
        "for the site. Your name and contact are never shown publicly."
    )
    submit_label = _("Send the message")
    done_heading = _("Your message has been received")
    done_text = _("You will find the answer with the tracking code.")
    lookup_view = "message-lookup"

    def create(self, data):
        return file_message(self.context, **data)


class MessageLookupView(PublicLookupView):
    heading = _("Look up the answer to a message")
    not_found = MESSAGE_NOT_FOUND

    def find(self, code, tail):
        return find_message(code, tail)

    def rows(self, message):
        state = api.content.get_state(message)
        rows = [
            (_("Agency"), message.__parent__.Title()),
            (_("Subject"), message.title),
            (_("State"), message_state_title(state, self.request)),
            (_("Received on"), day_text(message.received_date)),
        ]
        running = due(message)
        if running:
            rows.append((_("Due by"), day_text(running.date)))
        if message.answer:
            rows.append((_("Answer"), message.answer))
        return rows


class MessagesView(BrowserView):
    """<agency>/@@messages: the published questions and answers, and the form."""

    template = ViewPageTemplateFile("templates/messages.pt")

    def __call__(self):
        return self.template()

    def items(self):
        brains = api.content.find(
            context=self.context,
            portal_type="PublicMessage",
            review_state="published",
            sort_on="created",
            sort_order="descending",
        )
        return [
            {"title": brain.Title, "url": brain.getURL(), "date": brain.created}
            for brain in brains
        ]

    def date_text(self, value):
        return datetime_text(value)[:-6]


ACTION_FIELDS = {
    "answer": (("answer", _("Answer"), "textarea"),),
    "return_publication": (("reason", _("Reason for returning"), "textarea"),),
}
ACTION_TITLES = {
    "answer": _("Send the answer"),
    "propose_publication": _("Propose publication"),
    "publish": _("Approve publication"),
    "return_publication": _("Return the publication"),
}
EVENT_TITLES = {
    "received": _("Received"),
    "answered": _("Answered"),
    "publication_proposed": _("Publication proposed"),
    "published": _("Published"),
    "publication_returned": _("Publication returned"),
}


class MessageView(BrowserView):
    """The message page: question and answer; staff also see contact and actions."""

    template = ViewPageTemplateFile("templates/message.pt")
    error = ""

    def __call__(self):
        return self.template()

    def t(self, message):
        return translate(message, context=self.request) if message else ""

    def state_title(self):
        return message_state_title(api.content.get_state(self.context), self.request)

    def is_staff(self):
        return api.user.has_permission(VIEW_APPLICANT_DATA_TITLE, obj=self.context)

    def received(self):
        return day_text(self.context.received_date)

    def due_text(self):
        running = due(self.context)
        if running is None:
            return ""
        text = day_text(running.date)
        return text + ("（" + self.t(_("overdue")) + "）" if running.overdue else "")

    def consent_text(self):
        return self.t(_("Yes") if self.context.publication_consent else _("No"))

    def events(self):
        return [
            {
                "title": self.t(EVENT_TITLES.get(event["type"], event["type"])),
                "date": day_text(event["date"]),
                "actor": "留言人"
                if event["actor"] == "writer"
                else staff_name(event["actor"]),
                "note": event["note"],
            }
            for event in self.context.get_events()
        ]

    def actions(self):
        return [
            {
                "id": action,
                "title": self.t(ACTION_TITLES[action]),
                "fields": [
                    {"name": name, "label": self.t(label), "kind": kind}
                    for name, label, kind in ACTION_FIELDS.get(action, ())
                ],
            }
            for action in ACTIONS
            if may_act(self.context, action)
        ]


class MessageActionView(BrowserView):
    """POST @@message-action: one action; an error shows the page (400)."""

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
            perform(self.context, action if isinstance(action, str) else "", **params)
        except Forbidden:
            error = _("The form has expired. Reload the page and submit it again.")
        except ActionError as exc:
            error = exc.message
        if error is not None:
            self.request.response.setStatus(400)
            view = MessageView(self.context, self.request)
            view.error = translate(error, context=self.request)
            return view()
        api.portal.show_message(message=_("Done."), request=self.request)
        return self.request.response.redirect(self.context.absolute_url())
