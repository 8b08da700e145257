"""Benchmark: annual-report tables at 50k documents + 10k applications.

Run with ``python bench/bench_annual_report.py [--rebuild]``. The data is built
once into a real ZCatalog (the same index types and names as portal_catalog:
FieldIndex, BooleanIndex, ExtendedPathIndex, metadata columns) stored in
``var/bench/annual_report.fs`` and reused; catalogued objects are lightweight
stand-ins carrying exactly the values our indexers produce (creating 60k
objects through plone.api would take ~15 minutes).

It times ``compute_table2`` + ``compute_table3`` (the code the site runs) and, in
the same run on the same catalog, a stock catalog query of comparable size: all
10k applications of the agency sorted on received_date, reading two metadata
columns of every brain (a plain listing), and prints the ratio.
"""

from datetime import date
from datetime import timedelta
from pathlib import Path

import importlib
import random
import statistics
import sys
import time


ROOT = Path(__file__).resolve().parents[1]
# Measure this checkout's code, not whatever copy is installed in the venv.
sys.path.insert(0, str(ROOT / "src"))

from Products.ExtendedPathIndex.ExtendedPathIndex import ExtendedPathIndex  # noqa: E402
from Products.PluginIndexes.BooleanIndex.BooleanIndex import BooleanIndex  # noqa: E402
from Products.PluginIndexes.FieldIndex.FieldIndex import FieldIndex  # noqa: E402
from Products.ZCatalog.ZCatalog import ZCatalog  # noqa: E402

import transaction  # noqa: E402
import ZODB  # noqa: E402
import ZODB.FileStorage  # noqa: E402


SEED = 20260125
DOCUMENTS = 50_000
APPLICATIONS = 10_000
YEAR = 2025
FIRST_YEAR = 2016
STORE = ROOT / "var" / "bench" / "annual_report.fs"
AGENCY = "/plone/agency-a"
OTHER = "/plone/agency-b"
FIELD_INDEXES = (
    "portal_type",
    "review_state",
    "year_written",
    "repeal_year",
    "received_date",
    "closed_date",
    "applicant_type",
    "application_outcome",
)
COLUMNS = (
    "received_date",
    "closed_date",
    "applicant_type",
    "application_outcome",
    "review_state",
)
APPLICANTS = (
    ["natural_person"] * 70
    + ["business"] * 15
    + ["research", "nonprofit", "legal_service"] * 3
    + ["other_org"] * 6
)


class Stub:
    """What the catalog sees of a PolicyDocument or DisclosureApplication."""

    def __init__(self, path, **values):
        self._path = tuple(path.split("/"))
        self.__dict__.update(values)

    def getPhysicalPath(self):
        return self._path


class Unrestricted:
    """The plain ZCatalog under the name Plone's catalog tool uses."""

    def __init__(self, catalog):
        self.catalog = catalog

    def unrestrictedSearchResults(self, **query):
        return self.catalog.searchResults(**query)


def new_catalog():
    catalog = ZCatalog("portal_catalog")
    for name in FIELD_INDEXES:
        catalog.addIndex(name, FieldIndex(name))
    for name in ("is_regulation", "is_normative"):
        catalog.addIndex(name, BooleanIndex(name))
    catalog.addIndex("path", ExtendedPathIndex("path"))
    for name in COLUMNS:
        catalog.addColumn(name)
    return catalog


def documents(rng):
    for n in range(DOCUMENTS):
        agency = AGENCY if rng.random() < 0.8 else OTHER
        written = date(FIRST_YEAR, 1, 1) + timedelta(days=rng.randrange(3650))
        values = {
            "portal_type": "PolicyDocument",
            "review_state": "published" if rng.random() < 0.95 else "private",
            "year_written": written.year,
            "is_regulation": rng.random() < 0.1,
            "is_normative": rng.random() < 0.4,
        }
        roll = rng.random()
        if roll < 0.15:
            values["repeal_year"] = min(written.year + rng.randrange(0, 6), YEAR + 1)
        elif roll < 0.16:
            values["repeal_year"] = 0
        yield f"{agency}/doc-{n}", values


