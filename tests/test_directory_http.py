"""The directory and the guide over real HTTP: import (dry run, real, repeated, bad
file with nothing imported), export, compliance, who may reach them, what anonymous
visitors see, and the guide's live office block and review warning."""

from .helpers import make_agency
from datetime import date
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tests.directory_helpers import cell_values
from tests.directory_helpers import demo_records
from tests.directory_helpers import make_xlsx
from tests.helpers import authenticator
from tests.world_support import world_fixture
from tongliao.disclosure.directory import guide as guide_module
from tongliao.disclosure.directory import spreadsheet
from tongliao.disclosure.review.staging import review_to

import pytest
import transaction


XLSX = spreadsheet.XLSX_MIMETYPE
DRAFT_CODE = "YWJY-003"


def build_agency(portal):
    with api.env.adopt_user(SITE_OWNER_NAME):
        agency = make_agency(
            portal,
            title="科尔沁区人民政府办公室",
            phone="0475-8888888",
            address="通辽市科尔沁区和平路1号",
        )
        parsed = spreadsheet.parse_records(demo_records())
        spreadsheet.apply_plan(agency, spreadsheet.plan_import(agency, parsed.rows))
        for code, item in spreadsheet.agency_items(agency).items():
            if code != DRAFT_CODE:
                review_to(item, "published")
        api.user.create(
            email="officer@example.org", username="officer", password="secret-officer"
        )
        with api.env.adopt_roles(["Manager"]):
            api.group.add_user(groupname="disclosure_officers", username="officer")
        api.user.create(
            email="author@example.org", username="author", password="secret-author"
        )
        with api.env.adopt_roles(["Manager"]):
            api.group.add_user(groupname="disclosure_editors", username="author")
        api.user.create(
            email="member@example.org", username="member", password="secret-member"
        )
    return agency.getPhysicalPath()


directory_http_world = world_fixture(build_agency, "directory_http_world")


@pytest.fixture
def agency(directory_http_world, functional_portal):
    return functional_portal.unrestrictedTraverse(directory_http_world)


def item_count():
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog.unrestrictedSearchResults(portal_type="DirectoryItem"))


def post_import(session, data, dry_run):
    form = session.get("agency/@@directory-import")
    assert form.status_code == 200
    fields = {"_authenticator": authenticator(form.text), "form.submitted": "1"}
    if dry_run:
        fields["dry_run"] = "1"
    return session.post(
        "agency/@@directory-import",
        data=fields,
        files={"file": ("目录.xlsx", data, XLSX)},
    )


@pytest.mark.parametrize(
    "view", ["@@directory-import", "@@directory-export", "@@directory-compliance"]
)
@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_staff_pages_denied(agency, browser_session, view, who):
    session = (
        browser_session()
        if who == "anonymous"
        else browser_session(("member", "secret-member"))
    )
    response = session.get(f"agency/{view}", allow_redirects=False)
    assert response.status_code in (401, 302, 403)
    if response.status_code == 302:
        assert "login" in response.headers["Location"]
    assert XLSX not in response.headers.get("Content-Type", "")


def test_anonymous_sees_only_published_items(agency, browser_session):
    anonymous = browser_session()
    page = anonymous.get("agency/directory")
    assert page.status_code == 200
    assert "最低生活保障" in page.text
    assert "学生资助" not in page.text  # the draft item
    assert "从 Excel 导入" not in page.text
    draft = spreadsheet.agency_items(agency)[DRAFT_CODE]
    draft_url = draft.absolute_url()
    manager = browser_session(role="Manager")
    assert manager.get(draft_url).status_code == 200  # the URL is the draft's
    denied = anonymous.get(draft_url, allow_redirects=False)
    assert denied.status_code in (302, 401)
    if denied.status_code == 302:
        assert "login" in denied.headers["Location"]
    assert "学生资助" not in denied.text
    item = anonymous.get("agency/directory/category-3/shjz-001")
    assert item.status_code == 200
    assert "公开渠道和载体" in item.text and "便民服务站" in item.text
    assert "尚无已公开的信息" in item.text
    assert "学生资助" in manager.get("agency/directory").text


