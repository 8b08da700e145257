"""Catalog data of PublicMessage: no name or contact, the code only hashed."""

from plone.indexer import indexer
from tongliao.disclosure.messages.content import IPublicMessage
from tongliao.disclosure.messages.workflow import due
from tongliao.disclosure.tracking import tracking_code_hash


@indexer(IPublicMessage)
def tracking_code_hash_indexer(obj):
    return tracking_code_hash(obj.tracking_code) or None


@indexer(IPublicMessage)
def received_date_indexer(obj):
    received = getattr(obj, "received_date", None)
    return received.isoformat() if received else None


@indexer(IPublicMessage)
def reply_deadline_indexer(obj):
    running = due(obj)
    return running.date.isoformat() if running else None


@indexer(IPublicMessage)
def searchable_text_indexer(obj):
    return " ".join(part for part in (obj.title, obj.question, obj.answer) if part)
