"""Excel (.xlsx) import and export of an agency's standard directory.

Column layout of the departments' sheets (disclosure-rules.md §5): 序号, 一级事项,
二级事项, 公开内容（要素）, 公开依据, 公开时限, 公开主体, 公开渠道和载体, 公开对象,
公开方式, 公开层级, 五公开, plus a trailing 事项编码 column carrying the stable code.
A sheet without 事项编码 (the departments' own layout) gets a code derived from
一级事项 and 二级事项, so re-importing the same sheet still updates, not duplicates.

Import is two-phase: ``parse_workbook`` checks every row and ``plan_import``
compares with the site; ``apply_plan`` writes only when no row has an error.
"""

from dataclasses import dataclass
from dataclasses import field
from hashlib import sha1
from io import BytesIO
from plone import api
from tongliao.disclosure import _
from tongliao.disclosure.directory.content import CODE_RE
from tongliao.disclosure.directory.content import DIRECTORY_ID
from tongliao.disclosure.ids import free_id
from tongliao.disclosure.vocabularies import AUDIENCES
from tongliao.disclosure.vocabularies import CHANNELS
from tongliao.disclosure.vocabularies import DIRECTORY_LEVELS
from tongliao.disclosure.vocabularies import DISCLOSURE_MODES
from tongliao.disclosure.vocabularies import find_token
from tongliao.disclosure.vocabularies import FIVE_PUBLICITY
from tongliao.disclosure.vocabularies import get_vocabulary
from tongliao.disclosure.vocabularies import term_title
from tongliao.disclosure.vocabularies import term_titles
from zope.lifecycleevent import modified

import datetime
import openpyxl
import re
import zipfile


SHEET_TITLE = "政务公开标准目录"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# (key, header): the export order. Keys are DirectoryItem fields except "number".
COLUMNS = (
    ("number", "序号"),
    ("level1_item", "一级事项"),
    ("level2_item", "二级事项"),
    ("content_elements", "公开内容（要素）"),
    ("legal_basis", "公开依据"),
    ("time_limit", "公开时限"),
    ("responsible_body", "公开主体"),
    ("channels", "公开渠道和载体"),
    ("audience", "公开对象"),
    ("disclosure_mode", "公开方式"),
    ("level", "公开层级"),
    ("five_publicity", "五公开"),
    ("code", "事项编码"),
)
HEADERS = dict(COLUMNS)
OPTIONAL_COLUMNS = {"number", "five_publicity", "code"}
REQUIRED_VALUES = {
    "level1_item",
    "level2_item",
    "content_elements",
    "time_limit",
    "responsible_body",
    "channels",
    "audience",
    "disclosure_mode",
    "level",
}
FIELDS = tuple(key for key, _header in COLUMNS if key != "number")
MULTI = {
    "channels": CHANNELS,
    "level": DIRECTORY_LEVELS,
    "five_publicity": FIVE_PUBLICITY,
}
SINGLE = {"audience": AUDIENCES, "disclosure_mode": DISCLOSURE_MODES}
LIST_SEPARATOR = "、"

CHECKED = "■☑√✓✔▣☒"
UNCHECKED = "□☐"
_SPLIT_RE = re.compile(r"[、，,；;\s" + UNCHECKED + r"]+")
_MARK_RE = re.compile("([" + CHECKED + UNCHECKED + "])")

# Spellings seen in real directories that the shared vocabularies do not list.
LOCAL_ALIASES = {
    DIRECTORY_LEVELS: {
        "乡、村级": ["township"],
        "乡村级": ["township"],
        "乡（镇）级": ["township"],
        "县、乡级": ["county", "township"],
        "县": ["county"],
        "乡": ["township"],
        "市": ["city"],
    },
    CHANNELS: {
        "政务新媒体": ["new_media"],
        "发布会": ["conference"],
        "听证会": ["conference"],
        "公示栏": ["notice_board"],
        "村公示栏": ["notice_board"],
        "社区/企事业单位/村公示栏": ["notice_board"],
        "12345热线": ["hotline_12345"],
    },
}


