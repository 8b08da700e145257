"""A real browser opens the Chinese home page (check of the e2e set-up)."""

from plone import api

import pytest
import transaction


@pytest.mark.e2e
def test_home_page_in_chromium(functional_portal, page, screenshot):
    api.portal.set_registry_record("plone.site_title", "通辽市政务公开平台")
    transaction.commit()
    page.goto(functional_portal.absolute_url())
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert "通辽市政务公开平台" in page.title()
    assert screenshot(page, "home").stat().st_size > 0
