"""REST: ``<consultation>/@consultation-comments``.

GET lists the comments moderators have shown (no names, no contacts), for
whoever may view the consultation; POST (JSON) submits one comment through the
same checks as the page (``browser.views.submit_comment``).
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from tongliao.disclosure import _
from tongliao.disclosure.consultation import comments as store
from tongliao.disclosure.consultation.browser.views import CLAUSE_MAX
from tongliao.disclosure.consultation.browser.views import comment_window_message
from tongliao.disclosure.consultation.browser.views import submit_comment
from zope.i18n import translate
from zope.interface import alsoProvides


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
        # No CSRF token, like plone.restapi's own write services: the body must
        # be JSON, which a cross-site HTML form cannot send.
        alsoProvides(self.request, IDisableCSRFProtection)
        content_type = (self.request.getHeader("Content-Type", "") or "").split(";")
        data = None
        if content_type[0].strip().lower() == "application/json":
            try:
                data = json_body(self.request)
            except Exception:
                data = None
        if not isinstance(data, dict):
            return self.error(400, translate(BAD_JSON, context=self.request))
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
        self.request.response.setStatus(status)
        kind = {400: "BadRequest", 429: "TooManyRequests"}.get(status, "Error")
        body = {"error": {"type": kind, "message": message}}
        if errors:
            body["error"]["fields"] = errors
            body["error"]["message"] = message or next(iter(errors.values()))
        return body