def test_import_dry_run_then_real_then_repeat(agency, browser_session):
    author = browser_session(("author", "secret-author"))
    records = demo_records()
    draft = next(i for i, r in enumerate(records) if r["事项编码"] == DRAFT_CODE)
    records[draft]["公开时限"] = "信息形成或者变更之日起10个工作日内"
    records.append(
        {**records[0], "事项编码": "ZWGK-009", "二级事项": "政府信息公开目录"}
    )
    data = make_xlsx(records)

    dry = post_import(author, data, dry_run=True)
    assert dry.status_code == 200
    assert "试运行：未做任何修改" in dry.text
    assert "新建: 1" in dry.text or "新建</span>: 1" in dry.text
    assert 'class="plan-update"' in dry.text and "公开时限" in dry.text
    assert item_count() == 14

    real = post_import(author, data, dry_run=False)
    assert real.status_code == 200
    assert "导入完成" in real.text
    assert item_count() == 15
    transaction.begin()
    items = spreadsheet.agency_items(api.portal.get()["agency"])
    assert items[DRAFT_CODE].time_limit_days == 10
    assert api.content.get_state(items["ZWGK-009"]) == "draft"  # new: to review

    again = post_import(author, data, dry_run=False)
    assert again.status_code == 200
    assert again.text.count('class="plan-unchanged"') == 15
    assert 'class="plan-update"' not in again.text
    assert 'class="plan-create"' not in again.text


@pytest.mark.parametrize("user", ["author", "officer"])
def test_import_refuses_changes_to_published_items(agency, browser_session, user):
    session = browser_session((user, f"secret-{user}"))
    records = demo_records()
    records[7]["公开时限"] = "信息形成或者变更之日起10个工作日内"  # published
    response = post_import(session, make_xlsx(records), dry_run=True)
    assert response.status_code == 200
    assert "不能通过导入修改" in response.text
    assert "试运行：未做任何修改" not in response.text
    response = post_import(session, make_xlsx(records), dry_run=False)
    assert "导入完成" not in response.text
    transaction.begin()
    items = spreadsheet.agency_items(api.portal.get()["agency"])
    assert items["SHJZ-001"].time_limit_days != 10
    assert api.content.get_state(items["SHJZ-001"]) == "published"


def test_bad_file_imports_nothing(agency, browser_session):
    officer = browser_session(("officer", "secret-officer"))
    records = demo_records()
    records[0]["公开时限"] = "信息形成或者变更之日起5个工作日内"  # a valid change …
    records.append(
        {**records[1], "事项编码": "NEW-1", "二级事项": "新事项"}
    )  # … a new row
    records[3]["公开对象"] = "全体市民"  # … and one bad row
    records[9]["公开层级"] = ""
    before = item_count()
    response = post_import(officer, make_xlsx(records), dry_run=False)
    assert response.status_code == 200
    assert "未导入任何内容" in response.text
    assert "第 5 行“公开对象”列：“全体市民”不是以下取值之一" in response.text
    assert "第 11 行“公开层级”列：必须填写" in response.text
    assert item_count() == before == 14
    transaction.begin()
    items = spreadsheet.agency_items(api.portal.get()["agency"])
    assert items["ZWGK-001"].time_limit_days == 20  # the valid change was not applied

    not_excel = post_import(officer, b"PK\x03\x04 broken", dry_run=False)
    assert "上传的文件不是 Excel 工作簿" in not_excel.text


def test_export_download(agency, browser_session):
    officer = browser_session(("officer", "secret-officer"))
    response = officer.get("agency/@@directory-export")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == XLSX
    assert "attachment" in response.headers["Content-Disposition"]
    values = cell_values(response.content)
    assert values[0][:3] == ["序号", "一级事项", "二级事项"]
    assert values[0][-1] == "事项编码"
    assert len(values) == 15
    # the draft item is exported too (staff directory, not the public page)
    assert any(row[12] == DRAFT_CODE for row in values[1:])


