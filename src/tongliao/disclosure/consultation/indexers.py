"""Catalog metadata of consultations.

``pending_comments``: how many comments await moderation (the staff warning
reads brains only; the comment and moderation views reindex the
consultation). ``feedback_deadline`` / ``feedback_date`` (ISO): when its
采纳情况反馈 is due and when one was first published (the assessment's
``consultations_overdue``; publishing a feedback report reindexes its
consultation).
"""

from plone import api
from plone.indexer import indexer
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.chinatime import to_china
from tongliao.disclosure.chinatime import today_in_china
from tongliao.disclosure.consultation import comments as store
from tongliao.disclosure.consultation.content import consultation_of
from tongliao.disclosure.consultation.content import IPolicyConsultation
from tongliao.disclosure.deadlines import CalendarCoverageError
from zope.interface import Interface


@indexer(IPolicyConsultation)
def pending_comments(obj):
    return len(store.comments_in(obj, store.PENDING))


def feedback_days():
    return api.portal.get_registry_record(
        "tongliao.disclosure.consultation_feedback_working_days", default=20
    )


@indexer(IPolicyConsultation)
def feedback_deadline(obj):
    close = getattr(obj.aq_base, "close_date", None)
    if close is None:
        raise AttributeError("feedback_deadline")
    try:
        return get_site_calendar().add_working_days(close, feedback_days()).isoformat()
    except CalendarCoverageError:
        raise AttributeError("feedback_deadline") from None


@indexer(IPolicyConsultation)
def feedback_date(obj):
    """The day a feedback report of the consultation was first published."""
    days = []
    for relation in api.relation.get(
        target=obj, relationship="consultation", unrestricted=True
    ):
        source = relation.from_object
        if source is None or api.content.get_state(source, default=None) != (
            "published"
        ):
            continue
        published = to_china(source.effective_date)
        # Asked during its publication, before 发布日期 is set: today.
        days.append(published.date() if published else today_in_china())
    if not days:
        raise AttributeError("feedback_date")
    return min(days).isoformat()


def reindex_consultation(feedback, event):
    """IAfterTransitionEvent of a feedback report: its consultation's columns."""
    consultation = consultation_of(feedback)
    if consultation is not None:
        consultation.reindexObject(idxs=["getId"])


@indexer(Interface)
def not_ours(obj):
    raise AttributeError
