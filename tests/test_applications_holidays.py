"""Known answers on the official calendar for the periods the other tests
count across one holiday only: the correction period over 国庆, the fee
period and the consultation window over 春节; and the extension notice as
PDF (the one notice family not rendered elsewhere).

2026: 春节 Sun 02-15 to Mon 02-23 off, Saturdays 02-14 and 02-28 workdays;
国庆 Thu 10-01 to Wed 10-07 off, Saturday 10-10 a workday.
"""

from .test_applications_closures import act
from .test_applications_closures import agency  # noqa: F401 (fixture)
from .test_applications_closures import make_case
from .test_applications_notices import check_pdf
from datetime import date
from plone import api
from plone.app.testing import login
from plone.app.testing import TEST_USER_NAME
from tongliao.disclosure.applications.workflow import ActionError
from tongliao.disclosure.applications.workflow import consultation_rows
from tongliao.disclosure.applications.workflow import correction_period_end
from tongliao.disclosure.applications.workflow import fee_payment_end

import pytest


def test_correction_period_over_national_day(agency):  # noqa: F811
    app = make_case(agency, date(2026, 9, 21), name="correction")
    act(app, "request_correction", date(2026, 9, 28), items="写明文号",
        period_days=15, delivery="in_person")  # fmt: skip
    # Handed over Mon 09-28 = day 0: 29(1) 30(2), 10-01..07 off, 08(3) 09(4)
    # Sat 10(5), 12..16(10), 19..23(15).
    assert correction_period_end(app) == date(2026, 10, 23)
    with pytest.raises(ActionError):
        act(app, "reply", date(2026, 10, 23), outcome="no_correction")
    event = act(app, "reply", date(2026, 10, 26), outcome="no_correction")
    assert "2026年10月23日届满" in event["data"]["legal_basis"]


def test_fee_period_over_spring_festival(agency):  # noqa: F811
    app = make_case(agency, date(2026, 2, 2), name="fee")
    act(app, "fee_notice", date(2026, 2, 3), method="by_pages", quantity=40,
        delivery="in_person")  # fmt: skip
    # Handed over Tue 02-03 = day 0: 04(1) 05(2) 06(3) 09..13(8) Sat 14(9),
    # 15-23 off, 24..27(13) Sat 28(14), 03-02..06(19) 09(20).
    assert fee_payment_end(app) == date(2026, 3, 9)
    (notice,) = app.stored_files("notice")
    assert any("2026年3月9日" in text for text in notice["paragraphs"])
    with pytest.raises(ActionError):
        act(app, "reply", date(2026, 3, 9), outcome="no_fee")
    event = act(app, "reply", date(2026, 3, 10), outcome="no_fee")
    assert "2026年3月9日届满" in event["data"]["legal_basis"]


def test_consultation_window_over_spring_festival(agency):  # noqa: F811
    app = make_case(agency, date(2026, 2, 2), name="consulting")
    act(app, "accept", date(2026, 2, 2))
    act(app, "start_consultation", date(2026, 2, 5), party="某供热公司",
        basis="third_party")  # fmt: skip
    # Letter delivered Thu 02-05 = day 0: 06(1) 09..13(6) Sat 14(7), 15-23
    # off, 24..27(11) Sat 28(12), 03-02(13) 03(14) 04(15).
    (row,) = consultation_rows(app, today=date(2026, 3, 4))
    assert row["window_end"] == "2026-03-04"
    assert row["overdue"] is False
    (row,) = consultation_rows(app, today=date(2026, 3, 5))
    assert row["overdue"] is True
    (letter,) = app.stored_files("letter")
    assert "请于2026年3月4日前" in check_pdf(letter)


def test_extension_notice_pdf(portal, agency):  # noqa: F811
    app = make_case(agency, date(2026, 9, 21), name="extended")
    api.user.create(
        email="head@example.org",
        username="head",
        password="secret-head-1234",
        properties={"fullname": "王建国"},
    )
    api.user.grant_roles(username="head", roles=["DisclosureApprover"])
    login(portal, "head")
    try:
        act(app, "extend", date(2026, 10, 9), days=5, reason="需要调取档案")
    finally:
        login(portal, TEST_USER_NAME)
    (notice,) = app.stored_files("notice")
    text = check_pdf(notice)
    assert "政府信息公开申请延期答复告知书" in text
    assert notice["number"] and notice["number"] in text
    assert "第三十三条" in text
    # Received Mon 09-21 = day 0: 22..24(3), 中秋 25-27, 28..30(6), 国庆,
    # 08(7) 09(8) Sat 10(9) 12..16(14) 19..23(19) 26(20); +5: 27..30(4) 11-02(5).
    assert "2026年11月2日" in text
