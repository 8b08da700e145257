"""REST: ``<document>/@rating``.

GET: the grades a visitor may give. POST (JSON ``{"grade": …, "comment": …}``):
one rating of a published PolicyDocument through the same checks as the form
(one per visitor, document and day; the per-address limit); nothing personal
is stored.
"""

from plone.restapi.services import Service
from tongliao.disclosure import _
from tongliao.disclosure.evaluation.browser.views import check_comment
from tongliao.disclosure.evaluation.browser.views import check_grade
from tongliao.disclosure.evaluation.browser.views import grade_choices
from tongliao.disclosure.evaluation.browser.views import rating_refusal
from tongliao.disclosure.evaluation.browser.views import record_rating
from tongliao.disclosure.evaluation.browser.views import THANKS
from tongliao.disclosure.services.jsonbody import json_error
from tongliao.disclosure.services.jsonbody import json_object
from zope.i18n import translate


BAD_JSON = _("Send a JSON object with your grade.")


class RatingGet(Service):
    def reply(self):
        refusal, _agency = rating_refusal(self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@rating",
            "open": refusal is None,
            "grades": grade_choices(),
        }


class RatingPost(Service):
    def t(self, msgid):
        return translate(msgid, context=self.request)

    def error(self, status, message):
        return json_error(self.request, status, message)

    def reply(self):
        data = json_object(self.request)
        if data is None:
            return self.error(400, BAD_JSON)
        refusal, agency = rating_refusal(self.context)
        if refusal:
            return self.error(400, refusal)
        grade, error = check_grade(data.get("grade"))
        comment, comment_error = check_comment(data.get("comment"))
        if error or comment_error:
            return self.error(400, error or comment_error)
        message, status = record_rating(
            self.request,
            agency,
            "document",
            self.context.UID(),
            grade=grade,
            comment=comment,
            target_title=self.context.Title(),
        )
        if status != 200:
            return self.error(status, message)
        self.request.response.setStatus(201 if message == THANKS else 200)
        return {"received": message == THANKS, "message": self.t(message)}
