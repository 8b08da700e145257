"""The accept/reject table through plone.restapi over real HTTP (POST, PATCH)."""

from .helpers import make_agency
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.test_policy_validation import CASE_IDS
from tests.test_policy_validation import CASES
from tests.test_policy_validation import CREDIT_CODE
from tests.test_policy_validation import USCC_CASES
from tests.test_policy_validation import VALID
from tests.world_support import world_fixture

import pytest
import transaction


def rest_payload(values):
    payload = {"@type": "PolicyDocument"}
    for name, value in values.items():
        if value == "":
            continue
        if name == "effective":
            value = value + ":00"
        payload[name] = value
    return payload


def build_world(portal):
    with api.env.adopt_user(SITE_OWNER_NAME):
        agency = make_agency(portal, credit_code=CREDIT_CODE, published=False)
    return agency.getPhysicalPath()


rest_validation_world = world_fixture(build_world, "rest_validation_world")


@pytest.fixture
def rest_agency(rest_validation_world, functional_portal):
    return functional_portal.unrestrictedTraverse(rest_validation_world)


@pytest.fixture
def manager(request_factory):
    session = request_factory(role="Manager")
    session.headers["Accept-Language"] = "zh-cn"
    return session


def _documents(agency):
    transaction.begin()  # see the server's commits
    return [o for o in agency.objectValues() if o.portal_type == "PolicyDocument"]


@pytest.mark.parametrize("case,changes,expected", CASES, ids=CASE_IDS)
def test_rest_create(rest_agency, manager, case, changes, expected):
    response = manager.post("/agency", json=rest_payload({**VALID, **changes}))
    if expected is None:
        assert response.status_code == 201, response.text
        assert len(_documents(rest_agency)) == 1
    else:
        assert response.status_code == 400, response.text
        assert expected in response.json()["message"]
        assert _documents(rest_agency) == []


@pytest.mark.parametrize("case,changes,expected", CASES, ids=CASE_IDS)
def test_rest_patch(rest_agency, manager, case, changes, expected):
    created = manager.post("/agency", json=rest_payload({**VALID, "id": "doc"}))
    assert created.status_code == 201, created.text
    patch = {
        k: v for k, v in rest_payload({**VALID, **changes}).items() if k != "@type"
    }
    patch["title"] = "新标题"
    response = manager.patch("/agency/doc", json=patch)
    title = manager.get("/agency/doc").json()["title"]
    if expected is None:
        assert response.status_code == 204, response.text
        assert title == "新标题"
    else:
        assert response.status_code == 400, response.text
        assert expected in response.json()["message"]
        assert title == VALID["title"]  # nothing was stored


def test_rest_patch_one_field_checks_against_stored_values(rest_agency, manager):
    """A PATCH of 成文日期 alone is checked against the stored 发布日期."""
    manager.post("/agency", json=rest_payload({**VALID, "id": "doc"}))
    response = manager.patch("/agency/doc", json={"date_written": "2021-07-25"})
    assert response.status_code == 400
    assert "发布日期" in response.json()["message"]
    response = manager.patch("/agency/doc", json={"disclosure_attribute": "exempt"})
    assert response.status_code == 400
    assert "理由" in response.json()["message"]


@pytest.mark.parametrize("code,expected", USCC_CASES)
def test_rest_agency_credit_code(functional_portal, manager, code, expected):
    response = manager.post(
        "/", json={"@type": "DisclosureAgency", "title": "某局", "credit_code": code}
    )
    if expected is None:
        assert response.status_code == 201, response.text
    else:
        assert response.status_code == 400, response.text
        assert expected in response.json()["message"]
