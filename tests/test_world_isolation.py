"""tests/world_support.py: a world is built once, yet every test starts from it.

Each test that uses the world finds the document and deletes it for good
(committed, over HTTP as well): whichever runs second proves that the first
one's changes went away with it. A test without the world does not see it.
"""

from plone import api
from tests.world_support import world_fixture

import pytest
import transaction


BUILDS = []


def build(portal):
    BUILDS.append(portal.getPhysicalPath())
    with api.env.adopt_roles(["Manager"]):
        doc = api.content.create(
            container=portal, type="Document", id="shared", title="共享文件"
        )
        api.content.transition(doc, "publish")
    return {"path": doc.getPhysicalPath()}


isolation_world = world_fixture(build, "isolation_world")


def test_integration_sees_the_world_and_changes_stay_in_the_test(
    isolation_world, portal
):
    assert portal.unrestrictedTraverse(isolation_world["path"]).title == "共享文件"
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(portal["shared"])
    assert "shared" not in portal


@pytest.mark.parametrize("attempt", [1, 2])
def test_functional_commits_stay_in_the_test(
    isolation_world, functional_portal, request_factory, attempt
):
    assert "leak" not in functional_portal
    anonymous = request_factory()
    assert anonymous.get("shared").status_code == 200
    manager = request_factory(role="Manager")
    assert manager.delete("shared").status_code == 204
    transaction.begin()
    assert "shared" not in functional_portal
    assert anonymous.get("shared").status_code == 404
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=functional_portal, type="Document", id="leak", title="泄漏"
        )
    transaction.commit()
    assert "leak" in functional_portal


def test_the_world_is_built_once(isolation_world, portal):
    assert "shared" in portal
    assert len(BUILDS) == 1


def test_without_the_world_nothing_of_it_shows(functional_portal, request_factory):
    assert "shared" not in functional_portal
    assert "leak" not in functional_portal
    assert request_factory().get("shared").status_code == 404


def test_integration_without_the_world(portal):
    assert "shared" not in portal
    assert "leak" not in portal
