"""Ratings of an agency, kept in an annotation of the agency, by year.

Each rating: kind (document | application | agency), target UID, grade,
answers (questionnaire), optional comment, time (UTC). No address, no cookie:
duplicate checks use keyed hashes of them (engine.visitor_keys) kept only for
the day they were made.
"""

from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import UTC
from persistent.list import PersistentList
from plone import api
from plone.keyring.interfaces import IKeyManager
from tongliao.disclosure.evaluation.engine import parse_grades
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility


RATINGS_KEY = "tongliao.disclosure.ratings"
SEEN_KEY = "tongliao.disclosure.ratings_seen"


def secret():
    return getUtility(IKeyManager).secret().encode()


def grades():
    return parse_grades(
        api.portal.get_registry_record(
            "tongliao.disclosure.evaluation_grades", default=None
        )
    )


def questions():
    return list(
        api.portal.get_registry_record(
            "tongliao.disclosure.evaluation_questions", default=None
        )
        or []
    )


def ratings(agency, year):
    """The ratings of ``year`` (plain dicts)."""
    store = IAnnotations(agency).get(RATINGS_KEY)
    if store is None or year not in store:
        return []
    return [dict(r) for r in store[year]]


def years(agency):
    store = IAnnotations(agency).get(RATINGS_KEY)
    return list(store.keys()) if store is not None else []


def seen(agency, keys, day):
    table = IAnnotations(agency).get(SEEN_KEY)
    if table is None:
        return False
    return any(table.get(key) == day.toordinal() for key in keys)


def add_rating(agency, day, keys, year=None, **record):
    """Store one rating under ``year`` (default: the day's) and remember today's
    visitor keys (older ones dropped)."""
    year = year or day.year
    annotations = IAnnotations(agency)
    store = annotations.get(RATINGS_KEY)
    if store is None:
        store = annotations[RATINGS_KEY] = OOBTree()
    if year not in store:
        store[year] = PersistentList()
    record.setdefault("created", datetime.now(UTC))
    store[year].append(record)
    table = annotations.get(SEEN_KEY)
    if table is None:
        table = annotations[SEEN_KEY] = OOBTree()
    stale = [key for key, value in table.items() if value < day.toordinal()]
    for key in stale:
        del table[key]
    for key in keys:
        table[key] = day.toordinal()
