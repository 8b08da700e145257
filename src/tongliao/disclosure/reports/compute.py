"""Tables 二, 三, 四 and the fee figures, from the catalog alone (indexes, metadata).

Nothing here wakes a content object: documents are counted from index result
lengths, applications read from brain metadata. ``catalog`` and ``agency`` may be
given explicitly (an agency object or its physical path string), so the
benchmark runs the same code on a bare ZCatalog.

Counting rules (year Y; dates are the ISO strings the catalog stores):

Table 二, rows 规章 (``is_regulation``) and 行政规范性文件 (``is_normative``), over
published PolicyDocuments inside the agency:

* 本年制发件数 = 成文日期 (``date_written``) in Y  (index ``year_written``);
* 本年废止件数 = 废止日期 (``repeal_date``) in Y  (index ``repeal_year``);
* 现行有效件数 = written by 31 Dec Y and not repealed by 31 Dec Y. A document
  whose validity is 失效/废止 without a repeal date is indexed with
  ``repeal_year`` 0: never in force, never "repealed this year", and reported by
  the ``t2.repeal_date_missing`` check.

Table 三, over DisclosureApplications inside the agency (all workflow states):

* an application is *closed* on ``closed_date``: the date of its reply (every
  outcome, including 逾期不补正 ``no_correction`` and 逾期未缴费 ``no_fee``, is a
  reply) or of its withdrawal; open applications have no closed_date;
* 一 本年新收 = received_date in Y;
* 二 上年结转 = received before Y and not closed before Y (open on 31 Dec Y-1);
* 三 办理结果 = closed in Y, in the row of its outcome; a **withdrawn**
  application (撤回) counts under （六）3 其他 — the form has no own row for it
  and leaving it out would break 一 + 二 = （七） + 四;
* （七）总计 = the number of applications closed in Y (counted directly, so a
  reply without an outcome shows up as （七） ≠ sum of the rows);
* 四 结转下年度 = received by 31 Dec Y and not closed by 31 Dec Y;
* 总计 column = the sum of the six applicant columns.

By construction 一 + 二 = （七） + 四 for the computed table; the checks exist for
the reported table (overrides) and for data errors.

Table 四, over the 行政复议 / 行政诉讼 recorded on the agency's applications
(index ``remedy_years``, metadata ``remedy_proceedings``):

* a proceeding counts in the year it was **filed** (assumption [L]: the format
  does not say; a case filed in December and decided in January is counted
  once, in the year of filing, as 尚未审结);
* its column is its result if decided by 31 Dec Y, else 尚未审结 (pending);
* 总计 = the sum of the four result columns.

Information-processing fees (section 六): applications whose fee was paid in
Y (index ``fee_paid_year``), their number and the amount in 元 (metadata
``fee_paid_amount``).
"""

from plone import api
from tongliao.disclosure.reports.layout import applicant_columns
from tongliao.disclosure.reports.layout import outcome_keys
from tongliao.disclosure.reports.layout import t3_columns
from tongliao.disclosure.reports.layout import t3_rows
from tongliao.disclosure.reports.layout import T4_BLOCKS
from tongliao.disclosure.reports.layout import t4_cells


DOCUMENT_TYPE = "PolicyDocument"
APPLICATION_TYPE = "DisclosureApplication"
# Documents count once published (the state name of both review workflows).
COUNTED_DOCUMENT_STATES = ("published",)
OPEN_APPLICATION_STATES = (
    "registered",
    "awaiting_correction",
    "processing",
    "consulting",
)
WITHDRAWN_STATE = "withdrawn"
WITHDRAWN_OUTCOME = "other"  # （六）3 其他
UNKNOWN_REPEAL_YEAR = 0


def _catalog(catalog):
    return catalog if catalog is not None else api.portal.get_tool("portal_catalog")


def agency_path(agency):
    if isinstance(agency, str):
        return agency
    return "/".join(agency.getPhysicalPath())


def _count(catalog, **query):
    # len() of a LazyMap is the index result size: no brain is created.
    return len(catalog.unrestrictedSearchResults(**query))


def compute_table2(agency, year, catalog=None):
    """The computed cells of table 二 (规章, 行政规范性文件) as {cell id: int}."""
    catalog = _catalog(catalog)
    base = {
        "portal_type": DOCUMENT_TYPE,
        "path": agency_path(agency),
        "review_state": COUNTED_DOCUMENT_STATES,
    }
    cells = {}
    for row, flag in (
        ("regulations", "is_regulation"),
        ("normative_documents", "is_normative"),
    ):
        query = {**base, flag: True}
        written_by_end = {"query": year, "range": "max"}
        cells[f"t2.{row}.issued"] = _count(catalog, year_written=year, **query)
        cells[f"t2.{row}.repealed"] = _count(catalog, repeal_year=year, **query)
        written = _count(catalog, year_written=written_by_end, **query)
        gone = _count(
            catalog,
            year_written=written_by_end,
            repeal_year={"query": year, "range": "max"},
            **query,
        )
        cells[f"t2.{row}.in_force"] = written - gone
    return cells


