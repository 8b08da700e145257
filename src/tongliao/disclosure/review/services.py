"""``@review``: the review records of an item and the current user's next step.

GET  -> {"@id", "review_state", "records": [...], "steps": [...]}
POST {"action": "pass"|"reject"|"withdraw", "opinion": "...", "checklist": {...}}
     -> 201 with the new record, or 400/403 with translated messages.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from plone.restapi.services.workflow.transition import WorkflowTransition
from Products.CMFCore.WorkflowCore import WorkflowException
from tongliao.disclosure import _
from tongliao.disclosure.review.records import get_records
from tongliao.disclosure.review.workflow import available_steps
from tongliao.disclosure.review.workflow import perform
from tongliao.disclosure.review.workflow import review_state
from tongliao.disclosure.review.workflow import ReviewError
from tongliao.disclosure.review.workflow import TOKEN_TRANSITIONS
from zope.i18n import translate
from zope.interface import alsoProvides


def review_info(context, request):
    return {
        "@id": context.absolute_url() + "/@review",
        "review_state": review_state(context),
        "records": get_records(context),
        "steps": [
            dict(
                step,
                blocked_by=[translate(m, context=request) for m in step["blocked_by"]],
            )
            for step in available_steps(context)
        ],
    }


class ReviewGet(Service):
    def reply(self):
        return review_info(self.context, self.request)


class ReviewPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json_body(self.request)
        except Exception:
            data = None
        if not isinstance(data, dict) or data.get("action") not in (
            "pass",
            "reject",
            "withdraw",
        ):
            return self._error(
                400,
                [_('Send {"action": "pass" | "reject" | "withdraw", "opinion": …}.')],
            )
        opinion = data.get("opinion") or ""
        if not isinstance(opinion, str):
            return self._error(400, [_("The opinion must be text.")])
        try:
            record = perform(
                self.context,
                data["action"],
                opinion,
                data.get("checklist"),
                confirm_duplicate=data.get("confirm_duplicate_number") is True,
            )
        except ReviewError as error:
            return self._error(error.status, error.messages)
        self.request.response.setStatus(201)
        return {"record": record, **review_info(self.context, self.request)}

    def _error(self, status, messages):
        self.request.response.setStatus(status)
        texts = [translate(m, context=self.request) for m in messages]
        return {
            "error": {
                "type": "Forbidden" if status == 403 else "BadRequest",
                "message": " ".join(texts),
                "messages": texts,
            }
        }


class GuardedWorkflowTransition(WorkflowTransition):
    """@workflow on reviewable items: review steps only through @review.

    Submit and revise still work here; no transition sets ``effective`` (the
    publication date is set when the item is published).
    """

    def reply(self):
        if self.transition in TOKEN_TRANSITIONS:
            self.request.response.setStatus(403)
            message = translate(
                _(
                    "This step needs a review record: use the @review endpoint or "
                    "the review panel."
                ),
                context=self.request,
            )
            return {"error": {"type": "Forbidden", "message": message}}
        return super().reply()

    def recurse_transition(
        self, objs, comment, publication_dates, include_children=False
    ):
        for obj in objs:
            try:
                self.wftool.doActionFor(obj, self.transition, comment=comment)
            except WorkflowException:
                if not self.is_same_state(obj):
                    raise
