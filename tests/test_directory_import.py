"""Standard directory: .xlsx import (all rows checked first, nothing half-imported),
re-import by code, dry-run plans and the export → import → export round trip."""

from .helpers import make_agency
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tests.directory_helpers import cell_values
from tests.directory_helpers import demo_records
from tests.directory_helpers import HEADERS
from tests.directory_helpers import make_xlsx
from tests.world_support import agency_world
from tongliao.disclosure.directory import spreadsheet
from tongliao.disclosure.directory.content import parse_working_days
from zope.i18n import translate

import pytest


import_world = agency_world(
    "import_world", title="科尔沁区人民政府办公室", published=False
)


@pytest.fixture
def agency(import_world, portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal.unrestrictedTraverse(import_world)


def import_xlsx(agency, data):
    parsed = spreadsheet.parse_workbook(data)
    assert parsed.errors == []
    plans = spreadsheet.plan_import(agency, parsed.rows)
    spreadsheet.apply_plan(agency, plans)
    return plans


def item_count(portal):
    return len(
        portal.portal_catalog.unrestrictedSearchResults(portal_type="DirectoryItem")
    )


def zh(message):
    return translate(message, target_language="zh_CN")


@pytest.mark.parametrize(
    "text,days",
    [
        ("信息形成或者变更之日起20个工作日内", 20),
        ("信息形成之日起5个工作日", 5),
        ("自收到申请之日起二十个工作日内", 20),
        ("十五个工作日内", 15),
        ("２０个工作日", 20),
        ("实时", None),
        ("及时", None),
        ("每年1月31日前", None),
        ("批准后20日内", None),  # calendar days (预算法), not working days
        ("", None),
    ],
)
def test_time_limit_working_days(text, days):
    assert parse_working_days(text) == days


def test_good_file_creates_categories_and_items(agency, portal):
    plans = import_xlsx(agency, make_xlsx(demo_records()))
    assert [plan.action for plan in plans] == ["create"] * 14
    directory = agency["directory"]
    assert [c.Title() for c in directory.objectValues()] == [
        "政务公开",
        "财政预决算",
        "社会救助",
        "义务教育",
    ]
    items = spreadsheet.agency_items(agency)
    assert len(items) == 14 == item_count(portal)
    relief = items["SHJZ-001"]
    assert relief.title == relief.level2_item == "最低生活保障"
    assert relief.level1_item == "社会救助"
    assert relief.channels == [
        "website",
        "service_center",
        "service_station",
        "notice_board",
    ]
    assert relief.level == ["county", "township"]
    assert relief.five_publicity == ["execution", "service"]
    assert relief.audience == "public" and relief.disclosure_mode == "proactive"
    assert relief.time_limit_days == 20
    assert items["SHJZ-004"].disclosure_mode == "on_request"
    assert items["SHJZ-004"].audience == "specific_groups"
    assert items["ZWGK-003"].time_limit_days is None
    # legal bases keep their line breaks
    assert "\n【规范性文件】" in items["ZWGK-004"].legal_basis
    brain = api.content.find(directory_code="SHJZ-001")[0]
    assert brain.time_limit_days == 20


def _bad(column, value, row_index=0):
    def change(records):
        records[row_index][column] = value

    return change


def _duplicate_code(records):
    records[5]["事项编码"] = records[2]["事项编码"]


@pytest.mark.parametrize(
    "change,expected",
    [
        (
            _bad("公开对象", "全体市民", 3),
            ["第 5 行", "公开对象", "全体市民", "全社会"],
        ),
        (_bad("公开方式", "", 1), ["第 3 行", "公开方式", "必须填写"]),
        (_bad("公开层级", "省级", 7), ["第 9 行", "公开层级", "省级", "县级"]),
        (_bad("公开渠道和载体", "政府网站、微博", 0), ["第 2 行", "微博"]),
        (_bad("五公开", "监督公开", 2), ["第 4 行", "五公开", "监督公开"]),
        (_bad("二级事项", "", 13), ["第 15 行", "二级事项"]),
        (_bad("事项编码", "编码 1", 4), ["第 6 行", "事项编码", "编码 1"]),
        (_duplicate_code, ["第 7 行", "ZWGK-003", "第 4 行"]),
    ],
)
def test_bad_row_named(change, expected):
    """One bad row → one message naming the row (Excel numbering) and column.

    That nothing is imported then is proven over HTTP in test_directory_http."""
    records = demo_records()
    change(records)
    parsed = spreadsheet.parse_workbook(make_xlsx(records))
    assert len(parsed.errors) == 1
    message = zh(parsed.errors[0])
    for part in expected:
        assert part in message


def test_several_bad_rows_all_reported(agency):
    records = demo_records()
    records[0]["公开对象"] = "群众"
    records[9]["公开方式"] = "主动推送"
    records[12]["公开层级"] = ""
    parsed = spreadsheet.parse_workbook(make_xlsx(records))
    rows = sorted(error.mapping["row"] for error in parsed.errors)
    assert rows == [2, 11, 14]


@pytest.mark.parametrize(
    "data,expected",
    [
        (b"not a spreadsheet", "不是 Excel 工作簿"),
        (make_xlsx([], headers=["序号", "名称"]), "一级事项"),
        (make_xlsx(demo_records(), headers=HEADERS[:5]), "缺少列"),
        (make_xlsx([]), "没有目录事项"),
    ],
)
def test_bad_files(data, expected):
    parsed = spreadsheet.parse_workbook(data)
    assert parsed.rows == [] or parsed.errors
    assert expected in zh(parsed.errors[0])


def test_reimport_is_idempotent(agency, portal):
    data = make_xlsx(demo_records())
    import_xlsx(agency, data)
    items = spreadsheet.agency_items(agency)
    stamps = {code: obj.modified() for code, obj in items.items()}
    repository = portal.portal_repository
    versions = {
        code: len(repository.getHistoryMetadata(obj)) for code, obj in items.items()
    }
    plans = import_xlsx(agency, data)
    assert {plan.action for plan in plans} == {"unchanged"}
    assert all(plan.changes == [] for plan in plans)
    after = spreadsheet.agency_items(agency)
    assert {code: obj.modified() for code, obj in after.items()} == stamps
    assert {
        code: len(repository.getHistoryMetadata(obj)) for code, obj in after.items()
    } == versions
    assert item_count(portal) == 14


def test_reimport_updates_by_code_and_moves_category(agency):
    import_xlsx(agency, make_xlsx(demo_records()))
    records = demo_records()
    records[7]["公开时限"] = "信息形成或者变更之日起10个工作日内"
    records[7]["公开渠道和载体"] = "□政府网站 ■政务服务中心 □两微一端 √便民服务站"
    records[12]["一级事项"] = "教育"
    records.append(
        {**records[0], "事项编码": "ZWGK-009", "二级事项": "政府信息公开目录"}
    )
    parsed = spreadsheet.parse_workbook(make_xlsx(records))
    plans = spreadsheet.plan_import(agency, parsed.rows)
    actions = {plan.code: (plan.action, plan.changes) for plan in plans}
    assert actions["SHJZ-001"] == ("update", ["公开时限", "公开渠道和载体"])
    assert actions["YWJY-002"] == ("update", ["一级事项"])
    assert actions["ZWGK-009"] == ("create", [])
    assert sum(plan.action == "unchanged" for plan in plans) == 12
    spreadsheet.apply_plan(agency, plans)
    items = spreadsheet.agency_items(agency)
    assert items["SHJZ-001"].time_limit_days == 10
    assert items["SHJZ-001"].channels == ["service_center", "service_station"]
    moved = items["YWJY-002"]
    assert moved.aq_parent.Title() == "教育" == moved.level1_item
    assert len(items) == 15


def test_dry_run_plan_changes_nothing(agency, portal):
    parsed = spreadsheet.parse_workbook(make_xlsx(demo_records()))
    plans = spreadsheet.plan_import(agency, parsed.rows)
    assert [plan.action for plan in plans] == ["create"] * 14
    assert item_count(portal) == 0
    assert "directory" not in agency.objectIds()


def test_departments_layout_without_code_two_row_header(agency, portal):
    """A sheet as departments keep it: a title line, 公开事项 over 一级/二级事项,
    no 事项编码, ticked boxes; re-importing it updates instead of duplicating."""
    from io import BytesIO

    import openpyxl

    records = demo_records()[4:7]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["科尔沁区财政预决算领域基层政务公开标准目录"])
    top = ["序号", "公开事项", None, *HEADERS[3:12]]
    sheet.append(top)
    sheet.append([None, "一级事项", "二级事项", *[None] * 9])
    for number, record in enumerate(records, start=1):
        row = [number, *(record[h] for h in HEADERS[1:12])]
        row[7] = "■政府网站 □政府公报 ☑纸质媒体 □其他"
        sheet.append(row)
    stream = BytesIO()
    workbook.save(stream)
    data = stream.getvalue()
    parsed = spreadsheet.parse_workbook(data)
    assert parsed.errors == []
    assert [row.row for row in parsed.rows] == [4, 5, 6]
    codes = [row.values["code"] for row in parsed.rows]
    assert all(code.startswith("ML-") for code in codes)
    assert parsed.rows[0].values["channels"] == ["website", "print_media"]
    import_xlsx(agency, data)
    plans = import_xlsx(agency, data)
    assert {plan.action for plan in plans} == {"unchanged"}
    assert item_count(portal) == 3
    exported = cell_values(spreadsheet.write_workbook(spreadsheet.export_rows(agency)))
    assert exported[1][12] == codes[0]


