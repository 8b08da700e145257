"""Handling of a DisclosureApplication: every action is an event plus, where
the case changes state, a transition of ``disclosure_application_workflow``.

The functions here check the history with the deadline engine *before*
anything is stored, so an impossible history (a second 补正, an extension
beyond 20 working days …) is refused with a clear error and nothing changes.
"""

from datetime import date
from plone import api
from plone.restapi.serializer.converters import json_compatible
from tongliao.disclosure import _
from tongliao.disclosure.applications.content import IDisclosureApplication
from tongliao.disclosure.applications.content import new_tracking_code
from tongliao.disclosure.applications.content import tracking_code_hash
from tongliao.disclosure.applications.fees import compute_fee
from tongliao.disclosure.applications.notices import issue_notice
from tongliao.disclosure.applications.notices import send_notice_mail
from tongliao.disclosure.calendar import deadline_settings
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.deadlines import CalendarCoverageError
from tongliao.disclosure.deadlines import compute_deadlines
from tongliao.disclosure.vocabularies import APPLICATION_CHANNELS
from tongliao.disclosure.vocabularies import application_outcome
from tongliao.disclosure.vocabularies import term_data
from urllib.parse import urlencode

import secrets


WORKFLOW_ID = "disclosure_application_workflow"
OPEN_STATES = ("registered", "awaiting_correction", "processing", "consulting")
CLOCK_STATES = ("registered", "processing")

# action -> (workflow transition or None, engine event type or None)
ACTIONS = {
    "accept": ("accept", None),
    "request_correction": ("request_correction", "correction_requested"),
    "receive_correction": ("receive_correction", "correction_received"),
    "start_consultation": ("start_consultation", "consultation_started"),
    "end_consultation": ("end_consultation", "consultation_ended"),
    "extend": (None, "extension"),
    "fee_notice": (None, "fee_notice_sent"),
    "fee_paid": (None, "fee_paid"),
    "reply": ("reply", "replied"),
    "withdraw": ("withdraw", "withdrawn"),
    "archive": ("archive", "archived"),
}

STATE_TITLES = {
    "registered": "已登记",
    "awaiting_correction": "待补正",
    "processing": "办理中",
    "consulting": "征求意见中",
    "replied": "已答复",
    "archived": "已归档",
    "withdrawn": "已撤回",
}


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
    return compute_deadlines(
        list(app.engine_events()) + list(extra_events),
        get_site_calendar(),
        today=today or site_today(),
        settings=deadline_settings(),
    )


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


def unique_tracking_code():
    catalog = api.portal.get_tool("portal_catalog")
    while True:
        code = new_tracking_code()
        if not catalog.unrestrictedSearchResults(
            tracking_code_hash=tracking_code_hash(code)
        ):
            return code


def initialise(app, event=None):
    """IObjectAddedEvent: tracking code, title and the 'received' event."""
    if app.__dict__.get("_initialised"):
        return
    app._initialised = True
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
    app.reindexObject()


def _channel_note(channel):
    if not channel:
        return ""
    data = term_data(APPLICATION_CHANNELS, channel)
    return f"{data['title']}：{data.get('receipt_rule_text', '')}"


# Actions ---------------------------------------------------------------------


def _require(condition, message):
    if not condition:
        raise ActionError(message)


def _check_history(app, event):
    try:
        compute(app, today=event["date"], extra_events=[event])
    except CalendarCoverageError as exc:
        raise ActionError(
            _("The working-day calendar has no data for this year."), str(exc)
        ) from exc
    except ValueError as exc:
        raise ActionError(
            _("This action does not fit the history of the case."), str(exc)
        ) from exc


RUNNER_ROLE = "ApplicationWorkflowRunner"


def available_transitions(app):
    """Transitions of the state (only the runner role may fire them)."""
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles([RUNNER_ROLE]):
        return {item["id"] for item in workflow.getTransitionsFor(app)}


def _transition(app, transition):
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles([RUNNER_ROLE, "Manager"]):
        workflow.doActionFor(app, transition)


