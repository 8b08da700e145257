"""Upgrade steps on a site whose FTIs still name the old module paths."""

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
    assert setup.getLastVersionForProfile(PROFILE) == ("1002",)
    assert {"coordination_open", "interpreted_uids"} <= set(catalog.indexes())
    assert api.group.get(groupname="complaint_handlers") is not None
    assert "yjzj" in agency.objectIds()
