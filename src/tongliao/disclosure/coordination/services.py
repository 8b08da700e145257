"""``@coordination``: the coordination state of a document and the answers.

GET  -> {"@id", "requested", "due", "overdue", "complete", "agencies": [...],
         "override": {...}|null, "records": [...], "my_agencies": [...],
         "may_override": bool}
POST {"action": "confirm"|"object"|"override", "opinion": "...", "agency": uid?}
     -> 201 with the new record, or 400/403 with translated messages.

The state is also in the document's JSON as ``@components.coordination`` (for
those who may read the review records; ``?expand=coordination`` for the data).
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.interfaces import IExpandableElement
from plone.restapi.services import Service
from tongliao.disclosure import _
from tongliao.disclosure.coordination.behavior import ICoordination
from tongliao.disclosure.coordination.records import get_records
from tongliao.disclosure.coordination.workflow import agencies_of
from tongliao.disclosure.coordination.workflow import decide
from tongliao.disclosure.coordination.workflow import may_override
from tongliao.disclosure.coordination.workflow import override
from tongliao.disclosure.coordination.workflow import status
from tongliao.disclosure.interfaces import IBrowserLayer
from tongliao.disclosure.review.workflow import ReviewError
from zope.component import adapter
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import implementer


VIEW_RECORDS = "tongliao.disclosure: View review records"
MSG_SEND = _('Send {"action": "confirm" | "object" | "override", "opinion": …}.')


def coordination_info(context, request):
    current = status(context)
    user = api.user.get_current()
    data = {
        "@id": context.absolute_url() + "/@coordination",
        "requested": None,
        "due": None,
        "overdue": False,
        "complete": True,
        "agencies": [],
        "override": None,
        "records": get_records(context),
        "my_agencies": [a.UID() for a in agencies_of(context, user)],
        "may_override": may_override(context),
    }
    if current is not None:
        data.update(
            requested=current["requested"],
            due=current["due"].isoformat() if current["due"] else None,
            overdue=current["overdue"],
            complete=current["complete"],
            override=current["override"],
            agencies=[
                {
                    "uid": a["uid"],
                    "title": a["title"],
                    "decision": a["decision"],
                    "overdue": a["overdue"],
                    "record": a["record"],
                }
                for a in current["agencies"]
            ],
        )
    return data


@implementer(IExpandableElement)
@adapter(ICoordination, IBrowserLayer)
class CoordinationExpander:
    """``@components.coordination`` for staff; nothing for anyone else."""

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, expand=False):
        if not api.user.has_permission(VIEW_RECORDS, obj=self.context):
            return {}
        if not expand:
            url = self.context.absolute_url() + "/@coordination"
            return {"coordination": {"@id": url}}
        return {"coordination": coordination_info(self.context, self.request)}


class CoordinationGet(Service):
    def reply(self):
        return coordination_info(self.context, self.request)


class CoordinationPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        if api.user.is_anonymous():
            return self._error(401, [_("You are not allowed to take this step.")])
        try:
            data = json_body(self.request)
        except Exception:
            data = None
        if not isinstance(data, dict) or data.get("action") not in (
            "confirm",
            "object",
            "override",
        ):
            return self._error(
                400,
                [MSG_SEND],
            )
        opinion = data.get("opinion") or ""
        agency = data.get("agency") or None
        if not isinstance(opinion, str) or not isinstance(agency, (str, type(None))):
            return self._error(400, [_("The opinion must be text.")])
        try:
            if data["action"] == "override":
                record = override(self.context, opinion)
            else:
                record = decide(self.context, data["action"], opinion, agency)
        except ReviewError as error:
            return self._error(error.status, error.messages)
        self.request.response.setStatus(201)
        return {"record": record, **coordination_info(self.context, self.request)}

    def _error(self, status_code, messages):
        self.request.response.setStatus(status_code)
        texts = [translate(m, context=self.request) for m in messages]
        return {
            "error": {
                "type": "Forbidden" if status_code in (401, 403) else "BadRequest",
                "message": " ".join(texts),
                "messages": texts,
            }
        }
