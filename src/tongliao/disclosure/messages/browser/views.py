"""Views of 政民互动: the message form, lookup, published list, message page."""

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure import _
from tongliao.disclosure.browser.casepage import CaseActionView
from tongliao.disclosure.browser.casepage import CasePage
from tongliao.disclosure.browser.casepage import day_text
from tongliao.disclosure.browser.publicform import PublicCaseForm
from tongliao.disclosure.browser.publicform import PublicLookupView
from tongliao.disclosure.chinatime import datetime_text
from tongliao.disclosure.messages.content import IPublicMessage
from tongliao.disclosure.messages.workflow import ACTIONS
from tongliao.disclosure.messages.workflow import due
from tongliao.disclosure.messages.workflow import file_message
from tongliao.disclosure.messages.workflow import FILER
from tongliao.disclosure.messages.workflow import find_message
from tongliao.disclosure.messages.workflow import may_act
from tongliao.disclosure.messages.workflow import message_state_title
from tongliao.disclosure.messages.workflow import perform


MESSAGE_NOT_FOUND = "未找到与该查询码和手机号后四位相符的留言，请核对后重试。"


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
    "withdraw_publication": (
        ("reason", _("Reason for withdrawing the publication"), "textarea"),
    ),
}
ACTION_TITLES = {
    "answer": _("Send the answer"),
    "propose_publication": _("Propose publication"),
    "publish": _("Approve publication"),
    "return_publication": _("Return the publication"),
    "withdraw_publication": _("Withdraw the publication"),
}
EVENT_TITLES = {
    "received": _("Received"),
    "answered": _("Answered"),
    "publication_proposed": _("Publication proposed"),
    "published": _("Published"),
    "publication_returned": _("Publication returned"),
    "publication_withdrawn": _("Publication withdrawn"),
}


class MessageView(CasePage):
    """The message page: question and answer; staff also see contact and actions."""

    template = ViewPageTemplateFile("templates/message.pt")
    actions_order = tuple(ACTIONS)
    action_titles = ACTION_TITLES
    action_fields = ACTION_FIELDS
    event_titles = EVENT_TITLES
    filer_label = "留言人"
    filer_actor = FILER

    def may_act(self, action):
        return may_act(self.context, action)

    def due(self):
        return due(self.context)

    def state_title(self):
        return message_state_title(api.content.get_state(self.context), self.request)

    def consent_text(self):
        return self.t(_("Yes") if self.context.publication_consent else _("No"))


class MessageActionView(CaseActionView):
    """POST @@message-action: one action; an error shows the page (400)."""

    page = MessageView

    def perform(self, action, **params):
        perform(self.context, action, **params)
