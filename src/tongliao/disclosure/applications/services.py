"""REST: @application-status (anonymous lookup), the case serializer and
@case-actions (the officer's steps, from the table in ``actions.py``)."""

from AccessControl import Unauthorized
from datetime import date
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from plone.restapi.services import Service
from tongliao.disclosure import _
from tongliao.disclosure.applications import ratelimit
from tongliao.disclosure.applications.actions import ACTION_PARAMS
from tongliao.disclosure.applications.actions import ACTIONS
from tongliao.disclosure.applications.actions import available_actions
from tongliao.disclosure.applications.actions import perform
from tongliao.disclosure.applications.browser.procedure import consequence
from tongliao.disclosure.applications.content import mask_name
from tongliao.disclosure.applications.content import VIEW_APPLICANT_DATA_TITLE
from tongliao.disclosure.applications.notices import STAFF_KINDS
from tongliao.disclosure.applications.workflow import ActionError
from tongliao.disclosure.applications.workflow import deadlines_json
from tongliao.disclosure.applications.workflow import find_case
from tongliao.disclosure.applications.workflow import missing_lookup_fields
from tongliao.disclosure.applications.workflow import NOT_FOUND_MESSAGE
from tongliao.disclosure.applications.workflow import public_status
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.services.jsonbody import json_error
from tongliao.disclosure.services.jsonbody import json_object
from tongliao.disclosure.validators import mask_id_number
from tongliao.disclosure.validators import mask_phone
from zope.i18n import translate
from zope.interface import alsoProvides

import plone.protect.interfaces


class ApplicationStatusGet(Service):
    """GET @application-status?code=…&phone_tail=… (kept for existing clients)."""

    def values(self):
        return self.request.form.get("code", ""), self.request.form.get(
            "phone_tail", ""
        )

    def error(self, status, kind, message):
        self.request.response.setStatus(status)
        return {
            "error": {"type": kind, "message": translate(message, context=self.request)}
        }

    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        self.request.response.setHeader("Cache-Control", "no-store")
        self.request.response.setHeader("Referrer-Policy", "no-referrer")
        try:
            code, tail = self.values()
        except ValueError:
            return self.error(400, "BadRequest", BAD_JSON)
        missing = missing_lookup_fields(code, tail)
        if missing:
            return self.error(400, "BadRequest", missing)
        if not ratelimit.allow_lookup(self.request):
            return self.error(429, "TooManyRequests", ratelimit.LOOKUP_LIMITED)
        case = self.find(code, tail)
        if case is None:
            self.request.response.setStatus(404)
            return {"error": {"type": "NotFound", "message": self.not_found}}
        return self.status(case, code, tail)

    # What a subclass for another kind of case (complaints, messages) changes.
    not_found = NOT_FOUND_MESSAGE

    def find(self, code, tail):
        return find_case(code, tail)

    def status(self, case, code, tail):
        return public_status(case, code, tail)


BAD_JSON = _("Send a JSON object with code and phone_tail.")


class ApplicationStatusPost(ApplicationStatusGet):
    """POST @application-status with {"code": …, "phone_tail": …}: the code and
    tail stay out of URLs and logs."""

    def values(self):
        try:
            data = json_body(self.request)
        except Exception:
            raise ValueError("not JSON") from None
        if not isinstance(data, dict):
            raise ValueError("not an object")
        code, tail = data.get("code", ""), data.get("phone_tail", "")
        return (code if isinstance(code, str) else ""), (
            tail if isinstance(tail, str) else ""
        )


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
                    "number": entry.get("number", ""),
                    "url": f"{app.absolute_url()}/@@notice?id={entry['id']}",
                    "pdf_url": (
                        f"{app.absolute_url()}/@@notice?id={entry['id']}&format=pdf"
                    ),
                }
                for entry in app.stored_files()
                if entry["kind"] in STAFF_KINDS
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


class CaseActionsGet(Service):
    """GET <case>/@case-actions: the steps the current user can take now, each
    with its title, its consequence for the deadlines and its form's fields
    (the same table the case page is drawn from)."""

    def check(self):
        if not any(
            api.user.has_permission(action.permission, obj=self.context)
            for action in ACTIONS.values()
        ):
            raise Unauthorized("You may not handle this application.")

    def t(self, msgid):
        return translate(msgid, context=self.request)

    def reply(self):
        self.check()
        return {
            "@id": f"{self.context.absolute_url()}/@case-actions",
            "state": api.content.get_state(self.context),
            "actions": [
                {
                    "name": action.name,
                    "title": self.t(action.title),
                    "consequence": consequence(self.context, action.name),
                    "fields": [
                        {
                            "name": item.name,
                            "label": self.t(item.label),
                            "widget": item.widget,
                            "default": item.default,
                            "choices": [
                                {"token": token, "title": self.t(title)}
                                for token, title in item.choices
                            ],
                        }
                        for item in action.form_fields
                    ],
                }
                for action in available_actions(self.context)
            ],
        }


BAD_ACTION_JSON = _(
    "Send a JSON object with the action, its date (YYYY-MM-DD) and its fields."
)


class CaseActionsPost(CaseActionsGet):
    """POST <case>/@case-actions {"action": …, "date": …, "note": …, fields…}:
    one step, checked exactly as on the case page; 400 with the translated
    reason when the law or the case does not allow it (nothing is stored)."""

    def error(self, status, message, detail=""):
        body = json_error(self.request, status, message)
        if detail:
            body["error"]["message"] += f"（{detail}）"
        return body

    def reply(self):
        self.check()
        data = json_object(self.request)
        if not isinstance(data, dict) or not isinstance(data.get("action"), str):
            return self.error(400, BAD_ACTION_JSON)
        action = ACTIONS.get(data["action"])
        if action is not None and not api.user.has_permission(
            action.permission, obj=self.context
        ):
            return self.error(403, action.denied)
        day = site_today()
        if data.get("date"):
            try:
                day = date.fromisoformat(str(data["date"]))
            except ValueError:
                return self.error(400, _("Enter a valid date."))
        params = {
            name: data[name]
            for name in ACTION_PARAMS
            if data.get(name) not in (None, "")
        }
        note = data.get("note")
        try:
            event = perform(
                self.context,
                data["action"],
                day=day,
                note=note.strip() if isinstance(note, str) else "",
                **params,
            )
        except ActionError as exc:
            return self.error(400, exc.message, exc.detail)
        return {
            "event": json_compatible(
                {"type": event["type"], "date": event["date"], "data": event["data"]}
            ),
            "state": api.content.get_state(self.context),
            "deadlines": deadlines_json(self.context),
        }
