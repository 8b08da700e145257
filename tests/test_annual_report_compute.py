"""Annual report tables computed from the site: a known answer worked out by hand."""

from .report_support import add_application
from .report_support import add_report
from .report_support import all_manual_zero
from datetime import date
from plone import api
from tongliao.disclosure.applications.actions import perform
from tongliao.disclosure.applications.workflow import ActionError
from tongliao.disclosure.reports import report as reports_module
from tongliao.disclosure.reports.compute import compute_fees
from tongliao.disclosure.reports.compute import compute_table2
from tongliao.disclosure.reports.compute import compute_table3
from tongliao.disclosure.reports.compute import compute_table4
from tongliao.disclosure.reports.layout import t3_cells
from tongliao.disclosure.reports.layout import T4_COLUMNS
from tongliao.disclosure.reports.report import report_blocking_problems
from tongliao.disclosure.reports.report import report_checks
from tongliao.disclosure.reports.report import reported_cells
from tongliao.disclosure.reports.report import set_override

import pytest


# Table 二 by hand (report_support.DOCUMENTS; d7 is a draft, d9 is neither kind):
# 2024 规章: issued d2 = 1; repealed 0; in force d1, d2 = 2.
#      规范性文件: issued d4, d6 = 2; repealed d3 = 1; in force d4, d6 = 2
#      (d3 repealed 2024-08-01, d8 expired without a date: never in force).
# 2025 规章: 0 / 0 / 2.  规范性文件: issued d5 = 1 (not the draft d7);
#      repealed d6 = 1; in force d4, d5 = 2.
TABLE2 = {
    2024: {
        "t2.regulations.issued": 1,
        "t2.regulations.repealed": 0,
        "t2.regulations.in_force": 2,
        "t2.normative_documents.issued": 2,
        "t2.normative_documents.repealed": 1,
        "t2.normative_documents.in_force": 2,
    },
    2025: {
        "t2.regulations.issued": 0,
        "t2.regulations.repealed": 0,
        "t2.regulations.in_force": 2,
        "t2.normative_documents.issued": 1,
        "t2.normative_documents.repealed": 1,
        "t2.normative_documents.in_force": 2,
    },
}

# Table 三 by hand (report_support.APPLICATIONS; b1 belongs to agency B).
# 2024: 一 new: a1 a2 a5 (自然人 3), a3 a7 (商业 2), a4 (科研 1), a6 (法律服务 1) = 7
#       二 carried: a0 (自然人, received 2023-12-28, replied 2024-01-10) = 1
#       三 closed in 2024: a0 国家秘密, a1 予以公开, a2 部分公开 (自然人);
#          a3 不掌握 (商业企业); a4 withdrawn → （六）3 其他 (科研) → （七） = 5
#       四 open on 2024-12-31: a5 (自然人), a6 (法律服务), a7 (商业企业) = 3
#       自然人 3+1 = 3+1; 商业 2+0 = 1+1; 科研 1 = 1+0; 法律服务 1 = 0+1; 总计 8 = 5+3.
# 2025: 一 new: c1 c4 c6 (自然人 3), c2 (公益 1), c3 (其他 1), c5 (商业 1) = 6
#       二 carried = 2024's 四: a5, a6, a7 = 3
#       三 closed in 2025: a5 第三方 (自然人), a6 逾期不补正 (法律服务), c1 予以公开,
#          c6 信访 (自然人), c2 重复 (公益), c3 逾期未缴费 (其他), c5 withdrawn
#          → 其他 (商业) → （七） = 7
#       四 open on 2025-12-31: a7 (replied 2026), c4 (still open) = 2;  6+3 = 7+2.
TABLE3 = {
    2024: {
        "new_received": {
            "natural_person": 3,
            "business": 2,
            "research": 1,
            "legal_service": 1,
        },
        "carried_over": {"natural_person": 1},
        "state_secret": {"natural_person": 1},
        "granted": {"natural_person": 1},
        "partial": {"natural_person": 1},
        "not_held": {"business": 1},
        "other": {"research": 1},
        "results_total": {"natural_person": 3, "business": 1, "research": 1},
        "carry_forward": {"natural_person": 1, "business": 1, "legal_service": 1},
    },
    2025: {
        "new_received": {
            "natural_person": 3,
            "nonprofit": 1,
            "other_org": 1,
            "business": 1,
        },
        "carried_over": {"natural_person": 1, "business": 1, "legal_service": 1},
        "third_party": {"natural_person": 1},
        "no_correction": {"legal_service": 1},
        "granted": {"natural_person": 1},
        "petition": {"natural_person": 1},
        "repeat": {"nonprofit": 1},
        "no_fee": {"other_org": 1},
        "other": {"business": 1},
        "results_total": {
            "natural_person": 3,
            "legal_service": 1,
            "nonprofit": 1,
            "other_org": 1,
            "business": 1,
        },
        "carry_forward": {"natural_person": 1, "business": 1},
    },
}


