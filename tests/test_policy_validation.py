"""Accept/reject tables for the policy-document rules, in the browser form and REST.

Browser: the real add/edit form classes process a submitted request (in process).
REST: real HTTP POST/PATCH through the functional layer's WSGI server.
"""

from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.world_support import agency_world
from tongliao.disclosure.interfaces import IBrowserLayer
from zope.interface import alsoProvides

import pytest


CREDIT_CODE = "1115050001147000MT"
TOMORROW = date.today() + timedelta(days=2)

VALID = {
    "title": "关于做好政务公开工作的通知",
    "document_number": "通政公办字〔2021〕1号",
    "issuing_agency": "通辽市人民政府办公室",
    "date_written": "2021-07-15",
    "effective": "2021-07-20T09:00",
    "document_kind": "notice",
    "subject_category": "02.01",
    "disclosure_attribute": "proactive",
    "validity": "valid",
}

# (case id, changes to VALID, expected zh_CN message fragment or None = accepted)
CASES = [
    ("valid", {}, None),
    (
        "order-number-for-order",
        {"document_kind": "order", "document_number": "国务院令第711号"},
        None,
    ),
    ("no-number", {"document_number": ""}, None),
    ("square-brackets", {"document_number": "通政公办字[2021]1号"}, "六角括号"),
    ("leading-zero", {"document_number": "通政公办字〔2021〕01号"}, "0"),
    ("ordinal-di", {"document_number": "通政公办字〔2021〕第1号"}, "第"),
    ("order-form-for-notice", {"document_number": "国务院令第711号"}, "令"),
    (
        "written-in-future",
        {"date_written": TOMORROW.isoformat(), "effective": ""},
        "成文日期",
    ),
    ("written-after-published", {"date_written": "2021-07-21"}, "发布日期"),
    ("written-same-day-published", {"date_written": "2021-07-20"}, None),
    ("changed-in-future", {"date_changed": TOMORROW.isoformat()}, "信息变更日期"),
    ("changed-before-written", {"date_changed": "2021-07-01"}, "早于成文日期"),
    ("changed-later", {"date_changed": "2021-08-02"}, None),
    (
        "exempt-without-reason",
        {"disclosure_attribute": "exempt", "reassessment_date": "2022-07-01"},
        "理由",
    ),
    (
        "exempt-without-reassessment",
        {"disclosure_attribute": "exempt", "exemption_reason": "涉及国家秘密"},
        "评估",
    ),
    (
        "exempt-complete",
        {
            "disclosure_attribute": "exempt",
            "exemption_reason": "涉及国家秘密",
            "reassessment_date": "2022-07-01",
        },
        None,
    ),
    ("on-request-without-reason", {"disclosure_attribute": "on_request"}, "理由"),
    (
        "on-request-with-reason",
        {"disclosure_attribute": "on_request", "exemption_reason": "仅涉及特定对象"},
        None,
    ),
]
CASE_IDS = [case[0] for case in CASES]

CHOICES = ("document_kind", "subject_category", "disclosure_attribute", "validity")


def form_request(request, values):
    widgets = {}
    for name, value in values.items():
        if name == "title":
            widgets["form.widgets.IBasic.title"] = value
        elif name == "effective":
            widgets["form.widgets.IPublication.effective"] = value
        elif name in CHOICES:
            widgets[f"form.widgets.{name}"] = [value]
            widgets[f"form.widgets.{name}-empty-marker"] = "1"
        else:
            widgets[f"form.widgets.{name}"] = value
    request.form.clear()
    request.form.update(widgets)
    request.method = "POST"
    alsoProvides(request, IBrowserLayer)
    return request


def form_errors(form):
    from zope.i18n import translate

    messages = []
    for error in form.widgets.errors:
        messages.append(translate(error.message, target_language="zh_CN"))
    for group in getattr(form, "groups", ()):
        for error in group.widgets.errors:
            messages.append(translate(error.message, target_language="zh_CN"))
    return messages


validation_world = agency_world(
    "validation_world", credit_code=CREDIT_CODE, published=False
)


@pytest.fixture
def agency(validation_world, portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal.unrestrictedTraverse(validation_world)


@pytest.mark.parametrize("case,changes,expected", CASES, ids=CASE_IDS)
def test_browser_add_form(agency, case, changes, expected):
    request = form_request(agency.REQUEST, {**VALID, **changes})
    request.form["form.buttons.save"] = "Save"
    view = agency.restrictedTraverse("++add++PolicyDocument")
    view.update()
    errors = form_errors(view.form_instance)
    created = [o for o in agency.objectValues() if o.portal_type == "PolicyDocument"]
    if expected is None:
        assert errors == []
        assert len(created) == 1
    else:
        assert created == []
        assert any(expected in message for message in errors), errors


@pytest.mark.parametrize(
    "case,changes,expected",
    [
        c
        for c in CASES
        if c[0] in ("valid", "written-after-published", "exempt-without-reason")
    ],
)
def test_browser_edit_form(agency, case, changes, expected):
    doc = api.content.create(
        container=agency,
        type="PolicyDocument",
        id="doc",
        title="旧标题",
        date_written=date(2021, 7, 15),
        document_kind="notice",
        subject_category="02.01",
    )
    request = form_request(agency.REQUEST, {**VALID, **changes})
    request.form["form.buttons.save"] = "Save"
    form = doc.restrictedTraverse("@@edit")
    form.update()
    errors = form_errors(form)
    if expected is None:
        assert errors == []
        assert doc.title == VALID["title"]
    else:
        assert any(expected in message for message in errors), errors
        assert doc.title == "旧标题"


USCC_CASES = [
    ("1115050001147000MT", None),
    ("11150000MB1604391C", None),
    ("1115050001147000MA", "校验"),
    ("111505000114700", "18"),
    ("1115050001147000MI", "I"),
]


@pytest.mark.parametrize("code,expected", USCC_CASES)
def test_browser_agency_credit_code(portal, code, expected):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    request = portal.REQUEST
    request.form.clear()
    request.form.update(
        {
            "form.widgets.IBasic.title": "某局",
            "form.widgets.credit_code": code,
            "form.buttons.save": "Save",
        }
    )
    request.method = "POST"
    alsoProvides(request, IBrowserLayer)
    view = portal.restrictedTraverse("++add++DisclosureAgency")
    view.update()
    errors = form_errors(view.form_instance)
    created = [o for o in portal.objectValues() if o.portal_type == "DisclosureAgency"]
    if expected is None:
        assert errors == [] and len(created) == 1
    else:
        assert created == [] and any(expected in m for m in errors), errors


def test_add_form_preselects_no_required_choice(functional_portal, browser_session):
    """公文种类 and 主题分类 start empty ("请选择"); optional choices say 未选择."""
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD
    from tests.helpers import make_agency

    import transaction

    agency = make_agency(functional_portal)
    transaction.commit()
    session = browser_session((SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    form = session.get(agency.absolute_url() + "/++add++PolicyDocument").text
    for name in ("document_kind", "subject_category"):
        marker = f'name="form.widgets.{name}:list"'
        select = form.split(marker, 1)[1].split("</select>")[0]
        first = select.split("<option", 2)[1]
        assert "请选择" in first and 'value="--NOVALUE--"' in first
        assert "selected" in first
    assert "空值" not in form
    assert "未选择" in form
