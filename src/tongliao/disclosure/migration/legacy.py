"""Legacy catalogue import, the pure part: read a CSV or XLSX listing of policy
documents as other government portals export it, check every row, and say in
Chinese what is wrong with the bad ones. Nothing here touches a site; see
``legacy_import.py`` for the writing half.

Columns (by header, in any order; a few spellings seen on portals are accepted):
标题, 索引号, 发文字号, 发文机关, 成文日期, 发布日期, 主题分类 (label or code),
公文种类, 有效性, 正文 (text, or a .html/.htm/.txt file path), 附件 (paths).

CSV encodings: UTF-8 with or without BOM, GBK/GB18030 (what Excel on a Chinese
Windows saves). XLSX: the first sheet; merged cells give their value to every
cell they cover (portals merge 发文机关 over consecutive rows).
"""

from dataclasses import dataclass
from dataclasses import field
from tongliao.disclosure import _
from tongliao.disclosure.validators import check_document_number
from tongliao.disclosure.vocabularies import DOCUMENT_KINDS
from tongliao.disclosure.vocabularies import find_token
from tongliao.disclosure.vocabularies import get_vocabulary
from tongliao.disclosure.vocabularies import SUBJECT_CATEGORIES
from tongliao.disclosure.vocabularies import subject_tree
from tongliao.disclosure.vocabularies import VALIDITY
from zope.interface import Invalid

import csv
import datetime
import io
import openpyxl
import pathlib
import posixpath
import re
import zipfile


# key -> (header, accepted spellings)
COLUMNS = {
    "title": ("标题", ("标题", "文件标题", "名称", "文件名称")),
    "index_number": ("索引号", ("索引号",)),
    "document_number": ("发文字号", ("发文字号", "文号")),
    "issuing_agency": ("发文机关", ("发文机关", "发布机构", "发文单位")),
    "date_written": ("成文日期", ("成文日期", "成文时间")),
    "effective": ("发布日期", ("发布日期", "发布时间")),
    "subject_category": ("主题分类", ("主题分类", "主题", "分类")),
    "document_kind": ("公文种类", ("公文种类", "文种")),
    "validity": ("有效性", ("有效性", "时效性", "效力状态")),
    "text": ("正文", ("正文", "内容", "正文文件")),
    "attachments": ("附件", ("附件", "附件路径")),
}
REQUIRED_COLUMNS = ("title", "index_number", "document_number", "issuing_agency")
REQUIRED_VALUES = ("title", "index_number", "issuing_agency", "date_written")
TEXT_FILE_SUFFIXES = (".html", ".htm", ".txt")
ATTACHMENT_SEPARATORS = re.compile(r"[;；\n]+")
INDEX_NUMBER_RE = re.compile(
    r"^(?P<code>[0-9A-Z]{18})/(?P<year>\d{4})-(?P<serial>\d{5})$"
)
DATE_RE = re.compile(
    r"^(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:[ T].*)?$"
)

MSG_ENCODING = _(
    "The file's encoding was not recognised: save it as UTF-8 or GBK (GB18030)."
)
MSG_FORMAT = _("Only .csv and .xlsx files can be imported.")
MSG_BROKEN_XLSX = _("The Excel file cannot be read.")
MSG_EMPTY = _("The file has no rows to import.")
MSG_MISSING_COLUMNS = _("Missing columns: ${columns}.")
MSG_REQUIRED = _("“${column}” is empty.")
MSG_BAD_DATE = _("“${column}” is not a date: ${value}.")
MSG_FUTURE_DATE = _("“${column}” is in the future: ${value}.")
MSG_WRITTEN_AFTER = _("The date written is later than the publication date.")
MSG_INDEX_FORMAT = _(
    "The index number ${value} is not of the form credit code/year-serial "
    "(e.g. ${example})."
)
MSG_INDEX_AGENCY = _(
    "The index number ${value} belongs to another agency (credit code ${code})."
)
MSG_INDEX_DUPLICATE = _("The index number ${value} also appears on row ${row}.")
MSG_UNKNOWN_SUBJECT = _("Unknown subject category “${value}”.")
MSG_UNKNOWN_KIND = _("Unknown document kind “${value}”.")
MSG_UNKNOWN_VALIDITY = _("Unknown validity “${value}”.")
MSG_MISSING_FILE = _("The file “${value}” is not in the import folder.")
MSG_BAD_PATH = _("The path “${value}” points outside the import folder.")
MSG_DOCUMENT_NUMBER = _("The document number ${value} is not valid: ${reason}")


