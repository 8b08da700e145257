"""DOCX (python-docx) and XLSX (openpyxl) of a report, same spans as the HTML."""

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from io import BytesIO
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.styles import Border
from openpyxl.styles import Font
from openpyxl.styles import Side
from tongliao.disclosure.reports.layout import layout
from tongliao.disclosure.reports.render import all_tables
from tongliao.disclosure.reports.render import grid_size
from tongliao.disclosure.reports.render import placed

import html
import re


def html_paragraphs(raw):
    """Plain paragraphs of a rich-text body (enough for a report's prose)."""
    if not raw:
        return []
    text = re.sub(r"(?i)<br\s*/?>", "\n", raw)
    text = re.sub(r"(?i)</(p|div|li|h[1-6]|tr)>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return [line.strip() for line in text.splitlines() if line.strip()]


def _number(text):
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def build_docx(title, sections, cells):
    """``sections``: {section key: rich-text raw html} for 一、五、六."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    style.font.size = Pt(11)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold = True
    run.font.size = Pt(16)
    tables = {key: (label, rows) for key, label, rows in all_tables(cells)}
    for section in layout()["sections"]:
        paragraph = document.add_paragraph()
        paragraph.add_run(section["label"]).bold = True
        if section["key"] in tables:
            _label, rows = tables[section["key"]]
            height, width = grid_size(rows)
            table = document.add_table(rows=height, cols=width)
            table.style = "Table Grid"
            for r, c, rowspan, colspan, cell in placed(rows):
                target = table.cell(r, c)
                if rowspan > 1 or colspan > 1:
                    target = target.merge(table.cell(r + rowspan - 1, c + colspan - 1))
                target.text = cell["text"]
                if cell["header"]:
                    for run in target.paragraphs[0].runs:
                        run.font.size = Pt(9)
        else:
            for text in html_paragraphs(sections.get(section["key"])):
                document.add_paragraph(text)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def build_xlsx(title, cells):
    """One sheet per table; numbers as numbers, merged cells as in the form."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet_names = {
        "proactive": "表二",
        "applications": "表三",
        "review_litigation": "表四",
    }
    for key, label, rows in all_tables(cells):
        sheet = workbook.create_sheet(sheet_names[key])
        sheet.cell(row=1, column=1, value=f"{title} {label}").font = Font(bold=True)
        offset = 2
        for r, c, rowspan, colspan, cell in placed(rows):
            row, column = r + offset, c + 1
            value = cell["text"]
            target = sheet.cell(row=row, column=column)
            target.value = value if cell["header"] or value == "" else _number(value)
            target.alignment = Alignment(wrap_text=True, vertical="center")
            target.border = border
            if cell["header"]:
                target.font = Font(bold=True, size=9)
            if rowspan > 1 or colspan > 1:
                sheet.merge_cells(
                    start_row=row,
                    start_column=column,
                    end_row=row + rowspan - 1,
                    end_column=column + colspan - 1,
                )
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
