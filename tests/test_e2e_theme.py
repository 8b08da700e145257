"""The government theme in a real browser (Debian chromium): every public page
fits 360 px and 1280 px without horizontal scrolling (also in 适老化 mode),
the 适老化 toggle is remembered without a server write, axe-core finds no
serious violation in either mode, the masthead and footer come from the
control-panel settings. Screenshots: ``UPDATE_SCREENSHOTS=1`` writes
docs/screenshots/theme-*.png."""

from axe_playwright_python.sync_playwright import Axe
from tongliao.disclosure import demo

import pytest


AGENCY = demo.DEMO_AGENCY_ID
ELDER_KEY = "tongliao.disclosure.elder-mode"
ELDER_ON = "document.documentElement.classList.contains('elder-mode')"
PUBLIC_PAGES = [
    ("home", ""),
    ("catalogue", "/@@disclosure-catalog?year=2021"),
    ("document", f"/{AGENCY}/{demo.NOTICE_ID}"),
    ("interpretation", f"/{AGENCY}/{demo.INTERPRETATION_ID}"),
    ("agency", f"/{AGENCY}"),
    ("section", f"/{AGENCY}/zcwj"),
    ("guide", f"/{AGENCY}/guide"),
    ("directory", f"/{AGENCY}/directory"),
    ("apply", f"/{AGENCY}/@@apply"),
    ("lookup", "/@@application-lookup"),
    ("search", "/@@search?SearchableText=通知"),
    ("contact", "/contact-info"),
    ("accessibility", "/accessibility-info"),
    ("sitemap", "/sitemap"),
]
SHOWN = ("home", "catalogue", "document", "apply", "lookup")

# Elements wider than the window; the off-canvas menu (fixed, slid out of
# view) and visually hidden helpers do not widen the page.
WIDE_ELEMENTS = """() => {
  const limit = window.innerWidth + 1;
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".offcanvas, .visually-hidden, .visually-hidden-focusable,"
                  + " .hiddenStructure, .elder-reading-line")) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > limit || box.left < -1) {
      wide.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                + (el.className && typeof el.className === "string"
                   ? "." + el.className.trim().split(/\\s+/).join(".") : "")
                + " " + Math.round(box.left) + "–" + Math.round(box.right));
    }
  }
  return wide.slice(0, 5);
}"""


def _context(chromium, width, elder=False):
    context = chromium.new_context(
        locale="zh-CN", viewport={"width": width, "height": 800}
    )
    if elder:
        context.add_init_script(f"localStorage.setItem('{ELDER_KEY}', '1')")
    return context


@pytest.mark.e2e
@pytest.mark.parametrize(
    "width,elder",
    [(360, False), (1280, False), (360, True)],
    ids=["360", "1280", "360-elder"],
)
def test_public_pages_fit_the_window(
    core_demo_site, chromium, screenshot, width, elder
):
    context = _context(chromium, width, elder)
    page = context.new_page()
    axe = Axe()
    overflow, problems = {}, {}
    for name, path in PUBLIC_PAGES:
        page.goto(core_demo_site.absolute_url() + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(ELDER_ON) is elder
        scroll = page.evaluate("document.documentElement.scrollWidth")
        inner = page.evaluate("window.innerWidth")
        wide = page.evaluate(WIDE_ELEMENTS)
        if scroll > inner or wide:
            overflow[name] = (scroll, inner, wide)
        results = axe.run(page)
        serious = [
            f"{v['id']}: " + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[name] = serious
        if name in SHOWN:
            suffix = "elder" if elder else str(width)
            screenshot(page, f"theme-{name}-{suffix}", full_page=False)
    context.close()
    assert overflow == {}
    assert problems == {}


@pytest.mark.e2e
def test_on_a_phone(core_demo_site, chromium):
    """The 适老化 toggle is remembered without a server write, the facets fold,
    the menu opens inside the window; on a wide screen the facets stay open."""
    context = _context(chromium, 360)
    page = context.new_page()
    writes = []
    page.on(
        "request",
        lambda request: writes.append(request.url) if request.method != "GET" else None,
    )
    page.goto(core_demo_site.absolute_url())
    toggle = page.get_by_role("button", name="适老化模式")
    assert toggle.get_attribute("aria-pressed") == "false"
    base = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") > base

    # Remembered on the next page (the catalogue, its facets folded) …
    page.goto(core_demo_site.absolute_url() + "/@@disclosure-catalog")
    page.wait_for_load_state("networkidle")
    assert page.evaluate(ELDER_ON)
    assert not page.locator("details.facets-fold").evaluate("el => el.open")
    assert not page.locator(".facet-subject").is_visible()
    page.get_by_text("筛选").click()
    assert page.locator(".facet-subject").is_visible()
    # … and switched off again.
    page.get_by_role("button", name="适老化模式").click()
    page.goto(core_demo_site.absolute_url())
    assert not page.evaluate(ELDER_ON)
    assert writes == []

    page.get_by_role("button", name="打开导航菜单").click()
    menu = page.locator("#offcanvasNavbar")
    menu.wait_for(state="visible")
    page.wait_for_timeout(400)
    box = menu.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 361
    assert menu.get_by_role("link", name="通辽市人民政府办公室").is_visible()
    assert menu.get_by_role("button", name="关闭菜单").is_visible()
    context.close()

    context = _context(chromium, 1280)
    page = context.new_page()
    page.goto(core_demo_site.absolute_url() + "/@@disclosure-catalog")
    page.wait_for_load_state("networkidle")
    assert page.locator("details.facets-fold").evaluate("el => el.open")
    assert page.locator(".facet-subject").is_visible()
    context.close()