def expected_table3(year):
    expected = dict.fromkeys(t3_cells(), 0)
    for row, columns in TABLE3[year].items():
        for column, value in columns.items():
            expected[f"t3.{row}.{column}"] = value
        expected[f"t3.{row}.total"] = sum(columns.values())
    return expected


@pytest.mark.parametrize("year", [2024, 2025])
def test_table2_known_answer(report_site, year):
    agency, _other = report_site
    assert compute_table2(agency, year) == TABLE2[year]


@pytest.mark.parametrize("year", [2024, 2025])
def test_table3_known_answer(report_site, year):
    agency, _other = report_site
    assert compute_table3(agency, year) == expected_table3(year)


def test_carry_over_between_years(report_site):
    agency, _other = report_site
    t2024, t2025 = compute_table3(agency, 2024), compute_table3(agency, 2025)
    for column in ("natural_person", "business", "legal_service", "total"):
        assert t2025[f"t3.carried_over.{column}"] == t2024[f"t3.carry_forward.{column}"]


def test_other_agency_counts_only_its_own(report_site):
    _agency, other = report_site
    cells = compute_table3(other, 2024)
    assert cells["t3.new_received.total"] == 1
    assert cells["t3.granted.natural_person"] == 1
    assert compute_table2(other, 2024)["t2.regulations.in_force"] == 0


def test_computation_wakes_no_object(report_site, monkeypatch):
    """Only indexes and metadata: any getObject during computation fails the test."""
    from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain

    def forbidden(*args, **kwargs):
        raise AssertionError("computation woke an object")

    monkeypatch.setattr(AbstractCatalogBrain, "getObject", forbidden)
    monkeypatch.setattr(AbstractCatalogBrain, "_unrestrictedGetObject", forbidden)
    agency, _other = report_site
    assert compute_table3(agency, 2025) == expected_table3(2025)
    assert compute_table2(agency, 2025) == TABLE2[2025]


def failing(report):
    return {r["id"] for r in report_checks(report) if not r["passed"]}


def test_computed_report_passes_every_blocking_check(report_site):
    agency, _other = report_site
    report = add_report(agency, 2025, **all_manual_zero())
    assert report_blocking_problems(report) == []
    # d8 (失效 without a repeal date) is reported as a warning, not a blocker.
    assert failing(report) == {"t2.repeal_date_missing"}


@pytest.mark.parametrize(
    "cell, value, broken",
    [
        # 一 + 二 = （七） + 四 breaks in its column and the 总计 column no longer sums.
        (
            "t3.new_received.natural_person",
            4,
            {"t3.balance.natural_person", "t3.total_column.new_received"},
        ),
        # An outcome row without a matching （七）.
        (
            "t3.granted.business",
            1,
            {"t3.results_sum.business", "t3.total_column.granted"},
        ),
        # The 总计 column itself.
        (
            "t3.carry_forward.total",
            3,
            {"t3.total_column.carry_forward", "t3.balance.total"},
        ),
        # This year's 二 must equal last year's 四.
        (
            "t3.carried_over.research",
            1,
            {
                "t3.carry_over.research",
                "t3.balance.research",
                "t3.total_column.carried_over",
            },
        ),
    ],
)
def test_checks_catch_injected_imbalance(report_site, cell, value, broken):
    agency, _other = report_site
    report = add_report(agency, 2025, **all_manual_zero())
    with api.env.adopt_roles(["Manager"]):
        set_override(report, cell, value, "测试：人为改动")
    assert reported_cells(report)[cell] == value
    assert failing(report) - {"t2.repeal_date_missing"} == broken
    assert len(report_blocking_problems(report)) == len(broken)


