"""The assessment scheme (indicators, weights, thresholds, grades) and scoring.

The DB15/T 2088-2021 indicator table is not in our sources: ``DEFAULT_SCHEME``
is an assumption (docs/assessment.rst), stored as JSON in the registry record
``tongliao.disclosure.assessment_scheme`` and edited by the city office on
``@@assessment-scheme``. Pure: no Plone import.

A computed indicator reads one monitor's share ``value`` (0…1): full marks at
``full`` or above, none at ``zero`` or below, linear between. A manual indicator
(组织领导, 培训 …) is scored by staff (0…weight) with evidence. Indicators
without data are not applicable: the total is rescaled to the applicable
weights (``total`` = 100 × scored / applicable weight).
"""

from tongliao.disclosure import _
from tongliao.disclosure.assessment.monitors import MONITORS

import json


DEFAULT_SCHEME = {
    "indicators": [
        {
            "id": "publication_on_time",
            "title": "主动公开及时率",
            "kind": "computed",
            "monitor": "publication_on_time",
            "weight": 20,
            "full": 1.0,
            "zero": 0.6,
        },
        {
            "id": "interpretation_coverage",
            "title": "政策解读覆盖及时率",
            "kind": "computed",
            "monitor": "interpretation_coverage",
            "weight": 15,
            "full": 1.0,
            "zero": 0.5,
        },
        {
            "id": "reassessment_due",
            "title": "不予公开信息到期复审",
            "kind": "computed",
            "monitor": "reassessment_due",
            "weight": 5,
            "full": 1.0,
            "zero": 0.0,
        },
        {
            "id": "applications_on_time",
            "title": "依申请公开按期答复率",
            "kind": "computed",
            "monitor": "applications_on_time",
            "weight": 15,
            "full": 1.0,
            "zero": 0.8,
        },
        {
            "id": "consultations_overdue",
            "title": "意见征集按期反馈",
            "kind": "computed",
            "monitor": "consultations_overdue",
            "weight": 5,
            "full": 1.0,
            "zero": 0.5,
        },
        {
            "id": "complaints_on_time",
            "title": "投诉举报按期办结率",
            "kind": "computed",
            "monitor": "complaints_on_time",
            "weight": 5,
            "full": 1.0,
            "zero": 0.8,
        },
        {
            "id": "guide_freshness",
            "title": "公开指南及时更新",
            "kind": "computed",
            "monitor": "guide_freshness",
            "weight": 5,
            "full": 1.0,
            "zero": 0.0,
        },
        {
            "id": "directory_fulfilment",
            "title": "标准目录事项落实率",
            "kind": "computed",
            "monitor": "directory_fulfilment",
            "weight": 10,
            "full": 1.0,
            "zero": 0.6,
        },
        {
            "id": "annual_report_on_time",
            "title": "年度报告按时发布",
            "kind": "computed",
            "monitor": "annual_report_on_time",
            "weight": 5,
            "full": 1.0,
            "zero": 0.0,
        },
        {"id": "leadership", "title": "组织领导", "kind": "manual", "weight": 10},
        {"id": "training", "title": "培训", "kind": "manual", "weight": 5},
    ],
    "grades": [
        {"id": "excellent", "title": "优秀", "min": 90},
        {"id": "good", "title": "良好", "min": 80},
        {"id": "pass", "title": "合格", "min": 60},
        {"id": "fail", "title": "不合格", "min": 0},
    ],
}

DEFAULT_SCHEME_JSON = json.dumps(DEFAULT_SCHEME, ensure_ascii=False, indent=1)


