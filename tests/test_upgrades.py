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
