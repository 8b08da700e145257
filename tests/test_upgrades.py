"""Upgrade steps on a site whose FTIs still name the old module paths."""

from datetime import date
from plone import api

import pytest


PROFILE = "tongliao.disclosure:default"


@pytest.mark.parametrize(
    "portal_type,old,new",
    [
        ("DisclosureAgency", "content.agency", "policy.agency"),
        ("PolicyDocument", "content.policy_document", "policy.document"),
        ("DisclosureSection", "content.section", "platform.section"),
        ("AnnualReport", "content.annual_report", "reports.content"),
        ("DirectoryItem", "content.directory", "directory.content"),
        ("DisclosureGuide", "content.guide", "directory.guide_content"),
        (
            "PolicyInterpretation",
            "content.policy_interpretation",
            "policy.interpretation",
        ),
    ],
)
def test_upgrade_1001_points_ftis_to_feature_packages(portal, portal_type, old, new):
    fti = api.portal.get_tool("portal_types")[portal_type]
    prefix = "tongliao.disclosure"
    fti.klass = f"{prefix}.{old}.{portal_type}"
    fti.schema = f"{prefix}.{old}.I{portal_type}"
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1000")
    setup.upgradeProfile(PROFILE)
    assert fti.klass == f"{prefix}.{new}.{portal_type}"
    assert fti.schema == f"{prefix}.{new}.I{portal_type}"


def test_upgrade_1002_adds_the_new_features(portal):
    """A 1001 site without the new groups, indexes and sections gets them."""
    catalog = api.portal.get_tool("portal_catalog")
    for name in ("coordination_open", "interpreted_uids"):
        catalog.delIndex(name)
    with api.env.adopt_roles(["Manager"]):
        api.group.delete(groupname="complaint_handlers")
        agency = api.content.create(
            container=portal,
            type="DisclosureAgency",
            id="old-agency",
            title="旧机关",
            credit_code="11150500MB160202X6",
        )
        api.content.delete(agency["yjzj"])
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1001")
    setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == ("1003",)
    assert {"coordination_open", "interpreted_uids"} <= set(catalog.indexes())
    assert api.group.get(groupname="complaint_handlers") is not None
    assert "yjzj" in agency.objectIds()


def test_upgrade_1003_approver_and_mongolian_titles(portal):
    """A 1002 case (View without the approver) is remapped, data stays masked;
    sections get the standard Mongolian titles, the registry the new settings."""
    with api.env.adopt_roles(["Manager"]):
        agency = api.content.create(
            container=portal,
            type="DisclosureAgency",
            id="case-agency",
            title="审批测试机关",
            credit_code="11150500MB160202X6",
        )
        case = api.content.create(
            container=agency,
            type="DisclosureApplication",
            id="case",
            applicant_type="natural_person",
            applicant_name="张三丰",
            id_number="11010519491231002X",
            phone="13812345678",
            description="2025年供热价格文件",
            provision_form="email",
            obtain_method="email",
        )
    for permission in ("View", "Access contents information"):
        roles = [
            role["name"]
            for role in case.rolesOfPermission(permission)
            if role["selected"] and role["name"] != "DisclosureApprover"
        ]
        case.manage_permission(permission, roles, acquire=False)

    def approver_can(permission):
        roles = {r["name"] for r in case.rolesOfPermission(permission) if r["selected"]}
        return "DisclosureApprover" in roles

    assert not approver_can("View")
    # A 1002 site: sections without Mongolian titles, no Mongolian subtitle.
    section = agency["zfxxgkzn"]
    section.title_mn = None
    registry = api.portal.get_tool("portal_registry")
    record = "tongliao.disclosure.site.site_subtitle_mn"
    del registry.records[record]
    registry["plone.site_logo"] = None  # Plone's logo shared
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1002")
    setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == ("1003",)
    assert approver_can("View") and approver_can("Access contents information")
    assert not approver_can("tongliao.disclosure: View applicant data")
    assert section.title_mn
    assert registry[record]
    assert api.portal.get_registry_record("plone.site_logo")  # the emblem


def test_upgrade_1003_dates_the_last_publication(portal):
    """Documents published before 1003 get their 发布日期 as last publication."""
    from tests.assessment_support import create_document

    with api.env.adopt_roles(["Manager"]):
        agency = api.content.create(
            container=portal,
            type="DisclosureAgency",
            id="dated-agency",
            title="日期测试机关",
            credit_code="11150500MB160202X6",
        )
        doc = create_document(
            agency, "old", date(2025, 9, 26), "2025/10/30", "notice", False
        )
    del doc.last_published
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("last_published")
    catalog.delColumn("last_published")
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1002")
    setup.upgradeProfile(PROFILE)
    assert doc.last_published == date(2025, 10, 30)
    (brain,) = catalog.unrestrictedSearchResults(
        last_published={"query": ("2025-10-01", "2025-10-31"), "range": "min:max"}
    )
    assert brain.last_published == "2025-10-30"
