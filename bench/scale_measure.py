"""Measure one city-scale dataset inside Zope (run by bench_scale.py).

Run through zconsole on the dataset's instance; writes JSON to ``BENCH_OUT``.
Every figure of ours comes with its stock Plone counterpart measured here, in
the same process, on the same catalog. Nothing is committed: the creation-rate
items are aborted.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from datetime import date
from pathlib import Path
from plone import api
from Products.CMFCore.indexing import processQueue
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest

import json
import os
import statistics
import sys
import time
import transaction


HERE = Path(os.environ["BENCH_DIR"])  # zconsole runs the script without __file__
sys.path.insert(0, str(HERE))

from scale_data import SITE_ID  # noqa: E402


ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
CREATE = int(os.environ.get("BENCH_CREATE", "150"))


def new_request():
    """Forget the catalog's per-request cache of index results: each call is
    a request of its own, as on the site (one REQUEST lives through zconsole)."""
    getRequest().other.pop("__catalog_cache__", None)


def percentiles(function, rounds=ROUNDS):
    function()  # warm the ZODB cache, as a running site has it
    samples = []
    for _ in range(rounds):
        new_request()
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "p50": round(statistics.median(samples), 3),
        "p95": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 3),
    }


def catalogue_cases(site):
    from tongliao.disclosure.platform import catalogue
    from tongliao.disclosure.platform.catalogue import CatalogueQuery

    catalog = api.portal.get_tool("portal_catalog")
    agency = site["agency03"]

    def stock(start=0, **query):
        def run():
            brains = catalog(
                portal_type="PolicyDocument",
                sort_on="effective",
                sort_order="reverse",
                sort_limit=start + 20,
                **query,
            )[start : start + 20]
            return [b.Title for b in brains]

        return run

    def ours(context=site, with_facets=True, **params):
        def run():
            result = catalogue.search(
                context, CatalogueQuery.from_params(params), with_facets
            )
            return [b.Title for b in result.brains]

        return run

    first = catalogue.search(site, CatalogueQuery())
    path = "/".join(agency.getPhysicalPath())
    # (name, ours, stock query of the same shape)
    return first.total, [
        ("page", ours(), stock()),
        ("page_no_facets", ours(with_facets=False), stock()),
        ("filtered", ours(subject="02", year="2020"), stock(year_written=2020)),
        ("agency", ours(context=agency), stock(path=path)),
        ("page_50", ours(b_start="980"), stock(start=980)),
        ("fulltext", ours(q="政务公开"), stock(SearchableText="政务公开")),
        ("fulltext_rare", ours(q="草原修复"), stock(SearchableText="草原修复")),
        (
            "number",
            ours(q="通政发〔2020〕11号"),
            stock(document_number="通政发〔2020〕11号"),
        ),
    ]


def measure_catalogue(site):
    total, cases = catalogue_cases(site)
    result = {"listed": total}
    for name, ours, stock in cases:
        result[name] = {"ours": percentiles(ours), "stock": percentiles(stock)}
    return result


def measure_creation(site):
    """api.content.create (+ indexing) of PolicyDocuments vs stock Documents."""
    from plone.app.textfield.value import RichTextValue

    text = RichTextValue(
        "<p>现将有关事项通知如下。</p>", "text/html", "text/x-html-safe"
    )
    agency = site["agency01"]
    folder = site["stock"]
    rates = {}
    for name, container, fields in (
        (
            "Document",
            folder,
            {"type": "Document", "title": "通辽市关于政务公开工作的通知"},
        ),
        (
            "PolicyDocument",
            agency,
            {
                "type": "PolicyDocument",
                "title": "通辽市关于政务公开工作的通知",
                "date_written": date(2025, 3, 1),
                "document_kind": "notice",
                "subject_category": "02.01",
                "validity": "valid",
            },
        ),
    ):
        start = time.perf_counter()
        for n in range(CREATE):
            api.content.create(container=container, id=f"new{n}", text=text, **fields)
            processQueue()
        rates[name] = round(CREATE / (time.perf_counter() - start), 1)
        transaction.abort()
    return rates


def measure_reports(site):
    from tongliao.disclosure.assessment import monitors
    from tongliao.disclosure.assessment import queries
    from tongliao.disclosure.reports import compute
    from tongliao.disclosure.reports import report

    catalog = api.portal.get_tool("portal_catalog")
    city = "/".join(site.getPhysicalPath())
    agency = site["agency00"]

    def annual():
        cells = {
            **compute.compute_table2(city, 2025, catalog),
            **compute.compute_table3(city, 2025, catalog),
        }
        report.check_cells(cells)
        return cells

    def annual_stock():
        brains = catalog.unrestrictedSearchResults(
            path=city, portal_type="DisclosureApplication", sort_on="received_date"
        )
        return [(b.received_date, b.closed_date) for b in brains]

    period = monitors.period_dates(2025)

    def assessment():
        return queries.run_monitors(agency, period, date(2026, 3, 1))

    def assessment_stock():
        brains = catalog.unrestrictedSearchResults(
            path="/".join(agency.getPhysicalPath()),
            portal_type="PolicyDocument",
            review_state="published",
            sort_on="effective",
        )
        return [(b.Title, b.effective) for b in brains]

    applications = len(
        catalog.unrestrictedSearchResults(portal_type="DisclosureApplication")
    )
    return {
        "applications": applications,
        "annual_report": {
            "ours": percentiles(annual, 5),
            "stock": percentiles(annual_stock, 5),
        },
        "assessment": {
            "ours": percentiles(assessment, 5),
            "stock": percentiles(assessment_stock, 5),
        },
    }


def main(app):
    app = makerequest(app)
    setRequest(app.REQUEST)
    site = app[SITE_ID]
    setSite(site)
    result = {}
    noSecurityManager()  # the catalogue as an anonymous visitor sees it
    result["catalogue"] = measure_catalogue(site)
    admin = app.acl_users.getUser("admin")
    newSecurityManager(None, admin.__of__(app.acl_users))
    result["reports"] = measure_reports(site)
    result["creation"] = measure_creation(site)
    transaction.abort()
    Path(os.environ["BENCH_OUT"]).write_text(json.dumps(result, indent=1))


main(globals()["app"])  # noqa: F821 - injected by zconsole
