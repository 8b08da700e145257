"""Legacy catalogue import into a site: dry run, all-or-nothing, idempotent
re-run by 索引号, counter advanced, one import record per published document,
the approver's role required."""

from .helpers import make_agency
from .legacy_support import AGENCY_NAME
from .legacy_support import CODE
from .legacy_support import csv_bytes
from .legacy_support import GOOD_ROWS
from .legacy_support import import_folder
from .legacy_support import xlsx_bytes
from .review_support import make_users
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import TEST_USER_NAME
from tongliao.disclosure.migration.legacy import FolderFiles
from tongliao.disclosure.migration.legacy_import import LegacyImportRefused
from tongliao.disclosure.migration.legacy_import import run_import
from tongliao.disclosure.policy.index_numbers import get_counter
from tongliao.disclosure.review.records import get_records
from tongliao.disclosure.review.staging import review_to
from zope.i18n import translate

import pytest


@pytest.fixture
def agency(portal):
    make_users(portal)
    return make_agency(portal, id="gen", title=AGENCY_NAME, credit_code=CODE)


def documents(agency):
    return {
        doc.index_number: doc
        for doc in agency.objectValues()
        if doc.portal_type == "PolicyDocument"
    }


def as_approver(function, *args, **kwargs):
    with api.env.adopt_user(username="approver"):
        return function(*args, **kwargs)


def test_dry_run_then_import_then_rerun(agency, tmp_path):
    files = FolderFiles(import_folder(tmp_path))
    data = csv_bytes(GOOD_ROWS, encoding="gbk")

    dry = as_approver(run_import, agency, data, "旧平台目录.csv", files)
    assert not dry.applied and len(dry.new) == 3 and dry.bad == []
    assert documents(agency) == {}

    report = as_approver(
        run_import, agency, data, "旧平台目录.csv", files, dry_run=False
    )
    assert report.applied and len(report.created) == 3
    docs = documents(agency)
    notice = docs[f"{CODE}/2021-00007"]
    assert api.content.get_state(notice) == "published"
    assert notice.subject_category == "02.01" and notice.document_kind == "notice"
    assert notice.effective().strftime("%Y-%m-%d") == "2021-03-05"
    assert notice["方案.pdf"].file.data == b"%PDF-1.4 plan"
    assert "第一条" in docs[f"{CODE}/2021-00012"].text.raw
    (record,) = get_records(notice)
    assert record["decision"] == "imported" and record["actor"] == "approver"
    assert record["actor_name"] == "周领导"
    assert "旧平台目录.csv" in record["opinion"] and record["time"]
    draft = docs[f"{CODE}/2022-00001"]
    assert api.content.get_state(draft) == "draft" and get_records(draft) == []
    # Anonymous sees the published one only.
    logout()
    found = api.content.find(context=agency, portal_type="PolicyDocument")
    login(agency.aq_parent, TEST_USER_NAME)
    assert {brain.Title for brain in found} == {GOOD_ROWS[0][0], GOOD_ROWS[1][0]}

    # Counter past the imported serials: the next published document gets 13.
    assert get_counter(agency).peek(2021) == 12
    assert get_counter(agency).peek(2022) == 1

    # Re-run: nothing new, nothing duplicated.
    again = as_approver(
        run_import, agency, data, "旧平台目录.csv", files, dry_run=False
    )
    assert again.new == [] and len(again.existing) == 3 and again.created == []
    assert len(documents(agency)) == 3


def test_next_index_number_continues_after_import(agency, tmp_path):
    files = FolderFiles(import_folder(tmp_path))
    as_approver(
        run_import, agency, xlsx_bytes(GOOD_ROWS, merge_column=3), "目录.xlsx",
        files, dry_run=False,
    )  # fmt: skip
    doc = api.content.create(
        container=agency,
        type="PolicyDocument",
        title="导入后新发布的文件",
        document_kind="notice",
        subject_category="02.01",
        disclosure_attribute="proactive",
        issuing_agency=AGENCY_NAME,
    )
    doc.setEffectiveDate("2021/12/01 09:00 GMT+8")
    review_to(doc, "published")
    assert doc.index_number == f"{CODE}/2021-00013"


def test_one_bad_row_imports_nothing_unless_skipped(agency, tmp_path):
    files = FolderFiles(import_folder(tmp_path))
    rows = [list(row) for row in GOOD_ROWS]
    rows[2][6] = "火星事务"
    data = csv_bytes(rows)
    report = as_approver(run_import, agency, data, "目录.csv", files, dry_run=False)
    assert not report.applied and documents(agency) == {}
    (bad,) = report.bad
    assert bad.number == 4
    text = translate(bad.errors[0], context=agency.REQUEST, target_language="zh_CN")
    assert text == "未知的主题分类“火星事务”。"

    skipped = as_approver(
        run_import, agency, data, "目录.csv", files, dry_run=False, skip_bad=True
    )
    assert skipped.applied and len(skipped.created) == 2
    assert set(documents(agency)) == {f"{CODE}/2021-00007", f"{CODE}/2021-00012"}


@pytest.mark.parametrize("userid", ["editor", "dept", "secrecy", "officer", None])
def test_only_the_approver_may_import(agency, userid):
    data = csv_bytes(GOOD_ROWS[2:])
    if userid is None:
        logout()
        with pytest.raises(LegacyImportRefused):
            run_import(agency, data, "目录.csv", dry_run=False)
        login(agency.aq_parent, TEST_USER_NAME)
    else:
        with (
            api.env.adopt_user(username=userid),
            pytest.raises(LegacyImportRefused) as caught,
        ):
            run_import(agency, data, "目录.csv", dry_run=False)
        text = translate(caught.value.message, target_language="zh_CN")
        assert "审批领导" in text and not any(c.isascii() and c.isalpha() for c in text)
    assert documents(agency) == {}
