"""Benchmark: legacy catalogue import rate against stock Document import, same run.

Run with ``python bench/bench_migration.py [rows]`` (default 200). The site is
the test layer's (real Plone, our profile). Measured:

* legacy import of ``rows`` policy documents from a GBK CSV (check + create +
  publish with an import record), dry run and real;
* collective.exportimport's ``import_new_content`` of ``rows`` stock
  ``Document`` items (title, description, HTML text) — the baseline;
* ``export_content`` (with this add-on's hooks) of the imported documents.
"""

from pathlib import Path

import importlib
import sys
import time


sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEFAULT_ROWS = 200
CODE = "11150000MB1604391C"


def setup_site():
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


def legacy_rows(count):
    from tests.legacy_support import AGENCY_NAME

    rows = []
    for n in range(1, count + 1):
        rows.append(
            [
                f"关于做好第{n}项政务公开工作的通知",
                f"{CODE}/2021-{n:05d}",
                f"通生发〔2021〕{n}号",
                AGENCY_NAME,
                "2021-03-01",
                "2021-03-05",
                "综合政务/政务公开",
                "通知",
                "有效",
                f"各旗县区人民政府：\n现将第{n}项有关事项通知如下。",
                "",
            ]
        )
    return rows


def stock_items(portal, count):
    base = portal.absolute_url()
    return [
        {
            "@id": f"{base}/stock/page-{n}",
            "id": f"page-{n}",
            "@type": "Document",
            "UID": f"{n:032x}",
            "title": f"关于做好第{n}项政务公开工作的通知",
            "description": "",
            "text": {
                "data": f"<p>现将第{n}项有关事项通知如下。</p>",
                "content-type": "text/html",
                "encoding": "utf-8",
            },
            "parent": {"@id": f"{base}/stock", "@type": "Folder", "UID": None},
            "review_state": "published",
        }
        for n in range(1, count + 1)
    ]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ROWS
    layer, layers = setup_site()
    portal = layer["portal"]
    from plone import api
    from tests.legacy_support import AGENCY_NAME
    from tests.legacy_support import csv_bytes
    from tests.review_support import make_users
    from tongliao.disclosure.migration.exportimport import export_content
    from tongliao.disclosure.migration.exportimport import import_content
    from tongliao.disclosure.migration.legacy import NoFiles
    from tongliao.disclosure.migration.legacy_import import run_import

    try:
        with api.env.adopt_roles(["Manager"]):
            make_users(portal)
            agency = api.content.create(
                container=portal,
                type="DisclosureAgency",
                id="gen",
                title=AGENCY_NAME,
                credit_code=CODE,
            )
            api.content.create(container=portal, type="Folder", id="stock")
        data = csv_bytes(legacy_rows(count), encoding="gbk")
        results = []
        with api.env.adopt_user(username="approver"):
            start = time.perf_counter()
            dry = run_import(agency, data, "bench.csv", NoFiles())
            results.append(
                ("legacy import, dry run (check only)", time.perf_counter() - start)
            )
            assert len(dry.new) == count and not dry.bad
            start = time.perf_counter()
            done = run_import(agency, data, "bench.csv", NoFiles(), dry_run=False)
            results.append(
                (
                    "legacy import (PolicyDocument, published)",
                    time.perf_counter() - start,
                )
            )
            assert len(done.created) == count
        with api.env.adopt_roles(["Manager"]):
            start = time.perf_counter()
            added = import_content(portal, portal.REQUEST, stock_items(portal, count))
            results.append(
                ("collective.exportimport, stock Document", time.perf_counter() - start)
            )
            assert len(added) == count, len(added)
            start = time.perf_counter()
            exported = export_content(portal, portal.REQUEST, ["PolicyDocument"])
            results.append(
                ("export_content of the PolicyDocuments", time.perf_counter() - start)
            )
            assert len(exported) == count
        baseline = results[2][1]
        print(f"rows: {count}")
        print(f"{'case':46} {'seconds':>8} {'items/s':>8} {'× stock':>8}")
        for name, seconds in results:
            rate, ratio = count / seconds, seconds / baseline
            print(f"{name:46} {seconds:8.2f} {rate:8.1f} {ratio:8.2f}")
    finally:
        layer.testTearDown()
        for current in reversed(layers):
            current.tearDown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
