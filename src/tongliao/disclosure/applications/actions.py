"""Case actions declared as data.

Each action an officer can take on a DisclosureApplication is one
``CaseAction``: its title, the workflow transition and engine event it
records, its small schema (the labelled fields of its form, ``Field``), when
it is possible (``available``), who may do it, and a handler that checks the
officer's input against the case and the law and says what to store (event
data, the notice to issue, the outcome). ``perform`` runs the steps every
action shares: permission, date, state, the history check with the deadline
engine *before* anything is stored, the event, the notice and its mail, the
transition. The case page (``browser/procedure.py``), ``@@application-action``
and the ``@case-actions`` REST service are built from this table.
"""

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from plone import api
from tongliao.disclosure import _
from tongliao.disclosure.applications.fees import compute_fee
from tongliao.disclosure.applications.notices import issue_notice
from tongliao.disclosure.applications.notices import REPLY_VARIANTS
from tongliao.disclosure.applications.notices import send_notice_mail
from tongliao.disclosure.applications.remedies import PROCEEDINGS
from tongliao.disclosure.applications.remedies import proceedings
from tongliao.disclosure.applications.remedies import RESULTS
from tongliao.disclosure.applications.workflow import _check_history
from tongliao.disclosure.applications.workflow import _cn
from tongliao.disclosure.applications.workflow import _date_param
from tongliao.disclosure.applications.workflow import _delivery
from tongliao.disclosure.applications.workflow import _int_param
from tongliao.disclosure.applications.workflow import _require
from tongliao.disclosure.applications.workflow import ActionError
from tongliao.disclosure.applications.workflow import APPROVE_EXTENSION
from tongliao.disclosure.applications.workflow import approver_name
from tongliao.disclosure.applications.workflow import closure_basis
from tongliao.disclosure.applications.workflow import CONSULTATION_TEXTS
from tongliao.disclosure.applications.workflow import consultation_window_end
from tongliao.disclosure.applications.workflow import CORRECTION_PERIOD_DEFAULT
from tongliao.disclosure.applications.workflow import current_actor
from tongliao.disclosure.applications.workflow import extension_days
from tongliao.disclosure.applications.workflow import fee_payment_days
from tongliao.disclosure.applications.workflow import HANDLE_APPLICATION
from tongliao.disclosure.applications.workflow import NOTICE_EVENTS
from tongliao.disclosure.applications.workflow import notice_receipt
from tongliao.disclosure.applications.workflow import OPEN_STATES
from tongliao.disclosure.applications.workflow import same_day_receipt_channels
from tongliao.disclosure.applications.workflow import VARIANT_FIELD_MESSAGES
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.casehistory import available_transitions
from tongliao.disclosure.casehistory import fire
from tongliao.disclosure.deadlines import EVENT_TYPES
from tongliao.disclosure.vocabularies import application_outcome

import types


BAD_NUMBER = _("Enter a whole number.")
BAD_DATE = _("Enter a valid date.")
NOT_ALLOWED = _("You may not handle this application.")
FEE_STATES = ("registered", "processing")


# The schema: every field an action's form may have ---------------------------


@dataclass(frozen=True)
class Field:
    """One labelled input of an action's form.

    ``widget`` is text, textarea, number, select or date; ``choices`` are the
    fixed (token, title msgid) pairs of a select (the case page adds the
    choices that depend on the case: delivery channels, notices, outcomes).
    """

    name: str
    label: str
    widget: str = "text"
    default: str = ""
    choices: tuple = ()


