"""Handling of a DisclosureApplication: the rules the case actions
(``actions.py``) apply — deadlines, closure conditions, notice receipt,
consultation windows — and the public lookup.

Every action is an event plus, where the case changes state, a transition of
``disclosure_application_workflow``; the history is checked with the deadline
engine *before* anything is stored, so an impossible history (a second 补正,
an extension beyond 20 working days …) is refused with a clear error and
nothing changes.
"""

from Acquisition import aq_base
from DateTime import DateTime
from datetime import date
from plone import api
from plone.restapi.serializer.converters import json_compatible
from tongliao.disclosure import _
from tongliao.disclosure.applications.content import normalize_digits
from tongliao.disclosure.applications.content import normalize_id_number
from tongliao.disclosure.applications.links import make_token
from tongliao.disclosure.applications.notices import issue_notice
from tongliao.disclosure.calendar import deadline_settings
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.casehistory import RUNNER_ROLE  # noqa: F401 (old path)
from tongliao.disclosure.deadlines import CalendarCoverageError
from tongliao.disclosure.deadlines import compute_deadlines
from tongliao.disclosure.states import state_title
from tongliao.disclosure.tracking import find_by_code
from tongliao.disclosure.tracking import LOOKUP_FLOOR_SECONDS  # noqa: F401 (old path)
from tongliao.disclosure.tracking import missing_lookup_fields  # noqa: F401
from tongliao.disclosure.tracking import unique_tracking_code  # noqa: F401
from tongliao.disclosure.vocabularies import APPLICATION_CHANNELS
from tongliao.disclosure.vocabularies import application_outcome
from tongliao.disclosure.vocabularies import term_data
from urllib.parse import urlencode

import hashlib
import secrets


WORKFLOW_ID = "disclosure_application_workflow"
OPEN_STATES = ("registered", "awaiting_correction", "processing", "consulting")
CLOCK_STATES = ("registered", "processing")

APPROVE_EXTENSION = "tongliao.disclosure: Approve extension"
HANDLE_APPLICATION = "tongliao.disclosure: Handle application"
# 条例 art. 32 (third party) and art. 34 (other agency): 15 working days to answer.
CONSULTATION_WINDOW_DAYS = 15
# Art. 33(2): an extension adds at most 20 working days; the registry
# setting ``extension_max_days`` may only lower it.
LEGAL_EXTENSION_MAX_DAYS = 20
CORRECTION_PERIOD_DEFAULT = 15
REGULATION = "《中华人民共和国政府信息公开条例》"
FEE_RULES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
# Closures whose legal condition is checked before they are accepted.
CHECKED_CLOSURES = ("no_correction", "still_unclear", "no_fee")

# What the consultation letter says, per basis (art. 32 / art. 34).
CONSULTATION_TEXTS = {
    "third_party": {
        "consultation_reason": "可能损害第三方合法权益",
        "consultation_article": "第三十二条",
        "silence_rule": "逾期未提出意见的，由本机关依照条例的规定决定是否公开。",
    },
    "agency": {
        "consultation_reason": "由两个以上行政机关共同制作",
        "consultation_article": "第三十四条",
        "silence_rule": "逾期未提出意见的，视为同意公开。",
    },
}

VARIANT_FIELD_MESSAGES = {
    "public_location": _("Say where and how the published information is found."),
    "competent_agency": _("Name the agency responsible for the information."),
    "competent_agency_contact": _("Give the contact of the responsible agency."),
}


def case_state_title(state, request=None):
    """A case state's title, from disclosure_application_workflow, translated."""
    return state_title(state, request, workflow_id=WORKFLOW_ID)


class ActionError(ValueError):
    """An action that cannot be done; ``message`` is a translatable msgid."""

    def __init__(self, message, detail=""):
        super().__init__(message)
        self.message = message
        self.detail = detail


def current_actor():
    if api.user.is_anonymous():
        return "applicant"
    return api.user.get_current().getId()


def compute(app, today=None, extra_events=()):
    """The DeadlineResult of a case (raises CalendarCoverageError, ValueError)."""
    today = today or site_today()
    calendar = get_site_calendar()
    events = cap_consultations(
        list(app.engine_events()) + list(extra_events), calendar, today
    )
    return compute_deadlines(
        events, calendar, today=today, settings=deadline_settings()
    )


