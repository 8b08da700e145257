"""社会评议 engine: duplicate keys, summaries, chart, report paragraph (pure)."""

from datetime import date
from tongliao.disclosure.evaluation.engine import parse_grades
from tongliao.disclosure.evaluation.engine import questionnaire_year
from tongliao.disclosure.evaluation.engine import report_paragraph
from tongliao.disclosure.evaluation.engine import summarise
from tongliao.disclosure.evaluation.engine import summarise_by_kind
from tongliao.disclosure.evaluation.engine import svg_bars
from tongliao.disclosure.evaluation.engine import visitor_keys
from xml.etree import ElementTree


GRADES = parse_grades(None)
DAY = date(2026, 11, 30)


def test_default_grades():
    assert GRADES == [
        ("satisfied", "满意"),
        ("basic", "基本满意"),
        ("dissatisfied", "不满意"),
    ]


def test_visitor_keys_hide_address_and_cookie():
    keys = visitor_keys(b"s", DAY, "uid1", "c" * 32, "203.0.113.7")
    assert len(keys) == 2
    assert all("203.0.113.7" not in k and "ccc" not in k for k in keys)
    # Same visitor, same target, same day: same keys; any change: new keys.
    assert keys == visitor_keys(b"s", DAY, "uid1", "c" * 32, "203.0.113.7")
    assert not set(keys) & set(
        visitor_keys(b"s", date(2026, 12, 1), "uid1", "c" * 32, "203.0.113.7")
    )
    assert not set(keys) & set(visitor_keys(b"s", DAY, "uid2", "c" * 32, "203.0.113.7"))
    assert not set(keys) & set(
        visitor_keys(b"other", DAY, "uid1", "c" * 32, "203.0.113.7")
    )
    # No cookie yet: the address key alone.
    assert visitor_keys(b"s", DAY, "uid1", "", "203.0.113.7") == keys[1:]


def test_summary_and_rate():
    records = (
        [{"grade": "satisfied"}] * 3
        + [{"grade": "basic"}]
        + [{"grade": "dissatisfied"}] * 2
        + [{"grade": "unknown"}]
    )
    summary = summarise(records, GRADES)
    assert summary["total"] == 6
    assert summary["counts"] == {"satisfied": 3, "basic": 1, "dissatisfied": 2}
    assert summary["shares"] == {"satisfied": 50.0, "basic": 16.7, "dissatisfied": 33.3}
    assert summary["rate"] == 66.7
    assert summarise([], GRADES)["rate"] is None


def test_chart_is_valid_svg_with_one_bar_per_grade():
    by_kind = summarise_by_kind(
        [
            {"kind": "document", "grade": "satisfied"},
            {"kind": "document", "grade": "dissatisfied"},
            {"kind": "agency", "grade": "basic"},
        ],
        GRADES,
    )
    svg = svg_bars(
        [("文件", by_kind["document"]), ("<工作>", by_kind["agency"])], GRADES
    )
    root = ElementTree.fromstring(svg)
    rects = root.findall("{http://www.w3.org/2000/svg}rect")
    # 3 legend squares + 2 document bars + 1 agency bar
    assert len(rects) == 6
    assert "&lt;工作&gt;" in svg


def test_report_paragraph():
    by_kind = summarise_by_kind(
        [{"kind": "document", "grade": "satisfied"}] * 3
        + [{"kind": "document", "grade": "dissatisfied"}],
        GRADES,
    )
    text = report_paragraph(2026, by_kind, GRADES)
    assert text == (
        "2026年共收到社会评议：政策文件评价4人次，其中满意3人次（75.0%）、"
        "基本满意0人次（0.0%）、不满意1人次（25.0%），满意率75.0%。"
    )
    assert report_paragraph(2026, summarise_by_kind([], GRADES), GRADES) == (
        "2026年未收到社会评议。"
    )


def test_questionnaire_year_until_end_of_march():
    assert questionnaire_year(date(2027, 3, 31), "03-31") == 2026
    assert questionnaire_year(date(2027, 4, 1), "03-31") == 2027
    assert questionnaire_year(date(2027, 1, 1), "") == 2027
    assert questionnaire_year(date(2026, 12, 31), "03-31") == 2026
