"""Catalog indexers the annual report counts with.

As in ..indexers, each index has a catch-all indexer that says "no value" for
other objects, so nothing acquires a parent's attribute into the index.
"""

from plone.indexer import indexer
from tongliao.disclosure.applications.content import IDisclosureApplication
from tongliao.disclosure.policy.agency import IDisclosureAgency
from tongliao.disclosure.policy.document import IPolicyDocument
from tongliao.disclosure.reports.compute import UNKNOWN_REPEAL_YEAR
from tongliao.disclosure.reports.content import IAnnualReport
from tongliao.disclosure.vocabularies import term_data
from tongliao.disclosure.vocabularies import VALIDITY
from zope.interface import Interface


def _none(obj):
    raise AttributeError


not_ours = indexer(Interface)(_none)


@indexer(IPolicyDocument)
def is_regulation(obj):
    return bool(getattr(obj.aq_base, "is_regulation", False))


@indexer(IPolicyDocument)
def is_normative(obj):
    return bool(getattr(obj.aq_base, "is_normative", False))


def _in_force(validity):
    try:
        return term_data(VALIDITY, validity).get("in_force", True)
    except LookupError:
        return True


@indexer(IPolicyDocument)
def repeal_year(obj):
    """Year of the repeal date; 0 for 失效/废止 without a date (never in force)."""
    repeal_date = getattr(obj.aq_base, "repeal_date", None)
    if repeal_date is not None:
        return repeal_date.year
    if not _in_force(getattr(obj.aq_base, "validity", None)):
        return UNKNOWN_REPEAL_YEAR
    raise AttributeError("repeal_year")


@indexer(IAnnualReport)
def report_year(obj):
    if not obj.year:
        raise AttributeError("report_year")
    return obj.year


@indexer(IDisclosureAgency)
def agency_kind(obj):
    return getattr(obj.aq_base, "agency_kind", None) or "department"


@indexer(IDisclosureApplication)
def closed_date(obj):
    """ISO date of the reply or the withdrawal of an application; None while open."""
    for event in reversed(obj.get_events()):
        if event["type"] in ("replied", "withdrawn"):
            return event["date"].isoformat()
    return None
