"""pytest-plone fixtures built from the layers in tongliao.disclosure.testing."""

from .applications_support import PASSWORD
from .helpers import CATALOGUE_DOCUMENTS
from .helpers import make_agency
from .report_support import build_report_site
from .review_support import make_test_type
from .review_support import make_users
from .world_support import agency_world
from .world_support import on_world
from .world_support import world_fixture
from email import message_from_bytes
from email import policy
from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from pytest_plone import fixtures_factory
from tongliao.disclosure import demo
from tongliao.disclosure import setuphandlers
from tongliao.disclosure.applications import ratelimit
from tongliao.disclosure.testing import FUNCTIONAL_TESTING
from tongliao.disclosure.testing import INTEGRATION_TESTING
from unittest import mock

import functools
import pytest
import socket


pytest_plugins = ["pytest_plone"]


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture(autouse=True)
def _on_world(request):
    """The world a test requests (tests/world_support.py) under its own ZODB.

    Autouse function fixtures are set up before the ones a test names, so the
    world is on the stack before the layer opens the test's database."""
    with on_world(request):
        yield


class Sink:
    """Collects the mails the site sends (an aiosmtpd handler)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            message_from_bytes(envelope.content, policy=policy.default)
        )
        return "250 OK"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def smtp_sink():
    from aiosmtpd.controller import Controller

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield sink, controller.port
    controller.stop()


def build_applications_site(portal, smtp_sink):
    _sink, port = smtp_sink
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record(
            "plone.email_from_address", "gk@tongliao.example"
        )
        api.portal.set_registry_record("plone.email_from_name", "通辽市政务公开")
        api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
        api.portal.set_registry_record("plone.smtp_port", port)
        portal.MailHost.smtp_host = "127.0.0.1"
        portal.MailHost.smtp_port = port
        # Replies late in the year run into 2027, which chinesecalendar lacks.
        api.portal.set_registry_record(
            "tongliao.disclosure.calendar_overrides", ["2027:covered"]
        )
        agency = make_agency(
            portal,
            title="通辽市发展和改革委员会",
            credit_code="11150500MB1604391C",
            published=False,
        )
        # The test layer has no default workflow; publish if one is bound.
        if api.portal.get_tool("portal_workflow").getChainFor(agency):
            api.content.transition(agency, "publish")
        api.user.create(email="o@example.org", username="officer", password=PASSWORD)
        api.group.add_user(groupname="disclosure_officers", username="officer")
        api.user.create(
            email="a@example.org",
            username="siteadmin",
            password=PASSWORD,
        )
        setRoles(portal, "siteadmin", ["Site Administrator"])


# Built once per test module (tests/world_support.py); each test starts from it.
applications_world = world_fixture(
    build_applications_site, "applications_world", uses=("smtp_sink",)
)


@pytest.fixture
def applications_site(applications_world, functional_portal, smtp_sink):
    """Agency (published), an officer and a site administrator; mail to the sink."""
    sink, _port = smtp_sink
    sink.messages.clear()
    ratelimit.reset()
    return functional_portal


def build_catalogue_site(portal):
    make_agency(portal, CATALOGUE_DOCUMENTS)


catalogue_world = world_fixture(build_catalogue_site, "catalogue_world")


@pytest.fixture
def catalogue_site(catalogue_world, functional_portal):
    """A published agency with CATALOGUE_DOCUMENTS (one an unpublished draft)."""
    return functional_portal


def build_report_world(portal):
    return tuple(agency.getPhysicalPath() for agency in build_report_site(portal))


report_world = world_fixture(build_report_world, "report_world")


@pytest.fixture
def report_site(report_world, portal):
    """Agencies A and B of tests/report_support.py (built once per module)."""
    return tuple(portal.unrestrictedTraverse(path) for path in report_world)


def build_review_world(portal):
    make_test_type(portal)
    make_users(portal)


# The review tests' agency and staff (review_support.USERS), once per module.
review_world = world_fixture(build_review_world, "review_world")


# The unpublished agency of the applications tests (test_applications*.py).
drc_agency_world = agency_world(
    "drc_agency_world",
    title="通辽市发展和改革委员会",
    credit_code="11150500MB1604391C",
    published=False,
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


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium driven by Playwright (no browser download)."""
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: .ci/run installs the Debian package chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser context and page (zh-CN, desktop size) per test."""
    context = chromium.new_context(
        locale="zh-CN", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """Save a page screenshot under var/screenshots/ (docs/screenshots/ when
    UPDATE_SCREENSHOTS=1, so the README's pictures change only on purpose)."""
    from pathlib import Path

    import os

    root = Path(__file__).resolve().parent.parent
    folder = root / (
        "docs/screenshots"
        if os.environ.get("UPDATE_SCREENSHOTS")
        else "var/screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)

    def save(page, name, full_page=True):
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save


def build_core_demo(portal):
    core_only = functools.partial(demo.create_demo_content, living=False)
    with (
        mock.patch.object(setuphandlers, "create_demo_content", core_only),
        api.env.adopt_user(SITE_OWNER_NAME),
    ):
        api.portal.set_registry_record("plone.site_title", "通辽市政务公开平台")
        applyProfile(portal, "tongliao.disclosure:demo")


core_demo_world = world_fixture(build_core_demo, "core_demo_world")


@pytest.fixture
def core_demo_site(core_demo_world, functional_portal):
    """The demo profile with only its core content (built once per module): the
    living demo's five agencies take a minute to build
    (tests/test_demo_content.py checks them)."""
    return functional_portal
