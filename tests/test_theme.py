"""The theme's server side: the emblem view, the masthead and footer viewlets
read the 页头与页脚 settings, an empty setting leaves its footer line out."""

from DateTime import DateTime
from plone import api
from plone.app.layout.viewlets.interfaces import IPortalFooter
from plone.app.layout.viewlets.interfaces import IPortalHeader
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import TEST_USER_NAME
from plone.formwidget.namedfile.converter import b64encode_file
from Products.CMFPlone.utils import getSiteLogo
from tongliao.disclosure.interfaces import IBrowserLayer
from tongliao.disclosure.platform.browser.theme import ElderModeToggleViewlet
from tongliao.disclosure.platform.browser.theme import FooterViewlet
from tongliao.disclosure.platform.browser.theme import MastheadViewlet
from tongliao.disclosure.platform.share import ensure_share_image
from zope.component import queryMultiAdapter
from zope.interface import alsoProvides
from zope.viewlet.interfaces import IViewlet
from zope.viewlet.interfaces import IViewletManager

import pytest


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08"
    b"\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00"
    b"\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
PREFIX = "tongliao.disclosure.site"


@pytest.fixture
def layer_request(portal):
    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    return request


MANAGERS = {IPortalHeader: "plone.portalheader", IPortalFooter: "plone.portalfooter"}


def _viewlet(portal, request, manager_iface, name):
    view = portal.restrictedTraverse("@@view")
    manager = queryMultiAdapter(
        (portal, request, view), IViewletManager, MANAGERS[manager_iface]
    )
    viewlet = queryMultiAdapter((portal, request, view, manager), IViewlet, name)
    viewlet.update()
    return viewlet


@pytest.mark.parametrize(
    "manager,name,cls",
    [
        (IPortalHeader, "plone.logo", MastheadViewlet),
        (IPortalHeader, "tongliao.disclosure.elder_toggle", ElderModeToggleViewlet),
        (IPortalFooter, "plone.footer", FooterViewlet),
    ],
)
def test_theme_viewlets_replace_plones_for_the_layer(
    portal, layer_request, manager, name, cls
):
    assert isinstance(_viewlet(portal, layer_request, manager, name), cls)


def test_footer_lines_come_from_the_settings(portal, layer_request):
    api.portal.set_registry_record(f"{PREFIX}.organizer", "通辽市人民政府办公室")
    api.portal.set_registry_record(f"{PREFIX}.operator", "")
    api.portal.set_registry_record(f"{PREFIX}.icp_number", "蒙ICP备12345678号")
    api.portal.set_registry_record(f"{PREFIX}.police_number", "")
    html = _viewlet(portal, layer_request, IPortalFooter, "plone.footer").render()
    assert "主办单位：通辽市人民政府办公室" in html
    assert "承办单位" not in html
    assert 'href="https://beian.miit.gov.cn/"' in html and "蒙ICP备12345678号" in html
    assert "beian.mps.gov.cn" not in html
    assert "Powered by Plone" not in html


def test_emblem_placeholder_then_uploaded_image(portal, layer_request):
    masthead = _viewlet(portal, layer_request, IPortalHeader, "plone.logo")
    assert masthead.emblem_url.endswith("++resource++tongliao.disclosure/emblem.svg")
    assert portal.restrictedTraverse("@@site-emblem")() == ""
    assert layer_request.response.getStatus() == 404

    api.portal.set_registry_record(
        f"{PREFIX}.emblem", b64encode_file("emblem.png", PNG)
    )
    masthead = _viewlet(portal, layer_request, IPortalHeader, "plone.logo")
    assert masthead.emblem_url.endswith("/@@site-emblem")
    layer_request.response.setStatus(200)
    assert portal.restrictedTraverse("@@site-emblem")() == PNG
    assert layer_request.response.getHeader("Content-Type") == "image/png"
    assert layer_request.response.getHeader("X-Content-Type-Options") == "nosniff"


def test_emblem_view_refuses_what_is_not_an_image(portal, layer_request):
    api.portal.set_registry_record(
        f"{PREFIX}.emblem", b64encode_file("page.html", b"<script>x</script>")
    )
    assert portal.restrictedTraverse("@@site-emblem")() == ""
    assert layer_request.response.getStatus() == 404


@pytest.mark.parametrize(
    "long_format,time_only,expected",
    [
        (False, False, "2021年7月5日"),
        (True, False, "2021年7月5日 09:00"),
        (False, True, "09:00"),
    ],
)
def test_plone_dates_in_china_time_year_month_day(
    portal, layer_request, long_format, time_only, expected
):
    """Plone's own dates (byline, history) through @@plone: China time,
    YYYY年M月D日, 24-hour times."""
    plone_view = portal.restrictedTraverse("@@plone")
    when = DateTime("2021/07/05 01:00:00 UTC")  # 09:00 in Beijing
    assert plone_view.toLocalizedTime(when, long_format, time_only) == expected
    assert plone_view.toLocalizedTime(None) == ""


def test_shared_links_show_the_emblem_not_the_plone_logo(portal, layer_request):
    url, mime = getSiteLogo(include_type=True)
    assert url.endswith("/@@site-logo/emblem-share.png") and mime == "image/png"
    logout()  # Plone's social tags are for anonymous visitors only
    html = portal.restrictedTraverse("@@view")()
    assert f'property="og:image" content="{url}"' in html
    assert "plone-logo" not in html
    login(portal, TEST_USER_NAME)
    # A site's own logo is never replaced.
    own = b64encode_file("own.png", PNG)
    api.portal.set_registry_record("plone.site_logo", own)
    assert ensure_share_image() is False
    assert api.portal.get_registry_record("plone.site_logo") == own