def test_table4_computed_from_cases_and_missing_manual_cells(report_site):
    agency, other = report_site
    report = add_report(agency, 2025)
    problems = report_blocking_problems(report)
    assert len(problems) == 1  # manual.complete: nothing entered yet
    cells = reported_cells(report)
    assert [cells[f"t4.review.{c}"] for c in T4_COLUMNS] == [1, 1, 0, 0, 2]
    assert [cells[f"t4.direct.{c}"] for c in T4_COLUMNS] == [0, 0, 0, 1, 1]
    assert [cells[f"t4.after_review.{c}"] for c in T4_COLUMNS] == [0] * 5
    # 2024: the review of a2, decided that year.
    assert compute_table4(agency, 2024)["t4.review.upheld"] == 1
    assert compute_table4(agency, 2024)["t4.review.total"] == 1
    assert compute_table4(other, 2025)["t4.review.total"] == 1
    for name, value in all_manual_zero().items():
        setattr(report, name, value)
    assert report_blocking_problems(report) == []


def test_table4_counts_the_year_of_filing_and_the_result_by_year_end(report_site):
    agency, _other = report_site
    app = agency["c6"]
    with api.env.adopt_roles(["Manager"]):
        perform(app, "remedy_filed", day=date(2025, 12, 20), proceeding="review")
        perform(
            app,
            "remedy_decided",
            day=date(2026, 1, 15),
            proceeding="review",
            result="upheld",
        )
        perform(app, "remedy_filed", day=date(2026, 2, 1), proceeding="after_review")
    t2025 = compute_table4(agency, 2025)
    assert t2025["t4.review.pending"] == 1  # decided only in 2026
    assert t2025["t4.review.total"] == 3
    t2026 = compute_table4(agency, 2026)
    assert t2026["t4.review.total"] == 0  # counted in the year of filing
    assert t2026["t4.after_review.pending"] == t2026["t4.after_review.total"] == 1


def test_remedy_actions_refuse_impossible_records(report_site):
    agency, _other = report_site
    app = agency["c6"]
    with api.env.adopt_roles(["Manager"]):
        for action, params in (
            ("remedy_filed", {"proceeding": "appeal"}),
            ("remedy_filed", {"proceeding": "after_review"}),  # no review yet
            ("remedy_decided", {"proceeding": "review", "result": "upheld"}),
        ):
            with pytest.raises(ActionError):
                perform(app, action, day=date(2025, 9, 1), **params)
        perform(app, "remedy_filed", day=date(2025, 9, 1), proceeding="review")
        with pytest.raises(ActionError):
            perform(app, "remedy_filed", day=date(2025, 9, 2), proceeding="review")
        with pytest.raises(ActionError):
            perform(
                app,
                "remedy_decided",
                day=date(2025, 8, 30),
                proceeding="review",
                result="upheld",
            )
        with pytest.raises(ActionError):
            perform(
                app,
                "remedy_decided",
                day=date(2025, 9, 3),
                proceeding="review",
                result="maybe",
            )


def test_fees_paid_in_the_year(report_site):
    agency, _other = report_site
    with api.env.adopt_roles(["Manager"]):
        app = add_application(agency, "f1", "business", date(2025, 3, 3), None)
        # 250 pages: 70×10 + 100×20 + 50×40 = 4,700 元; handed over in person.
        perform(
            app, "fee_notice", day=date(2025, 3, 4), method="by_pages", quantity=250
        )
        perform(app, "fee_paid", day=date(2025, 3, 10))
        late = add_application(agency, "f2", "business", date(2025, 12, 1), None)
        perform(
            late, "fee_notice", day=date(2025, 12, 2), method="by_pages", quantity=40
        )
        perform(late, "fee_paid", day=date(2026, 1, 5))
    assert compute_fees(agency, 2025) == {"count": 1, "amount_yuan": 4700}
    assert compute_fees(agency, 2026) == {"count": 1, "amount_yuan": 100}
    report = add_report(agency, 2025, **all_manual_zero())
    assert reports_module.fee_figures(report) == {"count": 1, "amount_yuan": 4700}


def test_closed_date_index_of_real_applications(report_site):
    agency, _other = report_site
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(agency.getPhysicalPath())
    brains = {
        b.getId: b
        for b in catalog.unrestrictedSearchResults(
            portal_type="DisclosureApplication", path=path
        )
    }
    assert brains["a4"].review_state == "withdrawn"
    assert brains["a4"].closed_date == "2024-11-11"  # the withdrawal
    assert brains["a6"].closed_date == "2025-02-10"  # the reply (no_correction)
    assert brains["a6"].application_outcome == "no_correction"
    assert brains["c4"].closed_date is None  # still open
