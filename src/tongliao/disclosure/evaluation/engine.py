"""Ratings: duplicate keys, summaries, the chart and the report paragraph (pure).

No Plone imports: tested in tests/unit/test_evaluation_engine.py.
"""

from html import escape

import hashlib
import hmac


DEFAULT_GRADES = ("satisfied:满意", "basic:基本满意", "dissatisfied:不满意")
KINDS = ("document", "application", "agency")
KIND_TITLES = {
    "document": "政策文件评价",
    "application": "依申请公开办理评价",
    "agency": "年度政务公开工作评议",
}
COLOURS = ("#1a7f37", "#7a9c1a", "#b42318", "#6b6b6b", "#2457a6")


def questionnaire_year(today, previous_year_until):
    """The year the questionnaire rates on ``today``.

    Up to ``previous_year_until`` (MM-DD, inclusive) visitors rate the previous
    year, as annual evaluations commonly run in the first quarter; empty: always
    the current year.
    """
    if previous_year_until:
        month, day = (int(part) for part in previous_year_until.split("-"))
        if (today.month, today.day) <= (month, day):
            return today.year - 1
    return today.year


def parse_grades(lines):
    """[(token, label)] from ``token:label`` lines (the defaults when empty)."""
    grades = []
    for line in lines or DEFAULT_GRADES:
        token, sep, label = line.partition(":")
        if sep and token.strip() and label.strip():
            grades.append((token.strip(), label.strip()))
    return grades or parse_grades(DEFAULT_GRADES)


def visitor_keys(secret, day, target, cookie, address):
    """Keyed hashes saying "this visitor rated this target on this day".

    One from the cookie's random id (when the browser has one) and one from the
    network address: either seen again the same day is a duplicate. Only these
    HMACs are stored, never the address or the cookie.
    """
    keys = []
    for label, value in (("cookie", cookie), ("address", address)):
        if value:
            message = f"{label}\x00{day.isoformat()}\x00{target}\x00{value}"
            keys.append(hmac.new(secret, message.encode(), hashlib.sha256).hexdigest())
    return keys


def summarise(records, grades):
    """Counts per grade, shares (percent, one decimal) and the satisfaction rate.

    The satisfaction rate counts every grade but the last as satisfied.
    """
    tokens = [token for token, label in grades]
    counts = dict.fromkeys(tokens, 0)
    for record in records:
        if record.get("grade") in counts:
            counts[record["grade"]] += 1
    total = sum(counts.values())
    shares = {
        t: round(100.0 * n / total, 1) if total else 0.0 for t, n in counts.items()
    }
    satisfied = sum(counts[t] for t in tokens[:-1])
    rate = round(100.0 * satisfied / total, 1) if total else None
    return {
        "total": total,
        "counts": counts,
        "shares": shares,
        "rate": rate,
        "rows": [
            {"token": t, "label": label, "count": counts[t], "share": shares[t]}
            for t, label in grades
        ],
    }


def summarise_by_kind(records, grades):
    return {
        kind: summarise([r for r in records if r.get("kind") == kind], grades)
        for kind in KINDS
    }


def question_summaries(records, questions, grades):
    """Per questionnaire question: the summary of its answers."""
    rows = []
    for index, question in enumerate(questions):
        answers = [
            {"grade": (r.get("answers") or {}).get(str(index))}
            for r in records
            if r.get("kind") == "agency"
        ]
        rows.append({"question": question, "summary": summarise(answers, grades)})
    return rows


def svg_bars(rows, grades, width=640):
    """A stacked horizontal bar per row (label, summary) as inline SVG text."""
    longest = max((len(label) + 5 for label, _summary in rows), default=10)
    bar_left = min(14 * longest, width // 2)
    bar_width, row_height, legend_height = width - bar_left - 10, 34, 28
    height = legend_height + row_height * max(len(rows), 1) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} '
        f'{height}" width="{width}" height="{height}" '
        'style="max-width:100%;height:auto" '
        'aria-label="满意度分布图" font-family="sans-serif" font-size="13">'
    ]
    x = 0
    for index, (_token, label) in enumerate(grades):
        colour = COLOURS[index % len(COLOURS)]
        parts.append(f'<rect x="{x}" y="4" width="14" height="14" fill="{colour}"/>')
        parts.append(f'<text x="{x + 18}" y="16">{escape(label)}</text>')
        x += 18 + 14 * len(label) + 20
    for number, (label, summary) in enumerate(rows):
        y = legend_height + number * row_height
        parts.append(
            f'<text x="0" y="{y + 18}">{escape(label)}（{summary["total"]}）</text>'
        )
        left = bar_left
        total = summary["total"]
        if not total:
            parts.append(
                f'<rect x="{bar_left}" y="{y + 4}" width="{bar_width}" height="20" '
                'fill="#e6e6e6"/>'
            )
        for index, (token, grade_label) in enumerate(grades):
            count = summary["counts"].get(token, 0)
            if not total or not count:
                continue
            size = bar_width * count / total
            colour = COLOURS[index % len(COLOURS)]
            parts.append(
                f'<rect x="{left:.1f}" y="{y + 4}" width="{size:.1f}" height="20" '
                f'fill="{colour}"><title>{escape(grade_label)} {count}</title></rect>'
            )
            left += size
    parts.append("</svg>")
    return "".join(parts)


def report_paragraph(year, by_kind, grades):
    """A paragraph for section 一 of the annual report (总体情况)."""
    labels = dict(grades)
    sentences = []
    for kind in KINDS:
        summary = by_kind.get(kind)
        if not summary or not summary["total"]:
            continue
        parts = "、".join(
            f"{labels[row['token']]}{row['count']}人次（{row['share']}%）"
            for row in summary["rows"]
        )
        sentences.append(
            f"{KIND_TITLES[kind]}{summary['total']}人次，其中{parts}，"
            f"满意率{summary['rate']}%"
        )
    if not sentences:
        return f"{year}年未收到社会评议。"
    return f"{year}年共收到社会评议：" + "；".join(sentences) + "。"