FIELDS = {
    item.name: item
    for item in (
        Field("items", _("What the applicant must correct"), "textarea"),
        Field(
            "period_days",
            _("Correction period (working days)"),
            "number",
            str(CORRECTION_PERIOD_DEFAULT),
        ),
        Field("delivery", _("Delivered by"), "select"),
        Field("kind", _("Notice received by the applicant"), "select"),
        Field("party", _("Party consulted")),
        Field(
            "basis",
            _("Basis of the consultation"),
            "select",
            "third_party",
            (
                ("third_party", _("Third party (art. 32)")),
                ("agency", _("Other agency (art. 34)")),
            ),
        ),
        Field("delivered", _("Letter delivered on"), "date"),
        Field(
            "answer",
            _("Answer"),
            "select",
            "answered",
            (
                ("answered", _("The party answered")),
                ("silence", _("No answer within the window")),
            ),
        ),
        Field("decision", _("Decision on silence")),
        Field("days", _("Extension (working days)"), "number"),
        Field("reason", _("Reason for the extension")),
        Field(
            "method",
            _("Fee method"),
            "select",
            "by_pages",
            (("by_pages", _("By volume (pages)")), ("by_items", _("By item"))),
        ),
        Field("quantity", _("Number of items or pages"), "number"),
        Field("previous_items", _("Items already counted this month"), "number", "0"),
        Field("outcome", _("Outcome"), "select"),
        Field(
            "variant",
            _("Kind of reply notice"),
            "select",
            "",
            (
                ("", _("Standard notice of the outcome")),
                (
                    "already_public",
                    _("Already public: where to obtain it (art. 36(1))"),
                ),
                (
                    "not_this_agency",
                    _("Not this agency: the responsible agency (art. 36(5))"),
                ),
            ),
        ),
        Field(
            "public_location",
            _("Where and how the published information is found (art. 36(1))"),
        ),
        Field("competent_agency", _("Responsible agency (art. 36(5))")),
        Field("competent_agency_contact", _("Its contact (art. 36(5))")),
        Field("reasons", _("Reasons"), "textarea"),
        Field(
            "proceeding",
            _("Proceeding"),
            "select",
            "review",
            tuple(PROCEEDINGS.items()),
        ),
        Field("organ", _("Review organ or court")),
        Field("result", _("Result"), "select", "upheld", tuple(RESULTS.items())),
    )
}


# What a handler works on -----------------------------------------------------


@dataclass
class Step:
    """One action being done: the handler reads the case and the officer's
    input and fills in what ``perform`` stores."""

    app: object
    day: date
    state: str
    params: dict
    data: dict = field(default_factory=dict)
    notice: str | None = None
    notice_values: dict = field(default_factory=dict)
    outcome: str | None = None
    # The DeadlineResult with the new event, once the history is checked.
    result: object = None

    def text(self, name):
        value = self.params.get(name)
        return "" if value is None else str(value).strip()

    def number(self, name, default, message=BAD_NUMBER):
        return _int_param(self.params, name, default, message)

    def issue(self, kind, **values):
        self.notice = kind
        self.notice_values.update(values)


def _always(app, state, transitions):
    return True


@dataclass(frozen=True)
class CaseAction:
    """One step of the procedure: its form, its rule and what it records."""

    name: str
    title: str
    transition: str | None = None
    event: str | None = None
    fields: tuple = ()
    handler: Callable | None = None
    # After the history check (the new deadlines are known): fill the notice.
    finish: Callable | None = None
    available: Callable = _always
    permission: str = HANDLE_APPLICATION
    denied: str = NOT_ALLOWED

    @property
    def form_fields(self):
        return tuple(FIELDS[name] for name in self.fields)


# The handlers ----------------------------------------------------------------


def request_correction(step):
    items = step.text("items")
    _require(items, _("List what the applicant must correct."))
    period = step.number("period_days", CORRECTION_PERIOD_DEFAULT)
    _require(1 <= period <= 60, _("The correction period must be 1 to 60 days."))
    delivery = _delivery(step.app, step.params)
    step.data = {"items": items, "period_days": period, "delivery": delivery}
    if delivery in same_day_receipt_channels():
        step.data["received_on"] = step.day.isoformat()
    step.issue("correction", correction_items=items, correction_period=period)


def notice_received(step):
    kind = step.params.get("kind")
    _require(kind in NOTICE_EVENTS, _("Choose the notice that was received."))
    sent = step.app.last_event(NOTICE_EVENTS[kind])
    _require(sent is not None, _("This notice was not sent."))
    _require(
        notice_receipt(step.app, kind) is None,
        _("The receipt of this notice is already recorded."),
    )
    _require(
        step.day >= sent["date"], _("A notice cannot be received before it was sent.")
    )
    step.data = {"kind": kind}


def start_consultation(step):
    party = step.text("party")
    _require(party, _("Name the party consulted."))
    basis = step.params.get("basis") or "third_party"
    _require(basis in CONSULTATION_TEXTS, _("Unknown consultation basis."))
    delivered = _date_param(step.params, "delivered", BAD_DATE) or step.day
    _require(
        step.day <= delivered <= site_today(),
        _(
            "The letter is delivered on or after the day it is sent, and not "
            "later than today."
        ),
    )
    window_end = consultation_window_end({"date": step.day, "delivered": delivered})
    step.data = {
        "party": party,
        "basis": basis,
        "delivered": delivered.isoformat(),
        "window_end": window_end.isoformat(),
    }
    step.issue(
        "consultation",
        party=party,
        window_end=_cn(window_end),
        **CONSULTATION_TEXTS[basis],
    )


