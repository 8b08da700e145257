"""An Assessment's numbers: live from the monitors, frozen on publication.

* ``assessment_result(obj)``: the published snapshot, else computed now.
* ``set_override(obj, indicator, score, reason)``: replaces a computed score,
  visibly (reason, who, when; append-only log). Refused once published.
* ``set_manual(obj, indicator, score, evidence)``: a judgement indicator.
* ``freeze(obj)``: stores the snapshot (subscriber on publication).
"""

from datetime import date
from datetime import datetime
from datetime import UTC
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from tongliao.disclosure import _
from tongliao.disclosure.assessment import queries
from tongliao.disclosure.assessment.monitors import period_dates
from tongliao.disclosure.assessment.scheme import DEFAULT_SCHEME
from tongliao.disclosure.assessment.scheme import score
from tongliao.disclosure.assessment.scheme import validate_scheme
from tongliao.disclosure.policy.agency import find_agency
from zope.annotation.interfaces import IAnnotations

import dataclasses


SCHEME_RECORD = "tongliao.disclosure.assessment_scheme"
KEY = "tongliao.disclosure.assessment"
PUBLISHED = "assessment_published"


class AssessmentError(ValueError):
    """A refused change; ``message`` is a translatable Message."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def current_scheme():
    """The registry's scheme; the default when unset (or broken by hand)."""
    text = api.portal.get_registry_record(SCHEME_RECORD, default=None)
    if not text:
        return DEFAULT_SCHEME
    scheme, errors = validate_scheme(text)
    return DEFAULT_SCHEME if errors else scheme


def _now():
    return datetime.now(UTC).isoformat(timespec="seconds")


def _actor():
    user = api.user.get_current()
    return user.getId() if user is not None else ""


def _storage(obj, create=False):
    annotations = IAnnotations(obj)
    data = annotations.get(KEY)
    if data is None:
        if not create:
            return {}
        data = annotations[KEY] = PersistentMapping()
    return data


def is_frozen(obj):
    return api.content.get_state(obj, default=None) == PUBLISHED


def period(obj):
    return period_dates(obj.year, obj.quarter or 0)


def overrides(obj):
    return dict(_storage(obj).get("overrides", {}))


def override_log(obj):
    return list(_storage(obj).get("override_log", ()))


def manual(obj):
    return dict(_storage(obj).get("manual", {}))


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def compute(
    agency, year, quarter, manual_entries=None, override_entries=None, today=None
):
    """The live result (plain data) of ``agency`` for a period."""
    results = queries.run_monitors(agency, period_dates(year, quarter), today)
    result = score(current_scheme(), results, manual_entries, override_entries)
    result["unknown"] = {
        name: [list(u) for u in r.unknown] for name, r in results.items() if r.unknown
    }
    return _plain(result)


def assessment_result(obj, today=None):
    snapshot = _storage(obj).get("snapshot")
    if snapshot is not None:
        return snapshot
    agency = find_agency(obj)
    return compute(
        agency, obj.year, obj.quarter or 0, manual(obj), overrides(obj), today
    )


def _indicator(indicator_id, kind):
    for indicator in current_scheme()["indicators"]:
        if indicator["id"] == indicator_id and indicator["kind"] == kind:
            return indicator
    raise AssessmentError(_("Unknown indicator."))


def _check_score(indicator, value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise AssessmentError(_("Enter the score as a number."))
    if not 0 <= value <= indicator["weight"]:
        raise AssessmentError(
            _(
                "The score must be between 0 and ${weight}.",
                mapping={"weight": indicator["weight"]},
            )
        )
    return round(value, 2)


def _editable(obj):
    if is_frozen(obj):
        raise AssessmentError(_("A published assessment is frozen."))


def set_override(obj, indicator_id, value, reason):
    _editable(obj)
    indicator = _indicator(indicator_id, "computed")
    reason = (reason or "").strip()
    if not reason:
        raise AssessmentError(_("An override needs a reason."))
    entry = {
        "score": _check_score(indicator, value),
        "reason": reason,
        "actor": _actor(),
        "time": _now(),
    }
    data = _storage(obj, create=True)
    data.setdefault("overrides", PersistentMapping())[indicator_id] = entry
    data.setdefault("override_log", PersistentList()).append(
        {"indicator": indicator_id, **entry}
    )
    return entry


def clear_override(obj, indicator_id, reason):
    _editable(obj)
    reason = (reason or "").strip()
    if not reason:
        raise AssessmentError(_("An override needs a reason."))
    data = _storage(obj, create=True)
    if indicator_id in data.get("overrides", {}):
        del data["overrides"][indicator_id]
        data.setdefault("override_log", PersistentList()).append(
            {
                "indicator": indicator_id,
                "score": None,
                "reason": reason,
                "actor": _actor(),
                "time": _now(),
            }
        )


def set_manual(obj, indicator_id, value, evidence):
    _editable(obj)
    indicator = _indicator(indicator_id, "manual")
    evidence = (evidence or "").strip()
    if not evidence:
        raise AssessmentError(_("Describe or link the evidence for this score."))
    entry = {
        "score": _check_score(indicator, value),
        "evidence": evidence,
        "actor": _actor(),
        "time": _now(),
    }
    _storage(obj, create=True).setdefault("manual", PersistentMapping())[
        indicator_id
    ] = entry
    return entry


def freeze(obj, today=None):
    """Store the snapshot (everything the page shows) and who published it."""
    data = _storage(obj, create=True)
    snapshot = compute(
        find_agency(obj), obj.year, obj.quarter or 0, manual(obj), overrides(obj), today
    )
    snapshot["published_by"] = _actor()
    snapshot["published_at"] = _now()
    data["snapshot"] = snapshot
    return snapshot


def on_transition(obj, event):
    """Freeze on entering ``published``."""
    if event.new_state is not None and event.new_state.getId() == PUBLISHED:
        freeze(obj)


def frozen_snapshot(obj):
    return _storage(obj).get("snapshot")