def applications(rng):
    outcomes = importlib.import_module(
        "tongliao.disclosure.reports.layout"
    ).outcome_keys()
    for n in range(APPLICATIONS):
        agency = AGENCY if rng.random() < 0.8 else OTHER
        received = date(FIRST_YEAR, 1, 1) + timedelta(days=rng.randrange(3650))
        values = {
            "portal_type": "DisclosureApplication",
            "received_date": received.isoformat(),
            "applicant_type": rng.choice(APPLICANTS),
            "closed_date": None,
            "application_outcome": None,
            "review_state": "processing",
        }
        closed = received + timedelta(days=rng.randrange(1, 60))
        if closed <= date(YEAR, 12, 31) or rng.random() < 0.5:
            values["closed_date"] = closed.isoformat()
            if rng.random() < 0.03:
                values["review_state"] = "withdrawn"
            else:
                values["review_state"] = rng.choice(("replied", "archived"))
                values["application_outcome"] = rng.choice(outcomes)
        yield f"{agency}/app-{n}", values


def build(root):
    rng = random.Random(SEED)
    root["catalog"] = catalog = new_catalog()
    transaction.commit()  # ZCatalog needs its connection while indexing
    started = time.perf_counter()
    for source in (documents(rng), applications(rng)):
        for path, values in source:
            catalog.catalog_object(Stub(path, **values), uid=path)
    transaction.commit()
    return time.perf_counter() - started


def timed(function, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def main(argv):
    compute = importlib.import_module("tongliao.disclosure.reports.compute")
    checks = importlib.import_module("tongliao.disclosure.reports.report")
    STORE.parent.mkdir(parents=True, exist_ok=True)
    if "--rebuild" in argv and STORE.exists():
        for suffix in ("", ".index", ".lock", ".tmp"):
            Path(str(STORE) + suffix).unlink(missing_ok=True)
    db = ZODB.DB(ZODB.FileStorage.FileStorage(str(STORE)))
    connection = db.open()
    root = connection.root()
    if "catalog" not in root:
        print(f"building {DOCUMENTS} documents + {APPLICATIONS} applications …")
        print(f"built in {build(root):.1f} s (stored in {STORE.relative_to(ROOT)})")
    catalog = Unrestricted(root["catalog"])
    sizes = {
        "documents": len(
            catalog.unrestrictedSearchResults(portal_type="PolicyDocument")
        ),
        "applications": len(
            catalog.unrestrictedSearchResults(portal_type="DisclosureApplication")
        ),
    }

    def ours():
        cells = {
            **compute.compute_table2(AGENCY, YEAR, catalog),
            **compute.compute_table3(AGENCY, YEAR, catalog),
        }
        checks.check_cells(cells)
        return cells

    def stock():
        brains = catalog.unrestrictedSearchResults(
            portal_type="DisclosureApplication", path=AGENCY, sort_on="received_date"
        )
        return [(b.received_date, b.applicant_type) for b in brains]

    cells = ours()
    listed = len(stock())
    # Identity from the data: 一 + 二 = （七） + 四 on the computed table.
    left = cells["t3.new_received.total"] + cells["t3.carried_over.total"]
    right = cells["t3.results_total.total"] + cells["t3.carry_forward.total"]
    assert left == right, (left, right)
    ours_median, ours_best = timed(ours, 7)
    stock_median, stock_best = timed(stock, 7)
    print(
        f"catalog: {sizes['documents']} documents, {sizes['applications']} applications"
    )
    print(
        f"report {YEAR} of {AGENCY}: 一 {cells['t3.new_received.total']}, "
        f"二 {cells['t3.carried_over.total']}, "
        f"（七） {cells['t3.results_total.total']}, "
        f"四 {cells['t3.carry_forward.total']}"
    )
    print(f"{'measure':<52}{'median s':>10}{'best s':>10}")
    print(
        f"{'tables 二 + 三 + checks (compute_table2/3)':<52}"
        f"{ours_median:>10.4f}{ours_best:>10.4f}"
    )
    print(
        f"{f'stock listing: {listed} brains, sort_on, 2 columns':<52}"
        f"{stock_median:>10.4f}{stock_best:>10.4f}"
    )
    print(f"ratio report / stock listing: {ours_median / stock_median:.2f}")
    target = 1.0
    print(f"target < {target} s: {'met' if ours_median < target else 'MISSED'}")
    connection.close()
    db.close()
    return 0 if ours_median < target else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