def end_consultation(step):
    last = step.app.last_event("consultation_started")
    _require(last is not None, _("No consultation was started."))
    answer = step.params.get("answer") or "answered"
    _require(
        answer in ("answered", "silence"),
        _("Say whether the party answered or stayed silent."),
    )
    window_end = consultation_window_end({"date": last["date"], **last["data"]})
    step.data = {"party": last["data"].get("party", ""), "answer": answer}
    if answer == "silence":
        _require(
            step.day > window_end,
            _(
                "The party has until ${date} to answer: silence can be recorded "
                "from the next day.",
                mapping={"date": window_end.isoformat()},
            ),
        )
        decision = step.text("decision")
        if not decision and last["data"].get("basis") == "agency":
            decision = "逾期未回复，视为同意（条例第三十四条）"
        _require(
            decision,
            _("Record what the agency decided on the party's silence (art. 32)."),
        )
        step.data["decision"] = decision
    if step.day > window_end:
        step.data["window_end"] = window_end.isoformat()


def extend(step):
    _require(step.state in OPEN_STATES, _("Only an open case can be extended."))
    reason = step.text("reason")
    _require(reason, _("Give the reason for the extension."))
    days = extension_days(step.params)
    user = api.user.get_current()
    step.data = {
        "days": days,
        "approver": approver_name(user),
        "approver_id": user.getId(),
        "reason": reason,
    }
    step.notice = "extension"


def extension_notice(step):
    """The extension notice names the new deadline (known after the check)."""
    step.notice_values = {
        "extension_days": step.data["days"],
        "new_deadline": f"{step.result.reply_deadline:%Y年%-m月%-d日}",
        "reasons": step.data["reason"],
    }


def fee_notice(step):
    _require(step.state in FEE_STATES, _("Fees apply to open cases."))
    _require(
        not step.app.has_event("fee_notice_sent"),
        _("A fee notice was already sent for this case."),
    )
    method = step.params.get("method")
    bad_fee = _("Enter a valid fee method and quantity.")
    quantity = step.number("quantity", 0, bad_fee)
    previous = step.number("previous_items", 0, bad_fee)
    try:
        if method == "by_items":
            fee = compute_fee(
                method, previous_items_this_month=previous, new_items=quantity
            )
        else:
            fee = compute_fee(method, pages=quantity)
    except (TypeError, ValueError):
        raise ActionError(bad_fee) from None
    _require(fee.amount > 0, _("The fee is 0 yuan: no fee notice is needed."))
    delivery = _delivery(step.app, step.params)
    step.data = {
        "method": fee.method,
        "quantity": fee.quantity,
        "amount": fee.amount,
        "breakdown": fee.breakdown,
        "delivery": delivery,
    }
    payment_text = "按您收到本通知的日期计算的期限届满日"
    if delivery in same_day_receipt_channels():
        step.data["received_on"] = step.day.isoformat()
        payment_deadline = get_site_calendar().add_working_days(
            step.day, fee_payment_days()
        )
        step.data["payment_deadline"] = payment_deadline.isoformat()
        payment_text = _cn(payment_deadline)
    step.issue(
        "fee",
        fee_amount=fee.amount,
        fee_breakdown=fee.breakdown,
        payment_deadline=payment_text,
    )


def fee_paid(step):
    _require(
        step.app.has_event("fee_notice_sent") and not step.app.has_event("fee_paid"),
        _("There is no unpaid fee notice."),
    )


def remedy_filed(step):
    proceeding = step.params.get("proceeding")
    _require(proceeding in PROCEEDINGS, _("Choose the kind of proceeding."))
    known = proceedings(step.app)
    _require(
        proceeding not in known, _("This proceeding is already recorded for the case.")
    )
    if proceeding == "after_review":
        _require(
            "review" in known and known["review"]["filed"] <= step.day,
            _("Record the reconsideration before the litigation after it."),
        )
    step.data = {"proceeding": proceeding, "organ": step.text("organ")[:200]}


def remedy_decided(step):
    proceeding = step.params.get("proceeding")
    _require(proceeding in PROCEEDINGS, _("Choose the kind of proceeding."))
    known = proceedings(step.app).get(proceeding)
    _require(known is not None, _("This proceeding was not recorded."))
    _require(known["decided"] is None, _("The result of this proceeding is recorded."))
    _require(
        step.day >= known["filed"],
        _("A proceeding cannot be decided before it was filed."),
    )
    result = step.params.get("result")
    _require(result in RESULTS, _("Choose the result of the proceeding."))
    step.data = {"proceeding": proceeding, "result": result}