def consultation_window_end(event, calendar=None):
    """Last day of the consulted party's 15 working days (art. 32, art. 34).

    Counted from the day the consultation letter reached the party
    (``delivered``; the sending day when not recorded), that day being day 0.
    """
    calendar = calendar or get_site_calendar()
    start = event.get("delivered") or event["date"]
    if isinstance(start, str):
        start = date.fromisoformat(start)
    return calendar.add_working_days(start, CONSULTATION_WINDOW_DAYS)


def cap_consultations(events, calendar, today):
    """Consultation pauses end at the end of the party's answer window.

    Art. 33(3) excludes the time needed to consult; art. 32 and art. 34 give
    the consulted party 15 working days, after which silence has its legal
    effect (art. 32: the agency decides; art. 34: deemed consent). So the
    reply clock stops at most until the window's last day: a later answer is
    counted as if given on that day, and a consultation still open after it
    no longer pauses the clock.
    """
    ordered = sorted(
        enumerate(events), key=lambda item: (_as_day(item[1]["date"]), item[0])
    )
    result, open_ = [], []
    for _index, event in ordered:
        if event["type"] == "consultation_started":
            open_.append(
                (event.get("party", ""), consultation_window_end(event, calendar))
            )
        elif event["type"] == "consultation_ended" and open_:
            party = event.get("party", "")
            match = next(
                (item for item in open_ if not party or item[0] == party), open_[0]
            )
            open_.remove(match)
            if _as_day(event["date"]) > match[1]:
                event = {**event, "date": match[1], "capped": True}
        result.append(event)
    for party, window_end in open_:
        if window_end < today:
            result.append(
                {"type": "consultation_ended", "date": window_end, "party": party}
            )
    return result


def _as_day(value):
    return date.fromisoformat(value) if isinstance(value, str) else value


def safe_compute(app, today=None):
    """(result, error text): never raises, for views and indexers."""
    try:
        return compute(app, today=today), ""
    except CalendarCoverageError as exc:
        return None, f"日历数据缺失：{exc.year} 年的节假日安排尚未录入，无法计算期限。"
    except ValueError as exc:
        return None, f"事件记录有误，无法计算期限：{exc}"


def deadlines_json(app):
    result, error = safe_compute(app)
    if result is None:
        return {"error": error}
    return json_compatible(
        {
            "received": result.received,
            "reply_deadline": result.reply_deadline,
            "correction_notice_deadline": result.correction_notice_deadline,
            "status": result.status,
            "working_days_left": result.working_days_left,
            "paused": result.paused,
            "waiting_for": result.waiting_for,
            "reply_days": result.reply_days,
            "closed_on": result.closed_on,
            "replied_on_time": result.replied_on_time,
            "explanations": result.explanations,
            "warnings": result.warnings,
            "calendar_version": result.calendar_version,
        }
    )


# Creation --------------------------------------------------------------------


def initialise(app, event=None):
    """IObjectAddedEvent: tracking code, title and the 'received' event."""
    if app.__dict__.get("_initialised"):
        return
    app._initialised = True
    app.normalize_personal_data()
    if not app.tracking_code:
        app.tracking_code = unique_tracking_code()
    received = app.received_date or site_today()
    app.received_date = received
    if not app.title:
        app.title = f"政府信息公开申请 {received:%Y%m%d}-{secrets.token_hex(2)}"
    app.add_event(
        "received",
        received,
        current_actor(),
        note=_channel_note(app.channel),
        channel=app.channel or "",
    )
    issue_receipt(app)
    app.reindexObject()


