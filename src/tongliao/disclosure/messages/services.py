"""REST: POST @message-status {"code": …, "phone_tail": …} (anonymous)."""

from plone import api
from tongliao.disclosure.applications.services import ApplicationStatusPost
from tongliao.disclosure.messages.browser.views import MESSAGE_NOT_FOUND
from tongliao.disclosure.messages.workflow import due
from tongliao.disclosure.messages.workflow import find_message
from tongliao.disclosure.messages.workflow import message_state_title


class MessageStatusPost(ApplicationStatusPost):
    not_found = MESSAGE_NOT_FOUND

    def find(self, code, tail):
        return find_message(code, tail)

    def status(self, message, code, tail):
        state = api.content.get_state(message)
        running = due(message)
        return {
            "state": state,
            "state_title": message_state_title(state, self.request),
            "agency": message.__parent__.Title(),
            "title": message.title,
            "received_date": message.received_date.isoformat(),
            "due_date": running.date.isoformat() if running else None,
            "answer": message.answer or None,
        }