def repeal_date_missing(agency, catalog=None):
    """Paths of counted documents marked 失效/废止 without a repeal date."""
    catalog = _catalog(catalog)
    brains = catalog.unrestrictedSearchResults(
        portal_type=DOCUMENT_TYPE,
        path=agency_path(agency),
        review_state=COUNTED_DOCUMENT_STATES,
        repeal_year=UNKNOWN_REPEAL_YEAR,
    )
    return [brain.getPath() for brain in brains]


def _empty_table3():
    return {f"t3.{row}.{column}": 0 for row in t3_rows() for column in t3_columns()}


def application_brains(agency, year, catalog=None):
    """Brains of the applications that matter for year Y: received by 31 Dec Y and
    either still open or closed on/after 1 Jan Y (two index queries, no objects)."""
    catalog = _catalog(catalog)
    base = {
        "portal_type": APPLICATION_TYPE,
        "path": agency_path(agency),
        "received_date": {"query": f"{year}-12-31", "range": "max"},
    }
    seen = set()
    for query in (
        {"closed_date": {"query": f"{year}-01-01", "range": "min"}},
        {"review_state": OPEN_APPLICATION_STATES},
    ):
        for brain in catalog.unrestrictedSearchResults(**base, **query):
            rid = brain.getRID()
            if rid not in seen:
                seen.add(rid)
                yield brain


def compute_table3(agency, year, catalog=None):
    """Table 三 as {cell id: int}, following the counting rules of this module."""
    cells = _empty_table3()
    start, end = f"{year}-01-01", f"{year}-12-31"
    columns = set(applicant_columns())
    outcomes = set(outcome_keys())
    for brain in application_brains(agency, year, catalog):
        column = brain.applicant_type
        if column not in columns:
            continue
        received = brain.received_date
        closed = brain.closed_date or None
        if received >= start:
            cells[f"t3.new_received.{column}"] += 1
        elif closed is None or closed >= start:
            cells[f"t3.carried_over.{column}"] += 1
        if closed is not None and start <= closed <= end:
            cells[f"t3.results_total.{column}"] += 1
            if brain.review_state == WITHDRAWN_STATE:
                outcome = WITHDRAWN_OUTCOME
            else:
                outcome = brain.application_outcome
            if outcome in outcomes:
                cells[f"t3.{outcome}.{column}"] += 1
        elif closed is None or closed > end:
            cells[f"t3.carry_forward.{column}"] += 1
    for row in t3_rows():
        cells[f"t3.{row}.total"] = sum(
            cells[f"t3.{row}.{c}"] for c in applicant_columns()
        )
    return cells


T4_RESULTS = ("upheld", "corrected", "other")


def compute_table4(agency, year, catalog=None):
    """Table 四 as {cell id: int}, from the proceedings recorded on cases."""
    catalog = _catalog(catalog)
    cells = dict.fromkeys(t4_cells(), 0)
    end = f"{year}-12-31"
    brains = catalog.unrestrictedSearchResults(
        portal_type=APPLICATION_TYPE, path=agency_path(agency), remedy_years=year
    )
    for brain in brains:
        for block, filed, decided, result in brain.remedy_proceedings or ():
            if block not in T4_BLOCKS or not filed.startswith(str(year)):
                continue
            column = result if decided and decided <= end else "pending"
            if column not in T4_RESULTS:
                column = "pending"
            cells[f"t4.{block}.{column}"] += 1
            cells[f"t4.{block}.total"] += 1
    return cells


def compute_fees(agency, year, catalog=None):
    """{"count": n, "amount_yuan": m}: information-processing fees paid in Y."""
    catalog = _catalog(catalog)
    brains = catalog.unrestrictedSearchResults(
        portal_type=APPLICATION_TYPE, path=agency_path(agency), fee_paid_year=year
    )
    return {
        "count": len(brains),
        "amount_yuan": sum(brain.fee_paid_amount or 0 for brain in brains),
    }


def compute_tables(agency, year, catalog=None):
    """All computed cells (tables 二, 三 and 四)."""
    return {
        **compute_table2(agency, year, catalog),
        **compute_table3(agency, year, catalog),
        **compute_table4(agency, year, catalog),
    }
