"""pytest-plone fixtures built from the layers in tongliao.disclosure.testing."""

from pytest_plone import fixtures_factory
from tongliao.disclosure.testing import FUNCTIONAL_TESTING
from tongliao.disclosure.testing import INTEGRATION_TESTING

import pytest


pytest_plugins = ["pytest_plone"]


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture
def package_name() -> str:
    return "tongliao.disclosure"


@pytest.fixture
def browser_session(request_factory):
    """A requests session for HTML pages of the functional portal (real HTTP).

    ``browser_session()`` is anonymous; ``browser_session(("user", "pw"))`` logs in
    with basic auth; ``browser_session(role="Manager")`` as the site owner.
    """

    def factory(basic_auth=None, role="Anonymous"):
        session = request_factory(basic_auth=basic_auth, role=role, api=False)
        session.headers["Accept"] = "text/html"
        return session

    return factory
