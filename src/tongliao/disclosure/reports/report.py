"""An AnnualReport's numbers: computed, overridden, entered, checked and frozen.

* ``computed_cells(report)``: tables 二/三/四 computed from the catalog now;
  ``fee_figures(report)`` the information-processing fees paid in the year.
* ``set_override(report, cell, value, reason)``: staff replace a computed cell;
  the reason is required, who/when are recorded, and every change is appended to
  an override log that is never rewritten.
* ``reported_cells(report)``: what the report states (override, else computed;
  manual cells from the report's fields).
* ``report_checks(report)``: the checks with their recorded explanations.
* ``report_blocking_problems(report)``: messages of every failing error check
  (the format's own arithmetic, 勾稽关系, and missing manual figures) — empty
  means the report may be approved. Explanations are accepted for warnings
  only: a balance error is fixed, never explained. The review workflow's
  approve guard calls it.
* ``freeze(report)``: the snapshot stored on publication; the public view and
  anonymous REST read only it.
"""

from datetime import datetime
from datetime import UTC
from decimal import Decimal
from plone import api
from tongliao.disclosure import _
from tongliao.disclosure.migration.storage import REPORT_EXPLANATIONS_KEY
from tongliao.disclosure.migration.storage import REPORT_OVERRIDE_LOG_KEY
from tongliao.disclosure.migration.storage import REPORT_OVERRIDES_KEY
from tongliao.disclosure.migration.storage import REPORT_SNAPSHOT_KEY
from tongliao.disclosure.migration.storage import REPORT_SNAPSHOTS_KEY
from tongliao.disclosure.migration.storage import store_value
from tongliao.disclosure.migration.storage import stored_list
from tongliao.disclosure.migration.storage import stored_mapping
from tongliao.disclosure.migration.storage import stored_value
from tongliao.disclosure.policy.agency import find_agency
from tongliao.disclosure.reports import checks
from tongliao.disclosure.reports.compute import compute_fees
from tongliao.disclosure.reports.compute import compute_tables
from tongliao.disclosure.reports.compute import repeal_date_missing
from tongliao.disclosure.reports.content import MANUAL_FIELDS
from tongliao.disclosure.reports.layout import all_cells
from tongliao.disclosure.reports.layout import computed_cells as computed_cell_ids
from tongliao.disclosure.reports.layout import manual_cells


PUBLISHED_STATE = "published"
STAFF_PERMISSION = "tongliao.disclosure: View staff dashboard"


class ReportError(ValueError):
    """A refused change; ``message`` is a translatable Message."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _now():
    return datetime.now(UTC).isoformat(timespec="seconds")


def _actor():
    user = api.user.get_current()
    return user.getId() if user is not None else ""


def is_report_staff(report):
    """Whether the current user sees the staff side of ``report``."""
    if api.user.is_anonymous():
        return False
    return api.user.has_permission(STAFF_PERMISSION, obj=report)


def is_frozen(report):
    return api.content.get_state(report, default=None) == PUBLISHED_STATE


_MAPPINGS = {
    "_overrides": REPORT_OVERRIDES_KEY,
    "_explanations": REPORT_EXPLANATIONS_KEY,
}


def _mapping(report, name, create=False):
    """The stored mapping (an annotation); readers get {} (no write on GET)."""
    return stored_mapping(report, _MAPPINGS[name], create=create)


def _log(report, create=False):
    return stored_list(report, REPORT_OVERRIDE_LOG_KEY, create=create)


# Computed, overridden and manual cells -----------------------------------------


def computed_cells(report, catalog=None):
    return compute_tables(find_agency(report), report.year, catalog)


def overrides(report):
    """{cell: {value, reason, user, time}} (copies)."""
    return {
        cell: dict(entry)
        for cell, entry in _mapping(report, "_overrides", create=False).items()
    }


def override_log(report):
    return [dict(entry) for entry in _log(report)]


def _refuse_if_frozen(report):
    if is_frozen(report):
        raise ReportError(_("The report is published: its numbers are frozen."))


def set_override(report, cell, value, reason):
    """Replace a computed cell with ``value`` for the reason given."""
    _refuse_if_frozen(report)
    if cell not in computed_cell_ids():
        raise ReportError(_("Only computed cells can be overridden."))
    reason = (reason or "").strip()
    if not reason:
        raise ReportError(_("Give the reason for changing a computed figure."))
    try:
        value = int(value)
    except (TypeError, ValueError):
        raise ReportError(_("Enter a whole number.")) from None
    if value < 0:
        raise ReportError(_("A count cannot be negative."))
    entry = {"value": value, "reason": reason, "user": _actor(), "time": _now()}
    _mapping(report, "_overrides", create=True)[cell] = entry
    _log(report, create=True).append({"cell": cell, "action": "set", **entry})
    return entry


def remove_override(report, cell, reason=""):
    _refuse_if_frozen(report)
    store = _mapping(report, "_overrides", create=True)
    if cell in store:
        del store[cell]
        _log(report, create=True).append(
            {
                "cell": cell,
                "action": "removed",
                "reason": reason or "",
                "user": _actor(),
                "time": _now(),
            }
        )


def manual_values(report):
    values = {}
    for cell, field in MANUAL_FIELDS.items():
        value = getattr(report, field, None)
        if isinstance(value, Decimal):
            value = str(value)
        values[cell] = value
    return values


def reported_cells(report, computed=None):
    computed = computed if computed is not None else computed_cells(report)
    cells = dict(computed)
    for cell, entry in overrides(report).items():
        cells[cell] = entry["value"]
    cells.update(manual_values(report))
    return {cell: cells.get(cell) for cell in all_cells()}


# Checks ---------------------------------------------------------------------------


def previous_report_brain(report):
    agency = find_agency(report)
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="AnnualReport",
        path="/".join(agency.getPhysicalPath()),
        report_year=report.year - 1,
        review_state=PUBLISHED_STATE,
    )
    return brains[0] if brains else None


def previous_cells(report):
    """Last year's reported cells: its published snapshot, else computed now."""
    brain = previous_report_brain(report)
    if brain is not None:
        snapshot = frozen_snapshot(brain._unrestrictedGetObject())
        if snapshot is not None:
            return snapshot["reported"]
    return compute_tables(find_agency(report), report.year - 1)