def _reply_variant(step):
    """The special notice (art. 36(1)/(5)) asked for, with its fields."""
    variant = step.params.get("variant") or ""
    if not variant:
        return "", step.params.get("outcome")
    _require(variant in REPLY_VARIANTS, _("Unknown kind of reply notice."))
    outcome = step.params.get("outcome") or REPLY_VARIANTS[variant]["outcome"]
    _require(
        outcome == REPLY_VARIANTS[variant]["outcome"],
        _("This kind of reply notice does not fit the outcome."),
    )
    for name in REPLY_VARIANTS[variant]["fields"]:
        value = step.text(name)
        _require(value, VARIANT_FIELD_MESSAGES[name])
        step.notice_values[name] = value
        step.data[name] = value
    return variant, outcome


def reply(step):
    variant, outcome = _reply_variant(step)
    try:
        application_outcome(outcome)
    except LookupError:
        raise ActionError(_("Choose the outcome of the reply.")) from None
    if step.state == "awaiting_correction":
        _require(
            outcome == "no_correction",
            _("While a correction is awaited the only reply is 'no correction'."),
        )
    basis = closure_basis(step.app, outcome, step.day)
    reasons = step.text("reasons")
    _require(
        reasons or basis or outcome == "granted", _("Give the reasons of the reply.")
    )
    step.data["outcome"] = outcome
    if variant:
        step.data["variant"] = variant
    if basis:
        step.data["legal_basis"] = basis
    step.outcome = outcome
    step.issue("reply", reasons="\n".join(part for part in (basis, reasons) if part))


def reply_on_the_spot(step):
    reply(step)
    _require(
        step.day == step.app.received_date and step.state == "registered",
        _("A reply on the spot is given on the day of receipt."),
    )
    step.data["on_the_spot"] = True


# When each action is possible -------------------------------------------------


def _transition(name):
    def available(app, state, transitions):
        return name in transitions

    return available


def _unreceived(app, state, transitions):
    return bool(unreceived_notices(app))


def _on_the_spot(app, state, transitions):
    return state == "registered" and site_today() == app.received_date


def _open(app, state, transitions):
    return state in OPEN_STATES


def _fee_unsent(app, state, transitions):
    return state in FEE_STATES and not app.has_event("fee_notice_sent")


def _fee_unpaid(app, state, transitions):
    return (
        state in FEE_STATES
        and app.has_event("fee_notice_sent")
        and not app.has_event("fee_paid")
    )


def _remedy_to_file(app, state, transitions):
    return state != "withdrawn" and len(proceedings(app)) < len(PROCEEDINGS)


def _remedy_to_decide(app, state, transitions):
    return state != "withdrawn" and any(
        item["decided"] is None for item in proceedings(app).values()
    )


def unreceived_notices(app):
    """Kinds ("correction", "fee") of sent notices whose receipt is unknown."""
    return [
        kind
        for kind, event_type in NOTICE_EVENTS.items()
        if app.has_event(event_type) and notice_receipt(app, kind) is None
    ]


REPLY_FIELDS = (
    "outcome",
    "variant",
    "public_location",
    "competent_agency",
    "competent_agency_contact",
    "reasons",
)

