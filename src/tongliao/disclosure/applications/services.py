"""REST: @application-status (anonymous lookup) and the case serializer."""

from plone import api
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from plone.restapi.services import Service
from tongliao.disclosure.applications import ratelimit
from tongliao.disclosure.applications.content import mask_name
from tongliao.disclosure.applications.content import VIEW_APPLICANT_DATA_TITLE
from tongliao.disclosure.applications.workflow import deadlines_json
from tongliao.disclosure.applications.workflow import find_case
from tongliao.disclosure.applications.workflow import NOT_FOUND_MESSAGE
from tongliao.disclosure.applications.workflow import public_status
from tongliao.disclosure.validators import mask_id_number
from tongliao.disclosure.validators import mask_phone
from zope.interface import alsoProvides

import plone.protect.interfaces


RATE_LIMITED_MESSAGE = "查询过于频繁，请稍后再试。"


class ApplicationStatusGet(Service):
    """GET @application-status?code=…&phone_tail=…"""

    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        self.request.response.setHeader("Cache-Control", "no-store")
        self.request.response.setHeader("Referrer-Policy", "no-referrer")
        if not ratelimit.allow_lookup(self.request):
            self.request.response.setStatus(429)
            return {
                "error": {"type": "TooManyRequests", "message": RATE_LIMITED_MESSAGE}
            }
        code = self.request.form.get("code", "")
        tail = self.request.form.get("phone_tail", "")
        app = find_case(code, tail)
        if app is None:
            self.request.response.setStatus(404)
            return {"error": {"type": "NotFound", "message": NOT_FOUND_MESSAGE}}
        return public_status(app, code, tail)


def events_json(app):
    return [
        json_compatible(
            {
                "type": event["type"],
                "date": event["date"],
                "actor": event["actor"],
                "note": event["note"],
                "recorded": event["recorded"],
                "data": event["data"],
            }
        )
        for event in app.get_events()
    ]


class ApplicationSerializer(SerializeFolderToJson):
    """Adds events, deadlines and notices; masks personal data without permission."""

    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version,
            include_items=include_items,
            include_expansion=include_expansion,
        )
        app = self.context
        result["events"] = events_json(app)
        result["deadlines"] = deadlines_json(app)
        can_see = api.user.has_permission(VIEW_APPLICANT_DATA_TITLE, obj=app)
        result["notices"] = (
            [
                {
                    "id": entry["id"],
                    "title": entry["title"],
                    "date": entry["date"].isoformat(),
                    "kind": entry["notice_kind"],
                    "url": f"{app.absolute_url()}/@@notice?id={entry['id']}",
                }
                for entry in app.stored_files("notice")
            ]
            if can_see
            else []
        )
        if not can_see:
            result["applicant_masked"] = {
                "applicant_name": mask_name(app.applicant_name),
                "id_number": mask_id_number(app.id_number or ""),
                "phone": mask_phone(app.phone or ""),
            }
        return result
