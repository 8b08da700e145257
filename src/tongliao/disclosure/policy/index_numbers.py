"""索引号 ``<credit_code>/<year>-<5-digit serial>``, assigned at first publication.

Why publication and not creation: a draft that is never published must not leave a
gap in the public series, and the standard's number identifies a *published* item.
An index number, once assigned, stays: withdraw and re-publish keep it, and a serial
is never handed out twice.

Concurrency: the per-agency counter is one plain ``Persistent`` object without
``_p_resolveConflict`` (deliberately not ``BTrees.Length``, which merges concurrent
increments and would hand out the same serial twice). Two transactions allocating in
the same agency both write that object, so the second commit raises ``ConflictError``
and Zope's publisher retries the whole request, which then reads the new value.
"""

from DateTime import DateTime
from persistent import Persistent
from plone import api
from tongliao.disclosure import logger
from tongliao.disclosure.chinatime import today_in_china
from tongliao.disclosure.policy.agency import find_agency
from zope.annotation.interfaces import IAnnotations


COUNTER_KEY = "tongliao.disclosure.index_number_counter"
SERIAL_WIDTH = 5
YEAR_SOURCE_RECORD = "tongliao.disclosure.index_number_year_source"
PUBLISHED_STATE = "published"


class IndexNumberCounter(Persistent):
    """Last serial handed out, per year, for one agency."""

    def __init__(self):
        self.last = {}

    def allocate(self, year):
        serial = self.last.get(year, 0) + 1
        # Replace the dict so the write is on this object (and conflicts here).
        self.last = {**self.last, year: serial}
        return serial

    def peek(self, year):
        return self.last.get(year, 0)


def get_counter(agency, create=True):
    annotations = IAnnotations(agency)
    counter = annotations.get(COUNTER_KEY)
    if counter is None and create:
        counter = annotations[COUNTER_KEY] = IndexNumberCounter()
    return counter


def format_index_number(credit_code, year, serial):
    return f"{credit_code}/{year}-{serial:0{SERIAL_WIDTH}d}"


def _year_source():
    try:
        return api.portal.get_registry_record(YEAR_SOURCE_RECORD, default="published")
    except api.exc.InvalidParameterError:
        return "published"


def index_year(document, published=None):
    """Publication year by default; 成文日期's year if the registry says so."""
    if _year_source() == "date_written" and document.date_written:
        return document.date_written.year
    if published is not None:
        return published.year
    effective = document.effective_date
    if effective is not None:
        return effective.year()
    return today_in_china().year


def assign_index_number(document, published=None):
    """Give ``document`` its index number unless it already has one.

    Returns the index number (possibly the existing one) or None if the document
    is not inside an agency (no credit code to prefix it with).
    """
    if getattr(document, "index_number", ""):
        return document.index_number
    agency = find_agency(document)
    if agency is None or not agency.credit_code:
        logger.warning(
            "No index number for %s: it is not inside a disclosure agency",
            "/".join(document.getPhysicalPath()),
        )
        return None
    year = index_year(document, published)
    serial = get_counter(agency).allocate(year)
    document.index_number = format_index_number(agency.credit_code, year, serial)
    document.reindexObject(idxs=["index_number", "SearchableText"])
    _check_unique(document)
    return document.index_number


def _check_unique(document):
    """Guard: the catalog must not know another object with the same number."""
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        index_number=document.index_number
    )
    others = [b for b in brains if api.content.get_uuid(document) != b.UID]
    if others:
        raise ValueError(
            f"Index number {document.index_number} is already used by "
            f"{others[0].getPath()}"
        )


def on_transition(document, event):
    """On any transition into "published": set 发布日期 if empty, assign 索引号."""
    new_state = getattr(event, "new_state", None)
    if new_state is None or new_state.getId() != PUBLISHED_STATE:
        return
    if document.effective_date is None:
        # 发布日期 is the day it became public (the interpretation lag needs it).
        document.setEffectiveDate(DateTime())
        document.reindexObject(idxs=["effective", "effectiveRange"])
    if document.portal_type == "PolicyDocument":
        assign_index_number(document)


def on_agency_added(agency, event):
    """Create the counter with the agency, so first allocations only update it."""
    get_counter(agency)