class LegacyFileError(ValueError):
    """The whole file is unusable; ``message`` is a translatable Message."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Row:
    """One spreadsheet row: its number as the user sees it, values and problems."""

    number: int
    raw: dict
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    attachments: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


# Reading ----------------------------------------------------------------------------


def decode_csv(data):
    """Text of a CSV file: UTF-8 (BOM or not) or GB18030 (a superset of GBK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if b"\x00" in data:  # UTF-16/32 or binary: not a text CSV we read
        raise LegacyFileError(MSG_ENCODING)
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LegacyFileError(MSG_ENCODING)


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").strip()


def read_xlsx(data):
    """Rows (lists of cells) of the first sheet, merged ranges filled in."""
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises many types for a bad file
        raise LegacyFileError(MSG_BROKEN_XLSX) from error
    sheet = book.worksheets[0]
    grid = [list(row) for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        value = sheet.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                if row - 1 < len(grid) and col - 1 < len(grid[row - 1]):
                    grid[row - 1][col - 1] = value
    return [[_cell(value) for value in row] for row in grid]


def read_table(data, filename):
    """(header row, data rows) of a .csv or .xlsx file."""
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        grid = read_xlsx(data)
    elif name.endswith(".csv"):
        text = decode_csv(data)
        grid = [[_cell(v) for v in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise LegacyFileError(MSG_FORMAT)
    grid = [row for row in grid if any(value not in ("", None) for value in row)]
    if len(grid) < 2:
        raise LegacyFileError(MSG_EMPTY)
    return grid[0], grid[1:]


def map_columns(header):
    """{key: column index}; raises LegacyFileError naming missing columns."""
    spelled = {}
    for key, (_title, spellings) in COLUMNS.items():
        for spelling in spellings:
            spelled.setdefault(spelling, key)
    found = {}
    for index, title in enumerate(header):
        key = spelled.get(re.sub(r"\s+", "", str(title)))
        if key and key not in found:
            found[key] = index
    missing = [COLUMNS[key][0] for key in REQUIRED_COLUMNS if key not in found]
    if missing:
        raise LegacyFileError(
            _(MSG_MISSING_COLUMNS, mapping={"columns": "、".join(missing)})
        )
    return found


# Checking ---------------------------------------------------------------------------


def parse_date(value):
    if isinstance(value, datetime.date):
        return value
    match = DATE_RE.match(str(value).strip())
    if not match:
        raise ValueError(value)
    return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))


def subject_token(value):
    """Token of a 主题分类 given by code (02.01), full label (综合政务 / 政务公开 or
    综合政务/政务公开) or a child label unique in the tree (政务公开)."""
    text = re.sub(r"\s*[/／>]\s*", "/", str(value).strip())
    vocabulary = get_vocabulary(SUBJECT_CATEGORIES)
    if text in vocabulary.by_token:
        return text
    matches = []
    for category in subject_tree():
        if text == category["title"]:
            return category["token"]
        for child in category["children"]:
            if text == f"{category['title']}/{child['title']}":
                return child["token"]
            if text == child["title"]:
                matches.append(child["token"])
    return matches[0] if len(matches) == 1 else None


def _vocabulary_token(name, value):
    value = str(value).strip()
    if value in get_vocabulary(name).by_token:
        return value
    return find_token(name, value) or find_token(
        name, value.replace("(", "（").replace(")", "）")
    )


def _message_text(error):
    message = error.args[0] if error.args else error
    return message


def check_rows(
    header, rows, credit_code, files=None, today=None, existing_index_numbers=()
):
    """Every row checked; returns a list of ``Row`` (errors as Messages).

    ``files`` answers ``exists(path)`` for 正文/附件 paths (None: paths are
    not checked). ``existing_index_numbers`` are already on the site: those
    rows are marked ``values["exists"]`` so a re-run skips them.
    """
    today = today or datetime.date.today()
    columns = map_columns(header)
    seen = {}
    result = []
    for offset, cells in enumerate(rows):
        raw = {
            key: (cells[index] if index < len(cells) else "")
            for key, index in columns.items()
        }
        row = Row(number=offset + 2, raw=raw)
        _check_row(row, credit_code, files, today)
        number = row.values.get("index_number")
        if number:
            if number in seen:
                row.errors.append(
                    _(
                        MSG_INDEX_DUPLICATE,
                        mapping={"value": number, "row": seen[number]},
                    )
                )
            else:
                seen[number] = row.number
            row.values["exists"] = number in existing_index_numbers
        result.append(row)
    return result


def _check_row(row, credit_code, files, today):  # noqa: C901 — one rule per column
    raw, values, errors = row.raw, row.values, row.errors
    for key in REQUIRED_VALUES:
        if key in raw and not raw[key]:
            errors.append(_(MSG_REQUIRED, mapping={"column": COLUMNS[key][0]}))
    for key in ("title", "issuing_agency"):
        values[key] = str(raw.get(key) or "").strip()
    number = re.sub(r"\s+", "", str(raw.get("index_number") or ""))
    if number:
        match = INDEX_NUMBER_RE.match(number)
        if not match:
            errors.append(
                _(
                    MSG_INDEX_FORMAT,
                    mapping={"value": number, "example": f"{credit_code}/2021-00001"},
                )
            )
        elif match["code"] != credit_code:
            errors.append(
                _(MSG_INDEX_AGENCY, mapping={"value": number, "code": match["code"]})
            )
        else:
            values["index_year"] = int(match["year"])
            values["index_serial"] = int(match["serial"])
        values["index_number"] = number
    kind = None
    if raw.get("document_kind"):
        kind = _vocabulary_token(DOCUMENT_KINDS, raw["document_kind"])
        if kind is None:
            errors.append(_(MSG_UNKNOWN_KIND, mapping={"value": raw["document_kind"]}))
    values["document_kind"] = kind
    if raw.get("document_number"):
        try:
            values["document_number"] = check_document_number(
                raw["document_number"], document_kind=kind, today=today
            )
        except Invalid as error:
            errors.append(
                _(
                    MSG_DOCUMENT_NUMBER,
                    mapping={
                        "value": raw["document_number"],
                        "reason": _message_text(error),
                    },
                )
            )
    for key in ("date_written", "effective"):
        if not raw.get(key):
            values[key] = None
            continue
        try:
            values[key] = parse_date(raw[key])
        except ValueError:
            errors.append(
                _(MSG_BAD_DATE, mapping={"column": COLUMNS[key][0], "value": raw[key]})
            )
            values[key] = None
            continue
        if values[key] > today:
            errors.append(
                _(
                    MSG_FUTURE_DATE,
                    mapping={"column": COLUMNS[key][0], "value": raw[key]},
                )
            )
    written, published = values.get("date_written"), values.get("effective")
    if written and published and written > published:
        errors.append(MSG_WRITTEN_AFTER)
    values["subject_category"] = None
    if raw.get("subject_category"):
        token = subject_token(raw["subject_category"])
        if token is None:
            errors.append(
                _(MSG_UNKNOWN_SUBJECT, mapping={"value": raw["subject_category"]})
            )
        values["subject_category"] = token
    values["validity"] = "valid"
    if raw.get("validity"):
        token = _vocabulary_token(VALIDITY, raw["validity"])
        if token is None:
            errors.append(_(MSG_UNKNOWN_VALIDITY, mapping={"value": raw["validity"]}))
        values["validity"] = token
    text = str(raw.get("text") or "")
    values["text_file"] = None
    values["text"] = text
    if text.lower().endswith(TEXT_FILE_SUFFIXES) and "\n" not in text:
        values["text_file"] = _check_path(text, files, errors)
        values["text"] = ""
    for path in ATTACHMENT_SEPARATORS.split(str(raw.get("attachments") or "")):
        path = path.strip()
        if path:
            checked = _check_path(path, files, errors)
            if checked:
                row.attachments.append(checked)


def _check_path(path, files, errors):
    clean = safe_path(path)
    if clean is None:
        errors.append(_(MSG_BAD_PATH, mapping={"value": path}))
        return None
    if files is not None and not files.exists(clean):
        errors.append(_(MSG_MISSING_FILE, mapping={"value": path}))
        return None
    return clean


def safe_path(path):
    """``path`` relative to the import folder, or None if it would leave it."""
    path = str(path).replace("\\", "/").strip()
    if not path or path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return None
    clean = posixpath.normpath(path)
    if clean == ".." or clean.startswith("../"):
        return None
    return clean


# Where 正文 and 附件 files come from -------------------------------------------------


class FolderFiles:
    """Files below a folder on the server (command line)."""

    def __init__(self, folder):
        self.folder = folder

    def _full(self, path):
        return pathlib.Path(self.folder) / path

    def exists(self, path):
        return self.folder is not None and self._full(path).is_file()

    def read(self, path):
        return self._full(path).read_bytes()


class ZipFiles:
    """Files inside an uploaded .zip (staff page)."""

    def __init__(self, data):
        self.zip = zipfile.ZipFile(io.BytesIO(data)) if data else None
        self.names = set(self.zip.namelist()) if self.zip else set()

    def exists(self, path):
        return path in self.names

    def read(self, path):
        return self.zip.read(path)


class NoFiles:
    def exists(self, path):
        return False

    def read(self, path):
        raise KeyError(path)