def test_round_trip_export_import_export(agency, portal):
    import_xlsx(agency, make_xlsx(demo_records()))
    first = spreadsheet.write_workbook(spreadsheet.export_rows(agency))
    other = make_agency(
        portal, id="other", title="开鲁县人民政府办公室", published=False
    )
    import_xlsx(other, first)
    second = spreadsheet.write_workbook(spreadsheet.export_rows(other))
    # The zip bytes differ (timestamps inside the package); the cells must not.
    assert cell_values(first) == cell_values(second)
    values = cell_values(first)
    assert values[0] == HEADERS
    assert len(values) == 15
    row = next(r for r in values if r[12] == "SHJZ-001")
    assert row[7] == (
        "政府网站、政务服务中心、便民服务站、社区/企事业单位/村公示栏（电子屏）"
    )
    assert row[8:12] == ["全社会", "主动", "县级、乡级", "执行公开、服务公开"]
    # and importing the export into its own agency changes nothing
    assert {p.action for p in import_xlsx(agency, first)} == {"unchanged"}


def test_code_unique_per_agency_in_forms(agency, portal):
    from tongliao.disclosure.directory.content import IDirectoryItem
    from tongliao.disclosure.directory.validation import UniqueCodeValidator
    from zope.interface import Invalid

    import_xlsx(agency, make_xlsx(demo_records()[:3]))
    category = agency["directory"].objectValues()[0]
    item = category.objectValues()[0]
    field = IDirectoryItem["code"]

    def check(context, value):
        UniqueCodeValidator(context, None, None, field, None).validate(value)

    with pytest.raises(Invalid) as error:
        check(category, "ZWGK-002")  # add form: taken
    assert "ZWGK-002" in zh(error.value.args[0])
    check(category, "ZWGK-099")  # free
    check(item, item.code)  # edit form: its own code
    with pytest.raises(Invalid):
        check(item, "ZWGK-002")
    other = make_agency(
        portal, id="other", title="开鲁县人民政府办公室", published=False
    )
    check(other, "ZWGK-002")  # another agency may use the same code
