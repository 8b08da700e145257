"""Checks of the reported tables (disclosure-rules.md §1.2 and the data file).

``check_tables(reported, previous)`` returns one dict per check:
``{id, severity ("error" | "warning"), passed, message, explainable}``; the
message is a translatable Message. Errors block approval until corrected;
warnings may be explained (see ``report.report_blocking_problems``).
"""

from tongliao.disclosure import _
from tongliao.disclosure.reports.layout import applicant_columns
from tongliao.disclosure.reports.layout import cell_labels
from tongliao.disclosure.reports.layout import outcome_keys
from tongliao.disclosure.reports.layout import t3_columns
from tongliao.disclosure.reports.layout import t3_rows
from tongliao.disclosure.reports.layout import T4_BLOCKS


COLUMN_LABELS = {
    "natural_person": "自然人",
    "business": "商业企业",
    "research": "科研机构",
    "nonprofit": "社会公益组织",
    "legal_service": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
}
T4_BLOCK_LABELS = {
    "review": "行政复议",
    "direct": "行政诉讼（未经复议直接起诉）",
    "after_review": "行政诉讼（复议后起诉）",
}
T2_ROW_LABELS = {"regulations": "规章", "normative_documents": "行政规范性文件"}


def _n(value):
    return value or 0


def _check(check_id, passed, message, severity="error", explainable=True):
    return {
        "id": check_id,
        "severity": severity,
        "passed": bool(passed),
        "message": message,
        # Only warnings may be explained; errors are the format's arithmetic.
        "explainable": explainable and severity == "warning",
    }


def check_table3(cells, previous=None):
    """Checks of table 三; ``previous`` holds last year's reported cells (or None)."""
    results = []
    for column in t3_columns():
        label = COLUMN_LABELS[column]
        left = _n(cells[f"t3.new_received.{column}"]) + _n(
            cells[f"t3.carried_over.{column}"]
        )
        right = _n(cells[f"t3.results_total.{column}"]) + _n(
            cells[f"t3.carry_forward.{column}"]
        )
        results.append(
            _check(
                f"t3.balance.{column}",
                left == right,
                _(
                    "Table 3, column ${column}: 一 + 二 = ${left} but "
                    "（七）总计 + 四 = ${right}.",
                    mapping={"column": label, "left": left, "right": right},
                ),
            )
        )
        total = _n(cells[f"t3.results_total.{column}"])
        rows_sum = sum(_n(cells[f"t3.{key}.{column}"]) for key in outcome_keys())
        results.append(
            _check(
                f"t3.results_sum.{column}",
                total == rows_sum,
                _(
                    "Table 3, column ${column}: （七）总计 is ${total} but the outcome "
                    "rows add up to ${sum}.",
                    mapping={"column": label, "total": total, "sum": rows_sum},
                ),
            )
        )
    labels = cell_labels()
    for row in t3_rows():
        total = _n(cells[f"t3.{row}.total"])
        columns_sum = sum(_n(cells[f"t3.{row}.{c}"]) for c in applicant_columns())
        row_label = labels[f"t3.{row}.total"].split(" / ")[0].removeprefix("表三 ")
        results.append(
            _check(
                f"t3.total_column.{row}",
                total == columns_sum,
                _(
                    "Table 3, row ${row}: 总计 is ${total} but the applicant columns "
                    "add up to ${sum}.",
                    mapping={"row": row_label, "total": total, "sum": columns_sum},
                ),
            )
        )
    if previous is not None:
        for column in t3_columns():
            value = _n(cells[f"t3.carried_over.{column}"])
            before = _n(previous.get(f"t3.carry_forward.{column}"))
            results.append(
                _check(
                    f"t3.carry_over.{column}",
                    value == before,
                    _(
                        "Table 3, column ${column}: 二 上年结转 is ${value} but last "
                        "year's 四 结转下年度继续办理 was ${previous}.",
                        mapping={
                            "column": COLUMN_LABELS[column],
                            "value": value,
                            "previous": before,
                        },
                    ),
                )
            )
    return results


def check_table4(cells):
    results = []
    for block in T4_BLOCKS:
        parts = ("upheld", "corrected", "other", "pending")
        total = _n(cells.get(f"t4.{block}.total"))
        parts_sum = sum(_n(cells.get(f"t4.{block}.{p}")) for p in parts)
        results.append(
            _check(
                f"t4.total.{block}",
                total == parts_sum,
                _(
                    "Table 4, ${block}: 总计 is ${total} but 结果维持 + 结果纠正 + "
                    "其他结果 + 尚未审结 = ${sum}.",
                    mapping={
                        "block": T4_BLOCK_LABELS[block],
                        "total": total,
                        "sum": parts_sum,
                    },
                ),
            )
        )
    return results


def check_table2(cells, previous=None, repeal_date_missing=0):
    """Warnings only: the cross-year chain is a checkers' heuristic, not the format."""
    results = []
    if previous is not None:
        for row, label in T2_ROW_LABELS.items():
            value = _n(cells[f"t2.{row}.in_force"])
            issued = _n(cells[f"t2.{row}.issued"])
            repealed = _n(cells[f"t2.{row}.repealed"])
            before = _n(previous.get(f"t2.{row}.in_force"))
            results.append(
                _check(
                    f"t2.in_force_chain.{row}",
                    value == before + issued - repealed,
                    _(
                        "Table 2, ${row}: 现行有效件数 ${value} differs from "
                        "last year's ${previous} + 本年制发 ${issued} "
                        "− 本年废止 ${repealed}.",
                        mapping={
                            "row": label,
                            "value": value,
                            "previous": before,
                            "issued": issued,
                            "repealed": repealed,
                        },
                    ),
                    severity="warning",
                )
            )
    results.append(
        _check(
            "t2.repeal_date_missing",
            not repeal_date_missing,
            _(
                "${count} published documents are marked expired or repealed without "
                "a repeal date: they are not counted as in force in any year.",
                mapping={"count": repeal_date_missing},
            ),
            severity="warning",
        )
    )
    return results


def check_manual_complete(cells, manual):
    missing = [cell for cell in manual if cells.get(cell) is None]
    labels = cell_labels()
    return [
        _check(
            "manual.complete",
            not missing,
            _(
                "Enter the figures staff report by hand (0 where there were none): "
                "${cells}.",
                mapping={"cells": "；".join(labels[c] for c in missing)},
            ),
            explainable=False,
        )
    ]
