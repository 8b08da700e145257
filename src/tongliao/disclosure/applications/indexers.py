"""Catalog indexers of DisclosureApplication: no personal data, no tracking
code (only its hash)."""

from plone.indexer import indexer
from tongliao.disclosure.applications.content import IDisclosureApplication
from tongliao.disclosure.applications.content import tracking_code_hash
from tongliao.disclosure.applications.workflow import safe_compute


@indexer(IDisclosureApplication)
def reply_deadline_indexer(obj):
    result, _error = safe_compute(obj)
    if result is None or result.reply_deadline is None:
        return None
    return result.reply_deadline.isoformat()


@indexer(IDisclosureApplication)
def received_date_indexer(obj):
    return obj.received_date.isoformat() if obj.received_date else None


@indexer(IDisclosureApplication)
def replied_date_indexer(obj):
    event = obj.last_event("replied")
    return event["date"].isoformat() if event else None


@indexer(IDisclosureApplication)
def fee_pending_indexer(obj):
    return obj.has_event("fee_notice_sent") and not obj.has_event("fee_paid")


@indexer(IDisclosureApplication)
def tracking_code_hash_indexer(obj):
    return tracking_code_hash(obj.tracking_code) or None


@indexer(IDisclosureApplication)
def application_outcome_indexer(obj):
    return obj.outcome or None


@indexer(IDisclosureApplication)
def application_channel_indexer(obj):
    return obj.channel or None


@indexer(IDisclosureApplication)
def searchable_text_indexer(obj):
    # Only what staff search by; never the applicant's personal fields.
    return " ".join(part for part in (obj.title, obj.description) if part)
