"""The extension's effect on the deadline follows the number of days typed
(within the legal maximum, a setting): computed server side, JSON for the
case page and the approval page; a bad number is a translated error."""

from .applications_support import apply_online
from .applications_support import PASSWORD
from .applications_support import the_case
from .test_applications_closures import act
from .test_applications_closures import agency  # noqa: F401 (fixture)
from .test_applications_closures import make_case
from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tongliao.disclosure.applications.browser.procedure import consequence
from tongliao.disclosure.applications.browser.procedure import extension_preview
from tongliao.disclosure.applications.workflow import ActionError
from zope.i18n import translate

import pytest
import transaction


MAX_SETTING = "tongliao.disclosure.extension_max_days"


@pytest.fixture
def case(agency):  # noqa: F811
    # Received Tuesday 2026-09-01 in person: reply due 2026-09-29.
    app = make_case(agency, date(2026, 9, 1), name="ext")
    act(app, "accept", date(2026, 9, 1))
    return app


# days typed -> new reply deadline, approved on 2026-09-21; the extension runs
# from 09-29 across 国庆 (10-01..07 off, Saturday 10-10 a workday).
KNOWN = [
    ("1", "2026-09-30"),
    ("2", "2026-10-08"),
    ("5", "2026-10-12"),
    ("２０", "2026-11-02"),  # full-width digits are a number
    (" 20 ", "2026-11-02"),
]


@pytest.mark.parametrize("days,deadline", KNOWN)
def test_preview_follows_the_days_typed(case, days, deadline):
    result = extension_preview(case, days, today=date(2026, 9, 21))
    assert result["reply_deadline"] == deadline
    year, month, day = (int(part) for part in deadline.split("-"))
    assert f"按延长{result['days']}个工作日计算" in result["consequence"]
    assert f"→ {year}年{month}月{day}日" in result["consequence"]
    assert not case.has_event("extension")


@pytest.mark.parametrize(
    "days,message",
    [
        ("abc", "请输入整数"),
        ("1.5", "请输入整数"),
        ("", "1至20个工作日"),
        ("0", "1至20个工作日"),
        ("-3", "1至20个工作日"),
        ("21", "1至20个工作日"),
    ],
)
def test_bad_numbers_are_translated_errors(case, days, message):
    with pytest.raises(ActionError) as excinfo:
        extension_preview(case, days, today=date(2026, 9, 21))
    assert message in translate(excinfo.value.message, target_language="zh_CN")


def test_the_maximum_is_a_setting_within_the_law(portal, case):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.portal.set_registry_record(MAX_SETTING, 10)
    # The default shown is the maximum, and more is refused (preview and action).
    assert "按延长10个工作日计算" in consequence(
        case, "extend", today=date(2026, 9, 21)
    )
    with pytest.raises(ActionError) as excinfo:
        extension_preview(case, "15", today=date(2026, 9, 21))
    assert "1至10个工作日" in translate(excinfo.value.message, target_language="zh_CN")
    with pytest.raises(ActionError):
        act(case, "extend", date(2026, 9, 21), days="15", reason="调档")
    assert extension_preview(case, "10", today=date(2026, 9, 21))["days"] == 10
    # The registry refuses more than the law's 20 days.
    field = api.portal.get_tool("portal_registry").records[MAX_SETTING].field
    assert field.max == 20


def test_preview_endpoint_over_http(applications_site, browser_session):
    apply_online(browser_session)
    app = the_case(applications_site)
    url = f"{app.absolute_url()}/@@extension-preview"
    transaction.commit()
    officer = browser_session(("officer", PASSWORD))
    good = officer.get(url, params={"days": "5"})
    assert good.status_code == 200
    assert good.json()["days"] == 5
    assert good.json()["reply_deadline"]
    assert "按延长5个工作日计算" in good.json()["consequence"]
    other = officer.get(url, params={"days": "12"}).json()
    assert other["reply_deadline"] > good.json()["reply_deadline"]
    # The step's date (the form's 日期) is the day the extension counts from.
    dated = officer.get(url, params={"days": "5", "date": "２０２６-１１-３０"})
    assert dated.status_code == 200
    assert "按延长5个工作日计算" in dated.json()["consequence"]
    wrong_day = officer.get(url, params={"days": "5", "date": "2026-13-01"})
    assert wrong_day.status_code == 400
    assert "请输入有效日期" in wrong_day.json()["error"]
    for days, message in (("x", "请输入整数"), ("99", "1至20个工作日")):
        bad = officer.get(url, params={"days": days})
        assert bad.status_code == 400
        assert message in bad.json()["error"]
    # Anonymous never sees the case, nor its preview.
    anonymous = browser_session().get(url, params={"days": "5"}, allow_redirects=False)
    assert anonymous.status_code in (302, 401, 403)
    assert "按延长" not in anonymous.text
    transaction.begin()
    assert not app.has_event("extension")
