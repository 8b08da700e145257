"""Legacy catalogue files: encodings, merged cells and row checks (pure)."""

from datetime import date
from tests.legacy_support import AGENCY_NAME
from tests.legacy_support import CODE
from tests.legacy_support import csv_bytes
from tests.legacy_support import GOOD_ROWS
from tests.legacy_support import HEADER
from tests.legacy_support import import_folder
from tests.legacy_support import xlsx_bytes
from tongliao.disclosure.migration import legacy
from tongliao.disclosure.migration.legacy import check_rows
from tongliao.disclosure.migration.legacy import FolderFiles
from tongliao.disclosure.migration.legacy import LegacyFileError
from tongliao.disclosure.migration.legacy import read_table
from tongliao.disclosure.migration.legacy import safe_path

import pytest


TODAY = date(2026, 11, 30)


def ids(errors):
    """The msgids (English; the Chinese is checked in test_migration_legacy)."""
    return [str(error) for error in errors]


def check(data, filename, tmp_path=None):
    header, rows = read_table(data, filename)
    files = FolderFiles(import_folder(tmp_path)) if tmp_path else None
    return check_rows(header, rows, CODE, files=files, today=TODAY)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"], ids=str)
def test_csv_encodings_are_detected(encoding, tmp_path):
    rows = check(csv_bytes(GOOD_ROWS, encoding=encoding), "目录.csv", tmp_path)
    assert [row.errors for row in rows] == [[], [], []]
    first = rows[0].values
    assert first["title"] == "关于做好2021年政务公开工作的通知"
    assert first["subject_category"] == "02.01"
    assert first["document_kind"] == "notice"
    assert first["effective"] == date(2021, 3, 5)
    assert first["index_year"] == 2021 and first["index_serial"] == 7
    assert rows[0].attachments == ["fujian/方案.pdf"]
    assert rows[1].values["text_file"] == "zhengwen/banfa.html"
    assert rows[2].values["effective"] is None  # a draft


@pytest.mark.parametrize(
    "data",
    [
        "标题,索引号\r\n".encode("utf-16"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\xff\xfe\xfd\xfc\x80\x81",
    ],
    ids=["utf-16", "binary", "garbage"],
)
def test_unreadable_encodings_are_refused(data):
    with pytest.raises(LegacyFileError) as caught:
        read_table(data, "目录.csv")
    assert caught.value.message == legacy.MSG_ENCODING


def test_big5_or_mislabelled_file_names_the_missing_columns():
    data = "標題,索引號\r\n某,某\r\n".encode("big5")
    with pytest.raises(LegacyFileError) as caught:
        check(data, "目录.csv")
    assert caught.value.message == legacy.MSG_MISSING_COLUMNS
    missing = caught.value.message.mapping["columns"]
    assert "标题" in missing and "发文机关" in missing


def test_xlsx_merged_cells_fill_every_row(tmp_path):
    rows = check(xlsx_bytes(GOOD_ROWS, merge_column=3), "目录.xlsx", tmp_path)
    assert [row.values["issuing_agency"] for row in rows] == [AGENCY_NAME] * 3
    assert [row.errors for row in rows] == [[], [], []]


def test_wrong_extension_and_empty_file():
    with pytest.raises(LegacyFileError):
        read_table(b"x", "目录.xls")
    with pytest.raises(LegacyFileError):
        read_table(csv_bytes([]), "目录.csv")


def test_bad_rows_are_explained_in_chinese(tmp_path):
    bad = [list(row) for row in GOOD_ROWS]
    bad[1][1] = GOOD_ROWS[0][1]  # duplicate 索引号
    bad[2][6] = "火星事务"  # unknown subject
    bad[2][7] = "便条"  # unknown kind
    bad[2][4] = "2022-13-45"
    bad[0][10] = "fujian/不存在.pdf"
    rows = check(csv_bytes(bad), "目录.csv", tmp_path)
    errors = {row.number: row.errors for row in rows}
    (duplicate,) = errors[3]
    assert duplicate == legacy.MSG_INDEX_DUPLICATE and duplicate.mapping["row"] == 2
    assert ids(errors[4]) == [
        legacy.MSG_UNKNOWN_KIND,
        legacy.MSG_BAD_DATE,
        legacy.MSG_UNKNOWN_SUBJECT,
    ]
    assert errors[4][2].mapping["value"] == "火星事务"
    assert ids(errors[2]) == [legacy.MSG_MISSING_FILE]


@pytest.mark.parametrize(
    "value,problem",
    [
        ("11150000MB1604391C-2021-7", legacy.MSG_INDEX_FORMAT),
        ("1115050001147000MT/2021-00001", legacy.MSG_INDEX_AGENCY),
    ],
)
def test_index_numbers_of_other_shapes_or_agencies(value, problem):
    rows = [list(GOOD_ROWS[2])]
    rows[0][1] = value
    (row,) = check(csv_bytes(rows), "目录.csv")
    assert ids(row.errors) == [problem]


def test_paths_cannot_leave_the_import_folder():
    assert safe_path("../etc/passwd") is None
    assert safe_path("/etc/passwd") is None
    assert safe_path("C:\\x.pdf") is None
    assert safe_path("a/../b.pdf") == "b.pdf"


def test_header_spellings():
    header = ["文件标题", "索引号", "文号", "发布机构", "成文时间", "发布时间"]
    row = ["某办法", f"{CODE}/2020-00003", "通生发〔2020〕3号", AGENCY_NAME,
           "2020-01-01", "2020-01-02"]  # fmt: skip
    (checked,) = check_rows(header, [row], CODE, today=TODAY)
    assert checked.errors == []
    assert checked.values["document_number"] == "通生发〔2020〕3号"
    assert HEADER[0] == "标题"
