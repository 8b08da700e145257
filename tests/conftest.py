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