def test_compliance_page(agency, browser_session):
    officer = browser_session(("officer", "secret-officer"))
    page = officer.get("agency/@@directory-compliance")
    assert page.status_code == 200
    assert "政务公开标准目录落实情况" in page.text
    # 13 published items, nothing fulfils any yet; SHJZ-004 is 依申请
    assert '<span class="count-items">13</span>' in page.text
    assert '<span class="count-unfulfilled">12</span>' in page.text
    assert '<span class="count-late">0</span>' in page.text
    assert "最低生活保障" in page.text and "学生资助" not in page.text


@pytest.fixture
def clock(monkeypatch):
    def move(day):
        monkeypatch.setattr(guide_module, "site_today", lambda: day)

    return move


def test_guide_office_block_follows_the_agency(agency, browser_session):
    manager = browser_session(role="Manager")
    page = manager.get("agency/guide")
    assert page.status_code == 200
    assert "政府信息公开工作机构" in page.text
    assert "0475-8888888" in page.text and "和平路1号" in page.text
    assert "依申请公开" in page.text
    transaction.begin()
    api.portal.get()["agency"].phone = "0475-6666666"
    transaction.commit()
    page = manager.get("agency/guide")
    assert "0475-6666666" in page.text and "0475-8888888" not in page.text
    # a draft guide is not public
    denied = browser_session().get("agency/guide", allow_redirects=False)
    assert denied.status_code in (302, 401)
    assert "0475-6666666" not in denied.text


def test_guide_warning_on_dashboard(agency, browser_session, clock):
    transaction.begin()
    guide = api.portal.get()["agency"]["guide"]
    guide.last_reviewed = date(2024, 1, 10)
    guide.reindexObject()
    transaction.commit()
    officer = browser_session(("officer", "secret-officer"))
    clock(date(2024, 12, 1))
    assert "最近一次审核于" not in officer.get("@@disclosure-dashboard").text
    clock(date(2025, 1, 11))
    dashboard = officer.get("@@disclosure-dashboard")
    assert "最近一次审核于 2024-01-10，已超过 365 天" in dashboard.text


def test_add_form_refuses_a_taken_code(agency, browser_session):
    manager = browser_session(role="Manager")
    url = "agency/directory/category-1/++add++DirectoryItem"
    form = manager.get(url)
    assert form.status_code == 200
    assert "事项编码" in form.text
    fields = {
        "form.widgets.IBasic.title": "政府信息公开目录",
        "form.widgets.code": "ZWGK-002",
        "form.widgets.level1_item": "政务公开",
        "form.widgets.level2_item": "政府信息公开目录",
        "form.widgets.content_elements": "索引、名称、内容概述、生成日期",
        "form.widgets.time_limit": "信息形成或者变更之日起20个工作日内",
        "form.widgets.responsible_body": "科尔沁区人民政府办公室",
        "form.widgets.channels": ["website"],
        "form.widgets.channels-empty-marker": "1",
        "form.widgets.audience": "public",
        "form.widgets.disclosure_mode": "proactive",
        "form.widgets.level": ["county"],
        "form.widgets.level-empty-marker": "1",
        "form.buttons.save": "保存",
        "_authenticator": authenticator(form.text),
    }
    refused = manager.post(url, data=fields)
    assert refused.status_code == 200
    assert "事项编码 ZWGK-002 已在本机关的标准目录中使用" in refused.text
    assert item_count() == 14
    fields["form.widgets.code"] = "ZWGK-010"
    created = manager.post(url, data=fields)
    assert created.status_code == 200
    assert item_count() == 15
    transaction.begin()
    item = spreadsheet.agency_items(api.portal.get()["agency"])["ZWGK-010"]
    assert item.level1_item == "政务公开"
