"""Event handlers of reviewable items: publication date, edits in review, mail."""

from Acquisition import aq_base
from DateTime import DateTime
from plone.app.workflow.interfaces import ILocalrolesModifiedEvent
from tongliao.disclosure.workflow.notify import notify_transition
from tongliao.disclosure.workflow.review import PENDING_STATES
from tongliao.disclosure.workflow.review import return_to_draft
from tongliao.disclosure.workflow.review import review_state
from tongliao.disclosure.workflow.review import WORKFLOW_ID
from zope.container.interfaces import IContainerModifiedEvent


def after_transition(obj, event):
    if getattr(event.workflow, "id", None) != WORKFLOW_ID or not event.action:
        return
    state = review_state(obj)
    if state == "published" and getattr(aq_base(obj), "effective_date", None) is None:
        obj.setEffectiveDate(DateTime())
        obj.reindexObject()
    notify_transition(obj, event.action, state)


def modified(obj, event):
    # Sharing changes and child add/remove/reorder are not edits of the item.
    if ILocalrolesModifiedEvent.providedBy(event) or IContainerModifiedEvent.providedBy(
        event
    ):
        return
    if review_state(obj) in PENDING_STATES:
        return_to_draft(obj, "")
