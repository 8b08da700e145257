"""Catalog data of DisclosureComplaint: no personal data, the code only hashed."""

from plone.indexer import indexer
from tongliao.disclosure.complaints.content import IDisclosureComplaint
from tongliao.disclosure.complaints.workflow import due
from tongliao.disclosure.tracking import tracking_code_hash


@indexer(IDisclosureComplaint)
def tracking_code_hash_indexer(obj):
    return tracking_code_hash(obj.tracking_code) or None


@indexer(IDisclosureComplaint)
def received_date_indexer(obj):
    received = getattr(obj, "received_date", None)
    return received.isoformat() if received else None


@indexer(IDisclosureComplaint)
def reply_deadline_indexer(obj):
    """The running deadline (acceptance decision, then reply)."""
    running = due(obj)
    return running.date.isoformat() if running else None


@indexer(IDisclosureComplaint)
def searchable_text_indexer(obj):
    # Never what the complainant typed: that may name people.
    return " ".join(part for part in (obj.title, obj.public_summary or "") if part)
