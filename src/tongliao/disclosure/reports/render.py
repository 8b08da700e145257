"""Tables 二、三、四 laid out as in the national format, for HTML, DOCX and XLSX.

Each table is a list of rows; a row is a list of cells
``{"text", "colspan", "rowspan", "header", "cell"}`` (``cell`` is the cell id of a
number, else None). :func:`placed` turns it into absolute positions so DOCX and
XLSX can merge exactly the spans the HTML uses.
"""

from tongliao.disclosure.reports.layout import layout
from tongliao.disclosure.reports.layout import T4_BLOCKS
from tongliao.disclosure.reports.layout import T4_COLUMNS


def _cell(text, colspan=1, rowspan=1, header=False, cell=None):
    return {
        "text": "" if text is None else str(text),
        "colspan": colspan,
        "rowspan": rowspan,
        "header": header,
        "cell": cell,
    }


def _value(cells, cell_id):
    return _cell(cells.get(cell_id), cell=cell_id)


def table2_rows(cells):
    """Four blocks, four grid columns (single-value blocks span three)."""
    rows = []
    for block in layout()["table2"]["blocks"]:
        columns = block["columns"]
        rows.append([_cell(block["caption"], colspan=4, header=True)])
        wide = 4 - len(columns) + 1  # the last column stretches to the grid
        header = [_cell(c["label"], header=True) for c in columns]
        header[-1]["colspan"] = wide
        rows.append(header)
        for row in block["rows"]:
            line = [_cell(row["label"], header=True)]
            for column in columns[1:]:
                line.append(_value(cells, f"t2.{row['key']}.{column['key']}"))
            line[-1]["colspan"] = wide
            rows.append(line)
    return rows


def table3_rows(cells):
    """The 3 label columns + 7 numbers; 三 spans 22 rows, （三）–（六） 8/3/5/3."""
    data = layout()["table3"]
    columns = data["columns"]
    legal = next(c for c in columns if "columns" in c)
    value_columns = [
        "natural_person",
        *(c["key"] for c in legal["columns"]),
        "total",
    ]
    rows = [
        [
            _cell(data["corner_note"], colspan=3, rowspan=3, header=True),
            _cell(data["column_header"], colspan=7, header=True),
        ],
        [
            _cell(columns[0]["label"], rowspan=2, header=True),
            _cell(legal["label"], colspan=5, header=True),
            _cell(columns[-1]["label"], rowspan=2, header=True),
        ],
        [_cell(c["label"], header=True) for c in legal["columns"]],
    ]

    def numbers(row_key):
        return [_value(cells, f"t3.{row_key}.{c}") for c in value_columns]

    for row in data["rows"]:
        if row["key"] != "results":
            rows.append(
                [_cell(row["label"], colspan=3, header=True), *numbers(row["key"])]
            )
            continue
        span = sum(len(item.get("sub", [item])) for item in row["items"])
        first = True
        for item in row["items"]:
            lead = [_cell(row["label"], rowspan=span, header=True)] if first else []
            first = False
            if "sub" not in item:
                key = "results_total" if item["key"] == "total" else item["key"]
                rows.append(
                    [*lead, _cell(item["label"], colspan=2, header=True), *numbers(key)]
                )
                continue
            for index, sub in enumerate(item["sub"]):
                group = (
                    [_cell(item["label"], rowspan=len(item["sub"]), header=True)]
                    if index == 0
                    else []
                )
                rows.append(
                    [
                        *(lead if index == 0 else []),
                        *group,
                        _cell(sub["label"], header=True),
                        *numbers(sub["key"]),
                    ]
                )
    return rows


def table4_rows(cells):
    data = layout()["table4"]
    review, litigation = data["blocks"]
    labels = [c["label"] for c in review["columns"]]
    rows = [
        [
            _cell(review["label"], colspan=5, header=True),
            _cell(litigation["label"], colspan=10, header=True),
        ],
        [
            *(_cell(label, rowspan=2, header=True) for label in labels),
            *(_cell(b["label"], colspan=5, header=True) for b in litigation["blocks"]),
        ],
        [
            _cell(label, header=True)
            for _block in litigation["blocks"]
            for label in labels
        ],
        [_value(cells, f"t4.{b}.{c}") for b in T4_BLOCKS for c in T4_COLUMNS],
    ]
    return rows


def placed(rows):
    """Absolute (row, column, rowspan, colspan, cell dict) of every cell."""
    taken = set()
    result = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            for dr in range(cell["rowspan"]):
                for dc in range(cell["colspan"]):
                    taken.add((r + dr, c + dc))
            result.append((r, c, cell["rowspan"], cell["colspan"], cell))
            c += cell["colspan"]
    return result


def grid_size(rows):
    positions = placed(rows)
    height = max(r + rs for r, _c, rs, _cs, _cell in positions)
    width = max(c + cs for _r, c, _rs, cs, _cell in positions)
    return height, width


def all_tables(cells):
    sections = {s["key"]: s["label"] for s in layout()["sections"]}
    return [
        ("proactive", sections["proactive"], table2_rows(cells)),
        ("applications", sections["applications"], table3_rows(cells)),
        ("review_litigation", sections["review_litigation"], table4_rows(cells)),
    ]


def table_html(rows, css_class="annual-report-table"):
    """One table as HTML (escaped text, the spans of the form)."""
    from html import escape

    parts = [f'<table class="{css_class}">']
    for row in rows:
        parts.append("<tr>")
        for cell in row:
            tag = "th" if cell["header"] else "td"
            attrs = ""
            if cell["colspan"] > 1:
                attrs += f' colspan="{cell["colspan"]}"'
            if cell["rowspan"] > 1:
                attrs += f' rowspan="{cell["rowspan"]}"'
            if cell["cell"]:
                attrs += f' data-cell="{escape(cell["cell"])}"'
            parts.append(f"<{tag}{attrs}>{escape(cell['text'])}</{tag}>")
        parts.append("</tr>")
    parts.append("</table>")
    return "".join(parts)