def _normalise_header(value):
    text = re.sub(r"\s+", "", str(value or ""))
    return text.replace("(", "（").replace(")", "）")


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        value = value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def derived_code(level1, level2):
    """The code of a row without 事项编码: stable while the two names are."""
    digest = sha1(f"{level1}\x1f{level2}".encode()).hexdigest()[:10].upper()
    return f"ML-{digest}"


def _lookup(name, label):
    label = label.strip().replace("(", "（").replace(")", "）")
    if not label:
        return []
    if label in LOCAL_ALIASES.get(name, {}):
        return list(LOCAL_ALIASES[name][label])
    token = find_token(name, label)
    if token is None and name in (FIVE_PUBLICITY, DISCLOSURE_MODES):
        # "决策" for 决策公开; "主动公开" for 主动
        token = find_token(name, label + "公开") or find_token(
            name, label.removesuffix("公开")
        )
    return [token] if token else None


def _ordered(name, tokens):
    """Unique tokens in vocabulary order (the canonical stored and exported form)."""
    order = [term.token for term in get_vocabulary(name)]
    return sorted(set(tokens), key=order.index)


def parse_multi(name, text):
    """Tokens of a list cell; raises ValueError(label) on an unknown label."""
    text = text.replace("(", "（").replace(")", "）")
    whole = _lookup(name, text)
    if whole:
        return _ordered(name, whole)
    if any(mark in text for mark in CHECKED):
        # A printed checklist: only the labels after a ticked box count.
        labels, ticked = [], False
        for part in _MARK_RE.split(text):
            if len(part) == 1 and part in CHECKED + UNCHECKED:
                ticked = part in CHECKED
            elif ticked:
                labels.extend(label for label in _SPLIT_RE.split(part) if label)
    else:
        labels = [label for label in _SPLIT_RE.split(text) if label]
    tokens = []
    for label in labels:
        found = _lookup(name, label)
        if not found:
            raise ValueError(label)
        tokens.extend(found)
    return _ordered(name, tokens)


def allowed_labels(name):
    return LIST_SEPARATOR.join(term.title for term in get_vocabulary(name))


# Reading ---------------------------------------------------------------------------


@dataclass
class ParsedRow:
    row: int  # the spreadsheet row number staff see in Excel
    values: dict


@dataclass
class ParseResult:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # translatable Messages


_ROW_MESSAGES = {
    "required": _("Row ${row}, column ${column}: a value is required."),
    "not_one_of": _(
        'Row ${row}, column ${column}: "${value}" is not one of: ${allowed}.'
    ),
    "bad_code": _(
        'Row ${row}, column ${column}: "${value}" is not a valid code (letters, '
        'digits, ".", "_", "-"; at most 40).'
    ),
}


def _row_error(row, column, kind, **mapping):
    return _(
        str(_ROW_MESSAGES[kind]), mapping={"row": row, "column": column, **mapping}
    )


def _find_header(sheet_rows):
    """(index, {key: column index}) of the header row, or (None, None)."""
    known = {_normalise_header(header): key for key, header in COLUMNS}
    for index, cells in enumerate(sheet_rows[:10]):
        names = [_normalise_header(cell) for cell in cells]
        if "二级事项" not in names:
            continue
        above = sheet_rows[index - 1] if index else ()
        columns = {}
        for position, name in enumerate(names):
            if not name and position < len(above):
                # A two-row header: 序号 etc. are merged down from the row above.
                name = _normalise_header(above[position])
            if name in known and known[name] not in columns:
                columns[known[name]] = position
        return index, columns
    return None, None