def issue_receipt(app):
    """The 受理回执: tracking code, receipt day as art. 31 counts it, reply
    deadline and how to look the case up. Stored on the case (kind "receipt")."""
    result, _error = safe_compute(app)
    if result is not None and result.reply_deadline:
        deadline = _cn(result.reply_deadline)
    else:
        deadline = "收到申请之日起20个工作日内"
    channel, rule = "", ""
    if app.channel:
        try:
            data = term_data(APPLICATION_CHANNELS, app.channel)
        except LookupError:
            data = {}
        channel = data.get("title", "")
        rule = data.get("receipt_rule_text", "")
    return issue_notice(
        app,
        "receipt",
        app.received_date,
        current_actor(),
        channel=channel or "其他",
        receipt_rule=rule or "以本机关收到申请之日为准",
        reply_deadline=deadline,
        tracking_code=app.tracking_code,
        lookup_url=f"{api.portal.get().absolute_url()}/@@application-lookup",
    )


FINGERPRINT_FIELDS = (
    "applicant_type",
    "id_type",
    "applicant_name",
    "id_number",
    "phone",
    "email",
    "address",
    "description",
    "provision_form",
    "obtain_method",
)


def submission_fingerprint(data):
    """A hash of an online application's normalised content."""
    parts = []
    for name in FINGERPRINT_FIELDS:
        value = normalize_digits(data.get(name) or "")
        if name in ("phone", "id_number"):
            value = normalize_id_number(value)
        parts.append(" ".join(value.split()).casefold())
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def find_recent_duplicate(agency, data, now=None):
    """The case of an identical online application to ``agency`` within the
    window (setting ``duplicate_submission_window_minutes``), or None."""
    minutes = api.portal.get_registry_record(
        "tongliao.disclosure.duplicate_submission_window_minutes", default=30
    )
    if not minutes:
        return None
    fingerprint = submission_fingerprint(data)
    now = now or DateTime()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="DisclosureApplication",
        path={"query": "/".join(agency.getPhysicalPath()), "depth": 1},
        created={"query": now - minutes / 1440.0, "range": "min"},
    )
    for brain in brains:
        app = brain._unrestrictedGetObject()
        # getattr, not __dict__: a case just loaded from the ZODB is a ghost.
        if getattr(aq_base(app), "_submission_fingerprint", None) == fingerprint:
            return app
    return None


def normalize_on_modify(app, event=None):
    """IObjectModifiedEvent: keep phone and ID number in their stored form."""
    app.normalize_personal_data()


def _channel_note(channel):
    if not channel:
        return ""
    data = term_data(APPLICATION_CHANNELS, channel)
    return f"{data['title']}：{data.get('receipt_rule_text', '')}"


# Rules the actions apply (actions.py) -----------------------------------------


def _require(condition, message):
    if not condition:
        raise ActionError(message)


def _check_history(app, event):
    """The DeadlineResult with ``event`` added; ActionError when it does not fit."""
    try:
        return compute(app, today=event["date"], extra_events=[event])
    except CalendarCoverageError as exc:
        raise ActionError(
            _("The working-day calendar has no data for this year."), str(exc)
        ) from exc
    except ValueError as exc:
        raise ActionError(
            _("This action does not fit the history of the case."), str(exc)
        ) from exc


def extension_max_days():
    """The longest extension an approver may grant (setting, within the law)."""
    value = api.portal.get_registry_record(
        "tongliao.disclosure.extension_max_days", default=LEGAL_EXTENSION_MAX_DAYS
    )
    if not isinstance(value, int) or isinstance(value, bool):
        return LEGAL_EXTENSION_MAX_DAYS
    return max(1, min(value, LEGAL_EXTENSION_MAX_DAYS))


def extension_days(params):
    """The extension asked for in ``params['days']``; ActionError when it is not
    a whole number of working days within the maximum."""
    maximum = extension_max_days()
    message = _("An extension is 1 to ${max} working days.", mapping={"max": maximum})
    days = _int_param(params, "days", 0, _("Enter a whole number."))
    _require(1 <= days <= maximum, message)
    return days


def _int_param(params, name, default, message):
    """A whole number from a form or REST value; ActionError otherwise."""
    value = params.get(name)
    if value in (None, ""):
        return default
    if isinstance(value, bool):
        raise ActionError(message)
    if isinstance(value, int):
        return value
    text = normalize_digits(str(value)).strip()
    if not text.isascii() or not text.lstrip("-").isdigit():
        raise ActionError(message)
    return int(text)