def perform(app, action, day=None, note="", **params):
    """Do one action on a case as the current user; returns the event stored.

    Raises ActionError (nothing is stored) when the action is impossible.
    """
    if action not in ACTIONS:
        raise ActionError(_("Unknown action."))
    _require(
        api.user.has_permission("tongliao.disclosure: Handle application", obj=app),
        _("You may not handle this application."),
    )
    transition, engine_type = ACTIONS[action]
    day = day or site_today()
    _require(isinstance(day, date), _("Enter a valid date."))
    _require(day <= site_today(), _("The date cannot be later than today."))
    _require(day >= app.received_date, _("The date cannot be before the receipt."))
    state = api.content.get_state(app)
    if transition:
        _require(
            transition in available_transitions(app),
            _("This action is not possible in the current state."),
        )
    actor = current_actor()
    data = {}
    notice_kind, notice_values, outcome = None, {}, None

    if action == "request_correction":
        items = (params.get("items") or "").strip()
        _require(items, _("List what the applicant must correct."))
        period = int(params.get("period_days") or 15)
        _require(1 <= period <= 60, _("The correction period must be 1 to 60 days."))
        data = {"items": items, "period_days": period}
        notice_kind = "correction"
        notice_values = {"correction_items": items, "correction_period": period}
    elif action == "start_consultation":
        party = (params.get("party") or "").strip()
        _require(party, _("Name the party consulted."))
        basis = params.get("basis") or "third_party"
        _require(basis in ("third_party", "agency"), _("Unknown consultation basis."))
        data = {"party": party, "basis": basis}
    elif action == "end_consultation":
        last = app.last_event("consultation_started")
        data = {"party": last["data"].get("party", "")} if last else {}
    elif action == "extend":
        _require(state in OPEN_STATES, _("Only an open case can be extended."))
        approver = (params.get("approver") or "").strip()
        reason = (params.get("reason") or "").strip()
        _require(approver, _("Name the head who approved the extension."))
        _require(reason, _("Give the reason for the extension."))
        try:
            days = int(params.get("days") or 0)
        except (TypeError, ValueError):
            days = 0
        _require(1 <= days <= 20, _("An extension is 1 to 20 working days."))
        data = {"days": days, "approver": approver, "reason": reason}
        notice_kind = "extension"
    elif action == "fee_notice":
        _require(state in ("registered", "processing"), _("Fees apply to open cases."))
        _require(
            not app.has_event("fee_notice_sent"),
            _("A fee notice was already sent for this case."),
        )
        method = params.get("method")
        try:
            if method == "by_items":
                fee = compute_fee(
                    method,
                    previous_items_this_month=int(params.get("previous_items") or 0),
                    new_items=int(params.get("quantity") or 0),
                )
            else:
                fee = compute_fee(method, pages=int(params.get("quantity") or 0))
        except (TypeError, ValueError):
            raise ActionError(_("Enter a valid fee method and quantity.")) from None
        _require(fee.amount > 0, _("The fee is 0 yuan: no fee notice is needed."))
        payment_days = api.portal.get_registry_record(
            "tongliao.disclosure.fee_payment_working_days", default=20
        )
        payment_deadline = get_site_calendar().add_working_days(day, payment_days)
        data = {
            "method": fee.method,
            "quantity": fee.quantity,
            "amount": fee.amount,
            "breakdown": fee.breakdown,
            "payment_deadline": payment_deadline.isoformat(),
        }
        notice_kind = "fee"
        notice_values = {
            "fee_amount": fee.amount,
            "fee_breakdown": fee.breakdown,
            "payment_deadline": f"{payment_deadline:%Y年%-m月%-d日}",
        }
    elif action == "fee_paid":
        _require(
            app.has_event("fee_notice_sent") and not app.has_event("fee_paid"),
            _("There is no unpaid fee notice."),
        )
    elif action == "reply":
        outcome = params.get("outcome")
        try:
            application_outcome(outcome)
        except LookupError:
            raise ActionError(_("Choose the outcome of the reply.")) from None
        if state == "awaiting_correction":
            _require(
                outcome == "no_correction",
                _("While a correction is awaited the only reply is 'no correction'."),
            )
        reasons = (params.get("reasons") or "").strip()
        _require(
            reasons or outcome == "granted",
            _("Give the reasons of the reply."),
        )
        data = {"outcome": outcome}
        notice_kind = "reply"
        notice_values = {"reasons": reasons}

    event = {"type": engine_type, "date": day, **data} if engine_type else None
    if event:
        _check_history(app, event)
    if action == "extend":
        result = compute(app, today=day, extra_events=[event])
        notice_values = {
            "extension_days": data["days"],
            "new_deadline": f"{result.reply_deadline:%Y年%-m月%-d日}",
            "reasons": data["reason"],
        }

    stored = app.add_event(engine_type or action, day, actor, note=note, **data)
    if outcome:
        app.outcome = outcome
    if notice_kind:
        file_id = issue_notice(
            app, notice_kind, day, actor, outcome=outcome, **notice_values
        )
        stored["data"]["notice"] = file_id
        app._p_changed = True
        if send_notice_mail(app, file_id):
            stored["data"]["mailed"] = True
    if transition:
        _transition(app, transition)
    app.reindexObject()
    return stored


