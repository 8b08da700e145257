"""REST: ``<consultation>/@consultation-comments``.

GET lists the comments moderators have shown (no names, no contacts), for
whoever may view the consultation; POST (JSON) submits one comment through the
same checks as the page (``browser.views.submit_comment``).
"""

from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from tongliao.disclosure import _
from tongliao.disclosure.consultation import comments as store
from tongliao.disclosure.consultation.browser.views import CLAUSE_MAX
from tongliao.disclosure.consultation.browser.views import comment_window_message
from tongliao.disclosure.consultation.browser.views import submit_comment
from tongliao.disclosure.services.jsonbody import json_error
from tongliao.disclosure.services.jsonbody import json_object
from zope.i18n import translate


FIELDS = ("text", "clause", "name", "contact")
BAD_JSON = _("Send a JSON object with your comment as text.")


class CommentsGet(Service):
    def reply(self):
        closed = comment_window_message(self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@consultation-comments",
            "open": closed is None,
            "window": "" if closed is None else translate(closed, context=self.request),
            "clause_max": CLAUSE_MAX,
            "items": [
                json_compatible(store.public_comment(comment))
                for comment in store.comments_in(self.context, store.SHOWN)
            ],
        }


class CommentsPost(Service):
    def reply(self):
        data = json_object(self.request)
        if data is None:
            return self.error(400, BAD_JSON)
        values = {
            name: data[name].strip() if isinstance(data.get(name), str) else ""
            for name in FIELDS
        }
        result = submit_comment(self.context, self.request, values)
        self.request.response.setStatus(201 if result.stored else result.status)
        if result.status != 200:
            return self.error(result.status, result.message, result.errors)
        return {"received": result.stored, "message": result.message}

    def error(self, status, message, errors=None):
        if errors:
            message = message or next(iter(errors.values()))
            return json_error(self.request, status, message, fields=errors)
        return json_error(self.request, status, message)