def date_param(params, name, message):
    """A date from a form or REST value (None when empty); ActionError otherwise."""
    return _date_param(params, name, message)


def _date_param(params, name, message):
    value = params.get(name)
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(normalize_digits(str(value)).strip())
    except ValueError:
        raise ActionError(message) from None


def _cn(day):
    return f"{day.year}年{day.month}月{day.day}日"


def _delivery(app, params):
    """How a notice goes to the applicant: a channel token (default: the case's)."""
    channel = params.get("delivery") or app.channel or "in_person"
    try:
        term_data(APPLICATION_CHANNELS, channel)
    except LookupError:
        raise ActionError(_("Choose how the notice is delivered.")) from None
    return channel


def same_day_receipt_channels():
    """Channels on which a notice counts as received on the day it is sent.

    A setting (``notice_receipt_same_day_channels``), default in person only:
    the rules of art. 31 for receiving an application, applied to notices.
    For mail the applicant's signing day, for online, e-mail or fax the day
    both sides confirm, is recorded with the 'notice received' action.
    """
    value = api.portal.get_registry_record(
        "tongliao.disclosure.notice_receipt_same_day_channels", default=None
    )
    return ("in_person",) if value is None else tuple(value)


def notice_receipt(app, kind):
    """The day the applicant received the latest notice of ``kind``, or None.

    ``kind`` is "correction" or "fee".
    """
    sent = app.last_event(NOTICE_EVENTS[kind])
    if sent is None:
        return None
    received_on = sent["data"].get("received_on")
    if received_on:
        return date.fromisoformat(received_on)
    for event in reversed(app.get_events()):
        if event["type"] == "notice_received" and event["data"].get("kind") == kind:
            return event["date"]
    return None


NOTICE_EVENTS = {"correction": "correction_requested", "fee": "fee_notice_sent"}


def correction_period_end(app):
    """Last day of the 补正 period, or None while its receipt is unknown.

    The notice gives the period in working days from the day the applicant
    receives it (art. 30); that day is day 0.
    """
    requested = app.last_event("correction_requested")
    receipt = notice_receipt(app, "correction")
    if requested is None or receipt is None:
        return None
    period = requested["data"].get("period_days") or CORRECTION_PERIOD_DEFAULT
    return get_site_calendar().add_working_days(receipt, period)


def fee_payment_days():
    return api.portal.get_registry_record(
        "tongliao.disclosure.fee_payment_working_days", default=20
    )


def fee_payment_end(app):
    """Last day to pay: the n-th working day after the applicant received the
    fee notice (国办函〔2020〕109号: n = 20, counted from the next day)."""
    receipt = notice_receipt(app, "fee")
    if receipt is None:
        return None
    return get_site_calendar().add_working_days(receipt, fee_payment_days())


