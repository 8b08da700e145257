"""Catalog metadata of consultations: how many comments await moderation.

Kept as metadata (column ``pending_comments``) so the staff warning reads
brains only; the comment and moderation views reindex the consultation.
"""

from plone.indexer import indexer
from tongliao.disclosure.consultation import comments as store
from tongliao.disclosure.consultation.content import IPolicyConsultation
from zope.interface import Interface


@indexer(IPolicyConsultation)
def pending_comments(obj):
    return len(store.comments_in(obj, store.PENDING))


@indexer(Interface)
def not_ours(obj):
    raise AttributeError
