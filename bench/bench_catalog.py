"""Benchmark: the disclosure catalogue (page of 20 + five facet counts) at ~2,000
published policy documents, against a stock Plone listing in the same run.

Run with ``python bench/bench_catalog.py [documents]``. The site is the test
layer's (real Plone, our profile); the documents are catalogued once with
``catalog_object`` from lightweight, unstored PolicyDocument instances (their
View permission and review state set as publishing would), so building the data
takes seconds, not 2,000 add/publish cycles. Prints a table and the ratio of
each catalogue call to ``portal_catalog(portal_type=..., sort_on="effective",
sort_order="reverse", sort_limit=20)``.
"""

from datetime import date
from pathlib import Path

import importlib
import random
import statistics
import sys
import time


# Measure this checkout's code, not whatever copy is installed in the venv.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

SEED = 20261125
DEFAULT_COUNT = 2000
ROUNDS = 30
KINDS = ("notice", "opinion", "decision", "announcement", "reply", "report")
VALIDITY = ("valid", "valid", "valid", "expired", "repealed")
AGENCIES = tuple(f"通辽市第{n}局" for n in range(1, 13))
WORDS = ("政务公开", "应急管理", "社会救助", "义务教育", "财政预算", "安全生产")


def setup_site():
    """Set the integration layer up (and its bases) and return the portal."""
    testing = importlib.import_module("tongliao.disclosure.testing")
    layer = testing.INTEGRATION_TESTING
    done = []

    def up(current):
        for base in current.__bases__:
            up(base)
        if current not in done:
            current.setUp()
            done.append(current)

    up(layer)
    layer.testSetUp()
    return layer, done


def build(portal, count, rng):
    from DateTime import DateTime
    from plone import api
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.dexterity.utils import iterSchemataForType
    from tongliao.disclosure.policy.document import PolicyDocument
    from tongliao.disclosure.vocabularies import subject_tree
    from zope.schema import getFieldsInOrder

    defaults = {}
    for schema in iterSchemataForType("PolicyDocument"):
        for name, field in getFieldsInOrder(schema):
            defaults.setdefault(name, field.default)

    catalog = api.portal.get_tool("portal_catalog")
    # Other types' catalogue attributes, which would be acquired from the agency.
    foreign = set(catalog.indexes()) | set(catalog.schema())

    class BenchDocument(PolicyDocument):
        """A PolicyDocument whose missing attributes are the schema defaults,
        looked up in a dict: dexterity's own lookup (and acquisition through
        the agency) costs ~50 ms per object here, which would make the data
        build, not the queries, the bench."""

        def __getattr__(self, name):
            if name in defaults:
                return defaults[name]
            if name in foreign and not name.startswith("_"):
                return None
            raise AttributeError(name)

    setRoles(portal, TEST_USER_ID, ["Manager"])
    agency = api.content.create(
        container=portal,
        type="DisclosureAgency",
        id="bench",
        title="通辽市人民政府",
        credit_code="1115050001147000MT",
    )
    api.content.transition(agency, to_state="published")
    subjects = [child["token"] for top in subject_tree() for child in top["children"]]
    wf_id = api.portal.get_tool("portal_workflow").getChainForPortalType(
        "PolicyDocument"
    )[0]
    base = "/".join(agency.getPhysicalPath())
    start = time.perf_counter()
    for n in range(count):
        year = rng.randint(2015, 2025)
        doc = BenchDocument(f"doc{n:05d}")
        doc.portal_type = "PolicyDocument"
        doc.title = f"关于{rng.choice(WORDS)}工作的通知（第{n}号）"
        doc.document_number = f"通政发〔{year}〕{n + 1}号"
        doc.issuing_agency = rng.choice(AGENCIES)
        doc.date_written = date(year, rng.randint(1, 12), rng.randint(1, 28))
        doc.document_kind = rng.choice(KINDS)
        doc.subject_category = rng.choice(subjects)
        doc.validity = rng.choice(VALIDITY)
        doc.disclosure_attribute = "proactive"
        doc.index_number = f"1115050001147000MT/{year}-{n + 1:05d}"
        doc.text = None
        doc.description = ""
        doc.subject = ()
        doc.setEffectiveDate(DateTime(doc.date_written.isoformat() + " 09:00 GMT+8"))
        # What publishing leaves on the object: the state and the View roles.
        doc.workflow_history = {
            wf_id: ({"review_state": "published", "action": "publish"},)
        }
        doc.manage_permission("View", ["Anonymous"], acquire=1)
        doc.manage_permission("Access contents information", ["Anonymous"], 1)
        wrapped = doc.__of__(agency)
        catalog.catalog_object(wrapped, f"{base}/{doc.id}")
    return agency, time.perf_counter() - start


def timed(function, rounds=ROUNDS):
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_COUNT
    layer, layers = setup_site()
    portal = layer["portal"]
    from plone import api
    from plone.app.testing import logout
    from tongliao.disclosure.platform import catalogue
    from tongliao.disclosure.platform.catalogue import CatalogueQuery

    try:
        agency, build_seconds = build(portal, count, random.Random(SEED))
        catalog = api.portal.get_tool("portal_catalog")
        logout()  # measure what an anonymous visitor gets

        def stock():
            brains = catalog(
                portal_type="PolicyDocument",
                sort_on="effective",
                sort_order="reverse",
                sort_limit=20,
            )[:20]
            return [b.Title for b in brains]

        def ours(with_facets=True, **params):
            def run():
                result = catalogue.search(
                    portal, CatalogueQuery.from_params(params), with_facets
                )
                return [b.Title for b in result.brains]

            return run

        first = catalogue.search(portal, CatalogueQuery())
        assert first.total == count, (first.total, count)
        assert len(first.brains) == 20
        assert sum(i["count"] for i in first.facets["validity"]) == count
        cases = [
            ("stock portal_catalog, sort_limit=20", stock),
            ("catalogue page 1, no facets", ours(with_facets=False)),
            ("catalogue page 1 + 5 facets", ours()),
            ("catalogue page 50 (b_start=980)", ours(b_start="980")),
            ("catalogue oldest first", ours(sort="oldest")),
            ("catalogue subject=02 + year=2020", ours(subject="02", year="2020")),
            ("catalogue full text 政务公开", ours(q="政务公开")),
            ("catalogue document number", ours(q="通政发〔2020〕11号")),
        ]
        baseline = None
        print(f"documents: {count}, catalogued in {build_seconds:.1f} s")
        print(f"{'case':42} {'median ms':>10} {'× stock':>8}")
        for name, function in cases:
            function()  # warm caches
            ms = timed(function)
            baseline = baseline or ms
            print(f"{name:42} {ms:10.2f} {ms / baseline:8.1f}")
    finally:
        layer.testTearDown()
        for current in reversed(layers):
            current.tearDown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
