"""Spreadsheets for the directory tests, written with openpyxl from the demo data."""

from copy import deepcopy
from io import BytesIO
from tongliao.disclosure.demo import load_demo_directory
from tongliao.disclosure.directory.spreadsheet import COLUMNS

import openpyxl


HEADERS = [header for _key, header in COLUMNS]


def demo_records():
    return deepcopy(load_demo_directory())


def make_xlsx(records, headers=HEADERS, title_row=None):
    """An .xlsx whose first sheet has an optional title line, a header, the rows."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    if title_row:
        sheet.append([title_row])
    sheet.append(list(headers))
    for number, record in enumerate(records, start=1):
        sheet.append([number if h == "序号" else record.get(h, "") for h in headers])
    stream = BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def cell_values(data):
    """All cell values of the first sheet, row by row (for round-trip checks)."""
    workbook = openpyxl.load_workbook(BytesIO(data), read_only=True)
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