def _number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def validate_scheme(text):
    """(scheme, errors): errors are translatable messages naming the problem."""
    try:
        scheme = json.loads(text)
    except (TypeError, ValueError) as error:
        return None, [
            _("The scheme is not valid JSON: ${error}", mapping={"error": str(error)})
        ]
    errors = []
    if not isinstance(scheme, dict):
        return None, [_("The scheme must be an object with indicators and grades.")]
    indicators = scheme.get("indicators")
    grades = scheme.get("grades")
    if not isinstance(indicators, list) or not indicators:
        errors.append(_("The scheme needs a non-empty list of indicators."))
        indicators = []
    seen = set()
    for number, item in enumerate(indicators, 1):
        mapping = {"n": number}
        if not isinstance(item, dict) or not item.get("id") or not item.get("title"):
            errors.append(
                _("Indicator ${n}: an id and a title are required.", mapping=mapping)
            )
            continue
        if item["id"] in seen:
            errors.append(_("Indicator ${n}: the id is used twice.", mapping=mapping))
        seen.add(item["id"])
        if not _number(item.get("weight")) or item["weight"] <= 0:
            errors.append(
                _(
                    "Indicator ${n}: the weight must be a positive number.",
                    mapping=mapping,
                )
            )
        kind = item.get("kind")
        if kind == "computed":
            if item.get("monitor") not in MONITORS:
                errors.append(_("Indicator ${n}: unknown monitor.", mapping=mapping))
            full, zero = item.get("full"), item.get("zero")
            if not (_number(full) and _number(zero) and 0 <= zero < full <= 1):
                errors.append(
                    _(
                        "Indicator ${n}: thresholds need 0 ≤ zero < full ≤ 1.",
                        mapping=mapping,
                    )
                )
        elif kind != "manual":
            errors.append(
                _("Indicator ${n}: the kind is computed or manual.", mapping=mapping)
            )
    if not isinstance(grades, list) or not grades:
        errors.append(_("The scheme needs a non-empty list of grades."))
    else:
        for number, grade in enumerate(grades, 1):
            if (
                not isinstance(grade, dict)
                or not grade.get("title")
                or not _number(grade.get("min"))
            ):
                errors.append(
                    _(
                        "Grade ${n}: a title and a minimum score are required.",
                        mapping={"n": number},
                    )
                )
        if not errors and not any(g["min"] <= 0 for g in grades):
            errors.append(_("One grade must start at 0, so every total has a grade."))
    return (None, errors) if errors else (scheme, [])


def computed_score(indicator, value):
    if value is None:
        return None
    full, zero, weight = indicator["full"], indicator["zero"], indicator["weight"]
    share = min(max((value - zero) / (full - zero), 0.0), 1.0)
    return round(weight * share, 2)


def grade_for(scheme, total):
    for grade in sorted(scheme["grades"], key=lambda g: -g["min"]):
        if total >= grade["min"]:
            return grade
    return None


def score(scheme, results, manual=None, overrides=None):
    """The assessment: every indicator's value, score, weight, findings; the
    total and the grade. ``results``: {monitor: MonitorResult};
    ``manual``: {id: {"score", "evidence", …}}; ``overrides``: {id: {"score",
    "reason", "actor", "time"}} — an override replaces a computed score and
    stays visible next to it."""
    manual = manual or {}
    overrides = overrides or {}
    rows = []
    scored = applicable = 0.0
    for indicator in scheme["indicators"]:
        weight = indicator["weight"]
        row = {
            "id": indicator["id"],
            "title": indicator["title"],
            "kind": indicator["kind"],
            "weight": weight,
            "value": None,
            "total": None,
            "passed": None,
            "available": True,
            "findings": [],
            "computed": None,
            "override": overrides.get(indicator["id"]),
            "manual": manual.get(indicator["id"]),
        }
        if indicator["kind"] == "computed":
            result = results.get(indicator["monitor"])
            if result is not None:
                row.update(
                    value=result.value,
                    total=result.total,
                    passed=result.passed,
                    available=result.available,
                    findings=list(result.findings),
                )
                row["computed"] = computed_score(indicator, result.value)
            else:
                row["available"] = False
            final = row["computed"]
            if row["override"] is not None:
                final = row["override"]["score"]
        else:
            entry = row["manual"]
            final = entry["score"] if entry else None
        row["score"] = final
        if final is not None:
            scored += final
            applicable += weight
        rows.append(row)
    total = round(100 * scored / applicable, 1) if applicable else None
    grade = grade_for(scheme, total) if total is not None else None
    return {
        "indicators": rows,
        "total": total,
        "grade": grade["title"] if grade else None,
        "applicable_weight": applicable,
    }
