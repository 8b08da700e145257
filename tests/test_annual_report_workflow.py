"""Approval blocked by failing checks, freezing on publication, DOCX/XLSX content."""

from .report_support import add_report
from .report_support import all_manual_zero
from datetime import date
from docx import Document
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from tongliao.disclosure.reports import report as reports
from tongliao.disclosure.review.staging import review_to
from tongliao.disclosure.review.workflow import ReviewError

import pytest


@pytest.fixture
def report(report_site):
    agency, _other = report_site
    fields = all_manual_zero()
    fields.update(
        licensing_decisions=120,
        penalty_decisions=7,
        enforcement_decisions=3,
    )
    return add_report(agency, 2025, **fields)


def publish(report):
    """Through the three recorded review steps of disclosure_review_workflow."""
    review_to(report, "published")


def test_balance_error_blocks_and_cannot_be_explained(report):
    with api.env.adopt_roles(["Manager"]):
        reports.set_override(report, "t3.granted.natural_person", 2, "纸质台账多一件")
    with pytest.raises(ReviewError) as error:
        publish(report)
    assert any("（七）总计" in text for text in error.value.translated(report.REQUEST))
    assert api.content.get_state(report) == "pending_approval"
    failing = {r["id"] for r in reports.report_checks(report) if not r["passed"]}
    assert "t3.results_sum.natural_person" in failing
    with api.env.adopt_roles(["Manager"]):
        for check_id in failing - {"t2.repeal_date_missing"}:
            with pytest.raises(reports.ReportError):
                reports.explain_check(report, check_id, "台账与系统差异已核实")
    assert reports.report_blocking_problems(report)
    # Warnings may be explained; the balance is corrected, never explained.
    with api.env.adopt_roles(["Manager"]):
        reports.explain_check(report, "t2.repeal_date_missing", "d8 已核实")
        reports.remove_override(report, "t3.granted.natural_person", "核对后撤销")
    assert reports.report_blocking_problems(report) == []
    publish(report)
    assert api.content.get_state(report) == "published"


def test_table4_override_out_of_balance_blocks(report):
    with api.env.adopt_roles(["Manager"]):
        reports.set_override(report, "t4.review.total", 3, "复议台账")
    assert any("Table 4" in str(m) for m in reports.report_blocking_problems(report))
    with pytest.raises(ReviewError):
        publish(report)


def test_unexplainable_check_blocks(report):
    report.licensing_decisions = None
    with pytest.raises(ReviewError):
        publish(report)
    with api.env.adopt_roles(["Manager"]), pytest.raises(reports.ReportError):
        reports.explain_check(report, "manual.complete", "不适用")
    with pytest.raises(ReviewError):
        publish(report)


def test_numbers_frozen_at_publication(report, report_site):
    agency, _other = report_site
    publish(report)
    snapshot = reports.frozen_snapshot(report)
    assert snapshot["reported"]["t3.new_received.total"] == 6
    # A late registration for 2025 changes the computation, not the published report.
    from .report_support import add_application

    with api.env.adopt_roles(["Manager"]):
        add_application(agency, "late", "business", date(2025, 12, 30), None)
    assert reports.computed_cells(report)["t3.new_received.total"] == 7
    assert reports.frozen_snapshot(report)["reported"]["t3.new_received.total"] == 6
    with pytest.raises(reports.ReportError):
        reports.set_override(report, "t3.new_received.total", 7, "补录")


def test_docx_and_xlsx_contain_the_numbers(report, portal):
    publish(report)
    request = portal.REQUEST
    docx = report.restrictedTraverse("@@annual-report.docx")()
    document = Document(BytesIO(docx))
    texts = [p.text for p in document.paragraphs]
    assert "三、收到和处理政府信息公开申请情况" in texts
    table2, table3, table4 = document.tables
    # Table 三: header rows 3; 一 is grid row 3: label (3 merged) + 7 numbers.
    row_new = [c.text for c in table3.rows[3].cells]
    assert row_new[:3] == ["一、本年新收政府信息公开申请数量"] * 3
    assert row_new[3:] == ["3", "1", "0", "1", "0", "1", "6"]
    row_total = [c.text for c in table3.rows[3 + 2 + 21].cells]
    assert row_total[1] == "（七）总计"
    assert row_total[3:] == ["3", "1", "0", "1", "1", "1", "7"]
    assert [c.text for c in table4.rows[3].cells][:5] == ["1", "1", "0", "0", "2"]
    # Table 二: caption, header, 规章, 规范性文件; 第（五）项 caption, header, 行政许可.
    assert [c.text for c in table2.rows[6].cells] == ["行政许可"] + ["120"] * 3
    assert request.response.getHeader("Content-Type").startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )

    xlsx = report.restrictedTraverse("@@annual-report.xlsx")()
    book = load_workbook(BytesIO(xlsx))
    assert book.sheetnames == ["表二", "表三", "表四"]
    sheet = book["表三"]
    # Sheet row 1 is the title; the table starts on row 2; 一 is on row 5.
    assert sheet.cell(row=5, column=1).value == "一、本年新收政府信息公开申请数量"
    assert [sheet.cell(row=5, column=c).value for c in range(4, 11)] == [
        3,
        1,
        0,
        1,
        0,
        1,
        6,
    ]
    assert "A2:C4" in {str(r) for r in sheet.merged_cells.ranges}  # corner note
    assert sheet.cell(row=2, column=1).value.startswith("（本列数据的勾稽关系为")
    four = book["表四"]
    assert [four.cell(row=5, column=c).value for c in range(1, 16)] == [
        1,
        1,
        0,
        0,
        2,
        0,
        0,
        0,
        1,
        1,
        0,
        0,
        0,
        0,
        0,
    ]
