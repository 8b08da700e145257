"""Upgrade for existing sites: private attributes into annotations, UTC timestamps.

The lead's upgrade step calls :func:`migrate_private_attributes` once. It is
idempotent: an object already migrated has none of the old attributes.

Naive timestamps were written by ``datetime.now()``, i.e. in the server's local
time zone; they are read as such and stored as UTC with an offset
(``2026-11-29T01:05:00+00:00``). Timestamps that already carry an offset are
only normalised to UTC.
"""

from datetime import datetime
from datetime import UTC
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from tongliao.disclosure import logger
from tongliao.disclosure.migration.storage import LEGACY_ATTRIBUTES
from zope.annotation.interfaces import IAnnotations


TIMESTAMP_KEYS = ("recorded", "time", "published")


def utc_text(value):
    """ISO 8601 text in UTC with offset; naive input is server local time."""
    if not isinstance(value, str) or not value:
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the server's local zone, as now() meant
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _fix_times(value):
    """A copy of ``value`` (same container types) with timestamps in UTC."""
    if isinstance(value, (dict, PersistentMapping)):
        return type(value)(
            (
                key,
                utc_text(entry)
                if key in TIMESTAMP_KEYS and isinstance(entry, str)
                else _fix_times(entry),
            )
            for key, entry in value.items()
        )
    if isinstance(value, (list, tuple, PersistentList)):
        return type(value)(_fix_times(entry) for entry in value)
    return value


def migrate_object(obj):
    """Move ``obj``'s private attributes to annotations; True if it changed."""
    mapping = LEGACY_ATTRIBUTES.get(getattr(obj, "portal_type", None), {})
    annotations = IAnnotations(obj)
    changed = False
    for attribute, key in mapping.items():
        if attribute not in obj.__dict__:
            continue
        value = obj.__dict__[attribute]
        if key not in annotations:
            annotations[key] = _fix_times(value)
        delattr(obj, attribute)
        changed = True
    return changed


def migrate_private_attributes(context=None):
    """Migrate every application and annual report of the site; returns a count."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type=list(LEGACY_ATTRIBUTES))
    count = 0
    for brain in brains:
        obj = brain._unrestrictedGetObject()
        if migrate_object(obj):
            count += 1
    logger.info("Moved private attributes of %d objects into annotations", count)
    return count
