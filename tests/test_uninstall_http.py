"""An uninstalled add-on leaves nothing active: every view, viewlet, REST service
and serializer of ours is registered for the add-on's browser layer, which the
uninstall profile removes. Real HTTP against the functional layer's server."""

from .helpers import DOCUMENTS
from .world_support import agency_world
from plone import api
from Products.CMFPlone.utils import get_installer

import pytest
import transaction


PACKAGE = "tongliao.disclosure"

# (path below the site, role): each answers 200 while the add-on is installed.
OURS = [
    ("@@disclosure-home", "Anonymous"),
    ("@@disclosure-catalog", "Anonymous"),
    ("@@disclosure-catalog.csv", "Anonymous"),
    ("@@disclosure-feed", "Anonymous"),
    ("agency/@@disclosure-catalog", "Anonymous"),
    ("agency/@@directory-export", "Manager"),
    ("@@disclosure-settings", "Manager"),
    ("@@disclosure-dashboard", "Manager"),
    ("@@review-queue", "Manager"),
    ("@@complain", "Anonymous"),
    ("@@participation-dashboard", "Manager"),
]
OUR_SERVICES = [
    ("@disclosure-catalog", "Anonymous"),
    ("agency/@disclosure-catalog", "Anonymous"),
    ("agency/d1/@back-references", "Anonymous"),
    ("agency/d1/@review", "Manager"),
]


# Each test uninstalls in its own DemoStorage above the world.
uninstall_world = agency_world("uninstall_world", DOCUMENTS)


@pytest.fixture
def site(uninstall_world, functional_portal):
    return functional_portal


def uninstall(portal):
    with api.env.adopt_roles(["Manager"]):
        get_installer(portal).uninstall_product(PACKAGE)
    transaction.commit()


@pytest.mark.parametrize("path,role", OURS)
def test_view_gone_after_uninstall(site, browser_session, path, role):
    session = browser_session(role=role)
    assert session.get(path).status_code == 200
    uninstall(site)
    assert session.get(path).status_code == 404


@pytest.mark.parametrize("path,role", OUR_SERVICES)
def test_service_gone_after_uninstall(site, request_factory, path, role):
    session = request_factory(role=role)
    assert session.get(path).status_code == 200
    uninstall(site)
    assert session.get(path).status_code == 404


def test_serializer_and_viewlets_gone_after_uninstall(
    site, request_factory, browser_session
):
    rest, html = request_factory(), browser_session()
    assert "back-references" in rest.get("agency/d1").json()["@components"]
    assert "skip-link" in html.get("agency/d1").text
    uninstall(site)
    data = rest.get("agency/d1").json()
    assert "back-references" not in data["@components"]
    assert "skip-link" not in html.get("agency/d1").text


def test_participation_links_gone_after_uninstall(site):
    actions = api.portal.get_tool("portal_actions")
    assert "complain" in actions.site_actions.objectIds()
    assert "participation-dashboard" in actions.user.objectIds()
    uninstall(site)
    assert "complain" not in actions.site_actions.objectIds()
    assert "participation-dashboard" not in actions.user.objectIds()
    assert (
        api.portal.get_registry_record(
            "tongliao.disclosure.complaint_accept_days", default=None
        )
        is None
    )
