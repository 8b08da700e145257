"""Event handlers of reviewable items: publication dates and mail after a step."""

from Acquisition import aq_base
from DateTime import DateTime
from tongliao.disclosure.chinatime import today_in_china as china_today
from tongliao.disclosure.review.notify import notify_transition
from tongliao.disclosure.review.workflow import review_state
from tongliao.disclosure.review.workflow import WORKFLOW_ID


def after_transition(obj, event):
    if getattr(event.workflow, "id", None) != WORKFLOW_ID or not event.action:
        return
    state = review_state(obj)
    if state == "published":
        if getattr(aq_base(obj), "effective_date", None) is None:
            obj.setEffectiveDate(DateTime())
        # Every publication, also of a changed version (art. 26 counts a
        # change's 20 working days up to it); 发布日期 stays the first one.
        obj.last_published = china_today()
        obj.reindexObject()
    notify_transition(obj, event.action, state)
