"""Event handlers of reviewable items: publication date and mail after a step."""

from Acquisition import aq_base
from DateTime import DateTime
from tongliao.disclosure.review.notify import notify_transition
from tongliao.disclosure.review.workflow import review_state
from tongliao.disclosure.review.workflow import WORKFLOW_ID


def after_transition(obj, event):
    if getattr(event.workflow, "id", None) != WORKFLOW_ID or not event.action:
        return
    state = review_state(obj)
    if state == "published" and getattr(aq_base(obj), "effective_date", None) is None:
        obj.setEffectiveDate(DateTime())
        obj.reindexObject()
    notify_transition(obj, event.action, state)
