"""Export a populated site with collective.exportimport, import it into a fresh
site, and compare the two item by item."""

from .migration_support import differences
from .migration_support import fresh_site
from .migration_support import next_serial
from .migration_support import populate
from .migration_support import snapshot
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.registry.interfaces import IRegistry
from tongliao.disclosure.migration.codec import export_annotations
from tongliao.disclosure.migration.exportimport import export_site
from tongliao.disclosure.migration.exportimport import import_site
from tongliao.disclosure.review.staging import review_to
from zope.component import getUtility
from zope.component.hooks import setSite

import json


def group_members(site):
    setSite(site)
    return {
        group.getId(): sorted(group.getGroupMemberIds())
        for group in site.portal_groups.listGroups()
        if group.getId().startswith(("disclosure_", "department_", "secrecy_"))
    }


def test_round_trip_keeps_everything(portal):
    request = portal.REQUEST
    populate(portal)
    before = snapshot(portal)
    setSite(portal)
    with api.env.adopt_roles(["Manager"]):
        bundle = json.loads(json.dumps(export_site(portal, request)))
    site_before = export_annotations(portal)
    groups_before = group_members(portal)
    registry_before = {name: getUtility(IRegistry)[name] for name in bundle["registry"]}

    app = portal.aq_parent
    fresh = fresh_site(app)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        failed = import_site(fresh, request, bundle)
    assert failed == []
    after = snapshot(fresh)
    assert len(after) == len(before) > 70
    assert export_annotations(fresh) == site_before  # the staff-role log
    assert "tongliao.disclosure.staff_log" in site_before
    assert group_members(fresh) == groups_before
    assert after["gen/app1"]["annotations"] == before["gen/app1"]["annotations"]
    assert "tongliao.disclosure.application_events" in after["gen/app1"]["annotations"]
    assert after["gen/doc1"]["review_records"]
    assert after["gen/doc1"]["fields"]["replaced_by"] == ("relation", "gen/doc2")
    problems = differences(before, after)
    assert problems == [], "\n".join(problems)
    setSite(fresh)
    assert {
        name: getUtility(IRegistry)[name] for name in bundle["registry"]
    } == registry_before

    # The next 索引号 continues the agency's series without collision.
    agency = fresh["gen"]
    year = 2026
    used = {
        brain._unrestrictedGetObject().index_number
        for brain in fresh.portal_catalog.unrestrictedSearchResults(
            portal_type="PolicyDocument"
        )
    }
    assert len(used) > 3
    with api.env.adopt_roles(["Manager"]):
        doc = api.content.create(
            container=agency,
            type="PolicyDocument",
            id="after-import",
            title="导入后的新文件",
            document_kind="notice",
            subject_category="02.01",
            disclosure_attribute="proactive",
        )
        serial = next_serial(agency, year)
        review_to(doc, "published")
    assert doc.index_number not in used
    assert doc.index_number.endswith(f"-{serial + 1:05d}")
    setSite(portal)