def closure_basis(app, outcome, day):
    """The legal basis of closing the case as ``outcome`` on ``day``.

    Returns a Chinese text for the case and the notice; raises ActionError
    with a translated message when the legal condition is not met (yet).
    """
    if outcome in ("no_correction", "still_unclear"):
        requested = app.last_event("correction_requested")
        _require(
            requested is not None, _("No correction notice was sent in this case.")
        )
        corrected = app.last_event("correction_received")
        if outcome == "still_unclear":
            _require(
                corrected is not None and corrected["date"] <= day,
                _(
                    "A case is closed as 'still unclear' only after the corrected "
                    "application was received."
                ),
            )
            return (
                f"本机关于{_cn(requested['date'])}向您发出补正告知书，并于"
                f"{_cn(corrected['date'])}收到补正后的申请，经审查，补正后申请内容"
                f"仍不明确。根据{REGULATION}第三十条的规定，本机关无法提供。"
            )
        _require(
            corrected is None,
            _(
                "The corrected application was received: the case cannot be "
                "closed as 'no correction'."
            ),
        )
        receipt = notice_receipt(app, "correction")
        _require(
            receipt is not None,
            _(
                "Record the day the applicant received the correction notice "
                "before closing the case."
            ),
        )
        end = correction_period_end(app)
        if day <= end:
            raise ActionError(
                _(
                    "The correction period runs until ${date}: the case can be "
                    "closed as 'no correction' from the next day.",
                    mapping={"date": end.isoformat()},
                )
            )
        period = requested["data"].get("period_days") or CORRECTION_PERIOD_DEFAULT
        return (
            f"本机关于{_cn(requested['date'])}向您发出补正告知书，您于"
            f"{_cn(receipt)}收到，补正期限为{period}个工作日，已于{_cn(end)}届满，"
            "期间本机关未收到补正后的申请。根据"
            f"{REGULATION}第三十条的规定，视为放弃申请，本机关不再处理该政府信息"
            "公开申请。"
        )
    if outcome == "no_fee":
        sent = app.last_event("fee_notice_sent")
        _require(sent is not None, _("No fee notice was sent in this case."))
        _require(
            not app.has_event("fee_paid"),
            _("The fee was paid: the case cannot be closed as 'fee not paid'."),
        )
        receipt = notice_receipt(app, "fee")
        _require(
            receipt is not None,
            _(
                "Record the day the applicant received the fee notice before "
                "closing the case."
            ),
        )
        end = fee_payment_end(app)
        if day <= end:
            raise ActionError(
                _(
                    "The payment period runs until ${date}: the case can be closed "
                    "as 'fee not paid' from the next day.",
                    mapping={"date": end.isoformat()},
                )
            )
        return (
            f"本机关于{_cn(sent['date'])}向您发出收费通知，您于{_cn(receipt)}收到，"
            f"缴费期限为收到通知次日起{fee_payment_days()}个工作日，已于{_cn(end)}"
            f"届满，期间未收到您缴纳的信息处理费。根据{FEE_RULES}的规定，视为放弃"
            "申请，本机关不再处理该政府信息公开申请。"
        )
    return ""


def ready_to_close(app, day=None):
    """[(outcome, basis)] of the checked closures lawful on ``day`` (today)."""
    day = day or site_today()
    if api.content.get_state(app) not in OPEN_STATES:
        return []
    result = []
    for outcome in ("no_correction", "no_fee"):
        try:
            result.append((outcome, closure_basis(app, outcome, day)))
        except ActionError:
            continue
    return result


def approver_name(user):
    return (user.getProperty("fullname", "") or "").strip() or user.getId()


def consultation_rows(app, today=None):
    """Each consultation of a case with its answer window and overdue flag."""
    today = today or site_today()
    rows, open_ = [], []
    for event in app.get_events():
        if event["type"] == "consultation_started":
            window_end = consultation_window_end(
                {"date": event["date"], **event["data"]}
            )
            row = {
                "party": event["data"].get("party", ""),
                "basis": "第三十四条"
                if event["data"].get("basis") == "agency"
                else "第三十二条",
                "sent": event["date"].isoformat(),
                "window_end": window_end.isoformat(),
                "ended": "",
                "answer": "",
                "decision": "",
                "overdue": False,
            }
            rows.append(row)
            open_.append((row, window_end))
        elif event["type"] == "consultation_ended" and open_:
            party = event["data"].get("party", "")
            match = next(
                (item for item in open_ if item[0]["party"] == party), open_[0]
            )
            open_.remove(match)
            match[0].update(
                ended=event["date"].isoformat(),
                answer="逾期未回复"
                if event["data"].get("answer") == "silence"
                else "已回复",
                decision=event["data"].get("decision", ""),
            )
    for row, window_end in open_:
        row["overdue"] = today > window_end
    return rows


def paused_due(app, today=None):
    """{"due": ISO date or text, "overdue": bool} of a paused case.

    Awaiting correction: the end of the correction period (unknown until the
    applicant's receipt of the notice is recorded). Consulting: the end of
    the earliest open consultation window.
    """
    today = today or site_today()
    state = api.content.get_state(app)
    if state == "awaiting_correction":
        end = correction_period_end(app)
        if end is None:
            return {"due": "待登记补正告知书送达日", "overdue": False}
        return {"due": end.isoformat(), "overdue": today > end}
    if state == "consulting":
        open_rows = [row for row in consultation_rows(app, today) if not row["ended"]]
        if open_rows:
            row = min(open_rows, key=lambda row: row["window_end"])
            return {"due": row["window_end"], "overdue": row["overdue"]}
    return {"due": "", "overdue": False}


