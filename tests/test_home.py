"""The platform front page over HTTP: agencies, latest documents, search box."""

from .helpers import make_agency
from .helpers import make_documents
from datetime import date
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tongliao.disclosure.platform.browser.home import set_home_as_default

import re
import transaction


def test_home_page(functional_portal, browser_session):
    portal = functional_portal
    with api.env.adopt_user(SITE_OWNER_NAME):
        agency = make_agency(portal)
        make_documents(
            agency,
            [
                ("d1", "首页可见的通知", "通政发〔2021〕1号", "notice", "02.01",
                 "valid", date(2021, 1, 4), "2021/01/05"),
                ("d2", "首页不可见的草稿", "通政发〔2021〕2号", "notice", "02.01",
                 "valid", date(2021, 1, 4), None),
            ],
        )  # fmt: skip
        set_home_as_default(portal)
    transaction.commit()
    page = browser_session().get(portal.absolute_url())
    assert page.status_code == 200
    text = page.text
    assert "首页可见的通知" in text and "首页不可见的草稿" not in text
    assert "最新文件" in text and "公开主体" in text
    assert f'action="{portal.absolute_url()}/@@disclosure-catalog"' in text
    assert f"{agency.absolute_url()}/ysqgk" in text
    assert f"{agency.absolute_url()}/zfxxgknb" in text


def test_skip_link_first_and_print_stylesheet(functional_portal, browser_session):
    session = browser_session()
    page = session.get(f"{functional_portal.absolute_url()}/@@disclosure-catalog").text
    body = page[page.index("<body") :]
    first_link = body[body.index("<a ") : body.index("</a>")]
    assert 'href="#content"' in first_link and "跳转到主要内容" in first_link
    assert 'id="content"' in page
    match = re.search(r'<link rel="stylesheet" media="print" href="([^"]+)"', page)
    assert match
    css = session.get(match.group(1))
    assert css.status_code == 200
    assert "@media print" in css.text and "#portal-footer-wrapper" in css.text
