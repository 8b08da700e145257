"""The staff page of the legacy import over real HTTP: upload, Chinese dry-run
report, confirm by POST; only the approver; GET writes nothing."""

from .helpers import authenticator
from .helpers import make_agency
from .helpers import rel
from .legacy_support import AGENCY_NAME
from .legacy_support import CODE
from .legacy_support import csv_bytes
from .legacy_support import GOOD_ROWS
from .review_support import make_users
from .review_support import PASSWORD
from plone import api

import io
import pytest
import re
import transaction
import zipfile


@pytest.fixture
def agency(functional_portal):
    make_users(functional_portal)
    agency = make_agency(
        functional_portal, id="gen", title=AGENCY_NAME, credit_code=CODE
    )
    transaction.commit()
    return agency


def attachments_zip():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("fujian/方案.pdf", b"%PDF-1.4 plan")
        archive.writestr("zhengwen/banfa.html", "<p>第一条</p>")
    return out.getvalue()


def hidden(html, name):
    match = re.search(rf'name="{name}"\s+type="hidden"\s+value="([^"]*)"', html)
    assert match, name
    return match.group(1)


def test_check_then_confirm(agency, browser_session):
    approver = browser_session(("approver", PASSWORD))
    page = approver.get(f"{rel(agency)}/@@legacy-import")
    assert page.status_code == 200
    assert "从原平台导入政策文件" in page.text and "目录文件" in page.text
    rows = [list(row) for row in GOOD_ROWS]
    rows[2][6] = "火星事务"
    checked = approver.post(
        f"{rel(agency)}/@@legacy-import",
        data={"_authenticator": authenticator(page.text)},
        files={
            "file": ("旧目录.csv", csv_bytes(rows, encoding="gbk"), "text/csv"),
            "attachments": ("附件.zip", attachments_zip(), "application/zip"),
        },
    )
    assert checked.status_code == 200
    assert "未知的主题分类“火星事务”。" in checked.text
    assert "确认导入" not in checked.text  # a bad row: no confirm button
    assert len(api.content.find(context=agency, portal_type="PolicyDocument")) == 0

    skipping = approver.post(
        f"{rel(agency)}/@@legacy-import",
        data={"_authenticator": authenticator(page.text), "skip_bad": "1"},
        files={
            "file": ("旧目录.csv", csv_bytes(rows, encoding="gbk"), "text/csv"),
            "attachments": ("附件.zip", attachments_zip(), "application/zip"),
        },
    )
    assert "确认导入" in skipping.text
    transaction.begin()
    assert len(api.content.find(context=agency, portal_type="PolicyDocument")) == 0
    confirmed = approver.post(
        f"{rel(agency)}/@@legacy-import",
        data={
            "_authenticator": authenticator(skipping.text),
            "confirm": "1",
            "data": hidden(skipping.text, "data"),
            "filename": hidden(skipping.text, "filename"),
            "attachments": hidden(skipping.text, "attachments"),
            "skip_bad": hidden(skipping.text, "skip_bad"),
        },
    )
    assert "导入完成。已导入文件数：" in confirmed.text
    transaction.begin()
    titles = {
        brain.Title
        for brain in api.content.find(context=agency, portal_type="PolicyDocument")
    }
    assert titles == {GOOD_ROWS[0][0], GOOD_ROWS[1][0]}
    anonymous = browser_session()
    assert GOOD_ROWS[0][0] in anonymous.get(rel(agency["doc-2021-00007"])).text


@pytest.mark.parametrize("user", [None, "editor", "officer", "dept"])
def test_others_are_refused(agency, browser_session, user):
    session = browser_session((user, PASSWORD)) if user else browser_session()
    response = session.get(f"{rel(agency)}/@@legacy-import", allow_redirects=False)
    assert response.status_code in (302, 401, 403)
    assert "从原平台导入政策文件" not in response.text


def test_bad_input_is_a_message_not_a_traceback(agency, browser_session):
    approver = browser_session(("approver", PASSWORD))
    page = approver.get(f"{rel(agency)}/@@legacy-import")
    token = authenticator(page.text)
    cases = [
        ({}, {}),
        ({"confirm": "1", "data": "%%%"}, {}),
        ({}, {"file": ("目录.xls", b"x", "application/vnd.ms-excel")}),
        ({}, {"file": ("目录.csv", "标题".encode("utf-16"), "text/csv")}),
        (
            {},
            {
                "file": ("目录.csv", csv_bytes(GOOD_ROWS), "text/csv"),
                "attachments": ("a.zip", b"not a zip", "application/zip"),
            },
        ),
    ]
    for data, files in cases:
        response = approver.post(
            f"{rel(agency)}/@@legacy-import",
            data={"_authenticator": token, **data},
            files=files or {"none": ("", b"", "text/plain")},
        )
        assert response.status_code == 200, (data, files)
        assert "legacy-error" in response.text