# The table, in the order the case page offers the steps.
ACTIONS = {
    action.name: action
    for action in (
        CaseAction(
            "accept",
            _("Accept for processing"),
            transition="accept",
            available=_transition("accept"),
        ),
        CaseAction(
            "request_correction",
            _("Request correction"),
            "request_correction",
            "correction_requested",
            ("items", "period_days", "delivery"),
            request_correction,
            available=_transition("request_correction"),
        ),
        CaseAction(
            "receive_correction",
            _("Correction received"),
            "receive_correction",
            "correction_received",
            available=_transition("receive_correction"),
        ),
        CaseAction(
            "start_consultation",
            _("Start consultation"),
            "start_consultation",
            "consultation_started",
            ("party", "basis", "delivered"),
            start_consultation,
            available=_transition("start_consultation"),
        ),
        CaseAction(
            "end_consultation",
            _("End consultation"),
            "end_consultation",
            "consultation_ended",
            ("answer", "decision"),
            end_consultation,
            available=_transition("end_consultation"),
        ),
        CaseAction(
            "reply",
            _("Reply"),
            "reply",
            "replied",
            REPLY_FIELDS,
            reply,
            available=_transition("reply"),
        ),
        CaseAction(
            "withdraw",
            _("Withdrawn by the applicant"),
            "withdraw",
            "withdrawn",
            available=_transition("withdraw"),
        ),
        CaseAction(
            "archive",
            _("Archive"),
            "archive",
            "archived",
            available=_transition("archive"),
        ),
        CaseAction(
            "reply_on_the_spot",
            _("Reply on the spot"),
            "reply",
            "replied",
            REPLY_FIELDS,
            reply_on_the_spot,
            available=_on_the_spot,
        ),
        CaseAction(
            "notice_received",
            _("Notice received by the applicant"),
            None,
            "notice_received",
            ("kind",),
            notice_received,
            available=_unreceived,
        ),
        CaseAction(
            "extend",
            _("Approve an extension"),
            None,
            "extension",
            ("days", "reason"),
            extend,
            finish=extension_notice,
            available=_open,
            permission=APPROVE_EXTENSION,
            denied=_(
                "Only the head of the disclosure office (permission 'Approve "
                "extension') can approve an extension."
            ),
        ),
        CaseAction(
            "fee_notice",
            _("Send fee notice"),
            None,
            "fee_notice_sent",
            ("method", "quantity", "previous_items", "delivery"),
            fee_notice,
            available=_fee_unsent,
        ),
        CaseAction(
            "fee_paid",
            _("Fee paid"),
            None,
            "fee_paid",
            handler=fee_paid,
            available=_fee_unpaid,
        ),
        # 行政复议 / 行政诉讼 about the case (table 四), in any state.
        CaseAction(
            "remedy_filed",
            _("Record a reconsideration or lawsuit"),
            None,
            "remedy_filed",
            ("proceeding", "organ"),
            remedy_filed,
            available=_remedy_to_file,
        ),
        CaseAction(
            "remedy_decided",
            _("Record the result of a reconsideration or lawsuit"),
            None,
            "remedy_decided",
            ("proceeding", "result"),
            remedy_decided,
            available=_remedy_to_decide,
        ),
    )
}
ACTIONS = types.MappingProxyType(ACTIONS)

# Every input name any action reads (what @@application-action passes on).
ACTION_PARAMS = tuple(FIELDS)


def available_actions(app):
    """The actions the current user can take on the case now, in page order."""
    state = api.content.get_state(app)
    transitions = available_transitions(app)
    return [
        action
        for action in ACTIONS.values()
        if api.user.has_permission(action.permission, obj=app)
        and action.available(app, state, transitions)
    ]


def perform(app, action, day=None, note="", **params):
    """Do one action on a case as the current user; returns the event stored.

    Raises ActionError (nothing is stored) when the action is impossible.
    """
    spec = ACTIONS.get(action) if isinstance(action, str) else None
    if spec is None:
        raise ActionError(_("Unknown action."))
    _require(api.user.has_permission(spec.permission, obj=app), spec.denied)
    day = day or site_today()
    _require(isinstance(day, date), BAD_DATE)
    _require(day <= site_today(), _("The date cannot be later than today."))
    _require(day >= app.received_date, _("The date cannot be before the receipt."))
    if spec.transition:
        _require(
            spec.transition in available_transitions(app),
            _("This action is not possible in the current state."),
        )
    step = Step(app, day, api.content.get_state(app), params)
    if spec.handler is not None:
        spec.handler(step)

    event = {"type": spec.event, "date": day, **step.data}
    if spec.event in EVENT_TYPES:
        step.result = _check_history(app, event)
    if spec.finish is not None:
        spec.finish(step)

    actor = current_actor()
    stored = app.add_event(spec.event or action, day, actor, note=note, **step.data)
    if step.outcome:
        app.outcome = step.outcome
    if step.notice:
        file_id = issue_notice(
            app,
            step.notice,
            day,
            actor,
            outcome=step.outcome,
            variant=step.data.get("variant", ""),
            **step.notice_values,
        )
        stored["data"]["notice"] = file_id
        app._p_changed = True
        # The consultation letter goes to the consulted party, not the applicant.
        if step.notice != "consultation" and send_notice_mail(app, file_id):
            stored["data"]["mailed"] = True
    if spec.transition:
        fire(app, spec.transition)  # the runner role (shared: casehistory.py)
    app.reindexObject()
    return stored
