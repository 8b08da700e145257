"""Spreadsheets as government portals export them, for the legacy import tests."""

import io
import openpyxl


CODE = "11150000MB1604391C"
HEADER = [
    "标题", "索引号", "发文字号", "发文机关", "成文日期", "发布日期",
    "主题分类", "公文种类", "有效性", "正文", "附件",
]  # fmt: skip
AGENCY_NAME = "通辽市生成数据局"
GOOD_ROWS = [
    ["关于做好2021年政务公开工作的通知", f"{CODE}/2021-00007", "通生发〔2021〕3号",
     AGENCY_NAME, "2021-03-01", "2021年3月5日", "综合政务/政务公开", "通知", "有效",
     "各旗县区人民政府：\n现将有关事项通知如下。", "fujian/方案.pdf"],
    ["通辽市数据管理办法", f"{CODE}/2021-00012", "通生发〔2021〕9号", AGENCY_NAME,
     "2021/6/1", "2021/6/10", "02.01", "决定", "有效", "zhengwen/banfa.html", ""],
    ["尚未发布的草稿通知", f"{CODE}/2022-00001", "通生发〔2022〕1号", AGENCY_NAME,
     "2022-01-04", "", "政务公开", "通知", "", "草稿正文", ""],
]  # fmt: skip


def csv_bytes(rows, header=HEADER, encoding="utf-8-sig"):
    lines = [",".join(f'"{cell}"' for cell in row) for row in [header, *rows]]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(rows, header=HEADER, merge_column=None):
    """An .xlsx; ``merge_column`` (0-based) is merged over all data rows, its
    value only in the first, as portals do for 发文机关."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for index, row in enumerate(rows):
        row = list(row)
        if merge_column is not None and index:
            row[merge_column] = None
        sheet.append(row)
    if merge_column is not None and len(rows) > 1:
        letter = openpyxl.utils.get_column_letter(merge_column + 1)
        sheet.merge_cells(f"{letter}2:{letter}{len(rows) + 1}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def import_folder(tmp_path):
    (tmp_path / "fujian").mkdir()
    (tmp_path / "fujian" / "方案.pdf").write_bytes(b"%PDF-1.4 plan")
    (tmp_path / "zhengwen").mkdir()
    (tmp_path / "zhengwen" / "banfa.html").write_text(
        "<p>第一条 为规范数据管理……</p>", encoding="utf-8"
    )
    return tmp_path