def parse_values(row, cells):
    """Field values of one row (dict of raw column texts) and the row's errors."""
    values, errors = {}, []
    for key in FIELDS:
        text = cells.get(key, "")
        header = HEADERS[key]
        if key in REQUIRED_VALUES and not text:
            errors.append(_row_error(row, header, "required"))
            continue
        if key in MULTI:
            try:
                values[key] = parse_multi(MULTI[key], text) if text else []
            except ValueError as error:
                errors.append(
                    _row_error(
                        row,
                        header,
                        "not_one_of",
                        value=error.args[0],
                        allowed=allowed_labels(MULTI[key]),
                    )
                )
        elif key in SINGLE:
            found = _lookup(SINGLE[key], text)
            if not found or len(found) != 1:
                errors.append(
                    _row_error(
                        row,
                        header,
                        "not_one_of",
                        value=text,
                        allowed=allowed_labels(SINGLE[key]),
                    )
                )
            else:
                values[key] = found[0]
        else:
            values[key] = text
    if "code" in values:
        if not values["code"]:
            if values.get("level1_item") and values.get("level2_item"):
                values["code"] = derived_code(
                    values["level1_item"], values["level2_item"]
                )
        elif not CODE_RE.match(values["code"]):
            errors.append(
                _row_error(
                    row,
                    HEADERS["code"],
                    "bad_code",
                    value=values["code"],
                )
            )
    return values, errors


def parse_workbook(data):
    """Read and check every row of the first sheet of an .xlsx file."""
    result = ParseResult()
    try:
        workbook = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        result.errors.append(_("The file is not an Excel workbook (.xlsx)."))
        return result
    try:
        sheet_rows = [
            tuple(row) for row in workbook.worksheets[0].iter_rows(values_only=True)
        ]
    finally:
        workbook.close()
    return parse_sheet_rows(sheet_rows)


def parse_records(records):
    """Check rows given as {header: cell text} dicts (the demo data file)."""
    headers = [header for _key, header in COLUMNS]
    return parse_sheet_rows(
        [headers, *([record.get(h, "") for h in headers] for record in records)]
    )


def parse_sheet_rows(sheet_rows):
    """Check the rows of a sheet (tuples of cell values, header rows included)."""
    result = ParseResult()
    header_index, columns = _find_header(sheet_rows)
    if header_index is None:
        result.errors.append(
            _("No header row with the columns 一级事项 and 二级事项 was found.")
        )
        return result
    missing = [
        HEADERS[key]
        for key, _header in COLUMNS
        if key not in OPTIONAL_COLUMNS and key not in columns
    ]
    if missing:
        result.errors.append(
            _(
                "Missing columns: ${columns}.",
                mapping={"columns": LIST_SEPARATOR.join(missing)},
            )
        )
        return result
    seen = {}
    for offset, cells in enumerate(sheet_rows[header_index + 1 :]):
        row = header_index + 2 + offset
        texts = {
            key: _cell_text(cells[position]) if position < len(cells) else ""
            for key, position in columns.items()
        }
        if not any(text for key, text in texts.items() if key != "number"):
            continue  # blank line or a total line with only 序号
        texts.setdefault("code", "")
        values, errors = parse_values(row, texts)
        code = values.get("code")
        if code and code in seen:
            errors.append(
                _(
                    "Row ${row}: the item code ${code} is already used in row "
                    "${other}.",
                    mapping={"row": row, "code": code, "other": seen[code]},
                )
            )
        elif code:
            seen[code] = row
        result.errors.extend(errors)
        result.rows.append(ParsedRow(row=row, values=values))
    if not result.rows and not result.errors:
        result.errors.append(_("The sheet has no directory items."))
    return result


# Planning and writing ---------------------------------------------------------------


@dataclass
class RowPlan:
    row: int
    code: str
    title: str
    action: str  # create | update | unchanged
    changes: list  # headers of the changed columns
    values: dict
    obj: object = None


def directory_of(agency, create=False):
    directory = agency.get(DIRECTORY_ID)
    if directory is None and create:
        directory = api.content.create(
            container=agency,
            type="StandardDirectory",
            id=DIRECTORY_ID,
            title="政务公开标准目录",
        )
    return directory


def agency_items(agency):
    """{code: item} of every directory item of the agency (any state)."""
    directory = directory_of(agency)
    if directory is None:
        return {}
    catalog = api.portal.get_tool("portal_catalog")
    items = {}
    for brain in catalog.unrestrictedSearchResults(
        portal_type="DirectoryItem", path="/".join(directory.getPhysicalPath())
    ):
        obj = brain._unrestrictedGetObject()
        items[obj.code] = obj
    return items


def _current(obj, key):
    value = getattr(obj, key, None)
    if key in MULTI:
        return list(value or [])
    return value or ""