# Fee expiry ------------------------------------------------------------------


def expire_unpaid_fees(container=None, today=None):
    """Close cases whose fee notice is unpaid after the payment period (no_fee).

    Returns the paths of the cases closed. Runs with the officer's rights the
    caller has, or elevated when called from a maintenance view.
    """
    today = today or site_today()
    calendar = get_site_calendar()
    catalog = api.portal.get_tool("portal_catalog")
    query = {
        "portal_type": "DisclosureApplication",
        "review_state": ["registered", "processing"],
        "fee_pending": True,
    }
    if container is not None:
        query["path"] = "/".join(container.getPhysicalPath())
    closed = []
    for brain in catalog.unrestrictedSearchResults(**query):
        app = brain._unrestrictedGetObject()
        notice = app.last_event("fee_notice_sent")
        if notice is None or app.has_event("fee_paid"):
            continue
        deadline = calendar.add_working_days(
            notice["date"],
            api.portal.get_registry_record(
                "tongliao.disclosure.fee_payment_working_days", default=20
            ),
        )
        if today <= deadline:
            continue
        with api.env.adopt_roles(["Manager"]):
            perform(
                app,
                "reply",
                day=today,
                outcome="no_fee",
                reasons=(
                    f"您未在收费通知规定的期限（{deadline:%Y年%-m月%-d日}前）内"
                    "缴纳信息处理费，视为放弃申请。"
                ),
                note="逾期未缴费，系统自动结案",
            )
        closed.append(brain.getPath())
    return closed


def protect_case_file(obj, event):
    """Evidence added inside a case: View only for holders of the applicant data."""
    parent = getattr(obj, "__parent__", None)
    if IDisclosureApplication.providedBy(obj) or not IDisclosureApplication.providedBy(
        parent
    ):
        return
    roles = ["DisclosureOfficer", "Manager"]
    for permission in ("View", "Access contents information"):
        obj.manage_permission(permission, roles=roles, acquire=False)


# Public status lookup ----------------------------------------------------------

NOT_FOUND_MESSAGE = "未找到与该查询码和手机号后四位相符的申请，请核对后重试。"


def find_case(code, tail):
    """The case opened by (tracking code, phone tail), or None.

    Unknown code and wrong tail take the same path and give the same None.
    """
    catalog = api.portal.get_tool("portal_catalog")
    digest = tracking_code_hash(code) or "-"
    brains = catalog.unrestrictedSearchResults(
        portal_type="DisclosureApplication", tracking_code_hash=digest
    )
    for brain in brains:
        app = brain._unrestrictedGetObject()
        if app.matches(code, tail):
            return app
    return None


def public_status(app, code, tail):
    """What the applicant may see: state, dates, outcome, notices (no names)."""
    state = api.content.get_state(app)
    result, error = safe_compute(app)
    portal_url = api.portal.get().absolute_url()
    notices = []
    for entry in app.stored_files("notice"):
        query = urlencode({"code": code, "phone_tail": tail, "id": entry["id"]})
        notices.append(
            {
                "id": entry["id"],
                "title": entry["title"],
                "date": entry["date"].isoformat(),
                "url": f"{portal_url}/@@application-notice?{query}",
            }
        )
    outcome = None
    if app.outcome:
        outcome = {
            "token": app.outcome,
            "title": application_outcome(app.outcome)["title"],
        }
    return {
        "state": state,
        "state_title": STATE_TITLES.get(state, state),
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
        "deadline_error": bool(error),
    }
