"""XLSX of the city overview (openpyxl): the ranking and every indicator."""

from io import BytesIO
from openpyxl import Workbook
from openpyxl.styles import Font
from tongliao.disclosure import _


def build_overview_xlsx(period, rows, translate):
    book = Workbook()
    ranking = book.active
    ranking.title = "排名"
    ranking.append([f"绩效考核 {period}"])
    ranking["A1"].font = Font(bold=True, size=14)
    indicators = rows[0]["result"]["indicators"] if rows else []
    ranking.append(
        [
            translate(_("Rank")),
            translate(_("Assessed agency")),
            translate(_("Total")),
            translate(_("Grade")),
            translate(_("Status")),
        ]
        + [f"{i['title']}（{i['weight']}）" for i in indicators]
    )
    for row in rows:
        result = row["result"]
        status = {
            "assessment_published": translate(_("Published")),
            "assessment_draft": translate(_("Draft")),
        }.get(row["state"], translate(_("Not created")))
        ranking.append(
            [row["rank"], row["agency_title"], result["total"], result["grade"], status]
            + [i["score"] for i in result["indicators"]]
        )
    detail = book.create_sheet("指标明细")
    detail.append(
        [
            translate(_("Assessed agency")),
            translate(_("Indicator")),
            translate(_("Value")),
            translate(_("Checked")),
            translate(_("Passed")),
            translate(_("Score")),
            translate(_("Weight")),
            translate(_("Findings")),
        ]
    )
    for row in rows:
        for item in row["result"]["indicators"]:
            value = item["value"]
            detail.append(
                [
                    row["agency_title"],
                    item["title"],
                    None if value is None else round(value, 4),
                    item["total"],
                    item["passed"],
                    item["score"],
                    item["weight"],
                    len(item["findings"]),
                ]
            )
    for sheet in (ranking, detail):
        sheet.column_dimensions["B"].width = 28
    out = BytesIO()
    book.save(out)
    return out.getvalue()
