"""The public pages in Mongolian in a real browser (Debian chromium): chosen with
the selector and remembered; tagged mn-Mong-CN; the Mongolian blocks written
top to bottom (writing-mode vertical-lr) in a block that scrolls sideways
while the page itself does not; axe-core finds no serious or critical
violation. Screenshots (1280 px; home, apply and lookup also 360 px): the
``screenshot`` fixture (docs/screenshots/ with UPDATE_SCREENSHOTS=1) — look at
them."""

from .bilingual_support import build_bilingual_demo
from axe_playwright_python.sync_playwright import Axe
from tests.world_support import world_fixture
from tongliao.disclosure import _
from tongliao.disclosure import demo
from tongliao.disclosure.bilingual.chrome import mongolian
from tongliao.disclosure.directory.guide import guide_of

import pytest
import shutil
import subprocess


# Built once for the module (tests/world_support.py); each test starts from it.
bilingual_demo_world = world_fixture(build_bilingual_demo, "bilingual_demo_world")


@pytest.fixture
def bilingual_demo(bilingual_demo_world, functional_portal):
    return functional_portal


def public_pages(portal):
    agency = portal[demo.DEMO_AGENCY_ID]
    return [
        ("home", portal.absolute_url()),
        ("catalogue", f"{portal.absolute_url()}/@@disclosure-catalog"),
        ("document", agency[demo.NOTICE_ID].absolute_url()),
        ("guide", guide_of(agency).absolute_url()),
        ("apply", f"{agency.absolute_url()}/@@apply"),
        ("lookup", f"{portal.absolute_url()}/@@application-lookup"),
        ("interpretation", agency[demo.INTERPRETATION_ID].absolute_url()),
        ("directory", f"{agency.absolute_url()}/directory"),
        ("complaint", f"{portal.absolute_url()}/@@complain"),
        ("search", f"{portal.absolute_url()}/@@search?SearchableText=通知"),
    ]


def layout(page):
    return page.evaluate(
        """() => {
        const content = document.querySelector('#content');
        return {
          lang: document.documentElement.lang,
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
          writingMode: content && getComputedStyle(content).writingMode,
          font: content && getComputedStyle(content).fontFamily,
          // What sticks out past the window (a hint when the page is too wide).
          wide: [...document.querySelectorAll('body *')]
            .filter(el => !el.closest('.offcanvas'))
            .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 12)
            .map(el => el.tagName + '#' + el.id + '.' + el.className + ' '
                 + Math.round(el.getBoundingClientRect().right)),
        };
    }"""
    )


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig missing")
def test_a_mongolian_font_is_installed():
    # .ci/run installs fonts-noto-core (Noto Sans Mongolian).
    found = subprocess.run(
        ["fc-match", "-f", "%{family}", "Noto Sans Mongolian"],
        capture_output=True,
        text=True,
    ).stdout
    assert "Mongolian" in found, found


@pytest.mark.e2e
def test_public_pages_in_mongolian(bilingual_demo, page, screenshot):
    portal = bilingual_demo
    page.goto(portal.absolute_url())
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    page.locator('#portal-languageselector a[lang="mn-Mong-CN"]').click()
    page.wait_for_load_state()
    axe = Axe()
    problems = {}
    for name, url in public_pages(portal):
        page.goto(url)  # no parameter: the choice is remembered (cookie)
        page.wait_for_load_state("networkidle")
        screenshot(page, f"mn-{name}")
        facts = layout(page)
        assert facts["lang"] == "mn-Mong-CN", name
        assert facts["writingMode"] == "vertical-lr", name
        assert "Mongolian" in facts["font"], name
        assert facts["pageOverflow"] <= 0, (name, facts)
        results = axe.run(page)
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[name] = serious
        if name == "catalogue":
            # The intended scroller: the vertical block scrolls sideways to
            # the results, the page does not.
            scroll = page.evaluate(
                """() => {
                const content = document.querySelector('#content');
                const wide = content.scrollWidth > content.clientWidth;
                document.querySelector('.catalogue-table').scrollIntoView(
                    {inline: 'start', block: 'nearest'});
                return {wide: wide, left: content.scrollLeft};
            }"""
            )
            assert scroll["wide"] and scroll["left"] > 0, scroll
            assert layout(page)["pageOverflow"] <= 0
            screenshot(page, "mn-catalogue-results")
    assert problems == {}
    # The answers in Mongolian: an application sent without its fields (the
    # browser's own required check switched off) and a lookup without a phone.
    page.goto(dict(public_pages(portal))["apply"])
    page.evaluate(
        "document.querySelectorAll('[required]')"
        ".forEach(el => el.removeAttribute('required'))"
    )
    page.locator("#form-buttons-submit").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".invalid-feedback").count() >= 5
    assert "Mongolian" in layout(page)["font"]
    screenshot(page, "mn-apply-errors")
    page.goto(dict(public_pages(portal))["lookup"])
    page.locator("#code").fill("ABCD-EFGH-JKMN")
    page.locator("#content button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    message = page.locator("#lookup-message").inner_text().strip()
    assert message == mongolian(_("Enter the last four digits of the phone number."))
    screenshot(page, "mn-lookup-message")


@pytest.mark.e2e
def test_mongolian_pages_on_a_phone(bilingual_demo, chromium, screenshot):
    """Home, the application form and the lookup at 360 px: Mongolian, and the
    page itself never scrolls sideways."""
    context = chromium.new_context(
        locale="zh-CN", viewport={"width": 360, "height": 760}
    )
    page = context.new_page()
    pages = dict(public_pages(bilingual_demo))
    try:
        page.goto(bilingual_demo.absolute_url() + "?set_language=mn")
        for name in ("home", "apply", "lookup"):
            page.goto(pages[name])
            page.wait_for_load_state("networkidle")
            screenshot(page, f"mn-{name}-360")
            facts = layout(page)
            assert facts["lang"] == "mn-Mong-CN", name
            assert facts["pageOverflow"] <= 0, (name, facts["wide"])
    finally:
        context.close()