def on_the_spot_statistics(container, year):
    """{"replied": n, "on_the_spot": m}: replies of ``year`` and how many of
    them were given on the spot (当场答复, art. 33(1))."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="DisclosureApplication",
        path="/".join(container.getPhysicalPath()),
        replied_date={"query": [f"{year}-01-01", f"{year}-12-31"], "range": "min:max"},
    )
    on_the_spot = 0
    for brain in brains:
        event = brain._unrestrictedGetObject().last_event("replied")
        if event and event["data"].get("on_the_spot"):
            on_the_spot += 1
    return {"replied": len(brains), "on_the_spot": on_the_spot}


# Cases ready to close --------------------------------------------------------


def cases_ready_to_close(container=None, today=None):
    """[(case, outcome, basis)] of open cases a checked closure is lawful for.

    Nothing is closed here: an officer confirms each closure on the case.
    """
    today = today or site_today()
    catalog = api.portal.get_tool("portal_catalog")
    base = {"portal_type": "DisclosureApplication"}
    if container is not None:
        base["path"] = "/".join(container.getPhysicalPath())
    brains = list(
        catalog.unrestrictedSearchResults(review_state="awaiting_correction", **base)
    ) + list(
        catalog.unrestrictedSearchResults(
            review_state=["registered", "processing", "consulting"],
            fee_pending=True,
            **base,
        )
    )
    found = []
    for brain in brains:
        app = brain._unrestrictedGetObject()
        for outcome, basis in ready_to_close(app, today):
            found.append((app, outcome, basis))
    return found


def protect_case_files(app, event=None):
    """IContainerModifiedEvent of a case: items added inside it (evidence) are
    viewable only by holders of the applicant data."""
    roles = ["DisclosureOfficer", "Manager"]
    for obj in app.objectValues():
        if getattr(aq_base(obj), "_case_file_protected", False):
            continue
        for permission in ("View", "Access contents information"):
            obj.manage_permission(permission, roles=roles, acquire=False)
        obj._case_file_protected = True


# Public status lookup ----------------------------------------------------------

NOT_FOUND_MESSAGE = "未找到与该查询码和手机号后四位相符的申请，请核对后重试。"
# The same message for the lookup page, translated (zh_CN: NOT_FOUND_MESSAGE).
NOT_FOUND_MSGID = _(
    "No application matches this tracking code and the last four digits of "
    "the phone. Check them and try again."
)


def find_case(code, tail):
    """The application opened by (tracking code, phone tail), or None (at least
    LOOKUP_FLOOR_SECONDS either way)."""
    return find_by_code("DisclosureApplication", code, tail)


def public_status(app, code, tail):
    """What the applicant may see: state, dates, outcome, notices (no names)."""
    state = api.content.get_state(app)
    result, error = safe_compute(app)
    portal_url = api.portal.get().absolute_url()

    def listed(entry):
        query = urlencode({"token": make_token(app, entry["id"])})
        url = f"{portal_url}/@@application-notice?{query}"
        return {
            "id": entry["id"],
            "title": entry["title"],
            "number": entry.get("number", ""),
            "date": entry["date"].isoformat(),
            "url": url,
            "pdf_url": f"{url}&format=pdf",
        }

    notices = [listed(entry) for entry in app.stored_files("notice")]
    receipts = [listed(entry) for entry in app.stored_files("receipt")]
    outcome = None
    if app.outcome:
        outcome = {
            "token": app.outcome,
            "title": application_outcome(app.outcome)["title"],
        }
    return {
        "state": state,
        "state_title": case_state_title(state),
        "agency": app.__parent__.Title(),
        "received_date": app.received_date.isoformat(),
        "reply_deadline": (
            result.reply_deadline.isoformat()
            if result is not None and result.reply_deadline and state in OPEN_STATES
            else None
        ),
        "paused": bool(result and result.paused and state in OPEN_STATES),
        "outcome": outcome,
        "notices": notices,
        "receipt": receipts[0] if receipts else None,
        "deadline_error": bool(error),
    }
