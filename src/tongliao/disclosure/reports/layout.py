"""Cells of the 2021 national annual-report tables, named from the data file.

Every number of tables 二, 三 and 四 has a stable cell id:

* table 二: ``t2.<row>.<column>`` e.g. ``t2.regulations.issued``,
  ``t2.fees.amount_10k_yuan``;
* table 三: ``t3.<row>.<column>`` where ``<row>`` is ``new_received``,
  ``carried_over``, one of the 21 ApplicationOutcomes tokens, ``results_total``
  (（七）总计) or ``carry_forward`` and ``<column>`` an applicant type or ``total``;
* table 四: ``t4.<block>.<column>`` with block ``review``, ``direct`` or
  ``after_review`` and column ``upheld``/``corrected``/``other``/``pending``/``total``.

Labels always come from ``annual_report_layout()`` (vocabularies/data).
"""

from functools import cache
from tongliao.disclosure.vocabularies import annual_report_layout


@cache
def layout():
    return annual_report_layout()


def table2_blocks():
    return layout()["table2"]["blocks"]


@cache
def table2_cells():
    """(cell id, row key, column key) of table 二's numbers, in form order."""
    cells = []
    for block in table2_blocks():
        for row in block["rows"]:
            for column in block["columns"][1:]:
                cells.append(
                    (f"t2.{row['key']}.{column['key']}", row["key"], column["key"])
                )
    return tuple(cells)


T2_COMPUTED_ROWS = ("regulations", "normative_documents")
T2_MANUAL_CELLS = (
    "t2.licensing.decisions",
    "t2.penalty.decisions",
    "t2.enforcement.decisions",
    "t2.fees.amount_10k_yuan",
)


@cache
def applicant_columns():
    """The six applicant columns of table 三 (ApplicantTypes tokens), in order."""
    columns = []
    for column in layout()["table3"]["columns"]:
        if "columns" in column:
            columns.extend(sub["key"] for sub in column["columns"])
        elif column["key"] != "total":
            columns.append(column["key"])
    return tuple(columns)


def t3_columns():
    return (*applicant_columns(), "total")


@cache
def outcome_rows():
    """The outcome rows of 三 as (group key, outcome key, label) in form order."""
    rows = []
    results = next(r for r in layout()["table3"]["rows"] if r["key"] == "results")
    for item in results["items"]:
        if item["key"] == "total":
            continue
        if "sub" in item:
            rows.extend((item["key"], sub["key"], sub["label"]) for sub in item["sub"])
        else:
            rows.append((item["key"], item["key"], item["label"]))
    return tuple(rows)


def outcome_keys():
    return tuple(key for _group, key, _label in outcome_rows())


def t3_rows():
    """Every numeric row of 三 in form order."""
    return (
        "new_received",
        "carried_over",
        *outcome_keys(),
        "results_total",
        "carry_forward",
    )


def t3_cells():
    return tuple(f"t3.{row}.{column}" for row in t3_rows() for column in t3_columns())


T4_BLOCKS = ("review", "direct", "after_review")
T4_COLUMNS = ("upheld", "corrected", "other", "pending", "total")


def t4_cells():
    return tuple(f"t4.{block}.{column}" for block in T4_BLOCKS for column in T4_COLUMNS)


def computed_cells():
    t2 = tuple(cell for cell, row, _col in table2_cells() if row in T2_COMPUTED_ROWS)
    return t2 + t3_cells() + t4_cells()


def manual_cells():
    return T2_MANUAL_CELLS


def all_cells():
    return tuple(cell for cell, _row, _col in table2_cells()) + t3_cells() + t4_cells()


@cache
def cell_labels():
    """Cell id → human label "row / column" (for messages and the override form)."""
    labels = {}
    for block in table2_blocks():
        headers = {column["key"]: column["label"] for column in block["columns"]}
        for row in block["rows"]:
            for key, label in headers.items():
                if key != "content":
                    labels[f"t2.{row['key']}.{key}"] = f"表二 {row['label']} / {label}"
    column_labels = {"total": "总计"}
    for column in layout()["table3"]["columns"]:
        for sub in column.get("columns", [column]):
            column_labels[sub["key"]] = sub["label"]
    row_labels = {r["key"]: r["label"] for r in layout()["table3"]["rows"]}
    for group, key, label in outcome_rows():
        prefix = ""
        if group != key or key == "other":
            group_label = next(
                i["label"]
                for r in layout()["table3"]["rows"]
                if r["key"] == "results"
                for i in r["items"]
                if i["key"] == group
            )
            prefix = group_label + " "
        row_labels[key] = prefix + label
    row_labels["results_total"] = "（七）总计"
    for row in t3_rows():
        for column in t3_columns():
            labels[f"t3.{row}.{column}"] = (
                f"表三 {row_labels[row]} / {column_labels[column]}"
            )
    block_labels = {
        "review": "行政复议",
        "direct": "行政诉讼 未经复议直接起诉",
        "after_review": "行政诉讼 复议后起诉",
    }
    t4_column_labels = {
        c["key"]: c["label"] for c in layout()["table4"]["blocks"][0]["columns"]
    }
    for block in T4_BLOCKS:
        for column in T4_COLUMNS:
            labels[f"t4.{block}.{column}"] = (
                f"表四 {block_labels[block]} / {t4_column_labels[column]}"
            )
    return labels