def explanations(report):
    return {
        key: dict(entry)
        for key, entry in _mapping(report, "_explanations", create=False).items()
    }


def explain_check(report, check_id, text):
    """Record why a failing warning is accepted (empty text removes it).

    Errors (the format's arithmetic) cannot be explained away.
    """
    _refuse_if_frozen(report)
    store = _mapping(report, "_explanations", create=True)
    text = (text or "").strip()
    if not text:
        store.pop(check_id, None)
        return None
    severity = {r["id"]: r["severity"] for r in report_checks(report)}.get(check_id)
    if severity != "warning":
        raise ReportError(
            _(
                "Only warnings can be explained; an error in the report's "
                "arithmetic must be corrected."
            )
        )
    entry = {"text": text, "user": _actor(), "time": _now()}
    store[check_id] = entry
    return entry


def check_cells(cells, previous=None, missing_repeal_dates=0):
    return [
        *checks.check_manual_complete(cells, manual_cells()),
        *checks.check_table2(cells, previous, missing_repeal_dates),
        *checks.check_table3(cells, previous),
        *checks.check_table4(cells),
    ]


def report_checks(report, reported=None):
    reported = reported if reported is not None else reported_cells(report)
    missing = len(repeal_date_missing(find_agency(report)))
    results = check_cells(reported, previous_cells(report), missing)
    notes = explanations(report)
    for result in results:
        result["explanation"] = (
            notes.get(result["id"]) if not result["passed"] else None
        )
    return results


def report_blocking_problems(report):
    """Translatable messages that block approval; empty when it may be approved."""
    return [
        result["message"]
        for result in report_checks(report)
        if not result["passed"] and result["severity"] == "error"
    ]


def fee_figures(report, catalog=None):
    """Information-processing fees paid in the report's year (section 六)."""
    return compute_fees(find_agency(report), report.year, catalog)


# Publication snapshot ---------------------------------------------------------------


def freeze(report):
    """Store the numbers as published (called when the report is published)."""
    computed = computed_cells(report)
    reported = reported_cells(report, computed)
    results = report_checks(report, reported)
    snapshot = {
        "year": report.year,
        "published": _now(),
        "published_by": _actor(),
        "computed": computed,
        "reported": reported,
        "fees": fee_figures(report),
        "overrides": overrides(report),
        "checks": [
            {
                "id": r["id"],
                "severity": r["severity"],
                "passed": r["passed"],
                "explanation": r["explanation"],
            }
            for r in results
        ],
    }
    store_value(report, REPORT_SNAPSHOT_KEY, snapshot)
    stored_list(report, REPORT_SNAPSHOTS_KEY, create=True).append(snapshot)
    return snapshot


def frozen_snapshot(report):
    return stored_value(report, REPORT_SNAPSHOT_KEY)
