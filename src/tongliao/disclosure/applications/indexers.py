"""Catalog indexers of DisclosureApplication: no personal data, no tracking
code (only its hash)."""

from plone.indexer import indexer
from tongliao.disclosure.applications.content import IDisclosureApplication
from tongliao.disclosure.applications.content import tracking_code_hash
from tongliao.disclosure.applications.remedies import (
    catalog_rows as remedy_catalog_rows,
)
from tongliao.disclosure.applications.remedies import fee_paid
from tongliao.disclosure.applications.remedies import proceedings
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


@indexer(IDisclosureApplication)
def remedy_years_indexer(obj):
    """Years in which a 行政复议 or 行政诉讼 about the case was filed (table 四)."""
    years = sorted({item["filed"].year for item in proceedings(obj).values()})
    if not years:
        raise AttributeError("remedy_years")
    return years


@indexer(IDisclosureApplication)
def remedy_proceedings_indexer(obj):
    """Metadata for table 四: (proceeding, filed, decided, result) tuples."""
    return remedy_catalog_rows(obj)


@indexer(IDisclosureApplication)
def fee_paid_year_indexer(obj):
    paid = fee_paid(obj)
    if paid is None:
        raise AttributeError("fee_paid_year")
    return paid[0].year


@indexer(IDisclosureApplication)
def fee_paid_amount_indexer(obj):
    """Metadata: the information-processing fee paid, in 元 (0 when none)."""
    paid = fee_paid(obj)
    return paid[1] if paid else 0