def plan_import(agency, parsed_rows):
    existing = agency_items(agency)
    plans = []
    for parsed in parsed_rows:
        values = parsed.values
        obj = existing.get(values["code"])
        if obj is None:
            action, changes = "create", []
        else:
            changes = [
                HEADERS[key]
                for key in FIELDS
                if key != "code" and _current(obj, key) != values[key]
            ]
            action = "update" if changes else "unchanged"
        plans.append(
            RowPlan(
                row=parsed.row,
                code=values["code"],
                title=values["level2_item"],
                action=action,
                changes=changes,
                values=values,
                obj=obj,
            )
        )
    return plans


def refused_changes(plans):
    """Errors for rows that would change an item the importing user may not edit.

    The import writes with the rights it needs to build the directory's
    structure, but it changes an existing item only where the user could change
    it directly (a published item is withdrawn and revised first, exactly as
    through the edit form or REST).
    """
    errors = []
    for plan in plans:
        if plan.action != "update":
            continue
        if not api.user.has_permission("Modify portal content", obj=plan.obj):
            errors.append(
                _(
                    "Row ${row}: item ${code} is published or under review "
                    "and cannot be changed by an import; withdraw and revise it "
                    "first.",
                    mapping={"row": plan.row, "code": plan.code},
                )
            )
    return errors


def _category(directory, title):
    for category in directory.objectValues():
        if category.portal_type == "DirectoryCategory" and category.Title() == title:
            return category
    position = len(directory.objectIds()) + 1
    return api.content.create(
        container=directory,
        type="DirectoryCategory",
        id=free_id(directory, f"category-{position}"),
        title=title,
    )


def apply_plan(agency, plans):
    """Create and update the planned items; unchanged items are not touched."""
    if not any(plan.action != "unchanged" for plan in plans):
        return
    # The import view is guarded by "Manage directory"; creating the structure
    # needs the add permissions the directory manager may not hold.
    with api.env.adopt_roles(["Manager"]):
        directory = directory_of(agency, create=True)
        for plan in plans:
            if plan.action == "unchanged":
                continue
            category = _category(directory, plan.values["level1_item"])
            fields = {key: plan.values[key] for key in FIELDS}
            if plan.action == "create":
                api.content.create(
                    container=category,
                    type="DirectoryItem",
                    id=free_id(category, plan.code.lower()),
                    title=plan.values["level2_item"],
                    **fields,
                )
                continue
            obj = plan.obj
            for key, value in fields.items():
                setattr(obj, key, value)
            obj.title = plan.values["level2_item"]
            if obj.aq_parent.UID() != category.UID():
                obj = api.content.move(source=obj, target=category)
            modified(obj)


# Export ------------------------------------------------------------------------------


def export_rows(agency):
    """The directory as rows of cell texts in the column layout (header excluded)."""
    directory = directory_of(agency)
    rows = []
    if directory is None:
        return rows
    for category in directory.objectValues():
        if category.portal_type != "DirectoryCategory":
            continue
        for item in category.objectValues():
            if item.portal_type != "DirectoryItem":
                continue
            cells = []
            for key, _header in COLUMNS:
                if key == "number":
                    cells.append(len(rows) + 1)
                elif key in MULTI:
                    cells.append(
                        term_titles(
                            MULTI[key], getattr(item, key, None), LIST_SEPARATOR
                        )
                    )
                elif key in SINGLE:
                    cells.append(term_title(SINGLE[key], getattr(item, key)))
                else:
                    cells.append(getattr(item, key, None) or "")
            rows.append(cells)
    return rows


def write_workbook(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append([header for _key, header in COLUMNS])
    for cells in rows:
        sheet.append(cells)
    widths = (6, 16, 20, 40, 36, 24, 18, 30, 10, 10, 10, 14, 16)
    for index, width in enumerate(widths):
        sheet.column_dimensions[
            openpyxl.utils.get_column_letter(index + 1)
        ].width = width
    sheet.freeze_panes = "A2"
    stream = BytesIO()
    workbook.save(stream)
    return stream.getvalue()
