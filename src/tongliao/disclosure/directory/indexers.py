"""Catalog indexers of the standard directory and the guide (others: no value)."""

from plone.indexer import indexer
from tongliao.disclosure.directory.content import IDirectoryItem
from tongliao.disclosure.directory.guide_content import IDisclosureGuide
from tongliao.disclosure.policy.document import IPolicyDocument
from zope.interface import Interface


@indexer(Interface)
def no_value(obj):
    raise AttributeError


@indexer(IDirectoryItem)
def directory_code(obj):
    return obj.code


@indexer(IDirectoryItem)
def time_limit_days(obj):
    days = obj.time_limit_days
    if days is None:
        raise AttributeError("time_limit_days")
    return days


@indexer(IDirectoryItem)
def disclosure_mode(obj):
    return obj.disclosure_mode


@indexer(IPolicyDocument)
def directory_item_uids(obj):
    """UIDs of the directory items the document fulfils (broken relations skipped)."""
    uids = []
    for relation in getattr(obj.aq_base, "directory_items", None) or []:
        target = relation.to_object
        if target is not None:
            uids.append(target.UID())
    if not uids:
        raise AttributeError("directory_item_uids")
    return uids


@indexer(IDisclosureGuide)
def last_reviewed(obj):
    if obj.last_reviewed is None:
        raise AttributeError("last_reviewed")
    return obj.last_reviewed
